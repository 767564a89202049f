import { createHash } from 'crypto';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretPolicy } from '@cdktf/provider-aws/lib/secretsmanager-secret-policy';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { assertDuration, Duration } from '../core/duration';
import { assertProps, escapeTerraformText } from '../core/validation';
import { assertArn, assertKeyRegion, awsTags, DURATION_RULE, ENVIRONMENT_RULE, KMS_KEY_RULE, PARTITION, REGION } from './private/checks';
import { assertNoWildcardPrincipal } from './policy/policy-guard';
import { normalizeStatement, PolicyEffect } from './policy/policy-document';
import { ambiguousSecretNameSuffix, duplicateValue, invalidAwsRegion, invalidIamRoleName, invalidSecretName, recoveryWindowOutOfRange } from '../core/errors';
import { secretArnForPolicies } from './arns';
import { AwsEnvironment, ResolvedAwsEnvironment } from './environment';
import { IKmsKey } from './kms-key';
import { AwsGrant, IAwsGrantee } from './policy/grantee';
import { PolicyDocumentJson } from './policy/policy-document';
import { RotationSchedule } from './rotation-schedule';
import { SecretValueSource } from './secret-value-source';
import { isAwsRegion, isIamRoleName, isSecretsManagerName } from '../core/cloud-names';
import { EsoAccessPolicy } from './eso-access-policy';
import { AccessPolicyCompiler } from './policy/access-policy-compiler';
import { physicalName } from './private/names';

/** A Secrets Manager secret, created here or imported. */
export interface ISecretsManagerSecret {
  /** Name of the secret (what ExternalSecret `remoteRef.key` holds). */
  readonly secretName: string;
  /** ARN of the secret (token for created secrets; a partial ARN without suffix for imported ones). */
  readonly secretArn: string;
  /** `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-??????`: matches exactly this secret. */
  readonly arnForPolicies: string;
  /** Region of the secret. */
  readonly region: string;
  /** The customer-managed key, when there is one. */
  readonly encryptionKey?: IKmsKey;
  /** GetSecretValue + DescribeSecret (+ ListSecretVersionIds, GetResourcePolicy) on this secret, and kms:Decrypt on its key via Secrets Manager only. */
  grantRead(grantee: IAwsGrantee): AwsGrant;
}

/** A replica of the secret in another region. */
export interface SecretReplicaRegion {
  /** Region code of the replica. */
  readonly region: string;
  /**
   * Key of the replica (must live in that region).
   * @default - the AWS managed key of that region
   */
  readonly encryptionKey?: IKmsKey;
}

/** Automatic rotation with a rotation Lambda. */
export interface SecretRotationOptions {
  /** ARN of the rotation Lambda function. */
  readonly rotationLambdaArn: string;
  /** When to rotate. */
  readonly schedule: RotationSchedule;
  /**
   * Rotate as soon as rotation is configured.
   * @default true
   */
  readonly rotateImmediately?: boolean;
  /**
   * Name of the rotation function's execution role: it gets an inline policy with exactly what
   * rotating this secret needs (DescribeSecret, GetSecretValue, PutSecretValue,
   * UpdateSecretVersionStage on this secret only; kms:Decrypt and kms:GenerateDataKey on its key
   * through Secrets Manager only).
   * @default - no grant: the function's role is managed elsewhere
   */
  readonly functionRoleName?: string;
  /**
   * Let Secrets Manager invoke the function for this secret only: an `aws_lambda_permission` for
   * `secretsmanager.amazonaws.com` with `source_arn` = this secret and `source_account` = its account.
   * Set false when the function's resource policy is managed elsewhere.
   * @default true
   */
  readonly grantInvoke?: boolean;
}

