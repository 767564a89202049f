/**
 * Cloud side of the ESO + Reloader example (cdktf), one stack `eso-reloader` for an existing EKS
 * cluster (see the AWS-only example for the cluster itself):
 *
 * - everything the declaration derives: the rotating CMK, the Secrets Manager secret (initial value
 *   from a sensitive variable, write-only), the IRSA role of the ESO controller with its policy;
 * - rotation of the secret: the declaration layer has no rotation setting, so it is added here on the
 *   rendered `SecretsManagerSecret` (its `resource` / `versionResource` accessors), exactly as the L2
 *   `rotation` prop would render it, plus the permission for Secrets Manager to invoke the Lambda;
 * - the ESO and Reloader releases (Reloader: `reloadStrategy: annotations`, `reloadOnCreate: true`).
 */
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { RotationSchedule, SecretsManagerSecret } from '../../lib/aws';
import { HelmConnection, ReloadStrategy } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { cluster, database, declaration } from './declaration';

/** How often Secrets Manager rotates the database credentials. */
export const ROTATION_SCHEDULE = RotationSchedule.everyDays(7);

/** Adds the example's stack to a cdktf app. */
export function addEsoReloaderStack(app: App): TerraformStack {
  const aws = declaration.aws!;
  const stack = new TerraformStack(app, 'eso-reloader');
  new AwsProvider(stack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });

  // Rotation: the secret the declaration rendered is a SecretsManagerSecret (created here, not imported).
  const secret = infrastructure.awsSecret(database);
  if (!(secret instanceof SecretsManagerSecret)) {
    throw new Error(`${database.name} must be created by this stack to configure its rotation`);
  }
  const rotationLambdaArn = new TerraformVariable(stack, 'rotation_lambda_arn', {
    type: 'string',
    nullable: false,
    description: 'ARN of the Secrets Manager rotation Lambda for the ledger database (e.g. the AWS '
      + 'SecretsManagerRDSPostgreSQLRotationSingleUser application); its role needs kms:Decrypt and '
      + 'kms:GenerateDataKey on alias/ledger/secrets',
  });
  const invoke = new LambdaPermission(stack, 'rotation-invoke', {
    statementId: 'SecretsManagerRotatesLedgerDatabase',
    action: 'lambda:InvokeFunction',
    functionName: rotationLambdaArn.stringValue,
    principal: 'secretsmanager.amazonaws.com',
    sourceArn: secret.secretArn,
    sourceAccount: aws.accountId,
  });
  new SecretsmanagerSecretRotation(secret, 'Rotation', {
    secretId: secret.resource.id,
    rotationLambdaArn: rotationLambdaArn.stringValue,
    rotateImmediately: true,
    rotationRules: {
      automaticallyAfterDays: ROTATION_SCHEDULE.automaticallyAfterDays,
      scheduleExpression: ROTATION_SCHEDULE.scheduleExpression,
    },
    dependsOn: [invoke, ...(secret.versionResource ? [secret.versionResource] : [])],
  });

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
