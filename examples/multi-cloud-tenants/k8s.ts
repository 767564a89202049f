/**
 * Cluster side of the multi-cloud, multi-tenant example (cdk8s): one chart per cluster. Each gets the
 * stores serving it (a ClusterSecretStore per tenant and backend, admitting only the tenant's
 * namespace, with its own service account: Key Vault on AKS, Secret Manager on GKE and on-prem,
 * Vault with JWT auth on-prem), the tenants' ExternalSecrets, and per tenant namespace a Role and
 * RoleBinding letting the team's group manage ExternalSecrets there.
 */
import { App, Chart } from 'cdk8s';
import { ClusterDeclaration } from '../../lib/core';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { aks, declaration, gke, onprem } from './declaration';

/**
 * Client IDs Entra assigned to the per-tenant Key Vault identities, as `cdktf output
 * multi-cloud-tenants-secrets` prints them after apply (`eso_client_id_<identity>`). A real pipeline
 * passes `cloudOutputs: PlatformOutputs.fromFile('outputs.json', 'multi-cloud-tenants-secrets')`.
 */
export const AZURE_CLIENT_IDS: Record<string, string> = {
  'store-azure-jenkins': '6f1d0c4e-2b7a-4d0e-9c53-8a1f2e3d4c5b',
  'store-azure-netbox': '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

/** One chart per cluster. */
export interface MultiCloudTenantsCharts {
  /** The AKS cluster's chart. */
  readonly aks: Chart;
  /** The GKE cluster's chart. */
  readonly gke: Chart;
  /** The on-prem cluster's chart. */
  readonly onprem: Chart;
}

/** Adds the example's charts (one per cluster) to a cdk8s app. */
export function addMultiCloudTenantsCharts(app: App): MultiCloudTenantsCharts {
  const chartFor = (cluster: ClusterDeclaration): Chart => {
    const chart = new Chart(app, `multi-cloud-tenants-${cluster.id}`);
    new SecretsPlatformManifests(chart, 'platform', {
      declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 }, azureClientIds: AZURE_CLIENT_IDS,
    });
    return chart;
  };
  return { aks: chartFor(aks), gke: chartFor(gke), onprem: chartFor(onprem) };
}
