import { Duration } from '../../lib/core/duration';
import { KmsViaService } from '../../lib/aws/arns';
import { KMS_ROOT_STATEMENT_SID, KmsKey } from '../../lib/aws/kms-key';
import { AccessPolicyCompiler } from '../../lib/aws/policy/access-policy-compiler';
import { PolicyEffect } from '../../lib/aws/policy/policy-document';
import { findResource, literalEnv, makeStack, synth } from './util';

describe('KmsKey', () => {
  test('rotation on, deletion window, alias, and the account root statement always first', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const key = new KmsKey(stack, 'Key', {
      alias: 'alias/eso/secrets',
      deletionWindow: Duration.days(10),
      rotationPeriod: Duration.days(180),
      policyStatements: [{ Sid: 'Auditors', Effect: PolicyEffect.ALLOW, Principal: { AWS: 'arn:aws:iam::111122223333:role/audit' }, Action: ['kms:DescribeKey'], Resource: ['*'] }],
      environment: literalEnv(),
    });
    key.addToKeyPolicy({ Sid: 'More', Effect: PolicyEffect.ALLOW, Principal: { AWS: 'arn:aws:iam::111122223333:role/x' }, Action: ['kms:ListAliases'], Resource: ['*'] });
    const json = synth(stack);
    // THEN
    const resource = findResource(json, 'aws_kms_key');
    expect(resource).toMatchObject({ enable_key_rotation: true, rotation_period_in_days: 180, deletion_window_in_days: 10, region: 'eu-west-1' });
    const policy = JSON.parse(resource.policy);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([KMS_ROOT_STATEMENT_SID, 'Auditors', 'More']);
    expect(policy.Statement[0]).toEqual({
      Sid: 'EnableAccountRootAdministrationPreventsLockout', Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['kms:*'], Resource: ['*'],
    });
    expect(findResource(json, 'aws_kms_alias').name).toBe('alias/eso/secrets');
  });

  test('defaults: 30-day deletion window, 365-day rotation', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    new KmsKey(stack, 'Key', { environment: literalEnv() });
    const json = synth(stack);
    // THEN
    expect(findResource(json, 'aws_kms_key')).toMatchObject({ enable_key_rotation: true, rotation_period_in_days: 365, deletion_window_in_days: 30 });
  });

  test('grantDecrypt is conditioned on kms:ViaService', () => {
    // GIVEN
    const stack = makeStack();
    const key = KmsKey.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-central-1:111122223333:key/k');
    const compiler = new AccessPolicyCompiler();
    // WHEN
    key.grantDecrypt(compiler, { viaService: KmsViaService.SSM });
    // THEN
    expect(compiler.compile().Statement).toEqual([{
      Sid: 'KmsDecryptOnlyViaService', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['arn:aws:kms:eu-central-1:111122223333:key/k'],
      Condition: { StringEquals: { 'kms:ViaService': 'ssm.eu-central-1.amazonaws.com' } },
    }]);
  });

  test('fails on a deletion window out of range', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new KmsKey(stack, 'Key', { deletionWindow: Duration.days(45) }))
      .toThrow('[stack/Key] deletionWindow: received 45. Allowed: a whole number of days from 7 to 30. Fix: pass Duration.days(n) with 7 <= n <= 30.');
  });

  test('fails on a rotation period out of range', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new KmsKey(stack, 'Key', { rotationPeriod: Duration.days(30) }))
      .toThrow('[stack/Key] rotationPeriod: received 30. Allowed: a whole number of days from 90 to 2560. Fix: pass Duration.days(n) with 90 <= n <= 2560 (365 is the AWS default).');
  });

  test('fails on an alias in the reserved aws/ namespace', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new KmsKey(stack, 'Key', { alias: 'alias/aws/secretsmanager' }))
      .toThrow('[stack/Key] alias: received "alias/aws/secretsmanager". Allowed: "alias/" followed by 1 to 250 characters among letters, digits and /_-, not starting with "alias/aws/". Fix: for example "alias/eso/secrets".');
  });
});
