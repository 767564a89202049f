/**
 * Cluster side of the Pod Identity example (cdk8s): two ClusterSecretStores without an auth block
 * (the ESO controller gets its credentials from the Pod Identity agent), the ExternalSecrets, and the
 * storefront Deployment that reads them (env vars and a volume) and rolls when they change. No service
 * account carries an `eks.amazonaws.com/role-arn` annotation.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SecretsPlatformManifests } from '../../lib/platform';
import { cluster, databaseCredentials, declaration, flags } from './declaration';

/** Adds the example's chart to a cdk8s app. */
export function addPodIdentityChart(app: App): Chart {
  const chart = new Chart(app, 'pod-identity');
  const platform = new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 },
  });

  const database = platform.externalSecret(databaseCredentials);
  const featureFlags = platform.externalSecret(flags);
  const storefront = new kplus.Deployment(chart, 'storefront', {
    metadata: { name: 'storefront', namespace: databaseCredentials.namespace },
    replicas: 2,
    securityContext: { ensureNonRoot: true },
  });
  const container = storefront.addContainer({
    name: 'storefront',
    image: 'ghcr.io/example/storefront:1.4.2',
    portNumber: 8080,
    securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, user: 10001 },
    resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128) } },
  });
  container.env.copyFrom(kplus.Env.fromSecret(database.secret));
  container.mount('/etc/storefront/flags', kplus.Volume.fromSecret(chart, 'feature-flags-volume', featureFlags.secret), { readOnly: true });
  platform.reloadOnChange(storefront, [databaseCredentials, flags]);
  return chart;
}
