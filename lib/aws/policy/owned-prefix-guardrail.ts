/**
 * The service control policy that makes the `tag-and-prefix` grant form exact: only the deployer
 * creates secrets under the owned prefix, and only the deployer sets, changes or removes the grant tag
 * on any secret. Engine-free; attach it with AWS Organizations (it cannot be emitted into the
 * declaration's own stack: SCPs live in the organization's management account).
 */
import { isIamRoleArn } from '../../core/cloud-names';
import { GRANT_SET_TAG_KEY } from '../../core/declaration/backends/aws-grants';
import { awsPartition } from '../../core/declaration/names';
import type { DeclarationView } from '../../core/declaration/view';
import { guardrailWithoutOwnedPrefix, invalidGuardrailDeployers } from '../../core/errors';
import { normalizeStatement, policyDocument, PolicyDocumentJson, PolicyEffect } from './policy-document';

/** Options of {@link ownedPrefixGuardrailPolicy}. */
export interface OwnedPrefixGuardrailOptions {
  /** The declaration whose `aws.ownedSecretNamePrefix` is protected. */
  readonly declaration: Pick<DeclarationView, 'name' | 'aws'>;
  /** IAM roles that deploy the declaration (and so create and tag its secrets). */
  readonly deployerRoleArns: readonly string[];
}

/** Sids of the guardrail statements. */
export const GuardrailSids = {
  CREATE_UNDER_OWNED_PREFIX: 'OnlyDeployersCreateSecretsUnderOwnedPrefix',
  GRANT_TAG: 'OnlyDeployersSetOrRemoveGrantTag',
  WRITE_UNDER_OWNED_PATH: 'OnlyDeployersWriteParametersUnderOwnedPath',
} as const;

/**
 * The service control policy (Deny statements only) protecting a declaration's owned prefix, owned
 * parameter path and the library's grant tag: anyone but the deployer roles is denied `CreateSecret`
 * under the prefix and `ssm:PutParameter` under the path in every region of the account, and
 * `CreateSecret`, `TagResource` and `UntagResource` naming the grant tag key on any secret (tag keys
 * compared ignoring case, as IAM compares condition tag keys).
 */
export function ownedPrefixGuardrailPolicy(options: OwnedPrefixGuardrailOptions): PolicyDocumentJson {
  const path = options.declaration.name;
  const aws = options.declaration.aws;
  const prefix = aws?.ownedSecretNamePrefix;
  if (aws === undefined || prefix === undefined && aws.ownedParameterPath === undefined) {
    throw guardrailWithoutOwnedPrefix(path, 'aws.ownedSecretNamePrefix');
  }
  const deployers = options.deployerRoleArns as unknown;
  if (!Array.isArray(deployers) || deployers.length === 0 || deployers.some((d) => !isIamRoleArn(d as string))) {
    throw invalidGuardrailDeployers(path, 'deployerRoleArns', deployers);
  }
  const arnPartition = awsPartition(aws.region);
  const notDeployer = { ArnNotLike: { 'aws:PrincipalArn': [...options.deployerRoleArns] } };
  const parameterPath = aws.ownedParameterPath;
  return policyDocument([
    ...prefix === undefined ? [] : [normalizeStatement({
      Sid: GuardrailSids.CREATE_UNDER_OWNED_PREFIX, Effect: PolicyEffect.DENY, Action: ['secretsmanager:CreateSecret'],
      Resource: [`arn:${arnPartition}:secretsmanager:*:${aws.accountId}:secret:${prefix}*`], Condition: notDeployer,
    }, path, 'Statement[0]')],
    normalizeStatement({
      Sid: GuardrailSids.GRANT_TAG, Effect: PolicyEffect.DENY,
      Action: ['secretsmanager:CreateSecret', 'secretsmanager:TagResource', 'secretsmanager:UntagResource'],
      Resource: ['*'], Condition: { ...notDeployer, 'ForAnyValue:StringEqualsIgnoreCase': { 'aws:TagKeys': [GRANT_SET_TAG_KEY] } },
    }, path, 'Statement[1]'),
    ...parameterPath === undefined ? [] : [normalizeStatement({
      Sid: GuardrailSids.WRITE_UNDER_OWNED_PATH, Effect: PolicyEffect.DENY, Action: ['ssm:PutParameter'],
      Resource: [`arn:${arnPartition}:ssm:*:${aws.accountId}:parameter/${parameterPath.replace(/^\//, '')}*`], Condition: notDeployer,
    }, path, 'Statement[2]')],
  ]);
}
