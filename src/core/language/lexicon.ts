/**
 * General English word lists the engine relies on. Nothing here is specific to
 * any article: countries and their demonyms are world knowledge, the rest is
 * grammar of news writing (titles, verbs of saying, organisation words).
 */

/** Country | demonym | other names. Every UN member state and a few widely used others. */
const COUNTRY_TABLE = `Afghanistan|Afghan
Albania|Albanian
Algeria|Algerian
Andorra|Andorran
Angola|Angolan
Argentina|Argentine|Argentinian
Armenia|Armenian
Australia|Australian
Austria|Austrian
Azerbaijan|Azerbaijani
Bahamas|Bahamian
Bahrain|Bahraini
Bangladesh|Bangladeshi
Barbados|Barbadian
Belarus|Belarusian
Belgium|Belgian
Belize|Belizean
Benin|Beninese
Bhutan|Bhutanese
Bolivia|Bolivian
Bosnia and Herzegovina|Bosnian|Bosnia
Botswana|Botswanan
Brazil|Brazilian
Brunei|Bruneian
Bulgaria|Bulgarian
Burkina Faso|Burkinabe
Burundi|Burundian
Cambodia|Cambodian
Cameroon|Cameroonian
Canada|Canadian
Cape Verde|Cape Verdean
Central African Republic|Central African
Chad|Chadian
Chile|Chilean
China|Chinese|PRC
Colombia|Colombian
Comoros|Comoran
Congo|Congolese|DRC|Democratic Republic of the Congo
Costa Rica|Costa Rican
Croatia|Croatian
Cuba|Cuban
Cyprus|Cypriot
Czech Republic|Czech|Czechia
Denmark|Danish|Dane
Djibouti|Djiboutian
Dominican Republic|Dominican
Ecuador|Ecuadorian
Egypt|Egyptian
El Salvador|Salvadoran
Equatorial Guinea|Equatoguinean
Eritrea|Eritrean
Estonia|Estonian
Eswatini|Swazi
Ethiopia|Ethiopian
Fiji|Fijian
Finland|Finnish|Finn
France|French
Gabon|Gabonese
Gambia|Gambian
Georgia|Georgian
Germany|German
Ghana|Ghanaian
Greece|Greek
Guatemala|Guatemalan
Guinea|Guinean
Guyana|Guyanese
Haiti|Haitian
Honduras|Honduran
Hungary|Hungarian
Iceland|Icelandic|Icelander
India|Indian
Indonesia|Indonesian
Iran|Iranian|Persia|Persian
Iraq|Iraqi
Ireland|Irish
Israel|Israeli
Italy|Italian
Ivory Coast|Ivorian|Cote d'Ivoire
Jamaica|Jamaican
Japan|Japanese
Jordan|Jordanian
Kazakhstan|Kazakh
Kenya|Kenyan
Kosovo|Kosovar
Kuwait|Kuwaiti
Kyrgyzstan|Kyrgyz
Laos|Lao|Laotian
Latvia|Latvian
Lebanon|Lebanese
Lesotho|Basotho
Liberia|Liberian
Libya|Libyan
Liechtenstein|Liechtensteiner
Lithuania|Lithuanian
Luxembourg|Luxembourgish|Luxembourger
Madagascar|Malagasy
Malawi|Malawian
Malaysia|Malaysian
Maldives|Maldivian
Mali|Malian
Malta|Maltese
Mauritania|Mauritanian
Mauritius|Mauritian
Mexico|Mexican
Moldova|Moldovan
Monaco|Monegasque
Mongolia|Mongolian
Montenegro|Montenegrin
Morocco|Moroccan
Mozambique|Mozambican
Myanmar|Burmese|Burma
Namibia|Namibian
Nepal|Nepalese|Nepali
Netherlands|Dutch|Holland|Dutchman
New Zealand|New Zealander|Kiwi
Nicaragua|Nicaraguan
Niger|Nigerien
Nigeria|Nigerian
North Korea|North Korean|DPRK
North Macedonia|Macedonian|Macedonia
Norway|Norwegian
Oman|Omani
Pakistan|Pakistani
Palestine|Palestinian|Palestinian territories
Panama|Panamanian
Papua New Guinea|Papua New Guinean
Paraguay|Paraguayan
Peru|Peruvian
Philippines|Filipino|Philippine
Poland|Polish|Pole
Portugal|Portuguese
Qatar|Qatari
Romania|Romanian
Russia|Russian|Russian Federation
Rwanda|Rwandan
Saudi Arabia|Saudi
Senegal|Senegalese
Serbia|Serbian|Serb
Sierra Leone|Sierra Leonean
Singapore|Singaporean
Slovakia|Slovak
Slovenia|Slovenian|Slovene
Somalia|Somali
South Africa|South African
South Korea|South Korean|Korea|Korean
South Sudan|South Sudanese
Spain|Spanish|Spaniard
Sri Lanka|Sri Lankan
Sudan|Sudanese
Suriname|Surinamese
Sweden|Swedish|Swede
Switzerland|Swiss
Syria|Syrian
Taiwan|Taiwanese
Tajikistan|Tajik
Tanzania|Tanzanian
Thailand|Thai
Togo|Togolese
Trinidad and Tobago|Trinidadian
Tunisia|Tunisian
Turkey|Turkish|Turk|Turkiye
Turkmenistan|Turkmen
Uganda|Ugandan
Ukraine|Ukrainian
United Arab Emirates|Emirati|UAE
United Kingdom|British|Briton|UK|Britain|Great Britain
United States|American|US|USA|U.S.|America|United States of America|U.S.A.
Uruguay|Uruguayan
Uzbekistan|Uzbek
Venezuela|Venezuelan
Vietnam|Vietnamese
Yemen|Yemeni
Zambia|Zambian
Zimbabwe|Zimbabwean
England|English
Scotland|Scottish|Scot
Wales|Welsh
Europe|European
Africa|African
Asia|Asian`;

