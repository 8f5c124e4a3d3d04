/**
 * The registry: every rule, in the order its findings are listed for one place in a memo. Severities, the code
 * actions' preferred fix, the CLI's conflict count and the docs all read from here.
 */
import { DiagnosticCode } from '../codes';
import { staleCitationRule } from './citation/stale';
import { unknownCitationRule } from './citation/unknown';
import { attributionRule } from './conflict/attribution';
import { dateRule } from './conflict/date';
import { entityRule } from './conflict/entity';
import { numberRule } from './conflict/number';
import { placeRule } from './conflict/place';
import { polarityRule } from './conflict/polarity';
import { quoteRule } from './conflict/quote';
import type { CodeInfo, Rule } from './rule';
import { unsupportedClaimRule } from './unsupported/claim';
import { unsupportedNameRule } from './unsupported/name';
import { unsupportedQuoteRule } from './unsupported/quote';
import { unsupportedValueRule } from './unsupported/value';

export const RULES: readonly Rule[] = [
  unknownCitationRule, staleCitationRule,
  quoteRule, attributionRule, unsupportedQuoteRule,
  numberRule, dateRule, entityRule, placeRule, polarityRule,
  unsupportedClaimRule, unsupportedValueRule, unsupportedNameRule,
];

/** Codes reported about the memo itself (its set-up, its limits) rather than by a rule on its claims. */
export const MEMO_CODES: readonly CodeInfo[] = [
  { code: DiagnosticCode.MemoFrontMatter, description: "The memo's front matter cannot be read", fixable: false, defaultSeverity: 'warning' },
  { code: DiagnosticCode.LimitLongRun, description: 'A run without a space longer than 1,000 characters: not checked', fixable: false, defaultSeverity: 'information' },
  { code: DiagnosticCode.LimitLongLine, description: 'A memo line longer than 2,000,000 characters: not checked', fixable: false, defaultSeverity: 'information' },
  { code: DiagnosticCode.MemoSource, description: "A source named in the memo's front matter cannot be used (missing, unreadable, outside the workspace)", fixable: false, defaultSeverity: 'warning' },
];

const BY_CODE = new Map<string, CodeInfo>([...RULES, ...MEMO_CODES].map((info) => [info.code, info]));

/** What the registry knows of a code; undefined for a code Policy Memo does not report. */
export function codeInfo(code: string): CodeInfo | undefined {
  return BY_CODE.get(code);
}

/** Where a code's documentation page is, relative to the extension's (or the repository's) root. */
export function docsPathOf(code: string): string {
  return `docs/rules/${code}.md`;
}
