import { SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { violationsOf } from './fixtures';

function declaration(): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' }, esoController: { namespace: 'eso' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  return d;
}

describe('CES-TEN-5: a tenant owns no system namespace', () => {
  test.each([
    ['kube-system', 'a namespace of the cluster\'s own components (kube-*)'],
    ['kube-node-lease', 'a namespace of the cluster\'s own components (kube-*)'],
    ['default', 'the namespace of every pod that names none'],
    ['eso', 'the ESO controller\'s namespace'],
  ])('a tenant owning %s fails', (namespace, why) => {
    const d = declaration();
    d.addTenant('t', { namespaces: ['apps', namespace], groups: ['t-admins'] });
    expect(() => d.plan()).toThrow(`[p/tenants/t] namespaces[1]: received "${namespace}". Allowed: a namespace of the tenant's own workloads, not ${why}. `
      + 'Fix: give the tenant its own namespaces; system namespaces stay with the platform team (rule CES-TEN-5).');
  });

  test('a tenant owning the namespace of a ClusterSecretStore\'s existing service account fails', () => {
    const d = declaration();
    const secret = d.addSecretsManagerSecret('s', { name: 's' });
    const store = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER, serviceAccount: { name: 'reader', namespace: 'secrets-system' } });
    d.addExternalSecret('s', { name: 's', namespace: 'apps', store, data: [{ secretKey: 'k', secret }] });
    d.addTenant('t', { namespaces: ['secrets-system'], groups: ['t-admins'] });
    expect(violationsOf(d, 'CES-TEN-5').map(([, m]) => m)).toEqual([
      '[p/tenants/t] namespaces[0]: received "secrets-system". Allowed: a namespace of the tenant\'s own workloads, not the namespace of service account "reader" of identity '
      + '"sa-secrets-system-reader-aws" (a ClusterSecretStore\'s). Fix: give the tenant its own namespaces; system namespaces stay with the platform team (rule CES-TEN-5).',
    ]);
  });

  test('a tenant of ordinary namespaces passes, and "kube" alone is no kube-* namespace', () => {
    const d = declaration();
    d.addTenant('t', { namespaces: ['apps', 'kube'], groups: ['t-admins'] });
    expect(violationsOf(d, 'CES-TEN-5')).toEqual([]);
  });
});
