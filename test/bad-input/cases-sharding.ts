/**
 * Bad inputs of the sharded cloud side and the Azure role assignment budget, through the PUBLIC API
 * (the package root only): sharding options (unknown shard, an element mapped to no shard, empty and
 * invalid names, duplicate stack names, a secret in another identity's shard, a scope that is not the
 * App), and the Azure subscription budget options. Expected messages: `expected-sharding.ts`.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { EsoAuthModel, SecretBackend, SecretsDeclaration, SecretsPlatformStacks, Sharding, ShardElement, StoreScope } from '../../lib';
import type { BadInput } from './cases';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** Two teams, each with its own store, identity and secret, on one EKS cluster. */
function estate(): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  for (const team of ['team-a', 'team-b']) {
    const secret = d.addSecretsManagerSecret(team, { name: `shop/${team}/db` });
    const store = d.addAwsStore(team, {
      name: team, service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, namespaces: [team], clusters: [prod], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT,
    });
    d.addExternalSecret(team, { name: 'db', namespace: team, store, data: [{ secretKey: 'password', secret }] });
    d.addTenant(team, { namespaces: [team], groups: [`${team}-admins`], secrets: [secret] });
  }
  return d;
}

function stacks(props: Record<string, unknown>, scope: (app: App) => Construct = (app) => app): () => unknown {
  return () => {
    const app = Testing.app();
    return new SecretsPlatformStacks(scope(app), 'Secrets', { declaration: estate(), sharding: Sharding.perTenant(), configureStack: () => undefined, ...props } as never);
  };
}

function explicit(shards: unknown, shardOf: (element: ShardElement) => unknown): () => unknown {
  return stacks({ sharding: Sharding.explicit({ shards: shards as string[], shardOf: shardOf as (element: ShardElement) => string }) });
}

const teamOf = (element: ShardElement) => (element.kind === 'identity' ? element.identity.serviceAccount.namespace : element.secret.id);

function azure(azureDefaults: Record<string, unknown>, vault: Record<string, unknown> = {}): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', azure: { tenantId: TENANT, ...azureDefaults } as never });
    d.addKeyVault('kv', { name: 'kv-shop', resourceGroupName: 'rg', location: 'westeurope', ...vault } as never);
    return d.plan();
  };
}

export const SHARDING_CASES: readonly BadInput[] = [
  ['sharding: not a Sharding', stacks({ sharding: 'per-tenant' })],
  ['sharding: configureStack missing', stacks({ configureStack: undefined })],
  ['sharding: scope is a stack, not the App', stacks({}, (app) => new TerraformStack(app, 'existing'))],
  ['sharding: empty stack name prefix', stacks({ stackNamePrefix: '' })],
  ['sharding: stack name prefix with a slash', stacks({ stackNamePrefix: 'shop/prod' })],
  ['sharding: only names an unknown shard', stacks({ only: ['team-c'] })],
  ['sharding: only is a string', stacks({ only: 'team-a' })],
  ['sharding: a stack of that name exists in the app', () => {
    const app = Testing.app();
    new TerraformStack(app, 'shop-team-a');
    return new SecretsPlatformStacks(app, 'Secrets', { declaration: estate(), sharding: Sharding.perTenant(), configureStack: () => undefined });
  }],
  ['sharding: explicit shard named like the shared stack', explicit(['shared', 'team-a', 'team-b'], teamOf)],
  ['sharding: explicit shard declared twice', explicit(['team-a', 'team-b', 'team-a'], teamOf)],
  ['sharding: explicit shards differing only in case', explicit(['team-a', 'Team-A', 'team-b'], teamOf)],
  ['sharding: explicit empty shard name', explicit(['team-a', ''], teamOf)],
  ['sharding: explicit shard name with a space', explicit(['team a'], teamOf)],
  ['sharding: explicit shards not an array', explicit('team-a', teamOf)],
  ['sharding: explicit element mapped to no shard', explicit(['team-a', 'team-b'], (element) => (element.kind === 'secret' ? undefined : teamOf(element)))],
  ['sharding: explicit element mapped to an empty name', explicit(['team-a', 'team-b'], (element) => (element.kind === 'identity' ? '' : teamOf(element)))],
  ['sharding: explicit element mapped to an unknown shard', explicit(['team-a', 'team-b'], (element) => (teamOf(element) === 'team-b' ? 'team-c' : teamOf(element)))],
  ['sharding: explicit secret in another identity\'s shard', explicit(['team-a', 'team-b'], (element) => (element.kind === 'secret' && element.secret.id === 'team-a' ? 'team-b' : teamOf(element)))],
  ['sharding: explicit identity in the shared stack, its secret in a shard', explicit(['team-a', 'team-b'], (element) => (element.kind === 'identity' ? 'shared' : teamOf(element)))],
  ['sharding: explicit shardOf not a function', () => stacks({ sharding: Sharding.explicit({ shards: ['team-a'], shardOf: 'team-a' as never }) })()],
  ['sharding: per tenant, a tenant named shared', () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const secret = d.addSecretsManagerSecret('db', { name: 'shop/shared/db' });
    const store = d.addAwsStore('shared', { name: 'shared', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, namespaces: ['shared'], clusters: [prod], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('db', { name: 'db', namespace: 'shared', store, data: [{ secretKey: 'password', secret }] });
    d.addTenant('shared', { namespaces: ['shared'], groups: ['shared-admins'], secrets: [secret] });
    return new SecretsPlatformStacks(Testing.app(), 'Secrets', { declaration: d, sharding: Sharding.perTenant(), configureStack: () => undefined });
  }],
  ['azure: roleAssignmentLimit zero', azure({ roleAssignmentLimit: 0 })],
  ['azure: roleAssignmentLimit fractional', azure({ roleAssignmentLimit: 4000.5 })],
  ['azure: roleAssignmentLimit a string', azure({ roleAssignmentLimit: '4000' })],
  ['azure: existingRoleAssignments negative', azure({ existingRoleAssignments: -1 })],
  ['azure: existingRoleAssignments NaN', azure({ existingRoleAssignments: Number.NaN })],
  ['azure: vault exclusive a string', azure({}, { exclusive: 'yes' })],
];
