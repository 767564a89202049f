/** Checks of Vault engine roles shared by the engine constructs (cdktf) and the declaration (engine-free). */
import { Duration } from './duration';
import { duplicateValue, emptyCollection, invalidVaultRoleName, vaultEngineTtlOrder } from './errors';

/** Checks an engine role's TTLs: ttl <= maxTtl (when given) <= the mount's max lease TTL (when given). */
export function checkEngineTtls(path: string, prop: string, ttl: Duration, maxTtl: Duration | undefined, mountMax?: Duration): void {
  if (maxTtl !== undefined && maxTtl.toMilliseconds() < ttl.toMilliseconds()) {
    throw vaultEngineTtlOrder(path, prop, maxTtl.toGoString(), ttl.toGoString(), 'a max TTL of at least the role\'s TTL');
  }
  const longest = maxTtl ?? ttl;
  if (mountMax !== undefined && longest.toMilliseconds() > mountMax.toMilliseconds()) {
    throw vaultEngineTtlOrder(path, maxTtl !== undefined ? prop : prop.replace(/maxTtl$/, 'ttl'), longest.toGoString(), mountMax.toGoString(), 'at most the mount\'s maxLeaseTtl');
  }
}

const ROLE_NAME = /^\w([\w.@-]*\w)?$/;

/** Checks an engine's role names: at least one, each a Vault role name, each once. */
export function checkEngineRoleNames(path: string, names: readonly unknown[], emptyMeaning: string): void {
  if (names.length === 0) {
    throw emptyCollection(path, 'roles', [], `at least one role (${emptyMeaning})`, 'declare the roles the dynamic secrets use');
  }
  const seen = new Map<unknown, number>();
  names.forEach((name, i) => {
    if (typeof name !== 'string' || name.length > 128 || !ROLE_NAME.test(name)) {
      throw invalidVaultRoleName(path, `roles[${i}].name`, String(name));
    }
    if (seen.has(name)) {
      throw duplicateValue(path, `roles[${i}].name`, name, `roles[${seen.get(name)}].name`, 'give each role its own name');
    }
    seen.set(name, i);
  });
}
