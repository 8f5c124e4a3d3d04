/** What the sidebar shows of a source: quotes with speakers, and facts with typed values. */
import { findMentions, placeKind, type Mention } from '../language/entities';
import { FactTable, type Fact } from './factTable';
import { findQuotes, findTurns, type Quote } from '../language/quotes';
import { isHeadingLike, sentenceText, tableRowOf, type Sentence, type SourceDoc } from './source';
import type { Token } from '../language/nlp';
import { HONORIFICS, isRegion } from '../language/words';
import type { Span } from '../text/offsets';
import { findDates, findNumbers, type DateValue, type NumberValue } from '../language/values';

/**
 * A name as the Sources view and `memo-check extract` list it: a person, organisation or place, or `name` when nothing
 * in the text says which it is (a capitalised word with no title, organisation word, place cue or gazetteer entry).
 */
export interface EntityValue {
  readonly type: 'person' | 'organization' | 'place' | 'name';
  readonly text: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export type FactValue = NumberValue | DateValue | EntityValue;

export type { Fact } from './factTable';

export interface Extraction {
  readonly source: SourceDoc;
  readonly quotes: readonly Quote[];
  /** A transcript's turns: what each speaker says after their label (statements, not quotes; none outside transcripts). */
  readonly turns: readonly Quote[];
  /**
   * The values of each sentence (see {@link factAt}); sentences with none are kept for alignment, and
   * prose sentences with some are the facts shown (see {@link factsOf}).
   */
  readonly factTable: FactTable;
  readonly mentions: readonly Mention[];
  /** Distinct people named, by canonical name. */
  readonly people: readonly string[];
}

/** `headingLike` may answer for a paragraph number from what was worked out for an earlier sentence of it. */
export function isProseSentence(source: SourceDoc, sentence: Sentence, headingLike = paragraphIsHeadingLike): boolean {
  if (headingLike(source, sentence.paragraph)) return false;
  return /\p{L}{2,}/u.test(sentenceText(source, sentence));
}

function paragraphIsHeadingLike(source: SourceDoc, number: number): boolean {
  const paragraph = source.paragraphs[number - 1];
  return paragraph !== undefined && isHeadingLike(source.text.slice(paragraph.start, paragraph.end));
}

/** The fact of the source's sentence `index`. */
export function factAt(x: Extraction, index: number): Fact {
  return x.factTable.fact(index, x.source.sentences[index], x.mentions);
}

/** One fact per sentence of the source, in order (built now: for work that reads them all, not kept). */
export function sentenceFactsOf(x: Extraction): Fact[] {
  return x.source.sentences.map((_, i) => factAt(x, i));
}

/** The facts shown: prose sentences with at least one number, date or name. */
export function factsOf(x: Extraction): Fact[] {
  return Array.from(x.factTable.shown, (i) => factAt(x, i));
}

/** A fact's numbers, dates and names in the order the sentence gives them (built when shown, not stored). */
export function factValues(fact: Fact): FactValue[] {
  // Listed as the entity it names in full ("LHA" under Lagos Harbour Authority), an organisation's short forms included.
  const entityValues: EntityValue[] = fact.mentions.map((m) => ({ type: listedType(m), text: m.text, value: m.entity ?? m.canonical, start: m.start, end: m.end }));
  return [...fact.numbers, ...fact.dates, ...entityValues].sort((a, b) => a.start - b.start);
}

/**
 * The type a mention is listed under. The checker compares an untyped name as an organisation (its guess), but the
 * view does not list a guess as a fact: "Witnesses" at a sentence start or a first name alone is no organisation.
 */
function listedType(m: Mention): EntityValue['type'] {
  if (m.entity) return 'organization';
  if (isListedRegion(m)) return 'place';
  return m.type === 'organization' && (m.guessed || m.unlisted) ? 'name' : m.type;
}

/**
 * A state, province or county of the gazetteer ("Gauteng", "Northwest Territories") that nothing in the text typed
 * (no title, label or organisation it shortens): listed as a place. Only the view: typed a place for the checks too,
 * these names cost BUMP (0.570 -> 0.567) and FactCC (0.633 -> 0.620), and with a preposition as the only cue the
 * perturbation harness (name and place conflicts found 0.964/0.965 -> 0.961/0.961, false alarms 27 -> 29), so the
 * checks keep the type the text gave until a checker round finds out why.
 */
function isListedRegion(m: Mention): boolean {
  return m.type !== 'place' && !m.title && !m.label && !m.dateline && !m.demonym && isRegion(m.canonical);
}

/**
 * What names are looked for in: each sentence, but each cell of a table row on its own. A row's text is its cells
 * side by side ("Gdansk     Poland   8"), and a name run across cells was one name of both ("Gdansk Poland", a
 * person) that {@link withinCells} then dropped, country and all. A cell opens like a sentence.
 */
function mentionSegments(source: SourceDoc, tokens: readonly Token[]): { firstToken: number; endToken: number }[] {
  if (source.tables.length === 0) return [...source.sentences];
  const segments: { firstToken: number; endToken: number }[] = [];
  for (const sentence of source.sentences) {
    const row = tableRowOf(source, sentence.index)?.row;
    if (!row) {
      segments.push(sentence);
      continue;
    }
    const cells = [...(row.header ? [row.header] : []), ...row.cells].sort((a, b) => a.start - b.start);
    let k = sentence.firstToken;
    for (const cell of cells) {
      while (k < sentence.endToken && tokens[k].start < cell.start) k++;
      let end = k;
      while (end < sentence.endToken && tokens[end].end <= cell.end) end++;
      if (end > k) segments.push({ firstToken: k, endToken: end });
      k = end;
    }
  }
  return segments;
}

/** Mentions, less those of a table that run from one cell into the next ("Item | Amount" is no name): a name is in one cell. */
function withinCells(source: SourceDoc, mentions: Mention[]): Mention[] {
  if (source.tables.length === 0) return mentions;
  const cells: Span[] = [];
  for (const t of source.tables) {
    for (const r of t.rows) {
      if (r.header) cells.push(r.header);
      for (const c of r.cells) {
        cells.push(c);
        if (c.label) cells.push(c.label);
      }
    }
  }
  const distinct = [...new Map(cells.map((c) => [`${c.start}:${c.end}`, c])).values()].sort((a, b) => a.start - b.start);
  const { tables } = source;
  /** The last table starting at or before the mention holds it (tables are in order and do not overlap). */
  const inTable = (m: Mention): boolean => {
    let low = 0;
    let high = tables.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tables[mid].start <= m.start) low = mid + 1;
      else high = mid;
    }
    return low > 0 && m.start < tables[low - 1].end;
  };
  const inCell = (m: Mention): boolean => {
    let low = 0;
    let high = distinct.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (distinct[mid].start <= m.start) low = mid + 1;
      else high = mid;
    }
    // The cells starting at or before the mention, nearest first: one holding it whole (cells do not nest but a label may hold cells' spans).
    for (let k = low - 1; k >= 0 && k >= low - 4; k--) if (distinct[k].start <= m.start && m.end <= distinct[k].end) return true;
    return false;
  };
  return mentions.filter((m) => !inTable(m) || inCell(m));
}