export interface CountryEntry {
  readonly name: string;
  readonly names: readonly string[];
}

const COUNTRIES: CountryEntry[] = COUNTRY_TABLE.split('\n').map((line) => {
  const names = line.split('|').map((n) => n.trim());
  return { name: names[0], names };
});

const COUNTRY_BY_NAME = new Map<string, CountryEntry>();
for (const entry of COUNTRIES) for (const n of entry.names) COUNTRY_BY_NAME.set(n.toLowerCase(), entry);

/** The country a name, demonym or plural demonym ("Americans") refers to. */
export function countryOf(name: string): CountryEntry | undefined {
  const key = name.toLowerCase().replace(/^the\s+/, '').replace(/['\u2019]s$/, '');
  return COUNTRY_BY_NAME.get(key) ?? (key.endsWith('s') ? COUNTRY_BY_NAME.get(key.slice(0, -1)) : undefined);
}

/**
 * True when a word names a people or nationality ("Dutch", "Americans", "Iraqi") rather than the country itself
 * ("Netherlands") or one of its short names ("US", "UK").
 */
export function isDemonym(word: string): boolean {
  const country = countryOf(word);
  if (!country) return false;
  const lower = word.toLowerCase().replace(/^the\s+/, '');
  if (country.name.toLowerCase() === lower || country.names.slice(2).some((n) => n.toLowerCase() === lower)) return false;
  return /(?:an|ish|ese|i|ch|ss|ic)s?$/i.test(lower);
}

/** Titles and roles that precede a person's name. Lower-case; matched per word sequence. */
export const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father', 'sister',
  'president', 'vice-president', 'vice president', 'prime minister', 'minister', 'deputy', 'chancellor', 'premier', 'governor', 'mayor',
  'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'secretary', 'secretary-general', 'ambassador', 'envoy',
  'king', 'queen', 'prince', 'princess', 'emperor', 'sheikh', 'ayatollah', 'imam', 'pope', 'cardinal', 'bishop', 'archbishop', 'rabbi',
  'general', 'gen', 'lieutenant', 'lt', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'admiral', 'adm', 'commander', 'sergeant', 'sgt', 'marshal',
  'chief', 'judge', 'justice', 'attorney', 'inspector', 'detective', 'officer', 'spokesman', 'spokeswoman', 'spokesperson',
  'ceo', 'chairman', 'chairwoman', 'chair', 'director', 'founder', 'leader', 'head', 'coach', 'manager', 'striker', 'midfielder',
  'defender', 'goalkeeper', 'player', 'analyst', 'economist', 'researcher', 'scientist', 'author', 'journalist', 'correspondent', 'editor',
  'actor', 'actress', 'singer', 'star', 'counterpart', 'predecessor', 'successor', 'commissioner', 'lawmaker', 'mp', 'mep', 'councillor',
]);

