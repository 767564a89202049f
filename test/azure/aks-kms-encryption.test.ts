import { TerraformStack } from 'cdktf';
import { KubernetesCluster, KubernetesClusterIdentity } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  AksKmsEncryption, AksKmsEncryptionProps, AzureKeyVault, AzurePrincipal, KeyVaultNetworkAction, KmsKeyType,
  KmsKeyVaultNetworkAccess,
} from '../../lib/azure';
import { address, azureStack, expose, findResource, outputValue, ref, resources, synth, TENANT, VAULT_ID } from './helpers';

interface Fixture {
  readonly stack: TerraformStack;
  readonly vault: AzureKeyVault;
  readonly uami: UserAssignedIdentity;
}

function fixture(defaultAction = KeyVaultNetworkAction.ALLOW): Fixture {
  const stack = azureStack();
  const vault = new AzureKeyVault(stack, 'KmsVault', {
    vaultName: 'kv-aks-kms', resourceGroupName: 'rg', location: 'westeurope', tenantId: TENANT, networkAcls: { defaultAction },
  });
  const uami = new UserAssignedIdentity(stack, 'AksIdentity', { name: 'id-aks', resourceGroupName: 'rg', location: 'westeurope' });
  return { stack, vault, uami };
}

function kms(f: Fixture, props: Partial<AksKmsEncryptionProps> = {}): AksKmsEncryption {
  return new AksKmsEncryption(f.stack, 'Kms', {
    vault: f.vault, keyName: 'aks-etcd', clusterIdentity: AzurePrincipal.fromUserAssignedIdentity(f.uami), ...props,
  });
}

function cluster(f: Fixture, identity: KubernetesClusterIdentity): KubernetesCluster {
  return new KubernetesCluster(f.stack, 'Aks', {
    name: 'aks', resourceGroupName: 'rg', location: 'westeurope', dnsPrefix: 'aks',
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5' }, identity,
  });
}

