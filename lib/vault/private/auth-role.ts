// Internal: what the Kubernetes and JWT auth roles share (compiled policy, token TTLs, grants).
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { Duration } from '../../core/duration';
import { IdentityKind, IWorkloadIdentity, ServiceAccountRef } from '../../core/identity';
import { validationMessage, vaultNamespaceMismatch, vaultRoleWithoutPolicies } from '../../core/errors';
import { IVaultAuthMount } from '../auth-mount';
import { IVaultPolicy, VaultPolicy } from '../policy';
import { IVaultGrantee, VaultPolicyCompiler } from '../policy-compiler';
import { assertProps, TypeRule } from '../../core/validation';
import { assertPolicyName, assertRoleName, checkMaxTtl, ttlSeconds } from './validation';

/** A `{ namespace, name }` service account reference, for JavaScript callers' type checks. */
export const SERVICE_ACCOUNT_REF: TypeRule = { shape: { namespace: 'string', name: 'string' }, name: 'a service account { namespace, name }' };

/** Props every auth role takes. */
export interface AuthRoleCommonProps {
  readonly roleName: string;
  readonly tokenTtl?: Duration;
  readonly tokenMaxTtl?: Duration;
  readonly policies?: IVaultPolicy[];
  readonly policyName?: string;
  readonly allowNoPolicies?: boolean;
}

/** Rendered token settings. */
export interface RenderedTokenSettings {
  readonly tokenTtl: number;
  readonly tokenMaxTtl?: number;
  readonly tokenPolicies: string[];
}

/** Base of VaultKubernetesAuthRole and VaultJwtAuthRole. */
export abstract class AuthRoleBase extends Construct implements IVaultGrantee, IWorkloadIdentity {
  /** Name of the role: the store's `auth.kubernetes.role` / `auth.jwt.role`. */
  public readonly roleName: string;
  /** The binding mechanism (Vault Kubernetes or JWT auth). */
  public abstract readonly kind: IdentityKind;
  /** Nothing is put on the service account: the Vault role binds it by name. */
  public readonly serviceAccountAnnotations: Readonly<Record<string, string>> = {};
  /** No pod label is needed. */
  public readonly podLabels: Readonly<Record<string, string>> = {};
  /** The service accounts the role binds. */
  public abstract readonly trustedServiceAccounts: readonly ServiceAccountRef[];
  /** The mount the role is on. */
  public abstract readonly mount: IVaultAuthMount;
  /** TTL of the tokens the role issues (ESO's token must outlive the leases it obtains). */
  public readonly tokenTtl: Duration;
  /** Max TTL of the tokens. */
  public readonly tokenMaxTtl?: Duration;
  /** Name of the policy compiled from the grants made to this role. */
  public readonly compiledPolicyName: string;
  private readonly extraPolicies: IVaultPolicy[];
  private compiled?: VaultPolicy;

  protected constructor(scope: Construct, id: string, mount: IVaultAuthMount, props: AuthRoleCommonProps, interfaceName: string) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, interfaceName, {
      'mount': { shape: { mountPath: 'string' }, name: 'an auth mount (VaultKubernetesAuthMount / VaultJwtAuthMount or their fromMountPath())' },
      'roleName': 'string', 'policies?': 'array', 'policyName?': 'string', 'audience?': 'string', 'omitAudience?': 'boolean',
      'allowNoPolicies?': 'boolean',
    });
    assertRoleName(path, 'roleName', props.roleName);
    this.roleName = props.roleName;
    this.tokenTtl = props.tokenTtl ?? Duration.hours(1);
    this.tokenMaxTtl = props.tokenMaxTtl;
    ttlSeconds(path, 'tokenTtl', this.tokenTtl);
    ttlSeconds(path, 'tokenMaxTtl', this.tokenMaxTtl);
    checkMaxTtl(path, 'tokenMaxTtl', this.tokenTtl, this.tokenMaxTtl);
    this.compiledPolicyName = props.policyName ?? `${mount.mountPath.replace(/\//g, '-')}-${props.roleName}`.toLowerCase();
    assertPolicyName(path, 'policyName', this.compiledPolicyName);
    this.extraPolicies = [];
    (props.policies ?? []).forEach((p) => this.checkedAdd(mount, p));
    this.node.addValidation({
      validate: () => (props.allowNoPolicies !== true && this.extraPolicies.length === 0 && (this.compiled === undefined || this.compiled.grantPolicy.isEmpty)
        ? [validationMessage(path, vaultRoleWithoutPolicies(path))] : []),
    });
  }

  /** The compiler of this role's own policy (created, with its `vault_policy`, on the first grant). */
  public get grantPolicy(): VaultPolicyCompiler {
    if (this.compiled === undefined) {
      this.compiled = new VaultPolicy(this, 'Policy', { policyName: this.compiledPolicyName, namespace: this.mount.namespace });
    }
    return this.compiled.grantPolicy;
  }

  /** The compiled policy construct, once something was granted. */
  public get compiledPolicy(): VaultPolicy | undefined {
    return this.compiled;
  }

  /** Attaches another policy (of the role's Vault namespace) to the role. */
  public addPolicy(policy: IVaultPolicy): void {
    this.checkedAdd(this.mount, policy);
  }

  private checkedAdd(mount: IVaultAuthMount, policy: IVaultPolicy): void {
    if (policy.namespace !== mount.namespace) {
      throw vaultNamespaceMismatch(policy.node.path, 'namespace', policy.namespace, mount.namespace);
    }
    this.extraPolicies.push(policy);
  }

  /** The token settings of the role resource (policies resolved at synth). */
  protected tokenSettings(): RenderedTokenSettings {
    return {
      tokenTtl: ttlSeconds(this.node.path, 'tokenTtl', this.tokenTtl)!,
      tokenMaxTtl: ttlSeconds(this.node.path, 'tokenMaxTtl', this.tokenMaxTtl),
      tokenPolicies: Lazy.listValue({
        produce: () => [
          ...this.extraPolicies.map((p) => p.policyName),
          ...(this.compiled !== undefined && !this.compiled.grantPolicy.isEmpty ? [this.compiled.resource.name] : []),
        ],
      }),
    };
  }
}
