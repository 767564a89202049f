import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey as KmsKeyResource } from '@cdktf/provider-aws/lib/kms-key';
import { Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { assertDuration, Duration } from '../core/duration';
import { assertProps, escapeTerraformText } from '../core/validation';
import { assertArn, awsTags, DURATION_RULE, ENVIRONMENT_RULE, PARTITION, REGION } from './private/checks';
import { assertNoWildcardPrincipal } from './policy/policy-guard';
import { deletionWindowOutOfRange, invalidKmsAlias, rotationPeriodOutOfRange } from '../core/errors';
import { accountRootArn, KmsViaService } from './arns';
import { AwsEnvironment, ResolvedAwsEnvironment } from './environment';
import { AwsGrant, IAwsGrantee } from './policy/grantee';
import { normalizeStatement, policyDocument, PolicyEffect, PolicyStatementJson } from './policy/policy-document';

/** Options of {@link IKmsKey.grantDecrypt}. */
export interface GrantDecryptOptions {
  /**
   * The only service the decryption may go through (`kms:ViaService`).
   * @default KmsViaService.SECRETS_MANAGER
   */
  readonly viaService?: KmsViaService;
  /**
   * Region of that service.
   * @default - the key's region
   */
  readonly region?: string;
}

/** A KMS key, created here or imported. */
export interface IKmsKey {
  /** ARN of the key (token or literal). */
  readonly keyArn: string;
  /** Region of the key. */
  readonly region: string;
  /** Grants `kms:Decrypt` on this key, only through one service (`kms:ViaService`). */
  grantDecrypt(grantee: IAwsGrantee, options?: GrantDecryptOptions): AwsGrant;
}

/** Props of {@link KmsKey}. */
export interface KmsKeyProps {
  /**
   * Description of the key.
   * @default "Customer managed key for secrets managed with External Secrets Operator"
   */
  readonly description?: string;
  /**
   * Alias name, starting with "alias/".
   * @default - no alias
   */
  readonly alias?: string;
  /**
   * Waiting period before KMS deletes the key after `terraform destroy` (7-30 days).
   * @default Duration.days(30)
   */
  readonly deletionWindow?: Duration;
  /**
   * Automatic rotation period (90-2560 days). Rotation is always on.
   * @default Duration.days(365)
   */
  readonly rotationPeriod?: Duration;
  /**
   * Statements added to the key policy, after the account-root statement (which is always kept, so
   * the key cannot be locked out).
   * @default - only the account-root statement
   */
  readonly policyStatements?: PolicyStatementJson[];
  /**
   * Create a multi-Region primary key (needed for replica secrets encrypted with "the same" key).
   * @default false
   */
  readonly multiRegion?: boolean;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Account, region and partition.
   * @default AwsEnvironment.fromProvider()
   */
  readonly environment?: AwsEnvironment;
}

/** Sid of the key-policy statement that keeps the account root in control of the key. */
export const KMS_ROOT_STATEMENT_SID = 'EnableAccountRootAdministrationPreventsLockout';

function grantDecryptOn(key: IKmsKey, grantee: IAwsGrantee, options: GrantDecryptOptions): AwsGrant {
  grantee.grantPolicy.decrypt({
    keyArn: key.keyArn,
    viaService: options.viaService ?? KmsViaService.SECRETS_MANAGER,
    region: options.region ?? key.region,
  });
  return { grantee, actions: ['kms:Decrypt'], resourceArns: [key.keyArn] };
}

class ImportedKmsKey extends Construct implements IKmsKey {
  constructor(scope: Construct, id: string, public readonly keyArn: string, public readonly region: string) {
    super(scope, id);
  }

  public grantDecrypt(grantee: IAwsGrantee, options: GrantDecryptOptions = {}): AwsGrant {
    return grantDecryptOn(this, grantee, options);
  }
}

/**
 * A customer-managed KMS key for secrets: rotation on, a deletion window, and a key policy that
 * always keeps the account-root `kms:*` statement (user statements are added, never replace it).
 */
export class KmsKey extends Construct implements IKmsKey {
  /**
   * Imports a key by ARN. The region is taken from the ARN when it is a literal.
   */
  public static fromKeyArn(scope: Construct, id: string, keyArn: string): IKmsKey {
    assertArn(`${scope.node.path}/${id}`, 'keyArn', keyArn, new RegExp(`^arn:${PARTITION}:kms:${REGION}:\\d{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)$`),
      'a KMS key', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const region = Token.isUnresolved(keyArn) ? AwsEnvironment.fromProvider().resolve(scope).region : keyArn.split(':')[3];
    return new ImportedKmsKey(scope, id, keyArn, region);
  }

  /** The underlying `aws_kms_key`. */
  public readonly resource: KmsKeyResource;
  /** The `aws_kms_alias`, when an alias was given. */
  public readonly aliasResource?: KmsAlias;
  /** ARN of the key (token). Created on first use: every token cdktf creates captures a stack trace. */
  public get keyArn(): string {
    return this._keyArn ??= this.resource.arn;
  }

  private _keyArn?: string;
  /** ID of the key (token). Created on first use: every token cdktf creates captures a stack trace. */
  public get keyId(): string {
    return this._keyId ??= this.resource.keyId;
  }

  private _keyId?: string;
  /** Region of the key. */
  public readonly region: string;
  /** The alias name, when given. */
  public readonly aliasName?: string;
  /** The resolved environment. */
  public readonly environment: ResolvedAwsEnvironment;

  private readonly statements: PolicyStatementJson[] = [];

  constructor(scope: Construct, id: string, props: KmsKeyProps = {}) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'KmsKeyProps', {
      'description?': 'string',
      'alias?': 'string',
      'deletionWindow?': DURATION_RULE,
      'rotationPeriod?': DURATION_RULE,
      'policyStatements?': { arrayOf: 'object' },
      'multiRegion?': 'boolean',
      'tags?': 'stringMap',
      'environment?': ENVIRONMENT_RULE,
    });
    assertDuration(path, 'deletionWindow', props.deletionWindow, { wholeUnit: 'd' });
    assertDuration(path, 'rotationPeriod', props.rotationPeriod, { wholeUnit: 'd' });
    const deletionDays = (props.deletionWindow ?? Duration.days(30)).toDays();
    if (!Number.isInteger(deletionDays) || deletionDays < 7 || deletionDays > 30) {
      throw deletionWindowOutOfRange(path, 'deletionWindow', deletionDays);
    }
    const rotationDays = (props.rotationPeriod ?? Duration.days(365)).toDays();
    if (!Number.isInteger(rotationDays) || rotationDays < 90 || rotationDays > 2560) {
      throw rotationPeriodOutOfRange(path, 'rotationPeriod', rotationDays);
    }
    const tags = awsTags(path, 'tags', props.tags);
    if (props.alias !== undefined && !Token.isUnresolved(props.alias) &&
      (!/^alias\/[A-Za-z0-9/_-]{1,250}$/.test(props.alias) || props.alias.startsWith('alias/aws/'))) {
      throw invalidKmsAlias(path, 'alias', props.alias);
    }
    this.environment = (props.environment ?? AwsEnvironment.fromProvider()).resolve(this);
    this.region = this.environment.region;
    (props.policyStatements ?? []).forEach((s, i) => this.addStatementAt(s, `policyStatements[${i}]`));

    this.resource = new KmsKeyResource(this, 'Resource', {
      description: escapeTerraformText(props.description ?? 'Customer managed key for secrets managed with External Secrets Operator'),
      enableKeyRotation: true,
      rotationPeriodInDays: rotationDays,
      deletionWindowInDays: deletionDays,
      multiRegion: props.multiRegion,
      policy: Lazy.stringValue({ produce: () => JSON.stringify(this.keyPolicy()) }),
      tags,
      region: this.environment.pinnedRegion,
    });
    if (props.alias !== undefined) {
      this.aliasName = props.alias;
      this.aliasResource = new KmsAlias(this, 'Alias', {
        name: props.alias,
        targetKeyId: this.resource.keyId,
        region: this.environment.pinnedRegion,
      });
    }
  }

  /** Adds a statement to the key policy (after the account-root statement). */
  public addToKeyPolicy(statement: PolicyStatementJson): void {
    this.addStatementAt(statement, `policyStatements[${this.statements.length}]`);
  }

  private addStatementAt(statement: PolicyStatementJson, prop: string): void {
    const path = this.node.path;
    const normalized = normalizeStatement(statement, path, prop);
    assertNoWildcardPrincipal(normalized, path, prop);
    this.statements.push(normalized);
  }

  /** The key policy: the account-root statement first, then the added statements. */
  public keyPolicy() {
    const root: PolicyStatementJson = {
      Sid: KMS_ROOT_STATEMENT_SID,
      Effect: PolicyEffect.ALLOW,
      Principal: { AWS: accountRootArn(this.environment.partition, this.environment.account) },
      Action: ['kms:*'],
      Resource: ['*'],
    };
    return policyDocument([root, ...this.statements]);
  }

  /** Grants `kms:Decrypt` on this key, only through one service. */
  public grantDecrypt(grantee: IAwsGrantee, options: GrantDecryptOptions = {}): AwsGrant {
    return grantDecryptOn(this, grantee, options);
  }
}
