/**
 * Cloud side of the AWS-only example (cdktf). Two stacks, applied in order:
 *
 * 1. `aws-only-cluster`: the EKS cluster, its Kubernetes Secrets envelope-encrypted with a rotating CMK
 *    (`alias/eks/shop-prod`). Its OIDC issuer goes into the declaration (`cdktf output`).
 * 2. `aws-only-secrets`: everything the declaration derives (CMK for secrets, Secrets Manager entries,
 *    the IRSA role of the ESO controller with its least-privilege policy) and the ESO + Reloader releases.
 */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { EksSecretsEncryptionKey } from '../../lib/aws';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { cluster, declaration } from './declaration';

/** Adds the example's stacks to a cdktf app. */
export function addAwsOnlyStacks(app: App): { clusterStack: TerraformStack; secretsStack: TerraformStack } {
  const aws = declaration.aws!;

  const clusterStack = new TerraformStack(app, 'aws-only-cluster');
  new AwsProvider(clusterStack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const subnetIds = new TerraformVariable(clusterStack, 'cluster_subnet_ids', {
    type: 'list(string)', description: 'Private subnets of the EKS control plane ENIs',
  });
  const clusterRole = new IamRole(clusterStack, 'cluster-role', {
    name: `${cluster.clusterName}-cluster`,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    }),
  });
  new IamRolePolicyAttachment(clusterStack, 'cluster-policy', {
    role: clusterRole.name, policyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
  });
  const encryption = new EksSecretsEncryptionKey(clusterStack, 'secrets-encryption', {
    clusterName: cluster.clusterName, clusterRoleArn: clusterRole.arn,
  });
  const eks = new EksCluster(clusterStack, 'cluster', {
    name: cluster.clusterName,
    roleArn: clusterRole.arn,
    version: '1.34',
    vpcConfig: { subnetIds: subnetIds.listValue, endpointPrivateAccess: true, endpointPublicAccess: false },
    accessConfig: { authenticationMode: 'API' },
  });
  encryption.applyTo(eks);
  new TerraformOutput(clusterStack, 'oidc_issuer', { value: eks.identity.get(0).oidc.get(0).issuer });

  const secretsStack = new TerraformStack(app, 'aws-only-secrets');
  new AwsProvider(secretsStack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const infrastructure = new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });
  const helm = HelmConnection.fromEks(secretsStack, 'helm', { clusterName: cluster.clusterName, region: cluster.region });
  new EsoClusterAddons(secretsStack, 'addons', {
    declaration, cluster, provider: helm, identity: infrastructure.controllerIdentity(cluster),
  });
  return { clusterStack, secretsStack };
}
