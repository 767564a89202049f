/** Shared by the EKS examples (cdktf): an EKS cluster whose Kubernetes Secrets are envelope-encrypted. */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { TerraformStack, TerraformVariable, Token } from 'cdktf';
import { EksSecretsEncryptionKey } from '../../lib/aws';

/** What {@link addEncryptedEksCluster} created. */
export interface EncryptedEksCluster {
  /** The cluster. */
  readonly eks: EksCluster;
  /** Its rotating envelope-encryption key (`alias/eks/<cluster>`). */
  readonly encryption: EksSecretsEncryptionKey;
  /** Its managed node group (where ESO, Reloader and the workloads run). */
  readonly nodes: EksNodeGroup;
}

/** AWS managed policies of the node role: kubelet, image pulls (EKS add-on images), the VPC CNI. */
export const NODE_POLICIES = ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy'];

/**
 * An EKS cluster (control-plane and node subnets from the `cluster_subnet_ids` variable, private
 * endpoint, API authentication, the creating principal bootstrapped as cluster admin so the same
 * principal can install the Helm releases) with envelope encryption of Kubernetes Secrets by a
 * rotating CMK, and a managed node group whose instances require IMDSv2 with a hop limit of 1: pods
 * cannot reach the instance metadata service, so a pod without its own credentials (IRSA, Pod
 * Identity) never falls back to the node role. Adding encryption to an existing cluster is one-way:
 * it cannot be removed afterwards.
 */
export function addEncryptedEksCluster(stack: TerraformStack, clusterName: string): EncryptedEksCluster {
  const subnetIds = new TerraformVariable(stack, 'cluster_subnet_ids', {
    type: 'list(string)', description: 'Private subnets of the EKS control plane ENIs and the nodes',
  });
  const clusterRole = new IamRole(stack, 'cluster-role', {
    name: `${clusterName}-cluster`,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    }),
  });
  new IamRolePolicyAttachment(stack, 'cluster-policy', {
    role: clusterRole.name, policyArn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
  });
  const encryption = new EksSecretsEncryptionKey(stack, 'secrets-encryption', { clusterName, clusterRoleArn: clusterRole.arn });
  const eks = new EksCluster(stack, 'cluster', {
    name: clusterName,
    roleArn: clusterRole.arn,
    version: '1.34',
    vpcConfig: { subnetIds: subnetIds.listValue, endpointPrivateAccess: true, endpointPublicAccess: false },
    accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: true },
  });
  encryption.applyTo(eks);

  const nodeRole = new IamRole(stack, 'node-role', {
    name: `${clusterName}-nodes`,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: ['sts:AssumeRole'] }],
    }),
  });
  const nodePolicies = NODE_POLICIES.map((policy) => new IamRolePolicyAttachment(stack, `node-policy-${policy}`, {
    role: nodeRole.name, policyArn: `arn:aws:iam::aws:policy/${policy}`,
  }));
  const template = new LaunchTemplate(stack, 'node-template', {
    name: `${clusterName}-nodes`,
    metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 },
  });
  const nodes = new EksNodeGroup(stack, 'nodes', {
    clusterName: eks.name,
    nodeGroupName: 'system',
    nodeRoleArn: nodeRole.arn,
    subnetIds: subnetIds.listValue,
    instanceTypes: ['m6i.large'],
    scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 4 },
    launchTemplate: { id: template.id, version: Token.asString(template.latestVersion) },
    dependsOn: nodePolicies,
  });
  return { eks, encryption, nodes };
}
