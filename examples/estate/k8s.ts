/**
 * Cluster side of the estate example (cdk8s): one chart per cluster (`estate-<cluster>`), each with
 * the platform's ClusterSecretStore (EKS) and its tenants' namespaces, SecretStores, service accounts
 * and ExternalSecrets. The AKS tenant's Entra client ID is assigned at apply time: a real pipeline
 * reads it from its tenant stack's outputs (`cdktf output estate-team-0004 --outputs-file outputs.json`,
 * then `cloudOutputs: PlatformOutputs.fromFile('outputs.json', 'estate-team-0004')`).
 */
import { App, Chart } from 'cdk8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { declaration } from './declaration';

/** Client IDs Entra assigned to the Azure identities (from the tenant stacks' `eso_client_id_<identity>` outputs). */
export const AZURE_CLIENT_IDS: Record<string, string> = {
  'store-team-0004-team-0004': '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f',
};

/** Adds one chart per cluster of the estate; returns them by cluster id. */
export function addEstateCharts(app: App): Readonly<Record<string, Chart>> {
  const charts: Record<string, Chart> = {};
  for (const cluster of declaration.clusters) {
    const chart = new Chart(app, `estate-${cluster.id}`);
    new SecretsPlatformManifests(chart, 'platform', {
      declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 }, azureClientIds: AZURE_CLIENT_IDS,
    });
    charts[cluster.id] = chart;
  }
  return charts;
}
