/** conflict/number: a quantity that counts the same thing as the source, with another value. */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import type { IndexedSentence } from '../../corpus';
import type { Token } from '../../../language/nlp';
import { sequenceOf, type TokenSequence } from '../../../language/tokenTable';
import { stem } from '../../../language/stems';
import { NUMBER_QUALIFIERS } from '../../../language/words';
import { oppositeBounds, quantitiesAgree, type NumberValue } from '../../../language/values';
import { NUMBER_MIN_ALIGNMENT, VALUE_SUPPORT_RATIO } from '../../thresholds';
import { aboutSomeoneElse, alignmentsAround, replacementFinding, sameSlot, slotWords, tokenIndexAt, type BlockFinding, type ClaimContext, slotOverlap } from '../shared';
import { isSpace } from '../../../text/markup';
import { stemsAround } from '../../../memo/claims';
import { claimWords, readRow } from '../../tables';
import { cellReadings, tableRowOf } from '../../../sources/source';
import { inClauseOf, tellsOfAnotherTime } from './date';

function sameUnit(a: NumberValue, b: NumberValue): boolean {
  return a.unit !== undefined && b.unit !== undefined && stem(a.unit) === stem(b.unit);
}

/** Units that say how something is measured, not what: 4 percent of wages is not 3.1 percent of prices. */
const GENERIC_UNITS = new Set(['percent', 'dollar', 'euro', 'pound', 'yen', 'krona', 'point']);

/** Tokens skipped on the way back from a number to what it measures: the verb, its helpers, adverbs, other numbers. */
const SKIPPED_BEFORE_NUMBER = new Set(['VERB', 'AUX', 'ADV', 'PART', 'NUM', 'DET', 'SYM']);
const SUBJECT_LOOKBACK = 8;

/**
 * What a measure measures: the run of nouns just before the verb that governs the
 * number ("Consumer prices in Norland rose 3.1 percent" -> consumer, price), names
 * and their prepositions skipped. Undefined when the clause does not say.
 */
function measuredNouns(tokens: TokenSequence, numberIndex: number, from: number, names: ReadonlySet<number>): Set<string> | undefined {
  const nounAt = (k: number): Token | undefined => {
    const t = tokens.token(k);
    return t && (t.pos === 'NOUN' || t.pos === 'PROPN') && !names.has(k) ? t : undefined;
  };
  let k = numberIndex - 1;
  const stop = Math.max(from, numberIndex - SUBJECT_LOOKBACK);
  while (k >= stop) {
    const t = tokens.token(k);
    if (!t) break;
    if (names.has(k)) {
      k--;
      if (k >= stop && tokens.token(k)?.pos === 'ADP' && !names.has(k)) k--;
      continue;
    }
    if (SKIPPED_BEFORE_NUMBER.has(t.pos) || /^[$\u20ac\u00a3\u00a5]$/.test(t.text)) {
      k--;
      continue;
    }
    break;
  }
  if (k < stop || !nounAt(k)) return undefined;
  const nouns = new Set<string>();
  for (let j = k; j >= from; j--) {
    const noun = nounAt(j);
    if (!noun) break;
    nouns.add(stem(noun.lemma));
  }
  return nouns;
}

function nameTokens(mentions: readonly { firstToken: number; endToken: number }[]): Set<number> {
  const set = new Set<number>();
  for (const m of mentions) for (let k = m.firstToken; k < m.endToken; k++) set.add(k);
  return set;
}

/** For generic units, the two numbers must measure the same thing; an unknown subject on either side does not block. */
/** What a claim's number measures: the nouns before its verb, and with them those of its clause. */
interface ClaimMeasure {
  readonly subject: ReadonlySet<string> | undefined;
  readonly nouns: ReadonlySet<string>;
}

/** Read once per claim number: every aligned sentence and candidate asks (the claim's values are its own objects). */
const claimMeasures = new WeakMap<NumberValue, ClaimMeasure>();

