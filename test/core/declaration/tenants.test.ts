import { EsoAuthModel, SecretsDeclaration } from '../../../lib/core';

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
      + 'Fix: give each tenant its own store with its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, or scope: StoreScope.NAMESPACED), so grants stay per tenant.');
  });

  test('tenants sharing a namespace, undeclared secrets, and tenants without namespaces', () => {
    const { d } = platform();
    expect(() => d.addTenant('ci', { namespaces: ['jenkins'], groups: ['ci'] })).toThrow(
      '[p/tenants/ci] namespaces[0]: received "jenkins". Allowed: a namespace of no other tenant (it already belongs to tenant "jenkins"). '
      + 'Fix: remove "jenkins" from tenant "ci" or from tenant "jenkins": a namespace belongs to one tenant.');
    const foreign = new SecretsDeclaration({ name: 'o', gcp: GCP }).addGoogleSecret('z', { name: 'z' });
    expect(() => d.addTenant('ops', { namespaces: ['ops'], groups: ['ops'], secrets: [foreign] })).toThrow(
      '[p/tenants/ops] secrets[0]: received "z". Allowed: a secret declared in this declaration. '
      + 'Fix: declare it first with declaration.addGoogleSecret / addKeyVaultSecret / addSecretsManagerSecret() and pass the returned object.');
    expect(() => d.addTenant('empty', { namespaces: [], groups: ['x'] })).toThrow(
      '[p/tenants/empty] namespaces: received []. Allowed: at least one namespace. Fix: list the tenant\'s namespaces.');
  });
});
