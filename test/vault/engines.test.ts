import { TerraformVariable } from 'cdktf';
import { Duration, hasLiteralPassword, VaultDatabasePlugin } from '../../lib/core';
import { VaultDatabaseEngine, VaultKubernetesAuthMount, VaultKubernetesAuthRole, VaultPkiEngine } from '../../lib/vault';
import { valueLeaks } from '../helpers/terraform';
import { all, one, policyRules, synth, vaultStack } from './helpers';

const CREATE = 'CREATE ROLE "{{name}}" WITH LOGIN PASSWORD \'{{password}}\' VALID UNTIL \'{{expiration}}\';';
const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function rootPassword(stack: ReturnType<typeof vaultStack>, id = 'db_root_password'): TerraformVariable {
  return new TerraformVariable(stack, id, { type: 'string', sensitive: true });
}

function esoRole(stack: ReturnType<typeof vaultStack>): VaultKubernetesAuthRole {
  const auth = new VaultKubernetesAuthMount(stack, 'Auth', { clusterName: 'rke2-prod', kubernetesHost: 'https://10.0.0.1:6443', kubernetesCaCert: CA });
  return new VaultKubernetesAuthRole(stack, 'Role', { mount: auth, roleName: 'eso-app', serviceAccounts: [{ namespace: 'app', name: 'eso-app' }] });
}

describe('VaultDatabaseEngine', () => {
  test('mount, connection with a write-only root password allowing exactly the roles, roles with TTLs; the credentials path is the one policy rule', () => {
    // GIVEN
    const stack = vaultStack();
    const role = esoRole(stack);
    // WHEN
    const db = new VaultDatabaseEngine(stack, 'Db', {
      connection: { plugin: VaultDatabasePlugin.POSTGRESQL, connectionUrl: 'postgresql://{{username}}:{{password}}@db.internal:5432/app', username: 'vault', password: rootPassword(stack) },
      roles: [
        { name: 'app', creationStatements: [CREATE], defaultTtl: Duration.hours(1), maxTtl: Duration.hours(4) },
        { name: 'reporting', creationStatements: [CREATE], defaultTtl: Duration.minutes(30) },
      ],
    });
    db.credentials('app').grantUse(role);
    const out = synth(stack);
    // THEN
    expect(one(out, 'vault_mount', 'path', 'database')).toMatchObject({ type: 'database' });
    const connection = one(out, 'vault_database_secret_backend_connection', 'name', 'default');
    expect(connection).toMatchObject({
      allowed_roles: ['app', 'reporting'], verify_connection: true,
      postgresql: {
        connection_url: 'postgresql://{{username}}:{{password}}@db.internal:5432/app', username: 'vault',
        password_wo: '${var.db_root_password}', password_wo_version: 1,
      },
    });
    expect(JSON.stringify(connection)).not.toContain('"password":');
    expect(one(out, 'vault_database_secret_backend_role', 'name', 'app')).toMatchObject({ creation_statements: [CREATE], default_ttl: 3600, max_ttl: 14400 });
    expect(one(out, 'vault_database_secret_backend_role', 'name', 'reporting')).toMatchObject({ default_ttl: 1800, max_ttl: 1800 });
    expect(policyRules(all(out, 'vault_policy')[0].policy)).toEqual({ 'database/creds/app': ['read'] });
    expect(valueLeaks(out)).toEqual([]);
  });

  test('refuses a literal password in the URL, a non-sensitive root password, an undeclared role and a max TTL below the TTL', () => {
    const stack = vaultStack();
    const url = 'postgresql://vault:hunter2@db:5432/app';
    const roles = [{ name: 'app', creationStatements: [CREATE], defaultTtl: Duration.hours(1) }];
    expect(() => new VaultDatabaseEngine(stack, 'A', { connection: { plugin: VaultDatabasePlugin.POSTGRESQL, connectionUrl: url, username: 'vault', password: rootPassword(stack) }, roles }))
      .toThrow('[test/A] connection.connectionUrl: received a connection URL with a literal password. Allowed: a URL whose credentials are the templates {{username}} and {{password}} '
        + '(Vault fills them from the connection\'s username and its write-only password). Fix: write the URL as "postgresql://{{username}}:{{password}}@host:5432/db" and pass the root password as a sensitive variable.');
    const plain = new TerraformVariable(stack, 'plain', { type: 'string' });
    expect(() => new VaultDatabaseEngine(stack, 'B', { connection: { plugin: VaultDatabasePlugin.MYSQL, connectionUrl: '{{username}}:{{password}}@tcp(db:3306)/', username: 'vault', password: plain }, roles }))
      .toThrow('[test/B] connection.password: received false. Allowed: true: a variable holding a secret value must be declared sensitive (variable "plain" is not).');
    const db = new VaultDatabaseEngine(stack, 'C', { connection: { plugin: VaultDatabasePlugin.MYSQL, connectionUrl: '{{username}}:{{password}}@tcp(db:3306)/', username: 'vault', password: rootPassword(stack, 'c') }, roles });
    expect(() => db.credentials('admin')).toThrow('[test/C] role: received "admin". Allowed: a role declared on engine "database": "app". Fix: declare the role in the engine\'s roles, or use one of those.');
    expect(() => new VaultDatabaseEngine(stack, 'D', {
      path: 'db2', connection: { plugin: VaultDatabasePlugin.MYSQL, connectionUrl: '{{username}}:{{password}}@tcp(db:3306)/', username: 'vault', password: rootPassword(stack, 'd') },
      roles: [{ name: 'app', creationStatements: [CREATE], defaultTtl: Duration.hours(2), maxTtl: Duration.hours(1) }],
    })).toThrow('[test/D] roles[0].maxTtl: received "1h". Allowed: a max TTL of at least the role\'s TTL "2h". Fix: keep ttl <= maxTtl <= the mount\'s maxLeaseTtl (Vault caps every lease at the larger bound).');
  });

  test('hasLiteralPassword: templates and password-less URLs pass; user info and query passwords are literal', () => {
    expect(hasLiteralPassword('postgresql://{{username}}:{{password}}@db:5432/app')).toBe(false);
    expect(hasLiteralPassword('postgresql://db:5432/app?sslmode=require')).toBe(false);
    expect(hasLiteralPassword('postgresql://vault:s3cret@db:5432/app')).toBe(true);
    expect(hasLiteralPassword('postgresql://db:5432/app?user=vault&password=s3cret')).toBe(true);
  });
});

