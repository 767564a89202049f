/**
 * Bad inputs of the source architectures' remaining components through the PUBLIC API (the package
 * root only): rotation end to end, AWS workloads reading secrets outside Kubernetes, Vault engines
 * behind dynamic secrets. Expected messages:
 * `expected-sources.ts`.
 */
import { AwsComputeService, AwsConsumerRole, Duration, SecretBackend, SecretsDeclaration, VaultDatabasePlugin } from '../../lib';
import type { BadInput } from './cases';
import { aws } from './cases-names';

const LAMBDA = 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-db';


const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const CREATE = 'CREATE ROLE "{{name}}" LOGIN PASSWORD \'{{password}}\';';
const URL = 'postgresql://{{username}}:{{password}}@pg:5432/app';

type Lab = { d: SecretsDeclaration; server: ReturnType<SecretsDeclaration['addVaultServer']> };

/** An on-prem Vault lab built by `build`, then planned. */
function lab(build: (lab: Lab) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'lab' });
    const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
    const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
    d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
    build({ d, server });
    return d.plan();
  };
}

function database(extra: Record<string, unknown> = {}, connection: Record<string, unknown> = {}): (l: Lab) => unknown {
  return ({ d, server }) => d.addVaultDatabaseEngine('db', {
    server, connection: { plugin: VaultDatabasePlugin.POSTGRESQL, connectionUrl: URL, username: 'vault', ...connection },
    roles: [{ name: 'app', creationStatements: [CREATE], defaultTtl: Duration.hours(1) }], ...extra,
  } as never);
}

const LAMBDA_ROLE = AwsConsumerRole.create(AwsComputeService.LAMBDA);

