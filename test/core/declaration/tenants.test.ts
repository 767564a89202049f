import { EsoAuthModel, SecretsDeclaration, StoreScope, VaultAuthKind } from '../../../lib/core';

const GCP = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };

function platform(): { d: SecretsDeclaration; jenkinsToken: ReturnType<SecretsDeclaration['addGoogleSecret']>; netboxKey: ReturnType<SecretsDeclaration['addGoogleSecret']> } {
  const d = new SecretsDeclaration({ name: 'p', gcp: GCP });
  d.addGkeCluster('g', { clusterName: 'g', projectId: GCP.projectId, location: 'europe-west1' });
  const jenkinsToken = d.addGoogleSecret('jenkins-token', { name: 'jenkins-token' });
  const netboxKey = d.addGoogleSecret('netbox-key', { name: 'netbox-key' });
  d.addTenant('jenkins', { namespaces: ['jenkins'], groups: ['jenkins-admins'], secrets: [jenkinsToken] });
  d.addTenant('netbox', { namespaces: ['netbox'], groups: ['netbox-admins'], secrets: [netboxKey], allowPushSecrets: true });
  return { d, jenkinsToken, netboxKey };
}

describe('tenants (declaration)', () => {
  test('each tenant reads its own secrets through its own store; owners and namespaces are known', () => {
    // GIVEN
    const { d, jenkinsToken, netboxKey } = platform();
    const jenkinsStore = d.addGoogleSecretManagerStore('jenkins', { name: 'jenkins', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const netboxStore = d.addGoogleSecretManagerStore('netbox', { name: 'netbox', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('j', { name: 'token', namespace: 'jenkins', store: jenkinsStore, data: [{ secretKey: 't', secret: jenkinsToken }] });
    d.addExternalSecret('n', { name: 'key', namespace: 'netbox', store: netboxStore, data: [{ secretKey: 'k', secret: netboxKey }] });
    // WHEN
    const plan = d.plan();
    // THEN
    expect(plan.identities.map((i) => [i.id, i.reads.map((s) => s.id)])).toEqual([['store-jenkins', ['jenkins-token']], ['store-netbox', ['netbox-key']]]);
    expect(d.tenantOf('netbox')?.id).toBe('netbox');
    expect(d.tenantOf('kube-system')).toBeUndefined();
    expect(d.ownerOf(jenkinsToken)?.id).toBe('jenkins');
    expect(d.tenants.map((t) => [t.id, t.namespaces, t.groups, t.allowPushSecrets])).toEqual([
      ['jenkins', ['jenkins'], ['jenkins-admins'], false], ['netbox', ['netbox'], ['netbox-admins'], true],
    ]);
  });

  test('an ExternalSecret or PushSecret of one tenant using another tenant\'s secret fails, naming both tenants', () => {
    const reads = platform();
    const store = reads.d.addGoogleSecretManagerStore('jenkins', { name: 'jenkins', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    reads.d.addExternalSecret('steal', { name: 'steal', namespace: 'jenkins', store, data: [{ secretKey: 'k', secret: reads.netboxKey }] });
    expect(() => reads.d.plan()).toThrow(
      '[p/externalSecrets/steal] data[0].secret: received "netbox-key". Allowed: secrets of tenant "jenkins" (namespace "jenkins") or of no tenant; '
      + '"netbox-key" belongs to tenant "netbox". Fix: use it from a namespace of tenant "netbox", or declare a secret of tenant "jenkins".');
    const pushes = platform();
    const pushStore = pushes.d.addGoogleSecretManagerStore('jenkins', { name: 'jenkins', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    pushes.d.addPushSecret('overwrite', { name: 'overwrite', namespace: 'jenkins', store: pushStore, sourceSecretName: 'x', destination: pushes.netboxKey });
    expect(() => pushes.d.plan()).toThrow(
      '[p/pushSecrets/overwrite] destination: received "netbox-key". Allowed: secrets of tenant "jenkins" (namespace "jenkins") or of no tenant; '
      + '"netbox-key" belongs to tenant "netbox". Fix: use it from a namespace of tenant "netbox", or declare a secret of tenant "jenkins".');
  });

  test('one identity granted secrets of two tenants fails (the controller identity shared by a store of both)', () => {
    const { d, jenkinsToken, netboxKey } = platform();
    const shared = d.addGoogleSecretManagerStore('shared', { name: 'shared' });
    d.addExternalSecret('j', { name: 'token', namespace: 'jenkins', store: shared, data: [{ secretKey: 't', secret: jenkinsToken }] });
    d.addExternalSecret('n', { name: 'key', namespace: 'netbox', store: shared, data: [{ secretKey: 'k', secret: netboxKey }] });
    expect(() => d.plan()).toThrow(
      '[p/stores/shared] authModel: received "controller-g". Allowed: an identity serving one tenant: identity "controller-g" would be granted secrets of tenants "jenkins" and "netbox". '
      + 'Fix: give each tenant its own store with its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, or scope: StoreScope.NAMESPACED), so grants stay per tenant (rule CES-TEN-1).');
  });

  test('tenants sharing a namespace, undeclared secrets, and tenants without namespaces', () => {
    const { d } = platform();
    expect(() => d.addTenant('ci', { namespaces: ['jenkins'], groups: ['ci'] })).toThrow(
      '[p/tenants/ci] namespaces[0]: received "jenkins". Allowed: a namespace of no other tenant (it already belongs to tenant "jenkins"). '
      + 'Fix: remove "jenkins" from tenant "ci" or from tenant "jenkins": a namespace belongs to one tenant.');
    const foreign = new SecretsDeclaration({ name: 'o', gcp: GCP }).addGoogleSecret('z', { name: 'z' });
    expect(() => d.addTenant('ops', { namespaces: ['ops'], groups: ['ops'], secrets: [foreign] })).toThrow(
      '[p/tenants/ops] secrets[0]: received "z". Allowed: a secret declared in this declaration. '
      + 'Fix: declare it first with declaration.addSecretsManagerSecret / addParameter / addKeyVaultSecret / addGoogleSecret / addVaultSecret() and pass the returned object.');
    expect(() => d.addTenant('empty', { namespaces: [], groups: ['x'] })).toThrow(
      '[p/tenants/empty] namespaces: received []. Allowed: at least one namespace. Fix: list the tenant\'s namespaces.');
  });
});

describe('tenants owning HashiCorp Vault keys', () => {
  function vaultPlatform() {
    const d = new SecretsDeclaration({ name: 'p' });
    const cluster = d.addCluster('onprem', { clusterName: 'rke2', distribution: 'rke2', oidcIssuerUrl: 'https://oidc.rke2.example.com' });
    const server = d.addVaultServer('v', { address: 'https://vault.example.com:8200' });
    d.addVaultAuth('onprem', { server, cluster, kind: VaultAuthKind.JWT });
    const jenkinsAgent = d.addVaultSecret('jenkins-agent', { server, path: 'jenkins/agent', properties: ['secret'] });
    const netboxLdap = d.addVaultSecret('netbox-ldap', { server, path: 'netbox/ldap', properties: ['bind_password'] });
    d.addTenant('jenkins', { namespaces: ['jenkins'], groups: ['jenkins-admins'], secrets: [jenkinsAgent] });
    d.addTenant('netbox', { namespaces: ['netbox'], groups: ['netbox-admins'], secrets: [netboxLdap] });
    return { d, server, jenkinsAgent, netboxLdap };
  }

  test('a Vault store per tenant on a generic cluster: each Vault role bound to its own service account, reading its tenant\'s key only', () => {
    // GIVEN a ClusterSecretStore per tenant, each with its own service account
    const { d, server, jenkinsAgent, netboxLdap } = vaultPlatform();
    const jenkinsStore = d.addVaultStore('vault-jenkins', { name: 'vault-jenkins', server, namespaces: ['jenkins'], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const netboxStore = d.addVaultStore('vault-netbox', { name: 'vault-netbox', server, namespaces: ['netbox'], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('j', { name: 'agent', namespace: 'jenkins', store: jenkinsStore, data: [{ secretKey: 's', secret: jenkinsAgent, property: 'secret' }] });
    d.addExternalSecret('n', { name: 'ldap', namespace: 'netbox', store: netboxStore, data: [{ secretKey: 'p', secret: netboxLdap, property: 'bind_password' }] });
    // WHEN
    const plan = d.plan();
    // THEN
    expect(plan.identities.map((i) => [i.id, `${i.serviceAccount.namespace}:${i.serviceAccount.name}`, i.vault?.roleName, i.reads.map((s) => s.id)])).toEqual([
      ['store-vault-jenkins', 'external-secrets:eso-vault-jenkins', 'p-vault-jenkins-eso', ['jenkins-agent']],
      ['store-vault-netbox', 'external-secrets:eso-vault-netbox', 'p-vault-netbox-eso', ['netbox-ldap']],
    ]);
    expect(d.ownerOf(netboxLdap)?.id).toBe('netbox');
  });

  test('a jenkins ExternalSecret reading the netbox Vault key fails, naming both tenants', () => {
    // GIVEN
    const { d, server, netboxLdap } = vaultPlatform();
    const store = d.addVaultStore('vault-jenkins', { name: 'vault-jenkins', server, namespaces: ['jenkins'], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    // WHEN
    d.addExternalSecret('steal', { name: 'steal', namespace: 'jenkins', store, data: [{ secretKey: 'p', secret: netboxLdap, property: 'bind_password' }] });
    // THEN
    expect(() => d.plan()).toThrow(
      '[p/externalSecrets/steal] data[0].secret: received "netbox-ldap". Allowed: secrets of tenant "jenkins" (namespace "jenkins") or of no tenant; '
      + '"netbox-ldap" belongs to tenant "netbox". Fix: use it from a namespace of tenant "netbox", or declare a secret of tenant "jenkins".');
  });

  test('one Vault role serving both tenants fails; a NAMESPACED Vault store gives each tenant namespace its own role', () => {
    // GIVEN one store (one service account, one Vault role) admitting both tenant namespaces
    const shared = vaultPlatform();
    const store = shared.d.addVaultStore('shared', { name: 'shared', server: shared.server, namespaces: ['jenkins', 'netbox'], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    shared.d.addExternalSecret('j', { name: 'agent', namespace: 'jenkins', store, data: [{ secretKey: 's', secret: shared.jenkinsAgent, property: 'secret' }] });
    shared.d.addExternalSecret('n', { name: 'ldap', namespace: 'netbox', store, data: [{ secretKey: 'p', secret: shared.netboxLdap, property: 'bind_password' }] });
    // THEN
    expect(() => shared.d.plan()).toThrow(
      '[p/stores/shared] authModel: received "store-shared". Allowed: an identity serving one tenant: identity "store-shared" would be granted secrets of tenants "jenkins" and "netbox". '
      + 'Fix: give each tenant its own store with its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, or scope: StoreScope.NAMESPACED), so grants stay per tenant (rule CES-TEN-1).');
    // GIVEN the same with a namespaced store
    const namespaced = vaultPlatform();
    const perNamespace = namespaced.d.addVaultStore('vault', { name: 'vault', server: namespaced.server, scope: StoreScope.NAMESPACED, namespaces: ['jenkins', 'netbox'] });
    namespaced.d.addExternalSecret('j', { name: 'agent', namespace: 'jenkins', store: perNamespace, data: [{ secretKey: 's', secret: namespaced.jenkinsAgent, property: 'secret' }] });
    namespaced.d.addExternalSecret('n', { name: 'ldap', namespace: 'netbox', store: perNamespace, data: [{ secretKey: 'p', secret: namespaced.netboxLdap, property: 'bind_password' }] });
    // WHEN
    const plan = namespaced.d.plan();
    // THEN one role per namespace, each reading its tenant's key
    expect(plan.identities.map((i) => [`${i.serviceAccount.namespace}:${i.serviceAccount.name}`, i.reads.map((s) => s.id)])).toEqual([
      ['jenkins:eso-vault', ['jenkins-agent']], ['netbox:eso-vault', ['netbox-ldap']],
    ]);
  });
});
