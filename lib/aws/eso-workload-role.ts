import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { assertDuration, Duration } from '../core/duration';
import { assertProps, escapeTerraformText } from '../core/validation';
import { assertArn, awsTags, DURATION_RULE, ENVIRONMENT_RULE, PARTITION } from './private/checks';
import { invalidIamPath, invalidIamRoleName, invalidString, maxSessionDurationOutOfRange, selfAssumeRole } from '../core/errors';
import { IdentityKind, IWorkloadIdentity, ServiceAccountRef } from '../core/identity';
import { iamRoleArn } from './arns';
import { AwsEnvironment, ResolvedAwsEnvironment } from './environment';
import { EsoAccessPolicy, PolicyAttachmentKind } from './eso-access-policy';
import { physicalName } from './private/names';
import { AccessPolicyCompiler } from './policy/access-policy-compiler';
import { IAwsGrantee } from './policy/grantee';
import { policyDocument, PolicyDocumentJson, PolicyStatementJson } from './policy/policy-document';
import { isIamRoleName } from '../core/cloud-names';

/** Props shared by {@link IrsaRole} and {@link PodIdentityRole}. */
export interface EsoWorkloadRoleProps {
  /**
   * Role name (1-64 characters of letters, digits and +=,.@_-).
   * @default - derived from the construct path (deterministic, at most 64 characters)
   */
  readonly roleName?: string;
  /**
   * IAM path of the role, e.g. "/eso/".
   * @default "/"
   */
  readonly path?: string;
  /**
   * ARN of a permissions boundary.
   * @default - none
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Maximum session duration (1-12 hours).
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;
  /**
   * Description of the role.
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Account and partition. With a literal account, {@link EsoWorkloadRole.roleArnLiteral} is known.
   * @default AwsEnvironment.fromProvider()
   */
  readonly environment?: AwsEnvironment;
  /**
   * How the compiled access policy is attached.
   * @default PolicyAttachmentKind.INLINE
   */
  readonly policyAttachment?: PolicyAttachmentKind;
}

/** Options of {@link assertNotSelfAssume}. */
export interface SelfAssumeCheck {
  /** Path for the error message (construct or declaration path). */
  readonly path: string;
  /** The prop holding the store role, e.g. "spec.provider.aws.role". */
  readonly prop: string;
  /** The role the store asks ESO to assume (`spec.provider.aws.role`). */
  readonly storeRoleArn: string;
  /** The role the ESO pod already holds (IRSA or Pod Identity). */
  readonly podRoleArn: string;
}

/**
 * Throws when a store's `role` is the role the pod already holds: a role cannot assume itself (ESO
 * fails with AccessDenied; see ESO PR #4432). Unresolved tokens are compared as strings.
 */
export function assertNotSelfAssume(check: SelfAssumeCheck): void {
  if (check.storeRoleArn === check.podRoleArn) {
    throw selfAssumeRole(check.path, check.prop, check.storeRoleArn);
  }
}

/**
 * Base of the ESO workload roles: the IAM role, its deterministic name and ARN, and the access policy
 * compiled from every grant made to it (created on the first grant).
 */
export abstract class EsoWorkloadRole extends Construct implements IWorkloadIdentity, IAwsGrantee {
  /** The `aws_iam_role`. */
  public readonly role: IamRole;
  /** Name of the role. */
  public readonly roleName: string;
  /** ARN of the role (token). Created on first use: every token cdktf creates captures a stack trace. */
  public get roleArn(): string {
    return this._roleArn ??= this.role.arn;
  }

  private _roleArn?: string;
  /**
   * Literal ARN (`arn:<partition>:iam::<account>:role<path><name>`) when account, partition and name
   * are literals; undefined otherwise. The Kubernetes YAML needs this form.
   */
  public readonly roleArnLiteral?: string;
  /** The resolved environment. */
  public readonly environment: ResolvedAwsEnvironment;
  /** The binding mechanism. */
  public abstract readonly kind: IdentityKind;

  private readonly compiler: AccessPolicyCompiler;
  private readonly attachment: PolicyAttachmentKind;
  private policy?: EsoAccessPolicy;