function claimMeasureOf(ctx: ClaimContext, n: NumberValue): ClaimMeasure {
  const known = claimMeasures.get(n);
  if (known) return known;
  const tokens = sequenceOf(ctx.block.tokens);
  const at = tokenIndexAt(tokens, n.start, ctx.claim.firstToken, ctx.claim.endToken);
  const names = nameTokens(ctx.claim.mentions);
  const subject = measuredNouns(tokens, at, ctx.claim.firstToken, names);
  // What else the clause names before the number ("Emergency repairs and charter hire … cost the authority £2.4m").
  const measure = { subject, nouns: new Set([...(subject ?? []), ...clauseNouns(tokens, at, ctx.claim.firstToken, names)]) };
  claimMeasures.set(n, measure);
  return measure;
}

/** For generic units, the two numbers must measure the same thing; an unknown subject on either side does not block. */
function sameSubject(ctx: ClaimContext, n: NumberValue, sentence: IndexedSentence, m: NumberValue): boolean {
  if (!n.unit || !GENERIC_UNITS.has(n.unit)) return true;
  const claim = claimMeasureOf(ctx, n);
  const s = sentence.fact.sentence;
  const sourceTokens = sentence.extraction.source.tokens;
  const names = nameTokens(sentence.fact.mentions);
  // "rose 3.1 percent …, down from 4.2 percent": a number with no subject of its own shares the one before it.
  let sourceSubject: Set<string> | undefined;
  for (const value of [m, ...sentence.fact.numbers.filter((o) => o.end <= m.start).reverse()]) {
    sourceSubject = measuredNouns(sourceTokens, tokenIndexAt(sourceTokens, value.start, s.firstToken, s.endToken), s.firstToken, names);
    if (sourceSubject) break;
  }
  if (!claim.subject || !sourceSubject) return true;
  // What the source's figure is "in" or "of" ("£11.3m in subsidy") says what is measured as well.
  const sourceNouns = new Set([...sourceSubject, ...nounsAfter(sourceTokens, tokenIndexAt(sourceTokens, m.end, s.firstToken, s.endToken), s.endToken, names)]);
  return [...claim.nouns].some((noun) => sourceNouns.has(noun));
}

/** The nouns (names left out) from the start of the number's clause to the number, as stems. */
function clauseNouns(tokens: TokenSequence, numberIndex: number, from: number, names: ReadonlySet<number>): string[] {
  const nouns: string[] = [];
  for (let k = numberIndex - 1; k >= from; k--) {
    const t = tokens.token(k);
    if (!t || (t.pos === 'PUNCT' && t.text !== '-') || t.pos === 'CCONJ' || t.pos === 'SCONJ') break;
    if (t.pos === 'NOUN' && !names.has(k)) nouns.push(stem(t.lemma));
  }
  return nouns;
}

/** Prepositions that tie a figure to what it measures when that comes after it: "£11.3m in subsidy", "40 percent of revenue". */
const MEASURE_PREPOSITIONS = new Set(['in', 'of', 'for']);
/** How many nouns after such a preposition are read. */
const NOUNS_AFTER = 3;

/** The nouns after a figure's "in", "of" or "for" ("£11.3m in subsidy" -> subsidy), as stems. */
function nounsAfter(tokens: TokenSequence, after: number, to: number, names: ReadonlySet<number>): string[] {
  const preposition = tokens.token(after);
  if (!preposition || !MEASURE_PREPOSITIONS.has(preposition.text.toLowerCase())) return [];
  const nouns: string[] = [];
  for (let k = after + 1; k < to && nouns.length < NOUNS_AFTER; k++) {
    const t = tokens.token(k);
    if (!t || names.has(k)) break;
    if (t.pos === 'DET' || t.pos === 'ADJ') continue;
    if (t.pos !== 'NOUN') break;
    nouns.push(stem(t.lemma));
  }
  return nouns;
}

