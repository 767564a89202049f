import { Token } from 'cdktf';
import { invalidArn, invalidString, kmsKeyRegionMismatch } from '../../core/errors';
import { assertType, escapeTerraformMap } from '../../core/validation';
import { Duration } from '../../core/duration';
import { AwsEnvironment } from '../environment';
import type { IKmsKey } from '../kms-key';

/** Type rule of an `environment` prop. @internal */
export const ENVIRONMENT_RULE = { instance: AwsEnvironment, name: 'an AwsEnvironment (AwsEnvironment.of({ account, region }) or fromProvider())' } as const;

/** Type rule of a Duration prop. @internal */
export const DURATION_RULE = { instance: Duration, name: 'a Duration (Duration.days(), hours(), ...)' } as const;

/** Type rule of a KMS key prop. @internal */
export const KMS_KEY_RULE = { shape: { keyArn: 'string', region: 'string', grantDecrypt: 'function' }, name: 'a KMS key (KmsKey or KmsKey.fromKeyArn())' } as const;

/**
 * Checks AWS resource tags (keys 1-128 characters, values at most 256, no `aws:` prefix) and returns
 * them with Terraform template sequences escaped.
 * @internal
 */
export function awsTags(path: string, prop: string, tags: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (tags === undefined) {
    return undefined;
  }
  assertType(path, prop, tags, 'stringMap');
  for (const [key, value] of Object.entries(tags)) {
    if (Token.isUnresolved(key)) {
      continue;
    }
    if (key.length < 1 || key.length > 128 || /^aws:/i.test(key) || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u.test(key)) {
      throw invalidString(path, `${prop}.${key}`, key, 'a tag key of 1 to 128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"',
        'rename the tag key');
    }
    if (!Token.isUnresolved(value) && (value.length > 256 || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(value))) {
      throw invalidString(path, `${prop}.${key}`, value, 'a tag value of at most 256 letters, digits, spaces and _.:/=+-@',
        'shorten the value or remove the other characters');
    }
  }
  return escapeTerraformMap(tags);
}

/** Throws unless `arn` (when a literal) matches `pattern`. @internal */
export function assertArn(path: string, prop: string, arn: unknown, pattern: RegExp, kind: string, example: string): void {
  if (arn === undefined || Token.isUnresolved(arn as string)) {
    return;
  }
  assertType(path, prop, arn, 'string');
  if (!pattern.test(arn as string) || /[*?\s]/.test(arn as string)) {
    throw invalidArn(path, prop, arn as string, kind, example);
  }
}

/** A partition segment of an ARN. @internal */
export const PARTITION = 'aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?';
/** A region segment of an ARN. @internal */
export const REGION = '[a-z]{2}(-[a-z]+)+-\\d+';

/** Throws when a KMS key of a literal region encrypts a resource of another literal region. @internal */
export function assertKeyRegion(path: string, prop: string, key: IKmsKey | undefined, region: string): void {
  if (key === undefined || Token.isUnresolved(key.region) || Token.isUnresolved(region) || key.region === undefined) {
    return;
  }
  if (key.region !== region) {
    throw kmsKeyRegionMismatch(path, prop, key.region, region);
  }
}
