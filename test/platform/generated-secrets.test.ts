import { Chart, Testing } from 'cdk8s';
import { Duration, SecretBackend, SecretsDeclaration } from '../../lib/core';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

function declaration() {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = d.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
  const session = d.addPasswordGenerator('session', { name: 'session-key', length: 48, symbols: 0, digits: 10, allowRepeat: true });
  return { d, prod, session };
}

describe('generated secrets in the declaration', () => {
  test('a Password generator per namespace and an ExternalSecret without a store; no identity, no grant', () => {
    // GIVEN
    const { d, prod, session } = declaration();
    d.addGeneratedSecret('web', { name: 'web-session', namespace: 'shop', clusters: [prod], generated: [{ generator: session, secretKey: 'session-key' }] });
    d.addGeneratedSecret('api', { name: 'api-session', namespace: 'shop', clusters: [prod], generated: [{ generator: session }], refreshInterval: Duration.days(30) });
    // WHEN
    const chart = new Chart(Testing.app(), 'test');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster: prod });
    const manifests = synthValid(chart);
    // THEN
    expect(manifests.filter((m) => m.kind === 'Password')).toEqual([{
      apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password',
      metadata: { name: 'session-key', namespace: 'shop' },
      spec: { length: 48, digits: 10, symbols: 0, noUpper: false, allowRepeat: true, encoding: 'raw' },
    }]);
    expect(findManifest(manifests, 'ExternalSecret', 'web-session').spec).toEqual(expect.objectContaining({
      refreshInterval: '0s',
      target: expect.objectContaining({ name: 'web-session' }),
      dataFrom: [{
        rewrite: [{ regexp: { source: '^password$', target: 'session-key' } }],
        sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'session-key' } },
      }],
    }));
    const api = findManifest(manifests, 'ExternalSecret', 'api-session').spec as Record<string, unknown>;
    expect([api.secretStoreRef, api.refreshInterval, api.dataFrom]).toEqual([undefined, '720h',
      [{ sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'session-key' } } }]]);
    expect(manifests.filter((m) => m.kind === 'ClusterSecretStore' || m.kind === 'SecretStore' || m.kind === 'ServiceAccount')).toEqual([]);
    expect(d.plan().identities).toEqual([]);
  });

  test('a generated secret next to store-backed ones leaves their identities as they were', () => {
    // GIVEN
    const { d, prod, session } = declaration();
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const store = d.addAwsStore('sm', { name: 'secrets-manager', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'url', secret: db }] });
    d.addGeneratedSecret('web', { name: 'web-session', namespace: 'web', clusters: [prod], generated: [{ generator: session }] });
    // WHEN
    const chart = new Chart(Testing.app(), 'test');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster: prod });
    const manifests = synthValid(chart);
    // THEN the store admits only the namespace reading through it
    expect(findManifest(manifests, 'ClusterSecretStore', 'secrets-manager').spec?.conditions).toEqual([{ namespaces: ['shop'] }]);
    expect(findManifest(manifests, 'Password', 'session-key').metadata).toEqual({ name: 'session-key', namespace: 'web' });
  });

  test('exact errors for bad generator and generated-secret input', () => {
    const { d, prod, session } = declaration();
    expect(() => d.addPasswordGenerator('bad', { name: 'bad', length: 0 })).toThrow(
      '[shop/passwordGenerators/bad] length: received 0. Allowed: a whole number of 1 or more. Fix: lower digits/symbols or raise length.');
    expect(() => d.addPasswordGenerator('pin', { name: 'pin', length: 12, digits: 12 })).toThrow(
      '[shop/passwordGenerators/pin] digits: received 12. Allowed: at most 10 digits when allowRepeat is false (each character at most once; ESO fails to generate otherwise). Fix: set allowRepeat: true, or lower the count (shorter length, more digits/symbols).');
    expect(() => d.addGeneratedSecret('none', { name: 'none', namespace: 'shop', clusters: [prod], generated: [] })).toThrow(
      '[shop/generatedSecrets/none] generated: received []. Allowed: at least one generated value (an ExternalSecret with nothing to generate writes an empty Secret). Fix: add { generator } entries from declaration.addPasswordGenerator().');
    expect(() => d.addGeneratedSecret('twice', { name: 'twice', namespace: 'shop', clusters: [prod], generated: [{ generator: session }, { generator: session }] })).toThrow(
      '[shop/generatedSecrets/twice] generated[1].secretKey: received "password". Allowed: a secretKey not already written by generated[0].secretKey (ESO silently keeps only one value per key). Fix: give each data entry its own secretKey.');
  });
});
