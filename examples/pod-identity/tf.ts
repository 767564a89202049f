/**
 * Cloud side of the Pod Identity example (cdktf). Two stacks, applied in order:
 *
 * 1. `pod-identity-cluster`: the EKS cluster, its Kubernetes Secrets envelope-encrypted with a rotating
 *    CMK (`alias/eks/shop-pi-prod`), its managed node group (IMDSv2, hop limit 1), and the
 *    `eks-pod-identity-agent` add-on (the node agent that hands Pod Identity credentials to pods:
 *    without it an association has no effect).
 * 2. `pod-identity-secrets`: everything the declaration derives (CMK for secrets, the Secrets Manager
 *    secret, the SecureString parameter, the controller role trusting `pods.eks.amazonaws.com` and its
 *    association with `external-secrets:external-secrets`) and the ESO + Reloader releases. The ESO
 *    release depends on the association: EKS injects Pod Identity credentials only into pods created
 *    after the association exists.
 */
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { addEncryptedEksCluster } from '../shared/eks-cluster';
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
  const { eks } = addEncryptedEksCluster(clusterStack, cluster.clusterName);
  // Version: the default the cluster version supports (`aws eks describe-addon-versions` to pin one).
  new EksAddon(clusterStack, 'pod-identity-agent', {
    clusterName: eks.name,
    addonName: 'eks-pod-identity-agent',
    resolveConflictsOnCreate: 'OVERWRITE',
    resolveConflictsOnUpdate: 'OVERWRITE',
  });
  new TerraformOutput(clusterStack, 'cluster_name', { value: eks.name });

  const secretsStack = new TerraformStack(app, 'pod-identity-secrets');
  secretsStack.addDependency(clusterStack);
  new AwsProvider(secretsStack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const infrastructure = new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });
  const helm = HelmConnection.fromEks(secretsStack, 'helm', { clusterName: cluster.clusterName, region: cluster.region });
  // The release waits for the Pod Identity association (EsoClusterAddons orders it after a PodIdentityRole's associations).
  new EsoClusterAddons(secretsStack, 'addons', { declaration, cluster, provider: helm, identity: infrastructure.controllerIdentity(cluster) });
  return { clusterStack, secretsStack };
}
