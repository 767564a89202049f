/**
 * Cluster side of the on-prem-vault example (cdk8s): per tenant namespace a `vault` SecretStore
 * (Kubernetes auth, role and mount derived), its `eso-vault` service account, the ExternalSecrets,
 * the netbox `VaultDynamicSecret` generator, and the `system:auth-delegator` binding of both
 * service accounts (Vault reviews their own tokens); and the distribution of the SOPS-delivered
 * `grafana-admin` (sops.ts) to `grafana` through ESO's kubernetes provider.
 */
import { App, Chart } from 'cdk8s';
import { SopsSecretDistribution } from '../../lib/k8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { cluster, declaration } from './declaration';
import { SOPS_CONSUMERS, SOPS_NAMESPACE, SOPS_RECIPIENTS } from './sops';

/** Adds the example's chart to a cdk8s app. */
export function addOnPremVaultChart(app: App): Chart {
  const chart = new Chart(app, 'on-prem-vault');
  new SecretsPlatformManifests(chart, 'platform', { declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 } });
  // The SOPS-delivered Secrets: ESO copies exactly what each tenant reads out of the decrypted namespace.
  new SopsSecretDistribution(chart, 'sops', { recipients: SOPS_RECIPIENTS, sourceNamespace: SOPS_NAMESPACE, consumers: SOPS_CONSUMERS });
  return chart;
}
