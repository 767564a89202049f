import { KubernetesAuthBackendRole } from '@cdktf/provider-vault/lib/kubernetes-auth-backend-role';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import { missingProp, mutuallyExclusive, vaultRoleCrossProduct, vaultRoleWithoutServiceAccounts } from '../core/errors';
import { IdentityKind, ServiceAccountRef } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain, assertType } from '../core/validation';
import { IVaultKubernetesAuthMount, VaultKubernetesAuthMount } from './kubernetes-auth-mount';
import { IVaultPolicy } from './policy';
import { AuthRoleBase, SERVICE_ACCOUNT_REF } from './private/auth-role';

/** Props of {@link VaultKubernetesAuthRole}. */
export interface VaultKubernetesAuthRoleProps {
  /** The Kubernetes auth mount of the cluster the service accounts live in. */
  readonly mount: IVaultKubernetesAuthMount;
  /** Role name: the store's `auth.kubernetes.role`. */
  readonly roleName: string;
  /**
   * The exact service accounts that may log in. Vault binds names x namespaces, so the set must be
   * a full cross product (one namespace, or one name); anything else fails synth: split the role.
   */
  readonly serviceAccounts: ServiceAccountRef[];
  /**
   * The audience the tokens must carry (`audience`); the store sets the same in `serviceAccountRef.audiences`.
   * With the client-JWT reviewer the same token goes to TokenReview, so the API server must accept it too.
   * @default "vault"
   */
  readonly audience?: string;
  /**
   * Bind no audience (for an existing setup whose stores request the API server's default audience).
   * Vault ≥ 1.21 warns on roles without audience; prefer an audience.
   * @default false
   */
  readonly omitAudience?: boolean;
  /**
   * TTL of the Vault tokens issued (`token_ttl`). With dynamic secrets it must be at least the
   * engine's lease TTL (Vault revokes leases with the token that created them).
   * @default Duration.hours(1)
   */
  readonly tokenTtl?: Duration;
  /**
   * Max TTL of the tokens (`token_max_ttl`).
   * @default - the mount's / system max TTL
   */
  readonly tokenMaxTtl?: Duration;
  /**
   * Policies attached besides the one compiled from grants.
   * @default - only the compiled policy
   */
  readonly policies?: IVaultPolicy[];
  /**
   * Name of the policy compiled from the grants made to the role.
   * @default `<mount path with "/" as "-">-<roleName>`
   */
  readonly policyName?: string;
  /**
   * Accept a role that grants nothing yet: it binds its service accounts, and their tokens carry only
   * Vault's `default` policy (a store nothing reads through, the first phase of a migration). Without
   * it, a role without any policy is an error at synth.
   * @default false
   */
  readonly allowNoPolicies?: boolean;
}

/**
 * A Kubernetes auth role bound to exact service accounts (`vault_kubernetes_auth_backend_role`),
 * with an audience, token TTLs and a policy compiled from what is granted to it.
 *
 * @example
 * const role = new VaultKubernetesAuthRole(stack, 'EsoRole', {
 *   mount: auth, roleName: 'eso-jenkins',
 *   serviceAccounts: [{ namespace: 'jenkins', name: 'eso-jenkins' }],
 * });
 * jenkinsSecret.grantRead(role); // policy "kubernetes-rke2-prod-eso-jenkins": read on secret/data/jenkins/admin
 */
export class VaultKubernetesAuthRole extends AuthRoleBase {
  public readonly mount: IVaultKubernetesAuthMount;
  public readonly kind = IdentityKind.VAULT_KUBERNETES_AUTH;
  /** The bound service accounts. */
  public readonly serviceAccounts: readonly ServiceAccountRef[];
  /**
   * The audience bound.
   * @default - none, with `omitAudience`
   */
  public readonly audience?: string;
  /** The `vault_kubernetes_auth_backend_role` resource. */
  public readonly resource: KubernetesAuthBackendRole;

  constructor(scope: Construct, id: string, props: VaultKubernetesAuthRoleProps) {
    super(scope, id, props?.mount, props, 'VaultKubernetesAuthRoleProps');
    const path = this.node.path;
    this.mount = props.mount;
    assertType(path, 'serviceAccounts', props.serviceAccounts ?? [], { arrayOf: SERVICE_ACCOUNT_REF });
    const accounts = props.serviceAccounts ?? [];
    if (accounts.length === 0) {
      throw vaultRoleWithoutServiceAccounts(path, 'serviceAccounts');
    }
    accounts.forEach((sa, i) => {
      assertDnsLabel(path, `serviceAccounts[${i}].namespace`, sa.namespace);
      assertDnsSubdomain(path, `serviceAccounts[${i}].name`, sa.name);
    });
    this.serviceAccounts = accounts.map((sa) => ({ namespace: sa.namespace, name: sa.name }));
    const names = [...new Set(accounts.map((sa) => sa.name))].sort();
    const namespaces = [...new Set(accounts.map((sa) => sa.namespace))].sort();
    const declared = new Set(accounts.map((sa) => `${sa.namespace}:${sa.name}`));
    const extra = namespaces.flatMap((ns) => names.map((n) => `${ns}:${n}`)).filter((k) => !declared.has(k));
    if (extra.length > 0 && !accounts.some((sa) => Token.isUnresolved(sa.name) || Token.isUnresolved(sa.namespace))) {
      throw vaultRoleCrossProduct(path, 'serviceAccounts', [...declared].sort(), extra);
    }
    this.audience = props.omitAudience === true ? undefined : props.audience ?? 'vault';
    if (props.omitAudience === true && props.audience !== undefined) {
      throw mutuallyExclusive(path, 'audience', props.audience, 'omitAudience', 'set the audience, or omitAudience: true, not both');
    }
    if (this.audience === '') {
      throw missingProp(path, 'audience', 'pass the audience the store requests, for example "vault"');
    }
    const tokens = this.tokenSettings();
    this.resource = new KubernetesAuthBackendRole(this, 'Resource', {
      backend: props.mount instanceof VaultKubernetesAuthMount ? props.mount.resource.path : props.mount.mountPath,
      namespace: props.mount.namespace,
      roleName: this.roleName,
      boundServiceAccountNames: names,
      boundServiceAccountNamespaces: namespaces,
      audience: this.audience,
      tokenTtl: tokens.tokenTtl,
      tokenMaxTtl: tokens.tokenMaxTtl,
      tokenPolicies: tokens.tokenPolicies,
    });
  }

  /** The service accounts the role binds. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    return this.serviceAccounts;
  }

  /** True when the service accounts need `system:auth-delegator` (client JWT as reviewer). */
  public get requiresAuthDelegator(): boolean {
    return this.mount.reviewer.requiresClientAuthDelegator;
  }
}
