/** conflict/date: a date of the same event as in the source, with another year, month or day. */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import { type DateParts, type DateValue, findDates, type NumberValue, quantitiesAgree } from '../../../language/values';
import { mentionKeys, stem } from '../../../language/stems';
import type { Claim } from '../../../memo/claims';
import type { Span } from '../../../text/offsets';
import { DATE_MIN_ALIGNMENT, DATE_MIN_ALIGNMENT_ANCHORED, VALUE_SUPPORT_RATIO } from '../../thresholds';
import { stemsAround } from '../../../memo/claims';
import { claimWords, readRow } from '../../tables';
import { alignmentsAround, mentionsAny, replacementFinding, type BlockFinding, type ClaimContext } from '../shared';

type Comparison = 'agree' | 'differ' | 'incomparable';

/** Names a claim needs for its names alone to tie a date to an event. */
const MIN_ANCHORS = 2;

/** Compares the fields both dates know: "May" and "May 2024" agree; "2020" and "May" cannot be compared. */
export function compareDates(a: DateValue, b: DateValue): Comparison {
  if (a.relative || b.relative) return compareRelative(a, b);
  if (a.to || b.to) return compareSpans(a, b);
  // A decade ("the 2010s") agrees with any year in it.
  const decadeA = /\d0s$/.test(a.text);
  const decadeB = /\d0s$/.test(b.text);
  if ((decadeA || decadeB) && a.year !== undefined && b.year !== undefined) {
    return Math.floor(a.year / 10) === Math.floor(b.year / 10) ? 'agree' : 'differ';
  }
  return compareParts(a, b);
}

/** Compares the fields both know: "May" and "May 2024" agree; "2020" and "May" cannot be compared. */
function compareParts(a: DateParts & { weekday?: number }, b: DateParts & { weekday?: number }): Comparison {
  let shared = 0;
  for (const field of ['year', 'month', 'day', 'weekday'] as const) {
    const x = a[field];
    const y = b[field];
    if (x === undefined || y === undefined) continue;
    shared++;
    if (x !== y) return 'differ';
  }
  return shared > 0 ? 'agree' : 'incomparable';
}

/**
 * Relative dates ("last week", "the next day") are told from a time the text does not give: never comparable with a
 * calendar date (the memo's "now" is not the source's), nor with one told in another unit or from another anchor.
 * Two told the same way agree; they differ only when one lies before its anchor and the other after ("last week",
 * "next week"): "last year" and "this year" may be the same year told from two dates.
 */
function compareRelative(a: DateValue, b: DateValue): Comparison {
  const x = a.relative;
  const y = b.relative;
  if (!x || !y || x.anchor !== y.anchor || x.unit !== y.unit) return 'incomparable';
  if (x.offset === y.offset) return 'agree';
  return Math.sign(x.offset) * Math.sign(y.offset) < 0 ? 'differ' : 'incomparable';
}

/** Days in a month are not counted: a month's last day is its 31st here, which orders dates all the same. */
const LAST_DAY = 31;
const LAST_MONTH = 12;

/** A date as the span of days it covers, as year·10⁴ + month·10² + day, when it has a year. */
function spanOf(d: DateValue): [number, number] | undefined {
  if (d.year === undefined) return undefined;
  const key = (year: number, month: number, day: number): number => year * 10000 + month * 100 + day;
  const low = key(d.year, d.month ?? 1, d.month !== undefined ? d.day ?? 1 : 1);
  const to = d.to;
  const lastYear = to?.year ?? d.year;
  const lastMonth = to?.month ?? (to?.year !== undefined ? LAST_MONTH : d.month ?? LAST_MONTH);
  const lastDay = to?.day ?? (to?.month === undefined && to?.year === undefined && d.day !== undefined ? d.day : LAST_DAY);
  return [low, key(lastYear, lastMonth, lastDay)];
}

/**
 * A range ("June–September 2024", "2025–26") agrees with a date inside it or a range overlapping it, and differs
 * from one wholly outside it; without years on both sides, by months ("between June and September" and "July").
 */
