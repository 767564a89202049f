import { Token } from 'cdktf';
import { invalidVaultMethod, vaultDynamicPathNotEngine, vaultPolicyGlob, wrongType } from '../core/errors';
import { capabilityForMethod, databaseCredentialsPath, pkiIssuePath, vaultCredentialEndpoint, VaultHttpMethod } from '../core/vault-engines';
import { IVaultGrantee, VaultCapability, VaultGrant } from './policy-compiler';
import { assertMountPath, assertRoleName } from './private/validation';

/** Options of the engine factories of {@link VaultDynamicSecretPath}. */
export interface VaultEngineOptions {
  /**
   * Mount path of the secrets engine.
   * @default "database" for database credentials, "pki" for PKI certificates
   */
  readonly mount?: string;
  /**
   * Vault Enterprise / HCP namespace of the engine.
   * @default - root namespace
   */
  readonly namespace?: string;
}

/**
 * A dynamic secrets engine endpoint a `VaultDynamicSecret` generator calls, and the one exact
 * policy rule it needs: `database/creds/<role>` → `read`, `pki/issue/<role>` → `update`.
 *
 * @example
 * VaultDynamicSecretPath.databaseCredentials('netbox').grantUse(esoRole); // path "database/creds/netbox" { read }
 */
export class VaultDynamicSecretPath {
  /** Dynamic database credentials: `GET <mount>/creds/<role>`. */
  public static databaseCredentials(role: string, options: VaultEngineOptions = {}): VaultDynamicSecretPath {
    const mount = (options ?? {}).mount ?? 'database';
    assertMountPath('VaultDynamicSecretPath.databaseCredentials', 'mount', mount);
    assertRoleName('VaultDynamicSecretPath.databaseCredentials', 'role', role);
    return new VaultDynamicSecretPath(databaseCredentialsPath(role, mount), VaultHttpMethod.GET, (options ?? {}).namespace);
  }

  /** A PKI certificate (new key pair): `POST <mount>/issue/<role>`. */
  public static pkiIssue(role: string, options: VaultEngineOptions = {}): VaultDynamicSecretPath {
    const mount = (options ?? {}).mount ?? 'pki';
    assertMountPath('VaultDynamicSecretPath.pkiIssue', 'mount', mount);
    assertRoleName('VaultDynamicSecretPath.pkiIssue', 'role', role);
    return new VaultDynamicSecretPath(pkiIssuePath(role, mount), VaultHttpMethod.POST, (options ?? {}).namespace);
  }

  /**
   * Any other engine's credential endpoint for one role (`aws/creds/<role>`, `database/static-creds/<role>`,
   * `gcp/roleset/<name>/token`): never a wildcard, a `.`/`..` segment or a path under Vault's own mounts.
   */
  public static custom(path: string, method: VaultHttpMethod, namespace?: string): VaultDynamicSecretPath {
    if (!Object.values(VaultHttpMethod).includes(method)) {
      throw invalidVaultMethod('VaultDynamicSecretPath.custom', 'method', String(method));
    }
    if (typeof path !== 'string') {
      throw wrongType('VaultDynamicSecretPath.custom', 'path', path, 'a string');
    }
    if (!Token.isUnresolved(path) && (path.length === 0 || /[*+]/.test(path) || path.startsWith('/') || path.endsWith('/'))) {
      throw vaultPolicyGlob('VaultDynamicSecretPath.custom', 'path', path);
    }
    if (!Token.isUnresolved(path) && vaultCredentialEndpoint(path) === undefined) {
      throw vaultDynamicPathNotEngine('VaultDynamicSecretPath.custom', 'path', path);
    }
    return new VaultDynamicSecretPath(path, method, namespace);
  }

  private constructor(
    /** The API path (relative to the namespace). */
    public readonly path: string,
    /** The HTTP method the generator uses. */
    public readonly method: VaultHttpMethod,
    /** The Vault namespace of the engine. */
    public readonly namespace: string | undefined,
  ) {}

  /** The capability the method needs. */
  public get capability(): VaultCapability {
    return capabilityForMethod(this.method) as VaultCapability;
  }

  /** Grants exactly this path with the method's capability. */
  public grantUse(grantee: IVaultGrantee): VaultGrant {
    grantee.grantPolicy.assertSameNamespace(`VaultDynamicSecretPath(${this.path})`, this.namespace);
    return { grantee, rules: grantee.grantPolicy.addPath(this.path, [this.capability]) };
  }
}
