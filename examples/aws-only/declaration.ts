/**
 * AWS-only: Secrets Manager secrets encrypted with a customer-managed key, IRSA for the ESO
 * controller, one ClusterSecretStore, ExternalSecrets consumed by an app Deployment, and an EKS
 * cluster whose Kubernetes Secrets are envelope-encrypted with a rotating CMK. Outside the cluster, the
 * payments webhook Lambda reads the payments API key at runtime with the same compiled grant.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import {
  AwsComputeService, AwsConsumerRole, Duration, InitialValue, SecretBackend, SecretsDeclaration,
} from '../../lib/core';

export const declaration = new SecretsDeclaration({
  name: 'shop',
  aws: { accountId: '111122223333', region: 'eu-west-1' },
});

export const cluster = declaration.addEksCluster('prod', {
  clusterName: 'shop-prod',
  oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
});

const secretsKey = declaration.addKmsKey('secrets', { alias: 'shop/secrets' });

export const database = declaration.addSecretsManagerSecret('database', {
  name: 'shop/prod/database',
  description: 'Storefront database credentials',
  kmsKey: secretsKey,
  properties: ['username', 'password', 'host'],
  initialValue: InitialValue.sensitiveVariable('shop_database_credentials'),
});

export const paymentsApiKey = declaration.addSecretsManagerSecret('payments-api-key', {
  name: 'shop/prod/payments-api-key',
  kmsKey: secretsKey,
  initialValue: InitialValue.generatedPassword({ length: 40, excludeCharacters: '"@/\\' }),
});

export const store = declaration.addAwsStore('secrets-manager', {
  name: 'aws-secrets-manager',
  service: SecretBackend.AWS_SECRETS_MANAGER,
});

export const databaseCredentials = declaration.addExternalSecret('database-credentials', {
  name: 'database-credentials',
  namespace: 'storefront',
  store,
  refreshInterval: Duration.hours(1),
  data: [
    { secretKey: 'DB_USER', secret: database, property: 'username' },
    { secretKey: 'DB_PASSWORD', secret: database, property: 'password' },
    { secretKey: 'DB_HOST', secret: database, property: 'host' },
  ],
  workloads: ['storefront'],
});

export const paymentsCredentials = declaration.addExternalSecret('payments-api-key', {
  name: 'payments-api-key',
  namespace: 'storefront',
  store,
  refreshInterval: Duration.minutes(15),
  data: [{ secretKey: 'api-key', secret: paymentsApiKey }],
  workloads: ['storefront'],
});

/**
 * The payments webhook Lambda reads the API key at runtime: its execution role is created here
 * (trusted by lambda.amazonaws.com only) with exactly the read of that secret, KMS via Secrets Manager.
 */
export const paymentsWebhook = declaration.addAwsConsumer('payments-webhook', {
  role: AwsConsumerRole.create(AwsComputeService.LAMBDA),
  secrets: [paymentsApiKey],
});

/**
 * The storefront's session-signing key is generated in the cluster by ESO's Password generator: no
 * store, no identity, no grant, and nothing in AWS. Generated once (refreshInterval zero): a new key
 * would log every user out.
 */
const sessionKeyGenerator = declaration.addPasswordGenerator('session-key', {
  name: 'storefront-session-key', length: 64, digits: 10, symbols: 0, allowRepeat: true,
});

export const sessionKey = declaration.addGeneratedSecret('session-key', {
  name: 'storefront-session',
  namespace: 'storefront',
  clusters: [cluster],
  generated: [{ generator: sessionKeyGenerator, secretKey: 'SESSION_SECRET' }],
});
