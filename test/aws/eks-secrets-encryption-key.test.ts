import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { EksKeyPolicySids, EksSecretsEncryptionKey } from '../../lib/aws/eks-secrets-encryption-key';
import { KMS_ROOT_STATEMENT_SID } from '../../lib/aws/kms-key';
import { findResource, literalEnv, makeStack, synth } from './util';

const CLUSTER_ROLE = 'arn:aws:iam::111122223333:role/eks-cluster';

describe('EksSecretsEncryptionKey', () => {
  test('rotating key with alias/eks/<cluster>, root kept, cluster role use and guarded CreateGrant', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const key = new EksSecretsEncryptionKey(stack, 'EksKey', { clusterName: 'prod', clusterRoleArn: CLUSTER_ROLE, environment: literalEnv() });
    const json = synth(stack);
    // THEN
    expect(key.aliasName).toBe('alias/eks/prod');
    expect(findResource(json, 'aws_kms_alias').name).toBe('alias/eks/prod');
    const resource = findResource(json, 'aws_kms_key');
    expect(resource.enable_key_rotation).toBe(true);
    const statements = JSON.parse(resource.policy).Statement;
    expect(statements.find((s: { Sid: string }) => s.Sid === KMS_ROOT_STATEMENT_SID).Action).toEqual(['kms:*']);
    expect(statements.find((s: { Sid: string }) => s.Sid === EksKeyPolicySids.CLUSTER_USE)).toEqual({
      Sid: 'AllowEksClusterRoleUseOfTheKey', Effect: 'Allow', Principal: { AWS: CLUSTER_ROLE },
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ListGrants'], Resource: ['*'],
    });
    expect(statements.find((s: { Sid: string }) => s.Sid === EksKeyPolicySids.CLUSTER_GRANTS)).toEqual({
      Sid: 'AllowEksClusterRoleGrantsOnlyForAwsResources', Effect: 'Allow', Principal: { AWS: CLUSTER_ROLE },
      Action: ['kms:CreateGrant'], Resource: ['*'], Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    });
  });

  test('encryptionConfig and applyTo set encryption_config on an EksCluster', () => {
    // GIVEN
    const stack = makeStack();
    const key = new EksSecretsEncryptionKey(stack, 'EksKey', { clusterName: 'prod', clusterRoleArn: CLUSTER_ROLE, environment: literalEnv() });
    const cluster = new EksCluster(stack, 'Cluster', { name: 'prod', roleArn: CLUSTER_ROLE, vpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] } });
    // WHEN
    key.applyTo(cluster);
    const json = synth(stack);
    // THEN
    expect(key.encryptionConfig.resources).toEqual(['secrets']);
    const config = findResource(json, 'aws_eks_cluster').encryption_config;
    expect(config.resources).toEqual(['secrets']);
    expect(config.provider.key_arn).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
  });
});
