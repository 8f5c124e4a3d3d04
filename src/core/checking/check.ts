/**
 * The Checker: runs every rule of the registry on a memo against its sources, re-analysing only the blocks that
 * changed. It owns what makes re-checks cheap (the sources' alignment index, the findings of each block, the quote
 * indexes); the extension's diagnostics and the CLI each make one.
 */
import { LRUCache } from 'lru-cache';
import { analyseBlock, analyseProses, type ProseAnalysis } from '../memo/claims';
import { MAX_BLOCK_TOKENS, parseMemoSteps, tokenEstimate, type MemoBlock, type ParsedMemo } from '../memo/memo';
import type { Extraction } from '../sources/extract';
import type { SourceDoc } from '../sources/source';
import { FoldMap, foldText, type Folded } from '../text/fold';
import type { Span } from '../text/offsets';
import { DiagnosticCode } from './codes';
import { Corpus } from './corpus';
import { QuoteLocator } from './quoteMatch';
import { codeInfo, RULES } from './rules';
import type { QuoteCheck, RuleContext, Severity } from './rules/rule';
import type { BlockFinding, ClaimContext } from './rules/shared';
import { MAX_ALIGNED, QUOTE_MIN_SIMILARITY } from './thresholds';

export type { Severity } from './rules/rule';

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
  /** Stable code (see {@link DiagnosticCode}): conflict/* for conflicts with a source; other prefixes never count as conflicts. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offsets into the memo. */
  readonly span: Span;
  readonly evidence?: Evidence;
  readonly fix?: Fix;
}

export interface CheckOptions {
  /** Also run the hint rules: claims, quotes, values and names no source supports (unsupported/*). */
  readonly unsupportedHints?: boolean;
}

/** How many analysed blocks are kept: a long memo's blocks, a few times over. */
const BLOCK_CACHE_LIMIT = 4000;

/** The registry's severity for a code; warning for one it does not know. */
export function defaultSeverityOf(code: string): Severity {
  return codeInfo(code)?.defaultSeverity ?? 'warning';
}

/** A set of sources indexed for alignment, with the findings of the memo blocks checked against it. */
interface PreparedSources {
  readonly signature: string;
  readonly corpus: Corpus;
  readonly blocks: LRUCache<string, readonly BlockFinding[]>;
}

/**
 * Most tokens (as estimated, see memo.ts) analysed in one call of the NLP pipeline: one step of a check, ~20 ms.
 * Blocks are analysed together (a call's own cost adds up over a memo's hundreds of blocks), in batches of this size.
 */
const ANALYSIS_BATCH_TOKENS = MAX_BLOCK_TOKENS;
/** Blocks looked up in the cache (or their findings placed in the memo) per step. */
const BLOCKS_PER_STEP = 500;

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

