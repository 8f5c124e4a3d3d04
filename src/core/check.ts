/** Runs every check on a memo against its sources, re-analysing only the blocks that changed. */
import { analyseBlock, analyseProses, type Claim, type ProseAnalysis } from './claims';
import { mentionKeys, valueKeys } from './stems';
import { checkAttribution } from './checks/attribution';
import { checkCitations } from './checks/citation';
import { checkComparisons } from './checks/comparison';
import { checkDates } from './checks/date';
import { checkEntities, checkNationalities } from './checks/entity';
import { checkDescriptions } from './checks/headNoun';
import { checkNumbers } from './checks/number';
import { checkPlaces } from './checks/place';
import { checkPolarity } from './checks/polarity';
import { checkRoles } from './checks/role';
import { checkTitles } from './checks/title';
import { checkQuote } from './checks/quote';
import { locateQuoteInCorpus } from './quoteMatch';
import { MAX_ALIGNED, QUOTE_MIN_SIMILARITY, QUOTE_MIN_WORDS, UNSUPPORTED_MAX_ALIGNMENT } from './checks/thresholds';
import type { BlockFinding, ClaimContext } from './checks/types';
import { Corpus } from './corpus';
import type { Extraction } from './extract';
import type { MemoBlock, ParsedMemo } from './memo';
import type { SourceDoc } from './source';
import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Evidence {
  readonly source: SourceDoc;
  readonly span: Span;
  readonly text: string;
}

export interface Fix {
  readonly span: Span;
  readonly newText: string;
  readonly title: string;
}

export interface Finding {
  /** Stable code: conflict/* for conflicts with a source; other prefixes never count as conflicts. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offsets into the memo. */
  readonly span: Span;
  readonly evidence?: Evidence;
  readonly fix?: Fix;
}

export interface CheckOptions {
  /** Also report claims for which no source passage was found (unsupported/claim hints). */
  readonly unsupportedHints?: boolean;
}

/** The checks run on each claim, one module per kind of conflict. */
const CLAIM_CHECKS: readonly ((ctx: ClaimContext) => BlockFinding[])[] = [
  checkNumbers, checkDates, checkEntities, checkNationalities, checkTitles, checkRoles, checkDescriptions, checkPlaces, checkPolarity, checkComparisons,
];

/** How many analysed blocks are kept: a long memo's blocks, a few times over. */
const BLOCK_CACHE_LIMIT = 4000;

let corpusCache: { signature: string; corpus: Corpus } | undefined;
const blockCache = new Map<string, BlockFinding[]>();

/** Forgets the analysed memo blocks (and with `sources`, the corpus built from the sources): benchmarks measure cold checks. */
export function resetCheckCaches(sources = false): void {
  if (sources) corpusCache = undefined;
  blockCache.clear();
}

/** Builds (or reuses) the alignment index of a set of sources: part of loading them, done once per change of sources. */
export function prepareSources(sources: readonly Extraction[]): void {
  corpusFor(sources);
}

function corpusFor(sources: readonly Extraction[]): Corpus {
  const signature = sources.map((x) => `${x.source.path}\u0000${x.source.hash}`).join('\u0001');
  if (corpusCache?.signature !== signature) {
    corpusCache = { signature, corpus: new Corpus(sources) };
    blockCache.clear();
  }
  return corpusCache.corpus;
}

function checkBlock(block: Pick<MemoBlock, 'prose'>, raw: string, corpus: Corpus, options: CheckOptions, analysis?: ProseAnalysis): BlockFinding[] {
  const analysed = analyseBlock(block, { commonWords: corpus.commonWords, known: corpus.knownNames }, analysis);
  const findings: BlockFinding[] = [...checkCitations(raw, analysed.quotes, corpus.extractions)];
  const quoted = new Set<number>();
  for (const quote of analysed.quotes) {
    const match = locateQuoteInCorpus(quote.text, corpus);
    const quoteFindings = [...checkQuote(quote, match), ...checkAttribution(quote, match, analysed.mentions)];
    if (match && match.similarity >= QUOTE_MIN_SIMILARITY) for (const p of quote.parts) for (let k = p.start; k < p.end; k++) quoted.add(k);
    for (const f of quoteFindings) findings.push(f);
    if (options.unsupportedHints && (!match || match.similarity < QUOTE_MIN_SIMILARITY) && quote.text.split(/\s+/).length >= QUOTE_MIN_WORDS) {
      findings.push({ code: 'unsupported/quote', message: 'Quote not found in the sources', span: { start: quote.start, end: quote.end } });
    }
  }
  for (const claim of analysed.claims) {
    const alignments = corpus.align(claim.stems).slice(0, MAX_ALIGNED);
    const ctx: ClaimContext = { corpus, block: analysed, claim, alignments };
    for (const check of CLAIM_CHECKS) {
      // Words inside a quote that was found in a source are judged by the quote checks alone.
      for (const f of check(ctx)) if (!quoted.has(f.span.start)) findings.push(f);
    }
    if (options.unsupportedHints) for (const f of unsupportedHints(claim, corpus, alignments[0]?.score ?? 0)) findings.push(f);
  }
  return findings;
}

