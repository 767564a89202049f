/**
 * Every rule over the plan, in the order they run (and the order of their first error). One rule per
 * file beside this one; a new rule is its file, its tests and one line here.
 */
import type { PlanRule } from '../rule';
import { defaultServiceAccount } from './default-service-account';
import { gkeSharedPrincipal } from './gke-shared-principal';
import { esoPushUnmanagedDestination } from './eso-push-unmanaged-destination';
import { esoRefreshSlowerThanRotation } from './eso-refresh-slower-than-rotation';
import { esoRemovedTemplateFunction } from './eso-removed-template-function';
import { esoRotatingNotRefreshed } from './eso-rotating-not-refreshed';
import { secretMaterialDeclared } from './secret-material-declared';
import { tenantClusterWideGroup } from './tenant-cluster-wide-group';
import { tenantDynamicSecretShared } from './tenant-dynamic-secret-shared';
import { tenantExistingServiceAccount } from './tenant-existing-service-account';
import { tenantFindCrossTenant } from './tenant-find-cross-tenant';
import { tenantIdentityShared } from './tenant-identity-shared';
import { findMatchesDeclared } from './find-matches-declared';
import { findGrantExact } from './find-grant-exact';
import { vaultDynamicSecretEngine } from './vault-dynamic-secret-engine';
import { vaultRoleAudience } from './vault-role-audience';
import { grantTracesToUse } from './grant-traces-to-use';
import { tenantPushCrossTenant } from './tenant-push-cross-tenant';
import { tenantStoreReach } from './tenant-store-reach';
import { tenantSystemNamespace } from './tenant-system-namespace';
import { trustUnusedCluster } from './trust-unused-cluster';
import { storeAdmitsEveryNamespace, tenantStoreAdmitsEveryNamespace } from './store-admits-every-namespace';
import { azureRoleAssignmentBudget } from './azure-role-assignment-budget';

/** The rules {@link SecretsDeclaration.plan} enforces. */
export const PLAN_RULES: readonly PlanRule[] = [
  tenantSystemNamespace,
  tenantClusterWideGroup,
  tenantFindCrossTenant,
  tenantIdentityShared,
  findMatchesDeclared,
  findGrantExact,
  vaultDynamicSecretEngine,
  vaultRoleAudience,
  grantTracesToUse,
  tenantStoreReach,
  tenantStoreAdmitsEveryNamespace,
  storeAdmitsEveryNamespace,
  tenantPushCrossTenant,
  tenantDynamicSecretShared,
  defaultServiceAccount,
  tenantExistingServiceAccount,
  trustUnusedCluster,
  gkeSharedPrincipal,
  secretMaterialDeclared,
  esoRotatingNotRefreshed,
  esoRefreshSlowerThanRotation,
  esoRemovedTemplateFunction,
  esoPushUnmanagedDestination,
  azureRoleAssignmentBudget,
];
