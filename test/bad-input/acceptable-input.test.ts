import { Chart, Testing as K8sTesting } from 'cdk8s';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import {
  AwsEnvironment, GcpProject, Password, planConstructs, renderTypeScript, GoogleSecretManagerSecret, GoogleServiceAccountIdentity, KubernetesWorkloadIdentityPool, VaultKvMount, VaultKvSecret, ClusterExternalSecret, ClusterSecretStore, Duration, ExternalSecret, KmsKey, SecretStore, SecretStoreProvider,
  SecretsDeclaration, SecretsPlatformInfrastructure,
} from '../../lib';
import { findManifest, synthValid } from '../helpers/eso-schema';

function chart(): Chart {
  return new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
}

describe('acceptable input near the bad-input boundaries: the output is valid and safe', () => {
  test('ClusterExternalSecret.ALL_NAMESPACES selects every namespace explicitly and validates against the CRD', () => {
    // GIVEN
    const c = chart();
    // WHEN
    new ClusterExternalSecret(c, 'all', {
      name: 'all', store: ClusterSecretStore.fromClusterSecretStoreName(c, 'g', 'global'),
      namespaceSelectors: [ClusterExternalSecret.ALL_NAMESPACES], data: [{ secretKey: 'k', remoteRef: { key: 'r' } }],
    });
    // THEN
    const ces = findManifest(synthValid(c), 'ClusterExternalSecret', 'all');
    expect((ces.spec as { namespaceSelectors: unknown }).namespaceSelectors).toEqual([{ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'Exists' }] }]);
  });

  test('a sub-millisecond refresh renders exactly (never "0s"), templates with actions and acknowledged literals pass', () => {
    // GIVEN
    const c = chart();
    const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
    // WHEN
    new ExternalSecret(c, 'es', {
      name: 'app', store, refreshInterval: Duration.parse('1m30.5s'),
      data: [{ secretKey: 'password', remoteRef: { key: 'team/app' } }],
      target: {
        template: {
          data: { 'url': 'postgres://app:{{ .password | urlquery }}@db:5432/app', 'user': 'app', 'api-key-name': 'billing' },
          acknowledgeLiteralValues: { keys: ['api-key-name'], reason: 'the name of the key, not the key' },
        },
      },
    });
    // THEN
    const es = findManifest(synthValid(c), 'ExternalSecret', 'app');
    const spec = es.spec as { refreshInterval: string; target: { template: { data: unknown } } };
    expect(spec.refreshInterval).toBe('1m30s500ms');
    expect(spec.target.template.data).toEqual({ 'url': 'postgres://app:{{ .password | urlquery }}@db:5432/app', 'user': 'app', 'api-key-name': 'billing' });
    expect(JSON.stringify(es)).not.toContain('acknowledge');
  });

  test('free text with ${...} reaches Terraform escaped, so it is written literally instead of evaluated', () => {
    // GIVEN
    const stack = new TerraformStack(Testing.app(), 's');
    // WHEN
    new KmsKey(stack, 'Key', { description: 'owner: ${var.team} %{if true}x%{endif}', environment: AwsEnvironment.of({ account: '111122223333', region: 'eu-west-1' }) });
    // THEN
    const json = JSON.parse(Testing.synth(stack)) as { resource: { aws_kms_key: Record<string, { description: string }> } };
    expect(Object.values(json.resource.aws_kms_key)[0].description).toBe('owner: $${var.team} %%{if true}x%%{endif}');
  });

  test('free text on the Google and Vault constructs reaches Terraform escaped too', () => {
    // GIVEN
    const stack = new TerraformStack(Testing.app(), 's');
    new GoogleProvider(stack, 'google', {});
    new VaultProvider(stack, 'vault', { address: 'https://vault.example.com:8200' });
    const project = GcpProject.fromProjectAttributes(stack, 'P', { projectId: 'shop-prod', projectNumber: '123456789012' });
    const serviceAccounts = [{ namespace: 'external-secrets', name: 'eso' }];
    // WHEN
    new GoogleServiceAccountIdentity(stack, 'Gsa', { project, accountId: 'eso-reader', serviceAccounts, description: 'owner ${var.team}', displayName: 'eso %{x}' });
    new KubernetesWorkloadIdentityPool(stack, 'Pool', { project, poolId: 'onprem', issuerUrl: 'https://oidc.example.com/c1', serviceAccounts, displayName: 'pool ${var.x}' });
    new GoogleSecretManagerSecret(stack, 'Secret', { project, secretId: 'db', annotations: { note: 'see ${var.doc}' } });
    const mount = new VaultKvMount(stack, 'Kv', { description: 'kv ${var.y}' });
    new VaultKvSecret(stack, 'KvSecret', { mount, secretPath: 'apps/db', customMetadata: { owner: '${var.owner}' } });
    // THEN
    const json = JSON.parse(Testing.synth(stack, true)) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const only = (type: string): Record<string, unknown> => Object.values(json.resource[type])[0];
    expect(only('google_service_account')).toMatchObject({ description: 'owner $${var.team}', display_name: 'eso %%{x}' });
    expect(only('google_iam_workload_identity_pool')).toMatchObject({ display_name: 'pool $${var.x}' });
    expect(only('google_secret_manager_secret')).toMatchObject({ annotations: { note: 'see $${var.doc}' } });
    expect(only('vault_mount')).toMatchObject({ description: 'kv $${var.y}' });
    expect(only('vault_kv_secret_v2')).toMatchObject({ custom_metadata: { data: { owner: '$${var.owner}' } } });
  });

  test('a find on an Azure store lists the vault without values and reads only the declared secrets it matches', () => {
    // GIVEN a find on flag-.* in a vault holding two flags and a database password
    const d = new SecretsDeclaration({ name: 'shop', azure: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' } });
    d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    ['flag-a', 'flag-b', 'db'].forEach((name) => d.addKeyVaultSecret(name, { vault, name }));
    const store = d.addAzureKeyVaultStore('kv', { name: 'kv', vault });
    d.addExternalSecret('flags', { name: 'flags', namespace: 'shop', store, find: [{ nameRegexp: 'flag-.*' }] });
    const stack = new TerraformStack(Testing.app(), 's');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    // WHEN
    new SecretsPlatformInfrastructure(stack, 'platform', { declaration: d });
    // THEN no value read on the vault; the listing role holds one data action; Secrets User on the two flags only
    type Resources = Record<string, Record<string, Record<string, unknown>>>;
    const json = JSON.parse(Testing.synth(stack, true)) as { resource: Resources };
    const [vaultId] = Object.keys(json.resource.azurerm_key_vault);
    const assignments = Object.values(json.resource.azurerm_role_assignment);
    expect(assignments.filter((a) => a.scope === `\${azurerm_key_vault.${vaultId}.id}`).map((a) => a.role_definition_name)).toEqual([undefined]);
    expect(Object.values(json.resource.azurerm_role_definition).map((r) => r.permissions))
      .toEqual([[{ data_actions: ['Microsoft.KeyVault/vaults/secrets/readMetadata/action'] }]]);
    const secretIds = Object.entries(json.resource.azurerm_key_vault_secret).filter(([, r]) => String(r.name).startsWith('flag-')).map(([id]) => id);
    expect(assignments.filter((a) => a.role_definition_name === 'Key Vault Secrets User').map((a) => a.scope).sort())
      .toEqual(secretIds.map((id) => `\${azurerm_key_vault_secret.${id}.resource_versionless_id}`).sort());
  });

  test('an empty migration renders a module without an empty import list, long passwords pass with allowRepeat', () => {
    // GIVEN / WHEN
    const module = renderTypeScript(planConstructs([]));
    const c = chart();
    new Password(c, 'pw', { name: 'pw', length: 200, allowRepeat: true });
    // THEN
    expect(module).not.toMatch(/import \{\s*,/);
    expect(module).toContain('export class MigratedSecretsChart extends Chart {');
    expect(findManifest(synthValid(c), 'Password', 'pw').spec).toMatchObject({ length: 200, allowRepeat: true });
  });
});
