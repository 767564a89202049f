/**
 * Cluster side of the Pod Identity example (cdk8s): two ClusterSecretStores without an auth block
 * (the ESO controller gets its credentials from the Pod Identity agent), the ExternalSecrets, and the
 * storefront Deployment that reads them (env vars and a volume) and rolls when they change. No service
 * account carries an `eks.amazonaws.com/role-arn` annotation.
 */
import { App, Chart } from 'cdk8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { addStorefront } from '../shared/storefront';
import { cluster, databaseCredentials, declaration, flags } from './declaration';

/** Adds the example's chart to a cdk8s app. */
export function addPodIdentityChart(app: App): Chart {
  const chart = new Chart(app, 'pod-identity');
  const platform = new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 },
  });

  const database = platform.externalSecret(databaseCredentials);
  const featureFlags = platform.externalSecret(flags);
  const storefront = addStorefront(chart, {
    namespace: databaseCredentials.namespace,
    envFrom: database,
    mount: { externalSecret: featureFlags, path: '/etc/storefront/flags' },
  });
  platform.reloadOnChange(storefront, [databaseCredentials, flags]);
  return chart;
}
