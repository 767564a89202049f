import { TerraformVariable } from 'cdktf';
import { KmsKey } from '../../lib/aws/kms-key';
import { AccessPolicyCompiler, EsoPolicySids } from '../../lib/aws/policy/access-policy-compiler';
import { SecretValueSource } from '../../lib/aws/secret-value-source';
import { SsmParameterTier, SsmSecureParameter } from '../../lib/aws/ssm-secure-parameter';
import { findResource, literalEnv, makeStack, synth } from './util';

describe('SsmSecureParameter', () => {
  test('a SecureString whose value only goes through value_wo from a sensitive variable', () => {
    // GIVEN
    const stack = makeStack();
    const variable = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
    const key = KmsKey.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:111122223333:key/k');
    // WHEN
    const parameter = new SsmSecureParameter(stack, 'Param', {
      parameterName: '/team-a/api-token', value: SecretValueSource.fromSensitiveVariable(variable),
      encryptionKey: key, tier: SsmParameterTier.ADVANCED, tags: { team: 'a' }, environment: literalEnv(),
    });
    const json = synth(stack);
    // THEN
    const resource = findResource(json, 'aws_ssm_parameter');
    expect(resource).toEqual({
      name: '/team-a/api-token', type: 'SecureString', key_id: 'arn:aws:kms:eu-west-1:111122223333:key/k', tier: 'Advanced',
      tags: { team: 'a' }, value_wo: '${var.token}', value_wo_version: 1, region: 'eu-west-1',
    });
    expect(resource.value).toBeUndefined();
    expect(resource.insecure_value).toBeUndefined();
    expect(parameter.parameterArn).toBe('arn:aws:ssm:eu-west-1:111122223333:parameter/team-a/api-token');
  });

  test('grantRead: GetParameter(s) on the parameter, kms:Decrypt via SSM only', () => {
    // GIVEN
    const stack = makeStack();
    const key = KmsKey.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:111122223333:key/k');
    const parameter = SsmSecureParameter.fromParameterName(stack, 'Param', { parameterName: '/team-a/db', region: 'eu-west-1', account: '111122223333', kmsKey: key });
    const compiler = new AccessPolicyCompiler();
    // WHEN
    parameter.grantRead(compiler);
    const doc = compiler.compile();
    // THEN
    expect(doc.Statement.find((s) => s.Sid === EsoPolicySids.READ_PARAMETERS)!.Resource).toEqual(['arn:aws:ssm:eu-west-1:111122223333:parameter/team-a/db']);
    expect(doc.Statement.find((s) => s.Sid === EsoPolicySids.KMS_DECRYPT)!.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } });
  });

  test('fails on a hierarchical name without a leading slash', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new SsmSecureParameter(stack, 'Param', { parameterName: 'team-a/db', value: SecretValueSource.generatedPassword() }))
      .toThrow('[stack/Param] parameterName: received "team-a/db". Allowed: 1 to 1011 characters among letters, digits and _.-/; a name with "/" must start with "/" and have at most 15 levels; no "aws" or "ssm" prefix. Fix: use a path such as "/team-a/app/db-password".');
  });

  test('fails on a reserved aws prefix', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new SsmSecureParameter(stack, 'Param', { parameterName: '/aws/reference', value: SecretValueSource.generatedPassword() }))
      .toThrow('[stack/Param] parameterName: received "/aws/reference". Allowed: 1 to 1011 characters among letters, digits and _.-/; a name with "/" must start with "/" and have at most 15 levels; no "aws" or "ssm" prefix. Fix: use a path such as "/team-a/app/db-password".');
  });

  test('fails on a plaintext value', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new SsmSecureParameter(stack, 'Param', { parameterName: '/a/b', value: 's3cr3t' as unknown as SecretValueSource }))
      .toThrow('[stack/Param] value: received "<a plain string, value not shown>". Allowed: a SecretValueSource: SecretValueSource.fromSensitiveVariable(variable) or SecretValueSource.generatedPassword(options). Fix: never put a secret value in code: declare a sensitive TerraformVariable and pass SecretValueSource.fromSensitiveVariable(variable).');
  });
});
