/**
 * Scores an extraction (the JSON shape of `memo-check extract --format json`, one source) against hand-made
 * labels (test/fixtures/extraction/README.md). Pure functions: no file access, no engine, no editor.
 *
 * Matching rules. Every rule is symmetric (it does not matter which side is the longer or the shorter) and is
 * applied the same way to labels and to extracted items, so that it neither rewards nor punishes the extractor
 * for writing a thing one way rather than another.
 *
 * Quotes
 * - Texts are compared as their words: lower case, curly quotes and apostrophes read as straight ones, every
 *   other mark (punctuation, quote marks, dashes) and run of whitespace read as one space.
 * - A label quote is found when its words are equal to an extracted quote's, or one contains the other as a run
 *   of whole words ("stranded" is in "left many residents stranded", not in "unstranded").
 * - Each label is credited to its best extracted quote: an equal text first, then a text inside the label, then
 *   one containing it, the closest in length first. An extracted quote is right when it is the best of at least
 *   one label: so a quote split by its attribution and extracted whole counts once for precision and finds both
 *   labels, while a whole transcript turn that merely contains a label does not count when the quote inside it
 *   was extracted on its own.
 * - precision = right extracted quotes / extracted quotes; recall = found labels / labels.
 * - speakers = of found labels, the share whose best extracted quote has the label's speaker: null only matches
 *   null, a name matches by the name rules below (a label speaker among the document's labelled people by the
 *   person rule, any other by the organisation rule).
 *
 * People, organisations, places
 * - Extracted names are the distinct canonical names (`value`) of the facts' values of that type, compared
 *   normalised: diacritics folded, lower case, possessive 's and apostrophes dropped, other marks read as spaces, a
 *   leading "the" and leading titles (Mr, Ms, Mrs, Dr, Hon., Prof., ...) dropped. Names equal once normalised are
 *   one name.
 * - Two names match when they are equal; or the shorter is a single word of two letters or more that spells the
 *   initials of the longer's words (connectors like "of", "and", "the" left out: "LHA" / "Lagos Harbour Authority");
 *   or the shorter's words are a run of the longer's words and
 *     - people: the run includes the longer's last word (surname: "Jensen" / "Mette Jensen", not "Mette");
 *     - organisations and places: the run has two words or more, one of them not a generic word (ministry,
 *       committee, region, north, ...; see GENERIC): "Delta Marine" / "Delta Marine Works Limited", but neither
 *       "Forum" / "Coastal Shippers' Forum" nor "Standing Committee" / "Standing Committee on Ports ...".
 * - Each label is matched at most once and each extracted name at most once: equal names first, then a maximum
 *   one-to-one matching of the rest. A short form and the full name both extracted as distinct canonical names
 *   are one right and one wrong.
 * - precision = matched extracted names / distinct extracted names; recall = matched labels / labels.
 *
 * Numbers, dates
 * - Extracted items are the distinct texts (`text`) of the facts' values of that type. Texts are compared as
 *   tokens: lower case; a thousands comma dropped ("120,000" = "120000"); figures ("12.6", "-43.9", a minus only
 *   where no letter or digit comes before it), words ("two-thirds" is one word), and currency signs and "%" each a
 *   token; other marks dropped, so "300-mile" is "300 mile" and "2025–26" is "2025 26". Leading qualifiers are
 *   dropped on both sides (nearly, about, roughly, almost, approximately, around, some, over, under, just, only,
 *   more than, less than, fewer than, at least, at most, up to, as much as, as many as, in the region of).
 * - An extracted text and a label match when their tokens are equal or one's tokens are a run of the other's
 *   ("12" and "12 percent"; "148 billion" and "₦148 billion"; not "12" and "12.6").
 * - Each extracted text is matched to at most one label; a label takes one extracted text, a range label (between
 *   ... and ..., or an en dash, or digit-hyphen-digit) two, one for each end. Equal texts are matched first, then a
 *   maximum matching of the rest, trying for each extracted text a label containing it before one it contains,
 *   the closest in length first. So "2024" extracted once is not also "September 2024" found.
 * - precision = matched extracted texts / distinct extracted texts; recall = matched labels / labels.
 *
 * With nothing to count, a ratio is 1 (0 of 0 extracted is not imprecise; 0 of 0 labels is not a miss).
 */

export interface LabelQuote {
  text: string;
  speaker: string | null;
}

