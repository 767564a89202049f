/** Checks of Vault engine roles shared by the engine constructs (cdktf) and the declaration (engine-free). */
import { Duration } from './duration';
import { vaultEngineTtlOrder } from './errors';

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
