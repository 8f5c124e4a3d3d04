/**
 * The harness's own word lists: what it needs to make claims that conflict with a sentence or say the same, and that
 * the engine's lists do not hold. General English and world knowledge only, like the engine's.
 *
 * ANTONYMS and SYNONYMS are a STAND-IN for WordNet (the issue asks for WordNet antonyms; the project has no WordNet
 * dependency yet): small hand-made lists of unambiguous pairs, each with the part of speech it holds for. Replace
 * them with WordNet's antonym and synonym relations when that dependency is added; the generators read only
 * {@link antonymOf} and {@link synonymOf}.
 */

/** A word with the part of speech it must have (wink's universal tags) and what it becomes. */
export interface WordSwap {
  readonly to: string;
  readonly pos: readonly string[];
}

const VERB = ['VERB'];
const ADJ = ['ADJ'];
const NOUN = ['NOUN'];
const ADV = ['ADV'];

/**
 * Opposites (stand-in for WordNet antonyms). Inflected forms are listed one by one, so no morphology is guessed;
 * a pair listed one way only is one whose reverse reads wrongly in common phrases ("lost his life" is not "won").
 * Comparatives before "than" are the comparison generator's, not these.
 */
const ANTONYM_PAIRS: readonly (readonly [string, string, readonly string[], boolean])[] = [
  // [word, opposite, part of speech, both ways]
  ['increase', 'decrease', VERB, true], ['increases', 'decreases', VERB, true], ['increased', 'decreased', VERB, true], ['increasing', 'decreasing', VERB, true],
  ['rise', 'fall', VERB, true], ['rises', 'falls', VERB, true], ['rose', 'fell', VERB, true], ['risen', 'fallen', VERB, true], ['rising', 'falling', VERB, true],
  ['grew', 'shrank', VERB, true], ['grows', 'shrinks', VERB, true], ['grow', 'shrink', VERB, true],
  ['won', 'lost', VERB, false], ['wins', 'loses', VERB, false], ['win', 'lose', VERB, false],
  ['accepted', 'rejected', VERB, true], ['accept', 'reject', VERB, true], ['accepts', 'rejects', VERB, true],
  ['approved', 'rejected', VERB, false],
  ['included', 'excluded', VERB, false],
  ['confirmed', 'denied', VERB, false], ['confirms', 'denies', VERB, false],
  ['succeeded', 'failed', VERB, false],
  ['loves', 'hates', VERB, true], ['loved', 'hated', VERB, true],
  ['remembered', 'forgot', VERB, true],
  ['opened', 'closed', VERB, true], ['opens', 'closes', VERB, true],
  ['strong', 'weak', ADJ, true], ['large', 'small', ADJ, true], ['big', 'small', ADJ, false], ['high', 'low', ADJ, true],
  ['long', 'short', ADJ, true], ['good', 'bad', ADJ, true], ['happy', 'unhappy', ADJ, true], ['easy', 'difficult', ADJ, true],
  ['cheap', 'expensive', ADJ, true], ['rich', 'poor', ADJ, true], ['safe', 'dangerous', ADJ, true], ['illegal', 'legal', ADJ, false],
  ['guilty', 'innocent', ADJ, true], ['positive', 'negative', ADJ, true], ['possible', 'impossible', ADJ, true],
  ['likely', 'unlikely', ADJ, true], ['true', 'false', ADJ, true], ['popular', 'unpopular', ADJ, true],
  ['successful', 'unsuccessful', ADJ, true], ['alive', 'dead', ADJ, true], ['hot', 'cold', ADJ, true], ['wet', 'dry', ADJ, true],
  ['heavy', 'light', ADJ, false], ['ancient', 'modern', ADJ, true], ['public', 'private', ADJ, true],
  ['largest', 'smallest', ADJ, true], ['biggest', 'smallest', ADJ, false], ['highest', 'lowest', ADJ, true],
  ['best', 'worst', ADJ, true], ['strongest', 'weakest', ADJ, true], ['oldest', 'youngest', ADJ, true], ['longest', 'shortest', ADJ, true],
  ['success', 'failure', NOUN, true], ['victory', 'defeat', NOUN, true], ['increase', 'decrease', NOUN, true], ['rise', 'fall', NOUN, false],
  ['always', 'never', ADV, false], ['often', 'rarely', ADV, true],
];

