/**
 * Cloud side of the shared-across-clusters example (cdktf). Three stacks:
 *
 * 1. `shared-clusters-secrets` (secrets account 999988887777): the CMK, the Secrets Manager entries,
 *    the IAM OIDC providers of both clusters (they live in other accounts), the primary store's role
 *    trusting both clusters' `external-secrets:eso-primary`, and the blue controller role that alone
 *    reads the blue-only secret.
 * 2. `shared-clusters-blue` / `shared-clusters-green` (each in its cluster's account): the ESO and
 *    Reloader releases. Role ARNs are derived from the declaration, so no cross-stack reference is
 *    needed: the blue controller is annotated with its role, the green controller with none (green
 *    has no store that uses the controller identity).
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { blue, declaration, green } from './declaration';

/** The stacks of the example. */
export interface SharedClustersStacks {
  /** Secrets, keys, OIDC providers and roles, in the secrets account. */
  readonly secretsStack: TerraformStack;
  /** ESO and Reloader on each cluster, by cluster id (`blue`, `green`). */
  readonly clusterStacks: Readonly<Record<string, TerraformStack>>;
}

/** Adds the example's stacks to a cdktf app. */
export function addSharedClustersStacks(app: App): SharedClustersStacks {
  const aws = declaration.aws!;
  const secretsStack = new TerraformStack(app, 'shared-clusters-secrets');
  new AwsProvider(secretsStack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });

  const clusterStacks: Record<string, TerraformStack> = {};
  for (const cluster of [blue, green]) {
    const stack = new TerraformStack(app, `shared-clusters-${cluster.id}`);
    stack.addDependency(secretsStack);
    new AwsProvider(stack, 'aws', { region: cluster.region, allowedAccountIds: [cluster.accountId] });
    const helm = HelmConnection.fromEks(stack, 'helm', { clusterName: cluster.clusterName, region: cluster.region });
    new EsoClusterAddons(stack, 'addons', { declaration, cluster, provider: helm });
    clusterStacks[cluster.id] = stack;
  }
  return { secretsStack, clusterStacks };
}
