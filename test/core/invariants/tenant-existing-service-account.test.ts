import { SecretBackend, StoreScope } from '../../../lib/core';
import { acknowledgedOf, twoTenants, violationsOf } from './fixtures';

const SM = SecretBackend.AWS_SECRETS_MANAGER;

describe('CES-TEN-7: an existing service account of a tenant store is that store\'s alone', () => {
  function existingInTenant() {
    const fixture = twoTenants();
    const store = fixture.d.addAwsStore('a', { name: 'a', service: SM, scope: StoreScope.NAMESPACED, serviceAccount: { name: 'app' } });
    fixture.d.addExternalSecret('a', { name: 'a', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: fixture.aDb }] });
    return fixture;
  }

  test('a tenant store on an existing service account fails: any pod mounting it gets the identity', () => {
    const { d } = existingInTenant();
    expect(() => d.plan()).toThrow('[p/stores/a] serviceAccount: received "team-a/app". Allowed: a service account only ESO uses: "app" in namespace "team-a" of tenant "a" '
      + 'is not emitted by the declaration, so any pod there that mounts it gets identity "sa-team-a-app-aws" (store "a", granted "a-db"). '
      + 'Fix: let the declaration emit the store\'s own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT) '
      + '(rule CES-TEN-7; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-TEN-7\', reason: \'…\', appliesTo: [\'sa-team-a-app-aws\'] })).');
  });

  test('acknowledged (an admission policy keeps pods off it), it passes and the audit keeps the reason', () => {
    const { d } = existingInTenant();
    d.acknowledge({ ruleId: 'CES-TEN-7', reason: 'Kyverno forbids pods from mounting team-a/app', appliesTo: ['sa-team-a-app-aws'] });
    expect(d.plan().identities.map((i) => i.id)).toEqual(['sa-team-a-app-aws']);
    expect(acknowledgedOf(d, 'CES-TEN-7')).toEqual([['sa-team-a-app-aws', 'Kyverno forbids pods from mounting team-a/app']]);
  });

  test('an existing service account in a namespace of no tenant is outside the rule', () => {
    const { d, shared } = twoTenants();
    const store = d.addAwsStore('ops', { name: 'ops', service: SM, scope: StoreScope.NAMESPACED, serviceAccount: { name: 'app' } });
    d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store, data: [{ secretKey: 'k', secret: shared }] });
    expect(violationsOf(d, 'CES-TEN-7')).toEqual([]);
  });
});
