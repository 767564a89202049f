import { Policy } from '@cdktf/provider-vault/lib/policy';
import { Lazy } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { emptyVaultPolicy, validationMessage } from '../core/errors';
import { assertProps } from '../core/validation';
import { IVaultGrantee, VaultPolicyCompiler } from './policy-compiler';
import { assertPolicyName, checkNamespace } from './private/validation';

/** A Vault ACL policy, created here or existing. */
export interface IVaultPolicy extends IConstruct {
  /** Name of the policy (what roles list in `token_policies`). */
  readonly policyName: string;
  /**
   * Vault Enterprise / HCP namespace of the policy.
   * @default - root namespace
   */
  readonly namespace?: string;
}

/** Props of {@link VaultPolicy}. */
export interface VaultPolicyProps {
  /** Policy name: lowercase letters, digits, `_`, `-`, `.`. */
  readonly policyName: string;
  /**
   * Vault Enterprise / HCP namespace to create the policy in.
   * @default - root namespace
   */
  readonly namespace?: string;
}

class ImportedVaultPolicy extends Construct implements IVaultPolicy {
  constructor(scope: Construct, id: string, public readonly policyName: string, public readonly namespace?: string) {
    super(scope, id);
    assertPolicyName(this.node.path, 'policyName', policyName);
    checkNamespace(this.node.path, 'namespace', namespace);
  }
}

/**
 * A `vault_policy` whose HCL is compiled from the grants made to it (`secret.grantRead(policy)`),
 * at synth time, sorted, never wider than what was granted. A policy nothing was granted to fails
 * synth.
 *
 * Auth roles of this library compile their own policy the same way; use this construct for a
 * policy shared by several roles (`policies: [policy]`).
 */
export class VaultPolicy extends Construct implements IVaultPolicy, IVaultGrantee {
  /** References an existing policy by name (for a role's `policies`). */
  public static fromPolicyName(scope: Construct, id: string, policyName: string, namespace?: string): IVaultPolicy {
    return new ImportedVaultPolicy(scope, id, policyName, namespace);
  }

  public readonly policyName: string;
  public readonly namespace?: string;
  public readonly grantPolicy: VaultPolicyCompiler;
  /** The `vault_policy` resource. */
  public readonly resource: Policy;

  constructor(scope: Construct, id: string, props: VaultPolicyProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultPolicyProps', { 'policyName': 'string', 'namespace?': 'string' });
    assertPolicyName(path, 'policyName', props.policyName);
    this.policyName = props.policyName;
    this.namespace = checkNamespace(path, 'namespace', props.namespace);
    this.grantPolicy = new VaultPolicyCompiler({ namespace: this.namespace });
    this.resource = new Policy(this, 'Resource', {
      name: this.policyName,
      namespace: this.namespace,
      policy: Lazy.stringValue({ produce: () => this.grantPolicy.toHcl() }),
    });
    this.node.addValidation({
      validate: () => (this.grantPolicy.isEmpty ? [validationMessage(path, emptyVaultPolicy(path))] : []),
    });
  }
}