function sentenceValues(text: string, tokens: readonly Token[], sentence: Sentence): { dates: DateValue[]; numbers: NumberValue[] } {
  const dates = findDates(text, sentence);
  return { dates, numbers: findNumbers(text, tokens, sentence.firstToken, sentence.endToken, dates) };
}

/** A table row's values, cell by cell: a number never takes its unit (or its range) from the next cell. */
function cellValues(text: string, tokens: readonly Token[], sentence: Sentence, cells: readonly Span[]): { dates: DateValue[]; numbers: NumberValue[] } {
  const dates: DateValue[] = [];
  const numbers: NumberValue[] = [];
  let k = sentence.firstToken;
  for (const cell of [...cells].sort((a, b) => a.start - b.start)) {
    while (k < sentence.endToken && tokens[k].start < cell.start) k++;
    let end = k;
    while (end < sentence.endToken && tokens[end].end <= cell.end) end++;
    const own = findDates(text, cell);
    for (const d of own) dates.push(d);
    for (const n of findNumbers(text, tokens, k, end, own)) numbers.push(n);
    k = end;
  }
  return { dates, numbers };
}

/** The author of a byline ("By Eleanor Whitfield, Senior Fellow"): the person right after a line's opening "By". */
/**
 * A person a heading-like line itself says is one: after an honorific ("Members present: Mr Chinedu Okafor; Mrs …"),
 * or credited "by" (a byline, "Reporting by A in Wellington and B in Sydney; Editing by C"). Title case cannot fake either.
 */
function isNamedPerson(tokens: readonly Token[], first: number, m: Mention): boolean {
  if (m.type !== 'person') return false;
  if (m.title !== undefined && m.title.split(/\s+/).some((w) => HONORIFICS.has(w.replace(/\.$/, '')))) return true;
  const before = tokens[m.firstToken - 1]?.text.toLowerCase();
  if (before === 'by') return true;
  // "… by A in Wellington and B": a second name of the same credit.
  return before === 'and' && tokens.slice(first, m.firstToken - 1).some((t) => t.text.toLowerCase() === 'by') && !tokens.slice(first, m.firstToken - 1).some((t) => t.text === ';');
}

