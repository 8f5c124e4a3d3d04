/** unsupported/value: a date, or a number with a unit, that no source mentions (a hint, on request). */
import { valueKeys } from '../../../language/stems';
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import type { BlockFinding } from '../shared';
import { claimHasNoSupport } from './noSupport';

export const unsupportedValueRule: Rule = {
  code: DiagnosticCode.UnsupportedValue,
  description: 'A date or measured number no source mentions',
  fixable: false,
  defaultSeverity: 'hint',
  scope: 'claims',
  hint: true,
  check: (ctx) => ctx.claims.filter((c) => !claimHasNoSupport(c)).flatMap(({ claim }) => {
    const hints: BlockFinding[] = [];
    for (const value of [...claim.dates, ...claim.numbers.filter((n) => n.unit)]) {
      const keys = value.type === 'date' ? valueKeys([value], []) : valueKeys([], [value]);
      if (keys.length && !keys.some((k) => ctx.corpus.has(k))) hints.push({ code: DiagnosticCode.UnsupportedValue, message: `No source mentions ${value.text}`, span: { start: value.start, end: value.end } });
    }
    return hints;
  }),
};
