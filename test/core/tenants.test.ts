import { TenantDirectory } from '../../lib/core';

interface Secret { readonly id: string }

describe('TenantDirectory', () => {
  const jenkinsDb: Secret = { id: 'jenkins-db' };
  const netboxDb: Secret = { id: 'netbox-db' };
  const shared: Secret = { id: 'smtp-relay' };

  function directory(): TenantDirectory<Secret> {
    const d = new TenantDirectory<Secret>();
    const jenkins = d.add('platform/tenants/jenkins', { name: 'jenkins', namespaces: ['jenkins', 'jenkins-agents'], groups: ['jenkins-admins'] });
    const netbox = d.add('platform/tenants/netbox', { name: 'netbox', namespaces: ['netbox'], groups: ['netbox-admins'] });
    d.addSecret('platform/tenants/jenkins', jenkins, jenkinsDb, 'jenkins-db');
    d.addSecret('platform/tenants/netbox', netbox, netboxDb, 'netbox-db');
    return d;
  }

  test('owners of namespaces and secrets; a tenant reads its own secrets and the shared ones', () => {
    // GIVEN
    const d = directory();
    // WHEN / THEN
    expect(d.tenantOfNamespace('jenkins-agents')?.name).toBe('jenkins');
    expect(d.tenantOfNamespace('kube-system')).toBeUndefined();
    expect(d.ownerOf(netboxDb)?.name).toBe('netbox');
    expect(d.ownerOf(shared)).toBeUndefined();
    expect(() => d.checkUse('es', 'data[0]', 'jenkins-agents', jenkinsDb, 'jenkins-db')).not.toThrow();
    expect(() => d.checkUse('es', 'data[0]', 'netbox', shared, 'smtp-relay')).not.toThrow();
    expect(d.all.map((t) => [t.name, t.secrets.map((s) => s.id)])).toEqual([['jenkins', ['jenkins-db']], ['netbox', ['netbox-db']]]);
  });

  test('cross-tenant reads fail naming both tenants, and reads from a namespace of no tenant name the owner', () => {
    const d = directory();
    expect(() => d.checkUse('platform/externalSecrets/ci', 'data[0].secret', 'jenkins', netboxDb, 'netbox-db')).toThrow(
      '[platform/externalSecrets/ci] data[0].secret: received "netbox-db". Allowed: secrets of tenant "jenkins" (namespace "jenkins") or of no tenant; '
      + '"netbox-db" belongs to tenant "netbox". Fix: use it from a namespace of tenant "netbox", or declare a secret of tenant "jenkins".');
    expect(() => d.checkUse('platform/externalSecrets/tools', 'data[0].secret', 'tools', netboxDb, 'netbox-db')).toThrow(
      '[platform/externalSecrets/tools] data[0].secret: received "netbox-db". Allowed: secrets of no tenant (namespace "tools" belongs to no tenant); '
      + '"netbox-db" belongs to tenant "netbox". Fix: use it from a namespace of tenant "netbox", or add namespace "tools" to tenant "netbox".');
  });

  test('a namespace or a secret in two tenants, and tenants without namespaces or groups', () => {
    const d = directory();
    expect(() => d.add('platform/tenants/ops', { name: 'ops', namespaces: ['ops', 'netbox'], groups: ['ops'] })).toThrow(
      '[platform/tenants/ops] namespaces[1]: received "netbox". Allowed: a namespace of no other tenant (it already belongs to tenant "netbox"). '
      + 'Fix: remove "netbox" from tenant "ops" or from tenant "netbox": a namespace belongs to one tenant.');
    const ops = d.add('platform/tenants/ops', { name: 'ops', namespaces: ['ops'], groups: ['ops'] });
    expect(() => d.addSecret('platform/tenants/ops', ops, netboxDb, 'netbox-db')).toThrow(
      '[platform/tenants/ops] secrets: received "netbox-db". Allowed: a secret of no other tenant (it already belongs to tenant "netbox"). '
      + 'Fix: give the secret to one tenant; if "ops" and "netbox" really share it, declare a copy per tenant.');
    expect(() => d.add('platform/tenants/a', { name: 'a', namespaces: [], groups: ['g'] })).toThrow(
      '[platform/tenants/a] namespaces: received []. Allowed: at least one namespace. Fix: list the tenant\'s namespaces.');
    expect(() => d.add('platform/tenants/b', { name: 'b', namespaces: ['b'], groups: [] })).toThrow(
      '[platform/tenants/b] groups: received []. Allowed: at least one group. Fix: list the tenant\'s groups.');
    expect(() => d.add('platform/tenants/c', { name: 'c', namespaces: ['c'], groups: [''] })).toThrow(
      '[platform/tenants/c] groups[0]: received "". Allowed: a non-empty group name exactly as the API server authenticates it (an OIDC groups claim, an Entra group object ID, a Google group e-mail). '
      + 'Fix: pass the group of the team that manages the tenant\'s ExternalSecrets.');
    expect(() => d.add('platform/tenants/D', { name: 'Dev', namespaces: ['dev'], groups: ['dev'] })).toThrow(
      '[platform/tenants/D] name: received "Dev". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. '
      + 'Fix: rename it, for example "dev".');
  });
});
