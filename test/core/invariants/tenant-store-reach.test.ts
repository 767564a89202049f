import { EsoAuthModel, SecretBackend, StoreScope } from '../../../lib/core';
import { twoTenants, violationsOf } from './fixtures';

const SM = SecretBackend.AWS_SECRETS_MANAGER;

describe('CES-TEN-3: no store admitting a namespace serves another tenant\'s secrets', () => {
  test('a store of tenant a whose namespaces were widened to tenant b\'s namespace fails at namespaces', () => {
    // GIVEN
    const { d, aDb } = twoTenants();
    const store = d.addAwsStore('a', { name: 'a', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, namespaces: ['team-a', 'team-b'] });
    d.addExternalSecret('a', { name: 'a', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: aDb }] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow('[p/stores/a] namespaces: received "team-b". Allowed: a store whose identity reaches only secrets of the tenant of each namespace it admits: '
      + 'it admits namespace "team-b" (tenant "b") on cluster "prod", and its identity "store-a" is granted "a-db" of tenant "a". '
      + 'Fix: remove "team-b" from namespaces: a store admits the namespaces of one tenant (rule CES-TEN-3).');
  });

  test('a platform store sharing the controller identity with a tenant\'s store fails at authModel: its namespace reaches the tenant\'s secret', () => {
    // GIVEN
    const { d, aDb, shared } = twoTenants();
    const aStore = d.addAwsStore('a', { name: 'a', service: SM });
    d.addExternalSecret('a', { name: 'a', namespace: 'team-a', store: aStore, data: [{ secretKey: 'k', secret: aDb }] });
    const opsStore = d.addAwsStore('ops', { name: 'ops', service: SM });
    d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store: opsStore, data: [{ secretKey: 'k', secret: shared }] });
    // WHEN
    const violations = violationsOf(d, 'CES-TEN-3');
    // THEN
    expect(violations).toEqual([['ops', '[p/stores/ops] authModel: received "CONTROLLER". Allowed: a store whose identity reaches only secrets of the tenant of each namespace it admits: '
      + 'it admits namespace "ops" (no tenant) on cluster "prod", and its identity "controller-prod" is granted "a-db" of tenant "a" (the identity also serves store "a"). '
      + 'Fix: give the store its own identity (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT) so it is granted only what its own consumers use (rule CES-TEN-3).']]);
  });

  test('a ClusterSecretStore with its own identity admitting a tenant\'s namespace and a platform namespace fails at scope', () => {
    // GIVEN
    const { d, aDb, shared } = twoTenants();
    const store = d.addAwsStore('mixed', { name: 'mixed', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('a', { name: 'a', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: aDb }] });
    d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store, data: [{ secretKey: 'k', secret: shared }] });
    // WHEN / THEN
    expect(violationsOf(d, 'CES-TEN-3')).toEqual([['mixed', '[p/stores/mixed] scope: received "CLUSTER". Allowed: a store whose identity reaches only secrets of the tenant of each namespace it admits: '
      + 'it admits namespace "ops" (no tenant) on cluster "prod", and its identity "store-mixed" is granted "a-db" of tenant "a". '
      + 'Fix: use one store per tenant, or scope: StoreScope.NAMESPACED so each namespace gets its own identity (rule CES-TEN-3).']]);
  });

  test('a namespaced store serving both tenants (one identity per namespace) and a platform secret shared by all pass', () => {
    // GIVEN
    const { d, aDb, bDb, shared } = twoTenants();
    const store = d.addAwsStore('ns', { name: 'ns', service: SM, scope: StoreScope.NAMESPACED });
    d.addExternalSecret('a', { name: 'a', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: aDb }, { secretKey: 's', secret: shared }] });
    d.addExternalSecret('b', { name: 'b', namespace: 'team-b', store, data: [{ secretKey: 'k', secret: bDb }, { secretKey: 's', secret: shared }] });
    // WHEN
    const plan = d.plan();
    // THEN
    expect(plan.identities.map((i) => [i.id, i.reads.map((s) => s.id)])).toEqual([['store-ns-team-a', ['a-db', 'shared']], ['store-ns-team-b', ['b-db', 'shared']]]);
    expect(violationsOf(d, 'CES-TEN-3')).toEqual([]);
  });
});
