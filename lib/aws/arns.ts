/**
 * Engine-free ARN builders used by the AWS constructs and by the declaration layer, so ARNs written
 * into Kubernetes YAML (role ARNs) and into IAM policies (secret ARN patterns) are derived the same
 * way everywhere. Every part may be a literal or an unresolved token.
 */

/** The parts of an ARN every builder needs. */
export interface ArnEnvironment {
  /** AWS partition: "aws", "aws-cn", "aws-us-gov". */
  readonly partition: string;
  /** Region code, e.g. "eu-west-1". */
  readonly region: string;
  /** 12-digit account ID. */
  readonly account: string;
}

/** The six random characters (as `?` wildcards) Secrets Manager appends to every secret ARN. */
export const SECRET_ARN_SUFFIX_WILDCARD = '-??????';

/**
 * ARN pattern that matches exactly one Secrets Manager secret, whatever random suffix it got:
 * `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-??????`.
 */
export function secretArnForPolicies(env: ArnEnvironment, secretName: string): string {
  return `arn:${env.partition}:secretsmanager:${env.region}:${env.account}:secret:${secretName}${SECRET_ARN_SUFFIX_WILDCARD}`;
}

/**
 * ARN pattern for every secret whose name starts with `namePrefix`:
 * `arn:<partition>:secretsmanager:<region>:<account>:secret:<namePrefix>*`.
 */
export function secretNamePrefixArn(env: ArnEnvironment, namePrefix: string): string {
  return `arn:${env.partition}:secretsmanager:${env.region}:${env.account}:secret:${namePrefix}*`;
}

/**
 * ARN of an SSM parameter. Hierarchical names start with "/", flat names get one:
 * `arn:<partition>:ssm:<region>:<account>:parameter/<name without leading slash>`.
 */
export function ssmParameterArn(env: ArnEnvironment, parameterName: string): string {
  const name = parameterName.startsWith('/') ? parameterName : `/${parameterName}`;
  return `arn:${env.partition}:ssm:${env.region}:${env.account}:parameter${name}`;
}

/** ARN of an IAM role: `arn:<partition>:iam::<account>:role<path><name>` (path defaults to "/"). */
export function iamRoleArn(partition: string, account: string, roleName: string, path = '/'): string {
  return `arn:${partition}:iam::${account}:role${path}${roleName}`;
}

/** ARN of the account root principal: `arn:<partition>:iam::<account>:root`. */
export function accountRootArn(partition: string, account: string): string {
  return `arn:${partition}:iam::${account}:root`;
}

/** ARN of a KMS key from its key ID. */
export function kmsKeyArn(env: ArnEnvironment, keyId: string): string {
  return `arn:${env.partition}:kms:${env.region}:${env.account}:key/${keyId}`;
}

/**
 * The partition a region belongs to: "aws-cn" for cn-*, "aws-us-gov" for us-gov-*, "aws-iso" for
 * us-iso-*, "aws-iso-b" for us-isob-*, otherwise "aws".
 */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  if (region.startsWith('us-gov-')) {
    return 'aws-us-gov';
  }
  if (region.startsWith('us-isob-')) {
    return 'aws-iso-b';
  }
  if (region.startsWith('us-iso-')) {
    return 'aws-iso';
  }
  return 'aws';
}

/** AWS services through which a KMS key may be used (`kms:ViaService` condition). */
export enum KmsViaService {
  /** AWS Secrets Manager. */
  SECRETS_MANAGER = 'secretsmanager',
  /** AWS Systems Manager Parameter Store. */
  SSM = 'ssm',
}

/**
 * The value of `kms:ViaService` for a service in a region, e.g. "secretsmanager.eu-west-1.amazonaws.com"
 * (China regions use the "amazonaws.com.cn" suffix; an unresolved region gets "amazonaws.com").
 */
export function viaServiceName(service: KmsViaService, region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${service}.${region}.${suffix}`;
}