export const SOURCES_CASES: readonly BadInput[] = [
  ['rotation: function role given as an ARN', aws((d) => d.addSecretsManagerSecret('db', {
    name: 'shop/db', rotation: { rotationLambdaArn: LAMBDA, functionRoleName: 'arn:aws:iam::111122223333:role/rotate-db' },
  }))],
  ['rotation: refreshed slower than a rate(6 hours) schedule', aws((d) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', rotation: { rotationLambdaArn: LAMBDA, scheduleExpression: 'rate(6 hours)' } });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, refreshInterval: Duration.hours(12), data: [{ secretKey: 'password', secret: db, property: 'password' }] });
  })],

  ['aws consumer: options missing', aws((d) => d.addAwsConsumer('fn', undefined as never))],
  ['aws consumer: role as an ARN string', aws((d) => d.addAwsConsumer('fn', {
    role: 'arn:aws:iam::111122223333:role/fn' as never, secrets: [d.addSecretsManagerSecret('db', { name: 'shop/db' })],
  }))],
  ['aws consumer: role ARN of a user', aws((d) => d.addAwsConsumer('fn', {
    role: AwsConsumerRole.existing('arn:aws:iam::111122223333:user/deploy'), secrets: [d.addSecretsManagerSecret('db', { name: 'shop/db' })],
  }))],
  ['aws consumer: role of another account', aws((d) => d.addAwsConsumer('fn', {
    role: AwsConsumerRole.existing('arn:aws:iam::444455556666:role/fn'), secrets: [d.addSecretsManagerSecret('db', { name: 'shop/db' })],
  }))],
  ['aws consumer: created for a service it cannot be', aws((d) => d.addAwsConsumer('fn', {
    role: AwsConsumerRole.create('eks.amazonaws.com' as AwsComputeService), secrets: [d.addSecretsManagerSecret('db', { name: 'shop/db' })],
  }))],
  ['aws consumer: derived role name over 64 characters', aws((d) => d.addAwsConsumer('f'.repeat(60), {
    role: LAMBDA_ROLE, secrets: [d.addSecretsManagerSecret('db', { name: 'shop/db' })],
  }))],
  ['aws consumer: no secrets', aws((d) => d.addAwsConsumer('fn', { role: LAMBDA_ROLE, secrets: [] }))],
  ['aws consumer: secrets not an array', aws((d) => d.addAwsConsumer('fn', { role: LAMBDA_ROLE, secrets: d.addSecretsManagerSecret('db', { name: 'shop/db' }) as never }))],
  ['aws consumer: a secret of another declaration', aws((d) => {
    const other = new SecretsDeclaration({ name: 'other', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addAwsConsumer('fn', { role: LAMBDA_ROLE, secrets: [other.addSecretsManagerSecret('db', { name: 'shop/db' })] });
  })],
  ['aws consumer: a Key Vault secret', () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' } });
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    return d.addAwsConsumer('fn', { role: LAMBDA_ROLE, secrets: [d.addKeyVaultSecret('db', { vault, name: 'db' }) as never] });
  }],
  ['aws consumer: the same secret twice', aws((d) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    d.addAwsConsumer('fn', { role: LAMBDA_ROLE, secrets: [db, db] });
  })],
  ['aws consumer: a secret of another account', aws((d) => d.addAwsConsumer('fn', {
    role: LAMBDA_ROLE, secrets: [d.addSecretsManagerSecret('db', { name: 'shop/db', accountId: '444455556666' })],
  }))],
  ['aws consumer: a tenant of another declaration', aws((d) => {
    const other = new SecretsDeclaration({ name: 'other' });
    const tenant = other.addTenant('a', { namespaces: ['a'], groups: ['a'] });
    d.addAwsConsumer('fn', { role: LAMBDA_ROLE, tenant, secrets: [d.addSecretsManagerSecret('db', { name: 'shop/db' })] });
  })],
  ['aws consumer: a tenant\'s Lambda reading another tenant\'s secret', aws((d) => {
    const a = d.addSecretsManagerSecret('a-db', { name: 'a/db' });
    const b = d.addSecretsManagerSecret('b-db', { name: 'b/db' });
    const tenantA = d.addTenant('a', { namespaces: ['team-a'], groups: ['team-a'], secrets: [a] });
    d.addTenant('b', { namespaces: ['team-b'], groups: ['team-b'], secrets: [b] });
    d.addAwsConsumer('fn', { role: LAMBDA_ROLE, tenant: tenantA, secrets: [a, b] });
  })],
  ['aws consumer: runs as the ESO controller role', aws((d) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
    d.addAwsConsumer('fn', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/shop-prod-eso-controller'), secrets: [db] });
  })],

  ['vault engine: literal password in the connection URL', lab(database({}, { connectionUrl: 'postgresql://vault:hunter2@pg:5432/app' }))],
  ['vault engine: password in the URL query', lab(database({}, { connectionUrl: 'postgresql://pg:5432/app?user=vault&password=hunter2' }))],
  ['vault engine: unknown plugin', lab(database({}, { plugin: 'oracle' }))],
  ['vault engine: mount on Vault\'s sys', lab(database({ mount: 'sys' }))],
  ['vault engine: mount on the KV mount', lab(database({ mount: 'secret' }))],
  ['vault engine: no roles', lab(database({ roles: [] }))],
  ['vault engine: role name with a slash', lab(database({ roles: [{ name: 'app/admin', creationStatements: [CREATE], defaultTtl: Duration.hours(1) }] }))],
  ['vault engine: max TTL below the TTL', lab(database({ roles: [{ name: 'app', creationStatements: [CREATE], defaultTtl: Duration.hours(2), maxTtl: Duration.hours(1) }] }))],
  ['vault engine: role without creation statements', lab(database({ roles: [{ name: 'app', creationStatements: [], defaultTtl: Duration.hours(1) }] }))],
  ['vault engine: role TTL missing', lab(database({ roles: [{ name: 'app', creationStatements: [CREATE] }] }))],
  ['vault engine: two engines on one mount', lab((l) => { database()(l); l.d.addVaultPkiEngine('pki', { server: l.server, mount: 'database', roles: [{ name: 'web', allowedDomains: ['example.com'], ttl: Duration.hours(1) }] }); })],
  ['vault engine: PKI wildcard domain', lab(({ d, server }) => d.addVaultPkiEngine('pki', { server, roles: [{ name: 'web', allowedDomains: ['*.example.com'], ttl: Duration.hours(1) }] }))],
  ['vault engine: PKI role outliving the mount', lab(({ d, server }) => d.addVaultPkiEngine('pki', {
    server, maxLeaseTtl: Duration.days(1), roles: [{ name: 'web', allowedDomains: ['example.com'], ttl: Duration.days(2) }],
  }))],
  ['vault engine: dynamic secret naming an undeclared role', lab((l) => {
    const engine = database()(l) as ReturnType<SecretsDeclaration['addVaultDatabaseEngine']>;
    l.d.addVaultDynamicSecret('x', { name: 'x', engine, role: 'admin' });
  })],
  ['vault engine: dynamic secret with engine and path', lab((l) => {
    const engine = database()(l) as ReturnType<SecretsDeclaration['addVaultDatabaseEngine']>;
    l.d.addVaultDynamicSecret('x', { name: 'x', engine, role: 'app', path: 'database/creds/admin' });
  })],
  ['vault engine: dynamic secret with neither engine nor path', lab(({ d, server }) => d.addVaultDynamicSecret('x', { name: 'x', server, leaseTtl: Duration.hours(1) }))],
  ['vault engine: hand-typed path to an undeclared role of a declared engine', lab((l) => {
    database()(l);
    l.d.addVaultDynamicSecret('x', { name: 'x', server: l.server, path: 'database/creds/admin', leaseTtl: Duration.hours(1) });
  })],
  ['vault engine: role no dynamic secret reads', lab(database())],
];
