import { TerraformVariable } from 'cdktf';
import {
  AzureKeyVault, AzurePrincipal, KEY_VAULT_LIST_SECRETS_DATA_ACTION, KeyVaultRoleAssignment, KeyVaultSecretsListRole, KeyVaultWorkloadIdentity,
} from '../../lib/azure';
import { azureStack, findResource, ref, resources, synth, TENANT, VAULT_ID } from './helpers';

const ISSUER = 'https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/0c1f7a86-0000-0000-0000-000000000000/';
const RESOURCE_GROUP_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-sec';

function vaultIn(stack: ReturnType<typeof azureStack>): AzureKeyVault {
  return new AzureKeyVault(stack, 'Vault', { vaultName: 'kv-payments', resourceGroupName: 'rg', location: 'westeurope', tenantId: TENANT });
}

describe('KeyVaultSecretsListRole', () => {
  test('defines a role with only the readMetadata data action, in the resource group of an imported vault, assigned on the vault', () => {
    // GIVEN
    const stack = azureStack();
    const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID });
    const principal = AzurePrincipal.fromPrincipalId(stack, 'Eso', { principalId: 'p-1' });
    // WHEN
    const role = new KeyVaultSecretsListRole(stack, 'Lister', { vault });
    const assignment = role.grant(principal);
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'azurerm_role_definition')).toEqual({
      name: 'Key Vault Secrets Lister (kv-shared)',
      scope: RESOURCE_GROUP_ID,
      assignable_scopes: [RESOURCE_GROUP_ID],
      description: 'List the names and properties of the secrets in Key Vault kv-shared, never their values (cdk-external-secrets)',
      permissions: [{ data_actions: ['Microsoft.KeyVault/vaults/secrets/readMetadata/action'] }],
    });
    expect(findResource(out, 'azurerm_role_assignment')).toEqual({
      scope: VAULT_ID,
      role_definition_id: ref(stack, role.resource, 'role_definition_resource_id'),
      principal_id: 'p-1',
      principal_type: 'ServicePrincipal',
      description: 'Key Vault Secrets Lister (kv-shared) for cdk-external-secrets',
    });
    expect([assignment.role, assignment.scope, role.roleName, KEY_VAULT_LIST_SECRETS_DATA_ACTION])
      .toEqual([role, VAULT_ID, 'Key Vault Secrets Lister (kv-shared)', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action']);
  });

  test('takes the resource group of a vault created here from its ID with a Terraform expression', () => {
    // GIVEN
    const stack = azureStack();
    const vault = vaultIn(stack);
    // WHEN
    new KeyVaultSecretsListRole(stack, 'Lister', { vault });
    // THEN
    const definition = findResource(synth(stack), 'azurerm_role_definition');
    const vaultId = ref(stack, vault.resource, 'id').slice(2, -1);
    expect(definition.scope).toBe(`\${join("/", slice(split("/", ${vaultId}), 0, 5))}`);
    expect(definition.assignable_scopes).toEqual([definition.scope]);
  });

  test('takes a role name, a resource group ID and a description', () => {
    // GIVEN
    const stack = azureStack();
    const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID });
    // WHEN
    new KeyVaultSecretsListRole(stack, 'Lister', {
      vault, roleName: 'ESO lister kv-shared', resourceGroupId: '/subscriptions/s/resourceGroups/rg-roles', description: 'for ESO finds',
    });
    // THEN
    expect(findResource(synth(stack), 'azurerm_role_definition')).toMatchObject({
      name: 'ESO lister kv-shared', scope: '/subscriptions/s/resourceGroups/rg-roles', assignable_scopes: ['/subscriptions/s/resourceGroups/rg-roles'], description: 'for ESO finds',
    });
  });

  test('vault.grantSecretsList creates one role per vault and one assignment per principal', () => {
    // GIVEN
    const stack = azureStack();
    const vault = vaultIn(stack);
    const a = AzurePrincipal.fromPrincipalId(stack, 'A', { principalId: 'p-a' });
    const b = AzurePrincipal.fromPrincipalId(stack, 'B', { principalId: 'p-b' });
    // WHEN
    const first = vault.grantSecretsList(a);
    const again = vault.grantSecretsList(a);
    vault.grantSecretsList(b);
    // THEN
    const out = synth(stack);
    expect(resources(out, 'azurerm_role_definition').map((d) => d.name)).toEqual(['Key Vault Secrets Lister (kv-payments)']);
    expect(resources(out, 'azurerm_role_assignment').map((r) => [r.principal_id, r.scope])).toEqual([
      ['p-a', ref(stack, vault.resource, 'id')],
      ['p-b', ref(stack, vault.resource, 'id')],
    ]);
    expect(again).toBe(first);
  });

  test('KeyVaultWorkloadIdentity.grantListSecrets lists without granting any value read', () => {
    // GIVEN
    const stack = azureStack();
    const vault = vaultIn(stack);
    const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', {
      identityName: 'id-eso', resourceGroupName: 'rg', location: 'westeurope', tenantId: TENANT, oidcIssuer: { oidcIssuerUrl: ISSUER },
    });
    // WHEN
    const assignment = identity.grantListSecrets(vault);
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'azurerm_role_assignment')).toMatchObject({
      principal_id: ref(stack, identity.resource, 'principal_id'), scope: ref(stack, vault.resource, 'id'),
    });
    expect(findResource(out, 'azurerm_role_assignment').role_definition_name).toBeUndefined();
    expect(findResource(out, 'azurerm_role_definition').permissions).toEqual([{ data_actions: [KEY_VAULT_LIST_SECRETS_DATA_ACTION] }]);
    expect(assignment.role).toBeInstanceOf(KeyVaultSecretsListRole);
  });

  test('a KeyVaultRoleAssignment of a custom role keeps the scope guard', () => {
    // GIVEN
    const stack = azureStack();
    const role = new KeyVaultSecretsListRole(stack, 'Lister', { vault: AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID }) });
    const principal = AzurePrincipal.fromPrincipalId(stack, 'P', { principalId: 'p' });
    // WHEN / THEN
    expect(() => new KeyVaultRoleAssignment(stack, 'Wide', { principal, role, scope: RESOURCE_GROUP_ID })).toThrow(
      `[test/Wide] scope: received "${RESOURCE_GROUP_ID}". Allowed: a Key Vault resource ID, or the resource ID of one secret, key or certificate inside it ("<vault id>/secrets/<name>"). `
      + 'Fix: grant on the vault (vault.grantSecretsRead(principal)) or on one secret (secret.grantRead(principal)); resource group and subscription scopes give access to every vault in them.');
  });

  describe('validation', () => {
    test('fails on a resource group ID that is not one', () => {
      // GIVEN
      const stack = azureStack();
      const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID });
      // WHEN / THEN
      expect(() => new KeyVaultSecretsListRole(stack, 'Lister', { vault, resourceGroupId: '/subscriptions/s' })).toThrow(
        '[test/Lister] resourceGroupId: received "/subscriptions/s". Allowed: a resource group ID (/subscriptions/<id>/resourceGroups/<name>): custom roles are defined at a management group, '
        + 'subscription or resource group, and the vault\'s resource group is the narrowest. Fix: pass the resource group\'s id (azurerm_resource_group.id), or leave resourceGroupId out to use the vault\'s.');
    });

    test('accepts a token resource group ID', () => {
      // GIVEN
      const stack = azureStack();
      const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID });
      const group = new TerraformVariable(stack, 'group', { type: 'string' });
      // WHEN
      new KeyVaultSecretsListRole(stack, 'Lister', { vault, resourceGroupId: group.stringValue });
      // THEN
      expect(findResource(synth(stack), 'azurerm_role_definition').scope).toBe('${var.group}');
    });

    test('fails on an empty role name', () => {
      // GIVEN
      const stack = azureStack();
      const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID });
      // WHEN / THEN
      expect(() => new KeyVaultSecretsListRole(stack, 'Lister', { vault, roleName: '' })).toThrow(
        '[test/Lister] roleName: received a string. Allowed: a non-empty string. Fix: pass a non-empty string.');
    });

    test('fails without props (JavaScript callers)', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new KeyVaultSecretsListRole(stack, 'Lister', undefined as never)).toThrow(
        '[test/Lister] props: received undefined. Allowed: an object of type KeyVaultSecretsListRoleProps. Fix: pass the KeyVaultSecretsListRoleProps object as the third argument.');
    });
  });
});