/** Props of {@link SecretsManagerSecret}. */
export interface SecretsManagerSecretProps {
  /**
   * Name of the secret: 1-512 characters of letters, digits and /_+=.@-. A name ending in a hyphen
   * and six characters (e.g. "app-config") gets a synth warning: AWS advises against it because
   * partial ARNs of such names are mistaken for the random suffix Secrets Manager adds.
   */
  readonly secretName: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Customer-managed key (create a `KmsKey` or import one with `KmsKey.fromKeyArn`).
   * @default - the AWS managed key `aws/secretsmanager` (cannot be shared across accounts)
   */
  readonly encryptionKey?: IKmsKey;
  /**
   * Recovery window after deletion: 0 (delete at once) or 7-30 days.
   * @default Duration.days(30)
   */
  readonly recoveryWindow?: Duration;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Regions to replicate the secret to.
   * @default - no replicas
   */
  readonly replicaRegions?: SecretReplicaRegion[];
  /**
   * Resource policy (rendered as `aws_secretsmanager_secret_policy` with `block_public_policy`).
   * @default - no resource policy
   */
  readonly resourcePolicy?: PolicyDocumentJson;
  /**
   * Automatic rotation.
   * @default - no rotation
   */
  readonly rotation?: SecretRotationOptions;
  /**
   * Initial value, written through the write-only `secret_string_wo`. There is no way to pass a
   * string: use {@link SecretValueSource.fromSensitiveVariable} or {@link SecretValueSource.generatedPassword}.
   * @default - the secret is created empty (ESO PushSecret, a rotation Lambda or an operator writes it)
   */
  readonly value?: SecretValueSource;
  /**
   * Account, region and partition. Give literals (`AwsEnvironment.of`) when the Kubernetes side needs
   * literal ARNs.
   * @default AwsEnvironment.fromProvider()
   */
  readonly environment?: AwsEnvironment;
}

/** Props of {@link SecretsManagerSecret.fromSecretName}. */
export interface SecretsManagerSecretAttributes {
  /** Name of the existing secret. */
  readonly secretName: string;
  /** Region of the secret. */
  readonly region: string;
  /** Account of the secret. */
  readonly account: string;
  /**
   * Partition.
   * @default - derived from the region
   */
  readonly partition?: string;
  /**
   * Customer-managed key the secret is encrypted with (so grants include kms:Decrypt).
   * @default - AWS managed key: no kms grant
   */
  readonly kmsKey?: IKmsKey;
}

/**
 * The statement id of the invoke permission in the function's resource policy, unique per secret
 * (one function often rotates many secrets): `SecretsManagerRotation-<secret name>`, with a hash of
 * the name when characters had to be replaced or the id would exceed 100 characters.
 */
