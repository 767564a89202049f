import { EsoAuthModel, SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { twoTenants, violationsOf } from './fixtures';

describe('CES-TEN-2: a find matches only its tenant\'s secrets', () => {
  test('a find in tenant a\'s namespace matching tenant b\'s secret fails at the find, naming both', () => {
    // GIVEN a store of tenant a's own, and a find written wide
    const { d } = twoTenants();
    const store = d.addAwsStore('a', { name: 'a', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('all', { name: 'all', namespace: 'team-a', store, find: [{ nameRegexp: '.*/db' }] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow('[p/externalSecrets/all] find[0]: received "nameRegexp .*/db". Allowed: a find matching secrets of the tenant of '
      + 'namespace "team-a" (tenant "a") or of no tenant: it matches "b-db" of tenant "b". Fix: narrow the find (nameRegexp, path or tags) to the tenant\'s own secrets, '
      + 'or read them by name with data/extract (rule CES-TEN-2).');
  });

  test('a find in a namespace of no tenant matching a tenant\'s secret fails too; a find matching its own tenant\'s and shared secrets passes', () => {
    // GIVEN
    const { d } = twoTenants();
    const platformStore = d.addAwsStore('platform', { name: 'platform', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store: platformStore, find: [{ path: 'a/' }] });
    const aStore = d.addAwsStore('a', { name: 'a', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('mine', { name: 'mine', namespace: 'team-a', store: aStore, find: [{ nameRegexp: '(a|platform)/.*' }] });
    // WHEN
    const violations = violationsOf(d, 'CES-TEN-2');
    // THEN
    expect(violations.map(([subject]) => subject)).toEqual(['ops']);
    expect(violations[0][1]).toContain('[p/externalSecrets/ops] find[0]: received "path a/". Allowed: a find matching secrets of the tenant of namespace "ops" (no tenant) or of no tenant: it matches "a-db" of tenant "a".');
  });

  test('a declaration without tenants has nothing to check', () => {
    const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    d.addSecretsManagerSecret('a-db', { name: 'a/db' });
    const store = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('x', { name: 'x', namespace: 'team-a', store, find: [{ nameRegexp: '.*' }] });
    expect(d.plan().identities.map((i) => i.finds[0]?.matched.map((s) => s.id))).toEqual([['a-db']]);
    expect(violationsOf(d, 'CES-TEN-2')).toEqual([]);
  });
});
