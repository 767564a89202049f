import { Mount } from '@cdktf/provider-vault/lib/mount';
import { PkiSecretBackendRole } from '@cdktf/provider-vault/lib/pki-secret-backend-role';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import { emptyCollection, invalidPkiDomain, vaultEngineRoleNotDeclared } from '../core/errors';
import { assertProps } from '../core/validation';
import { VaultDynamicSecretPath } from './dynamic-secret-path';
import { checkEngineRoleNames, checkEngineTtls } from '../core/vault-engine-checks';
import { isPkiDomain } from '../core/vault-engines';
import { assertMountPath, checkNamespace, ttlSeconds } from './private/validation';

/** A role of the PKI engine: which names its certificates may carry, and for how long. */
export interface VaultPkiRoleProps {
  /** Role name (`<mount>/issue/<name>`). */
  readonly name: string;
  /** The domains certificates are issued for (DNS names; no wildcard, no glob). */
  readonly allowedDomains: string[];
  /**
   * Also names below those domains (`api.internal.example.com` under `internal.example.com`).
   * @default false
   */
  readonly allowSubdomains?: boolean;
  /** Lifetime of an issued certificate (`ttl`). */
  readonly ttl: Duration;
  /**
   * Longest lifetime a request may ask for (`max_ttl`).
   * @default - the ttl
   */
  readonly maxTtl?: Duration;
}

/** Props of {@link VaultPkiEngine}. */
export interface VaultPkiEngineProps {
  /**
   * Mount path.
   * @default "pki"
   */
  readonly path?: string;
  /**
   * Vault Enterprise / HCP namespace.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * Longest certificate lifetime the mount allows (`max_lease_ttl_seconds`); every role's maxTtl is at most this.
   * @default Duration.days(365)
   */
  readonly maxLeaseTtl?: Duration;
  /** The roles (at least one). */
  readonly roles: VaultPkiRoleProps[];
}

/**
 * The PKI secrets engine: a `vault_mount` of type `pki` and roles (`vault_pki_secret_backend_role`)
 * issuing certificates for exactly their allowed domains: never any name, no glob, no bare wildcard
 * certificates, no IP or URI SANs, localhost refused. The CA itself (root or intermediate) is set up
 * out of band or with the provider's `vault_pki_secret_backend_*` resources.
 * {@link VaultPkiEngine.issue} gives the path a `VaultDynamicSecret` calls (`<mount>/issue/<role>`, POST).
 */
export class VaultPkiEngine extends Construct {
  /** Mount path. */
  public readonly mountPath: string;
  /** Vault namespace. */
  public readonly namespace?: string;
  /** The `vault_mount`. */
  public readonly mount: Mount;
  /** The `vault_pki_secret_backend_role`s by name. */
  public readonly roles: ReadonlyMap<string, PkiSecretBackendRole>;

  constructor(scope: Construct, id: string, props: VaultPkiEngineProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultPkiEngineProps', {
      'path?': 'nonEmptyString', 'namespace?': 'string', 'maxLeaseTtl?': 'any',
      'roles': { arrayOf: { shape: { 'name': 'nonEmptyString', 'allowedDomains': 'stringArray', 'allowSubdomains?': 'boolean', 'ttl': 'any', 'maxTtl?': 'any' } } },
    });
    this.mountPath = props.path ?? 'pki';
    assertMountPath(path, 'path', this.mountPath);
    this.namespace = checkNamespace(path, 'namespace', props.namespace);
    const maxLease = props.maxLeaseTtl ?? Duration.days(365);
    const maxLeaseSeconds = ttlSeconds(path, 'maxLeaseTtl', maxLease)!;
    checkEngineRoleNames(path, props.roles.map((r) => r.name), 'a PKI mount without a role issues nothing');
    props.roles.forEach((role, i) => {
      if (role.allowedDomains.length === 0) {
        throw emptyCollection(path, `roles[${i}].allowedDomains`, [], 'at least one domain (a role without domains would need allow_any_name)', 'list the domains its certificates are for');
      }
      role.allowedDomains.forEach((domain, j) => {
        if (!Token.isUnresolved(domain) && !isPkiDomain(domain)) {
          throw invalidPkiDomain(path, `roles[${i}].allowedDomains[${j}]`, domain);
        }
      });
      ttlSeconds(path, `roles[${i}].ttl`, role.ttl);
      ttlSeconds(path, `roles[${i}].maxTtl`, role.maxTtl);
      checkEngineTtls(path, `roles[${i}].maxTtl`, role.ttl, role.maxTtl, maxLease);
    });

    this.mount = new Mount(this, 'Mount', {
      path: this.mountPath, type: 'pki', namespace: this.namespace, maxLeaseTtlSeconds: maxLeaseSeconds,
      description: 'Certificates issued to External Secrets Operator',
    });
    const roles = new Map<string, PkiSecretBackendRole>();
    for (const role of props.roles) {
      const ttl = ttlSeconds(path, 'ttl', role.ttl)!;
      roles.set(role.name, new PkiSecretBackendRole(this, `Role-${role.name}`, {
        backend: this.mount.path, name: role.name, namespace: this.namespace,
        allowedDomains: [...role.allowedDomains].sort(), allowSubdomains: role.allowSubdomains ?? false,
        allowBareDomains: true, allowGlobDomains: false, allowAnyName: false, allowWildcardCertificates: false,
        allowLocalhost: false, allowIpSans: false, enforceHostnames: true,
        ttl: String(ttl), maxTtl: String(ttlSeconds(path, 'maxTtl', role.maxTtl) ?? ttl),
      }));
    }
    this.roles = roles;
  }

  /** The issue endpoint of a declared role (`<mount>/issue/<role>`, POST): what a `VaultDynamicSecret` calls. */
  public issue(role: string): VaultDynamicSecretPath {
    if (!this.roles.has(role)) {
      throw vaultEngineRoleNotDeclared(this.node.path, 'role', String(role), this.mountPath, [...this.roles.keys()]);
    }
    return VaultDynamicSecretPath.pkiIssue(role, { mount: this.mountPath, namespace: this.namespace });
  }
}
