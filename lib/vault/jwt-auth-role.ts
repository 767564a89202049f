import { JwtAuthBackendRole } from '@cdktf/provider-vault/lib/jwt-auth-backend-role';
import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import { missingProp } from '../core/errors';
import { IdentityKind, ServiceAccountRef, serviceAccountSubject } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain, assertType } from '../core/validation';
import { IVaultJwtAuthMount, VaultJwtAuthMount } from './jwt-auth-mount';
import { IVaultPolicy } from './policy';
import { AuthRoleBase, SERVICE_ACCOUNT_REF } from './private/auth-role';

/** Props of {@link VaultJwtAuthRole}. */
export interface VaultJwtAuthRoleProps {
  /** The JWT auth mount of the cluster's issuer. */
  readonly mount: IVaultJwtAuthMount;
  /** Role name: the store's `auth.jwt.role`. */
  readonly roleName: string;
  /** The one service account that may log in (`bound_subject = system:serviceaccount:<ns>:<name>`). */
  readonly serviceAccount: ServiceAccountRef;
  /**
   * The audience the tokens must carry (`bound_audiences`); the store requests the same.
   * @default "vault"
   */
  readonly audience?: string;
  /**
   * TTL of the Vault tokens issued (`token_ttl`).
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
 * A JWT auth role for one Kubernetes service account (`vault_jwt_auth_backend_role`, `role_type = "jwt"`):
 * `bound_subject` is the exact `system:serviceaccount:<ns>:<name>`, `bound_audiences` the audience,
 * `user_claim = "sub"`, and a policy compiled from grants.
 */
export class VaultJwtAuthRole extends AuthRoleBase {
  public readonly mount: IVaultJwtAuthMount;
  public readonly kind = IdentityKind.VAULT_JWT_AUTH;
  /** The bound service account. */
  public readonly serviceAccount: ServiceAccountRef;
  /** The audience bound. */
  public readonly audience: string;
  /** The `vault_jwt_auth_backend_role` resource. */
  public readonly resource: JwtAuthBackendRole;

  constructor(scope: Construct, id: string, props: VaultJwtAuthRoleProps) {
    super(scope, id, props?.mount, props, 'VaultJwtAuthRoleProps');
    const path = this.node.path;
    this.mount = props.mount;
    if (props.serviceAccount === undefined) {
      throw missingProp(path, 'serviceAccount', 'pass the service account that logs in, for example { namespace: "external-secrets", name: "external-secrets" }');
    }
    assertType(path, 'serviceAccount', props.serviceAccount, SERVICE_ACCOUNT_REF);
    assertDnsLabel(path, 'serviceAccount.namespace', props.serviceAccount.namespace);
    assertDnsSubdomain(path, 'serviceAccount.name', props.serviceAccount.name);
    this.serviceAccount = { namespace: props.serviceAccount.namespace, name: props.serviceAccount.name };
    this.audience = props.audience ?? 'vault';
    if (this.audience === '') {
      throw missingProp(path, 'audience', 'pass the audience the store requests, for example "vault"');
    }
    const tokens = this.tokenSettings();
    this.resource = new JwtAuthBackendRole(this, 'Resource', {
      backend: props.mount instanceof VaultJwtAuthMount ? props.mount.resource.path : props.mount.mountPath,
      namespace: props.mount.namespace,
      roleName: this.roleName,
      roleType: 'jwt',
      boundAudiences: [this.audience],
      boundSubject: serviceAccountSubject(this.serviceAccount),
      userClaim: 'sub',
      tokenTtl: tokens.tokenTtl,
      tokenMaxTtl: tokens.tokenMaxTtl,
      tokenPolicies: tokens.tokenPolicies,
    });
  }

  /** The service account the role binds. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    return [this.serviceAccount];
  }
}