describe('AksKmsEncryption', () => {
  test('creates an RSA key with a rotation policy and grants Crypto User on the key', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const encryption = kms(f);
    expose(f.stack, 'keyId', encryption.keyId);
    // THEN
    const out = synth(f.stack);
    expect(findResource(out, 'azurerm_key_vault_key')).toEqual({
      name: 'aks-etcd',
      key_vault_id: ref(f.stack, f.vault.resource, 'id'),
      key_type: 'RSA',
      key_size: 2048,
      key_opts: ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey'],
      rotation_policy: {
        automatic: { time_after_creation: 'P90D' },
        expire_after: 'P730D',
        notify_before_expiry: 'P30D',
      },
    });
    expect(findResource(out, 'azurerm_role_assignment')).toMatchObject({
      role_definition_name: 'Key Vault Crypto User',
      scope: ref(f.stack, encryption.key, 'resource_versionless_id'),
      principal_id: ref(f.stack, f.uami, 'principal_id'),
      principal_type: 'ServicePrincipal',
    });
    expect(outputValue(out, 'keyId')).toBe(ref(f.stack, encryption.key, 'id'));
  });

  test('applyTo wires key_management_service and makes the cluster depend on the grant', () => {
    // GIVEN
    const f = fixture();
    const encryption = kms(f);
    const aks = cluster(f, { type: 'UserAssigned', identityIds: [f.uami.id] });
    // WHEN
    encryption.applyTo(aks);
    encryption.applyTo(aks);
    // THEN
    const out = synth(f.stack);
    const rendered = findResource(out, 'azurerm_kubernetes_cluster');
    expect(rendered.key_management_service).toEqual({
      key_vault_key_id: ref(f.stack, encryption.key, 'id'),
      key_vault_network_access: 'Public',
    });
    expect(rendered.depends_on).toEqual([address(f.stack, encryption.roleAssignments[0].resource)]);
  });

  test('Private network access also grants Key Vault Contributor on the vault', () => {
    // GIVEN
    const f = fixture(KeyVaultNetworkAction.DENY);
    // WHEN
    const encryption = kms(f, { networkAccess: KmsKeyVaultNetworkAccess.PRIVATE, keySize: 4096, keyType: KmsKeyType.RSA_HSM, tags: { a: 'b' } });
    const aks = cluster(f, { type: 'UserAssigned', identityIds: [f.uami.id] });
    encryption.applyTo(aks);
    // THEN
    const out = synth(f.stack);
    expect(findResource(out, 'azurerm_key_vault_key')).toMatchObject({ key_size: 4096, key_type: 'RSA-HSM', tags: { a: 'b' } });
    expect(resources(out, 'azurerm_role_assignment').map((r) => [r.role_definition_name, r.scope]).sort()).toEqual([
      ['Key Vault Contributor', ref(f.stack, f.vault.resource, 'id')],
      ['Key Vault Crypto User', ref(f.stack, encryption.key, 'resource_versionless_id')],
    ]);
    expect(findResource(out, 'azurerm_kubernetes_cluster').key_management_service).toMatchObject({ key_vault_network_access: 'Private' });
    expect((findResource(out, 'azurerm_kubernetes_cluster').depends_on as string[]).sort()).toEqual(
      encryption.roleAssignments.map((a) => address(f.stack, a.resource)).sort());
  });

  test('custom rotation policy', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    kms(f, { rotation: { rotateAfterDays: 30, expireAfterDays: 60, notifyBeforeExpiryDays: 14 } });
    // THEN
    expect(findResource(synth(f.stack), 'azurerm_key_vault_key').rotation_policy).toEqual({
      automatic: { time_after_creation: 'P30D' }, expire_after: 'P60D', notify_before_expiry: 'P14D',
    });
  });

  test('works with an imported vault (firewall unknown)', () => {
    // GIVEN
    const f = fixture();
    const vault = AzureKeyVault.fromVaultAttributes(f.stack, 'Imported', { vaultId: VAULT_ID });
    // WHEN
    kms(f, { vault });
    // THEN
    expect(findResource(synth(f.stack), 'azurerm_key_vault_key').key_vault_id).toBe(VAULT_ID);
  });

  describe('validation', () => {
    test.each([1024, 2047, 8192])('fails on key size %s', (keySize) => {
      // GIVEN
      const f = fixture();
      // WHEN / THEN
      expect(() => kms(f, { keySize })).toThrow(
        `[test/Kms] keySize: received ${keySize}. Allowed: one of 2048, 3072, 4096. Fix: use 2048, 3072 or 4096; 3072 is a common choice for long-lived keys.`);
    });

    test('fails on a key name Key Vault rejects', () => {
      // GIVEN
      const f = fixture();
      // WHEN / THEN
      expect(() => kms(f, { keyName: 'aks_etcd' })).toThrow(
        '[test/Kms] keyName: received "aks_etcd". Allowed: 1 to 127 characters, letters, digits and "-". Fix: rename it, for example "aks-etcd".');
    });

    test('fails on Public access to a vault whose firewall denies by default', () => {
      // GIVEN
      const f = fixture(KeyVaultNetworkAction.DENY);
      // WHEN / THEN
      expect(() => kms(f)).toThrow(
        '[test/Kms] networkAccess: received "Public". Allowed: KmsKeyVaultNetworkAccess.PRIVATE for a vault whose network ACLs default to Deny, or a vault with KeyVaultNetworkAction.ALLOW for PUBLIC. Fix: use KmsKeyVaultNetworkAccess.PRIVATE (private endpoint + API Server VNet Integration), or a dedicated KMS vault with networkAcls.defaultAction ALLOW; AKS KMS does not support a public vault behind a firewall.');
    });

    test('fails on a cluster with a system-assigned identity', () => {
      // GIVEN
      const f = fixture();
      const encryption = kms(f);
      const aks = cluster(f, { type: 'SystemAssigned' });
      // WHEN / THEN
      expect(() => encryption.applyTo(aks)).toThrow(
        '[test/Aks] identity.type: received "SystemAssigned". Allowed: "UserAssigned". Fix: give the cluster an identity block { type: "UserAssigned", identityIds: [<uami id>] } and pass that identity as clusterIdentity; a system-assigned identity only exists after the cluster, so it cannot be granted the key first.');
    });

    test.each([
      [{ expireAfterDays: 27 }, 'rotation.expireAfterDays', 27, 'a whole number of days, 28 or more'],
      [{ rotateAfterDays: 6 }, 'rotation.rotateAfterDays', 6, 'a whole number of days from 7 to 723 (expireAfterDays - 7)'],
      [{ rotateAfterDays: 60, expireAfterDays: 60 }, 'rotation.rotateAfterDays', 60, 'a whole number of days from 7 to 53 (expireAfterDays - 7)'],
      [{ notifyBeforeExpiryDays: 730 }, 'rotation.notifyBeforeExpiryDays', 730, 'a whole number of days from 7 to 729'],
    ])('fails on rotation policy %j', (rotation, prop, value, allowed) => {
      // GIVEN
      const f = fixture();
      // WHEN / THEN
      expect(() => kms(f, { rotation })).toThrow(
        `[test/Kms] ${prop}: received ${value}. Allowed: ${allowed}. Fix: adjust the rotation policy: rotate at least 7 days before expiry, expire after 28 days or more, notify at least 7 days before expiry.`);
    });
  });
});
