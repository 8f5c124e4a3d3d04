/**
 * Every diagnostic code Policy Memo reports, in one place (docs/rules/<code>.md has a page for each).
 *
 * A code that starts with `conflict/` means "the memo says otherwise than a source": the CLI counts those, and
 * only those, as conflicts. The other prefixes are about citations (`citation/`), claims no source speaks to
 * (`unsupported/`, opt-in hints) and the memo's own set-up (`memo/`).
 */
export enum DiagnosticCode {
  /** A quantity that counts the same thing as the source, with another value. */
  ConflictNumber = 'conflict/number',
  /** The date of the same event as in the source, with another year, month or day. */
  ConflictDate = 'conflict/date',
  /** Another person, organisation, nationality, office or description than the source gives for the same statement. */
  ConflictEntity = 'conflict/entity',
  /** Another place than the source gives for where something happened. */
  ConflictPlace = 'conflict/place',
  /** The claim reverses the source: an opposite word, a negation, a reversed comparison. */
  ConflictPolarity = 'conflict/polarity',
  /** Quoted words that differ from the source's. */
  ConflictQuote = 'conflict/quote',
  /** A real quote given to someone other than its speaker in the source. */
  ConflictAttribution = 'conflict/attribution',
  /** A citation naming no source of the memo. */
  CitationUnknown = 'citation/unknown',
  /** A citation pointing at a paragraph that does not hold the quote (or does not exist). */
  CitationStale = 'citation/stale',
  /** A claim no source passage speaks to. */
  UnsupportedClaim = 'unsupported/claim',
  /** A quote found in no source. */
  UnsupportedQuote = 'unsupported/quote',
  /** A date or measured number no source mentions. */
  UnsupportedValue = 'unsupported/value',
  /** A name no source mentions. */
  UnsupportedName = 'unsupported/name',
  /** The memo's front matter cannot be read. */
  MemoFrontMatter = 'memo/front-matter',
  /** A source the memo's front matter names cannot be used. */
  MemoSource = 'memo/source',
  /** A run without a space over the limit: not checked (never a conflict). */
  LimitLongRun = 'limit/long-run',
  /** A memo line over the limit: not checked (never a conflict). */
  LimitLongLine = 'limit/long-line',
}

/** True for the codes that say a memo conflicts with a source. */
export function isConflict(code: string): boolean {
  return code.startsWith('conflict/');
}
