// platform.ts — engine-free: no cdktf or cdk8s objects
import { Duration, InitialValue, SecretBackend, SecretsDeclaration } from 'cdk-external-secrets/core';

export const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
export const prod = declaration.addEksCluster('prod', {
  clusterName: 'shop-prod',
  oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
});
const key = declaration.addKmsKey('secrets', { alias: 'shop/secrets' });
const db = declaration.addSecretsManagerSecret('db', {
  name: 'shop/prod/db', kmsKey: key, properties: ['username', 'password'],
  initialValue: InitialValue.sensitiveVariable('shop_db'),   // TF_VAR_shop_db at apply time; never a literal
});
const store = declaration.addAwsStore('sm', { name: 'aws-secrets-manager', service: SecretBackend.AWS_SECRETS_MANAGER });
export const dbCredentials = declaration.addExternalSecret('db', {
  name: 'db-credentials', namespace: 'shop', store, refreshInterval: Duration.minutes(15),
  data: [{ secretKey: 'DB_PASSWORD', secret: db, property: 'password' }],
});