/** Next words after which a pair's word is part of a fixed phrase, not the word: "high school", "opened fire" (a hyphen after or before any word is one too). */
export const FIXED_AFTER: Readonly<Record<string, readonly string[]>> = {
  high: ['school', 'schools', 'court', 'street', 'commissioner', 'commission', 'profile'],
  low: ['income', 'cost'],
  grew: ['up'], grows: ['up'], grow: ['up'],
  fell: ['ill', 'in', 'asleep', 'silent', 'victim', 'apart', 'short', 'off', 'down', 'over', 'into', 'from', 'out', 'through', 'behind', 'foul'],
  falls: ['on', 'under', 'within', 'into', 'short', 'ill', 'apart', 'asleep', 'in', 'off', 'down', 'through', 'behind'],
  fall: ['on', 'under', 'within', 'into', 'short', 'ill', 'apart', 'asleep', 'in', 'off', 'down', 'through', 'behind', 'victim', 'foul'],
  best: ['friend', 'friends', 'man'],
  opened: ['fire'],
  good: ['friday', 'morning', 'evening', 'afternoon'],
  long: ['island', 'beach', 'before', 'after', 'ago', 'since'],
  public: ['school', 'schools', 'health', 'prosecutor', 'prosecutors', 'defender', 'relations'],
  private: ['school', 'schools', 'sector', 'equity', 'jet'],
  big: ['ben', 'apple', 'brother', 'cat', 'cats', 'game'],
};

/** Words before which a pair's word is part of a fixed phrase: "at least", "the late". */
export const FIXED_BEFORE: Readonly<Record<string, readonly string[]>> = {
  long: ['as', 'so', 'before', 'ago'],
  large: ['at', 'by'],
  true: ['come', 'comes', 'came'],
  possible: ['as'],
};

/**
 * Same-meaning words (stand-in for WordNet synonyms): each pair means the same in every common use of the word with
 * that part of speech, so the rewrite says what the source says.
 */
const SYNONYM_PAIRS: readonly (readonly [string, string, readonly string[]])[] = [
  ['large', 'big', ADJ], ['huge', 'enormous', ADJ], ['enormous', 'huge', ADJ],
  ['bought', 'purchased', VERB], ['purchased', 'bought', VERB], ['buy', 'purchase', VERB],
  ['began', 'started', VERB], ['begins', 'starts', VERB], ['starts', 'begins', VERB],
  ['quickly', 'rapidly', ADV], ['rapidly', 'quickly', ADV], ['nearly', 'almost', ADV], ['almost', 'nearly', ADV],
  ['mostly', 'mainly', ADV], ['mainly', 'mostly', ADV], ['roughly', 'approximately', ADV], ['approximately', 'roughly', ADV],
  ['film', 'movie', NOUN], ['movie', 'film', NOUN], ['films', 'movies', NOUN], ['movies', 'films', NOUN],
  ['kids', 'children', NOUN], ['photograph', 'photo', NOUN], ['photo', 'photograph', NOUN], ['photos', 'photographs', NOUN],
  ['said', 'stated', VERB], ['residents', 'inhabitants', NOUN], ['automobile', 'car', NOUN],
  ['shortly', 'soon', ADV], ['entire', 'whole', ADJ], ['whole', 'entire', ADJ], ['ill', 'sick', ADJ],
  ['wealthy', 'rich', ADJ], ['rich', 'wealthy', ADJ], ['illegal', 'unlawful', ADJ], ['unlawful', 'illegal', ADJ],
];

function table(pairs: readonly (readonly [string, string, readonly string[], boolean])[]): Map<string, WordSwap[]> {
  const byWord = new Map<string, WordSwap[]>();
  const add = (from: string, to: string, pos: readonly string[]): void => {
    byWord.set(from, [...(byWord.get(from) ?? []), { to, pos }]);
  };
  for (const [a, b, pos, both] of pairs) {
    add(a, b, pos);
    if (both) add(b, a, pos);
  }
  return byWord;
}

const ANTONYMS = table(ANTONYM_PAIRS);
const SYNONYMS = table(SYNONYM_PAIRS.map(([a, b, pos]) => [a, b, pos, false] as const));

function lookUp(list: Map<string, WordSwap[]>, word: string, pos: string): string | undefined {
  return list.get(word.toLowerCase())?.find((s) => s.pos.includes(pos))?.to;
}

/** The opposite of a word used as `pos` (stand-in for WordNet), or undefined. */
export function antonymOf(word: string, pos: string): string | undefined {
  return lookUp(ANTONYMS, word, pos);
}

/** A word that means the same as `word` used as `pos` (stand-in for WordNet), or undefined. */
export function synonymOf(word: string, pos: string): string | undefined {
  return lookUp(SYNONYMS, word, pos);
}