  protected constructor(scope: Construct, id: string, props: EsoWorkloadRoleProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'EsoWorkloadRoleProps', {
      'roleName?': 'nonEmptyString',
      'path?': 'string',
      'permissionsBoundaryArn?': 'nonEmptyString',
      'maxSessionDuration?': DURATION_RULE,
      'description?': 'string',
      'tags?': 'stringMap',
      'environment?': ENVIRONMENT_RULE,
      'policyAttachment?': { enum: PolicyAttachmentKind, name: 'PolicyAttachmentKind' },
    });
    assertArn(path, 'permissionsBoundaryArn', props.permissionsBoundaryArn, new RegExp(`^arn:${PARTITION}:iam::(\\d{12}|aws):policy/([\\u0021-\\u007E]+/)?[\\w+=,.@-]{1,128}$`),
      'an IAM managed policy', 'arn:aws:iam::111122223333:policy/eso-boundary');
    assertDuration(path, 'maxSessionDuration', props.maxSessionDuration, { wholeUnit: 's' });
    if (props.description !== undefined && (props.description.length > 1000 || /[^\t\n\r\u0020-\u007E\u00A1-\u00FF]/.test(props.description))) {
      throw invalidString(path, 'description', props.description, 'at most 1000 printable Latin-1 characters (IAM role descriptions)', 'shorten the description or remove the other characters');
    }
    const tags = awsTags(path, 'tags', props.tags);
    const roleName = props.roleName ?? physicalName(this, 64);
    if (!Token.isUnresolved(roleName) && !isIamRoleName(roleName)) {
      throw invalidIamRoleName(path, 'roleName', roleName);
    }
    const iamPath = props.path ?? '/';
    if (!Token.isUnresolved(iamPath) && !(iamPath === '/' || /^\/[\u0021-\u007E]{1,510}\/$/.test(iamPath))) {
      throw invalidIamPath(path, 'path', iamPath);
    }
    const maxSession = props.maxSessionDuration?.toSeconds();
    if (maxSession !== undefined && (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200)) {
      throw maxSessionDurationOutOfRange(path, 'maxSessionDuration', maxSession);
    }
    this.environment = (props.environment ?? AwsEnvironment.fromProvider()).resolve(this);
    this.attachment = props.policyAttachment ?? PolicyAttachmentKind.INLINE;
    this.compiler = new AccessPolicyCompiler({ path });
    this.roleName = roleName;
    this.role = new IamRole(this, 'Resource', {
      name: roleName,
      path: props.path,
      description: escapeTerraformText(props.description),
      permissionsBoundary: props.permissionsBoundaryArn,
      maxSessionDuration: maxSession,
      tags,
      assumeRolePolicy: Lazy.stringValue({ produce: () => JSON.stringify(this.trustPolicy()) }),
    });
    if (this.environment.accountIsLiteral && this.environment.partitionIsLiteral && !Token.isUnresolved(roleName) && !Token.isUnresolved(iamPath)) {
      this.roleArnLiteral = iamRoleArn(this.environment.partition, this.environment.account, roleName, iamPath);
    }
  }

  /** The role ARN to write into YAML: the literal when known, else the token. */
  public get roleArnForYaml(): string {
    return this.roleArnLiteral ?? this.roleArn;
  }

  /** The compiler receiving grants; the access policy resource is created on first use. */
  public get grantPolicy(): AccessPolicyCompiler {
    if (this.policy === undefined) {
      this.policy = new EsoAccessPolicy(this, 'AccessPolicy', {
        roleName: this.role.name,
        compiler: this.compiler,
        attachment: this.attachment,
      });
    }
    return this.compiler;
  }

  /** The access policy construct, once something was granted. */
  public get accessPolicy(): EsoAccessPolicy | undefined {
    return this.policy;
  }

  /** Merges the grants of a compiler (e.g. built by the declaration layer) into this role's policy. */
  public attachCompiledPolicy(compiler: AccessPolicyCompiler): void {
    this.grantPolicy.merge(compiler);
  }

  /** The trust policy. */
  public trustPolicy(): PolicyDocumentJson {
    return policyDocument(this.trustStatements());
  }

  /**
   * Throws when `storeRoleArn` (a store's `spec.provider.aws.role`) is this role: a role cannot assume itself.
   */
  public assertNotSelfAssume(storeRoleArn: string, path: string = this.node.path, prop = 'spec.provider.aws.role'): void {
    assertNotSelfAssume({ path, prop, storeRoleArn, podRoleArn: this.roleArn });
    if (this.roleArnLiteral !== undefined) {
      assertNotSelfAssume({ path, prop, storeRoleArn, podRoleArn: this.roleArnLiteral });
    }
  }

  /** Annotations the service account must carry. */
  public abstract get serviceAccountAnnotations(): Readonly<Record<string, string>>;
  /** Labels pods must carry (none for AWS). */
  public get podLabels(): Readonly<Record<string, string>> {
    return {};
  }
  /** The service accounts this role trusts. */
  public abstract get trustedServiceAccounts(): readonly ServiceAccountRef[];

  /** The statements of the trust policy. */
  protected abstract trustStatements(): PolicyStatementJson[];
}
