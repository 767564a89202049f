/**
 * Cloud side of the AWS-only example (cdktf). Two stacks, applied in order:
 *
 * 1. `aws-only-cluster`: the EKS cluster, its Kubernetes Secrets envelope-encrypted with a rotating CMK
 *    (`alias/eks/shop-prod`), and its managed node group (IMDSv2, hop limit 1). Its OIDC issuer goes
 *    into the declaration (`cdktf output`; see docs/deploy.md for the first apply).
 * 2. `aws-only-secrets`: everything the declaration derives (CMK for secrets, Secrets Manager entries,
 *    the IRSA role of the ESO controller with its least-privilege policy, the payments webhook Lambda's
 *    execution role with the same compiled read of its secret) and the ESO + Reloader releases.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { addEncryptedEksCluster } from '../shared/eks-cluster';
import { cluster, declaration } from './declaration';

/** Adds the example's stacks to a cdktf app. */
export function addAwsOnlyStacks(app: App): { clusterStack: TerraformStack; secretsStack: TerraformStack } {
  const aws = declaration.aws!;

  const clusterStack = new TerraformStack(app, 'aws-only-cluster');
  new AwsProvider(clusterStack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const { eks } = addEncryptedEksCluster(clusterStack, cluster.clusterName);
  new TerraformOutput(clusterStack, 'oidc_issuer', { value: eks.identity.get(0).oidc.get(0).issuer });

  const secretsStack = new TerraformStack(app, 'aws-only-secrets');
  secretsStack.addDependency(clusterStack);
  new AwsProvider(secretsStack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const infrastructure = new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });
  const helm = HelmConnection.fromEks(secretsStack, 'helm', { clusterName: cluster.clusterName, region: cluster.region });
  new EsoClusterAddons(secretsStack, 'addons', {
    declaration, cluster, provider: helm, identity: infrastructure.controllerIdentity(cluster),
  });
  return { clusterStack, secretsStack };
}