/** Comparatives before "than" and their reverse ("more than 40" -> "less than 40"). */
export const COMPARATIVES: Readonly<Record<string, string>> = {
  more: 'less', less: 'more', fewer: 'more', higher: 'lower', lower: 'higher', larger: 'smaller', smaller: 'larger',
  bigger: 'smaller', greater: 'smaller', older: 'younger', younger: 'older', longer: 'shorter', shorter: 'longer',
  earlier: 'later', later: 'earlier', faster: 'slower', slower: 'faster', better: 'worse', worse: 'better',
  stronger: 'weaker', weaker: 'stronger', heavier: 'lighter', lighter: 'heavier', wider: 'narrower', narrower: 'wider',
  richer: 'poorer', poorer: 'richer', warmer: 'colder', colder: 'warmer', hotter: 'colder', cheaper: 'dearer',
};

/** Bounds before a number and their reverse ("over 40" -> "under 40"). */
export const BOUNDS: Readonly<Record<string, string>> = {
  over: 'under', under: 'over', above: 'below', below: 'above', 'at least': 'at most', 'at most': 'at least',
};

/** Quantifiers: a subject with one is not contradicted by negating its verb ("some were hurt" / "some were not hurt"). */
export const QUANTIFIERS = new Set([
  'some', 'many', 'several', 'most', 'few', 'all', 'both', 'each', 'every', 'numerous', 'dozens', 'hundreds', 'thousands',
  'millions', 'more', 'other', 'others', 'any', 'half', 'majority', 'minority', 'part', 'much', 'less', 'fewer', 'either',
]);

/** Conjunctions and words that make a clause conditional, subordinate or a question: its verb is not asserted. */
export const UNASSERTED = new Set(['if', 'unless', 'whether', 'may', 'might', 'could', 'perhaps', 'maybe', 'possibly', 'probably', 'allegedly', 'reportedly', 'suspected']);

/** Subordinators before the first verb: the verb is not the main one. */
export const SUBORDINATORS = new Set(['when', 'while', 'after', 'before', 'although', 'though', 'because', 'as', 'since', 'until', 'once', 'where', 'who', 'which', 'that', 'whose', 'whom', 'what']);

/** Continents and regions that hold countries: a country is not "another place" than its continent. */
export const CONTINENTS = new Set(['Europe', 'Africa', 'Asia', 'North America', 'South America', 'Latin America', 'Antarctica', 'Oceania', 'Middle East', 'Americas', 'Scandinavia', 'Balkans', 'Caribbean']);

/** Nations inside the United Kingdom: not "another country" than Britain. */
export const UK_NATIONS = new Set(['England', 'Scotland', 'Wales', 'Northern Ireland']);

/** US states (world knowledge): a state is swapped only for another state, never for a city in it. */
export const US_STATES = new Set(`Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island
South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming`.split(/\s+/).map((s) => s.replace(/_/g, ' ')));

/** Number words the generators write and read (one, a, half and dozen are left out: they are rarely counts). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const MONTH_ABBREVIATIONS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Words that make a capitalised run something other than a person ("Oregon Coast Aquarium", "Dubai Open"), beyond the engine's organisation and place words. */
export const NOT_PERSON_WORDS = new Set([
  'center', 'centre', 'complex', 'system', 'studios', 'studio', 'manifesto', 'museum', 'aquarium', 'stadium', 'arena', 'hotel',
  'restaurant', 'prison', 'station', 'house', 'hall', 'tower', 'palace', 'cathedral', 'temple', 'theatre', 'theater', 'gallery',
  'library', 'zoo', 'mall', 'market', 'festival', 'awards', 'award', 'cup', 'championship', 'championships', 'open', 'games', 'war',
  'act', 'law', 'day', 'week', 'show', 'series', 'magazine', 'tv', 'online', 'daily', 'sun', 'mail', 'express', 'prize', 'tournament',
  'trophy', 'class', 'project', 'plan', 'report', 'survey', 'index', 'airport', 'county', 'island', 'islands', 'road', 'street',
]);

/** Nouns that, right before a name, say it is an organisation ("shipping firm Maersk"), or a place ("the town of Gao"). */
export const ORGANIZATION_CUES = ['firm', 'company', 'group', 'union', 'party', 'agency', 'newspaper', 'broadcaster', 'network', 'bank', 'airline', 'charity', 'club', 'team', 'university', 'magazine', 'channel', 'retailer', 'brand', 'giant'];
export const PLACE_CUES = ['city', 'town', 'village', 'province', 'region', 'state', 'county', 'district', 'capital', 'port', 'island', 'suburb', 'neighbourhood', 'neighborhood'];