/** conflict/number for a number with no unit: compared only with the source's numbers with no unit in its slot. */
function checkBareNumber(ctx: ClaimContext, n: NumberValue): BlockFinding | undefined {
  const claimTokens = sequenceOf(ctx.block.tokens);
  const around = slotWords(claimTokens, n.start, n.end, ctx.claim.firstToken, ctx.claim.endToken);
  let conflict: { sentence: IndexedSentence; value: NumberValue } | undefined;
  for (const a of alignmentsAround(ctx, n)) {
    if (a.score < NUMBER_MIN_ALIGNMENT) break;
    // Table cells are read by their headers (checkNumbers), not by the words beside them.
    if (tableRowOf(a.sentence.extraction.source, a.sentence.fact.sentence.index)) continue;
    const s = a.sentence.fact.sentence;
    const tokens = a.sentence.extraction.source.tokens;
    const inSlot = a.sentence.fact.numbers.filter((m) => m.unit === undefined && sameSlot(around, slotWords(tokens, m.start, m.end, s.firstToken, s.endToken)));
    if (inSlot.some((m) => quantitiesAgree(n, m))) return undefined;
    conflict ??= inSlot.length > 0 ? { sentence: a.sentence, value: inSlot[0] } : undefined;
  }
  if (!conflict) return undefined;
  return replacementFinding('conflict/number', n, `Memo says ${n.text}; source says ${conflict.value.text}`, conflict.sentence, conflict.value.text, conflict.value);
}

/** How many words before a number a bound ("more than", "at least") may take. */
const BOUND_WORDS = 4;

/** Where the words bounding a claim's number begin ("under 17,000", "less than 100,000"): the number's start if none. */
function boundStart(ctx: ClaimContext, n: NumberValue): number {
  const tokens = sequenceOf(ctx.block.tokens);
  const first = tokenIndexAt(tokens, n.start, ctx.claim.firstToken, ctx.claim.endToken);
  for (let words = BOUND_WORDS; words >= 1; words--) {
    if (first - words < ctx.claim.firstToken) continue;
    const phrase: string[] = [];
    for (let k = first - words; k < first; k++) phrase.push(tokens.token(k)?.text.toLowerCase() ?? '');
    if (NUMBER_QUALIFIERS[phrase.join(' ')]) return tokens.token(first - words)?.start ?? n.start;
  }
  return n.start;
}

/** How many of the words either side of a claim's value a source value of its sentence must share to fill its slot. */
const SLOT_FILLED = 2;
/** How many of them a value agreeing with the claim's may share and still stand in another slot. */
const SLOT_OTHER = 0;

/**
 * One sentence with two values of the claim's measure ("fell from 9,500ft to just 1,100ft above the ocean"): the
 * claim's value found there does not support it when it stands in another slot and a value other than the claim's
 * fills the claim's slot ("to just 9,500ft above the ocean"). Returns that other value, else undefined.
 */
function valueInSlot(ctx: ClaimContext, n: NumberValue, sentence: IndexedSentence, candidates: readonly NumberValue[], agreeing: readonly NumberValue[]): NumberValue | undefined {
  if (candidates.length < 2 || agreeing.length === candidates.length) return undefined;
  const claimTokens = sequenceOf(ctx.block.tokens);
  const around = slotWords(claimTokens, n.start, n.end, ctx.claim.firstToken, ctx.claim.endToken);
  const s = sentence.fact.sentence;
  const tokens = sentence.extraction.source.tokens;
  const unit = n.unit ? stem(n.unit) : '';
  const overlap = (m: NumberValue): number => slotOverlap(around, slotWords(tokens, m.start, m.end, s.firstToken, s.endToken), unit);
  if (agreeing.some((m) => overlap(m) > SLOT_OTHER)) return undefined;
  return candidates.find((m) => !agreeing.includes(m) && overlap(m) >= SLOT_FILLED);
}

/**
 * True when source value `m` is the counterpart of another of the claim's values: the same figure of the same unit,
 * and no other value of the sentence is that figure ("146 workers" in "all but 13 of the 146 workers"). A claim value
 * agreeing with several ("fellow 20-year-olds" where the sentence has two) takes none of them.
 */