/** Runs every step at once. */
function runAll<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export class Checker {
  private prepared: PreparedSources | undefined;
  private readonly locator = new QuoteLocator();

  /** The alignment index of a set of sources, built once per change of sources (the block findings go with it). */
  prepare(sources: readonly Extraction[]): Corpus {
    return this.preparedFor(sources).corpus;
  }

  private preparedFor(sources: readonly Extraction[]): PreparedSources {
    const signature = sources.map((x) => `${x.source.path}\u0000${x.source.hash}`).join('\u0001');
    if (this.prepared?.signature !== signature) {
      this.prepared = { signature, corpus: new Corpus(sources), blocks: new LRUCache({ max: BLOCK_CACHE_LIMIT }) };
    }
    return this.prepared;
  }

  /** The whole check at once (the CLI, tests). */
  check(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions = {}): Finding[] {
    return runAll(this.steps(memo, sources, options));
  }

  /**
   * The check in slices of at most `budgetMs` (plus one step), pausing between them so that the thread it shares
   * (the editor's extension host) keeps answering. Resolves to the findings, or to undefined when `isCurrent` said the
   * check was no longer wanted; the blocks checked until then stay cached.
   */
  checkSliced(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions, slicing: Slicing): Promise<Finding[] | undefined> {
    return runSliced(this.steps(memo, sources, options), slicing);
  }

  /** A memo's text parsed and checked in slices (the parse of a long memo is sliced too): what the editor runs. */
  parseAndCheckSliced(text: string, sources: readonly Extraction[], options: CheckOptions, slicing: Slicing): Promise<{ memo: ParsedMemo; findings: Finding[] } | undefined> {
    return runSliced(this.parseAndCheckSteps(text, sources, options), slicing);
  }

  private *parseAndCheckSteps(text: string, sources: readonly Extraction[], options: CheckOptions): Generator<void, { memo: ParsedMemo; findings: Finding[] }, void> {
    const memo = yield* parseMemoSteps(text);
    const findings = yield* this.steps(memo, sources, options);
    return { memo, findings };
  }

  /**
   * A memo's check as a sequence of steps, each bounded in size: a batch of analysis, a block's analysis, a rule on
   * a block. A step is bounded because a block is (memo.ts: MAX_BLOCK_CHARS, MAX_BLOCK_TOKENS).
   */
  private *steps(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions): Generator<void, Finding[], void> {
    const findings: Finding[] = [];
    if (memo.frontMatterError) {
      findings.push({ code: DiagnosticCode.MemoFrontMatter, severity: defaultSeverityOf(DiagnosticCode.MemoFrontMatter), message: `Memo ${memo.frontMatterError}`, span: memo.frontMatterSpan });
    }
    for (const limit of memo.limits) {
      if (memo.disabledLines.has(memo.lines.positionAt(limit.span.start).line)) continue;
      findings.push({ code: limit.code, severity: defaultSeverityOf(limit.code), message: limit.message, span: limit.span });
    }
    if (sources.length === 0) return findings;
    // Held for the whole check: a sliced check that resumes after another check changed the sources fills the cache of its own sources.
    const { corpus, blocks: cache } = this.preparedFor(sources);
    const keyOf = (block: MemoBlock): string => `${options.unsupportedHints ? 1 : 0}\u0000${block.prose}\u0000${memo.text.slice(block.start, block.end)}`;
    // Keys made once, a few hundred blocks a step: a memo of 100,000 footnotes has as many blocks.
    const keys: string[] = [];
    const uncached: MemoBlock[] = [];
    for (const block of memo.blocks) {
      if (keys.length % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
      const key = keyOf(block);
      keys.push(key);
      if (!cache.has(key)) uncached.push(block);
    }
    // The blocks not in the cache are analysed in batches: a cold check of a long memo, or one edited block.
    const folds = new Map(uncached.map((b) => [b, foldText(b.prose)]));
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
        analyseProses(batch.map((b) => folds.get(b)?.text ?? b.prose)).forEach((a, i) => analyses.set(batch[i], a));
        first = end;
      }
    }
    for (const [index, block] of memo.blocks.entries()) {
      if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
      const key = keys[index];
      let blockFindings = cache.get(key);
      if (!blockFindings) {
        yield;
        blockFindings = yield* this.checkBlock(block.prose, folds.get(block) ?? foldText(block.prose), memo.text.slice(block.start, block.end), corpus, options, analyses.get(block));
        analyses.delete(block);
        cache.set(key, blockFindings);
      }
      for (const f of blockFindings) {
        const line = memo.lines.positionAt(block.start + f.span.start).line;
        if (memo.disabledLines.has(line)) continue;
        findings.push({
          code: f.code,
          severity: defaultSeverityOf(f.code),
          message: f.message,
          span: { start: block.start + f.span.start, end: block.start + f.span.end },
          evidence: f.evidence ? { source: f.evidence.extraction.source, span: f.evidence.span, text: f.evidence.text } : undefined,
          fix: f.fix ? { span: { start: block.start + f.fix.span.start, end: block.start + f.fix.span.end }, newText: f.fix.newText, title: f.fix.title } : undefined,
        });
      }
    }
    return findings;
  }

  /**
   * Checks one block. Its prose is analysed folded (see text/fold.ts: a zero-width space after a word hid a
   * conflict); findings come back in the prose's own offsets, which are the memo's.
   */
  private *checkBlock(prose: string, folded: Folded, raw: string, corpus: Corpus, options: CheckOptions, analysis?: ProseAnalysis): Generator<void, BlockFinding[], void> {
    const analysed = analyseBlock({ prose: folded.text }, { commonWords: corpus.commonWords, known: corpus.knownNames }, analysis);
    const map = folded.removed ? new FoldMap(folded.removed) : undefined;
    const back = (span: Span): Span => (map ? map.toOriginalSpan(span) : span);
    const quotes: QuoteCheck[] = [];
    for (const quote of analysed.quotes) {
      yield;
      quotes.push({ quote, match: this.locator.locateInCorpus(quote.text, corpus) });
    }
    // Words inside a quote that was found in a source are judged by the quote rules alone.
    const quoted = new Set<number>();
    for (const { quote, match } of quotes) {
      if (match && match.similarity >= QUOTE_MIN_SIMILARITY) for (const p of quote.parts) for (let k = p.start; k < p.end; k++) quoted.add(k);
    }
    const claims: ClaimContext[] = [];
    for (const claim of analysed.claims) {
      yield;
      claims.push({ corpus, block: analysed, claim, alignments: corpus.align(claim.stems).slice(0, MAX_ALIGNED) });
    }
    const ctx: RuleContext = { corpus, locator: this.locator, block: analysed, raw, quotes, claims };
    // Citations are read in the raw text: the quote before each is looked for there too, in the raw text's offsets.
    const citationCtx: RuleContext = map ? { ...ctx, block: { ...analysed, quotes: analysed.quotes.map((q) => ({ ...q, ...back(q) })) } } : ctx;
    const findings: BlockFinding[] = [];
    for (const rule of RULES) {
      if (rule.hint && !options.unsupportedHints) continue;
      yield;
      if (rule.scope === 'citations') {
        findings.push(...rule.check(citationCtx));
        continue;
      }
      for (const f of rule.check(ctx)) {
        if (rule.defersToQuotes && quoted.has(f.span.start)) continue;
        findings.push(map ? { ...f, span: back(f.span), ...(f.fix ? { fix: { ...f.fix, span: back(f.fix.span) } } : {}) } : f);
      }
    }
    // In the order of the memo; at one place, in the registry's order.
    return withLineBreaksKept(mostSpecific(findings), prose, raw).sort((x, y) => x.span.start - y.span.start);
  }

}

