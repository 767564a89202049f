/**
 * Cluster side of the bootstrap-credentials example (cdk8s): the two ClusterSecretStores (admitting
 * only `crossplane-system`), the AWS store's service account annotated with the role ARN the cloud
 * side creates, and the two ExternalSecrets that write each Crossplane provider's credentials file.
 * The Crossplane ProviderConfigs reference `<secret>/credentials` (source `Secret`).
 */
import { App, Chart } from 'cdk8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { cluster, declaration } from './declaration';

/** Adds the example's chart to a cdk8s app. */
export function addBootstrapCredentialsChart(app: App): Chart {
  const chart = new Chart(app, 'bootstrap-credentials');
  new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 },
  });
  return chart;
}