/** The labels of one document (test/fixtures/extraction/labels/<name>.json). */
export interface Labels {
  quotes: LabelQuote[];
  people: string[];
  organizations: string[];
  places: string[];
  numbers: string[];
  dates: string[];
}

/** What the scorer reads of an extraction: a structural subset of `ExtractedSourceJson` (src/core/sources/report.ts). */
export interface ExtractionLike {
  readonly quotes: readonly { readonly text: string; readonly speaker: string | null }[];
  readonly facts: readonly { readonly values: readonly { readonly type: string; readonly text: string; readonly value: number | string }[] }[];
}

export const ITEM_TYPES = ['quotes', 'people', 'organizations', 'places', 'numbers', 'dates'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface TypeScore {
  /** Labels of this type. */
  labels: number;
  /** Labels matched by an extracted item (true positives on the labels' side). */
  found: number;
  /** Distinct extracted items of this type. */
  extracted: number;
  /** Extracted items that match a label (true positives on the extraction's side). */
  right: number;
  precision: number;
  recall: number;
  /** Labels not found. */
  missed: string[];
  /** Extracted items that match no label. */
  wrong: string[];
}

export interface QuoteScore extends TypeScore {
  /** Found labels whose extracted quote has the label's speaker. */
  speakersRight: number;
  /** speakersRight / found. */
  speakers: number;
  /** Found labels with the wrong speaker: label text, label speaker, extracted speaker. */
  wrongSpeakers: { text: string; label: string | null; extracted: string | null }[];
}

export type DocumentScore = { quotes: QuoteScore } & Record<Exclude<ItemType, 'quotes'>, TypeScore>;

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'").replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').toLowerCase();
}

// ---------------------------------------------------------------- quotes

/** A quote's words, one space between them. */
export function quoteWords(s: string): string {
  return fold(s).split(/[^\p{L}\p{N}']+/u).map((w) => w.replace(/^'+|'+$/g, '')).filter(Boolean).join(' ');
}

function containsWords(longer: string, shorter: string): boolean {
  return shorter.length > 0 && ` ${longer} `.includes(` ${shorter} `);
}

/** How well an extracted text fits a label (lower is better), or undefined when they do not match. */
function quoteFit(label: string, extracted: string): number | undefined {
  if (!label || !extracted) return undefined;
  if (label === extracted) return 0;
  const gap = Math.abs(label.length - extracted.length);
  if (containsWords(label, extracted)) return 1 + gap / (label.length + 1);
  if (containsWords(extracted, label)) return 2 + gap / (extracted.length + 1);
  return undefined;
}

// ---------------------------------------------------------------- names

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'hon', 'honourable', 'honorable', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend']);
const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'von', 'van']);
/** Words that say what kind of body or place a name is, not which: a run of these alone names nothing. */
export const GENERIC = new Set([
  ...CONNECTORS,
  'ministry', 'department', 'office', 'committee', 'subcommittee', 'commission', 'council', 'assembly', 'association', 'authority',
  'forum', 'institute', 'institution', 'partnership', 'limited', 'ltd', 'inc', 'plc', 'llc', 'group', 'company', 'co', 'corporation',
  'corp', 'bank', 'capital', 'agency', 'board', 'bureau', 'project', 'programme', 'program', 'fund', 'foundation', 'trust', 'union',
  'society', 'centre', 'center', 'university', 'school', 'college', 'service', 'services', 'court', 'party', 'parliament', 'government',
  'standing', 'select', 'joint', 'national', 'international', 'federal', 'state', 'states', 'republic', 'kingdom', 'united', 'county',
  'city', 'town', 'village', 'region', 'regional', 'district', 'province', 'island', 'islands', 'lake', 'river', 'valley', 'mountain',
  'mountains', 'port', 'harbour', 'harbor', 'bay', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
  'central', 'new', 'greater', 'upper', 'lower',
]);

/** A name's words, normalised (see the header). */
export function nameWords(s: string): string[] {
  const words = fold(s).replace(/'s\b/g, '').replace(/'/g, '').split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && (TITLES.has(words[i]) || words[i] === 'the')) i++;
  return words.slice(i);
}

function isRunOf(longer: readonly string[], shorter: readonly string[]): boolean {
  if (shorter.length === 0 || shorter.length > longer.length) return false;
  for (let i = 0; i + shorter.length <= longer.length; i++) {
    if (shorter.every((w, j) => longer[i + j] === w)) return true;
  }
  return false;
}

export type NameKind = 'person' | 'other';

