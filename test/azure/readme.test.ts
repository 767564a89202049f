// Keeps the quick start of lib/azure/README.md compiling and behaving as documented.
import { TerraformVariable } from 'cdktf';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import {
  AzureKeyVault, AzureKeyVaultSecret, KeyVaultSecretValue, KeyVaultWorkloadIdentity,
} from '../../lib/azure';
import { azureStack, findResource, ref, resources, synth } from './helpers';

describe('README quick start', () => {
  test('ESO reads one secret with workload identity', () => {
    // GIVEN
    const stack = azureStack();
    const aksNodeSubnetId = '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks';
    const aks = new KubernetesCluster(stack, 'Aks', {
      name: 'aks-payments', resourceGroupName: 'rg-payments', location: 'westeurope', dnsPrefix: 'payments',
      oidcIssuerEnabled: true, workloadIdentityEnabled: true,
      defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5' }, identity: { type: 'SystemAssigned' },
    });

    // WHEN (the README code)
    const vault = new AzureKeyVault(stack, 'Vault', {
      vaultName: 'kv-payments-prod',
      resourceGroupName: 'rg-payments',
      location: 'westeurope',
      networkAcls: {
        allowedSubnetIds: [aksNodeSubnetId], // ESO runs on the AKS nodes
        allowedIpRules: ['203.0.113.10'],    // where terraform apply runs (it writes secrets)
      },
    });

    const password = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
    const dbPassword = new AzureKeyVaultSecret(stack, 'DbPassword', {
      vault,
      secretName: 'db-password',
      value: KeyVaultSecretValue.fromSensitiveVariable(password, { version: 1 }),
    });

    const eso = new KeyVaultWorkloadIdentity(stack, 'EsoIdentity', {
      identityName: 'id-eso-payments',
      resourceGroupName: 'rg-payments',
      location: 'westeurope',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      oidcIssuer: aks, // a KubernetesCluster with oidcIssuerEnabled + workloadIdentityEnabled
      serviceAccounts: [{ namespace: 'payments', name: 'eso-payments' }],
    });
    eso.grantReadSecret(dbPassword); // Key Vault Secrets User on this secret only

    // THEN
    const out = synth(stack);
    expect(vault.vaultUrl).toBe('https://kv-payments-prod.vault.azure.net/');
    expect(findResource(out, 'azurerm_federated_identity_credential')).toMatchObject({
      issuer: ref(stack, aks, 'oidc_issuer_url'),
      subject: 'system:serviceaccount:payments:eso-payments',
    });
    expect(findResource(out, 'azurerm_role_assignment')).toMatchObject({
      role_definition_name: 'Key Vault Secrets User',
      scope: ref(stack, dbPassword.resource, 'resource_versionless_id'),
    });
    expect(eso.trustedServiceAccounts).toEqual([{ namespace: 'payments', name: 'eso-payments' }]);
  });
  test('Finds: list the vault, read only the matches', () => {
    // GIVEN
    const stack = azureStack();
    const vault = AzureKeyVault.fromVaultAttributes(stack, 'Vault', {
      vaultId: '/subscriptions/s/resourceGroups/rg-payments/providers/Microsoft.KeyVault/vaults/kv-payments-prod',
    });
    const featureFlagA = AzureKeyVaultSecret.fromSecretName(stack, 'FlagA', vault, 'flag-a');
    const featureFlagB = AzureKeyVaultSecret.fromSecretName(stack, 'FlagB', vault, 'flag-b');
    const eso = new KeyVaultWorkloadIdentity(stack, 'EsoIdentity', {
      identityName: 'id-eso-payments', resourceGroupName: 'rg-payments', location: 'westeurope',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', oidcIssuer: { oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' },
    });

    // WHEN (the README code)
    eso.grantListSecrets(vault);       // custom role "Key Vault Secrets Lister (<vault>)": readMetadata only, on the vault
    eso.grantReadSecret(featureFlagA); // Key Vault Secrets User on each secret the find may read
    eso.grantReadSecret(featureFlagB);

    // THEN
    const out = synth(stack);
    expect(findResource(out, 'azurerm_role_definition')).toMatchObject({
      name: 'Key Vault Secrets Lister (kv-payments-prod)', scope: '/subscriptions/s/resourceGroups/rg-payments',
    });
    expect(resources(out, 'azurerm_role_assignment').map((a) => [a.role_definition_name, a.scope]).sort()).toEqual([
      ['Key Vault Secrets User', `${vault.vaultId}/secrets/flag-a`],
      ['Key Vault Secrets User', `${vault.vaultId}/secrets/flag-b`],
      [undefined, vault.vaultId],
    ].sort());
  });
});
