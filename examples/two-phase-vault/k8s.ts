/**
 * Cluster side of the two-phase-vault example (cdk8s): one chart per phase,
 * `dist/two-phase-vault-bootstrap.k8s.yaml` (the cloud stores and the ExternalSecret reading Key
 * Vault) and `dist/two-phase-vault-production.k8s.yaml` (the `vault` store and the same
 * ExternalSecret reading Vault). Apply the production file in place of the bootstrap one.
 */
import { App, Chart } from 'cdk8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { bootstrap, bootstrapCluster, production, productionCluster } from './declaration';

/** Adds the phase-1 chart. */
export function addTwoPhaseVaultBootstrapChart(app: App): Chart {
  const chart = new Chart(app, 'two-phase-vault-bootstrap');
  new SecretsPlatformManifests(chart, 'platform', { declaration: bootstrap, cluster: bootstrapCluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 } });
  return chart;
}

/** Adds the phase-2 chart. */
export function addTwoPhaseVaultProductionChart(app: App): Chart {
  const chart = new Chart(app, 'two-phase-vault-production');
  new SecretsPlatformManifests(chart, 'platform', { declaration: production, cluster: productionCluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 } });
  return chart;
}

/** Adds both charts. */
export function addTwoPhaseVaultCharts(app: App): Chart[] {
  return [addTwoPhaseVaultBootstrapChart(app), addTwoPhaseVaultProductionChart(app)];
}
