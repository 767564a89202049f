/**
 * Cluster side of the Azure-only example (cdk8s): the ClusterSecretStore (admitting only the
 * `payments` and `ledger` namespaces), the ExternalSecrets in both namespaces, and the two workloads
 * that read them and roll when they change.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { cluster, declaration, ledgerCredentials, paymentsDatabase } from './declaration';

/** Adds the example's chart to a cdk8s app. */
export function addAzureOnlyChart(app: App): Chart {
  const chart = new Chart(app, 'azure-only');
  const platform = new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 },
  });

  const api = workload(chart, 'payments-api', paymentsDatabase.namespace, 'ghcr.io/example/payments-api:2.3.0');
  api.container.env.copyFrom(kplus.Env.fromSecret(platform.externalSecret(paymentsDatabase).secret));
  platform.reloadOnChange(api.deployment, [paymentsDatabase]);

  const worker = workload(chart, 'ledger-worker', ledgerCredentials.namespace, 'ghcr.io/example/ledger-worker:0.9.1');
  worker.container.mount('/var/run/secrets/ledger',
    kplus.Volume.fromSecret(chart, 'ledger-api-key-volume', platform.externalSecret(ledgerCredentials).secret), { readOnly: true });
  platform.reloadOnChange(worker.deployment, [ledgerCredentials]);
  return chart;
}

function workload(chart: Chart, name: string, namespace: string, image: string): { deployment: kplus.Deployment; container: kplus.Container } {
  const deployment = new kplus.Deployment(chart, name, {
    metadata: { name, namespace },
    replicas: 2,
    securityContext: { ensureNonRoot: true },
  });
  const container = deployment.addContainer({
    name,
    image,
    portNumber: 8080,
    securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, user: 10001 },
    resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128) } },
  });
  return { deployment, container };
}
