/**
 * Bare cdktf variant: the same resources as SecretsPlatformInfrastructure, built with raw
 * @cdktf/provider-aws resources (deep imports) and hand-built JSON policies, straight from the spec.
 * Construct ids mirror the library's tree, so logical ids match and outputs compare one to one.
 */
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { accessPolicy, buildModel, KEY_POLICY, oidcProviderTags, secretGrantTags, secretTags, TAGS, trustPolicy } from './model';
import { NAME, REGION, Spec } from './spec';

/** Adds the workload's resources to a stack, under a `platform` scope. */
export function addBareResources(stack: TerraformStack, spec: Spec): void {
  const model = buildModel(spec);
  const scope = new Construct(stack, 'platform');
  const keyArns = spec.keys.map((alias, i) => {
    const holder = new Construct(scope, `KmsKey-key-${i}`);
    const key = new KmsKey(holder, 'Resource', {
      description: `Encrypts ${alias} secrets read by External Secrets Operator`,
      enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30,
      policy: JSON.stringify(KEY_POLICY), region: REGION, tags: { ...TAGS },
    });
    new KmsAlias(holder, 'Alias', { name: `alias/${alias}`, targetKeyId: key.keyId, region: REGION });
    return key.arn;
  });
  const grantTags = secretGrantTags(model);
  for (const secret of spec.secrets) {
    new SecretsmanagerSecret(new Construct(scope, `Secret-${secret.id}`), 'Resource', {
      name: secret.name, kmsKeyId: secret.key !== undefined ? keyArns[secret.key] : undefined,
      recoveryWindowInDays: 30, region: REGION, tags: secretTags(secret, grantTags),
    });
  }
  const providerArns = new Map<string, string>(spec.clusters.map((c) => [c.id, new IamOpenidConnectProvider(scope, `OidcProvider-${c.id}`, {
    url: c.issuer, clientIdList: ['sts.amazonaws.com'], tags: oidcProviderTags(c),
  }).arn]));
  for (const identity of model.identities) {
    const holder = new Construct(scope, `Identity-${identity.id}`);
    const role = new IamRole(holder, 'Resource', {
      name: identity.roleName,
      description: `External Secrets Operator: ${identity.id} of ${NAME} (${identity.serviceAccount.namespace}:${identity.serviceAccount.name})`,
      tags: { ...TAGS },
      assumeRolePolicy: JSON.stringify(trustPolicy(identity, (id) => providerArns.get(id)!)),
    });
    new IamRolePolicy(new Construct(holder, 'AccessPolicy'), 'Resource', {
      name: `platform-Identity-${identity.id}-AccessPolicy`, role: role.name,
      policy: JSON.stringify(accessPolicy(identity, (i) => keyArns[i])),
    });
    new TerraformOutput(scope, `RoleArn-${identity.id}`, { value: role.arn, description: `IAM role of ESO identity ${identity.id}` })
      .overrideLogicalId(`eso_role_arn_${identity.id.replace(/-/g, '_')}`);
  }
}