function compareSpans(a: DateValue, b: DateValue): Comparison {
  // Two ranges: each end with its counterpart ("between June 2021 and …" is not "between June 2022 and …").
  if (a.to && b.to) {
    const ends = [compareParts(a, b), compareParts({ year: a.year, ...a.to }, { year: b.year, ...b.to })];
    if (ends.includes('differ')) return 'differ';
    return ends.includes('agree') ? 'agree' : 'incomparable';
  }
  const x = spanOf(a);
  const y = spanOf(b);
  if (x && y) return x[0] <= y[1] && y[0] <= x[1] ? 'agree' : 'differ';
  if (a.month === undefined || b.month === undefined) return 'incomparable';
  const [lowA, highA] = [a.month, a.to?.month ?? a.month];
  const [lowB, highB] = [b.month, b.to?.month ?? b.month];
  return lowA <= highB && lowB <= highA ? 'agree' : 'differ';
}

/** What a preposition makes of a date: a point, the start of a state, a bound, or one end of a range. */
const RELATION_KIND: Record<string, 'point' | 'start' | 'end' | 'range' | 'before' | 'after'> = {
  in: 'point', on: 'point', at: 'point', during: 'point', of: 'point',
  since: 'start', from: 'start',
  until: 'end', till: 'end', by: 'end',
  between: 'range', before: 'before', after: 'after',
};

/**
 * Dates said of the same kind of time can conflict: "in 2020" with "since 2018" (a point and a start), but not
 * "since 2015" with "between June 2022 and …" (a start and a range), which tell of different things.
 */
function sameKindOfTime(a: DateValue, b: DateValue): boolean {
  const ka = a.relation ? RELATION_KIND[a.relation] : undefined;
  const kb = b.relation ? RELATION_KIND[b.relation] : undefined;
  if (!ka || !kb || ka === kb) return true;
  const pair = new Set([ka, kb]);
  return pair.has('point') && pair.has('start');
}

function formatDifference(claim: DateValue, source: DateValue): string {
  return `Memo says ${claim.relation ? `${claim.relation} ` : ''}${claim.text}; source says ${source.relation ? `${source.relation} ` : ''}${source.text}`;
}

/** Two dates that agree and know the same fields: one date told twice, not a month and a day in it. */
function sameDate(a: DateValue, b: DateValue): boolean {
  const fields = (d: DateValue): string => (['year', 'month', 'day'] as const).map((f) => (d[f] === undefined ? '-' : 'x')).join('');
  return !a.to && !b.to && !a.relative && !b.relative && fields(a) === fields(b) && compareDates(a, b) === 'agree';
}

/** The values of a claim in the clause a span lies in (the whole claim's when it has no clauses). */
export function inClauseOf<T extends Span>(claim: Claim, span: Span, values: readonly T[]): T[] {
  const clause = claim.clauses.find((c) => c.start <= span.start && span.end <= c.end) ?? claim;
  return values.filter((v) => v !== span && clause.start <= v.start && v.end <= clause.end);
}

/**
 * True when a source sentence tells of another time than the claim: a date of the claim's clause that every date of
 * the sentence comparable with it differs from. A figure read there is another period's ("2.6% in January" for the
 * claim's "2.8% in December"): a claim differing from its evidence in two slots at once is another statement.
 */
export function tellsOfAnotherTime(claimDates: readonly DateValue[], sourceDates: readonly DateValue[]): boolean {
  return claimDates.some((d) => {
    const comparisons = sourceDates.filter((e) => sameKindOfTime(d, e)).map((e) => compareDates(d, e));
    return comparisons.includes('differ') && !comparisons.includes('agree');
  });
}

/** True when a figure of the claim's clause has figures of its unit in the source sentence and agrees with none. */
function figuresDiffer(claimNumbers: readonly NumberValue[], sourceNumbers: readonly NumberValue[]): boolean {
  return claimNumbers.some((n) => {
    if (!n.unit) return false;
    const unit = stem(n.unit);
    const counterparts = sourceNumbers.filter((m) => m.unit !== undefined && stem(m.unit) === unit);
    return counterparts.length > 0 && !counterparts.some((m) => quantitiesAgree(n, m));
  });
}

