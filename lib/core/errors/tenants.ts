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
