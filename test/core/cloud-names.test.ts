import {
  gcpRegionOf, isGcpKmsLocation, isGcpKmsName, isGcpLabelKey, isGcpLabelValue, isGcpProjectId, isGcpProjectNumber, isGcpRegion,
  isGcpSecretId, isGcpZone, isGoogleServiceAccountId, isWorkloadIdentityPoolId,
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

  test('Google Cloud project IDs and numbers', () => {
    expect(['shop-prod', 'a12345', `a${'b'.repeat(29)}`].map(isGcpProjectId)).toEqual([true, true, true]);
    expect(['shop', 'Shop-prod', 'shop-prod-', '1shop-prod', `a${'b'.repeat(30)}`].map(isGcpProjectId)).toEqual([false, false, false, false, false]);
    expect(['123456789012', '1'].map(isGcpProjectNumber)).toEqual([true, true]);
    expect(['0123', 'shop-prod', '', '12345678901234567890'].map(isGcpProjectNumber)).toEqual([false, false, false, false]);
  });

  test('Secret Manager secret IDs, label keys and values', () => {
    expect(['netbox-db', 'NETBOX_DB_1', 'a'.repeat(255)].map(isGcpSecretId)).toEqual([true, true, true]);
    expect(['netbox/db', 'netbox.db', '', 'a'.repeat(256)].map(isGcpSecretId)).toEqual([false, false, false, false]);
    expect(['team', 'cost-center_1', 'équipe', 'a'.repeat(63)].map(isGcpLabelKey)).toEqual([true, true, true, true]);
    expect(['Team', '1team', '', 'app.kubernetes.io/name', 'a'.repeat(64), '日'.repeat(50)].map(isGcpLabelKey)).toEqual([false, false, false, false, false, false]);
    expect(['', 'netbox', '1-2_3'].map(isGcpLabelValue)).toEqual([true, true, true]);
    expect(['NetBox', 'a b', 'a'.repeat(64)].map(isGcpLabelValue)).toEqual([false, false, false]);
  });

  test('Google Cloud regions, zones and Cloud KMS locations', () => {
    expect(['europe-west1', 'us-central1', 'northamerica-northeast2'].map(isGcpRegion)).toEqual([true, true, true]);
    expect(['europe-west1-b', 'Europe', 'global'].map(isGcpRegion)).toEqual([false, false, false]);
    expect(['europe-west1-b'].map(isGcpZone)).toEqual([true]);
    expect(['europe-west1', 'europe-west1-bb'].map(isGcpZone)).toEqual([false, false]);
    expect(gcpRegionOf('europe-west1-b')).toBe('europe-west1');
    expect(gcpRegionOf('europe-west1')).toBe('europe-west1');
    expect(['global', 'europe', 'eur4', 'nam4', 'europe-west1'].map(isGcpKmsLocation)).toEqual([true, true, true, true, true]);
    expect(['mars', 'europe-west1-b'].map(isGcpKmsLocation)).toEqual([false, false]);
  });

  test('Google service account IDs, workload identity pool IDs and Cloud KMS names', () => {
    expect(['eso-netbox', 'a12345'].map(isGoogleServiceAccountId)).toEqual([true, true]);
    expect(['eso', 'Eso-netbox', 'eso-netbox-', '1eso-netbox'].map(isGoogleServiceAccountId)).toEqual([false, false, false, false]);
    expect(['onprem-rke2', 'kubernetes', '1234'].map(isWorkloadIdentityPoolId)).toEqual([true, true, true]);
    expect(['gcp-pool', 'k8s', 'OnPrem', 'a'.repeat(33)].map(isWorkloadIdentityPoolId)).toEqual([false, false, false, false]);
    expect(['gke-secrets', 'GKE_1'].map(isGcpKmsName)).toEqual([true, true]);
    expect(['gke secrets', '', 'a'.repeat(64)].map(isGcpKmsName)).toEqual([false, false, false]);
  });
});
