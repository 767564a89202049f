import { Chart, Testing } from 'cdk8s';
import { ExternalSecretsTenantAccess, ExternalSecretsTenantAccessProps } from '../../lib/k8s';
import { findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';

function chart(): Chart {
  return new Chart(Testing.app(), 'test');
}

function manifestsIn(manifests: K8sManifest[], kind: string, namespace: string): K8sManifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata?.namespace === namespace);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('ExternalSecretsTenantAccess', () => {
  test('a Role and a RoleBinding in each tenant namespace, valid Kubernetes RBAC, nothing cluster-wide', () => {
    // GIVEN
    const c = chart();
    // WHEN
    const access = new ExternalSecretsTenantAccess(c, 'netbox', { tenant: 'netbox', namespaces: ['netbox', 'netbox-staging'], groups: ['netbox-admins'] });
    // THEN
    const manifests = synthValid(c);
    expect(manifests.map((m) => m.kind).sort()).toEqual(['Role', 'Role', 'RoleBinding', 'RoleBinding']);
    for (const namespace of ['netbox', 'netbox-staging']) {
      const role = manifestsIn(manifests, 'Role', namespace);
      expect(role).toEqual({
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role',
        metadata: { name: 'external-secrets-netbox', namespace, labels: { 'app.kubernetes.io/part-of': 'external-secrets-tenants', 'external-secrets.io/tenant': 'netbox' } },
        rules: [
          { apiGroups: ['external-secrets.io'], resources: ['externalsecrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
          { apiGroups: ['external-secrets.io'], resources: ['secretstores'], verbs: ['get', 'list', 'watch'] },
        ],
      });
      expect(manifestsIn(manifests, 'RoleBinding', namespace)).toMatchObject({
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'external-secrets-netbox' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'netbox-admins' }],
      });
    }
    expect(access.roles).toHaveLength(2);
    expect(access.roleBindings).toHaveLength(2);
    const granted = manifests.filter((m) => m.kind === 'Role')
      .flatMap((m) => (m as K8sManifest & { rules: Array<{ resources: string[]; verbs: string[] }> }).rules)
      .flatMap((r) => [...r.resources, ...r.verbs]);
    expect(granted).not.toContain('secrets');
    expect(granted).not.toContain('clustersecretstores');
    expect(granted).not.toContain('*');
  });

  test('PushSecrets when allowed, several groups, extra labels', () => {
    // GIVEN
    const c = chart();
    // WHEN
    new ExternalSecretsTenantAccess(c, 'jenkins', {
      tenant: 'jenkins', namespaces: ['jenkins'], groups: ['jenkins-admins', 'platform-oncall'], allowPushSecrets: true, labels: { team: 'ci' },
    });
    // THEN
    const manifests = synthValid(c);
    const role = findManifest(manifests, 'Role', 'external-secrets-jenkins') as K8sManifest & { rules: Array<{ resources: string[] }> };
    expect(role.rules.map((r) => r.resources[0])).toEqual(['externalsecrets', 'pushsecrets', 'secretstores']);
    expect(role.metadata?.labels).toEqual({ 'app.kubernetes.io/part-of': 'external-secrets-tenants', 'external-secrets.io/tenant': 'jenkins', team: 'ci' });
    expect((findManifest(manifests, 'RoleBinding', 'external-secrets-jenkins') as K8sManifest & { subjects: Array<{ name: string }> }).subjects.map((s) => s.name))
      .toEqual(['jenkins-admins', 'platform-oncall']);
  });

  test('tenants without namespaces or groups, repeated namespaces, bad names and groups', () => {
    const attempt = (props: Partial<ExternalSecretsTenantAccessProps>): ExternalSecretsTenantAccess =>
      new ExternalSecretsTenantAccess(chart(), 't', { tenant: 'netbox', namespaces: ['netbox'], groups: ['netbox-admins'], ...props });
    expect(() => attempt({ namespaces: [] })).toThrow('[test/t] namespaces: received []. Allowed: at least one namespace. Fix: list the tenant\'s namespaces.');
    expect(() => attempt({ groups: [] })).toThrow('[test/t] groups: received []. Allowed: at least one group. Fix: list the tenant\'s groups.');
    expect(() => attempt({ namespaces: ['netbox', 'netbox'] })).toThrow(
      '[test/t] namespaces[1]: received "netbox". Allowed: a value different from the one at namespaces[0] (it must be unique). Fix: list each namespace once.');
    expect(() => attempt({ groups: ['  '] })).toThrow(
      '[test/t] groups[0]: received "  ". Allowed: a non-empty group name exactly as the API server authenticates it (an OIDC groups claim, an Entra group object ID, a Google group e-mail). '
      + 'Fix: pass the group of the team that manages the tenant\'s ExternalSecrets.');
    expect(() => attempt({ tenant: 'NetBox' })).toThrow(
      '[test/t] tenant: received "NetBox". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. '
      + 'Fix: rename it, for example "netbox".');
    expect(() => attempt({ namespaces: ['Net_Box'] })).toThrow(
      '[test/t] namespaces[0]: received "Net_Box". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. '
      + 'Fix: rename it, for example "net-box".');
    expect(() => new ExternalSecretsTenantAccess(chart(), 't', undefined as unknown as ExternalSecretsTenantAccessProps)).toThrow(
      '[test/t] props: received undefined. Allowed: an object of type ExternalSecretsTenantAccessProps. Fix: pass the ExternalSecretsTenantAccessProps object as the third argument.');
  });

  test('refuses cluster-wide groups: the Role would go to every user, service account or node (same check as rule CES-TEN-6)', () => {
    const attempt = (groups: string[]) => () => new ExternalSecretsTenantAccess(chart(), 't', { tenant: 'netbox', namespaces: ['netbox'], groups });
    const message = (i: number, group: string, why: string) => `[test/t] groups[${i}]: received ${JSON.stringify(group)}. Allowed: the team's own groups (from your identity provider), `
      + `or system:serviceaccounts:<ns> of the tenant's own namespaces; ${JSON.stringify(group)} is ${why}. Fix: bind the group of the team that owns the tenant.`;
    expect(attempt(['netbox-admins', 'system:authenticated'])).toThrow(message(1, 'system:authenticated', 'every authenticated user and service account'));
    expect(attempt(['system:serviceaccounts'])).toThrow(message(0, 'system:serviceaccounts', 'every service account of the cluster'));
    expect(attempt(['system:serviceaccounts:kube-system'])).toThrow(
      message(0, 'system:serviceaccounts:kube-system', 'the service accounts of a namespace of another tenant or of the platform'));
    expect(attempt(['system:masters'])).toThrow(message(0, 'system:masters', 'the cluster administrators'));
    // The service accounts of the tenant's own namespace are the tenant's.
    expect(new ExternalSecretsTenantAccess(chart(), 't', { tenant: 'netbox', namespaces: ['netbox'], groups: ['system:serviceaccounts:netbox'] }).roleBindings).toHaveLength(1);
  });
});