/** Whether two names name the same person, organisation or place (see the header). */
export function namesMatch(a: string, b: string, kind: NameKind): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (!x.length || !y.length) return false;
  if (x.join(' ') === y.join(' ')) return true;
  const [s, l] = x.length < y.length || (x.length === y.length && x.join(' ').length <= y.join(' ').length) ? [x, y] : [y, x];
  if (s.length === 1 && s[0].length >= 2 && l.length >= 2) {
    const initials = l.filter((w) => !CONNECTORS.has(w)).map((w) => w[0]).join('');
    if (initials === s[0]) return true;
  }
  if (!isRunOf(l, s)) return false;
  if (kind === 'person') return s.includes(l[l.length - 1]);
  return s.length >= 2 && s.some((w) => !GENERIC.has(w));
}

// ---------------------------------------------------------------- numbers and dates

const QUALIFIERS = [
  'nearly', 'about', 'roughly', 'almost', 'approximately', 'around', 'some', 'over', 'under', 'just', 'only',
  'more than', 'less than', 'fewer than', 'at least', 'at most', 'up to', 'as much as', 'as many as', 'in the region of',
].map((q) => q.split(' '));

/** A number's or date's tokens, normalised (see the header). */
export function figureTokens(s: string): string[] {
  const text = fold(s).replace(/(\d),(?=\d{3}\b)/g, '$1');
  const tokens = text.match(/(?<![\p{L}\p{N}])-?\d+(?:\.\d+)?|\d+(?:\.\d+)?|\p{L}+(?:-\p{L}+)*|\p{Sc}|%/gu) ?? [];
  let i = 0;
  for (let again = true; again; ) {
    again = false;
    for (const q of QUALIFIERS) {
      if (tokens.length - i > q.length && q.every((w, j) => tokens[i + j] === w)) {
        i += q.length;
        again = true;
        break;
      }
    }
  }
  return tokens.slice(i);
}

function isRange(label: string): boolean {
  return /\bbetween\b.+\band\b/iu.test(label) || /[\u2013\u2014]/u.test(label) || /\d\s*-\s*\d/u.test(label);
}

/** How well an extracted figure fits a label (lower is better), or undefined when they do not match. */
function figureFit(label: readonly string[], extracted: readonly string[]): number | undefined {
  if (!label.some((t) => /[\p{L}\p{N}]/u.test(t)) || !extracted.some((t) => /[\p{L}\p{N}]/u.test(t))) return undefined;
  if (label.join(' ') === extracted.join(' ')) return 0;
  const gap = Math.abs(label.length - extracted.length);
  if (isRunOf(label, extracted)) return 1 + gap / (label.length + 1);
  if (isRunOf(extracted, label)) return 2 + gap / (extracted.length + 1);
  return undefined;
}

// ---------------------------------------------------------------- matching

/**
 * Matches items to labels: exact pairs (fit 0) first, then a maximum matching of the rest (augmenting paths, each
 * item trying its labels best fit first). `capacity[j]` is how many items label j takes. Returns, per item, the
 * label it is matched to or -1.
 */
export function matchItems(items: number, capacity: readonly number[], fit: (item: number, label: number) => number | undefined): number[] {
  const edges: { label: number; fit: number }[][] = [];
  for (let i = 0; i < items; i++) {
    const e: { label: number; fit: number }[] = [];
    for (let j = 0; j < capacity.length; j++) {
      const f = fit(i, j);
      if (f !== undefined) e.push({ label: j, fit: f });
    }
    edges.push(e.sort((a, b) => a.fit - b.fit || a.label - b.label));
  }
  const of = new Array<number>(items).fill(-1);
  const takenBy: number[][] = capacity.map(() => []);
  for (let i = 0; i < items; i++) {
    const exact = edges[i].find((e) => e.fit === 0 && takenBy[e.label].length < capacity[e.label]);
    if (exact) {
      of[i] = exact.label;
      takenBy[exact.label].push(i);
    }
  }
  const fixed = of.map((j) => j >= 0);
  const augment = (i: number, seen: Set<number>): boolean => {
    for (const { label } of edges[i]) {
      if (seen.has(label)) continue;
      seen.add(label);
      if (takenBy[label].length < capacity[label]) {
        of[i] = label;
        takenBy[label].push(i);
        return true;
      }
      for (const other of takenBy[label]) {
        if (fixed[other]) continue;
        if (augment(other, seen)) {
          takenBy[label] = takenBy[label].filter((k) => k !== other);
          of[i] = label;
          takenBy[label].push(i);
          return true;
        }
      }
    }
    return false;
  };
  const order = [...Array(items).keys()].filter((i) => !fixed[i]).sort((a, b) => (edges[a][0]?.fit ?? 9) - (edges[b][0]?.fit ?? 9) || a - b);
  for (const i of order) augment(i, new Set());
  return of;
}

