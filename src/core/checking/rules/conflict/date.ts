/** conflict/date: a date of the same event as in the source, with another year, month or day. */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import { type DateValue, findDates } from '../../../language/values';
import { mentionKeys } from '../../../language/stems';
import { DATE_MIN_ALIGNMENT, DATE_MIN_ALIGNMENT_ANCHORED } from '../../thresholds';
import { stemsAround } from '../../../memo/claims';
import { claimWords, readRow } from '../../tables';
import { alignmentsAround, mentionsAny, replacementFinding, type BlockFinding, type ClaimContext } from '../shared';

type Comparison = 'agree' | 'differ' | 'incomparable';

/** Names a claim needs for its names alone to tie a date to an event. */
const MIN_ANCHORS = 2;

/** Compares the fields both dates know: "May" and "May 2024" agree; "2020" and "May" cannot be compared. */
export function compareDates(a: DateValue, b: DateValue): Comparison {
  // A decade ("the 2010s") agrees with any year in it.
  const decadeA = /\d0s$/.test(a.text);
  const decadeB = /\d0s$/.test(b.text);
  if ((decadeA || decadeB) && a.year !== undefined && b.year !== undefined) {
    return Math.floor(a.year / 10) === Math.floor(b.year / 10) ? 'agree' : 'differ';
  }
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

export function checkDates(ctx: ClaimContext): BlockFinding[] {
  const findings: BlockFinding[] = [];
  const anchors = ctx.claim.mentions.flatMap(mentionKeys);
  for (const d of ctx.claim.dates) {
    let supported = false;
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
        supported = true;
        break;
      }
      const differing = row && !row.pinned ? undefined : comparisons.find((x) => x.c === 'differ');
      if (differing) conflict ??= { sentence: a.sentence, value: differing.e };
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
