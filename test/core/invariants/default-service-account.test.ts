import { SecretBackend, SecretsDeclaration, StoreScope } from '../../../lib/core';
import { violationsOf } from './fixtures';

describe('CES-TEN-8: no store authenticates as a namespace\'s default service account', () => {
  function declaration(): SecretsDeclaration {
    const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    return d;
  }

  test('a store on "default" fails, without tenants too, and cannot be acknowledged', () => {
    const d = declaration();
    const secret = d.addSecretsManagerSecret('s', { name: 's' });
    const store = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, serviceAccount: { name: 'default' } });
    d.addExternalSecret('s', { name: 's', namespace: 'apps', store, data: [{ secretKey: 'k', secret }] });
    expect(() => d.plan()).toThrow('[p/stores/s] serviceAccount: received "apps/default". Allowed: a service account of the store\'s own: every pod of namespace "apps" '
      + 'that names no service account runs as "default" and would get identity "sa-apps-default-aws". '
      + 'Fix: let the declaration emit the store\'s own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT), or name a dedicated one (rule CES-TEN-8).');
    expect(() => d.acknowledge({ ruleId: 'CES-TEN-8', reason: 'only one pod runs in this namespace' })).toThrow('this rule has no legitimate exception');
  });

  test('a store on a dedicated existing service account passes', () => {
    const d = declaration();
    const secret = d.addSecretsManagerSecret('s', { name: 's' });
    const store = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, serviceAccount: { name: 'eso-reader' } });
    d.addExternalSecret('s', { name: 's', namespace: 'apps', store, data: [{ secretKey: 'k', secret }] });
    expect(violationsOf(d, 'CES-TEN-8')).toEqual([]);
  });
});
