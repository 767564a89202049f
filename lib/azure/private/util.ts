import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { invalidKeyVaultObjectName } from '../../core/errors';
import { isKeyVaultObjectName } from '../../core/cloud-names';

/** cdktf string-token marker, e.g. `${TfToken[TOKEN.12]}`. */
const TF_TOKEN = /\$\{TfToken\[[^\]]*\]\}/g;

/** True when the value is (or contains) an unresolved cdktf token. */
export function isToken(value: string | number | undefined): boolean {
  return value !== undefined && Token.isUnresolved(value);
}

/** Replaces every cdktf string token with the literal `TOKEN`, so the literal skeleton can be checked. */
export function tokenSkeleton(value: string): string {
  // A JavaScript caller may pass anything: a non-string has no skeleton and fails the caller's check.
  return typeof value === 'string' ? value.replace(TF_TOKEN, 'TOKEN') : '';
}

/** A short, stable hash (hex) of a string, for derived names. */
export function shortHash(value: string, length = 8): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/** `/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.KeyVault/vaults/<name>`, case-insensitive like ARM. */
export const KEY_VAULT_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;

/** A vault ID (literal or token) optionally followed by one secret, key or certificate. */
export const KEY_VAULT_SCOPE = /^(TOKEN|\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+)(\/(secrets|keys|certificates)\/[^/]+)?$/i;


/** Validates a Key Vault secret or key name (skips tokens). */
export function assertKeyVaultObjectName(scope: IConstruct, prop: string, value: string): void {
  if (!isToken(value) && !isKeyVaultObjectName(value)) {
    throw invalidKeyVaultObjectName(scope.node.path, prop, value);
  }
}
