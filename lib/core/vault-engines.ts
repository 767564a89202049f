/**
 * Engine-free facts about Vault dynamic secrets engines, shared by the Vault policy compiler
 * (cdktf), the `VaultDynamicSecret` generator (cdk8s), the engine constructs and the declaration.
 */

/** The database plugins the database engine is configured with (the connection's plugin block). */
export enum VaultDatabasePlugin {
  /** PostgreSQL (`postgresql-database-plugin`). */
  POSTGRESQL = 'postgresql',
  /** MySQL / MariaDB (`mysql-database-plugin`). */
  MYSQL = 'mysql',
}

/** Whether a database connection URL's user info or query holds a password that is not the `{{password}}` template. */
export function hasLiteralPassword(url: string): boolean {
  const userInfo = /^[a-z][a-z0-9+.-]*:\/\/([^@/?#]*)@/i.exec(url)?.[1];
  const password = userInfo?.includes(':') ? userInfo.slice(userInfo.indexOf(':') + 1) : undefined;
  const inQuery = /[?&](password|pwd)=([^&#]*)/i.exec(url)?.[2];
  return (password !== undefined && password !== '{{password}}') || (inQuery !== undefined && inQuery !== '{{password}}');
}

/** A DNS name a PKI role may issue for: labels of letters, digits and `-`, no wildcard, no glob. */
export function isPkiDomain(value: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(value);
}

/** The HTTP method a `VaultDynamicSecret` generator calls its path with. */
export enum VaultHttpMethod {
  /** A read (`database/creds/<role>`): capability `read`. */
  GET = 'GET',
  /** A write (`pki/issue/<role>`): capability `update` (engines without existence check). */
  POST = 'POST',
  /** Same as POST for Vault: capability `update`. */
  PUT = 'PUT',
  /** A list: capability `list`. */
  LIST = 'LIST',
  /** A delete: capability `delete`. */
  DELETE = 'DELETE',
}

/** The policy capability a request with `method` needs on a non-KV engine path. */
export function capabilityForMethod(method: VaultHttpMethod): 'read' | 'update' | 'list' | 'delete' {
  switch (method) {
    case VaultHttpMethod.GET: return 'read';
    case VaultHttpMethod.LIST: return 'list';
    case VaultHttpMethod.DELETE: return 'delete';
    default: return 'update';
  }
}

/** `<mount>/creds/<role>`: dynamic database credentials (GET). */
export function databaseCredentialsPath(role: string, mount = 'database'): string {
  return `${mount}/creds/${role}`;
}

/** `<mount>/issue/<role>`: a PKI certificate with a new key (POST). */
export function pkiIssuePath(role: string, mount = 'pki'): string {
  return `${mount}/issue/${role}`;
}

/**
 * Vault's own mounts (`sys/`, `auth/` with `auth/token/create`, `identity/`, `cubbyhole/`): a grant
 * under one of them reaches Vault's control plane (policies, auth roles, tokens, entities) or another
 * token's cubbyhole, never a secret the declaration uses.
 */
export const VAULT_CONTROL_MOUNTS: readonly string[] = ['sys', 'auth', 'identity', 'cubbyhole'];

/**
 * The credential endpoints of Vault's dynamic secrets engines, as `<mount>/<endpoint>/<role>`:
 * `creds` (database, AWS, Azure, Consul, Nomad, RabbitMQ, Kubernetes, LDAP, SSH OTP), `static-creds`
 * (database), `static-cred` (LDAP), `issue` and `sign` (PKI, SSH), `sts` (AWS federation tokens).
 */
export const VAULT_ROLE_ENDPOINTS: readonly string[] = ['creds', 'static-creds', 'static-cred', 'issue', 'sign', 'sts'];

/**
 * The Google engine's endpoints, as `<mount>/<kind>/<name>/<endpoint>`: a roleset or a static or
 * impersonated account, and its OAuth token or key.
 */
export const VAULT_GCP_ENDPOINTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['roleset', ['token', 'key']],
  ['static-account', ['token', 'key']],
  ['impersonated-account', ['token']],
]);

/** What a dynamic secret path may be, for messages (the rule CES-LP-3 and the lib/vault constructs). */
export const VAULT_ENGINE_ENDPOINTS_WORDING = 'the credential endpoint of a dynamic secrets engine for one role: <mount>/creds/<role>, <mount>/static-creds/<role>, '
  + '<mount>/static-cred/<role>, <mount>/issue/<role>, <mount>/sign/<role>, <mount>/sts/<role>, or <mount>/roleset|static-account|impersonated-account/<name>/token|key; '
  + 'no "*", "+", "." or ".." segment and no Vault control mount (sys, auth, identity, cubbyhole) in the mount path';

/** How to fix a dynamic secret path, for messages. */
export const VAULT_ENGINE_ENDPOINTS_FIX = 'pass the engine path ESO reads credentials from, for example "database/creds/app" or "pki/issue/web"';

const ENGINE_MOUNT_SEGMENT = /^[A-Za-z0-9_-]+$/;
const ENGINE_ROLE = /^\w([\w.@-]*\w)?$/;

/** A dynamic secret path split into the engine's mount, the endpoint and the role it issues for. */
export interface VaultCredentialEndpoint {
  /** Mount path of the engine (`database`, `teams/a/db`). */
  readonly mount: string;
  /** The endpoint (`creds`, `issue`, `roleset/<name>/token`, …). */
  readonly endpoint: string;
  /** The engine role (or Google roleset / account). */
  readonly role: string;
}

/**
 * Splits `path` as the credential endpoint of a dynamic secrets engine for one role, or returns
 * undefined: no wildcard, no `.`/`..` segment, no empty segment, no control mount anywhere in the
 * engine's mount path (a child namespace's `sys/` included).
 */
export function vaultCredentialEndpoint(path: string): VaultCredentialEndpoint | undefined {
  const segments = path.split('/');
  const mountOk = (mount: readonly string[]) => mount.length > 0
    && mount.every((s) => ENGINE_MOUNT_SEGMENT.test(s) && !VAULT_CONTROL_MOUNTS.includes(s));
  if (segments.length >= 3 && VAULT_ROLE_ENDPOINTS.includes(segments[segments.length - 2]) && ENGINE_ROLE.test(segments[segments.length - 1])) {
    const mount = segments.slice(0, -2);
    return mountOk(mount) ? { mount: mount.join('/'), endpoint: segments[segments.length - 2], role: segments[segments.length - 1] } : undefined;
  }
  if (segments.length >= 4) {
    const [kind, name, endpoint] = segments.slice(-3);
    const mount = segments.slice(0, -3);
    if ((VAULT_GCP_ENDPOINTS.get(kind) ?? []).includes(endpoint) && ENGINE_ROLE.test(name) && mountOk(mount)) {
      return { mount: mount.join('/'), endpoint: `${kind}/${name}/${endpoint}`, role: name };
    }
  }
  return undefined;
}

/** The Vault control mount a policy path starts with, if any. */
export function vaultControlMount(path: string): string | undefined {
  const first = path.split('/')[0];
  return VAULT_CONTROL_MOUNTS.includes(first) ? first : undefined;
}
