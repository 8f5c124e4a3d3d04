/** People, organisations and places from proper-noun runs, with titles, demonyms and document-level resolution. */
import { COMMON_NOUN_ACRONYMS, COMPASS_WORDS, countryOf, DOCUMENT_TITLE_WORDS, LEGAL_FORMS, givenNameSex, isCommonNoun, isRegion, CURRENCY_CODES, CURRENCY_LETTER_SYMBOLS, isCity, isDemonym, monthNumber, ORGANIZATION_HINTS, ORGANIZATION_JOINERS, ORGANIZATION_LAST_WORDS, ORGANIZATION_WORDS, PLACE_FIRST_WORDS, PLACE_HINTS, WEEKDAYS, PERSON_TITLES, PLACE_PREPOSITIONS, PLACE_WORDS, ROLE_LAST_WORDS, SPEECH_VERBS, WORLD_REGIONS } from './words';
import { lemmaOfWord, type Token } from './nlp';
import type { Span } from '../text/offsets';

export type EntityType = 'person' | 'organization' | 'place';

export interface Mention extends Span {
  readonly type: EntityType;
  readonly text: string;
  /** A normalised name: the country for a demonym, the full name for a surname. */
  readonly canonical: string;
  /** Title or role words directly before the name ("Prime Minister", "head"), lower-case. */
  readonly title?: string;
  /** True for a nationality or demonym ("Dutch", "Americans") rather than a place name. */
  readonly demonym?: boolean;
  /** Found only because another text knows the name, written here without capitals: weaker evidence. */
  readonly inferred?: boolean;
  /** A transcript's speaker label ("REYES:"): who speaks, not a name in what is said. */
  readonly label?: boolean;
  /** In a wire dateline ("LISBON, June 3 (Reuters) -"): where the story was filed and by whom, not what it says. */
  readonly dateline?: boolean;
  /**
   * The organisation this form names in full, where the document gives it another way ("LHA" for "Lagos Harbour
   * Authority", "Delta Marine" for "Delta Marine Works Limited"): what the Sources view lists it under. Checks still
   * compare {@link canonical}.
   */
  readonly entity?: string;
  /**
   * The type is a guess: nothing in the text said what the name is (an organisation, by default), or another text's
   * guess was taken. A fix never puts a name of "the same type" in its place.
   */
  readonly guessed?: boolean;
  /** A word of a name standing alone with no name of the document to stand for ("Office"): the view does not list it. */
  readonly unlisted?: boolean;
  /** Index of the first token of the mention. */
  readonly firstToken: number;
  readonly endToken: number;
}

/** Lower-case particles that may sit inside a name ("Saraya al-Salam", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'della', 'dos', 'das', 'ben', 'bint', 'ould', 'te', 'ter', 'ten', 'op', 'zu', 'y']);
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const APOSTROPHES = new Set(["'", '\u2019']);

function isCapitalised(word: string): boolean {
  return /^[A-Z\u00C0-\u00DE]/.test(word);
}

/** Prefixes that make a capitalised word an adjective ("Pro-Iranian", "Anti-war"), not a name. */
const ADJECTIVE_PREFIX = /^(?:pro|anti|non|ex|neo|post|pre|counter|mid|semi|pan)-/i;

function isNameToken(token: Token): boolean {
  // Demonyms are often tagged as adjectives ("French nationality"); they are names all the same.
  if (token.pos === 'ADJ' && isCapitalised(token.text) && countryOf(token.text)) return true;
  if (token.pos !== 'PROPN' || ADJECTIVE_PREFIX.test(token.text)) return false;
  return isCapitalised(token.text) || /^(?:al|el|ad|as|ash|an|ibn|bin)-[A-Z]/.test(token.text);
}

function adjacent(a: Token, b: Token): boolean {
  return a.end === b.start;
}

interface Run {
  first: number;
  end: number;
}

/** Runs of name tokens, joined across particles, hyphens and "of" where the parts are names. */
const NONE = (): boolean => false;

function nameRuns(tokens: readonly Token[], from: number, to: number, usedInLowerCase: (word: string) => boolean = NONE): Run[] {
  const runs: Run[] = [];
  let i = from;
  // "the Office for Rural Mobility": a capitalised organisation word tagged as a common noun, inside a sentence.
  const isOrganizationNoun = (k: number): boolean => k > from && isCapitalisedWord(tokens[k]) && ORGANIZATION_WORDS.has(tokens[k].text.toLowerCase());
  // '"…," Hung said': a capitalised word inside a sentence right before a verb of saying is a name, whatever the
  // tagger read ("Hung" as the verb "hang"); so is one ending a run of names before it ("Nguyen Van Hung said").
  // Not a word the text (or another text) also writes in lower case ("people reported").
  const namesSpeaker = (k: number): boolean => k > from && k + 1 < to && isCapitalisedWord(tokens[k]) && tokens[k].pos !== 'PROPN' && !usedInLowerCase(tokens[k].text) && tokens[k + 1].pos === 'VERB' && SPEECH_VERBS.has(tokens[k + 1].lemma) && adjacentWords(tokens, k + 1)
    && (isNameToken(tokens[k - 1]) || PERSON_TITLES.has(tokens[k - 1].text.toLowerCase()) || [',', '\u201d', '"', '\u2019', "'"].includes(tokens[k - 1].text));
  while (i < to) {
    if (!isNameToken(tokens[i]) && !isOrganizationNoun(i) && !namesSpeaker(i) && !(NAME_PARTICLES.has(tokens[i].text.toLowerCase()) && i + 2 < to && HYPHENS.has(tokens[i + 1].text) && isNameToken(tokens[i + 2]))) {
      i++;
      continue;
    }
    const first = i;
    let end = i + 1;
    for (;;) {
      const next = tokens[end];
      if (end < to && next && (isNameToken(next) || isOrganizationNoun(end) || namesSpeaker(end))) {
        end++;
        continue;
      }
      // A company's legal form after its name, which the tagger may read as another word: "Orvik Shipping AS",
      // "Dunmore Holdings SE". Not after words in capitals ("PRICES RISE AS ..." is a headline).
      if (end < to && next && LEGAL_FORMS.has(next.text) && !SHOUTED.test(tokens[end - 1].text) && adjacentWords(tokens, end)) {
        end++;
        break;
      }
      // A capitalised word of another part of speech between two parts of a name: "Tin Can Island", "Delta Marine Works".
      if (end + 1 < to && end > from && next && isCapitalisedWord(next) && !isNameToken(next) && adjacentWords(tokens, end) && (isNameToken(tokens[end + 1]) || isOrganizationNoun(end + 1) || LEGAL_FORMS.has(tokens[end + 1].text))) {
        end += 2;
        continue;
      }
      // Hyphenated parts written without spaces: "al-Sadr", "Al-Haq", "Secretary-General".
      if (end + 1 < to && HYPHENS.has(tokens[end]?.text) && adjacent(tokens[end - 1], tokens[end]) && adjacent(tokens[end], tokens[end + 1]) && (isNameToken(tokens[end + 1]) || isCapitalised(tokens[end + 1].text))) {
        end += 2;
        continue;
      }
      // Particles: "Saraya al-Salam", "Moqtada al-Sadr".
      if (end + 2 < to && NAME_PARTICLES.has(tokens[end]?.text.toLowerCase()) && HYPHENS.has(tokens[end + 1].text) && isNameToken(tokens[end + 2])) {
        end += 3;
        continue;
      }
      if (end + 1 < to && NAME_PARTICLES.has(tokens[end]?.text.toLowerCase()) && isNameToken(tokens[end + 1]) && !tokens[end].text.match(/^[A-Z]/)) {
        end += 2;
        continue;
      }
      // "Ministry of Energy and Fuel Infrastructure", "Committee on Ports and Inland Waterways", "Bank of England": only
      // once the name so far holds an organisation word (or ends in a place word: "Gulf of Aden").
      // A legal form ends a company's name: "Dunmore Holdings SE and Orvik Shipping AS" are two. An ampersand between
      // capitalised words always joins them: "Quek & Partners", "Procter & Gamble".
      const ampersand = tokens[end]?.text === '&';
      if (end + 1 < to && !LEGAL_FORMS.has(tokens[end - 1].text) && ORGANIZATION_JOINERS.has(tokens[end]?.text.toLowerCase()) && (isNameToken(tokens[end + 1]) || isCapitalisedWord(tokens[end + 1])) && (ampersand || hasOrganizationWord(tokens, first, end) || PLACE_WORDS.has(tokens[end - 1].text.toLowerCase()))) {
        end += 2;
        continue;
      }
      // A plural possessive inside a name: "Smallholders' Association", "Shippers' Forum".
      if (end + 1 < to && APOSTROPHES.has(tokens[end]?.text) && adjacent(tokens[end - 1], tokens[end]) && /s$/.test(tokens[end - 1].text) && isNameToken(tokens[end + 1])) {
        end += 2;
        continue;
      }
      break;
    }
    // A capitalised "The" mid-sentence belongs to the name: "The Hague".
    let start = first;
    if (first > from && tokens[first - 1].text === 'The' && first - 1 > from) start = first - 1;
    runs.push({ first: start, end });
    i = end;
  }
  return runs;
}

