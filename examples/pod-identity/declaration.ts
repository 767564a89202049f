/**
 * The AWS-only architecture with EKS Pod Identity instead of IRSA: the controller role trusts
 * `pods.eks.amazonaws.com`, an association binds it to the ESO controller's service account, the
 * store has no auth block and no service account carries a role annotation.
 */
import {
  AwsIdentityMode, Duration, InitialValue, SecretBackend, SecretsDeclaration,
} from '../../lib/core';

export const declaration = new SecretsDeclaration({
  name: 'shop-pi',
  aws: { accountId: '111122223333', region: 'eu-west-1' },
});

export const cluster = declaration.addEksCluster('prod', {
  clusterName: 'shop-pi-prod',
  identityMode: AwsIdentityMode.POD_IDENTITY,
});

const secretsKey = declaration.addKmsKey('secrets', { alias: 'shop-pi/secrets' });

export const database = declaration.addSecretsManagerSecret('database', {
  name: 'shop-pi/prod/database',
  kmsKey: secretsKey,
  properties: ['username', 'password'],
});

export const featureFlags = declaration.addParameter('feature-flags', {
  name: '/shop-pi/prod/feature-flags',
  kmsKey: secretsKey,
  initialValue: InitialValue.sensitiveVariable('shop_pi_feature_flags'),
});

export const secretsManager = declaration.addAwsStore('secrets-manager', {
  name: 'aws-secrets-manager',
  service: SecretBackend.AWS_SECRETS_MANAGER,
});

export const parameterStore = declaration.addAwsStore('parameter-store', {
  name: 'aws-parameter-store',
  service: SecretBackend.AWS_PARAMETER_STORE,
});

export const databaseCredentials = declaration.addExternalSecret('database-credentials', {
  name: 'database-credentials',
  namespace: 'storefront',
  store: secretsManager,
  refreshInterval: Duration.hours(1),
  data: [
    { secretKey: 'DB_USER', secret: database, property: 'username' },
    { secretKey: 'DB_PASSWORD', secret: database, property: 'password' },
  ],
  workloads: ['storefront'],
});

export const flags = declaration.addExternalSecret('feature-flags', {
  name: 'feature-flags',
  namespace: 'storefront',
  store: parameterStore,
  data: [{ secretKey: 'flags.json', secret: featureFlags }],
  workloads: ['storefront'],
});
