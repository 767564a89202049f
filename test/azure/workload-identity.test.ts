import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import {
  AzureKeyVault, AzureKeyVaultSecret, KeyVaultWorkloadIdentity, MAX_FEDERATED_CREDENTIALS_PER_IDENTITY,
} from '../../lib/azure';
import { IdentityKind, IWorkloadIdentity } from '../../lib/core';
import { address, azureStack, expose, findResource, outputValue, ref, resources, synth, TENANT } from './helpers';

const ISSUER = 'https://westeurope.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/0c1f7a86-0000-0000-0000-000000000000/';
const base = { identityName: 'id-eso', resourceGroupName: 'rg-platform', location: 'westeurope', tenantId: TENANT };

function vaultIn(stack: ReturnType<typeof azureStack>): AzureKeyVault {
  return new AzureKeyVault(stack, 'Vault', { vaultName: 'kv-payments', resourceGroupName: 'rg', location: 'westeurope', tenantId: TENANT });
}

describe('KeyVaultWorkloadIdentity', () => {
  test('creates the identity and a federated credential with exact issuer, subject and audience', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', {
      ...base, oidcIssuer: { oidcIssuerUrl: ISSUER }, tags: { owner: 'platform' },
      serviceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }],
    });
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'azurerm_user_assigned_identity')).toEqual({
      name: 'id-eso', resource_group_name: 'rg-platform', location: 'westeurope', tags: { owner: 'platform' },
    });
    const fic = findResource(out, 'azurerm_federated_identity_credential');
    expect(fic).toEqual({
      name: 'external-secrets_external-secrets',
      resource_group_name: 'rg-platform',
      parent_id: ref(stack, identity.resource, 'id'),
      issuer: ISSUER,
      subject: 'system:serviceaccount:external-secrets:external-secrets',
      audience: ['api://AzureADTokenExchange'],
    });
  });

  test('takes the issuer from an AKS cluster', () => {
    // GIVEN
    const stack = azureStack();
    const cluster = new KubernetesCluster(stack, 'Aks', {
      name: 'aks', resourceGroupName: 'rg', location: 'westeurope', dnsPrefix: 'aks', oidcIssuerEnabled: true, workloadIdentityEnabled: true,
      defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5' }, identity: { type: 'SystemAssigned' },
    });
    // WHEN
    new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: cluster, serviceAccounts: [{ namespace: 'eso', name: 'eso' }] });
    // THEN
    expect(findResource(synth(stack), 'azurerm_federated_identity_credential').issuer).toBe(ref(stack, cluster, 'oidc_issuer_url'));
  });

  test('chains federated credentials with depends_on, each on the previous one', () => {
    // GIVEN
    const stack = azureStack();
    const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
    // WHEN
    const first = identity.addFederatedCredential({ serviceAccount: { namespace: 'team-a', name: 'reader' } });
    const second = identity.addFederatedCredential({ serviceAccount: { namespace: 'team-b', name: 'reader' } });
    const third = identity.addFederatedCredential({ serviceAccount: { namespace: 'team-a', name: 'reader' }, issuerUrl: 'https://other-cluster/', name: 'team-a_reader_dr' });
    // THEN
    const out = synth(stack);
    const bySubjectAndIssuer = (subject: string, issuer: string): Record<string, unknown> =>
      findResource(out, 'azurerm_federated_identity_credential', (r) => r.subject === subject && r.issuer === issuer);
    expect(bySubjectAndIssuer('system:serviceaccount:team-a:reader', ISSUER)).not.toHaveProperty('depends_on');
    expect(bySubjectAndIssuer('system:serviceaccount:team-b:reader', ISSUER).depends_on).toEqual([address(stack, first)]);
    expect(bySubjectAndIssuer('system:serviceaccount:team-a:reader', 'https://other-cluster/')).toMatchObject({
      name: 'team-a_reader_dr', depends_on: [address(stack, second)],
    });
    expect(identity.federatedCredentials).toEqual([first, second, third]);
    expect(identity.trustedServiceAccounts).toEqual([
      { namespace: 'team-a', name: 'reader' },
      { namespace: 'team-b', name: 'reader' },
    ]);
  });

  test('implements IWorkloadIdentity: client-id and tenant-id annotations, use label', () => {
    // GIVEN
    const stack = azureStack();
    // WHEN
    const identity: IWorkloadIdentity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
    expose(stack, 'clientId', identity.serviceAccountAnnotations['azure.workload.identity/client-id']);
    // THEN
    expect(identity.kind).toBe(IdentityKind.AZURE_WORKLOAD_IDENTITY);
    expect(identity.serviceAccountAnnotations['azure.workload.identity/tenant-id']).toBe(TENANT);
    expect(Object.keys(identity.serviceAccountAnnotations).sort()).toEqual(['azure.workload.identity/client-id', 'azure.workload.identity/tenant-id']);
    expect(identity.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(outputValue(synth(stack), 'clientId')).toBe(ref(stack, (identity as KeyVaultWorkloadIdentity).resource, 'client_id'));
  });

  test('grants least privilege: Secrets User per secret or per vault, Secrets Officer for writes', () => {
    // GIVEN
    const stack = azureStack();
    const vault = vaultIn(stack);
    const secret = new AzureKeyVaultSecret(stack, 'Db', { vault, secretName: 'db-password' });
    const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
    // WHEN
    identity.grantReadSecret(secret);
    identity.grantReadSecrets(vault);
    identity.grantWriteSecrets(vault);
    identity.grantWriteSecret(secret);
    // THEN
    const assignments = resources(synth(stack), 'azurerm_role_assignment');
    const principal = ref(stack, identity.resource, 'principal_id');
    const secretScope = ref(stack, secret.resource, 'resource_versionless_id');
    const vaultScope = ref(stack, vault.resource, 'id');
    expect(assignments.map((a) => [a.role_definition_name, a.scope, a.principal_id, a.principal_type]).sort()).toEqual([
      ['Key Vault Secrets Officer', secretScope, principal, 'ServicePrincipal'],
      ['Key Vault Secrets Officer', vaultScope, principal, 'ServicePrincipal'],
      ['Key Vault Secrets User', secretScope, principal, 'ServicePrincipal'],
      ['Key Vault Secrets User', vaultScope, principal, 'ServicePrincipal'],
    ].sort());
  });

  describe('validation', () => {
    test('fails past 20 federated credentials on one identity', () => {
      // GIVEN
      const stack = azureStack();
      const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
      // WHEN
      for (let i = 0; i <= MAX_FEDERATED_CREDENTIALS_PER_IDENTITY; i++) {
        identity.addFederatedCredential({ serviceAccount: { namespace: `team-${i}`, name: 'reader' } });
      }
      // THEN
      expect(() => synth(stack)).toThrow('[test/Eso] federatedCredentials: received 21. Allowed: at most 20 federated identity credentials per user-assigned identity. Fix: split the service accounts over several KeyVaultWorkloadIdentity constructs, or share one service account across namespaces through a ClusterSecretStore.');
    });

    test('accepts exactly 20 federated credentials', () => {
      // GIVEN
      const stack = azureStack();
      const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
      // WHEN
      for (let i = 0; i < MAX_FEDERATED_CREDENTIALS_PER_IDENTITY; i++) {
        identity.addFederatedCredential({ serviceAccount: { namespace: `team-${i}`, name: 'reader' } });
      }
      // THEN
      expect(resources(synth(stack), 'azurerm_federated_identity_credential')).toHaveLength(20);
    });

    test('fails on a duplicate subject for the same issuer', () => {
      // GIVEN
      const stack = azureStack();
      const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
      identity.addFederatedCredential({ serviceAccount: { namespace: 'eso', name: 'eso' } });
      // WHEN / THEN
      expect(() => identity.addFederatedCredential({ serviceAccount: { namespace: 'eso', name: 'eso' }, name: 'again' })).toThrow(
        '[test/Eso] serviceAccount: received "system:serviceaccount:eso:eso". Allowed: each issuer and subject pair at most once per identity. Fix: remove the second addFederatedCredential() call for this service account and cluster.');
    });

    test('fails on a duplicate credential name', () => {
      // GIVEN
      const stack = azureStack();
      const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
      identity.addFederatedCredential({ serviceAccount: { namespace: 'eso', name: 'eso' } });
      // WHEN / THEN
      expect(() => identity.addFederatedCredential({ serviceAccount: { namespace: 'eso', name: 'eso' }, issuerUrl: 'https://other/' })).toThrow(
        '[test/Eso] name: received "eso_eso". Allowed: a name unique within the identity. Fix: pass an explicit name, for example including the cluster name, when one service account is trusted from several clusters.');
    });

    test('fails without any issuer', () => {
      // GIVEN
      const stack = azureStack();
      const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', base);
      // WHEN / THEN
      expect(() => identity.addFederatedCredential({ serviceAccount: { namespace: 'eso', name: 'eso' } })).toThrow(
        '[test/Eso] issuerUrl: received undefined. Allowed: a non-empty value. Fix: pass issuerUrl (the cluster\'s oidcIssuerUrl) or set oidcIssuer on the identity.');
    });

    test('fails on a namespace that is not a DNS label', () => {
      // GIVEN
      const stack = azureStack();
      const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
      // WHEN / THEN
      expect(() => identity.addFederatedCredential({ serviceAccount: { namespace: 'Team_A', name: 'eso' } })).toThrow(
        '[test/Eso] serviceAccount.namespace: received "Team_A". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. Fix: rename it, for example "team-a".');
    });

    test('fails on a tenant ID that is not a GUID', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, tenantId: 'not-a-guid' })).toThrow(
        '[test/Eso] tenantId: received "not-a-guid". Allowed: a GUID such as "00000000-0000-0000-0000-000000000000". Fix: pass the Entra tenant ID (az account show --query tenantId), or the tenant_id attribute of a DataAzurermClientConfig.');
    });

    test('fails on an identity name Azure rejects', () => {
      // GIVEN
      const stack = azureStack();
      // WHEN / THEN
      expect(() => new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, identityName: '-eso' })).toThrow(
        '[test/Eso] identityName: received "-eso". Allowed: 3 to 128 characters, letters, digits, "-" and "_", starting with a letter or digit. Fix: rename it.');
    });

    test('fails on a federated credential name Azure rejects', () => {
      // GIVEN
      const stack = azureStack();
      const identity = new KeyVaultWorkloadIdentity(stack, 'Eso', { ...base, oidcIssuer: { oidcIssuerUrl: ISSUER } });
      // WHEN / THEN
      expect(() => identity.addFederatedCredential({ serviceAccount: { namespace: 'eso', name: 'eso' }, name: 'a.b' })).toThrow(
        '[test/Eso] name: received "a.b". Allowed: 3 to 120 characters, letters, digits, "-" and "_", starting with a letter or digit. Fix: rename it.');
    });
  });
});
