// Errors about tenants: teams that own namespaces and the secrets their ExternalSecrets may read.
import { configurationError, ConfigurationError } from './format';

/** A tenant without namespaces or without a group. */
export function emptyTenantList(path: string, prop: string, what: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: `at least one ${what}`,
    fix: `list the tenant's ${what}s`,
  });
}

/** An RBAC group name that is empty or not a string. */
export function invalidTenantGroup(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a non-empty group name exactly as the API server authenticates it (an OIDC groups claim, an Entra group object ID, a Google group e-mail)',
    fix: 'pass the group of the team that manages the tenant\'s ExternalSecrets',
  });
}

/** A tenant group that is cluster-wide (`system:authenticated`, `system:masters`, …), not the team's own. */
export function clusterWideTenantGroup(path: string, prop: string, group: string, why: string): ConfigurationError {
  return configurationError({
    path, prop, value: group,
    allowed: `the team's own groups (from your identity provider), or system:serviceaccounts:<ns> of the tenant's own namespaces; ${JSON.stringify(group)} is ${why}`,
    fix: 'bind the group of the team that owns the tenant',
  });
}

/** A namespace claimed by two tenants. */
export function namespaceInTwoTenants(path: string, prop: string, namespace: string, tenant: string, other: string): ConfigurationError {
  return configurationError({
    path, prop, value: namespace,
    allowed: `a namespace of no other tenant (it already belongs to tenant "${other}")`,
    fix: `remove "${namespace}" from tenant "${tenant}" or from tenant "${other}": a namespace belongs to one tenant`,
  });
}

/** A secret owned by two tenants. */
export function secretInTwoTenants(path: string, prop: string, secret: string, tenant: string, other: string): ConfigurationError {
  return configurationError({
    path, prop, value: secret,
    allowed: `a secret of no other tenant (it already belongs to tenant "${other}")`,
    fix: `give the secret to one tenant; if "${tenant}" and "${other}" really share it, declare a copy per tenant`,
  });
}

/** An ExternalSecret (or PushSecret) in one tenant's namespace that uses another tenant's secret. */
export function crossTenantRead(path: string, prop: string, secret: string, readerTenant: string | undefined, namespace: string,
  ownerTenant: string): ConfigurationError {
  const allowed = readerTenant === undefined
    ? `secrets of no tenant (namespace "${namespace}" belongs to no tenant); "${secret}" belongs to tenant "${ownerTenant}"`
    : `secrets of tenant "${readerTenant}" (namespace "${namespace}") or of no tenant; "${secret}" belongs to tenant "${ownerTenant}"`;
  const fix = readerTenant === undefined
    ? `use it from a namespace of tenant "${ownerTenant}", or add namespace "${namespace}" to tenant "${ownerTenant}"`
    : `use it from a namespace of tenant "${ownerTenant}", or declare a secret of tenant "${readerTenant}"`;
  return configurationError({ path, prop, value: secret, allowed, fix });
}

