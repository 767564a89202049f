import { EsoAuthModel, SecretBackend, StoreScope } from '../../../lib/core';
import { acknowledgedOf, twoTenants, violationsOf } from './fixtures';

const SM = SecretBackend.AWS_SECRETS_MANAGER;

describe('CES-TEN-4: a tenant writes only what its own namespaces read', () => {
  /** Tenant a pushes into the platform secret that tenant b and a platform namespace read. */
  function pushIntoShared() {
    const fixture = twoTenants();
    const { d, shared } = fixture;
    const store = d.addAwsStore('ns', { name: 'ns', service: SM, scope: StoreScope.NAMESPACED });
    d.addPushSecret('up', { name: 'up', namespace: 'team-a', store, sourceSecretName: 'generated', destination: shared });
    d.addExternalSecret('b', { name: 'b', namespace: 'team-b', store, data: [{ secretKey: 's', secret: shared }] });
    const ops = d.addAwsStore('ops', { name: 'ops', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store: ops, find: [{ path: 'platform/' }] });
    return fixture;
  }

  test('a PushSecret of tenant a into a secret of no tenant that tenant b (and the platform, through a find) reads fails at destination', () => {
    const { d } = pushIntoShared();
    expect(() => d.plan()).toThrow('[p/pushSecrets/up] destination: received "shared". Allowed: a destination read only from the namespaces of tenant "a": '
      + 'secret "shared" is read from namespace "ops" (no tenant), namespace "team-b" (tenant "b"). '
      + 'Fix: push into a secret only the pushing tenant reads, and let the other team own and write its own secret '
      + '(rule CES-TEN-4; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-TEN-4\', reason: \'…\', appliesTo: [\'up\'] })).');
  });

  test('acknowledged with a reason, the push passes and the audit shows the reason', () => {
    const { d } = pushIntoShared();
    d.acknowledge({ ruleId: 'CES-TEN-4', reason: 'team a issues the shared broker credential', appliesTo: ['up'] });
    expect(() => d.plan()).not.toThrow();
    expect(acknowledgedOf(d, 'CES-TEN-4')).toEqual([['up', 'team a issues the shared broker credential']]);
  });

  test('a push read only by the pushing tenant, and a platform push read by a tenant, pass', () => {
    const { d, aDb, shared } = twoTenants();
    const store = d.addAwsStore('ns', { name: 'ns', service: SM, scope: StoreScope.NAMESPACED });
    d.addPushSecret('a', { name: 'a', namespace: 'team-a', store, sourceSecretName: 'generated', destination: aDb });
    d.addExternalSecret('a', { name: 'a', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: aDb }] });
    const ops = d.addAwsStore('ops', { name: 'ops', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addPushSecret('ops', { name: 'ops', namespace: 'ops', store: ops, sourceSecretName: 'generated', destination: shared });
    d.addExternalSecret('b', { name: 'b', namespace: 'team-b', store, data: [{ secretKey: 's', secret: shared }] });
    expect(violationsOf(d, 'CES-TEN-4')).toEqual([]);
  });
});
