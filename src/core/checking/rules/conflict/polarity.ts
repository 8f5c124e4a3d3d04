/** conflict/polarity: the claim reverses the source: an opposite word or a negation (polarity/negation), a reversed comparison (polarity/comparison). */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import { checkComparisons } from './polarity/comparison';
import { checkPolarity } from './polarity/negation';

export const polarityRule: Rule = {
  code: DiagnosticCode.ConflictPolarity,
  description: 'The claim reverses the source: an opposite word, a negation, or a reversed comparison',
  fixable: false,
  defaultSeverity: 'warning',
  scope: 'claims',
  defersToQuotes: true,
  check: (ctx) => ctx.claims.flatMap((claim) => [...checkPolarity(claim), ...checkComparisons(claim)]),
};
