/**
 * Vault side of the two-phase-vault example (cdktf). Phase 1's cloud stack is the
 * `bootstrap-credentials` stack (Key Vault, Secrets Manager, identities, ESO; added here when the app
 * does not have it yet); phase 2 adds, in this order after it:
 *
 * 1. `two-phase-vault-release`: Vault in the cluster (chart `vault` 0.34.1; a lab: plain HTTP, one
 *    raft replica, the injector and UI off).
 * 2. `two-phase-vault-config`: against that Vault (after `vault operator init`/unseal): the KV v2
 *    mount `secret`, the Kubernetes auth mount pinned at `kubernetes` (Vault's own service account
 *    reviews tokens), the key `crossplane/azure-credentials` (created empty, seeded out of band) and
 *    the role `external-secrets` bound to `external-secrets:external-secrets` with a policy that
 *    reads exactly that key.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection, VaultHelmRelease } from '../../lib/helm';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { RESOURCE_GROUP, SUBSCRIPTION_ID } from '../bootstrap-credentials/declaration';
import { addBootstrapCredentialsStack } from '../bootstrap-credentials/tf';
import { production, productionCluster, vaultServer } from './declaration';

/** Adds the example's Vault stacks to a cdktf app (and phase 1's stack when the app has none): `[release, config]`. */
export function addTwoPhaseVaultStacks(app: App): TerraformStack[] {
  // Phase 1 installs ESO on the cluster and holds the value Vault is seeded from: phase 2 comes after it.
  const existing = app.node.tryFindChild('bootstrap-credentials');
  const bootstrap = existing instanceof TerraformStack ? existing : addBootstrapCredentialsStack(app);
  const release = new TerraformStack(app, 'two-phase-vault-release');
  release.addDependency(bootstrap);
  new AzurermProvider(release, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  const helm = HelmConnection.fromAks(release, 'helm', { clusterName: productionCluster.clusterName, resourceGroupName: RESOURCE_GROUP });
  // server: the declared address (typed once, in the declaration) must be the one this release serves.
  new VaultHelmRelease(release, 'vault', { provider: helm, server: vaultServer, values: { allowInsecureHttp: true, replicas: 1 },
    // A one-node demo Vault: no failure tolerated, acknowledged (shown in the release description).
    acknowledgements: [{ ruleId: 'CES-HARD-5', reason: 'demo cluster with one node, its data is disposable', appliesTo: ['server.ha.replicas'] }] });

  const config = new TerraformStack(app, 'two-phase-vault-config');
  // Configures the Vault the release runs (after `vault operator init` and unseal).
  config.addDependency(release);
  // Reached through `kubectl -n vault port-forward svc/vault 8200`; the token comes from VAULT_TOKEN.
  new VaultProvider(config, 'vault', { address: 'http://127.0.0.1:8200' });
  new SecretsPlatformInfrastructure(config, 'platform', { declaration: production });
  return [release, config];
}