function typeScore(labels: readonly string[], extracted: readonly string[], of: readonly number[]): TypeScore {
  const foundLabels = new Set(of.filter((j) => j >= 0));
  const right = of.filter((j) => j >= 0).length;
  return {
    labels: labels.length,
    found: foundLabels.size,
    extracted: extracted.length,
    right,
    precision: ratio(right, extracted.length),
    recall: ratio(foundLabels.size, labels.length),
    missed: labels.filter((_, j) => !foundLabels.has(j)),
    wrong: extracted.filter((_, i) => of[i] < 0),
  };
}

/** Distinct strings by a key (the first spelling kept). */
function distinctBy(values: Iterable<string>, key: (s: string) => string): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const k = key(v);
    if (k && !seen.has(k)) seen.set(k, v);
  }
  return [...seen.values()];
}

export function scoreNames(labels: readonly string[], extracted: readonly string[], kind: NameKind): TypeScore {
  const names = distinctBy(extracted, (s) => nameWords(s).join(' '));
  const of = matchItems(names.length, labels.map(() => 1), (i, j) => {
    const a = nameWords(names[i]).join(' ');
    const b = nameWords(labels[j]).join(' ');
    if (a === b) return 0;
    return namesMatch(names[i], labels[j], kind) ? 1 + Math.abs(a.length - b.length) / 100 : undefined;
  });
  return typeScore(labels, names, of);
}

export function scoreFigures(labels: readonly string[], extracted: readonly string[]): TypeScore {
  const texts = distinctBy(extracted, (s) => figureTokens(s).join(' '));
  const labelTokens = labels.map(figureTokens);
  const textTokens = texts.map(figureTokens);
  const of = matchItems(texts.length, labels.map((l) => (isRange(l) ? 2 : 1)), (i, j) => figureFit(labelTokens[j], textTokens[i]));
  return typeScore(labels, texts, of);
}

export function scoreQuotes(labels: readonly LabelQuote[], extracted: ExtractionLike['quotes'], people: readonly string[]): QuoteScore {
  const labelWords = labels.map((q) => quoteWords(q.text));
  const extractedWords = extracted.map((q) => quoteWords(q.text));
  const best = labelWords.map((lw) => {
    let pick = -1;
    let pickFit = Infinity;
    extractedWords.forEach((ew, i) => {
      const f = quoteFit(lw, ew);
      if (f !== undefined && f < pickFit) {
        pick = i;
        pickFit = f;
      }
    });
    return pick;
  });
  const rightQuotes = new Set(best.filter((i) => i >= 0));
  const wrongSpeakers: QuoteScore['wrongSpeakers'] = [];
  let speakersRight = 0;
  labels.forEach((q, j) => {
    if (best[j] < 0) return;
    const said = extracted[best[j]].speaker;
    const kind: NameKind = q.speaker !== null && people.some((p) => nameWords(p).join(' ') === nameWords(q.speaker ?? '').join(' ')) ? 'person' : 'other';
    const ok = q.speaker === null || said === null ? q.speaker === said : namesMatch(q.speaker, said, kind);
    if (ok) speakersRight++;
    else wrongSpeakers.push({ text: q.text, label: q.speaker, extracted: said });
  });
  const found = best.filter((i) => i >= 0).length;
  return {
    labels: labels.length,
    found,
    extracted: extracted.length,
    right: rightQuotes.size,
    precision: ratio(rightQuotes.size, extracted.length),
    recall: ratio(found, labels.length),
    missed: labels.filter((_, j) => best[j] < 0).map((q) => q.text),
    wrong: extracted.filter((_, i) => !rightQuotes.has(i)).map((q) => q.text),
    speakersRight,
    speakers: ratio(speakersRight, found),
    wrongSpeakers,
  };
}

function valuesOf(x: ExtractionLike, type: string, field: 'text' | 'value'): string[] {
  return x.facts.flatMap((f) => f.values.filter((v) => v.type === type).map((v) => String(v[field])));
}

