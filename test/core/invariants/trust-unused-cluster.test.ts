import { EsoAuthModel, SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { acknowledgedOf, violationsOf } from './fixtures';

describe('CES-TR-1: an identity trusts only the clusters where a consumer uses it', () => {
  function twoClusters() {
    const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const dev = d.addEksCluster('dev', { clusterName: 'dev', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/DEV' });
    const secret = d.addSecretsManagerSecret('db', { name: 'db' });
    return { d, prod, dev, secret };
  }

  test('a store on two clusters read on one only fails at the store\'s clusters', () => {
    // GIVEN
    const { d, prod, dev, secret } = twoClusters();
    const store = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [prod, dev] });
    d.addExternalSecret('db', { name: 'db', namespace: 'apps', store, clusters: [prod], data: [{ secretKey: 'k', secret }] });
    // WHEN
    const trusted = d.resolvePlan().identities.map((i) => [i.id, i.clusters.map((c) => c.id)]);
    // THEN
    expect(trusted).toEqual([['store-s', ['dev', 'prod']]]);
    expect(() => d.plan()).toThrow('[p/stores/s] clusters: received "dev". Allowed: the clusters where an ExternalSecret or PushSecret uses identity "store-s" ("prod"): '
      + 'it would also trust service account external-secrets/eso-s on "dev", where nothing uses it. '
      + 'Fix: list only the clusters that use the store in its clusters, or declare the consumers that need it there '
      + '(rule CES-TR-1; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-TR-1\', reason: \'…\', appliesTo: [\'store-s\'] })).');
  });

  test('acknowledged (a standby cluster), it passes with the reason in the audit', () => {
    const { d, prod, dev, secret } = twoClusters();
    const store = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [prod, dev] });
    d.addExternalSecret('db', { name: 'db', namespace: 'apps', store, clusters: [prod], data: [{ secretKey: 'k', secret }] });
    d.acknowledge({ ruleId: 'CES-TR-1', reason: 'dev is the warm standby of prod', appliesTo: ['store-s'] });
    expect(acknowledgedOf(d, 'CES-TR-1')).toEqual([['store-s', 'dev is the warm standby of prod']]);
  });

  test('a store used on every cluster it names, and a store with no grant at all, pass', () => {
    const { d, prod, dev, secret } = twoClusters();
    const used = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [prod, dev] });
    d.addExternalSecret('db', { name: 'db', namespace: 'apps', store: used, data: [{ secretKey: 'k', secret }] });
    d.addAwsStore('idle', { name: 'idle', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [dev] });
    expect(violationsOf(d, 'CES-TR-1')).toEqual([]);
  });
});
