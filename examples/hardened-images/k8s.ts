/**
 * Cluster side of the hardened-images example (cdk8s): the ClusterSecretStore (admitting only the ESO
 * and Reloader namespaces) and the two ExternalSecrets that render the registry credentials as
 * `kubernetes.io/dockerconfigjson` Secrets named `registry1-pull`.
 *
 * Argo CD sync waves: the ESO release (Terraform) comes first; then the Reloader namespace and the
 * store (wave 1) and the ExternalSecrets (wave 2).
 */
import { App, Chart } from 'cdk8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { cluster, declaration } from './declaration';

/** Argo CD sync waves of the example's objects. */
export const SYNC_WAVES = { stores: 1, externalSecrets: 2 } as const;

/** Adds the example's chart to a cdk8s app. */
export function addHardenedImagesChart(app: App): Chart {
  const chart = new Chart(app, 'hardened-images');
  new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true, syncWaves: SYNC_WAVES,
  });
  return chart;
}
