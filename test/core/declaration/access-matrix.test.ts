import { Duration, renderAccessMatrix, SecretBackend, SecretsDeclaration } from '../../../lib/core';

describe('renderAccessMatrix', () => {
  // GIVEN one IRSA cluster, a CMK-encrypted secret read by one ExternalSecret, a find and a push
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const key = declaration.addKmsKey('k', { alias: 'shop/secrets' });
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
  const pushed = declaration.addSecretsManagerSecret('pushed', { name: 'shop/pushed' });
  const store = declaration.addAwsStore('sm', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addExternalSecret('db', { name: 'db', namespace: 'shop', store, targetSecretName: 'db-env', refreshInterval: Duration.minutes(5), data: [{ secretKey: 'p', secret: db }] });
  declaration.addExternalSecret('flags', { name: 'flags', namespace: 'shop', store, find: [{ nameRegexp: 'shop/pu.*' }] });
  declaration.addPushSecret('push', { name: 'push', namespace: 'shop', store, sourceSecretName: 'generated', destination: pushed });

  // WHEN
  const lines = renderAccessMatrix(declaration).split('\n');

  test('lists who reads what, per cluster and namespace', () => {
    expect(lines).toContain('| prod | shop | db → db-env | aws | role shop-prod-eso-controller | `shop/db` |');
    expect(lines).toContain('| prod | shop | flags → flags | aws | role shop-prod-eso-controller | find `name ~ shop/pu.*` |');
  });

  test('lists each identity with its trust, reads (with the KMS condition), finds and writes', () => {
    expect(lines).toContain('| role shop-prod-eso-controller | AWS web identity (IRSA; :sub and :aud pinned) | external-secrets:external-secrets | prod | ' +
      '`shop/db` (GetSecretValue, DescribeSecret; kms:Decrypt on shop/secrets via secretsmanager only)<br>' +
      'find `name ~ shop/pu.*`: ListSecrets and BatchGetSecretValue on *, then `shop/pushed` | ' +
      '`shop/pushed` (CreateSecret, PutSecretValue, TagResource; DeleteSecret only if tagged managed-by) |');
  });

  test('draws namespace → store → identity → secret, with write edges for pushes', () => {
    expect(lines).toEqual(expect.arrayContaining([
      '```mermaid',
      '  ns_prod_shop["namespace shop (prod)"] --> store_sm["store aws"]',
      '  store_sm["store aws"] --> id_controller_prod["role shop-prod-eso-controller"]',
      '  id_controller_prod["role shop-prod-eso-controller"] -->|read| secret_db["shop/db"]',
      '  id_controller_prod["role shop-prod-eso-controller"] -->|write| secret_pushed["shop/pushed"]',
    ]));
  });
});
