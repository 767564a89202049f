/**
 * Cloud and Vault side of the two-phase-vault example (cdktf), three stacks applied in order:
 *
 * 1. `two-phase-vault-bootstrap`: Key Vault + secret, Secrets Manager secret, the ESO controller's
 *    Entra identity, the AWS store's role trusting the AKS issuer, and ESO on the AKS cluster.
 * 2. `two-phase-vault-release`: Vault in the cluster (chart `vault` 0.34.1; a lab: plain HTTP, one
 *    raft replica, the injector and UI off).
 * 3. `two-phase-vault-config`: against that Vault (after `vault operator init`/unseal): the KV v2
 *    mount `secret`, the Kubernetes auth mount pinned at `kubernetes` (Vault's own service account
 *    reviews tokens), the key `crossplane/azure-credentials` (created empty, seeded out of band) and
 *    the role `external-secrets` bound to `external-secrets:external-secrets` with a policy that
 *    reads exactly that key.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection, VaultHelmRelease } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { bootstrap, bootstrapCluster, production, RESOURCE_GROUP, SUBSCRIPTION_ID } from './declaration';

/** Adds the example's three stacks to a cdktf app. */
export function addTwoPhaseVaultStacks(app: App): TerraformStack[] {
  const aws = bootstrap.aws!;
  const cloud = new TerraformStack(app, 'two-phase-vault-bootstrap');
  new AwsProvider(cloud, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  new AzurermProvider(cloud, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  const infrastructure = new SecretsPlatformInfrastructure(cloud, 'platform', { declaration: bootstrap });
  const cloudHelm = HelmConnection.fromAks(cloud, 'helm', { clusterName: bootstrapCluster.clusterName, resourceGroupName: RESOURCE_GROUP });
  new EsoClusterAddons(cloud, 'addons', {
    declaration: bootstrap, cluster: bootstrapCluster, provider: cloudHelm, identity: infrastructure.controllerIdentity(bootstrapCluster), reloader: false,
  });

  const release = new TerraformStack(app, 'two-phase-vault-release');
  new AzurermProvider(release, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  const helm = HelmConnection.fromAks(release, 'helm', { clusterName: bootstrapCluster.clusterName, resourceGroupName: RESOURCE_GROUP });
  new VaultHelmRelease(release, 'vault', { provider: helm, values: { allowInsecureHttp: true, replicas: 1 } });

  const config = new TerraformStack(app, 'two-phase-vault-config');
  // Reached through `kubectl -n vault port-forward svc/vault 8200`; the token comes from VAULT_TOKEN.
  new VaultProvider(config, 'vault', { address: 'http://127.0.0.1:8200' });
  new SecretsPlatformInfrastructure(config, 'platform', { declaration: production });
  return [cloud, release, config];
}
