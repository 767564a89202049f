/**
 * Every rule over the plan, in the order they run (and the order of their first error). One rule per
 * file beside this one; a new rule is its file, its tests and one line here.
 */
import type { PlanRule } from '../rule';
import { tenantIdentityShared } from './tenant-identity-shared';

/** The rules {@link SecretsDeclaration.plan} enforces. */
export const PLAN_RULES: readonly PlanRule[] = [
  tenantIdentityShared,
];
