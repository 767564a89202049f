import { Duration, SecretsDeclaration, VaultDatabasePlugin } from '../../../lib/core';
import { acknowledgedOf, violationsOf } from './fixtures';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const CREATE = 'CREATE ROLE "{{name}}" LOGIN PASSWORD \'{{password}}\';';

function lab() {
  const d = new SecretsDeclaration({ name: 'lab' });
  const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
  const engine = d.addVaultDatabaseEngine('db', {
    server, connection: { plugin: VaultDatabasePlugin.POSTGRESQL, connectionUrl: 'postgresql://{{username}}:{{password}}@pg:5432/app', username: 'vault' },
    roles: [
      { name: 'app', creationStatements: [CREATE], defaultTtl: Duration.hours(1) },
      { name: 'reporting', creationStatements: [CREATE], defaultTtl: Duration.hours(1) },
    ],
  });
  return { d, server, engine };
}

describe('CES-LP-12: a dynamic secret on a declared engine reads one of its declared roles', () => {
  test('a hand-typed path to an undeclared role or another endpoint of a declared mount fails; other mounts and declared roles pass', () => {
    // GIVEN
    const { d, server, engine } = lab();
    d.addVaultDynamicSecret('ok', { name: 'ok', engine, role: 'app' });
    d.addVaultDynamicSecret('typed', { name: 'typed', server, path: 'database/creds/reporting', leaseTtl: Duration.hours(1) });
    d.addVaultDynamicSecret('admin', { name: 'admin', server, path: 'database/creds/admin', leaseTtl: Duration.hours(1) });
    d.addVaultDynamicSecret('static', { name: 'static', server, path: 'database/static-creds/app', leaseTtl: Duration.hours(1) });
    d.addVaultDynamicSecret('elsewhere', { name: 'elsewhere', server, path: 'mysql/creds/admin', leaseTtl: Duration.hours(1) });
    // WHEN / THEN
    expect(violationsOf(d, 'CES-LP-12')).toEqual([
      ['admin', '[lab/dynamicSecrets/admin] path: received "database/creds/admin". Allowed: a declared role of engine "db" mounted at "database": "database/creds/app", '
        + '"database/creds/reporting". Fix: declare the role on the engine and pass engine and role instead of path (rule CES-LP-12).'],
      ['static', expect.stringContaining('[lab/dynamicSecrets/static] path: received "database/static-creds/app".')],
    ]);
    expect(() => d.acknowledge({ ruleId: 'CES-LP-12', reason: 'the admin role is made by hand' })).toThrow('this rule has no legitimate exception');
  });
});

describe('CES-LP-13: every role of a declared engine is read by a dynamic secret', () => {
  test('an unused role fails at the engine\'s roles; acknowledged for an application outside ESO, it is listed with the reason', () => {
    // GIVEN
    const { d, engine } = lab();
    d.addVaultDynamicSecret('app', { name: 'app', engine, role: 'app' });
    // WHEN / THEN
    expect(violationsOf(d, 'CES-LP-13')).toEqual([['db/reporting', '[lab/vaultEngines/db] roles[1].name: received "reporting". Allowed: a role some dynamic secret reads '
      + '("database/creds/reporting" is read by none). Fix: remove the role, or declare the dynamic secret that uses it (rule CES-LP-13; '
      + 'or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-LP-13\', reason: \'…\', appliesTo: [\'db/reporting\'] })).']]);
    d.acknowledge({ ruleId: 'CES-LP-13', reason: 'the BI tool logs in with Vault directly', appliesTo: ['db/reporting'] });
    expect(acknowledgedOf(d, 'CES-LP-13')).toEqual([['db/reporting', 'the BI tool logs in with Vault directly']]);
    expect(violationsOf(d, 'CES-LP-13')).toEqual([]);
  });
});
