/** The one shape of a rule (as markdownlint's rule objects): what it reports, and a check over one memo block. */
import type { AnalysedBlock } from '../../memo/claims';
import type { Quote } from '../../language/quotes';
import type { DiagnosticCode } from '../codes';
import type { Corpus } from '../corpus';
import type { QuoteLocator, QuoteMatch } from '../quoteMatch';
import type { BlockFinding, ClaimContext } from './shared';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What a code means to the user: read by severities, code actions, the CLI's conflict count and the docs. */
export interface CodeInfo {
  readonly code: DiagnosticCode;
  /** One line, as in the settings documentation and docs/rules/<code>.md. */
  readonly description: string;
  /** True when its findings can carry a quick fix that gives the source's value. */
  readonly fixable: boolean;
  /** True when its fix is safe enough to be the editor's preferred quick fix (it puts back the source's own words). */
  readonly preferredFix?: boolean;
  readonly defaultSeverity: Severity;
}

/** A memo quote and where in the sources it was found (undefined: nowhere). */
export interface QuoteCheck {
  readonly quote: Quote;
  readonly match: QuoteMatch | undefined;
}

/** What every rule sees: one analysed memo block, its claims ranked against the sources, its quotes located. */
export interface RuleContext {
  readonly corpus: Corpus;
  readonly locator: QuoteLocator;
  readonly block: AnalysedBlock;
  /** The block's raw Markdown (citations live there), with the same offsets as its prose. */
  readonly raw: string;
  readonly quotes: readonly QuoteCheck[];
  readonly claims: readonly ClaimContext[];
}

export interface Rule extends CodeInfo {
  /** What part of a block the rule judges. */
  readonly scope: 'claims' | 'quotes' | 'citations';
  /** True when its findings on words of a quote that was found in a source are dropped: the quote rules judge those words. */
  readonly defersToQuotes?: boolean;
  /** Runs only when hints are asked for (`policyMemo.check.unsupportedHints`, `memo-check --unsupported`). */
  readonly hint?: boolean;
  /** Findings of this rule's code, with offsets relative to the block. */
  readonly check: (ctx: RuleContext) => readonly BlockFinding[];
}
