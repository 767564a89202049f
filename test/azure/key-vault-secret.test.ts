import { TerraformVariable } from 'cdktf';
import {
  AzureKeyVault, AzureKeyVaultSecret, AzurePrincipal, KeyVaultSecretValue,
} from '../../lib/azure';
import { allKeys, azureStack, expose, findResource, outputValue, ref, resources, synth, TENANT, VAULT_ID } from './helpers';

function vaultIn(stack: ReturnType<typeof azureStack>): AzureKeyVault {
  return new AzureKeyVault(stack, 'Vault', { vaultName: 'kv-payments', resourceGroupName: 'rg', location: 'westeurope', tenantId: TENANT });
}

describe('AzureKeyVaultSecret', () => {
  test('a sensitive variable goes through value_wo, never value', () => {
    // GIVEN
    const stack = azureStack();
    const vault = vaultIn(stack);
    const password = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
    // WHEN
    const secret = new AzureKeyVaultSecret(stack, 'DbPassword', {
      vault, secretName: 'db-password', contentType: 'text/plain', tags: { app: 'payments' },
      value: KeyVaultSecretValue.fromSensitiveVariable(password, { version: 3 }),
    });
    expose(stack, 'resourceId', secret.resourceId);
    expose(stack, 'versionlessId', secret.versionlessId);
    // THEN
    const out = synth(stack);
    const resource = findResource(out, 'azurerm_key_vault_secret');
    expect(resource).toEqual({
      key_vault_id: ref(stack, vault.resource, 'id'),
      name: 'db-password',
      value_wo: '${var.db_password}',
      value_wo_version: 3,
      content_type: 'text/plain',
      tags: { app: 'payments' },
    });
    expect(allKeys(out.resource)).not.toContain('value');
    expect(out.variable?.db_password).toMatchObject({ sensitive: true });
    expect(secret.secretName).toBe('db-password');
    expect(secret.secretUrl).toBe('https://kv-payments.vault.azure.net/secrets/db-password');
    expect(outputValue(out, 'resourceId')).toBe(ref(stack, secret.resource, 'resource_versionless_id'));
    expect(outputValue(out, 'versionlessId')).toBe(ref(stack, secret.resource, 'versionless_id'));
  });

  test('default is an empty placeholder that ignores out-of-band rotation', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    new AzureKeyVaultSecret(stack, 'ApiKey', { vault: vaultIn(stack), secretName: 'api-key' });
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'azurerm_key_vault_secret')).toMatchObject({
      name: 'api-key',
      value_wo: '',
      value_wo_version: 1,
      lifecycle: { ignore_changes: ['value_wo_version', 'expiration_date', 'not_before_date', 'content_type'] },
    });
    expect(allKeys(out.resource)).not.toContain('value');
  });

  test('expiry and not-before render as RFC 3339 UTC', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    new AzureKeyVaultSecret(stack, 'Cert', {
      vault: vaultIn(stack), secretName: 'tls-cert', value: KeyVaultSecretValue.placeholder(),
      notBefore: new Date(Date.UTC(2030, 0, 1)), expiresOn: new Date(Date.UTC(2031, 0, 1, 12, 30, 0, 250)),
    });
    // THEN
    expect(findResource(synth(stack), 'azurerm_key_vault_secret')).toMatchObject({
      not_before_date: '2030-01-01T00:00:00Z',
      expiration_date: '2031-01-01T12:30:00Z',
    });
  });

  test('grantRead and grantWrite are scoped to the secret', () => {
    // GIVEN
    const stack = azureStack();
    const secret = new AzureKeyVaultSecret(stack, 'ApiKey', { vault: vaultIn(stack), secretName: 'api-key' });
    const principal = AzurePrincipal.fromPrincipalId(stack, 'Eso', { principalId: 'p-1' });
    // WHEN
    secret.grantRead(principal);
    secret.grantWrite(principal);
    // THEN
    const assignments = resources(synth(stack), 'azurerm_role_assignment');
    expect(assignments).toHaveLength(2);
    expect(assignments).toEqual(expect.arrayContaining([
      expect.objectContaining({ role_definition_name: 'Key Vault Secrets User', scope: ref(stack, secret.resource, 'resource_versionless_id'), principal_id: 'p-1' }),
      expect.objectContaining({ role_definition_name: 'Key Vault Secrets Officer', scope: ref(stack, secret.resource, 'resource_versionless_id'), principal_id: 'p-1' }),
    ]));
  });

  test('fromSecretName scopes grants to <vault id>/secrets/<name>', () => {
    // GIVEN
    const stack = azureStack();
    const vault = AzureKeyVault.fromVaultAttributes(stack, 'Shared', { vaultId: VAULT_ID });
    // WHEN
    const secret = AzureKeyVaultSecret.fromSecretName(stack, 'Existing', vault, 'db-password');
    secret.grantRead(AzurePrincipal.fromPrincipalId(stack, 'Eso', { principalId: 'p-1' }));
    // THEN
    expect(secret.resourceId).toBe(`${VAULT_ID}/secrets/db-password`);
    expect(findResource(synth(stack), 'azurerm_role_assignment')).toMatchObject({ scope: `${VAULT_ID}/secrets/db-password` });
  });

  describe('validation', () => {
    test('fails on a plaintext value cast to the value type', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new AzureKeyVaultSecret(stack, 'Leak', {
        vault: vaultIn(stack), secretName: 'leak', value: 'hunter2' as unknown as KeyVaultSecretValue,
      })).toThrow('[test/Leak] value: received "<redacted plain value>". Allowed: KeyVaultSecretValue.fromSensitiveVariable(<TerraformVariable with sensitive: true>) or KeyVaultSecretValue.placeholder(). Fix: declare a TerraformVariable with sensitive: true and pass it through KeyVaultSecretValue.fromSensitiveVariable(); plain values would land in the synthesized JSON and the Terraform state.');
    });

    test('fails on a plaintext string passed as the variable, without echoing it', () => {
      // GIVEN a fresh stack per call, so each call fails on the value and not on a duplicate construct id
      const create = (): AzureKeyVaultSecret => {
        const stack = azureStack();
        // WHEN
        return new AzureKeyVaultSecret(stack, 'Leak', {
          vault: vaultIn(stack), secretName: 'leak',
          value: KeyVaultSecretValue.fromSensitiveVariable('hunter2' as unknown as TerraformVariable),
        });
      };
      // THEN
      expect(create).toThrow('[test/Leak] value: received "<redacted plain value>". Allowed: KeyVaultSecretValue.fromSensitiveVariable(<TerraformVariable with sensitive: true>) or KeyVaultSecretValue.placeholder(). Fix: declare a TerraformVariable with sensitive: true and pass it through KeyVaultSecretValue.fromSensitiveVariable(); plain values would land in the synthesized JSON and the Terraform state.');
      expect(create).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
    });

    test('fails on a variable that is not sensitive', () => {
      // GIVEN
      const stack = azureStack();
      const plain = new TerraformVariable(stack, 'db_password', { type: 'string' });
      // WHEN / THEN
      expect(() => new AzureKeyVaultSecret(stack, 'Db', {
        vault: vaultIn(stack), secretName: 'db', value: KeyVaultSecretValue.fromSensitiveVariable(plain),
      })).toThrow('[test/Db] value: received "test/db_password". Allowed: a TerraformVariable declared with sensitive: true. Fix: add sensitive: true to the TerraformVariable so Terraform redacts it from plans and logs.');
    });

    test('fails on a value version below 1', () => {
      // GIVEN
      const stack = azureStack();
      const password = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
      // WHEN / THEN
      expect(() => new AzureKeyVaultSecret(stack, 'Db', {
        vault: vaultIn(stack), secretName: 'db', value: KeyVaultSecretValue.fromSensitiveVariable(password, { version: 0 }),
      })).toThrow('[test/Db] value.version: received 0. Allowed: a whole number of 1 or more. Fix: start at 1 and increase it each time the variable holds a new value, so Terraform sends the write-only value again.');
    });

    test.each([
      ['db_password', 'db-password'],
      ['', 'my-secret'],
      ['a'.repeat(128), 'a'.repeat(127)],
      ['db.password', 'db-password'],
    ])('fails on secret name %j', (name, suggestion) => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new AzureKeyVaultSecret(stack, 'Bad', { vault: vaultIn(stack), secretName: name })).toThrow(
        `[test/Bad] secretName: received ${JSON.stringify(name)}. Allowed: 1 to 127 characters, letters, digits and "-". Fix: rename it, for example ${JSON.stringify(suggestion)}.`);
    });

    test('fails on an invalid date', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new AzureKeyVaultSecret(stack, 'Bad', { vault: vaultIn(stack), secretName: 'x', expiresOn: new Date('nope') })).toThrow(
        '[test/Bad] expiresOn: received "Invalid Date". Allowed: a valid Date. Fix: pass a valid Date; notBefore must be earlier than expiresOn.');
    });

    test('fails when not-before is not earlier than expiry', () => {
      // GIVEN
      const stack = azureStack();
      const date = new Date(Date.UTC(2030, 0, 1));
      // WHEN / THEN
      expect(() => new AzureKeyVaultSecret(stack, 'Bad', { vault: vaultIn(stack), secretName: 'x', expiresOn: date, notBefore: date })).toThrow(
        '[test/Bad] notBefore: received "2030-01-01T00:00:00Z". Allowed: a date before expiresOn (2030-01-01T00:00:00Z). Fix: pass a valid Date; notBefore must be earlier than expiresOn.');
    });
  });
});
