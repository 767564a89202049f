/**
 * Cloud side of the ESO + Reloader example (cdktf), one stack `eso-reloader` for an existing EKS
 * cluster (see the AWS-only example for the cluster itself):
 *
 * - everything the declaration derives: the rotating CMK, the Secrets Manager secret (initial value
 *   from a sensitive variable, write-only), the IRSA role of the ESO controller with its policy;
 * - rotation of the secret, declared with it (every 7 days by the rotation Lambda): the permission for
 *   Secrets Manager to invoke the Lambda for this secret only, and the Lambda role's exact grants on it;
 * - the ESO and Reloader releases (Reloader: `reloadStrategy: annotations`, `reloadOnCreate: true`).
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection, ReloadStrategy } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { cluster, declaration } from './declaration';

/** Adds the example's stack to a cdktf app. */
export function addEsoReloaderStack(app: App): TerraformStack {
  const aws = declaration.aws!;
  const stack = new TerraformStack(app, 'eso-reloader');
  new AwsProvider(stack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  // Rotation comes from the declaration, with the Lambda permission (this secret only) and the function role's grants.
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });

  const helm = HelmConnection.fromEks(stack, 'helm', { clusterName: cluster.clusterName, region: cluster.region });
  new EsoClusterAddons(stack, 'addons', {
    declaration,
    cluster,
    provider: helm,
    identity: infrastructure.controllerIdentity(cluster),
    reloader: { values: { reloadStrategy: ReloadStrategy.ANNOTATIONS, reloadOnCreate: true } },
  });
  return stack;
}