export function checkDates(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  const anchors = ctx.claim.mentions.flatMap(mentionKeys);
  for (const d of ctx.claim.dates) {
    let supported = false;
    let conflictScore = 0;
    let conflict: { sentence: ClaimContext['alignments'][number]['sentence']; value: DateValue } | undefined;
    const alignments = alignmentsAround(ctx, d);
    for (const a of alignments) {
      // Every name of the claim present lowers the bar, when there are names enough to pin the event down.
      const anchored = new Set(anchors).size >= MIN_ANCHORS && anchors.every((k) => a.sentence.has(k));
      const bar = anchored ? DATE_MIN_ALIGNMENT_ANCHORED : DATE_MIN_ALIGNMENT;
      if (a.score < bar) continue;
      if (anchors.length > 0 && !mentionsAny(a.sentence, anchors)) continue;
      // A table row: only a row the claim names, only the cells of the column it names; a conflict only when both are named.
      const row = readRow(a.sentence.extraction, a.sentence.fact.sentence.index, claimWords(ctx, ctx.claim.stems), claimWords(ctx, stemsAround(ctx.claim, d)));
      if (row?.row.header && !row.rowNamed) continue;
      const comparisons = a.sentence.fact.dates.filter((e) => (!row || row.inNamed(e)) && sameKindOfTime(d, e)).map((e) => ({ e, c: compareDates(d, e) }));
      if (comparisons.some((x) => x.c === 'agree')) {
        // A date found in a sentence aligned well below the one that gave a conflict is another statement's.
        if (conflict && a.score < conflictScore * VALUE_SUPPORT_RATIO) break;
        supported = true;
        break;
      }
      // A source date that another date of the claim gives exactly is that one's ("replaced in October 2023" for the
      // claim's "replaced in October 2023 … in use since 2011"), not a counterpart of this one. Exactly: "late
      // December" does not take "December 27", nor "March" (this year) "March 2014".
      // (A claim date the sentence gives twice, "on Wednesday night … on Wednesday morning", takes neither.)
      const othersAgree = (e: DateValue): boolean => ctx.claim.dates.some((o) => o !== d && sameDate(o, e) && a.sentence.fact.dates.every((f) => f === e || !sameDate(o, f)));
      const differing = row && !row.pinned ? undefined : comparisons.find((x) => x.c === 'differ' && !othersAgree(x.e));
      // The claim's figure differs there too: the sentence tells of another statement than the claim's.
      if (differing && !row && figuresDiffer(inClauseOf(ctx.claim, d, ctx.claim.numbers), a.sentence.fact.numbers)) continue;
      if (differing && !conflict) {
        conflict = { sentence: a.sentence, value: differing.e };
        conflictScore = a.score;
      }
    }
    if (supported || !conflict) continue;
    const finding = replacementFinding('conflict/date', d, formatDifference(d, conflict.value), conflict.sentence, conflict.value.text, conflict.value);
    findings.push(readsAsItself(ctx, d, conflict.value) ? finding : { ...finding, fix: undefined });
  }
  return findings;
}

export const dateRule: Rule = {
  code: DiagnosticCode.ConflictDate,
  description: 'The date of the same event as in the source, with another year, month or day',
  fixable: true,
  preferredFix: true,
  defaultSeverity: 'warning',
  scope: 'claims',
  defersToQuotes: true,
  check: (ctx) => ctx.claims.flatMap(checkDates),
};
/**
 * True when the source's date, put in place of the claim's, is read as that date and no more: next to a digit
 * ("on12 2001-03-06") "February 4" would become "12 February", a new conflict instead of a fix.
 */
function readsAsItself(ctx: ClaimContext, claimDate: DateValue, sourceDate: DateValue): boolean {
  const { prose } = ctx.block;
  const sentence = prose.slice(ctx.claim.start, claimDate.start) + sourceDate.text + prose.slice(claimDate.end, ctx.claim.end);
  const start = claimDate.start - ctx.claim.start;
  const end = start + sourceDate.text.length;
  const read = findDates(sentence, { start: 0, end: sentence.length }).filter((e) => e.start < end && start < e.end);
  return read.length === 1 && read[0].start === start && read[0].end === end && compareDates(read[0], sourceDate) === 'agree';
}
