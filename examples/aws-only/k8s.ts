/**
 * Cluster side of the AWS-only example (cdk8s): the ClusterSecretStore, the ExternalSecrets (one of them
 * a generated session key, without a store), and the storefront Deployment that reads them (env vars and
 * a volume) and rolls when they change.
 */
import { App, Chart } from 'cdk8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { addStorefront } from '../shared/storefront';
import { cluster, databaseCredentials, declaration, paymentsCredentials, sessionKey } from './declaration';

/** Adds the example's chart to a cdk8s app. */
export function addAwsOnlyChart(app: App): Chart {
  const chart = new Chart(app, 'aws-only');
  const platform = new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 },
  });

  const database = platform.externalSecret(databaseCredentials);
  const payments = platform.externalSecret(paymentsCredentials);
  const storefront = addStorefront(chart, {
    namespace: databaseCredentials.namespace,
    envFrom: database,
    mount: { externalSecret: payments, path: '/var/run/secrets/payments' },
  });
  // The session key is generated once in the cluster (no store): read from its Secret like any other.
  storefront.containers[0].env.addVariable('SESSION_SECRET', platform.generatedSecret(sessionKey).envValue('SESSION_SECRET'));
  platform.reloadOnChange(storefront, [databaseCredentials, paymentsCredentials]);
  return chart;
}
