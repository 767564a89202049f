/**
 * Bad inputs of the source architectures' remaining components through the PUBLIC API (the package
 * root only): rotation end to end, AWS workloads reading secrets outside Kubernetes. Expected messages:
 * `expected-sources.ts`.
 */
import { AwsComputeService, AwsConsumerRole, Duration, SecretBackend, SecretsDeclaration } from '../../lib';
import type { BadInput } from './cases';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const LAMBDA = 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-db';

function aws(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    build(d);
    return d.plan();
  };
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
];
