/**
 * Every rule over the plan, in the order they run (and the order of their first error). One rule per
 * file beside this one; a new rule is its file, its tests and one line here.
 */
import type { PlanRule } from '../rule';
import { defaultServiceAccount } from './default-service-account';
import { esoPushUnmanagedDestination } from './eso-push-unmanaged-destination';
import { esoRefreshSlowerThanRotation } from './eso-refresh-slower-than-rotation';
import { esoRemovedTemplateFunction } from './eso-removed-template-function';
import { esoRotatingNotRefreshed } from './eso-rotating-not-refreshed';
import { esoVaultMetadataUngranted } from './eso-vault-metadata-ungranted';
import { gkeSharedPrincipal } from './gke-shared-principal';
import { secretMaterialDeclared } from './secret-material-declared';
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
  secretMaterialDeclared,
  esoRotatingNotRefreshed,
  esoRefreshSlowerThanRotation,
  esoVaultMetadataUngranted,
  esoRemovedTemplateFunction,
  esoPushUnmanagedDestination,
];
