import { TerraformVariable } from 'cdktf';
import { AzurePrincipal, AzurePrincipalType, KeyVaultRole, KeyVaultRoleAssignment } from '../../lib/azure';
import { azureStack, findResource, synth, VAULT_ID } from './helpers';

const WIDE_FIX = 'Allowed: a Key Vault resource ID, or the resource ID of one secret, key or certificate inside it ("<vault id>/secrets/<name>"). Fix: grant on the vault (vault.grantSecretsRead(principal)) or on one secret (secret.grantRead(principal)); resource group and subscription scopes give access to every vault in them.';

describe('KeyVaultRoleAssignment', () => {
  test('renders role definition name, scope, principal and principal type', () => {
    // GIVEN
    const stack = azureStack();
    const principal = AzurePrincipal.fromPrincipalId(stack, 'Group', { principalId: 'g-1', principalType: AzurePrincipalType.GROUP });
    // WHEN
    const assignment = new KeyVaultRoleAssignment(stack, 'Readers', {
      principal, role: KeyVaultRole.SECRETS_USER, scope: `${VAULT_ID}/secrets/db-password`, description: 'readers',
    });
    // THEN
    expect(findResource(synth(stack), 'azurerm_role_assignment')).toEqual({
      principal_id: 'g-1',
      principal_type: 'Group',
      role_definition_name: 'Key Vault Secrets User',
      scope: `${VAULT_ID}/secrets/db-password`,
      description: 'readers',
    });
    expect([assignment.role, assignment.scope, assignment.principal]).toEqual([KeyVaultRole.SECRETS_USER, `${VAULT_ID}/secrets/db-password`, principal]);
  });

  test.each([
    VAULT_ID,
    `${VAULT_ID}/secrets/db-password`,
    `${VAULT_ID}/keys/etcd`,
    VAULT_ID.toLowerCase(),
  ])('accepts scope %s', (scope) => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    new KeyVaultRoleAssignment(stack, 'Ok', { principal: AzurePrincipal.fromPrincipalId(stack, 'P', { principalId: 'p' }), role: KeyVaultRole.CRYPTO_USER, scope });
    // THEN
    expect(findResource(synth(stack), 'azurerm_role_assignment').scope).toBe(scope);
  });

  test('accepts a token scope and a token vault ID followed by a secret', () => {
    // GIVEN
    const stack = azureStack();
    const vaultId = new TerraformVariable(stack, 'vault_id', { type: 'string' });
    const principal = AzurePrincipal.fromPrincipalId(stack, 'P', { principalId: 'p' });
    // WHEN
    new KeyVaultRoleAssignment(stack, 'Vault', { principal, role: KeyVaultRole.SECRETS_USER, scope: vaultId.stringValue });
    new KeyVaultRoleAssignment(stack, 'Secret', { principal, role: KeyVaultRole.SECRETS_USER, scope: `${vaultId.stringValue}/secrets/db` });
    // THEN
    expect(findResource(synth(stack), 'azurerm_role_assignment', (r) => r.scope === '${var.vault_id}/secrets/db')).toBeDefined();
  });

  describe('validation', () => {
    test.each([
      '/subscriptions/00000000-0000-0000-0000-000000000001',
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-sec',
      '/providers/Microsoft.Management/managementGroups/root',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st',
      `${VAULT_ID}/secrets/a/versions/1`,
    ])('fails on a scope wider than or outside a vault: %s', (scope) => {
      // GIVEN
      const stack = azureStack();
      const principal = AzurePrincipal.fromPrincipalId(stack, 'P', { principalId: 'p' });
      // WHEN / THEN
      expect(() => new KeyVaultRoleAssignment(stack, 'Wide', { principal, role: KeyVaultRole.SECRETS_USER, scope })).toThrow(
        `[test/Wide] scope: received ${JSON.stringify(scope)}. ${WIDE_FIX}`);
    });

    test('fails on a resource group scope built around a token', () => {
      // GIVEN
      const stack = azureStack();
      const subscription = new TerraformVariable(stack, 'subscription', { type: 'string' });
      const principal = AzurePrincipal.fromPrincipalId(stack, 'P', { principalId: 'p' });
      const scope = `/subscriptions/${subscription.stringValue}/resourceGroups/rg-sec`;
      // WHEN / THEN
      expect(() => new KeyVaultRoleAssignment(stack, 'Wide', { principal, role: KeyVaultRole.SECRETS_OFFICER, scope })).toThrow(
        `[test/Wide] scope: received ${JSON.stringify(scope)}. ${WIDE_FIX}`);
    });
  });
});