describe('VaultPkiEngine', () => {
  test('mount with a max lease, roles for exactly their domains (no glob, wildcard, IP or any name); issue is an update on one path', () => {
    // GIVEN
    const stack = vaultStack();
    const role = esoRole(stack);
    // WHEN
    const pki = new VaultPkiEngine(stack, 'Pki', {
      maxLeaseTtl: Duration.days(30),
      roles: [{ name: 'web', allowedDomains: ['web.internal.example.com', 'api.internal.example.com'], allowSubdomains: true, ttl: Duration.hours(24), maxTtl: Duration.days(7) }],
    });
    pki.issue('web').grantUse(role);
    const out = synth(stack);
    // THEN
    expect(one(out, 'vault_mount', 'path', 'pki')).toMatchObject({ type: 'pki', max_lease_ttl_seconds: 2592000 });
    expect(one(out, 'vault_pki_secret_backend_role', 'name', 'web')).toMatchObject({
      allowed_domains: ['api.internal.example.com', 'web.internal.example.com'], allow_subdomains: true, allow_bare_domains: true,
      allow_glob_domains: false, allow_any_name: false, allow_wildcard_certificates: false, allow_localhost: false, allow_ip_sans: false,
      enforce_hostnames: true, ttl: '86400', max_ttl: '604800',
    });
    expect(policyRules(all(out, 'vault_policy')[0].policy)).toEqual({ 'pki/issue/web': ['update'] });
  });

  test('refuses a wildcard domain and a role outliving the mount', () => {
    const stack = vaultStack();
    expect(() => new VaultPkiEngine(stack, 'A', { roles: [{ name: 'web', allowedDomains: ['*.example.com'], ttl: Duration.hours(1) }] }))
      .toThrow('[test/A] roles[0].allowedDomains[0]: received "*.example.com". Allowed: a DNS name (letters, digits, "-" and "." labels), no wildcard and no glob: certificates are issued for exactly these domains (and their subdomains with allowSubdomains). Fix: list the domains, for example "internal.example.com", and set allowSubdomains for names below them.');
    expect(() => new VaultPkiEngine(stack, 'B', { maxLeaseTtl: Duration.days(1), roles: [{ name: 'web', allowedDomains: ['example.com'], ttl: Duration.days(2) }] }))
      .toThrow('[test/B] roles[0].ttl: received "48h". Allowed: at most the mount\'s maxLeaseTtl "24h".');
  });
});
