/** Titles and roles that stand before a person's name. General English: no list here names anything of a particular article. */

/** Offices: a title whose last word is one of these is compared between memo and source (a generic role is not). */
export const OFFICES = new Set(['president', 'minister', 'chancellor', 'governor', 'mayor', 'senator', 'general', 'admiral', 'colonel', 'ambassador',
  'secretary', 'secretary-general', 'king', 'queen', 'prince', 'princess', 'ceo', 'chairman', 'chairwoman', 'judge', 'commissioner', 'premier',
  'speaker', 'sheikh', 'pope', 'bishop', 'archbishop', 'emperor', 'captain', 'major', 'sergeant', 'lieutenant']);

/** Honorifics: a word set before a person's name only, so evidence of a person even in a title-case line. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'rev']);

/** Honorifics and titles that are not offices. */
const OTHER_TITLES = [
  ...HONORIFICS, 'professor', 'lord', 'lady', 'reverend', 'father', 'sister',
  'vice-president', 'vice president', 'prime minister', 'deputy', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'envoy',
  'ayatollah', 'imam', 'cardinal', 'rabbi', 'gen', 'lt', 'col', 'maj', 'capt', 'adm', 'commander', 'sgt', 'marshal',
  'chief', 'justice', 'attorney', 'inspector', 'detective', 'officer', 'spokesman', 'spokeswoman', 'spokesperson',
  'chair', 'director', 'founder', 'fellow', 'leader', 'head', 'coach', 'manager', 'striker', 'midfielder',
  'defender', 'goalkeeper', 'player', 'analyst', 'economist', 'researcher', 'scientist', 'author', 'journalist', 'correspondent', 'editor',
  'actor', 'actress', 'singer', 'star', 'counterpart', 'predecessor', 'successor', 'lawmaker', 'mp', 'mep', 'councillor',
];

/** Titles and roles that precede a person's name ("speaker" only as an office: as a title it is too often a plain noun). Lower-case; matched per word sequence. */
export const PERSON_TITLES = new Set([...OTHER_TITLES, ...[...OFFICES].filter((office) => office !== 'speaker')]);

/**
 * Role words that end a title and seldom a name: a run of capitalised words ending in one ("Chief Executive",
 * "Senior Fellow", "Committee Clerk") is a title, not a person or an organisation. Surnames among role words
 * ("King", "Bishop", "Major", "Judge", "Marshal") are left out.
 */
export const ROLE_LAST_WORDS = new Set([
  'executive', 'director', 'officer', 'manager', 'analyst', 'economist', 'researcher', 'scientist', 'spokesperson', 'spokesman',
  'spokeswoman', 'correspondent', 'editor', 'chairman', 'chairwoman', 'chairperson', 'secretary', 'minister', 'commissioner',
  'ambassador', 'president', 'governor', 'senator', 'representative', 'clerk', 'fellow', 'adviser', 'advisor', 'coordinator',
  'administrator', 'superintendent', 'registrar', 'treasurer', 'deputy', 'inspector', 'envoy', 'rapporteur',
]);
