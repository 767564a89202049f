/**
 * Cloud side of the estate example (cdktf), sharded per tenant (`SecretsPlatformStacks`):
 *
 * 1. `estate-shared`: what several tenants use: the IAM OIDC providers of the EKS clusters, the
 *    platform KMS key and platform secrets, and each EKS cluster's ESO controller role (it reads the
 *    platform secrets).
 * 2. `estate-team-0001` … `estate-team-0006` (after `estate-shared`, in parallel): each tenant's own
 *    secrets and identity. An EKS tenant's IRSA role trusts its cluster's OIDC provider through a
 *    cross-stack reference (an output of `estate-shared`, read with `terraform_remote_state`); the AKS
 *    tenant's stack holds its own exclusive Key Vault, so its Entra identity reads it with one role
 *    assignment at vault scope.
 * 3. `estate-eso-<cluster>` (after `estate-shared`): ESO on each cluster.
 *
 * Every stack has its own state in S3 (`estate/<shard>.tfstate`), which the cross-stack references
 * read; `cdktf deploy '*' --parallelism 8` applies `estate-shared` first, then the rest in parallel.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, S3Backend, TerraformStack } from 'cdktf';
import { ClusterCloud, ClusterDeclaration } from '../../lib/core';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformStacks, Sharding } from '../../lib/platform';
import { AWS, AZURE, SUBSCRIPTION_ID, declaration } from './declaration';

/** The bucket holding every estate stack's state. */
export const STATE_BUCKET = 'estate-terraform-state';

/** The example's stacks. */
export interface EstateStacks {
  /** The shared stack and one stack per tenant. */
  readonly secrets: SecretsPlatformStacks;
  /** ESO on each cluster, by cluster id. */
  readonly esoStacks: Readonly<Record<string, TerraformStack>>;
}

/** Providers and state of a stack: every stack its own state, in one bucket. */
function configure(stack: TerraformStack, state: string): void {
  new AwsProvider(stack, 'aws', { region: AWS.region, allowedAccountIds: [AWS.accountId] });
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  new S3Backend(stack, { bucket: STATE_BUCKET, key: `estate/${state}.tfstate`, region: AWS.region, encrypt: true });
}

/** Adds the example's stacks to a cdktf app. */
export function addEstateStacks(app: App): EstateStacks {
  const secrets = new SecretsPlatformStacks(app, 'estate', {
    declaration, sharding: Sharding.perTenant(), configureStack: (stack, shard) => configure(stack, shard),
  });
  const esoStacks: Record<string, TerraformStack> = {};
  for (const cluster of declaration.clusters) {
    const stack = new TerraformStack(app, `estate-eso-${cluster.id}`);
    // The controller's role (EKS) is in the shared stack: ESO starts once it exists.
    stack.addDependency(secrets.sharedStack);
    configure(stack, `eso-${cluster.id}`);
    new EsoClusterAddons(stack, 'addons', { declaration, cluster, provider: helmConnection(stack, cluster), reloader: false });
    esoStacks[cluster.id] = stack;
  }
  return { secrets, esoStacks };
}

function helmConnection(stack: TerraformStack, cluster: ClusterDeclaration) {
  return cluster.cloud === ClusterCloud.AZURE
    ? HelmConnection.fromAks(stack, 'helm', { clusterName: cluster.clusterName, resourceGroupName: AZURE.resourceGroupName })
    : HelmConnection.fromEks(stack, 'helm', { clusterName: cluster.clusterName, region: AWS.region });
}
