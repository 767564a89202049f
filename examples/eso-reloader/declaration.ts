/**
 * ESO + Reloader rolling restart: a rotating Secrets Manager secret feeds two Deployments' environment.
 * When Secrets Manager rotates the secret, ESO refreshes both Kubernetes Secrets within 5 minutes and
 * Reloader rolls each Deployment (one wired in LIST mode, one in SEARCH mode).
 *
 * Rotation itself (the rotation Lambda and its schedule) is not expressible in the declaration layer:
 * tf.ts adds it on the rendered secret. See README.md for the whole flow.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import {
  Duration, InitialValue, SecretBackend, SecretsDeclaration,
} from '../../lib/core';

/** Namespace of the ledger workloads and their Secrets. */
export const LEDGER_NAMESPACE = 'ledger';

/** How often ESO re-reads the rotating secret: the upper bound between a rotation and the restart. */
export const REFRESH_INTERVAL = Duration.minutes(5);

export const declaration = new SecretsDeclaration({
  name: 'ledger-rotation',
  aws: { accountId: '111122223333', region: 'eu-west-1' },
});

export const cluster = declaration.addEksCluster('prod', {
  clusterName: 'ledger-prod',
  oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
});

const secretsKey = declaration.addKmsKey('secrets', { alias: 'ledger/secrets' });

/** The rotation Lambda (deployed separately, e.g. the SecretsManagerRDSPostgreSQLRotationSingleUser application). */
export const ROTATION_LAMBDA_ARN = 'arn:aws:lambda:eu-west-1:111122223333:function:ledger-database-rotation';

/** The rotation Lambda's execution role: the declaration grants it exactly what rotating the secret needs. */
export const ROTATION_FUNCTION_ROLE = 'ledger-database-rotation';

/** The rotating database credentials: Secrets Manager rotates them every 7 days. */
export const database = declaration.addSecretsManagerSecret('database', {
  name: 'ledger/prod/database',
  description: 'Ledger database credentials, rotated by a Secrets Manager rotation Lambda',
  kmsKey: secretsKey,
  properties: ['engine', 'host', 'port', 'username', 'password', 'dbname'],
  initialValue: InitialValue.sensitiveVariable('ledger_database_credentials'),
  rotation: { rotationLambdaArn: ROTATION_LAMBDA_ARN, afterDays: 7, functionRoleName: ROTATION_FUNCTION_ROLE },
});

export const store = declaration.addAwsStore('secrets-manager', {
  name: 'ledger-secrets-manager',
  service: SecretBackend.AWS_SECRETS_MANAGER,
});

/** Read by the `ledger-api` Deployment, wired to Reloader in LIST mode. */
export const apiDatabase = declaration.addExternalSecret('api-database', {
  name: 'ledger-api-database',
  namespace: LEDGER_NAMESPACE,
  store,
  refreshInterval: REFRESH_INTERVAL,
  data: [
    { secretKey: 'DB_HOST', secret: database, property: 'host' },
    { secretKey: 'DB_PORT', secret: database, property: 'port' },
    { secretKey: 'DB_USER', secret: database, property: 'username' },
    { secretKey: 'DB_PASSWORD', secret: database, property: 'password' },
  ],
  workloads: ['ledger-api'],
});

/** Read by the `ledger-worker` Deployment, wired to Reloader in SEARCH mode. */
export const workerDatabase = declaration.addExternalSecret('worker-database', {
  name: 'ledger-worker-database',
  namespace: LEDGER_NAMESPACE,
  store,
  refreshInterval: REFRESH_INTERVAL,
  data: [
    { secretKey: 'DB_HOST', secret: database, property: 'host' },
    { secretKey: 'DB_USER', secret: database, property: 'username' },
    { secretKey: 'DB_PASSWORD', secret: database, property: 'password' },
  ],
  workloads: ['ledger-worker'],
});
