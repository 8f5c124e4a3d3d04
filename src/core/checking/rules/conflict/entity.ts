/**
 * conflict/entity: another person, organisation, nationality, office or description than the source gives for the
 * same statement. Each way of getting a name wrong is a check of its own in entity/.
 */
import { DiagnosticCode } from '../../codes';
import type { Rule } from '../rule';
import type { BlockFinding, ClaimContext } from '../shared';
import { checkDescriptions } from './entity/description';
import { checkEntities, checkNationalities } from './entity/names';
import { checkRoles } from './entity/role';
import { checkTitles } from './entity/title';

const ENTITY_CHECKS: readonly ((ctx: ClaimContext) => BlockFinding[])[] = [checkEntities, checkNationalities, checkTitles, checkRoles, checkDescriptions];

export const entityRule: Rule = {
  code: DiagnosticCode.ConflictEntity,
  description: 'Another person, organisation, nationality, office or description than the source gives for the same statement',
  fixable: true,
  defaultSeverity: 'warning',
  scope: 'claims',
  defersToQuotes: true,
  check: (ctx) => ctx.claims.flatMap((claim) => ENTITY_CHECKS.flatMap((check) => check(claim))),
};
