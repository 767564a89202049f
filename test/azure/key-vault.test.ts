import { TerraformVariable } from 'cdktf';
import {
  AzureCloud, AzureKeyVault, AzurePrincipal, KeyVaultNetworkAction, KeyVaultNetworkBypass, KeyVaultSku,
} from '../../lib/azure';
import { azureStack, expose, findResource, outputValue, ref, resources, synth, TENANT, VAULT_ID } from './helpers';

const base = { resourceGroupName: 'rg-sec', location: 'westeurope' };

describe('AzureKeyVault', () => {
  test('defaults: RBAC, purge protection, 90-day retention, firewall Deny with Azure services bypass', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    const vault = new AzureKeyVault(stack, 'Vault', { ...base, vaultName: 'kv-payments', tenantId: TENANT });
    expose(stack, 'vaultId', vault.vaultId);
    expose(stack, 'vaultUri', vault.vaultUri);
    // THEN
    const out = synth(stack);
    const kv = findResource(out, 'azurerm_key_vault');
    expect(kv).toMatchObject({
      name: 'kv-payments',
      resource_group_name: 'rg-sec',
      location: 'westeurope',
      tenant_id: TENANT,
      sku_name: 'standard',
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: true,
      network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [], virtual_network_subnet_ids: [] },
    });
    expect(kv).not.toHaveProperty('access_policy');
    expect(kv).not.toHaveProperty('enable_rbac_authorization');
    expect(vault.vaultUrl).toBe('https://kv-payments.vault.azure.net/');
    expect(vault.networkDefaultAction).toBe(KeyVaultNetworkAction.DENY);
    expect(outputValue(out, 'vaultId')).toBe(ref(stack, vault.resource, 'id'));
    expect(outputValue(out, 'vaultUri')).toBe(ref(stack, vault.resource, 'vault_uri'));
  });

  test('tenant defaults to the provider client config', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    const vault = new AzureKeyVault(stack, 'Vault', { ...base, vaultName: 'kv-payments' });
    // THEN
    const out = synth(stack);
    expect(Object.keys(out.data?.azurerm_client_config ?? {})).toHaveLength(1);
    expect(findResource(out, 'azurerm_key_vault').tenant_id).toMatch(/^\$\{data\.azurerm_client_config\.[^.]+\.tenant_id\}$/);
    expect(vault.tenantId).toEqual(expect.any(String));
  });

  test('options: premium, retention, firewall rules sorted, bypass None, private only, tags', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    new AzureKeyVault(stack, 'Vault', {
      ...base, vaultName: 'kv-payments', tenantId: TENANT, sku: KeyVaultSku.PREMIUM, softDeleteRetentionDays: 7,
      publicNetworkAccess: false, tags: { team: 'payments' },
      networkAcls: {
        allowedIpRules: ['203.0.113.10', '198.51.100.0/24'],
        allowedSubnetIds: ['/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/b',
          '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/a'],
        bypass: KeyVaultNetworkBypass.NONE,
      },
    });
    // THEN
    const kv = findResource(synth(stack), 'azurerm_key_vault');
    expect(kv).toMatchObject({
      sku_name: 'premium',
      soft_delete_retention_days: 7,
      public_network_access_enabled: false,
      tags: { team: 'payments' },
      network_acls: {
        default_action: 'Deny',
        bypass: 'None',
        ip_rules: ['198.51.100.0/24', '203.0.113.10'],
        virtual_network_subnet_ids: [
          '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/a',
          '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/b',
        ],
      },
    });
  });

  test.each([
    [AzureCloud.PUBLIC, 'https://kv-gov.vault.azure.net/'],
    [AzureCloud.US_GOVERNMENT, 'https://kv-gov.vault.usgovcloudapi.net/'],
    [AzureCloud.CHINA, 'https://kv-gov.vault.azure.cn/'],
  ])('literal vaultUrl for %s', (cloud, url) => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    const vault = new AzureKeyVault(stack, 'Vault', { ...base, vaultName: 'KV-Gov', tenantId: TENANT, cloud });
    // THEN
    expect(vault.vaultUrl).toBe(url);
    expect(vault.cloud).toBe(cloud);
  });

  test('grants Secrets User, Secrets Officer and Crypto User on the vault, once per principal and role', () => {
    // GIVEN
    const stack = azureStack();
    const vault = new AzureKeyVault(stack, 'Vault', { ...base, vaultName: 'kv-payments', tenantId: TENANT });
    const principal = AzurePrincipal.fromPrincipalId(stack, 'Eso', { principalId: '11111111-1111-1111-1111-111111111111' });
    // WHEN
    const first = vault.grantSecretsRead(principal);
    const second = vault.grantSecretsRead(principal);
    vault.grantSecretsWrite(principal);
    vault.grantCryptoUse(principal);
    // THEN
    expect(second).toBe(first);
    const out = synth(stack);
    const assignments = resources(out, 'azurerm_role_assignment');
    expect(assignments.map((a) => a.role_definition_name).sort()).toEqual([
      'Key Vault Crypto User', 'Key Vault Secrets Officer', 'Key Vault Secrets User',
    ]);
    for (const assignment of assignments) {
      expect(assignment).toMatchObject({
        scope: ref(stack, vault.resource, 'id'),
        principal_id: '11111111-1111-1111-1111-111111111111',
        principal_type: 'ServicePrincipal',
      });
    }
  });

  test('fromVaultAttributes derives name and URL from the ID and grants on that ID', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID, cloud: AzureCloud.US_GOVERNMENT });
    vault.grantSecretsRead(AzurePrincipal.fromPrincipalId(stack, 'Eso', { principalId: 'p' }));
    // THEN
    expect(vault.vaultName).toBe('kv-shared');
    expect(vault.vaultUrl).toBe('https://kv-shared.vault.usgovcloudapi.net/');
    expect(vault.networkDefaultAction).toBeUndefined();
    const out = synth(stack);
    expect(resources(out, 'azurerm_key_vault')).toHaveLength(0);
    expect(findResource(out, 'azurerm_role_assignment')).toMatchObject({ scope: VAULT_ID, role_definition_name: 'Key Vault Secrets User' });
  });

  test('fromVaultAttributes accepts a token ID with an explicit name', () => {
    // GIVEN
    const stack = azureStack();
    const id = new TerraformVariable(stack, 'vault_id', { type: 'string' });
    // WHEN
    const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: id.stringValue, vaultName: 'kv-shared' });
    // THEN
    expect(vault.vaultUrl).toBe('https://kv-shared.vault.azure.net/');
  });

  describe('validation', () => {
    test.each(['kv', 'kv-name-that-is-far-too-long', '1kv-name', 'kv-name-', 'kv--name', 'kv_name'])('fails on vault name %s', (name) => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new AzureKeyVault(stack, 'Vault', { ...base, vaultName: name, tenantId: TENANT })).toThrow(
        `[test/Vault] vaultName: received ${JSON.stringify(name)}. Allowed: 3 to 24 characters, letters, digits and "-", starting with a letter, ending with a letter or digit, no consecutive "-". Fix: rename the vault; the name is also the global DNS label <name>.vault.azure.net, so it must be unique across Azure.`);
    });

    test('accepts the boundary names', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN
      const short = new AzureKeyVault(stack, 'Short', { ...base, vaultName: 'kv1', tenantId: TENANT });
      const long = new AzureKeyVault(stack, 'Long', { ...base, vaultName: 'k'.repeat(24), tenantId: TENANT });
      // THEN
      expect([short.vaultName, long.vaultName]).toEqual(['kv1', 'k'.repeat(24)]);
    });

    test('fails on a tenant ID that is not a GUID', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new AzureKeyVault(stack, 'Vault', { ...base, vaultName: 'kv-payments', tenantId: 'contoso.onmicrosoft.com' })).toThrow(
        '[test/Vault] tenantId: received "contoso.onmicrosoft.com". Allowed: a GUID such as "00000000-0000-0000-0000-000000000000". Fix: pass the Entra tenant ID (az account show --query tenantId), or the tenant_id attribute of a DataAzurermClientConfig.');
    });

    test.each([6, 91, 30.5])('fails on soft-delete retention %s', (days) => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new AzureKeyVault(stack, 'Vault', { ...base, vaultName: 'kv-payments', tenantId: TENANT, softDeleteRetentionDays: days })).toThrow(
        `[test/Vault] softDeleteRetentionDays: received ${days}. Allowed: a whole number of days from 7 to 90. Fix: pick a value from 7 to 90 (Azure cannot change it after the vault is created).`);
    });

    test('fails on an imported vault ID that is a resource group', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: '/subscriptions/s/resourceGroups/rg-sec' })).toThrow(
        '[test/Shared] vaultId: received "/subscriptions/s/resourceGroups/rg-sec". Allowed: a Key Vault resource ID "/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>". Fix: pass the id attribute of the vault (az keyvault show --query id), not a resource group or subscription ID.');
    });

    test('fails on an imported token ID without a name', () => {
      // GIVEN
      const stack = azureStack();
      const id = new TerraformVariable(stack, 'vault_id', { type: 'string' });
      // WHEN / THEN
      expect(() => AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: id.stringValue })).toThrow(
        '[test/Shared] vaultName: received undefined. Allowed: a non-empty value. Fix: pass vaultName when vaultId is a token.');
    });
  });
});