/**
 * "Officials", "Traders", "Women": a plural the lexicon reads as an inflection of a common word ("official"). Plurals
 * only: the lexicon also maps British spellings to American ones ("Labour" -> "labor"), and those may be names.
 */
function isInflectedCommonWord(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:s|men|ren)$/u.test(word)) return false;
  const lemma = lemmaOfWord(word);
  return lemma !== word.toLowerCase() && /^\p{Ll}+$/u.test(lemma);
}

/** A capitalised content word of any part of speech ("Inland" in "Ports and Inland Waterways"). */
function isCapitalisedWord(token: Token): boolean {
  return isCapitalised(token.text) && /\p{L}{2,}/u.test(token.text) && token.pos !== 'DET' && token.pos !== 'PRON' && token.pos !== 'PUNCT';
}

/** Token k follows the token before it after one space: parts of one name, not across a line break. */
function adjacentWords(tokens: readonly Token[], k: number): boolean {
  return tokens[k].start - tokens[k - 1].end === 1;
}

function hasOrganizationWord(tokens: readonly Token[], first: number, end: number): boolean {
  for (let k = first; k < end; k++) if (ORGANIZATION_WORDS.has(tokens[k].text.toLowerCase())) return true;
  return false;
}

/** Splits leading titles and demonyms off a run: "Dutch Prime Minister Rutte" -> Dutch | prime minister | Rutte. */
function peel(tokens: readonly Token[], run: Run): { demonyms: Run[]; title?: string; titleRun?: Run; core: Run } {
  const demonyms: Run[] = [];
  let i = run.first;
  let title: string | undefined;
  let titleRun: Run | undefined;
  while (i < run.end) {
    const word = tokens[i].text;
    const country = countryOf(word);
    // "European Commission", "African Union": a demonym before a lone organisation word is part of its name.
    const restIsOneOrgWord = run.end - i === 2 && ORGANIZATION_WORDS.has(tokens[i + 1].text.toLowerCase());
    // "Guinea-Bissau", "Timor-Leste": a country whose name is hyphened is one name, not a demonym before another.
    const rest = tokens.slice(i, run.end).map((t) => t.text).join(' ');
    if (country && i + 1 < run.end && !restIsOneOrgWord && !countryOf(rest) && !countryOf(rest.replace(/ ?([-\u2010\u2011]) ?/g, '$1'))) {
      // A demonym used as an adjective before a title or name.
      demonyms.push({ first: i, end: i + 1 });
      i++;
      continue;
    }
    const two = i + 1 < run.end ? `${word} ${tokens[i + 1].text}`.toLowerCase() : '';
    if (two && PERSON_TITLES.has(two) && i + 2 < run.end) {
      title = two;
      titleRun = { first: i, end: i + 2 };
      i += 2;
      continue;
    }
    // "Transport Minister Karen Smit", "Foreign Secretary X": capitalised words up to a title word are the title.
    const titleAhead = tokens.slice(i + 1, run.end - 1).findIndex((t) => PERSON_TITLES.has(t.text.toLowerCase()));
    if (title === undefined && titleAhead >= 0 && !ORGANIZATION_WORDS.has(tokens[run.end - 1].text.toLowerCase()) && !countryOf(word)) {
      const titleEnd = i + 1 + titleAhead + 1;
      title = tokens.slice(i, titleEnd).map((t) => t.text.toLowerCase()).join(' ');
      titleRun = { first: i, end: titleEnd };
      i = titleEnd;
      continue;
    }
    if (PERSON_TITLES.has(word.toLowerCase().replace(/\.$/, '')) && i + 1 < run.end && !ORGANIZATION_WORDS.has(tokens[run.end - 1].text.toLowerCase())) {
      title = (title ? `${title} ` : '') + word.toLowerCase();
      titleRun = { first: titleRun?.first ?? i, end: i + 1 };
      i++;
      continue;
    }
    break;
  }
  while (i < run.end && HYPHENS.has(tokens[i].text)) i++;
  // "Secretary-General", "Prime Minister": a title with no name is not a mention.
  const rest = tokens.slice(i, run.end).map((t) => t.text.toLowerCase()).filter((w) => !HYPHENS.has(w));
  if (rest.length > 0 && (rest.every((w) => PERSON_TITLES.has(w)) || PERSON_TITLES.has(rest.join(' ')))) i = run.end;
  // "Chief Financial Officer", "Deputy Managing Director": after a title, words ending in a title word are the title.
  else if (title !== undefined && rest.length > 0 && PERSON_TITLES.has(rest[rest.length - 1]) && !hasOrganizationWord(tokens, i, run.end)) i = run.end;
  // "Minister of Foreign Affairs Fuad Hussein": after "<title> of", the portfolio comes first and the name last.
  const beforeRun = run.first >= 2 ? tokens[run.first - 1].text.toLowerCase() : '';
  const lastTwoAreNames = run.end - i >= 3 && isNameToken(tokens[run.end - 1]) && isNameToken(tokens[run.end - 2]) && adjacent(tokens[run.end - 2], tokens[run.end - 1]) === false;
  if (beforeRun === 'of' && PERSON_TITLES.has(tokens[run.first - 2].text.toLowerCase()) && lastTwoAreNames) {
    i = run.end - 2;
    title = (title ?? tokens[run.first - 2].text.toLowerCase());
  }
  return { demonyms, title, titleRun, core: { first: i, end: run.end } };
}

