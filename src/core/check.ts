/** Runs every check on a memo against its sources. */
import type { Extraction } from './extract';
import type { ParsedMemo } from './memo';
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

export function checkMemo(memo: ParsedMemo, sources: readonly Extraction[], options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (memo.frontMatterError) {
    findings.push({ code: 'memo/front-matter', severity: 'warning', message: `Memo ${memo.frontMatterError}`, span: memo.frontMatterSpan });
  }
  void sources;
  void options;
  return findings;
}