/**
 * One finding per span and cause: a quote given to the wrong person is a misattribution, and the speaker's name
 * is not also a swapped name (conflict/entity on the same span says the same, less precisely).
 */
function mostSpecific(findings: BlockFinding[]): BlockFinding[] {
  const attributed = new Set(findings.filter((f) => f.code === DiagnosticCode.ConflictAttribution).map((f) => `${f.span.start}:${f.span.end}`));
  // "less than 100,000" for "more than 100,000": the bound's word is an antonym too, but the number finding, with both
  // figures and bounds, says the same and more.
  const numbers = findings.filter((f) => f.code === DiagnosticCode.ConflictNumber);
  const within = (f: BlockFinding): boolean => numbers.some((n) => n.span.start <= f.span.start && f.span.end <= n.span.end);
  return findings.filter((f) => (f.code !== DiagnosticCode.ConflictEntity || !attributed.has(`${f.span.start}:${f.span.end}`)) && (f.code !== DiagnosticCode.ConflictPolarity || !within(f)));
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * A fix's new text with the line breaks of the memo text it replaces. A hard-wrapped quote or name keeps its lines:
 * each break of the memo (with what follows it on the next line, such as a block quote's "> ", taken from the raw
 * text) goes after the same share of the new words; the source's own wraps are read as spaces.
 */
export function keepLineBreaks(prose: string, raw: string, span: Span, newText: string): string {
  const flat = newText.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
  const old = prose.slice(span.start, span.end);
  if (!LINE_BREAK.test(old)) return flat;
  // Words of the memo text as the analysis read them: a zero-width no-break space (U+FEFF, whitespace to a regular
  // expression) inside a word does not split it.
  const breaks: { after: number; gap: string }[] = [];
  let oldWords = 0;
  for (const m of old.matchAll(/([^\s\uFEFF]|\uFEFF)+|([^\S\uFEFF]+)/g)) {
    if (m[2] === undefined) {
      if (foldText(m[0]).text) oldWords++;
    } else if (LINE_BREAK.test(m[0])) {
      // Taken from the raw text (a block quote's "> "), less any invisible character there: a fix puts in none.
      breaks.push({ after: oldWords, gap: foldText(raw.slice(span.start + (m.index ?? 0), span.start + (m.index ?? 0) + m[0].length)).text });
    }
  }
  const parts = flat.split(/(\s+)/);
  // The spaces between two words of the new text: gaps[k] follows its word k + 1.
  const gaps = parts.map((_, i) => i).filter((i) => i % 2 === 1 && parts[i - 1] !== '' && (parts[i + 1] ?? '') !== '');
  const newWords = gaps.length + 1;
  const leading: string[] = [];
  let lastSlot = 0;
  for (const b of breaks) {
    // After the same share of the words, each break in a gap of its own and in order; with no gap left, before the text.
    const slot = Math.max(Math.max(1, Math.round((b.after * newWords) / Math.max(1, oldWords))), lastSlot + 1);
    if (slot > gaps.length) {
      leading.push(b.gap);
      continue;
    }
    parts[gaps[slot - 1]] = b.gap;
    lastSlot = slot;
  }
  return leading.join('') + parts.join('');
}

/** The findings of a block with every fix keeping the line breaks of what it replaces. */
function withLineBreaksKept(findings: BlockFinding[], prose: string, raw: string): BlockFinding[] {
  return findings.map((f) => (f.fix ? { ...f, fix: { ...f.fix, newText: keepLineBreaks(prose, raw, f.fix.span, f.fix.newText) } } : f));
}

/** One check with a Checker of its own (nothing kept): for a test or a one-off run. */
export function checkMemo(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions = {}): Finding[] {
  return new Checker().check(memo, sources, options);
}

/** {@link Checker.checkSliced} with a Checker of its own (nothing kept). */
export function checkMemoSliced(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions, slicing: Slicing): Promise<Finding[] | undefined> {
  return new Checker().checkSliced(memo, sources, options, slicing);
}

/** {@link Checker.parseAndCheckSliced} with a Checker of its own (nothing kept). */
export function parseAndCheckSliced(text: string, sources: readonly Extraction[], options: CheckOptions, slicing: Slicing): Promise<{ memo: ParsedMemo; findings: Finding[] } | undefined> {
  return new Checker().parseAndCheckSliced(text, sources, options, slicing);
}
