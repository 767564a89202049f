// Internal: validation of Vault names and paths shared by the lib/vault constructs.
import { Token } from 'cdktf';
import {
  invalidVaultMountPath, invalidVaultNamespace, invalidVaultPolicyName, invalidVaultRoleName, invalidVaultSecretPath,
  invalidVaultPem, invalidVaultTtl, vaultFindWithoutKeys, vaultMaxTtlBelowTtl, wrongType,
} from '../../core/errors';
import { isVaultPolicyName } from '../../core/cloud-names';
import { assertDuration, Duration } from '../../core/duration';
import { assertSecretProperties } from '../../core/validation';

/** JavaScript callers: a string prop that is not a string gets the library's error, never a TypeError. */
function assertString(path: string, prop: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw wrongType(path, prop, value, 'a string');
  }
}

const MOUNT_SEGMENT = /^[A-Za-z0-9_.-]+$/;
const RESERVED_MOUNTS = new Set(['sys', 'auth', 'identity', 'cubbyhole']);
const KV_SEGMENT = /^[A-Za-z0-9_.@-]+$/;
const ROLE_NAME = /^\w([\w.@-]*\w)?$/;
const NAMESPACE_SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Throws unless a PEM value (when given and literal) holds a PEM block. */
export function assertPem(path: string, prop: string, value: unknown, expected: 'certificate' | 'public key'): void {
  if (value === undefined) {
    return;
  }
  assertString(path, prop, value);
  if (!Token.isUnresolved(value) && !/-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/.test(value)) {
    throw invalidVaultPem(path, prop, expected);
  }
}

/** Throws unless a list of KV properties has no empty and no repeated entry. */
export function assertKvProperties(path: string, prop: string, values: readonly string[]): void {
  assertSecretProperties(path, prop, values);
}

/** Throws unless `value` is a Vault mount path (`secret`, `kubernetes-prod`, `teams/a/kv`). */
export function assertMountPath(path: string, prop: string, value: string): void {
  assertString(path, prop, value);
  if (Token.isUnresolved(value)) {
    return;
  }
  const segments = value.split('/');
  if (value.length === 0 || segments.some((s) => !MOUNT_SEGMENT.test(s) || s === '.' || s === '..')
    || RESERVED_MOUNTS.has(segments[0])) {
    throw invalidVaultMountPath(path, prop, value);
  }
}

/** Throws unless `value` is a KV path relative to its mount (`apps/team-a/db`). */
export function assertKvPath(path: string, prop: string, value: string): void {
  assertString(path, prop, value);
  if (Token.isUnresolved(value)) {
    return;
  }
  const segments = value.split('/');
  if (value.length === 0 || segments.some((s) => !KV_SEGMENT.test(s) || s === '.' || s === '..')) {
    throw invalidVaultSecretPath(path, prop, value);
  }
}

/** Throws unless a find reads at least one key, each a KV path under the find's prefix (when it has one). */
export function assertFindKeys(path: string, prefix: string | undefined, keys: readonly string[]): void {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw vaultFindWithoutKeys(path, 'keys', keys, 'the keys the find reads, at least one');
  }
  keys.forEach((key, i) => {
    assertKvPath(path, `keys[${i}]`, key);
    if (prefix !== undefined && !Token.isUnresolved(key) && !Token.isUnresolved(prefix) && !key.startsWith(`${prefix}/`)) {
      throw vaultFindWithoutKeys(path, `keys[${i}]`, key, `keys under the find's prefix "${prefix}/"`);
    }
  });
}

/** Throws unless `value` is a role name Vault accepts. */
export function assertRoleName(path: string, prop: string, value: string): void {
  assertString(path, prop, value);
  if (Token.isUnresolved(value)) {
    return;
  }
  if (value.length > 128 || !ROLE_NAME.test(value)) {
    throw invalidVaultRoleName(path, prop, value);
  }
}

/** Throws unless `value` is a lowercase policy name other than the built-in ones. */
export function assertPolicyName(path: string, prop: string, value: string): void {
  assertString(path, prop, value);
  if (Token.isUnresolved(value)) {
    return;
  }
  if (!isVaultPolicyName(value)) {
    throw invalidVaultPolicyName(path, prop, value);
  }
}

/** Throws unless `value` is a Vault namespace path; passes `undefined` (root namespace) through. */
export function checkNamespace(path: string, prop: string, value: string | undefined): string | undefined {
  if (value === undefined) {
    return value;
  }
  assertString(path, prop, value);
  if (Token.isUnresolved(value)) {
    return value;
  }
  if (value.length === 0 || value.split('/').some((s) => !NAMESPACE_SEGMENT.test(s))) {
    throw invalidVaultNamespace(path, prop, value);
  }
  return value;
}

/** A TTL in whole seconds (Vault's unit), or undefined. */
export function ttlSeconds(path: string, prop: string, value: Duration | undefined, minimumSeconds = 1): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  assertDuration(path, prop, value);
  const ms = value.toMilliseconds();
  if (ms % 1000 !== 0 || ms / 1000 < minimumSeconds) {
    throw invalidVaultTtl(path, prop, value.toGoString(), `a whole number of seconds of at least ${minimumSeconds}s`);
  }
  return ms / 1000;
}

/** Checks that a max TTL is not below the TTL. */
export function checkMaxTtl(path: string, prop: string, ttl: Duration | undefined, maxTtl: Duration | undefined): void {
  if (ttl !== undefined && maxTtl !== undefined && maxTtl.toMilliseconds() < ttl.toMilliseconds()) {
    throw vaultMaxTtlBelowTtl(path, prop, maxTtl.toGoString(), ttl.toGoString());
  }
}

/** `kubernetes-prod` from `kubernetes` and a cluster name: derived mount paths. */
export function derivedMountPath(prefix: string, cluster: string): string {
  return `${prefix}-${cluster}`;
}
