import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { EsoAuthModel, SecretsDeclaration, StoreScope } from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { KeyVaultWorkloadIdentity } from '../../lib/azure';
import { resourcesOf, synthTerraform } from '../helpers/terraform';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function render(exclusive: boolean) {
  const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
  const aks = declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
  const vault = declaration.addKeyVault('team', { name: 'kv-az-team', resourceGroupName: 'rg', location: 'westeurope', exclusive });
  const secrets = [1, 2, 3].map((i) => declaration.addKeyVaultSecret(`s${i}`, { vault, name: `secret-${i}` }));
  const store = declaration.addAzureKeyVaultStore('team', { name: 'team', vault, scope: StoreScope.NAMESPACED, namespaces: ['team'], clusters: [aks], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  declaration.addExternalSecret('app', { name: 'app', namespace: 'team', store, data: secrets.map((secret, i) => ({ secretKey: `k${i}`, secret })) });
  const stack = new TerraformStack(Testing.app(), 'az');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  return { stack, infrastructure, declaration };
}

describe('Azure role assignments as rendered', () => {
  test('an exclusive vault read in full: one Key Vault Secrets User assignment at vault scope, and the output verifies', () => {
    // WHEN
    const json = synthTerraform(render(true).stack);
    // THEN
    const assignments = resourcesOf(json, 'azurerm_role_assignment');
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toEqual(expect.objectContaining({ role_definition_name: 'Key Vault Secrets User' }));
    expect(assignments[0].scope).toMatch(/^\$\{azurerm_key_vault\.platform_KeyVault-team_[0-9A-F]+\.id\}$/);
  });

  test('a vault others may write: one assignment per secret', () => {
    // WHEN
    const json = synthTerraform(render(false).stack);
    // THEN
    const scopes = resourcesOf(json, 'azurerm_role_assignment').map((a) => a.scope as string);
    expect(scopes).toHaveLength(3);
    scopes.forEach((scope) => expect(scope).toMatch(/^\$\{azurerm_key_vault_secret\.platform_Secret-s[123]_[0-9A-F]+\.resource_versionless_id\}$/));
  });

  test('verified output: a vault-scope assignment the plan does not derive (the vault is not exclusive) fails synth (CES-VER-5)', () => {
    // GIVEN
    const { stack, infrastructure, declaration } = render(false);
    const identity = infrastructure.identity(declaration.plan().identities[0]) as KeyVaultWorkloadIdentity;
    identity.grantReadSecrets(infrastructure.keyVault(declaration.keyVaults[0]));
    // WHEN / THEN
    expect(() => synthTerraform(stack)).toThrow(/identity store-team-team in azurerm_role_assignment\.[^:]+: received "Key Vault Secrets User on \$\{azurerm_key_vault\.platform_KeyVault-team_[0-9A-F]+\.id\}"\. Allowed: the assignments the plan derives from identity "store-team-team"'s reads, finds and pushes: Key Vault Secrets User on .*\(rule CES-VER-5\)/);
  });
});
