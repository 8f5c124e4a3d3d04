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
import { MAX_BLOCK_TOKENS, parseMemoSteps, tokenEstimate, type MemoBlock, type ParsedMemo } from './memo';
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
  /**
   * Stable code: conflict/* for conflicts with a source; other prefixes never count as conflicts (limit/* says a
   * part of the memo was not checked because it is over a documented limit).
   */
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
/**
 * Most tokens (as estimated, see memo.ts) analysed in one call of the NLP pipeline: one step of a check (see
 * {@link checkMemoSliced}), ~20 ms. Blocks are analysed together (a call's own cost adds up over a memo's hundreds
 * of blocks), in batches of this size.
 */
const ANALYSIS_BATCH_TOKENS = MAX_BLOCK_TOKENS;

/** Blocks looked up in the cache (or their findings placed in the memo) per step. */
const BLOCKS_PER_STEP = 500;

/** The corpus of the sources last checked against, with the findings of the blocks checked against it. */
let corpusCache: { signature: string; corpus: Corpus; blocks: Map<string, BlockFinding[]> } | undefined;

/** Forgets the analysed memo blocks (and with `sources`, the corpus built from the sources): benchmarks measure cold checks. */
export function resetCheckCaches(sources = false): void {
  if (sources) corpusCache = undefined;
  corpusCache?.blocks.clear();
}

/** Builds (or reuses) the alignment index of a set of sources: part of loading them, done once per change of sources. */
export function prepareSources(sources: readonly Extraction[]): void {
  corpusFor(sources);
}

/**
 * The corpus of these sources, and the cache of block findings that belongs to it. The cache goes with its
 * corpus: a sliced check that resumes after another check changed the sources fills its own.
 */
function corpusFor(sources: readonly Extraction[]): NonNullable<typeof corpusCache> {
  const signature = sources.map((x) => `${x.source.path}\u0000${x.source.hash}`).join('\u0001');
  if (corpusCache?.signature !== signature) corpusCache = { signature, corpus: new Corpus(sources), blocks: new Map() };
  return corpusCache;
}

/**
 * The checks of one block, one step per quote and per claim (see {@link checkSteps}). A step is bounded: a block is
 * at most MAX_BLOCK_CHARS (memo.ts) and a claim one of its sentences.
 */
