/**
 * Cloud side of the ESO + Reloader example (cdktf), one stack `eso-reloader` for an existing EKS
 * cluster (see the AWS-only example for the cluster itself):
 *
 * - everything the declaration derives: the rotating CMK, the Secrets Manager secret (initial value
 *   from a sensitive variable, write-only), the IRSA role of the ESO controller with its policy;
 * - rotation of the secret, declared with it (every 7 days by the rotation Lambda), plus the permission
 *   for Secrets Manager to invoke the Lambda for this secret only;
 * - the ESO and Reloader releases (Reloader: `reloadStrategy: annotations`, `reloadOnCreate: true`).
 */
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, dependable, TerraformStack } from 'cdktf';
import { SecretsManagerSecret } from '../../lib/aws';
import { HelmConnection, ReloadStrategy } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { cluster, database, declaration, ROTATION_LAMBDA_ARN } from './declaration';

/** Adds the example's stack to a cdktf app. */
export function addEsoReloaderStack(app: App): TerraformStack {
  const aws = declaration.aws!;
  const stack = new TerraformStack(app, 'eso-reloader');
  new AwsProvider(stack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });

  // Rotation comes from the declaration; Secrets Manager may invoke the Lambda for this secret only.
  const secret = infrastructure.awsSecret(database);
  if (!(secret instanceof SecretsManagerSecret) || !secret.rotationResource) {
    throw new Error(`${database.name} must be created with its rotation by this stack`);
  }
  const invoke = new LambdaPermission(stack, 'rotation-invoke', {
    statementId: 'SecretsManagerRotatesLedgerDatabase',
    action: 'lambda:InvokeFunction',
    functionName: ROTATION_LAMBDA_ARN,
    principal: 'secretsmanager.amazonaws.com',
    sourceArn: secret.secretArn,
    sourceAccount: aws.accountId,
  });
  secret.rotationResource.dependsOn = [...(secret.rotationResource.dependsOn ?? []), dependable(invoke)];

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