function textOf(text: string, tokens: readonly Token[], run: Run): string {
  return text.slice(tokens[run.first].start, tokens[run.end - 1].end);
}

/** A name as it is known and compared: a hard-wrapped "Karen\nSmit" is "Karen Smit". */
function spaced(name: string): string {
  return /[^\S ]| {2}/.test(name) ? name.replace(/\s+/g, ' ') : name;
}

/** Longest name, in words, looked up among the names other texts know. */
const KNOWN_NAME_MAX_WORDS = 4;
const KNOWN_NAME_MIN_CHARS = 4;
const ACRONYM = /^[A-Z][A-Z0-9&]{1,5}$/;
const SHOUTED = /^[A-Z][A-Z'\u2019-]+$/;

interface Candidate {
  run: Run;
  text: string;
  type: EntityType | undefined;
  confident: boolean;
  title?: string;
  demonym?: boolean;
  inferred?: boolean;
  /** The type came from another text's guess (see {@link Mention.guessed}). */
  guessed?: boolean;
  dateline?: boolean;
}

/** Title words found in lower case right before a name: "the Dutch head of the UN mission, Jeannine Plasschaert". */
function lowerCaseTitleBefore(tokens: readonly Token[], index: number, from: number): string | undefined {
  for (let k = index - 1; k >= Math.max(from, index - 2); k--) {
    const word = tokens[k].text.toLowerCase();
    if (PERSON_TITLES.has(word)) return word;
    if (tokens[k].pos !== 'ADJ' && !countryOf(tokens[k].text)) break;
  }
  return undefined;
}

function classify(text: string, tokens: readonly Token[], run: Run, from: number, to: number, title: string | undefined): { type: EntityType | undefined; confident: boolean; guessed?: boolean } {
  const words = tokens.slice(run.first, run.end).map((t) => t.text);
  const surface = spaced(textOf(text, tokens, run));
  const last = words[words.length - 1].toLowerCase();
  // A transcript's speaker label: "REYES:" or "AMINATA DIALLO:" opening a sentence.
  if (run.first === from && tokens[run.end]?.text === ':' && words.every((w) => SHOUTED.test(w) || HYPHENS.has(w))) return { type: 'person', confident: true };
  if (countryOf(surface) || WORLD_REGIONS.has(surface.toLowerCase())) return { type: 'place', confident: true };
  if (words.some((w) => ORGANIZATION_WORDS.has(w.toLowerCase()))) return { type: 'organization', confident: true };
  if (words.length >= 2 && (ORGANIZATION_LAST_WORDS.has(last) || LEGAL_FORMS.has(words[words.length - 1]))) return { type: 'organization', confident: true };
  // "Lake Victoria", "Mount Kenya"; "East Africa", "West Midlands", "North East": a region.
  if (words.length >= 2 && PLACE_FIRST_WORDS.has(words[0].toLowerCase())) return { type: 'place', confident: true };
  if (words.length >= 2 && COMPASS_WORDS.has(words[0].toLowerCase()) && (words.length === 2 || isPlaceName(words.slice(1).join(' ')))) return { type: 'place', confident: true };
  if (words.length === 1 && ACRONYM.test(words[0])) return { type: 'organization', confident: true };
  // "FNV Havens", "BBC News": an acronym among capitalised words, unless the whole name is in capitals.
  if (words.length > 1 && words.some((w) => ACRONYM.test(w)) && !words.every((w) => SHOUTED.test(w) || HYPHENS.has(w))) return { type: 'organization', confident: true };
  const hint = run.first > from ? tokens[run.first - 1] : undefined;
  const hintBefore = hint && hint.text === ',' && run.first - 2 >= from ? tokens[run.first - 2] : hint;
  if (hintBefore && ORGANIZATION_HINTS.has(hintBefore.text.toLowerCase())) return { type: 'organization', confident: true };
  const ofBefore = hint && hint.text.toLowerCase() === 'of' && run.first - 2 >= from ? tokens[run.first - 2] : undefined;
  if ((hintBefore && PLACE_HINTS.has(hintBefore.text.toLowerCase())) || (ofBefore && PLACE_HINTS.has(ofBefore.text.toLowerCase()))) return { type: 'place', confident: true };
  if (PLACE_WORDS.has(last)) return { type: 'place', confident: true };
  const following = run.end < to ? tokens[run.end] : undefined;
  if (following && ORGANIZATION_WORDS.has(following.text) && following.pos === 'NOUN') return { type: 'organization', confident: true };
  if (title) return { type: 'person', confident: true };
  // "Statistics Poland", "Disaster Resilience Canada": a common noun, then words ending in a country, is a body of
  // that country, not a person.
  if (words.length >= 2 && countryOf(words[words.length - 1]) && isCommonNoun(words[0]) && !givenNameSex(words[0])) return { type: 'organization', confident: false };
  // "Rynek Research", "Selat Ferries": a name whose last word is a common noun of things or bodies, and whose first
  // is no given name ("Jude Law" is a person), is a firm or a body, even as the subject of "said".
  if (words.length >= 2 && isCommonNoun(last) && !givenNameSex(words[0])) return { type: 'organization', confident: false };
  const before = run.first > from ? tokens[run.first - 1] : undefined;
  const after = run.end < to ? tokens[run.end] : undefined;
  const afterNext = run.end + 1 < to ? tokens[run.end + 1] : undefined;
  // "a consultancy based in Sydney, noted that": a city of the gazetteer after "in", "at" or "from" is the place,
  // before any speech verb after it is read as its speaker.
  if (before && PLACE_PREPOSITIONS.has(before.text.toLowerCase()) && isCity(surface)) return { type: 'place', confident: true, guessed: true };
  // "Kampala said last week": a city standing for its government is still the place, unless it is a given name
  // too ("Sydney said").
  if (words.length === 1 && isCity(surface) && !givenNameSex(surface)) return { type: 'place', confident: true, guessed: true };
  if (after && (SPEECH_VERBS.has(after.lemma) && after.pos === 'VERB')) return { type: 'person', confident: words.length > 1 };
  if (after && after.text === ',' && afterNext && SPEECH_VERBS.has(afterNext.lemma)) return { type: 'person', confident: false };
  // Not "according to X": that names a source, not a place.
  const accordingTo = before?.text.toLowerCase() === 'to' && tokens[run.first - 2]?.text.toLowerCase() === 'according';
  if (before && PLACE_PREPOSITIONS.has(before.text.toLowerCase()) && words.length <= 2 && !accordingTo) return { type: 'place', confident: false };
  // A city of the gazetteer, when nothing around it says otherwise: the dataset's word, not the text's (a guess).
  if (isCity(surface)) return { type: 'place', confident: true, guessed: true };
  // Two capitalised words are a person's name ("Karen Smit"), unless the first is an article ("The Hague").
  if (words.length >= 2 && words[0] !== 'The' && words.every((w) => isCapitalised(w) || NAME_PARTICLES.has(w.toLowerCase()) || HYPHENS.has(w))) return { type: 'person', confident: false };
  return { type: undefined, confident: false };
}

/** What kind of place a name is, by world knowledge: a country, a world region, a city, or not known. */
export function placeKind(name: string): 'country' | 'region' | 'city' | 'unknown' {
  if (countryOf(name)) return 'country';
  if (WORLD_REGIONS.has(name.toLowerCase())) return 'region';
  if (isCity(name)) return 'city';
  // "Southern Africa", "North East England": a compass point before a known place.
  const [first, ...rest] = name.split(/\s+/);
  return rest.length > 0 && COMPASS_WORDS.has(first.toLowerCase()) && isPlaceName(rest.join(' ')) ? 'region' : 'unknown';
}

/** A country, world region or city. */
function isPlaceName(name: string): boolean {
  return countryOf(name) !== undefined || WORLD_REGIONS.has(name.toLowerCase()) || isCity(name);
}

/** A place by world knowledge, first-level regions included ("Souss-Massa", "British Columbia"). */
function isKnownPlace(name: string): boolean {
  return isPlaceName(name) || isRegion(name);
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** A quarter, a half or a fiscal year of a report: "Q4", "H1", "FY2025", "FY25". */
const REPORTING_PERIOD = /^(?:Q[1-4]|H[12]|FY\d{2}(?:\d{2})?)$/;

function isCalendarWord(word: string): boolean {
  return monthNumber(word) !== undefined || WEEKDAYS.has(word.toLowerCase()) || REPORTING_PERIOD.test(word);
}

/**
 * Finds the people, organisations and places among the sentences of a text.
 * Within one document, a surname resolves to the full name mentioned (nearest
 * before, else anywhere), and a name whose type is unclear takes the type it
 * has elsewhere. `commonWords` are words other texts (the sources, for a
 * memo) use in lower case: a capitalised sentence opener among them is not a name.
 */
/** Names another text (the sources, for a memo) already knows: lower-case name or name part -> its type and full name. */
export type KnownNames = ReadonlyMap<string, { readonly type: EntityType; readonly canonical: string; readonly guessed?: boolean }>;

export interface MentionContext {
  /** Words other texts use in lower case: a capitalised sentence opener among them is not a name. */
  readonly commonWords?: ReadonlySet<string>;
  readonly known?: KnownNames;
}

/** Builds {@link KnownNames} from mentions: the full name, and each part of a person's name, to the most frequent reading. */
export function knownNamesOf(mentions: readonly Mention[]): KnownNames {
  const votes = new Map<string, Map<string, { type: EntityType; canonical: string; n: number; guessed: boolean }>>();
  const vote = (key: string, m: Mention): void => {
    const byReading = votes.get(key) ?? new Map();
    const id = `${m.type}\u0000${m.canonical}`;
    const current = byReading.get(id) ?? { type: m.type, canonical: m.canonical, n: 0, guessed: true };
    current.n++;
    // A reading is a guess only when every mention giving it guessed.
    current.guessed &&= Boolean(m.guessed);
    byReading.set(id, current);
    votes.set(key, byReading);
  };
  for (const m of mentions) {
    vote(spaced(m.text).toLowerCase().replace(/^the\s+/, ''), m);
    vote(m.canonical.toLowerCase(), m);
    if (m.type === 'person') for (const part of m.canonical.split(/\s+/)) if (part.length > 2 && isCapitalised(part)) vote(part.toLowerCase(), m);
  }
  const known = new Map<string, { type: EntityType; canonical: string; guessed?: boolean }>();
  for (const [key, readings] of votes) {
    const best = [...readings.values()].sort((a, b) => b.n - a.n)[0];
    known.set(key, { type: best.type, canonical: best.canonical, ...(best.guessed ? { guessed: true } : {}) });
  }
  return known;
}

const firstWordCache = new WeakMap<KnownNames, Set<string>>();

/** The first words of the known names: only a token among them can start one. */
function firstWordsOf(known: KnownNames): Set<string> {
  let words = firstWordCache.get(known);
  if (!words) {
    words = new Set([...known.keys()].map((k) => k.split(/[\s-]/)[0]));
    firstWordCache.set(known, words);
  }
  return words;
}

/** Titles whose "of" names a portfolio ("Minister of Health"), not an organisation. */
const PORTFOLIO_TITLES = new Set(['minister', 'secretary', 'commissioner']);

const DASHES = new Set(['-', '\u2013', '\u2014', '--']);
/** Most tokens a dateline has before its dash: "SAN JOSE, Costa Rica, March 4 (Meridian Wire) -". */
const DATELINE_MAX_TOKENS = 16;

/** Most words of an agency's name in a dateline's brackets: "(CNN)", "(Meridian Wire)". */
const DATELINE_AGENCY_MAX_TOKENS = 4;

/**
 * The agency of a bracketed dateline with no dash, web style: "(CNN)When ...", "London (CNN)Police said ...": a
 * bracket of capitalised words at the start of a line, after at most a place, with the story's first word touching
 * its close. Returns the close's token index, or -1.
 */
function bracketDatelineEnd(tokens: readonly Token[], from: number, to: number): number {
  const open = tokens.slice(from, Math.min(to, from + DATELINE_MAX_TOKENS)).findIndex((t) => t.text === '(') + from;
  if (open < from || !tokens.slice(from, open).every((t) => isCapitalised(t.text) || t.text === ',')) return -1;
  let close = open + 1;
  while (close < to && close - open <= DATELINE_AGENCY_MAX_TOKENS && tokens[close].text !== ')') {
    if (!isCapitalised(tokens[close].text)) return -1;
    close++;
  }
  const next = tokens[close + 1];
  if (close === open + 1 || tokens[close]?.text !== ')' || !next || next.start !== tokens[close].end || !isCapitalised(next.text)) return -1;
  return close;
}

/**
 * A wire dateline opening a sentence at the start of a line: a place in capitals, then optionally a date and the
 * agency in brackets, then a dash ("NAIROBI, March 4 (Meridian Wire) -", "LISBON \u2014", "WASHINGTON (AP) \u2014"), or
 * a bracketed agency with no dash (see bracketDatelineEnd). Returns the index of the dateline's last token (its
 * dash or bracket), or -1.
 */
function datelineEnd(text: string, tokens: readonly Token[], from: number, to: number): number {
  const first = tokens[from];
  if (!first || (first.start > 0 && text[first.start - 1] !== '\n')) return -1;
  if (!SHOUTED.test(first.text) || first.text.length < 3) return bracketDatelineEnd(tokens, from, to);
  for (let k = from + 1; k < Math.min(to, from + DATELINE_MAX_TOKENS); k++) {
    const t = tokens[k];
    if (DASHES.has(t.text)) {
      // "LISBON, June 3 -", "WASHINGTON (AP) -", or a place the gazetteer knows alone before the dash ("LISBON -").
      const held = tokens.slice(from, k).map((x) => x.text);
      const placeAlone = held.every((w) => SHOUTED.test(w)) && isPlaceName(titleCase(held.join(' ')));
      return held.includes(',') || tokens[k - 1].text === ')' || placeAlone ? k : -1;
    }
    if (!/^[\p{Lu}\p{N},.()'\u2019&]/u.test(t.text)) return -1;
  }
  return bracketDatelineEnd(tokens, from, to);
}

export function findMentions(text: string, tokens: readonly Token[], sentences: readonly { firstToken: number; endToken: number }[], context: MentionContext = {}): Mention[] {
  const { commonWords, known } = context;
  const ownLowerCase = new Set(tokens.filter((t) => /^[a-z]/.test(t.text)).map((t) => t.text));
  const usedInLowerCase = (word: string): boolean => ownLowerCase.has(word.toLowerCase()) || (commonWords?.has(word.toLowerCase()) ?? false);
  // Capitalised words met inside a sentence, not at its start: names, where a sentence opener may be a common word.
  let inside: Set<string> | undefined;
  const capitalisedInside = (): Set<string> => {
    if (inside) return inside;
    inside = new Set();
    for (const s of sentences) for (let k = s.firstToken + 1; k < s.endToken; k++) if (isCapitalised(tokens[k].text) && /\p{L}/u.test(tokens[k - 1].text)) inside.add(tokens[k].text);
    return inside;
  };
  // The initials of every run of capitalised words of two or more in the text: the acronyms it spells out.
  let initials: Set<string> | undefined;
  const spelledOut = (): Set<string> => {
    if (initials) return initials;
    initials = new Set();
    for (const s of sentences) for (const run of nameRuns(tokens, s.firstToken, s.endToken)) if (run.end - run.first >= 2) initials.add(initialsOf(spaced(textOf(text, tokens, run))));
    return initials;
  };
  const candidates: Candidate[] = [];
  /** Where the last portfolio read ends (a token index), for a second one joined to it. */
  let portfolioEnd = -1;
  for (const sentence of sentences) {
    let from = sentence.firstToken;
    const to = sentence.endToken;
    const dash = datelineEnd(text, tokens, from, to);
    if (dash > from) {
      // The dateline's place (in capitals: the words before the first comma or bracket) and its agency (in brackets).
      let placeEnd = from;
      const bracketed = tokens[dash].text === ')';
      while (placeEnd < dash && (bracketed ? isCapitalised(tokens[placeEnd].text) && tokens[placeEnd].text !== '(' : SHOUTED.test(tokens[placeEnd].text))) placeEnd++;
      if (placeEnd > from) {
        const run = { first: from, end: placeEnd };
        candidates.push({ run, text: textOf(text, tokens, run), type: 'place', confident: true, dateline: true });
      }
      const open = tokens.slice(from, dash + 1).findIndex((t) => t.text === '(');
      const close = tokens.slice(from, dash + 1).findIndex((t) => t.text === ')');
      if (open >= 0 && close > open + 1) {
        const run = { first: from + open + 1, end: from + close };
        candidates.push({ run, text: textOf(text, tokens, run), type: 'organization', confident: true, dateline: true });
      }
      // The rest of the dateline (its date) is read as any text is; the sentence's names start after the dash.
      from = dash + 1;
    }
    for (const run of nameRuns(tokens, from, to, usedInLowerCase)) {
      const { demonyms, title, core } = peel(tokens, run);
      for (const d of demonyms) {
        candidates.push({ run: d, text: textOf(text, tokens, d), type: 'place', confident: true, demonym: true });
      }
      if (core.end <= core.first) continue;
      // "2.3 degrees Celsius", "40 Fahrenheit": a capitalised word after a measure is part of the unit.
      const beforeRun = tokens[core.first - 1];
      if (beforeRun && beforeRun.pos === 'NOUN' && /^[a-z]/.test(beforeRun.text) && tokens[core.first - 2]?.pos === 'NUM' && core.end - core.first === 1) continue;
      const written = textOf(text, tokens, core);
      const surface = spaced(written);
      const single = core.end - core.first === 1;
      // "NZ$4.2bn", "GH\u20b55", "US$": letters written onto a currency sign are the currency's, not a name.
      if (single && /^\p{Lu}{1,3}$/u.test(surface) && /^\p{Sc}/u.test(text.slice(tokens[core.first].end, tokens[core.first].end + 1))) continue;
      if (single && isCalendarWord(surface)) continue;
      // "Chief Executive", "Senior Fellow", "Committee Clerk": a run ending in a role word is a title. Not "Office of
      // the President": after a joiner, the role is part of an organisation's name.
      if (ROLE_LAST_WORDS.has(tokens[core.end - 1].text.toLowerCase()) && !tokens.slice(core.first, core.end).some((t) => ORGANIZATION_JOINERS.has(t.text.toLowerCase()))) continue;
      // "GDP", "EBITDA", "IPO": an acronym WordNet knows only as a common noun names nothing, unless the text spells it
      // out as a name of its own ("the Gulf Development Programme (GDP)").
      if (single && ACRONYM.test(surface) && COMMON_NOUN_ACRONYMS.has(surface.toLowerCase()) && !spelledOut().has(surface)) continue;
      // "the Affordable Leases Act", "the Finance Bill": the words of a law's, a plan's or a document's title are no
      // person and no organisation (an organisation's own name may stand in one: "the Bank of England Act").
      const titleWord = (t: Token | undefined): boolean => t !== undefined && isCapitalisedWord(t) && DOCUMENT_TITLE_WORDS.has(t.text.toLowerCase());
      if (!hasOrganizationWord(tokens, core.first, core.end) && ((!single && titleWord(tokens[core.end - 1])) || (core.end < to && titleWord(tokens[core.end])))) continue;
      // "SEK 3.2bn", "KSh 40m": a currency's code or symbol before its amount (values.ts reads it as the unit).
      if (single && (CURRENCY_CODES[surface] || CURRENCY_LETTER_SYMBOLS[surface]) && tokens[core.end]?.type === 'number' && core.end < to) continue;
      // "Commissioner for Rural Energy", "Minister of Health": after a title and "for" (or a minister's "of"), a
      // portfolio. Not "head of Hamas": "of" after other titles names whom the person serves.
      const titleBefore = tokens[core.first - 2]?.text.toLowerCase() ?? '';
      const joiner = tokens[core.first - 1]?.text.toLowerCase();
      // "Director of Workforce Planning": after any title and "of", words ending in a common noun of acts or things are
      // what the person is in charge of.
      const portfolio = (joiner === 'for' && PERSON_TITLES.has(titleBefore)) || (joiner === 'of' && (PORTFOLIO_TITLES.has(titleBefore) || (PERSON_TITLES.has(titleBefore) && isCommonNoun(tokens[core.end - 1].text))));
      // "Minister of Environment and Ecological Transition": a second portfolio joined to the first by "and".
      const secondPortfolio = joiner === 'and' && portfolioEnd === core.first - 1 && isCommonNoun(tokens[core.end - 1].text);
      if ((portfolio || secondPortfolio) && !hasOrganizationWord(tokens, core.first, core.end) && !isPlaceName(surface)) {
        portfolioEnd = core.end;
        continue;
      }
      const effectiveTitle = title ?? lowerCaseTitleBefore(tokens, core.first, from);
      const knownReading = known?.get(surface.toLowerCase().replace(/^the\s+/, ''));
      if (knownReading) {
        candidates.push({ run: core, text: written, type: knownReading.type, confident: true, title: effectiveTitle, demonym: isDemonym(surface), guessed: knownReading.guessed });
        continue;
      }
      // A transcript's speaker label, title and all: "MR OKAFOR:", "DR AMINA REYES:".
      const shoutedLabel = run.first === from && tokens[run.end]?.text === ':' && tokens.slice(run.first, run.end).every((t) => SHOUTED.test(t.text) || HYPHENS.has(t.text) || /^[A-Z]+\.$/.test(t.text));
      const { type, confident, guessed } = shoutedLabel ? { type: 'person' as const, confident: true, guessed: false } : classify(text, tokens, core, from, to, effectiveTitle);
      const country = countryOf(surface);
      if (!confident && single && !country) {
        // A capitalised sentence opener that the text also uses in lower case is a common word ("Supporters of …").
        const opensClause = core.first === from || [':', ';', '-', '\u2014', '\u2013', '(', '"', '\u201c', '\u2018', "'"].includes(tokens[core.first - 1]?.text ?? '');
        if (opensClause && (usedInLowerCase(surface) || !type || (isInflectedCommonWord(surface) && !capitalisedInside().has(surface)))) continue;
        // A lone capitalised modifier of a common noun ("Shiite militias", "Kurdish peshmerga") is not a named thing.
        const next = tokens[core.end];
        if (next && next.pos === 'NOUN' && /^[a-z]/.test(next.text) && !effectiveTitle) continue;
      }
      candidates.push({ run: core, text: written, type, confident, title: effectiveTitle, demonym: isDemonym(surface), ...(guessed ? { guessed } : {}) });
    }
  }
  // Names the other texts know, written here without capitals ("benjamin netanyahu", "the hague").
  if (known && known.size > 0) {
    const firstWords = firstWordsOf(known);
    const taken = new Set<number>();
    for (const c of candidates) for (let k = c.run.first; k < c.run.end; k++) taken.add(k);
    for (const sentence of sentences) {
      for (let k = sentence.firstToken; k < sentence.endToken; k++) {
        if (taken.has(k) || !/^[a-z]/.test(tokens[k].text) || !firstWords.has(tokens[k].text.toLowerCase())) continue;
        for (let n = Math.min(KNOWN_NAME_MAX_WORDS, sentence.endToken - k); n >= 1; n--) {
          const run = { first: k, end: k + n };
          let overlaps = false;
          for (let i = 0; i < n && !overlaps; i++) overlaps = taken.has(k + i);
          if (overlaps) continue;
          const surface = spaced(textOf(text, tokens, run)).toLowerCase();
          const reading = known.get(surface);
          if (!reading) continue;
          // A single lower-case word is a name only when the other texts never use it as a common word.
          if (n === 1 && (surface.length < KNOWN_NAME_MIN_CHARS || commonWords?.has(surface) || tokens[k].stopWord)) continue;
          candidates.push({ run, text: textOf(text, tokens, run), type: reading.type, confident: true, inferred: true, demonym: reading.type === 'place' && isDemonym(surface), guessed: reading.guessed });
          for (let i = 0; i < n; i++) taken.add(k + i);
          k += n - 1;
          break;
        }
      }
    }
    candidates.sort((a, b) => a.run.first - b.run.first);
  }
  // Document-level typing: a confident reading of the same name wins.
  const typeInText = new Map<string, EntityType>();
  // The surnames of people named in full: a city the gazetteer guessed under one of them ("Warren's support", after
  // "Elizabeth Warren") does not type the others ("Warren wrote").
  const surnames = new Set(candidates.filter((c) => c.type === 'person' && /\s/.test(c.text.trim())).map((c) => c.text.trim().split(/\s+/).pop()!.toLowerCase()));
  const guessedSurname = (c: Candidate): boolean => Boolean(c.guessed) && c.type === 'place' && surnames.has(spaced(c.text).toLowerCase());
  for (const c of candidates) if (c.confident && c.type && !guessedSurname(c)) typeInText.set(spaced(c.text).toLowerCase(), c.type);
  for (const c of candidates) if (!c.confident && c.type && !typeInText.has(spaced(c.text).toLowerCase())) typeInText.set(spaced(c.text).toLowerCase(), c.type);
  // A name found after "in", "at", "from" or "to" anywhere in the text is probably a place.
  const placeEvidence = new Set<string>();
  for (const c of candidates) {
    const before = tokens[c.run.first - 1];
    if (before && PLACE_PREPOSITIONS.has(before.text.toLowerCase())) placeEvidence.add(spaced(c.text));
  }
  const typed = candidates.map((c) => ({ c, type: c.confident ? c.type : (typeInText.get(spaced(c.text).toLowerCase()) ?? c.type), guessed: Boolean(c.guessed) }));
  // "Alston, Cumbria", "Springfield, Illinois": a name set off by a comma right after a place is the place's region.
  for (let k = 1; k < typed.length; k++) {
    const previous = typed[k - 1];
    const { c } = typed[k];
    if (c.confident || c.title || previous.type !== 'place' || previous.c.demonym) continue;
    // Not a person's name in apposition ("Our director in Kyrgyzstan, Gulnara Abdyrakhmanova, said"): a name the
    // gazetteer does not know, closed by a comma before a verb, is the person the apposition names.
    const surface = spaced(c.text);
    const apposed = tokens[c.run.end]?.text === ',' && tokens[c.run.end + 1]?.pos === 'VERB';
    if (apposed && typed[k].type === 'person' && !isKnownPlace(surface)) continue;
    if (tokens[c.run.first - 1]?.text === ',' && previous.c.run.end === c.run.first - 1) typed[k] = { ...typed[k], type: 'place' };
  }
  // "in Soc Trang and Ben Tre": a name joined by "and" or "or" to a place is a place too, when nothing says what it is
  // itself (a demonym, "Dutch and Danish firms", says nothing of what follows it).
  for (let k = 1; k < typed.length; k++) {
    const previous = typed[k - 1];
    const { c } = typed[k];
    if (c.confident || c.title || previous.type !== 'place' || previous.c.demonym || previous.c.dateline) continue;
    const j = previous.c.run.end;
    // "Reporting by X in Nairobi and Y in Kampala": a name placed somewhere itself is no second place.
    const placedItself = PLACE_PREPOSITIONS.has(tokens[c.run.end]?.text.toLowerCase() ?? '');
    if (j === c.run.first - 1 && ['and', 'or'].includes(tokens[j].text.toLowerCase()) && !placedItself) typed[k] = { ...typed[k], type: 'place' };
  }
  // "the Saraya al-Salam militia and Asaib Ahl Al-Haq": a name joined by "and" or "or" to an organisation the text
  // types takes its type, when nothing says what it is itself.
  for (let k = 1; k < typed.length; k++) {
    const previous = typed[k - 1];
    const { c } = typed[k];
    if (c.confident || c.title || !previous.c.confident || previous.type !== 'organization' || previous.c.dateline) continue;
    let j = previous.c.run.end;
    // The organisation word after the first name ("militia") may stand between it and the conjunction.
    if (tokens[j] && ORGANIZATION_WORDS.has(tokens[j].text.toLowerCase()) && /^[a-z]/.test(tokens[j].text)) j++;
    if (j === c.run.first - 1 && ['and', 'or'].includes(tokens[j].text.toLowerCase())) typed[k] = { ...typed[k], type: 'organization' };
  }
  // "Rajan Pillai of Harland Kaur": a name right after "<person> of" is what the person belongs to, when nothing says
  // what it is itself and it is no place ("Catherine of Aragon").
  for (let k = 1; k < typed.length; k++) {
    const previous = typed[k - 1];
    const { c } = typed[k];
    if (c.confident || c.title || typed[k].type !== 'person' || previous.type !== 'person' || isPlaceName(spaced(c.text))) continue;
    if (previous.c.run.end === c.run.first - 1 && tokens[previous.c.run.end].text.toLowerCase() === 'of') typed[k] = { ...typed[k], type: 'organization' };
  }
  // Full names of people (two words or more), in order of appearance.
  const fullNamesByPart = new Map<string, { name: string; start: number; guessed: boolean }[]>();
  const fullNames = typed.filter(({ c, type }) => type === 'person' && c.text.split(/\s+/).length >= 2)
    .map(({ c, guessed }) => ({ name: spaced(c.text).replace(/^The\s+/, ''), start: tokens[c.run.first].start, guessed }));
  for (const f of fullNames) {
    for (const part of new Set(f.name.toLowerCase().split(/\s+/))) {
      const list = fullNamesByPart.get(part) ?? [];
      list.push(f);
      fullNamesByPart.set(part, list);
    }
  }
  /** True when `word` is the surname (the last word) of a person the text names in full. */
  const isSurname = (word: string): boolean => (fullNamesByPart.get(word.toLowerCase()) ?? []).some((f) => f.name.toLowerCase().endsWith(` ${word.toLowerCase()}`));
  // Organisations of two words or more by their first word: "Aldervane" after "Aldervane Coatings" is the firm.
  const organizationsByFirstWord = new Map<string, string>();
  for (const { c, type } of typed) {
    const name = spaced(c.text).replace(/^The\s+/, '');
    const first = name.split(/\s+/)[0].toLowerCase();
    if (type === 'organization' && !c.dateline && name.includes(' ') && !organizationsByFirstWord.has(first)) organizationsByFirstWord.set(first, name);
  }
  const sentenceStarts = new Map<number, number>();
  for (const sentence of sentences) for (let k = sentence.firstToken; k < sentence.endToken; k++) sentenceStarts.set(k, sentence.firstToken);
  const sentenceStartOf = (k: number): number => sentenceStarts.get(k) ?? -1;
  const mentions: Mention[] = [];
  for (const { c, type: initialType, guessed: initiallyGuessed } of typed) {
    let type = initialType;
    let guessed = initiallyGuessed;
    let canonical = spaced(c.text).replace(/^The\s+/, '');
    const words = canonical.split(/\s+/);
    const start = tokens[c.run.first].start;
    // A surname of a person the text names in full is that person, even where the gazetteer guessed a city ("Banda
    // said"), but not after a preposition of place ("based in Mendoza").
    const guessedCity = type === 'place' && guessed && !PLACE_PREPOSITIONS.has(tokens[c.run.first - 1]?.text.toLowerCase() ?? '') && isSurname(words[0]);
    if (words.length === 1 && (type !== 'place' || guessedCity) && !(c.confident && type === 'organization')) {
      const matches = fullNamesByPart.get(words[0].toLowerCase()) ?? [];
      const before = matches.filter((f) => f.start < start);
      const full = before.length ? before[before.length - 1] : matches[0];
      const organization = organizationsByFirstWord.get(words[0].toLowerCase());
      // A word that begins an organisation's name and is no person's surname (the last word of a full name) is the
      // organisation: firms are shortened to their first word, people to their last.
      if (organization && !isKnownPlace(canonical) && !isSurname(words[0])) {
        type = 'organization';
        canonical = organization;
      } else if (full) {
        type = 'person';
        canonical = full.name;
        guessed = full.guessed;
      }
    }
    const knownReading = known?.get(spaced(c.text).toLowerCase().replace(/^the\s+/, ''));
    if (knownReading && knownReading.type === type) canonical = knownReading.canonical;
    else if (knownReading && !c.confident) {
      type = knownReading.type;
      canonical = knownReading.canonical;
      guessed = Boolean(knownReading.guessed);
    }
    if (!type) {
      type = c.title ? 'person' : placeEvidence.has(canonical) ? 'place' : 'organization';
      guessed = !c.title;
    }
    if ((type === 'person' || (c.dateline && type === 'place')) && canonical.split(/\s+/).every((w) => SHOUTED.test(w))) canonical = titleCase(canonical);
    if (type === 'place') canonical = countryOf(canonical)?.name ?? canonical;
    const last = tokens[c.run.end - 1];
    const label = tokens[c.run.end]?.text === ':' && c.text.split(/\s+/).every((w) => SHOUTED.test(w)) && tokens.slice(sentenceStartOf(c.run.first), c.run.first).every((t) => PERSON_TITLES.has(t.text.toLowerCase().replace(/\.$/, '')));
    // Flags and title only when they say something: a large source has a mention every ten words.
    mentions.push({
      type, text: c.text, canonical, start, end: last.end, firstToken: c.run.first, endToken: c.run.end,
      ...(c.title ? { title: c.title } : {}), ...(c.demonym ? { demonym: true } : {}), ...(c.inferred ? { inferred: true } : {}), ...(label ? { label: true } : {}), ...(guessed ? { guessed: true } : {}), ...(c.dateline ? { dateline: true } : {}),
    });
  }
  return foldOrganizationForms(mentions, text);
}

/** Most distinct organisation names kept per first word to fold short forms into. */
const FOLD_CANDIDATES_MAX = 16;

/** Words an acronym skips: "Office for National Statistics" is ONS. */
export const ACRONYM_SKIPS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'and', 'the', '&', 'in', 'to', 'de', 'des', 'du', 'la', 'le']);

/** The initials of a name's words, skipping joiners ("Lagos Harbour Authority" -> "LHA"). */
function initialsOf(name: string): string {
  return name.split(/[\s-]+/).filter((w) => w && !ACRONYM_SKIPS.has(w.toLowerCase())).map((w) => w[0].toUpperCase()).join('');
}

/**
 * One organisation under the forms a document gives it: its acronym ("LHA" after "Lagos Harbour Authority (LHA)")
 * and a shortened name ("Delta Marine" after "Delta Marine Works Limited") take the full name as written first.
 */
function foldOrganizationForms(mentions: Mention[], text: string): Mention[] {
  const full = mentions.filter((m) => m.type === 'organization' && /\s/.test(m.canonical) && !m.dateline);
  // "The United Nations Children's Fund (UNICEF)": the text defines the short form, whatever its letters.
  const defined = new Map<string, Mention>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const [long, short] = [mentions[k], mentions[k + 1]];
    if (long.type !== 'organization' || !/\s/.test(long.canonical) || long.dateline || !ACRONYM.test(short.canonical)) continue;
    if (/^\s*\($/.test(text.slice(long.end, short.start)) && text[short.end] === ')' && !defined.has(short.canonical)) defined.set(short.canonical, long);
  }
  const byInitials = new Map<string, Mention>();
  // By first word, so that a short form is compared with the few names it could shorten, not with all of them.
  const byFirstWord = new Map<string, Mention[]>();
  for (const o of full) {
    if (!byInitials.has(initialsOf(o.canonical))) byInitials.set(initialsOf(o.canonical), o);
    const first = o.canonical.split(/\s+/)[0];
    const list = byFirstWord.get(first);
    if (!list) byFirstWord.set(first, [o]);
    else if (list.length < FOLD_CANDIDATES_MAX && !list.some((l) => l.canonical === o.canonical)) list.push(o);
  }
  // Each word of the full names, to the names holding it in document order: what "the Fund" may stand for.
  const holdersByWord = new Map<string, Mention[]>();
  for (const o of full) {
    for (const word of new Set(o.canonical.split(/\s+/))) {
      const list = holdersByWord.get(word);
      if (!list) holdersByWord.set(word, [o]);
      else list.push(o);
    }
  }
  return mentions.map((m) => {
    if (m.label || m.dateline || m.demonym || m.title) return m;
    const words = m.canonical.split(/\s+/);
    let target: Mention | undefined;
    if (words.length === 1 && ACRONYM.test(m.canonical) && m.type !== 'place') target = defined.get(m.canonical) ?? byInitials.get(m.canonical.replace(/s$/, ''));
    // A lone word nothing typed ("Asaib" after "Asaib Ahl Al-Haq"), or several words, that begin a longer name.
    else if ((words.length >= 2 && m.type !== 'place') || (m.type === 'organization' && m.guessed)) {
      // A strict prefix of a longer organisation's name, word for word.
      target = byFirstWord.get(words[0])?.find((o) => o !== m && o.canonical.length > m.canonical.length && o.canonical.startsWith(`${m.canonical} `));
    }
    else if (words.length === 1 && m.type === 'organization' && isLoneHead(m.canonical)) {
      const holders = holdersByWord.get(m.canonical) ?? [];
      // None in the document: a word of a name, not a name ("Office", "Centre" alone): the view lists no organisation.
      // An institution a country has one of ("Parliament", "the Treasury") is a name on its own. Checks are unchanged.
      if (holders.length === 0) return INSTITUTIONS_ALONE.has(m.canonical.toLowerCase()) ? m : { ...m, unlisted: true };
      // "the Fund", "the Committee": the organisation whose name has that word, the nearest before, else the first
      // after. Without "the" the word is a name of its own ("according to Defense", "Parliament voted").
      if (/\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 8), m.start))) target = holders.filter((o) => o.start < m.start).pop() ?? holders[0];
    }
    if (!target || target.canonical === m.canonical) return m;
    return { ...m, entity: target.canonical };
  });
}

/** Organisation words that name an institution on their own, as a country has one of each ("Parliament voted"). */
const INSTITUTIONS_ALONE = new Set(['parliament', 'congress', 'senate', 'cabinet', 'government', 'administration', 'police', 'army', 'navy', 'treasury', 'defense', 'defence']);

/** A capitalised organisation word alone ("Fund", "Committee", "Office"): the head of a name, standing for it. */
function isLoneHead(word: string): boolean {
  return isCapitalised(word) && !ACRONYM.test(word) && ORGANIZATION_WORDS.has(word.toLowerCase());
}
