import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigurationError, emptyAccessPolicy, policyTooLarge, validationMessage } from '../core/errors';
import { physicalName } from './private/names';
import { AccessPolicyCompiler } from './policy/access-policy-compiler';
import { assertPropsObject } from '../core/validation';

/** How the compiled policy is attached to the role. */
export enum PolicyAttachmentKind {
  /** `aws_iam_role_policy` (inline, up to 10,240 characters per role). */
  INLINE = 'Inline',
  /** `aws_iam_policy` + `aws_iam_role_policy_attachment` (managed, up to 6,144 characters). */
  MANAGED = 'Managed',
}

/** Props of {@link EsoAccessPolicy}. */
export interface EsoAccessPolicyProps {
  /** Name of the role to attach to (token or literal). */
  readonly roleName: string;
  /** The compiler holding the grants; compiled lazily at synth, so grants added later are included. */
  readonly compiler: AccessPolicyCompiler;
  /**
   * Inline or managed.
   * @default PolicyAttachmentKind.INLINE
   */
  readonly attachment?: PolicyAttachmentKind;
  /**
   * Name of the policy.
   * @default - derived from the construct path
   */
  readonly policyName?: string;
}

const LIMITS: Record<PolicyAttachmentKind, number> = {
  [PolicyAttachmentKind.INLINE]: 10240,
  [PolicyAttachmentKind.MANAGED]: 6144,
};

/**
 * Renders an {@link AccessPolicyCompiler} as one IAM policy on a role. The document is compiled once
 * per synth; validation fails on an empty policy, a wildcard data-plane statement or a policy over
 * the IAM size limit.
 */
export class EsoAccessPolicy extends Construct {
  /** The inline policy (INLINE). */
  public readonly rolePolicy?: IamRolePolicy;
  /** The managed policy (MANAGED). */
  public readonly managedPolicy?: IamPolicy;
  /** The attachment (MANAGED). */
  public readonly attachmentResource?: IamRolePolicyAttachment;
  /** The compiler. */
  public readonly compiler: AccessPolicyCompiler;
  /** Inline or managed. */
  public readonly attachment: PolicyAttachmentKind;

  private cached?: string;

  constructor(scope: Construct, id: string, props: EsoAccessPolicyProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'EsoAccessPolicyProps');
    this.compiler = props.compiler;
    this.attachment = props.attachment ?? PolicyAttachmentKind.INLINE;
    const name = props.policyName ?? physicalName(this, 128);
    const policy = Lazy.stringValue({ produce: () => this.render() });
    if (this.attachment === PolicyAttachmentKind.INLINE) {
      this.rolePolicy = new IamRolePolicy(this, 'Resource', { name, role: props.roleName, policy });
    } else {
      this.managedPolicy = new IamPolicy(this, 'Resource', { name, policy });
      this.attachmentResource = new IamRolePolicyAttachment(this, 'Attachment', {
        role: props.roleName,
        policyArn: this.managedPolicy.arn,
      });
    }
    this.node.addValidation({ validate: () => this.validatePolicy() });
  }

  /** The policy JSON (compiled once and cached). */
  public render(): string {
    if (this.cached === undefined) {
      if (this.compiler.isEmpty) {
        throw emptyAccessPolicy(this.node.path, 'compiler');
      }
      this.cached = JSON.stringify(this.compiler.compile());
    }
    return this.cached;
  }

  private validatePolicy(): string[] {
    let json: string;
    try {
      json = this.render();
    } catch (e) {
      if (e instanceof ConfigurationError) {
        return [validationMessage(this.node.path, e)];
      }
      throw e;
    }
    const limit = LIMITS[this.attachment];
    const length = estimatedLength(json);
    if (length > limit) {
      return [validationMessage(this.node.path, policyTooLarge(this.node.path, 'compiler', length, limit))];
    }
    return [];
  }
}

/**
 * A KMS key ARN as long as real ones get (partition `aws-us-gov`, UUID key ID): unresolved tokens in
 * the policy (key ARNs of keys created in the same stack) count as this many characters, so the size
 * check still runs when the policy holds tokens.
 */
const TOKEN_PLACEHOLDER = 'arn:aws-us-gov:kms:us-gov-west-1:000000000000:key/00000000-0000-0000-0000-000000000000';

/** Length of the policy once deployed, with every unresolved token counted as a long ARN. */
function estimatedLength(json: string): number {
  return json.replace(/\$\{[^}]*\}/g, TOKEN_PLACEHOLDER).length;
}
