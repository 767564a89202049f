/**
 * Cluster side of the AWS-only example (cdk8s): the ClusterSecretStore, the ExternalSecrets, and the
 * storefront Deployment that reads them (env vars and a volume) and rolls when they change.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SecretsPlatformManifests } from '../../lib/platform';
import { cluster, databaseCredentials, declaration, paymentsCredentials } from './declaration';

/** Adds the example's chart to a cdk8s app. */
export function addAwsOnlyChart(app: App): Chart {
  const chart = new Chart(app, 'aws-only');
  const platform = new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 },
  });

  const database = platform.externalSecret(databaseCredentials);
  const payments = platform.externalSecret(paymentsCredentials);
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
  container.mount('/var/run/secrets/payments', kplus.Volume.fromSecret(chart, 'payments-volume', payments.secret), { readOnly: true });
  platform.reloadOnChange(storefront, [databaseCredentials, paymentsCredentials]);
  return chart;
}
