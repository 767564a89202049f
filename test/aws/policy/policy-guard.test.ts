import { assertNoWildcardDataPlane, isEveryResource, matchDataPlaneAction } from '../../../lib/aws/policy/policy-guard';
import { PolicyEffect } from '../../../lib/aws/policy/policy-document';

describe('policy guard', () => {
  test('matches data-plane actions through wildcards, case-insensitively', () => {
    // GIVEN / WHEN / THEN
    expect(matchDataPlaneAction('secretsmanager:GetSecretValue')).toBe('secretsmanager:GetSecretValue');
    expect(matchDataPlaneAction('ssm:getparameter*')).toBe('ssm:GetParameter');
    expect(matchDataPlaneAction('kms:*')).toBe('kms:Decrypt');
    expect(matchDataPlaneAction('*')).toBe('kms:Decrypt');
    expect(matchDataPlaneAction('secretsmanager:ListSecrets')).toBeUndefined();
    expect(matchDataPlaneAction('secretsmanager:BatchGetSecretValue')).toBeUndefined();
  });

  test('recognizes resources that mean every secret, parameter or key', () => {
    // GIVEN / WHEN / THEN
    expect(isEveryResource('*')).toBe(true);
    expect(isEveryResource('arn:aws:secretsmanager:eu-west-1:111122223333:secret:*')).toBe(true);
    expect(isEveryResource('arn:*:ssm:*:*:parameter/*')).toBe(true);
    expect(isEveryResource('arn:aws:kms:*:*:key/*')).toBe(true);
    expect(isEveryResource('arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*')).toBe(false);
    expect(isEveryResource('arn:aws:ssm:eu-west-1:111122223333:parameter/team-a/*')).toBe(false);
  });

  test('Deny statements and non-data-plane wildcards pass', () => {
    // GIVEN / WHEN / THEN
    expect(() => assertNoWildcardDataPlane({ Effect: PolicyEffect.DENY, Action: ['kms:Decrypt'], Resource: ['*'] }, 'p', 's')).not.toThrow();
    expect(() => assertNoWildcardDataPlane({ Effect: PolicyEffect.ALLOW, Action: ['secretsmanager:ListSecrets'], Resource: ['*'] }, 'p', 's')).not.toThrow();
  });

  test('fails on kms:Decrypt on every key', () => {
    // GIVEN / WHEN / THEN
    expect(() => assertNoWildcardDataPlane({ Effect: PolicyEffect.ALLOW, Action: ['kms:Decrypt'], Resource: ['arn:aws:kms:eu-west-1:111122223333:key/*'] }, 'root/role', 'Statement[2]'))
      .toThrow('[root/role] Statement[2]: received {"action":"kms:Decrypt","resource":"arn:aws:kms:eu-west-1:111122223333:key/*"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on "*", ":secret:*", "parameter/*" or "key/*". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as "arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*".');
  });

  test('fails on a data-plane statement without Resource', () => {
    // GIVEN / WHEN / THEN
    expect(() => assertNoWildcardDataPlane({ Effect: PolicyEffect.ALLOW, Action: ['ssm:GetParameters'] }, 'p', 's'))
      .toThrow('[p] s: received {"action":"ssm:GetParameters","resource":"*"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on "*", ":secret:*", "parameter/*" or "key/*". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as "arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*".');
  });
});