/** Hints (never conflicts): a claim no source passage speaks to, or a date, number or name no source mentions. */
function unsupportedHints(claim: Claim, corpus: Corpus, bestScore: number): BlockFinding[] {
  if (claim.stems.size >= 2 && bestScore < UNSUPPORTED_MAX_ALIGNMENT) {
    return [{ code: 'unsupported/claim', message: 'No source passage found for this claim', span: { start: claim.start, end: claim.end } }];
  }
  const hints: BlockFinding[] = [];
  for (const value of [...claim.dates, ...claim.numbers.filter((n) => n.unit)]) {
    const keys = value.type === 'date' ? valueKeys([value], []) : valueKeys([], [value]);
    if (keys.length && !keys.some((k) => corpus.has(k))) hints.push({ code: 'unsupported/value', message: `No source mentions ${value.text}`, span: { start: value.start, end: value.end } });
  }
  for (const m of claim.mentions) {
    const keys = mentionKeys(m);
    if (keys.length && !keys.some((k) => corpus.has(k))) hints.push({ code: 'unsupported/name', message: `No source mentions ${m.text}`, span: { start: m.start, end: m.end } });
  }
  return hints;
}

function severityOf(code: string): Severity {
  if (code.startsWith('conflict/') || code === 'citation/stale') return 'warning';
  if (code.startsWith('unsupported/')) return 'hint';
  if (code === 'citation/unknown') return 'information';
  return 'warning';
}

export function checkMemo(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (memo.frontMatterError) {
    findings.push({ code: 'memo/front-matter', severity: 'warning', message: `Memo ${memo.frontMatterError}`, span: memo.frontMatterSpan });
  }
  if (sources.length === 0) return findings;
  const corpus = corpusFor(sources);
  const keyOf = (block: MemoBlock): string => `${options.unsupportedHints ? 1 : 0}\u0000${block.prose}\u0000${memo.text.slice(block.start, block.end)}`;
  // The blocks not in the cache are analysed in one pass: a cold check of a long memo, or one edited block.
  const uncached = memo.blocks.filter((b) => !blockCache.has(keyOf(b)));
  const analyses = new Map<MemoBlock, ProseAnalysis>();
  if (uncached.length > 1) analyseProses(uncached.map((b) => b.prose)).forEach((a, i) => analyses.set(uncached[i], a));
  for (const block of memo.blocks) {
    const raw = memo.text.slice(block.start, block.end);
    const key = keyOf(block);
    let blockFindings = blockCache.get(key);
    if (!blockFindings) {
      blockFindings = checkBlock(block, raw, corpus, options, analyses.get(block));
      if (blockCache.size >= BLOCK_CACHE_LIMIT) blockCache.delete(blockCache.keys().next().value as string);
      blockCache.set(key, blockFindings);
    }
    for (const f of blockFindings) {
      const line = memo.lines.positionAt(block.start + f.span.start).line;
      if (memo.disabledLines.has(line)) continue;
      findings.push({
        code: f.code,
        severity: severityOf(f.code),
        message: f.message,
        span: { start: block.start + f.span.start, end: block.start + f.span.end },
        evidence: f.evidence ? { source: f.evidence.extraction.source, span: f.evidence.span, text: f.evidence.text } : undefined,
        fix: f.fix ? { span: { start: block.start + f.fix.span.start, end: block.start + f.fix.span.end }, newText: f.fix.newText, title: f.fix.title } : undefined,
      });
    }
  }
  return findings;
}