/** Words that make a proper-noun run an organisation. Lower-case. */
export const ORGANIZATION_WORDS = new Set([
  'ministry', 'department', 'agency', 'office', 'council', 'committee', 'commission', 'parliament', 'congress', 'senate', 'assembly',
  'government', 'administration', 'cabinet', 'court', 'police', 'army', 'navy', 'force', 'forces', 'guard', 'corps', 'brigade', 'militia',
  'party', 'movement', 'front', 'alliance', 'coalition', 'union', 'league', 'association', 'federation', 'organisation', 'organization',
  'institute', 'institution', 'foundation', 'university', 'college', 'school', 'academy', 'hospital', 'bank', 'fund', 'trust',
  'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'group', 'holdings', 'airlines', 'airways', 'motors', 'bureau', 'service',
  'services', 'authority', 'board', 'club', 'fc', 'united', 'news', 'times', 'post', 'journal', 'press', 'tribune', 'herald', 'gazette',
  'network', 'channel', 'broadcasting', 'television', 'radio', 'agency', 'mission', 'nations', 'network', 'society', 'church', 'team',
  'defense', 'defence', 'pentagon', 'kremlin', 'programme', 'program', 'initiative', 'institute', 'observatory', 'watch', 'tribunal',
  'directorate', 'secretariat', 'command', 'brigades', 'battalion', 'regiment', 'unit', 'squad', 'network', 'exchange', 'partners',
]);

/** Lower-case nouns that, right before a name or in apposition to it, make it an organisation ("shipping firm Maersk", "the union, FNV"). */
export const ORGANIZATION_HINTS = new Set([
  'firm', 'company', 'group', 'union', 'party', 'agency', 'newspaper', 'broadcaster', 'network', 'militia', 'bank', 'carrier',
  'airline', 'manufacturer', 'retailer', 'charity', 'organisation', 'organization', 'ministry', 'department', 'club', 'team',
  'university', 'outlet', 'paper', 'magazine', 'channel', 'movement', 'faction', 'insurer', 'lender', 'startup', 'giant', 'brand',
  'operator', 'regulator', 'watchdog', 'think-tank', 'coalition', 'alliance', 'publisher', 'broadcaster', 'daily', 'weekly',
  'journal', 'publication', 'website', 'app', 'platform', 'label', 'studio', 'lab', 'laboratory',
]);

/** Lower-case nouns that, right before a name, make it a place ("the city of Leeds", "the town Gao"). */
export const PLACE_HINTS = new Set(['city', 'town', 'village', 'province', 'region', 'state', 'county', 'district', 'capital', 'port', 'island', 'country', 'municipality', 'suburb', 'neighbourhood', 'neighborhood']);

/** Words that make a proper-noun run a place. Lower-case. */
export const PLACE_WORDS = new Set([
  'city', 'province', 'state', 'county', 'district', 'region', 'island', 'islands', 'river', 'lake', 'mountain', 'mountains', 'valley',
  'sea', 'ocean', 'gulf', 'bay', 'strait', 'desert', 'airport', 'port', 'square', 'street', 'avenue', 'road', 'bridge', 'park',
  'peninsula', 'coast', 'border', 'capital', 'village', 'town', 'governorate', 'strip', 'bank', 'hills', 'heights', 'canal',
]);

/** Prepositions after which a proper noun is usually a place. */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'into', 'near', 'across', 'outside', 'inside', 'throughout', 'towards', 'toward', 'via']);

/** Verbs and phrases that introduce reported speech. Lemmas, lower-case. */
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'tweet', 'write', 'add', 'state', 'declare', 'warn', 'explain', 'note', 'insist', 'argue', 'claim', 'ask', 'reply',
  'answer', 'describe', 'call', 'announce', 'admit', 'acknowledge', 'assert', 'comment', 'confirm', 'deny', 'emphasise', 'emphasize',
  'stress', 'suggest', 'recall', 'remark', 'report', 'respond', 'reply', 'quip', 'joke', 'complain', 'concede', 'contend', 'observe',
  'predict', 'promise', 'vow', 'urge', 'indicate', 'post', 'exclaim', 'shout', 'whisper', 'mutter', 'continue', 'conclude', 'caution',
  'put', 'testify', 'maintain', 'point', 'speak', 'reiterate', 'hint', 'boast', 'lament', 'pledge', 'plead', 'propose', 'question',
]);

/** Nouns of a message whose author is the person named beside them ("the tweet X sent"). */
export const MESSAGE_NOUNS = new Set(['tweet', 'post', 'statement', 'letter', 'message', 'speech', 'interview', 'remarks', 'email', 'op-ed', 'column', 'essay', 'memo', 'note', 'address', 'press release']);

export const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her']);

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-based month of a month name or abbreviation. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  const abbreviation = MONTH_ABBREVIATIONS.indexOf(w === 'sept' ? 'sep' : w);
  return abbreviation >= 0 ? abbreviation + 1 : undefined;
}

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Number words, for "two and a half thousand" and "three". */
export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, a: 1, an: 1, half: 0.5,
};

