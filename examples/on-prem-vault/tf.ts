/**
 * Vault side of the on-prem-vault example (cdktf): the KV v2 mount `secret`, the Kubernetes auth
 * mount of the RKE2 cluster, the KV keys (created empty, values written out of band), the database
 * engine (mount, PostgreSQL connection with a write-only root password, role `netbox`), and per
 * tenant namespace a Vault role bound to exactly `<ns>:eso-vault` with a policy compiled from what
 * that namespace reads (netbox also `read` on `database/creds/netbox`). The ESO release goes to the
 * cluster through the kubeconfig context named after it (`rke2-prod`).
 */
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { cluster, declaration, VAULT_ADDRESS } from './declaration';

/** Adds the example's stack to a cdktf app. */
export function addOnPremVaultStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'on-prem-vault');
  // The token comes from VAULT_TOKEN (or a login) on the machine running Terraform: nothing synthesized.
  new VaultProvider(stack, 'vault', { address: VAULT_ADDRESS });
  new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  const helm = HelmConnection.fromKubeconfig(stack, 'helm', { configPath: '~/.kube/config', context: cluster.clusterName });
  new EsoClusterAddons(stack, 'addons', { declaration, cluster, provider: helm });
  return stack;
}
