/**
 * UDS hardened: the hardened-images platform delivered to an air-gapped cluster as a Zarf package
 * for UDS Core. ESO runs the Iron Bank image pinned by digest (Zarf mirrors it into the cluster's
 * registry and rewrites the reference, so no pull secret is synced here); the mission application
 * reads its database credentials from AWS Secrets Manager (GovCloud) and is restarted by UDS Core's
 * own pod reload when they rotate, so Stakater Reloader is not installed.
 *
 * This module is engine-free: the cdktf app (tf.ts), the cdk8s app (k8s.ts) and the Zarf package
 * (zarf.ts) import it.
 */
import { Duration, InitialValue, SecretBackend, SecretsDeclaration } from '../../lib/core';

/** Namespace of the mission application. */
export const MISSION_NAMESPACE = 'mission';

/** Pod label the UDS pod reload selector narrows restarts to. */
export const MISSION_POD_LABELS = { 'app.kubernetes.io/name': 'mission-api' } as const;

export const declaration = new SecretsDeclaration({
  name: 'uds-mission',
  aws: { accountId: '111122223333', region: 'us-gov-west-1' },
});

export const cluster = declaration.addEksCluster('airgap', {
  clusterName: 'uds-airgap',
  oidcIssuerUrl: 'https://oidc.eks.us-gov-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
});

const secretsKey = declaration.addKmsKey('secrets', { alias: 'uds/secrets' });

/** The rotating database credentials of the mission application. */
export const database = declaration.addSecretsManagerSecret('database', {
  name: 'mission/prod/database',
  description: 'Mission API database credentials',
  kmsKey: secretsKey,
  properties: ['username', 'password'],
  initialValue: InitialValue.sensitiveVariable('mission_database_credentials'),
});

export const store = declaration.addAwsStore('secrets-manager', {
  name: 'mission-secrets-manager',
  service: SecretBackend.AWS_SECRETS_MANAGER,
});

/** Read by the `mission-api` Deployment; UDS Core restarts it when the Secret changes. */
export const missionDatabase = declaration.addExternalSecret('mission-database', {
  name: 'mission-api-database',
  namespace: MISSION_NAMESPACE,
  store,
  refreshInterval: Duration.minutes(15),
  data: [
    { secretKey: 'DB_USER', secret: database, property: 'username' },
    { secretKey: 'DB_PASSWORD', secret: database, property: 'password' },
  ],
});
