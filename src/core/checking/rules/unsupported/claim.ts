/** unsupported/claim: a claim no source passage speaks to (a hint, on request). */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import { claimHasNoSupport } from './noSupport';

export const unsupportedClaimRule: Rule = {
  code: DiagnosticCode.UnsupportedClaim,
  description: 'A claim no source passage speaks to',
  fixable: false,
  defaultSeverity: 'hint',
  scope: 'claims',
  hint: true,
  check: (ctx) => ctx.claims.filter(claimHasNoSupport)
    .map(({ claim }) => ({ code: DiagnosticCode.UnsupportedClaim, message: 'No source passage found for this claim', span: { start: claim.start, end: claim.end } })),
};
