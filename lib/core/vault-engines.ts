/**
 * Engine-free facts about Vault dynamic secrets engines, shared by the Vault policy compiler
 * (cdktf), the `VaultDynamicSecret` generator (cdk8s) and the declaration.
 */

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
