/** unsupported/name: a person, organisation or place that no source mentions (a hint, on request). */
import { mentionKeys } from '../../../language/stems';
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import { claimHasNoSupport } from './noSupport';

export const unsupportedNameRule: Rule = {
  code: DiagnosticCode.UnsupportedName,
  description: 'A name no source mentions',
  fixable: false,
  defaultSeverity: 'hint',
  scope: 'claims',
  hint: true,
  check: (ctx) => ctx.claims.filter((c) => !claimHasNoSupport(c)).flatMap(({ claim }) => claim.mentions
    .filter((m) => { const keys = mentionKeys(m); return keys.length > 0 && !keys.some((k) => ctx.corpus.has(k)); })
    .map((m) => ({ code: DiagnosticCode.UnsupportedName, message: `No source mentions ${m.text}`, span: { start: m.start, end: m.end } }))),
};
