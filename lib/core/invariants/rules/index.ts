/**
 * Every rule over the plan, in the order they run (and the order of their first error). One rule per
 * file beside this one; a new rule is its file, its tests and one line here.
 */
import type { PlanRule } from '../rule';
import { defaultServiceAccount } from './default-service-account';
import { gkeSharedPrincipal } from './gke-shared-principal';
import { tenantClusterWideGroup } from './tenant-cluster-wide-group';
import { tenantDynamicSecretShared } from './tenant-dynamic-secret-shared';
import { tenantExistingServiceAccount } from './tenant-existing-service-account';
import { tenantFindCrossTenant } from './tenant-find-cross-tenant';
import { tenantIdentityShared } from './tenant-identity-shared';
import { tenantPushCrossTenant } from './tenant-push-cross-tenant';
import { tenantStoreReach } from './tenant-store-reach';
import { tenantSystemNamespace } from './tenant-system-namespace';
import { trustUnusedCluster } from './trust-unused-cluster';

/** The rules {@link SecretsDeclaration.plan} enforces. */
export const PLAN_RULES: readonly PlanRule[] = [
  tenantSystemNamespace,
  tenantClusterWideGroup,
  tenantFindCrossTenant,
  tenantIdentityShared,
  tenantStoreReach,
  tenantPushCrossTenant,
  tenantDynamicSecretShared,
  defaultServiceAccount,
  tenantExistingServiceAccount,
  trustUnusedCluster,
  gkeSharedPrincipal,
];
