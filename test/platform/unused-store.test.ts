import { Chart, Testing as K8sTesting } from 'cdk8s';
import { App, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { ClusterDeclaration, SecretBackend, SecretsDeclaration, VaultTokenReviewer, renderAccessMatrix } from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { resourcesOf, synthTerraform } from '../helpers/terraform';

const TENANT = '00000000-0000-0000-0000-000000000001';
const GCP = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };

/** The first phase of a migration: a store is declared, nothing reads through it yet. */
const CASES: ReadonlyArray<[string, () => { d: SecretsDeclaration; cluster: ClusterDeclaration }, readonly string[]]> = [
  ['AWS Secrets Manager', () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const cluster = d.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    return { d, cluster };
  }, ['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_role_policy_attachment']],
  ['Vault', () => {
    const d = new SecretsDeclaration({ name: 'lab' });
    const cluster = d.addCluster('rke2', { clusterName: 'rke2' } as never);
    const server = d.addVaultServer('vs', { address: 'https://vault.example.com' });
    d.addVaultAuth('a', { server, cluster, kubernetesHost: 'https://api.example.com:6443', reviewer: VaultTokenReviewer.VAULT_IN_CLUSTER });
    d.addVaultStore('vault', { name: 'vault', server });
    return { d, cluster };
  }, ['vault_policy']],
  ['Azure Key Vault', () => {
    const d = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
    const cluster = d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    d.addAzureKeyVaultStore('kv', { name: 'kv', vault });
    return { d, cluster };
  }, ['azurerm_role_assignment']],
  ['Google Secret Manager', () => {
    const d = new SecretsDeclaration({ name: 'g', gcp: GCP });
    const cluster = d.addGkeCluster('gke', { clusterName: 'gke', projectId: GCP.projectId, location: 'europe-west1' });
    d.addGoogleSecretManagerStore('gsm', { name: 'gsm' });
    return { d, cluster };
  }, ['google_secret_manager_secret_iam_member', 'google_project_iam_member']],
];

describe('a store nothing reads through yet', () => {
  test.each(CASES)('%s: both sides render, the identity and its trust exist, no grant anywhere', (_name, build, grantTypes) => {
    // GIVEN
    const { d, cluster } = build();
    // WHEN
    const cloud = new TerraformStack(Testing.app() as App, 'cloud');
    new AwsProvider(cloud, 'aws', { region: 'eu-west-1' });
    new AzurermProvider(cloud, 'azurerm', { features: [{}] });
    new GoogleProvider(cloud, 'google', {});
    new VaultProvider(cloud, 'vault', {});
    new SecretsPlatformInfrastructure(cloud, 'platform', { declaration: d });
    const json = synthTerraform(cloud);
    const chart = new Chart(K8sTesting.app(), 'k8s');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster });
    const manifests = synthValid(chart);
    // THEN
    for (const type of grantTypes) {
      expect([type, resourcesOf(json, type)]).toEqual([type, []]);
    }
    const [identity] = d.plan().identities;
    expect(identity).toBeDefined();
    expect(findManifest(manifests, 'ClusterSecretStore', d.stores[0].name)).toBeDefined();
    expect(renderAccessMatrix(d)).toContain('| nothing: unused (no ExternalSecret or PushSecret uses its stores yet) |');
  });

  test('Vault: the role binds the service account with no policy but Vault\'s default', () => {
    const { d } = CASES[1][1]();
    const cloud = new TerraformStack(Testing.app() as App, 'cloud');
    new VaultProvider(cloud, 'vault', {});
    new SecretsPlatformInfrastructure(cloud, 'platform', { declaration: d });
    const [role] = resourcesOf(synthTerraform(cloud), 'vault_kubernetes_auth_backend_role');
    expect([role.bound_service_account_names, role.token_policies]).toEqual([['external-secrets'], []]);
  });

  test('AWS: the role and its pinned trust exist', () => {
    const { d } = CASES[0][1]();
    const cloud = new TerraformStack(Testing.app() as App, 'cloud');
    new AwsProvider(cloud, 'aws', { region: 'eu-west-1' });
    new SecretsPlatformInfrastructure(cloud, 'platform', { declaration: d });
    const [role] = resourcesOf(synthTerraform(cloud), 'aws_iam_role');
    expect(JSON.parse(role.assume_role_policy as string).Statement[0].Condition.StringEquals).toEqual({
      'oidc.eks.eu-west-1.amazonaws.com/id/PROD:sub': 'system:serviceaccount:external-secrets:external-secrets',
      'oidc.eks.eu-west-1.amazonaws.com/id/PROD:aud': 'sts.amazonaws.com',
    });
  });
});
