/** Shared by the EKS examples (cdktf): an EKS cluster whose Kubernetes Secrets are envelope-encrypted. */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { EksSecretsEncryptionKey } from '../../lib/aws';

/** What {@link addEncryptedEksCluster} created. */
export interface EncryptedEksCluster {
  /** The cluster. */
  readonly eks: EksCluster;
  /** Its rotating envelope-encryption key (`alias/eks/<cluster>`). */
  readonly encryption: EksSecretsEncryptionKey;
}

/**
 * An EKS cluster (control-plane subnets from the `cluster_subnet_ids` variable, private endpoint,
 * API authentication) with envelope encryption of Kubernetes Secrets by a rotating CMK. Adding
 * encryption to an existing cluster is one-way: it cannot be removed afterwards.
 */
export function addEncryptedEksCluster(stack: TerraformStack, clusterName: string): EncryptedEksCluster {
  const subnetIds = new TerraformVariable(stack, 'cluster_subnet_ids', {
    type: 'list(string)', description: 'Private subnets of the EKS control plane ENIs',
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
    accessConfig: { authenticationMode: 'API' },
  });
  encryption.applyTo(eks);
  return { eks, encryption };
}