/** Extracts quotes, facts and mentions from a parsed source. */
export function extract(source: SourceDoc): Extraction {
  // Extraction reads every token: as objects for its length, then dropped.
  const tokens = source.tokens.toArray();
  const mentions = withinCells(source, findMentions(source.text, tokens, mentionSegments(source, tokens)));
  const quoteContext = { text: source.text, tokens, sentences: source.sentences, mentions, blocks: source.paragraphs };
  const quotes = findQuotes(quoteContext);
  const turns = findTurns(quoteContext);
  const perSentence: { numbers: NumberValue[]; dates: DateValue[]; mentionIds: number[] }[] = [];
  const shown: number[] = [];
  const proseFlags: boolean[] = [];
  const namedInProse = new Set<string>();
  // Mentions are in order of their start: walk them alongside the sentences.
  const ordered = mentions.map((m, id) => ({ m, id })).sort((a, b) => a.m.start - b.m.start);
  let cursor = 0;
  // Once per paragraph, not per sentence: a paragraph of one line may be a whole article.
  const headings = new Map<number, boolean>();
  const headingLike = (doc: SourceDoc, number: number): boolean => {
    let heading = headings.get(number);
    if (heading === undefined) headings.set(number, (heading = paragraphIsHeadingLike(doc, number)));
    return heading;
  };
  // A table's header row names its columns: it is read (for alignment) but is no fact of its own.
  const tableHeaders = new Set(source.tables.flatMap((t) => (t.headerSentence === undefined ? [] : [t.headerSentence])));
  for (const sentence of source.sentences) {
    const row = tableRowOf(source, sentence.index)?.row;
    const { dates, numbers } = row ? cellValues(source.text, tokens, sentence, [...(row.header ? [row.header] : []), ...row.cells]) : sentenceValues(source.text, tokens, sentence);
    // A column header repeated in a row (HTML's) is the header's words, not the row's.
    const labels = row ? row.cells.flatMap((c) => (c.label && c.label.start >= sentence.start ? [c.label] : [])) : [];
    while (cursor < ordered.length && ordered[cursor].m.start < sentence.start) cursor++;
    const mentionIds: number[] = [];
    // A transcript's speaker label says who speaks, not what the sentence is about.
    for (let k = cursor; k < ordered.length && ordered[k].m.start < sentence.end; k++) {
      const m = ordered[k].m;
      if (m.end <= sentence.end && !m.label && !labels.some((l) => l.start < m.end && m.start < l.end)) mentionIds.push(ordered[k].id);
    }
    const prose = isProseSentence(source, sentence, headingLike);
    if (prose) for (const id of mentionIds) namedInProse.add(mentions[id].canonical);
    perSentence.push({ numbers, dates, mentionIds });
    proseFlags.push(prose);
  }
  perSentence.forEach((s, i) => {
    if (tableHeaders.has(i)) return;
    if (proseFlags[i]) {
      if (s.numbers.length || s.dates.length || s.mentionIds.length) shown.push(i);
      return;
    }
    // A heading-like line (a headline, a byline, "Tuesday 11 February 2025, Abuja") is set in title case or capitals,
    // which say nothing of names: only names the prose also gives, or world knowledge types, are its names.
    const sentence = source.sentences[i];
    s.mentionIds = s.mentionIds.filter((id) => namedInProse.has(mentions[id].canonical) || (mentions[id].type === 'place' && placeKind(mentions[id].canonical) !== 'unknown') || isNamedPerson(tokens, sentence.firstToken, mentions[id]));
    // With a date or a name, what it says is a fact of the document; a bare number in a heading ("2. Method") is not.
    if ((s.dates.length || s.mentionIds.length) && /\p{L}{2,}/u.test(sentenceText(source, source.sentences[i]))) shown.push(i);
  });
  // The people of the facts (a heading's words in title case are not people unless the text says so elsewhere).
  const inFacts = new Set(perSentence.flatMap((s) => s.mentionIds));
  const people = [...new Set(mentions.filter((m, id) => m.type === 'person' && !m.entity && !isListedRegion(m) && (inFacts.has(id) || m.label)).map((m) => m.canonical))];
  return { source, quotes, turns, factTable: FactTable.build(perSentence, shown), mentions, people };
}