function takenByAnother(ctx: ClaimContext, n: NumberValue, m: NumberValue, sentenceValues: readonly NumberValue[]): boolean {
  // The same figure, as written: a range ("between 16 and 18") or a bound is no one value's counterpart.
  const agree = (o: NumberValue, v: NumberValue): boolean => (o.unit === undefined ? v.unit === undefined : sameUnit(o, v))
    && o.value === v.value && o.high === undefined && v.high === undefined && !o.qualifier && !v.qualifier;
  return ctx.claim.numbers.some((o) => o !== n && agree(o, m) && sentenceValues.every((v) => v === m || !agree(o, v)));
}

/**
 * True when a claim's exact figure lies within the source's bound ("34 years" for "more than 20 years"): the source
 * does not give the figure, nor does it deny it; no conflict (and no support: see quantitiesAgree).
 */
function withinBound(n: NumberValue, m: NumberValue): boolean {
  if (n.qualifier || n.high !== undefined || m.high !== undefined) return false;
  return (m.qualifier === 'over' && n.value > m.value) || (m.qualifier === 'under' && n.value < m.value);
}

export function checkNumbers(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  for (const n of ctx.claim.numbers) {
    if (!n.unit) {
      const finding = checkBareNumber(ctx, n);
      if (finding) findings.push(finding);
      continue;
    }
    let conflict: { sentence: ClaimContext['alignments'][number]['sentence']; value: NumberValue } | undefined;
    let supported = false;
    let conflictScore = 0;
    const alignments = alignmentsAround(ctx, n);
    const unit = n.unit;
    for (const a of alignments) {
      if (a.score < NUMBER_MIN_ALIGNMENT) break;
      // A table row: only a row the claim names, only the cells of the column it names; a bare cell counts what its
      // column's header says ("Supported routes, 2024": 92 counts routes).
      const row = readRow(a.sentence.extraction, a.sentence.fact.sentence.index, claimWords(ctx, ctx.claim.stems), claimWords(ctx, stemsAround(ctx.claim, n)));
      if (row?.row.header && !row.rowNamed) continue;
      const someoneElse = aboutSomeoneElse(ctx, a.sentence);
      const counted = (m: NumberValue): boolean => sameUnit(n, m) || (row !== undefined && m.unit === undefined && row.headerHas(m, unit));
      const candidates = a.sentence.fact.numbers.filter((m) => (!row || row.inNamed(m)) && counted(m) && sameSubject(ctx, n, a.sentence, m));
      if (candidates.length === 0) continue;
      // A bare cell under "(millions)" is that many millions.
      const scaled = (m: NumberValue): NumberValue => (row && m.unit === undefined ? { ...m, value: m.value * row.scaleOf(m) } : m);
      const agreeing = candidates.filter((m) => quantitiesAgree(n, m) || quantitiesAgree(n, scaled(m)));
      const slotted = row ? undefined : valueInSlot(ctx, n, a.sentence, candidates, agreeing);
      // The sentence tells of another period than the claim's clause: its figures are that period's.
      const anotherTime = (): boolean => !row && tellsOfAnotherTime(inClauseOf(ctx.claim, n, ctx.claim.dates), a.sentence.fact.dates);
      if (slotted) {
        if (!conflict && !anotherTime()) conflict = { sentence: a.sentence, value: slotted };
        continue;
      }
      if (agreeing.length > 0) {
        // A figure found in a sentence aligned well below the one that gave a conflict is another statement's: "38
        // hours" where the claim's trapping is told, not "within 48 hours" of something else, decides.
        if (conflict && a.score < conflictScore * VALUE_SUPPORT_RATIO) break;
        supported = true;
        break;
      }
      // From a row, a conflict only where the claim names its row and one column, and the cell's number is the value it
      // reads as: its own unit, or a bare number under a header without a scale, said in the claim as bare digits.
      const plain = /^\d[\d,]*(?:\.\d+)?$/.test(n.text);
      // A source figure that another figure of the claim agrees with is that one's ("fell 12 percent to $3 billion"
      // for the claim's "$3 billion … 10 percent"), not a counterpart of this one.
      const untaken = candidates.filter((m) => !takenByAnother(ctx, n, m, a.sentence.fact.numbers));
      const free = untaken.filter((m) => !withinBound(n, m));
      if (someoneElse) continue;
      // Every value of the measure here is another claim value's counterpart: this is the sentence the claim reads,
      // and it has no counterpart for this value; a sentence further down is not asked for one.
      if (!row && untaken.length === 0) break;
      const differing = row ? (row.pinned ? free.find((m) => sameUnit(n, m) || (plain && m.unit === undefined && row.scaleOf(m) === 1)) : undefined) : free[0];
      if (differing && anotherTime()) continue;
      if (differing && !conflict) {
        conflict = { sentence: a.sentence, value: differing };
        conflictScore = a.score;
      }
    }
    if (supported || !conflict) continue;
    // The same figure bounded from the other side ("under 17,000" for "over 17,000"): the bound differs, which the
    // number's own words do not hold, so the finding names the bounds and offers no replacement of the figure.
    const bounds = oppositeBounds(n, conflict.value) && n.value === conflict.value.value;
    const bound = (v: NumberValue): string => (bounds && v.qualifier ? `${v.qualifier} ` : '');
    const sourcePhrase = bound(conflict.value) + unitPhrase(conflict.sentence.extraction.source.text, conflict.value, conflict.sentence.fact.sentence.end) + cellHeadersOf(conflict.sentence, conflict.value);
    const claimPhrase = bound(n) + unitPhrase(ctx.block.prose, n, ctx.claim.end);
    const finding = replacementFinding('conflict/number', bounds ? { start: boundStart(ctx, n), end: n.end } : n, `Memo says ${claimPhrase}; source says ${sourcePhrase}`, conflict.sentence, conflict.value.text, conflict.value);
    findings.push(bounds ? { ...finding, fix: undefined } : finding);
  }
  return findings;
}