function* checkBlock(block: Pick<MemoBlock, 'prose'>, raw: string, corpus: Corpus, options: CheckOptions, analysis?: ProseAnalysis): Generator<void, BlockFinding[], void> {
  const analysed = analyseBlock(block, { commonWords: corpus.commonWords, known: corpus.knownNames }, analysis);
  const findings: BlockFinding[] = [...checkCitations(raw, analysed.quotes, corpus.extractions)];
  const quoted = new Set<number>();
  for (const quote of analysed.quotes) {
    yield;
    const match = locateQuoteInCorpus(quote.text, corpus);
    const quoteFindings = [...checkQuote(quote, match), ...checkAttribution(quote, match, analysed.mentions)];
    if (match && match.similarity >= QUOTE_MIN_SIMILARITY) for (const p of quote.parts) for (let k = p.start; k < p.end; k++) quoted.add(k);
    for (const f of quoteFindings) findings.push(f);
    if (options.unsupportedHints && (!match || match.similarity < QUOTE_MIN_SIMILARITY) && quote.text.split(/\s+/).length >= QUOTE_MIN_WORDS) {
      findings.push({ code: 'unsupported/quote', message: 'Quote not found in the sources', span: { start: quote.start, end: quote.end } });
    }
  }
  for (const claim of analysed.claims) {
    yield;
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
  if (code === 'citation/unknown' || code.startsWith('limit/')) return 'information';
  return 'warning';
}

/**
 * A memo's check as a sequence of steps, each bounded in size: a batch of analysis, a block's analysis, a quote, a
 * claim. {@link checkMemo} runs them all at once; {@link checkMemoSliced} runs them in slices of a time budget.
 */
function* checkSteps(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions): Generator<void, Finding[], void> {
  const findings: Finding[] = [];
  if (memo.frontMatterError) {
    findings.push({ code: 'memo/front-matter', severity: 'warning', message: `Memo ${memo.frontMatterError}`, span: memo.frontMatterSpan });
  }
  for (const limit of memo.limits) {
    if (memo.disabledLines.has(memo.lines.positionAt(limit.span.start).line)) continue;
    findings.push({ code: limit.code, severity: severityOf(limit.code), message: limit.message, span: limit.span });
  }
  if (sources.length === 0) return findings;
  const { corpus, blocks: blockCache } = corpusFor(sources);
  const keyOf = (block: MemoBlock): string => `${options.unsupportedHints ? 1 : 0}\u0000${block.prose}\u0000${memo.text.slice(block.start, block.end)}`;
  // The blocks not in the cache are analysed in batches: a cold check of a long memo, or one edited block.
  // Keys made once, a few hundred blocks a step: a memo of 100,000 footnotes has as many blocks.
  const keys: string[] = [];
  const uncached: MemoBlock[] = [];
  for (const block of memo.blocks) {
    if (keys.length % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const key = keyOf(block);
    keys.push(key);
    if (!blockCache.has(key)) uncached.push(block);
  }
  const analyses = new Map<MemoBlock, ProseAnalysis>();
  if (uncached.length > 1) {
    for (let first = 0; first < uncached.length;) {
      let end = first + 1;
      for (let tokens = tokenEstimate(uncached[first].prose); end < uncached.length; end++) {
        const more = tokenEstimate(uncached[end].prose);
        if (tokens + more > ANALYSIS_BATCH_TOKENS) break;
        tokens += more;
      }
      const batch = uncached.slice(first, end);
      yield;
      analyseProses(batch.map((b) => b.prose)).forEach((a, i) => analyses.set(batch[i], a));
      first = end;
    }
  }
  for (const [index, block] of memo.blocks.entries()) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const raw = memo.text.slice(block.start, block.end);
    const key = keys[index];
    let blockFindings = blockCache.get(key);
    if (!blockFindings) {
      yield;
      blockFindings = yield* checkBlock(block, raw, corpus, options, analyses.get(block));
      analyses.delete(block);
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

export function checkMemo(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions = {}): Finding[] {
  const steps = checkSteps(memo, sources, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How a sliced check shares its thread. */
export interface Slicing {
  /** Longest a slice of work runs before it lets other work run. */
  readonly budgetMs: number;
  /** The time in milliseconds (performance.now by default). */
  readonly now?: () => number;
  /** Lets other work run; the check goes on when it resolves (setImmediate by default). */
  readonly pause?: () => Promise<void>;
  /** Asked after each pause: false abandons the check (a newer edit has made it stale). */
  readonly isCurrent?: () => boolean;
}

const setImmediatePause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs steps in slices of at most `budgetMs` (plus one step); undefined when abandoned (see {@link Slicing}). */
async function runSliced<T>(steps: Generator<void, T, void>, slicing: Slicing): Promise<T | undefined> {
  const now = slicing.now ?? (() => performance.now());
  const pause = slicing.pause ?? setImmediatePause;
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart < slicing.budgetMs) continue;
    await pause();
    if (slicing.isCurrent && !slicing.isCurrent()) {
      steps.return(undefined as T);
      return undefined;
    }
    sliceStart = now();
  }
}

/**
 * {@link checkMemo} in slices of at most `budgetMs` (plus one step), pausing between them so that the thread it
 * shares (the editor's extension host) keeps answering. Resolves to the findings, or to undefined when
 * `isCurrent` said the check was no longer wanted; what was checked until then stays cached.
 */
export function checkMemoSliced(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions, slicing: Slicing): Promise<Finding[] | undefined> {
  return runSliced(checkSteps(memo, sources, options), slicing);
}

/** A memo's text parsed and checked in slices (the parse of a long memo is sliced too): what the editor runs. */
export function parseAndCheckSliced(text: string, sources: readonly Extraction[], options: CheckOptions, slicing: Slicing): Promise<{ memo: ParsedMemo; findings: Finding[] } | undefined> {
  return runSliced((function* steps(): Generator<void, { memo: ParsedMemo; findings: Finding[] }, void> {
    const memo = yield* parseMemoSteps(text);
    const findings = yield* checkSteps(memo, sources, options);
    return { memo, findings };
  })(), slicing);
}
