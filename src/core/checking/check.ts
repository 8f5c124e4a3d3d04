/**
 * The Checker: runs every rule of the registry on a memo against its sources, re-analysing only the blocks that
 * changed. It owns what makes re-checks cheap (the sources' alignment index, the findings of each block, the quote
 * indexes); the extension's diagnostics and the CLI each make one.
 */
import { LRUCache } from 'lru-cache';
import { analyseBlock, analyseProses, type ProseAnalysis } from '../memo/claims';
import type { MemoBlock, ParsedMemo } from '../memo/memo';
import type { Extraction } from '../sources/extract';
import type { SourceDoc } from '../sources/source';
import { FoldMap, foldText, type Folded } from '../text/fold';
import type { Span } from '../text/offsets';
import { DiagnosticCode } from './codes';
import { Corpus } from './corpus';
import { QuoteLocator } from './quoteMatch';
import { codeInfo, RULES } from './rules';
import type { RuleContext, Severity } from './rules/rule';
import type { BlockFinding } from './rules/shared';
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

export class Checker {
  private corpus: { signature: string; corpus: Corpus } | undefined;
  private readonly blocks = new LRUCache<string, readonly BlockFinding[]>({ max: BLOCK_CACHE_LIMIT });
  private readonly locator = new QuoteLocator();

  /** The alignment index of a set of sources, built once per change of sources (the block findings go with it). */
  prepare(sources: readonly Extraction[]): Corpus {
    const signature = sources.map((x) => `${x.source.path}\u0000${x.source.hash}`).join('\u0001');
    if (this.corpus?.signature !== signature) {
      this.corpus = { signature, corpus: new Corpus(sources) };
      this.blocks.clear();
    }
    return this.corpus.corpus;
  }

  check(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions = {}): Finding[] {
    const findings: Finding[] = [];
    if (memo.frontMatterError) {
      findings.push({ code: DiagnosticCode.MemoFrontMatter, severity: defaultSeverityOf(DiagnosticCode.MemoFrontMatter), message: `Memo ${memo.frontMatterError}`, span: memo.frontMatterSpan });
    }
    if (sources.length === 0) return findings;
    const corpus = this.prepare(sources);
    const keyOf = (block: MemoBlock): string => `${options.unsupportedHints ? 1 : 0}\u0000${block.prose}\u0000${memo.text.slice(block.start, block.end)}`;
    // The blocks not in the cache are analysed in one pass: a cold check of a long memo, or one edited block.
    const uncached = memo.blocks.filter((b) => !this.blocks.has(keyOf(b)));
    const folds = new Map(uncached.map((b) => [b, foldText(b.prose)]));
    const analyses = new Map<MemoBlock, ProseAnalysis>();
    if (uncached.length > 1) analyseProses(uncached.map((b) => folds.get(b)?.text ?? b.prose)).forEach((a, i) => analyses.set(uncached[i], a));
    for (const block of memo.blocks) {
      const key = keyOf(block);
      let blockFindings = this.blocks.get(key);
      if (!blockFindings) {
        blockFindings = this.checkBlock(block.prose, folds.get(block) ?? foldText(block.prose), memo.text.slice(block.start, block.end), corpus, options, analyses.get(block));
        this.blocks.set(key, blockFindings);
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
  private checkBlock(prose: string, folded: Folded, raw: string, corpus: Corpus, options: CheckOptions, analysis?: ProseAnalysis): BlockFinding[] {
    const analysed = analyseBlock({ prose: folded.text }, { commonWords: corpus.commonWords, known: corpus.knownNames }, analysis);
    const map = folded.removed ? new FoldMap(folded.removed) : undefined;
    const back = (span: Span): Span => (map ? map.toOriginalSpan(span) : span);
    const quotes = analysed.quotes.map((quote) => ({ quote, match: this.locator.locateInCorpus(quote.text, corpus) }));
    // Words inside a quote that was found in a source are judged by the quote rules alone.
    const quoted = new Set<number>();
    for (const { quote, match } of quotes) {
      if (match && match.similarity >= QUOTE_MIN_SIMILARITY) for (const p of quote.parts) for (let k = p.start; k < p.end; k++) quoted.add(k);
    }
    const claims = analysed.claims.map((claim) => ({ corpus, block: analysed, claim, alignments: corpus.align(claim.stems).slice(0, MAX_ALIGNED) }));
    const ctx: RuleContext = { corpus, locator: this.locator, block: analysed, raw, quotes, claims };
    // Citations are read in the raw text: the quote before each is looked for there too, in the raw text's offsets.
    const citationCtx: RuleContext = map ? { ...ctx, block: { ...analysed, quotes: analysed.quotes.map((q) => ({ ...q, ...back(q) })) } } : ctx;
    const findings: BlockFinding[] = [];
    for (const rule of RULES) {
      if (rule.hint && !options.unsupportedHints) continue;
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
    return withLineBreaksKept(findings, prose, raw).sort((x, y) => x.span.start - y.span.start);
  }

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