/** " for North East, Supported routes, 2024": the headers of the table cell a source value is in ('' outside tables). */
function cellHeadersOf(sentence: IndexedSentence, value: NumberValue): string {
  const { source } = sentence.extraction;
  const found = tableRowOf(source, sentence.fact.sentence.index);
  if (!found) return '';
  const reading = cellReadings(source, found.table, found.row).find((c) => c.cell.start <= value.start && value.end <= c.cell.end);
  const head = reading ? [reading.row, reading.column].filter((h) => h !== '').join(', ') : '';
  return head ? ` for ${head}` : '';
}

/** How many words after a number are looked at for the noun it counts. */
const PHRASE_WORDS = 4;

/**
 * "2500 American troops": the number up to the noun it counts. The words after the number are read one by one
 * (what splitting the rest of the sentence at its spaces gave, without reading past the fourth word: a claim
 * of a thousand numbers made that a scan of the sentence per number).
 */
function unitPhrase(text: string, value: NumberValue, limit: number): string {
  const unitStem = value.unit ? stem(value.unit) : undefined;
  const isUnit = (part: string): boolean => unitStem !== undefined && stem(part.replace(/\W+$/, '')) === unitStem;
  let phrase = value.text;
  let count = 0;
  let at = value.end;
  for (;;) {
    let end = at;
    while (end < limit && !isSpace(text.charCodeAt(end))) end++;
    const word = text.slice(at, end);
    phrase += word;
    if (word) count++;
    if (isUnit(word)) return phrase.replace(/[,;.]$/, '').trim();
    if (end >= limit || count >= PHRASE_WORDS) return value.text;
    let next = end;
    while (next < limit && isSpace(text.charCodeAt(next))) next++;
    const space = text.slice(end, next);
    phrase += space;
    if (isUnit(space)) return phrase.replace(/[,;.]$/, '').trim();
    at = next;
  }
}

export const numberRule: Rule = {
  code: DiagnosticCode.ConflictNumber,
  description: 'A quantity that counts the same thing as the source, with another value',
  fixable: true,
  preferredFix: true,
  defaultSeverity: 'warning',
  scope: 'claims',
  defersToQuotes: true,
  check: (ctx) => ctx.claims.flatMap(checkNumbers),
};