/** The scores of one document's extraction against its labels. */
export function scoreExtraction(x: ExtractionLike, labels: Labels): DocumentScore {
  return {
    quotes: scoreQuotes(labels.quotes, x.quotes, labels.people),
    people: scoreNames(labels.people, valuesOf(x, 'person', 'value'), 'person'),
    organizations: scoreNames(labels.organizations, valuesOf(x, 'organization', 'value'), 'other'),
    places: scoreNames(labels.places, valuesOf(x, 'place', 'value'), 'other'),
    numbers: scoreFigures(labels.numbers, valuesOf(x, 'number', 'text')),
    dates: scoreFigures(labels.dates, valuesOf(x, 'date', 'text')),
  };
}

function poolType<T extends TypeScore>(scores: readonly T[]): TypeScore {
  const sum = (k: 'labels' | 'found' | 'extracted' | 'right'): number => scores.reduce((n, s) => n + s[k], 0);
  const labels = sum('labels');
  const found = sum('found');
  const extracted = sum('extracted');
  const right = sum('right');
  return {
    labels, found, extracted, right,
    precision: ratio(right, extracted),
    recall: ratio(found, labels),
    missed: scores.flatMap((s) => s.missed),
    wrong: scores.flatMap((s) => s.wrong),
  };
}

/** Micro-averaged scores over documents: counts summed, ratios of the sums. */
export function pool(scores: readonly DocumentScore[]): DocumentScore {
  const quotes = poolType(scores.map((s) => s.quotes));
  const speakersRight = scores.reduce((n, s) => n + s.quotes.speakersRight, 0);
  return {
    quotes: { ...quotes, speakersRight, speakers: ratio(speakersRight, quotes.found), wrongSpeakers: scores.flatMap((s) => s.quotes.wrongSpeakers) },
    people: poolType(scores.map((s) => s.people)),
    organizations: poolType(scores.map((s) => s.organizations)),
    places: poolType(scores.map((s) => s.places)),
    numbers: poolType(scores.map((s) => s.numbers)),
    dates: poolType(scores.map((s) => s.dates)),
  };
}

/** The figures a floor can guard: precision and recall of each type, and the quotes' speaker share. */
export type Floors = { quotes: { precision: number; recall: number; speakers: number } } & Record<Exclude<ItemType, 'quotes'>, { precision: number; recall: number }>;

/** The figures of a score in the shape of floors.json. */
export function figuresOf(score: DocumentScore): Floors {
  const pr = (t: TypeScore): { precision: number; recall: number } => ({ precision: t.precision, recall: t.recall });
  return {
    quotes: { ...pr(score.quotes), speakers: score.quotes.speakers },
    people: pr(score.people),
    organizations: pr(score.organizations),
    places: pr(score.places),
    numbers: pr(score.numbers),
    dates: pr(score.dates),
  };
}

/** Figures below their floor, as "type metric value < floor" lines. */
export function dropsBelow(score: DocumentScore, floors: Floors): string[] {
  const figures = figuresOf(score) as Record<string, Record<string, number>>;
  const drops: string[] = [];
  for (const [type, metrics] of Object.entries(floors as Record<string, Record<string, number>>)) {
    for (const [metric, floor] of Object.entries(metrics)) {
      const value = figures[type]?.[metric];
      if (value === undefined || value < floor - 1e-9) drops.push(`${type} ${metric} ${value === undefined ? 'missing' : value.toFixed(3)} < ${floor}`);
    }
  }
  return drops;
}

/** Rounds down to two decimals (floors are today's figures rounded down). */
export function floorTo2(x: number): number {
  return Math.floor(x * 100 + 1e-9) / 100;
}

function pad(s: string | number, width: number, left = false): string {
  const t = String(s);
  return left ? t.padEnd(width) : t.padStart(width);
}

/** A plain-text table of one score. */
export function formatScore(title: string, score: DocumentScore): string {
  const lines = [title, `${pad('type', 14, true)}${pad('labels', 7)}${pad('found', 7)}${pad('recall', 8)}${pad('extracted', 11)}${pad('right', 7)}${pad('precision', 11)}`];
  for (const type of ITEM_TYPES) {
    const t = score[type];
    let line = `${pad(type, 14, true)}${pad(t.labels, 7)}${pad(t.found, 7)}${pad(t.recall.toFixed(2), 8)}${pad(t.extracted, 11)}${pad(t.right, 7)}${pad(t.precision.toFixed(2), 11)}`;
    if (type === 'quotes') line += `   speakers ${score.quotes.speakersRight}/${score.quotes.found} = ${score.quotes.speakers.toFixed(2)}`;
    lines.push(line);
  }
  return lines.join('\n');
}
