import { Chart, Testing } from 'cdk8s';
import { VaultAuthDelegatorBinding } from '../../lib/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

describe('VaultAuthDelegatorBinding', () => {
  test('binds system:auth-delegator to exact service accounts, cluster-scoped, deduplicated and sorted', () => {
    // GIVEN
    const c = new Chart(Testing.app(), 'test', { namespace: 'jenkins' });
    // WHEN
    const binding = new VaultAuthDelegatorBinding(c, 'b', {
      name: 'eso-vault-auth-delegator',
      serviceAccounts: [{ namespace: 'netbox', name: 'eso-netbox' }, { namespace: 'jenkins', name: 'eso-jenkins' }, { namespace: 'netbox', name: 'eso-netbox' }],
    });
    // THEN
    expect(findManifest(synthValid(c), 'ClusterRoleBinding', 'eso-vault-auth-delegator')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding',
      metadata: { name: 'eso-vault-auth-delegator' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' },
      subjects: [
        { kind: 'ServiceAccount', name: 'eso-jenkins', namespace: 'jenkins' },
        { kind: 'ServiceAccount', name: 'eso-netbox', namespace: 'netbox' },
      ],
    });
    expect(binding.serviceAccounts).toHaveLength(2);
  });

  test('no subject, or a subject without namespace, is rejected', () => {
    // GIVEN
    const c = new Chart(Testing.app(), 'test');
    // WHEN / THEN
    expect(() => new VaultAuthDelegatorBinding(c, 'a', { serviceAccounts: [] })).toThrow(
      '[test/a] serviceAccounts: received []. Allowed: at least one service account ({ namespace, name }) that logs in to Vault with its own JWT as reviewer. ' +
      'Fix: pass the service accounts of the Vault stores (serviceAccountRef) or of the ESO controller.');
    expect(() => new VaultAuthDelegatorBinding(c, 'b', { serviceAccounts: [{ name: 'eso' } as never] })).toThrow(
      '[test/b] serviceAccounts[0].namespace: received undefined. Allowed: a namespace: a ClusterRoleBinding subject of kind ServiceAccount names its namespace.');
    expect(() => new VaultAuthDelegatorBinding(c, 'c', { serviceAccounts: [{ namespace: 'a', name: 'Bad' }] })).toThrow(
      '[test/c] serviceAccounts[0].name: received "Bad". Allowed: a DNS-1123 subdomain');
  });
});