function rotationStatementId(scope: Construct, secretName: string): string {
  if (Token.isUnresolved(secretName)) {
    return physicalName(scope, 100, /[^A-Za-z0-9_-]+/g);
  }
  const cleaned = `SecretsManagerRotation-${secretName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  if (cleaned === `SecretsManagerRotation-${secretName}` && cleaned.length <= 100) {
    return cleaned;
  }
  const hash = createHash('sha256').update(secretName).digest('hex').slice(0, 8);
  return `${cleaned.slice(0, 91)}-${hash}`;
}

function grantReadOn(secret: ISecretsManagerSecret, grantee: IAwsGrantee): AwsGrant {
  grantee.grantPolicy.readSecret({
    arnForPolicies: secret.arnForPolicies,
    kmsKeyArn: secret.encryptionKey?.keyArn,
    region: secret.region,
  });
  return {
    grantee,
    actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
    resourceArns: [secret.arnForPolicies],
  };
}

class ImportedSecretsManagerSecret extends Construct implements ISecretsManagerSecret {
  public readonly secretName: string;
  public readonly secretArn: string;
  public readonly arnForPolicies: string;
  public readonly region: string;
  public readonly encryptionKey?: IKmsKey;

  constructor(scope: Construct, id: string, attrs: SecretsManagerSecretAttributes) {
    super(scope, id);
    assertProps(this.node.path, attrs, 'SecretsManagerSecretAttributes', {
      'secretName': 'nonEmptyString', 'region': 'nonEmptyString', 'account': 'nonEmptyString', 'partition?': 'string', 'kmsKey?': KMS_KEY_RULE,
    });
    if (!Token.isUnresolved(attrs.secretName) && !isSecretsManagerName(attrs.secretName)) {
      throw invalidSecretName(this.node.path, 'secretName', attrs.secretName);
    }
    const env = AwsEnvironment.of({ account: attrs.account, region: attrs.region, partition: attrs.partition }).resolve(this, '');
    assertKeyRegion(this.node.path, 'kmsKey', attrs.kmsKey, attrs.region);
    this.secretName = attrs.secretName;
    this.region = attrs.region;
    this.encryptionKey = attrs.kmsKey;
    this.arnForPolicies = secretArnForPolicies(env, attrs.secretName);
    this.secretArn = `arn:${env.partition}:secretsmanager:${env.region}:${env.account}:secret:${attrs.secretName}`;
  }

  public grantRead(grantee: IAwsGrantee): AwsGrant {
    return grantReadOn(this, grantee);
  }
}

/**
 * A Secrets Manager secret for ESO to read: name, optional customer-managed key, recovery window,
 * replicas, resource policy, rotation, and an optional value that only ever comes from a sensitive
 * variable or a generated password through the write-only `secret_string_wo` (never `secret_string`).
 */
export class SecretsManagerSecret extends Construct implements ISecretsManagerSecret {
  /** A secret that already exists and is managed elsewhere. Nothing is created. */
  public static fromSecretName(scope: Construct, id: string, attrs: SecretsManagerSecretAttributes): ISecretsManagerSecret {
    return new ImportedSecretsManagerSecret(scope, id, attrs);
  }

  /** The `aws_secretsmanager_secret`. */
  public readonly resource: SecretsmanagerSecret;
  /** The `aws_secretsmanager_secret_version`, when a value was given. */
  public readonly versionResource?: SecretsmanagerSecretVersion;
  /** The `aws_secretsmanager_secret_rotation`, when rotation was configured. */
  public readonly rotationResource?: SecretsmanagerSecretRotation;
  /** The `aws_lambda_permission` letting Secrets Manager invoke the rotation function for this secret, when rotation was configured. */
  public readonly rotationInvokePermission?: LambdaPermission;
  /** The rotation function's grant on this secret, when `rotation.functionRoleName` was given. */
  public readonly rotationFunctionPolicy?: EsoAccessPolicy;
  /** The `aws_secretsmanager_secret_policy`, when a resource policy was given. */
  public readonly policyResource?: SecretsmanagerSecretPolicy;
  public readonly secretName: string;
  /** ARN of the secret (token). Created on first use: every token cdktf creates captures a stack trace. */
  public get secretArn(): string {
    return this._secretArn ??= this.resource.arn;
  }

  private _secretArn?: string;
  public readonly arnForPolicies: string;
  public readonly region: string;
  public readonly encryptionKey?: IKmsKey;
  /** The resolved environment. */
  public readonly environment: ResolvedAwsEnvironment;

  constructor(scope: Construct, id: string, props: SecretsManagerSecretProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'SecretsManagerSecretProps', {
      'secretName': 'nonEmptyString',
      'description?': 'string',
      'encryptionKey?': KMS_KEY_RULE,
      'recoveryWindow?': DURATION_RULE,
      'tags?': 'stringMap',
      'replicaRegions?': { arrayOf: { shape: { 'region': 'nonEmptyString', 'encryptionKey?': KMS_KEY_RULE } } },
      'resourcePolicy?': { shape: { Statement: { arrayOf: 'object' } } },
      'rotation?': { shape: { 'rotationLambdaArn': 'nonEmptyString', 'schedule': 'any', 'rotateImmediately?': 'boolean', 'functionRoleName?': 'nonEmptyString', 'grantInvoke?': 'boolean' } },
      'value?': 'any',
      'environment?': ENVIRONMENT_RULE,
    });
    if (!Token.isUnresolved(props.secretName)) {
      if (!isSecretsManagerName(props.secretName)) {
        throw invalidSecretName(path, 'secretName', props.secretName);
      }
      if (/-[A-Za-z0-9/_+=.@]{6}$/.test(props.secretName)) {
        // A warning, not an error: ordinary names such as "app-config" end this way, and ESO reads by
        // name; only partial-ARN look-ups are confused.
        Annotations.of(this).addWarning(ambiguousSecretNameSuffix(path, 'secretName', props.secretName).message);
      }
    }
    assertDuration(path, 'recoveryWindow', props.recoveryWindow, { wholeUnit: 'd' });
    const recoveryDays = (props.recoveryWindow ?? Duration.days(30)).toDays();
    if (!Number.isInteger(recoveryDays) || (recoveryDays !== 0 && (recoveryDays < 7 || recoveryDays > 30))) {
      throw recoveryWindowOutOfRange(path, 'recoveryWindow', recoveryDays);
    }
    if (props.value !== undefined) {
      SecretValueSource.assertIsSource(path, 'value', props.value);
    }
    if (props.rotation !== undefined) {
      RotationSchedule.assertValid(path, 'rotation.schedule', props.rotation.schedule);
      assertArn(path, 'rotation.rotationLambdaArn', props.rotation.rotationLambdaArn,
        new RegExp(`^arn:${PARTITION}:lambda:${REGION}:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$`),
        'a Lambda function', 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-db');
      const roleName = props.rotation.functionRoleName;
      if (roleName !== undefined && !Token.isUnresolved(roleName) && !isIamRoleName(roleName)) {
        throw invalidIamRoleName(path, 'rotation.functionRoleName', roleName);
      }
    }
    if (props.resourcePolicy !== undefined) {
      props.resourcePolicy.Statement.forEach((st, i) => {
        if (st.Effect === PolicyEffect.ALLOW) {
          assertNoWildcardPrincipal(normalizeStatement(st, path, `resourcePolicy.Statement[${i}]`), path, `resourcePolicy.Statement[${i}]`);
        }
      });
    }
    this.environment = (props.environment ?? AwsEnvironment.fromProvider()).resolve(this);
    this.secretName = props.secretName;
    this.region = this.environment.region;
    this.encryptionKey = props.encryptionKey;
    this.arnForPolicies = secretArnForPolicies(this.environment, props.secretName);
    assertKeyRegion(path, 'encryptionKey', props.encryptionKey, this.region);
    const tags = awsTags(path, 'tags', props.tags);

    const seen = new Map<string, number>();
    (props.replicaRegions ?? []).forEach((r, i) => {
      if (!Token.isUnresolved(r.region) && !isAwsRegion(r.region)) {
        throw invalidAwsRegion(path, `replicaRegions[${i}].region`, r.region);
      }
      if (r.region === this.region || seen.has(r.region)) {
        throw duplicateValue(path, `replicaRegions[${i}].region`, r.region, seen.has(r.region) ? `replicaRegions[${seen.get(r.region)}].region` : 'the secret\'s own region',
          'list each replica region once, and not the primary region');
      }
      seen.set(r.region, i);
      assertKeyRegion(path, `replicaRegions[${i}].encryptionKey`, r.encryptionKey, r.region);
    });
    const replicas = [...(props.replicaRegions ?? [])].sort((a, b) => a.region.localeCompare(b.region));
    this.resource = new SecretsmanagerSecret(this, 'Resource', {
      name: props.secretName,
      description: escapeTerraformText(props.description),
      kmsKeyId: props.encryptionKey?.keyArn,
      recoveryWindowInDays: recoveryDays,
      tags,
      replica: replicas.length > 0 ? replicas.map((r) => ({ region: r.region, kmsKeyId: r.encryptionKey?.keyArn })) : undefined,
      region: this.environment.pinnedRegion,
    });

    if (props.resourcePolicy !== undefined) {
      this.policyResource = new SecretsmanagerSecretPolicy(this, 'Policy', {
        secretArn: this.resource.arn,
        policy: JSON.stringify(props.resourcePolicy),
        blockPublicPolicy: true,
        region: this.environment.pinnedRegion,
      });
    }
    if (props.value !== undefined) {
      this.versionResource = new SecretsmanagerSecretVersion(this, 'Version', {
        secretId: this.resource.id,
        secretStringWo: props.value.bind(this, this.environment.pinnedRegion),
        secretStringWoVersion: props.value.version,
        region: this.environment.pinnedRegion,
      });
    }
    if (props.rotation !== undefined) {
      if (props.rotation.grantInvoke ?? true) {
        // Scoped to this secret (source ARN) in its account (source account): no other secret's rotation can invoke the function.
        this.rotationInvokePermission = new LambdaPermission(this, 'RotationInvokePermission', {
          action: 'lambda:InvokeFunction',
          functionName: props.rotation.rotationLambdaArn,
          principal: 'secretsmanager.amazonaws.com',
          sourceArn: this.resource.arn,
          sourceAccount: this.environment.account,
          statementId: rotationStatementId(this, props.secretName),
          region: this.environment.pinnedRegion,
        });
      }
      if (props.rotation.functionRoleName !== undefined) {
        const compiler = new AccessPolicyCompiler({ path: `${path}/rotation` }).rotateSecret({
          arnForPolicies: this.arnForPolicies, kmsKeyArn: props.encryptionKey?.keyArn, region: this.region,
        });
        this.rotationFunctionPolicy = new EsoAccessPolicy(this, 'RotationFunctionPolicy', { roleName: props.rotation.functionRoleName, compiler });
      }
      const dependsOn = [this.versionResource, this.rotationInvokePermission, this.rotationFunctionPolicy?.rolePolicy]
        .filter((d): d is NonNullable<typeof d> => d !== undefined);
      this.rotationResource = new SecretsmanagerSecretRotation(this, 'Rotation', {
        secretId: this.resource.id,
        rotationLambdaArn: props.rotation.rotationLambdaArn,
        rotateImmediately: props.rotation.rotateImmediately ?? true,
        rotationRules: {
          automaticallyAfterDays: props.rotation.schedule.automaticallyAfterDays,
          scheduleExpression: props.rotation.schedule.scheduleExpression,
        },
        region: this.environment.pinnedRegion,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      });
    }
  }

  public grantRead(grantee: IAwsGrantee): AwsGrant {
    return grantReadOn(this, grantee);
  }
}
