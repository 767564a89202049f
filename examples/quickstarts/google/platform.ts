// platform.ts — engine-free: no cdktf or cdk8s objects
import { Duration, SecretsDeclaration } from 'cdk-external-secrets/core';

export const PROJECT = { projectId: 'shop-prod-4711', projectNumber: '314159265358' };
export const declaration = new SecretsDeclaration({ name: 'shop', gcp: PROJECT });
export const prod = declaration.addGkeCluster('prod', { clusterName: 'gke-shop-prod', projectId: PROJECT.projectId, location: 'europe-west1' });
const db = declaration.addGoogleSecret('db', { name: 'shop-db', replicaLocations: ['europe-west1'] });
const store = declaration.addGoogleSecretManagerStore('gsm', { name: 'google-secret-manager' });
export const dbCredentials = declaration.addExternalSecret('db', {
  name: 'db-credentials', namespace: 'shop', store, refreshInterval: Duration.minutes(15),
  data: [{ secretKey: 'DB_PASSWORD', secret: db }],
});