export const MAGNITUDES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9, mn: 1e6,
  hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, dozens: 12,
};

/** Words before a number that make it approximate or a bound, mapped to the bound they set. */
export const NUMBER_QUALIFIERS: Record<string, 'over' | 'under' | 'about' | 'exact'> = {
  over: 'over', 'more than': 'over', 'above': 'over', 'at least': 'over', 'upwards of': 'over', 'in excess of': 'over', 'nearly': 'under',
  'almost': 'under', 'under': 'under', 'less than': 'under', 'fewer than': 'under', 'below': 'under', 'up to': 'under', 'at most': 'under',
  'about': 'about', 'around': 'about', 'approximately': 'about', 'roughly': 'about', 'some': 'about', 'an estimated': 'about',
  'estimated': 'about', 'nearly some': 'about', 'close to': 'about', 'exactly': 'exact', 'precisely': 'exact', 'just': 'exact',
};

/** Words that say a statement is negated, beyond what the parser flags. */
export const NEGATION_WORDS = new Set(['not', "n't", 'no', 'never', 'nobody', 'none', 'nothing', 'neither', 'nor', 'without', 'cannot', 'hardly', 'barely']);

/**
 * Pairs of opposite word groups: a claim with a word of one side, aligned with a
 * source sentence with a word of the other, reverses the source. General English.
 */
export const OPPOSITES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['up', 'increase', 'rise', 'grow', 'expand', 'escalate', 'intensify', 'surge', 'climb', 'soar', 'mount', 'resume', 'continue', 'accelerate', 'spike', 'double', 'triple', 'widen', 'strengthen'],
    ['down', 'decrease', 'fall', 'drop', 'decline', 'shrink', 'reduce', 'cease', 'stop', 'halt', 'end', 'subside', 'ease', 'downscale', 'down-scale', 'cut', 'slow', 'plunge', 'narrow', 'weaken', 'suspend', 'quiet', 'quieten', 'diminish', 'abate']],
  [['praise', 'commend', 'applaud', 'welcome', 'support', 'endorse', 'approve', 'thank', 'celebrate', 'hail', 'back', 'favour', 'favor', 'defend'],
    ['criticise', 'criticize', 'complain', 'condemn', 'denounce', 'oppose', 'reject', 'blame', 'attack', 'disapprove', 'protest', 'decry', 'slam', 'accuse', 'lament', 'object']],
  [['positive', 'positively', 'favourable', 'favorable', 'favourably', 'favorably', 'friendly', 'warm', 'warmly', 'good', 'well', 'optimistic', 'welcome', 'popular', 'hopeful', 'calm', 'stable', 'safe', 'peaceful'],
    ['negative', 'negatively', 'hostile', 'hostility', 'unfavourable', 'unfavorable', 'unfriendly', 'cold', 'bad', 'badly', 'poorly', 'pessimistic', 'unwelcome', 'unpopular', 'critical', 'tense', 'unstable', 'dangerous', 'violent']],
  [['win', 'won', 'victory', 'succeed', 'success', 'successful', 'pass', 'gain'], ['lose', 'lost', 'defeat', 'fail', 'failure', 'unsuccessful', 'loss']],
  [['accept', 'agree', 'approve', 'allow', 'permit', 'grant', 'admit', 'confirm', 'include'], ['refuse', 'reject', 'decline', 'deny', 'ban', 'forbid', 'prohibit', 'block', 'veto', 'exclude']],
  [['open', 'reopen', 'start', 'begin', 'launch', 'create', 'establish'], ['close', 'shut', 'finish', 'abolish', 'dissolve', 'disband', 'terminate']],
  [['stay', 'remain', 'keep', 'arrive', 'enter', 'join', 'deploy'], ['leave', 'depart', 'withdraw', 'exit', 'quit', 'evacuate', 'retreat']],
  [['keep', 'hold', 'maintain', 'unchanged', 'steady', 'freeze', 'pause'], ['raise', 'lift', 'hike', 'cut', 'lower', 'reduce', 'change', 'adjust']],
  [['strong', 'strength', 'high', 'higher', 'more', 'larger', 'bigger', 'majority', 'most'], ['weak', 'weakness', 'low', 'lower', 'less', 'fewer', 'smaller', 'minority', 'least']],
  [['legal', 'lawful', 'official', 'true', 'real', 'visible', 'public', 'present', 'possible', 'likely', 'certain', 'known'],
    ['illegal', 'unlawful', 'unofficial', 'false', 'fake', 'invisible', 'secret', 'absent', 'impossible', 'unlikely', 'uncertain', 'unknown']],
];
