import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { AKS_AAD_SERVER_ID, HelmConnection, KubeloginMode } from '../../lib/helm/connection';
import { ExternalSecretsOperatorRelease } from '../../lib/helm/eso-release';
import { findRelease, newStack, synth, TfJson } from './synth';

const CREDENTIAL_KEYS = ['token', 'client_key', 'client_certificate', 'password', 'username'];

/** Every object key anywhere in the document. */
function allKeys(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => allKeys(v, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return into;
}

function expectNoCredentials(doc: TfJson): void {
  const keys = allKeys(doc);
  for (const key of CREDENTIAL_KEYS) {
    expect(keys.has(key)).toBe(false);
  }
  expect(doc.data?.aws_eks_cluster_auth).toBeUndefined();
}

function helmProvider(doc: TfJson, alias?: string): TfJson {
  const found = (doc.provider.helm as TfJson[]).filter((p) => p.alias === alias);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('HelmConnection', () => {
  test('fromEks: endpoint and CA from the cluster data source, token from aws eks get-token', () => {
    // GIVEN
    const stack = newStack(false);
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    // WHEN
    const provider = HelmConnection.fromEks(stack, 'Prod', {
      clusterName: 'prod', region: 'eu-west-1', roleArn: 'arn:aws:iam::111122223333:role/deployer', awsProfile: 'deploy', alias: 'prod',
    });
    new ExternalSecretsOperatorRelease(stack, 'Eso', { provider });
    // THEN
    const doc = synth(stack);
    const clusters = Object.entries(doc.data.aws_eks_cluster as Record<string, TfJson>);
    expect(clusters).toHaveLength(1);
    const [clusterId, cluster] = clusters[0];
    expect(cluster).toMatchObject({ name: 'prod', region: 'eu-west-1' });
    expect(helmProvider(doc, 'prod').kubernetes).toEqual({
      host: `\${data.aws_eks_cluster.${clusterId}.endpoint}`,
      cluster_ca_certificate: `\${base64decode(data.aws_eks_cluster.${clusterId}.certificate_authority[0].data)}`,
      exec: {
        api_version: 'client.authentication.k8s.io/v1beta1',
        command: 'aws',
        args: ['eks', 'get-token', '--cluster-name', 'prod', '--output', 'json', '--region', 'eu-west-1', '--role-arn', 'arn:aws:iam::111122223333:role/deployer',
          '--profile', 'deploy'],
      },
    });
    expect(findRelease(doc, 'external-secrets').provider).toBe('helm.prod');
    expectNoCredentials(doc);
  });

  test('fromAks: kubelogin exec with the AKS AAD server ID, no client credentials', () => {
    // GIVEN
    const stack = newStack(false);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    // WHEN
    HelmConnection.fromAks(stack, 'Aks', {
      clusterName: 'aks-prod', resourceGroupName: 'rg-prod',
      loginMode: KubeloginMode.MANAGED_IDENTITY, managedIdentityClientId: '00000000-0000-0000-0000-0000000000cc',
    });
    // THEN
    const doc = synth(stack);
    const clusters = Object.entries(doc.data.azurerm_kubernetes_cluster as Record<string, TfJson>);
    expect(clusters).toHaveLength(1);
    const [clusterId, cluster] = clusters[0];
    expect(cluster).toMatchObject({ name: 'aks-prod', resource_group_name: 'rg-prod' });
    expect(helmProvider(doc).kubernetes).toEqual({
      host: `\${data.azurerm_kubernetes_cluster.${clusterId}.kube_config[0].host}`,
      cluster_ca_certificate: `\${base64decode(data.azurerm_kubernetes_cluster.${clusterId}.kube_config[0].cluster_ca_certificate)}`,
      exec: {
        api_version: 'client.authentication.k8s.io/v1beta1',
        command: 'kubelogin',
        args: ['get-token', '--login', 'msi', '--server-id', AKS_AAD_SERVER_ID, '--client-id', '00000000-0000-0000-0000-0000000000cc'],
      },
    });
    expectNoCredentials(doc);
  });

  test('fromAks defaults to the Azure CLI login', () => {
    // GIVEN
    const stack = newStack(false);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    // WHEN
    HelmConnection.fromAks(stack, 'Aks', { clusterName: 'aks', resourceGroupName: 'rg' });
    // THEN
    expect(helmProvider(synth(stack)).kubernetes.exec.args).toEqual(['get-token', '--login', 'azurecli', '--server-id', AKS_AAD_SERVER_ID]);
  });

  test('fromGke: endpoint and CA from the cluster data source, token from gke-gcloud-auth-plugin', () => {
    // GIVEN
    const stack = newStack(false);
    new GoogleProvider(stack, 'google', { project: 'platform-prod-4711' });
    // WHEN
    const provider = HelmConnection.fromGke(stack, 'Gke', { clusterName: 'gke-prod', location: 'europe-west1', projectId: 'platform-prod-4711', alias: 'gke' });
    new ExternalSecretsOperatorRelease(stack, 'Eso', { provider });
    // THEN
    const doc = synth(stack);
    const clusters = Object.entries(doc.data.google_container_cluster as Record<string, TfJson>);
    expect(clusters).toHaveLength(1);
    const [clusterId, cluster] = clusters[0];
    expect(cluster).toMatchObject({ name: 'gke-prod', location: 'europe-west1', project: 'platform-prod-4711' });
    expect(helmProvider(doc, 'gke').kubernetes).toEqual({
      host: `https://\${data.google_container_cluster.${clusterId}.endpoint}`,
      cluster_ca_certificate: `\${base64decode(data.google_container_cluster.${clusterId}.master_auth[0].cluster_ca_certificate)}`,
      exec: { api_version: 'client.authentication.k8s.io/v1beta1', command: 'gke-gcloud-auth-plugin' },
    });
    expect(findRelease(doc, 'external-secrets').provider).toBe('helm.gke');
    expectNoCredentials(doc);
  });

  test('fails on an empty GKE cluster name or location', () => {
    expect(() => HelmConnection.fromGke(newStack(false), 'Gke', { clusterName: '', location: 'europe-west1' })).toThrow(
      '[test/Gke] clusterName: received undefined. Allowed: a non-empty value. Fix: pass the GKE cluster name.');
    expect(() => HelmConnection.fromGke(newStack(false), 'Gke', { clusterName: 'gke-prod', location: '' })).toThrow(
      '[test/Gke] location: received undefined. Allowed: a non-empty value. Fix: pass the cluster\'s region (regional cluster) or zone (zonal cluster).');
  });

  test('fromKubeconfig: only the path and context are synthesized', () => {
    // GIVEN
    const stack = newStack(false);
    // WHEN
    HelmConnection.fromKubeconfig(stack, 'Local', { configPath: '~/.kube/config', context: 'kind-dev', alias: 'dev' });
    // THEN
    const doc = synth(stack);
    expect(helmProvider(doc, 'dev').kubernetes).toEqual({ config_path: '~/.kube/config', config_context: 'kind-dev' });
    expectNoCredentials(doc);
  });

  test('fails on an empty EKS cluster name', () => {
    expect(() => HelmConnection.fromEks(newStack(false), 'Prod', { clusterName: '' })).toThrow(
      '[test/Prod] clusterName: received undefined. Allowed: a non-empty value. Fix: pass the EKS cluster name.');
  });

  test('fails on an empty kubeconfig path', () => {
    expect(() => HelmConnection.fromKubeconfig(newStack(false), 'Local', { configPath: '' })).toThrow(
      '[test/Local] configPath: received undefined. Allowed: a non-empty value. Fix: pass the kubeconfig path, for example "~/.kube/config".');
  });

  test('fromEks in a stack without an AWS provider fails at synth, saying so', () => {
    // GIVEN a stack with the Helm provider only
    const stack = newStack(false);
    HelmConnection.fromEks(stack, 'Prod', { clusterName: 'shop-prod', region: 'eu-west-1' });
    // WHEN / THEN
    expect(() => synth(stack)).toThrow(
      '[test/Prod] awsProvider: received undefined. Allowed: an AwsProvider for the aws_eks_cluster lookup: passed as awsProvider, or a default one ' +
      '(without alias) in stack "test". Fix: add new AwsProvider(stack, \'aws\', { region }) to the stack, or pass awsProvider.');
  });

  test('fromEks counts an aliased AWS provider only when passed as awsProvider', () => {
    // GIVEN two stacks with only an aliased AWS provider; the second passes it
    const without = newStack(false);
    new AwsProvider(without, 'aws-east', { region: 'us-east-1', alias: 'east' });
    HelmConnection.fromEks(without, 'Prod', { clusterName: 'shop-prod' });
    const withIt = newStack(false);
    const east = new AwsProvider(withIt, 'aws-east', { region: 'us-east-1', alias: 'east' });
    HelmConnection.fromEks(withIt, 'Prod', { clusterName: 'shop-prod', awsProvider: east });
    // WHEN / THEN
    expect(() => synth(without)).toThrow('[test/Prod] awsProvider: received undefined.');
    expect(synth(withIt).data.aws_eks_cluster).toBeDefined();
  });
});
