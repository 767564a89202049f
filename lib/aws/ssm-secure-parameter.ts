import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { assertProps, escapeTerraformText } from '../core/validation';
import { assertKeyRegion, awsTags, ENVIRONMENT_RULE, KMS_KEY_RULE } from './private/checks';
import { invalidSsmParameterName, invalidString } from '../core/errors';
import { ssmParameterArn } from './arns';
import { AwsEnvironment, ResolvedAwsEnvironment } from './environment';
import { IKmsKey } from './kms-key';
import { AwsGrant, IAwsGrantee } from './policy/grantee';
import { SecretValueSource } from './secret-value-source';
import { isSsmParameterName } from '../core/cloud-names';

/** Parameter Store tier. */
export enum SsmParameterTier {
  /** Up to 4 KB, no parameter policies, free. */
  STANDARD = 'Standard',
  /** Up to 8 KB, parameter policies, charged. */
  ADVANCED = 'Advanced',
  /** Standard unless the value needs Advanced. */
  INTELLIGENT_TIERING = 'Intelligent-Tiering',
}

/** An SSM SecureString parameter, created here or imported. */
export interface ISsmSecureParameter {
  /** Name of the parameter (what ExternalSecret `remoteRef.key` holds). */
  readonly parameterName: string;
  /** ARN of the parameter (computed from name, region, account). */
  readonly parameterArn: string;
  /** Region of the parameter. */
  readonly region: string;
  /** The customer-managed key, when there is one. */
  readonly encryptionKey?: IKmsKey;
  /** ssm:GetParameter(s) on this parameter and kms:Decrypt on its key via SSM only. */
  grantRead(grantee: IAwsGrantee): AwsGrant;
}

/** Props of {@link SsmSecureParameter}. */
export interface SsmSecureParameterProps {
  /**
   * Name: 1-1011 characters of letters, digits and _.-/; hierarchical names start with "/" (at most
   * 15 levels); no "aws"/"ssm" prefix.
   */
  readonly parameterName: string;
  /**
   * The value, written through the write-only `value_wo` (never `value`, never `insecure_value`).
   */
  readonly value: SecretValueSource;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Customer-managed key.
   * @default - the AWS managed key `aws/ssm`
   */
  readonly encryptionKey?: IKmsKey;
  /**
   * Tier.
   * @default SsmParameterTier.STANDARD
   */
  readonly tier?: SsmParameterTier;
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

/** Attributes of {@link SsmSecureParameter.fromParameterName}. */
export interface SsmSecureParameterAttributes {
  /** Name of the existing parameter. */
  readonly parameterName: string;
  /** Region. */
  readonly region: string;
  /** Account. */
  readonly account: string;
  /**
   * Partition.
   * @default - derived from the region
   */
  readonly partition?: string;
  /**
   * Customer-managed key of the SecureString.
   * @default - AWS managed key: no kms grant
   */
  readonly kmsKey?: IKmsKey;
}

/** Throws unless `name` is a valid Parameter Store name. Unresolved tokens pass. */
export function assertSsmParameterName(path: string, prop: string, name: string): void {
  if (Token.isUnresolved(name)) {
    return;
  }
  if (!isSsmParameterName(name)) {
    throw invalidSsmParameterName(path, prop, name);
  }
}

function grantReadOn(parameter: ISsmSecureParameter, grantee: IAwsGrantee): AwsGrant {
  grantee.grantPolicy.readParameter({
    parameterArn: parameter.parameterArn,
    kmsKeyArn: parameter.encryptionKey?.keyArn,
    region: parameter.region,
  });
  return { grantee, actions: ['ssm:GetParameter', 'ssm:GetParameters'], resourceArns: [parameter.parameterArn] };
}

class ImportedSsmSecureParameter extends Construct implements ISsmSecureParameter {
  public readonly parameterName: string;
  public readonly parameterArn: string;
  public readonly region: string;
  public readonly encryptionKey?: IKmsKey;

  constructor(scope: Construct, id: string, attrs: SsmSecureParameterAttributes) {
    super(scope, id);
    assertProps(this.node.path, attrs, 'SsmSecureParameterAttributes', {
      'parameterName': 'nonEmptyString', 'region': 'nonEmptyString', 'account': 'nonEmptyString', 'partition?': 'string', 'kmsKey?': KMS_KEY_RULE,
    });
    assertSsmParameterName(this.node.path, 'parameterName', attrs.parameterName);
    const env = AwsEnvironment.of({ account: attrs.account, region: attrs.region, partition: attrs.partition }).resolve(this, '');
    assertKeyRegion(this.node.path, 'kmsKey', attrs.kmsKey, attrs.region);
    this.parameterName = attrs.parameterName;
    this.region = attrs.region;
    this.encryptionKey = attrs.kmsKey;
    this.parameterArn = ssmParameterArn(env, attrs.parameterName);
  }

  public grantRead(grantee: IAwsGrantee): AwsGrant {
    return grantReadOn(this, grantee);
  }
}

/**
 * An SSM `SecureString` parameter whose value only comes from a sensitive variable or a generated
 * password, written through the write-only `value_wo`.
 */
export class SsmSecureParameter extends Construct implements ISsmSecureParameter {
  /** A parameter that already exists and is managed elsewhere. Nothing is created. */
  public static fromParameterName(scope: Construct, id: string, attrs: SsmSecureParameterAttributes): ISsmSecureParameter {
    return new ImportedSsmSecureParameter(scope, id, attrs);
  }

  /** The `aws_ssm_parameter`. */
  public readonly resource: SsmParameter;
  public readonly parameterName: string;
  public readonly parameterArn: string;
  public readonly region: string;
  public readonly encryptionKey?: IKmsKey;
  /** The resolved environment. */
  public readonly environment: ResolvedAwsEnvironment;

  constructor(scope: Construct, id: string, props: SsmSecureParameterProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'SsmSecureParameterProps', {
      'parameterName': 'nonEmptyString',
      'value': 'any',
      'description?': 'string',
      'encryptionKey?': KMS_KEY_RULE,
      'tier?': { enum: SsmParameterTier, name: 'SsmParameterTier' },
      'tags?': 'stringMap',
      'environment?': ENVIRONMENT_RULE,
    });
    assertSsmParameterName(path, 'parameterName', props.parameterName);
    SecretValueSource.assertIsSource(path, 'value', props.value);
    this.environment = (props.environment ?? AwsEnvironment.fromProvider()).resolve(this);
    assertKeyRegion(path, 'encryptionKey', props.encryptionKey, this.environment.region);
    const tags = awsTags(path, 'tags', props.tags);
    if (props.description !== undefined && props.description.length > 1024) {
      throw invalidString(path, 'description', `${props.description.slice(0, 40)}...`, 'at most 1024 characters', 'shorten the description');
    }
    this.parameterName = props.parameterName;
    this.region = this.environment.region;
    this.encryptionKey = props.encryptionKey;
    this.parameterArn = ssmParameterArn(this.environment, props.parameterName);
    this.resource = new SsmParameter(this, 'Resource', {
      name: props.parameterName,
      type: 'SecureString',
      description: escapeTerraformText(props.description),
      keyId: props.encryptionKey?.keyArn,
      tier: props.tier ?? SsmParameterTier.STANDARD,
      tags,
      valueWo: props.value.bind(this, this.environment.pinnedRegion),
      valueWoVersion: props.value.version,
      region: this.environment.pinnedRegion,
    });
  }

  public grantRead(grantee: IAwsGrantee): AwsGrant {
    return grantReadOn(this, grantee);
  }
}
