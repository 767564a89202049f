import type { EksCluster, EksClusterEncryptionConfig } from '@cdktf/provider-aws/lib/eks-cluster';
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { isIamRoleArn } from '../core/cloud-names';
import { assertDuration, Duration } from '../core/duration';
import { invalidArn, invalidString, wildcardPrincipal } from '../core/errors';
import { assertProps } from '../core/validation';
import { DURATION_RULE, ENVIRONMENT_RULE } from './private/checks';
import { AwsEnvironment } from './environment';
import { KmsKey } from './kms-key';
import { PolicyEffect } from './policy/policy-document';

/** Props of {@link EksSecretsEncryptionKey}. */
export interface EksSecretsEncryptionKeyProps {
  /** Name of the EKS cluster; the alias is `alias/eks/<clusterName>`. */
  readonly clusterName: string;
  /** ARN of the cluster's IAM role (the role EKS uses to call KMS). */
  readonly clusterRoleArn: string;
  /**
   * Deletion window (7-30 days).
   * @default Duration.days(30)
   */
  readonly deletionWindow?: Duration;
  /**
   * Automatic rotation period (90-2560 days); rotation is always on.
   * @default Duration.days(365)
   */
  readonly rotationPeriod?: Duration;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Account, region and partition.
   * @default AwsEnvironment.fromProvider()
   */
  readonly environment?: AwsEnvironment;
}

/** Sids of the statements this construct adds to the key policy. */
export const EksKeyPolicySids = {
  CLUSTER_USE: 'AllowEksClusterRoleUseOfTheKey',
  CLUSTER_GRANTS: 'AllowEksClusterRoleGrantsOnlyForAwsResources',
} as const;

/**
 * A rotating customer-managed key for EKS envelope encryption of Kubernetes Secrets, with alias
 * `alias/eks/<cluster>` and a key policy that keeps the account root and lets the cluster role use
 * the key (Encrypt, Decrypt, DescribeKey, ListGrants; CreateGrant only for AWS resources).
 *
 * **One-way:** once a cluster has secrets encryption enabled, it cannot be disabled or switched back;
 * adding it to an existing cluster is an in-place update that cannot be undone, and deleting the
 * key makes every Kubernetes Secret of the cluster unreadable.
 */
export class EksSecretsEncryptionKey extends Construct {
  /** The key. */
  public readonly key: KmsKey;
  /** ARN of the key (token). */
  public readonly keyArn: string;
  /** The alias, `alias/eks/<clusterName>`. */
  public readonly aliasName: string;

  constructor(scope: Construct, id: string, props: EksSecretsEncryptionKeyProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'EksSecretsEncryptionKeyProps', {
      'clusterName': 'nonEmptyString',
      'clusterRoleArn': 'nonEmptyString',
      'deletionWindow?': DURATION_RULE,
      'rotationPeriod?': DURATION_RULE,
      'tags?': 'stringMap',
      'environment?': ENVIRONMENT_RULE,
    });
    if (!Token.isUnresolved(props.clusterName) && !/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(props.clusterName)) {
      throw invalidString(path, 'clusterName', props.clusterName, 'an EKS cluster name: 1 to 100 letters, digits, "-" and "_", starting with a letter or digit',
        'pass the name of the cluster (aws_eks_cluster.name)');
    }
    if (!Token.isUnresolved(props.clusterRoleArn) && !isIamRoleArn(props.clusterRoleArn)) {
      throw /[*?]/.test(props.clusterRoleArn)
        ? wildcardPrincipal(path, 'clusterRoleArn', props.clusterRoleArn)
        : invalidArn(path, 'clusterRoleArn', props.clusterRoleArn, 'an IAM role', 'arn:aws:iam::111122223333:role/eks-cluster');
    }
    assertDuration(path, 'deletionWindow', props.deletionWindow, { wholeUnit: 'd' });
    assertDuration(path, 'rotationPeriod', props.rotationPeriod, { wholeUnit: 'd' });
    this.aliasName = `alias/eks/${props.clusterName}`;
    this.key = new KmsKey(this, 'Key', {
      description: `EKS envelope encryption of Kubernetes Secrets for cluster ${props.clusterName}`,
      alias: this.aliasName,
      deletionWindow: props.deletionWindow,
      rotationPeriod: props.rotationPeriod,
      tags: props.tags,
      environment: props.environment,
      policyStatements: [
        {
          Sid: EksKeyPolicySids.CLUSTER_USE,
          Effect: PolicyEffect.ALLOW,
          Principal: { AWS: props.clusterRoleArn },
          Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ListGrants'],
          Resource: ['*'],
        },
        {
          Sid: EksKeyPolicySids.CLUSTER_GRANTS,
          Effect: PolicyEffect.ALLOW,
          Principal: { AWS: props.clusterRoleArn },
          Action: ['kms:CreateGrant'],
          Resource: ['*'],
          Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        },
      ],
    });
    this.keyArn = this.key.keyArn;
  }

  /** The `encryption_config` block of `aws_eks_cluster`: secrets encrypted with this key. */
  public get encryptionConfig(): EksClusterEncryptionConfig {
    return { resources: ['secrets'], provider: { keyArn: this.keyArn } };
  }

  /**
   * Sets `encryption_config` on an existing `EksCluster` construct. **One-way**: once applied to a
   * live cluster, encryption cannot be removed.
   */
  public applyTo(cluster: EksCluster): void {
    cluster.putEncryptionConfig(this.encryptionConfig);
  }
}
