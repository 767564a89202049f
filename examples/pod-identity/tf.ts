/**
 * Cloud side of the Pod Identity example (cdktf). Two stacks, applied in order:
 *
 * 1. `pod-identity-cluster`: the EKS cluster, its Kubernetes Secrets envelope-encrypted with a rotating
 *    CMK (`alias/eks/shop-pi-prod`), and the `eks-pod-identity-agent` add-on (the node agent that hands
 *    Pod Identity credentials to pods: without it an association has no effect).
 * 2. `pod-identity-secrets`: everything the declaration derives (CMK for secrets, the Secrets Manager
 *    secret, the SecureString parameter, the controller role trusting `pods.eks.amazonaws.com` and its
 *    association with `external-secrets:external-secrets`) and the ESO + Reloader releases. The ESO
 *    release depends on the association: EKS injects Pod Identity credentials only into pods created
 *    after the association exists.
 */
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, dependable, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { EksSecretsEncryptionKey, PodIdentityRole } from '../../lib/aws';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { cluster, declaration } from './declaration';

/** The stacks of the example. */
export interface PodIdentityStacks {
  /** The EKS cluster, its envelope-encryption key and the Pod Identity agent add-on. */
  readonly clusterStack: TerraformStack;
  /** Secrets, keys, the controller role with its association, and the ESO + Reloader releases. */
  readonly secretsStack: TerraformStack;
}

/** Adds the example's stacks to a cdktf app. */
export function addPodIdentityStacks(app: App): PodIdentityStacks {
  const aws = declaration.aws!;

  const clusterStack = new TerraformStack(app, 'pod-identity-cluster');
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
  // Version: the default the cluster version supports (`aws eks describe-addon-versions` to pin one).
  new EksAddon(clusterStack, 'pod-identity-agent', {
    clusterName: eks.name,
    addonName: 'eks-pod-identity-agent',
    resolveConflictsOnCreate: 'OVERWRITE',
    resolveConflictsOnUpdate: 'OVERWRITE',
  });
  new TerraformOutput(clusterStack, 'cluster_name', { value: eks.name });

  const secretsStack = new TerraformStack(app, 'pod-identity-secrets');
  new AwsProvider(secretsStack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const infrastructure = new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });
  const helm = HelmConnection.fromEks(secretsStack, 'helm', { clusterName: cluster.clusterName, region: cluster.region });
  const identity = infrastructure.controllerIdentity(cluster);
  const addons = new EsoClusterAddons(secretsStack, 'addons', { declaration, cluster, provider: helm, identity });
  if (identity instanceof PodIdentityRole) {
    addons.eso.release.dependsOn = [...(addons.eso.release.dependsOn ?? []), ...identity.associations.map((a) => dependable(a))];
  }
  return { clusterStack, secretsStack };
}
