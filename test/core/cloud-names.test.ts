import {
  isAwsAccountId, isAwsRegion, isGuid, isIamRoleName, isKeyVaultName, isKeyVaultObjectName, isSecretsManagerName, isSsmParameterName,
} from '../../lib/core';

describe('cloud name rules', () => {
  test('AWS account IDs and regions', () => {
    expect(['111122223333', '012345678901'].map(isAwsAccountId)).toEqual([true, true]);
    expect(['1111', '11112222333a'].map(isAwsAccountId)).toEqual([false, false]);
    expect(['eu-west-1', 'us-gov-west-1', 'cn-north-1', 'us-iso-east-1'].map(isAwsRegion)).toEqual([true, true, true, true]);
    expect(['Ireland', 'eu-west', 'EU-WEST-1'].map(isAwsRegion)).toEqual([false, false, false]);
  });

  test('Secrets Manager and Parameter Store names', () => {
    expect(['shop/prod/db', 'a+b=c.d@e_f-g'].map(isSecretsManagerName)).toEqual([true, true]);
    expect(['shop db', '', 'x'.repeat(513)].map(isSecretsManagerName)).toEqual([false, false, false]);
    expect(['/shop/flag', 'flag', '/a/b_c.d-e'].map(isSsmParameterName)).toEqual([true, true, true]);
    expect(['/aws/x', 'ssm-x', 'a/b', '/a//b', '/a/', `/${'a/'.repeat(16)}a`].map(isSsmParameterName)).toEqual([false, false, false, false, false, false]);
  });

  test('IAM role names', () => {
    expect(isIamRoleName('shop-prod-eso-controller')).toBe(true);
    expect(isIamRoleName('a'.repeat(65))).toBe(false);
    expect(isIamRoleName('has space')).toBe(false);
  });

  test('Key Vault names, object names and GUIDs', () => {
    expect(['shop-kv', 'a12', 'A'.repeat(24)].map(isKeyVaultName)).toEqual([true, true, true]);
    expect(['kv', '1shop', 'shop-', 'shop--kv', 'a'.repeat(25)].map(isKeyVaultName)).toEqual([false, false, false, false, false]);
    expect(['db-password', 'a'].map(isKeyVaultObjectName)).toEqual([true, true]);
    expect(['db_password', 'a'.repeat(128)].map(isKeyVaultObjectName)).toEqual([false, false]);
    expect(isGuid('00000000-0000-0000-0000-000000000001')).toBe(true);
    expect(isGuid('contoso')).toBe(false);
  });
});
