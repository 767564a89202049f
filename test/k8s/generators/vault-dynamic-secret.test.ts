import { Chart, Testing } from 'cdk8s';
import { Duration, VaultHttpMethod } from '../../../lib/core';
import {
  ExternalSecret, GeneratorKind, PushSecret, PushSecretSource, SecretStore, SecretStoreProvider, VaultAuth, VaultDynamicSecret,
  VaultDynamicSecretResultType, VaultProviderProps,
} from '../../../lib/k8s';
import { findManifest, synthValid } from '../../helpers/eso-schema';

const PROVIDER: VaultProviderProps = {
  server: 'https://vault.example.com:8200',
  auth: VaultAuth.kubernetes({ mountPath: 'kubernetes-rke2', role: 'eso-netbox', serviceAccount: { name: 'eso-netbox' }, audiences: ['vault'] }),
};

function chart(namespace = 'netbox'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

describe('VaultDynamicSecret', () => {
  test('database credentials: GET database/creds/<role>, valid against the CRD, consumed typed by an ExternalSecret', () => {
    // GIVEN
    const c = chart();
    const store = new SecretStore(c, 'store', { name: 'vault', provider: SecretStoreProvider.vault({ ...PROVIDER, path: 'secret' }) });
    // WHEN
    const creds = VaultDynamicSecret.databaseCredentials(c, 'db', { name: 'netbox-db', role: 'netbox', provider: PROVIDER });
    new ExternalSecret(c, 'es', { name: 'netbox-db', store, refreshInterval: Duration.minutes(30), dataFrom: [{ generator: creds }] });
    // THEN
    const m = synthValid(c);
    expect(findManifest(m, 'VaultDynamicSecret', 'netbox-db')).toEqual({
      apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'VaultDynamicSecret',
      metadata: { name: 'netbox-db', namespace: 'netbox' },
      spec: {
        path: 'database/creds/netbox', method: 'GET', allowEmptyResponse: false, resultType: 'Data',
        provider: {
          server: 'https://vault.example.com:8200', version: 'v2',
          auth: { kubernetes: { mountPath: 'kubernetes-rke2', role: 'eso-netbox', serviceAccountRef: { name: 'eso-netbox', audiences: ['vault'] } } },
        },
      },
    });
    expect((findManifest(m, 'ExternalSecret', 'netbox-db').spec as { dataFrom: unknown[] }).dataFrom).toEqual([
      { sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'VaultDynamicSecret', name: 'netbox-db' } } },
    ]);
    expect([creds.kind, creds.path, creds.method, creds.capability, creds.namespace]).toEqual([GeneratorKind.VAULT_DYNAMIC_SECRET, 'database/creds/netbox', 'GET', 'read', 'netbox']);
  });

  test('PKI certificate: POST pki/issue/<role> with common name, SANs and TTL', () => {
    // GIVEN
    const c = chart();
    // WHEN
    const cert = VaultDynamicSecret.pkiCertificate(c, 'cert', {
      name: 'web-cert', role: 'web', mount: 'pki-int', commonName: 'web.example.com', altNames: ['www.example.com'], ttl: Duration.hours(24), provider: PROVIDER,
    });
    // THEN
    const spec = findManifest(synthValid(c), 'VaultDynamicSecret', 'web-cert').spec!;
    expect(spec).toMatchObject({
      path: 'pki-int/issue/web', method: 'POST',
      parameters: { common_name: 'web.example.com', alt_names: 'www.example.com', ttl: '24h' },
    });
    expect(cert.capability).toBe('update');
  });

  test('custom path with GET parameters, result type and empty response allowed', () => {
    // GIVEN
    const c = chart();
    // WHEN
    new VaultDynamicSecret(c, 'x', {
      name: 'aws', path: 'aws/creds/deploy', getParameters: { ttl: ['15m'] }, resultType: VaultDynamicSecretResultType.RAW, allowEmptyResponse: true, provider: PROVIDER,
    });
    // THEN
    expect(findManifest(synthValid(c), 'VaultDynamicSecret', 'aws').spec).toMatchObject({
      path: 'aws/creds/deploy', method: 'GET', getParameters: { ttl: ['15m'] }, resultType: 'Raw', allowEmptyResponse: true,
    });
  });

  test('the provider goes through the store checks (http opt-in)', () => {
    // GIVEN
    const c = chart();
    // WHEN / THEN
    expect(() => VaultDynamicSecret.databaseCredentials(c, 'db', { role: 'netbox', provider: { ...PROVIDER, server: 'http://vault:8200' } })).toThrow(
      '[test/db] spec.provider.server: received "http://vault:8200". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. ' +
      'Fix: serve Vault over TLS (https://), or set allowInsecureHttp: true for a local development server.');
  });

  test('references in the provider stay in the generator\'s namespace', () => {
    // GIVEN
    const c = chart();
    // WHEN / THEN
    expect(() => VaultDynamicSecret.databaseCredentials(c, 'db', {
      role: 'netbox', provider: { ...PROVIDER, auth: VaultAuth.kubernetes({ role: 'r', serviceAccount: { name: 'eso', namespace: 'jenkins' } }) },
    })).toThrow('[test/db] spec.provider.auth.kubernetes.serviceAccountRef.namespace: received "jenkins".');
  });

  test('parameters must match the method', () => {
    // GIVEN
    const c = chart();
    // WHEN / THEN
    expect(() => new VaultDynamicSecret(c, 'a', { path: 'database/creds/x', parameters: { a: 1 }, provider: PROVIDER })).toThrow(
      '[test/a] spec.parameters: received "GET". Allowed: parameters (JSON body) only with a write method (POST, PUT), getParameters (query string) only with GET: ESO ignores the other one. ' +
      'Fix: move the values to the field that matches the method, or change the method.');
    expect(() => new VaultDynamicSecret(c, 'b', { path: 'pki/issue/x', method: VaultHttpMethod.POST, getParameters: { a: ['1'] }, provider: PROVIDER })).toThrow(
      '[test/b] spec.getParameters: received "POST".');
    expect(() => new VaultDynamicSecret(c, 'c', { path: 'x/y', method: 'PATCH' as VaultHttpMethod, provider: PROVIDER })).toThrow(
      '[test/c] spec.method: received "PATCH". Allowed: GET, POST, PUT, LIST or DELETE.');
    expect(() => new VaultDynamicSecret(c, 'e', { path: 'auth/token/create', method: VaultHttpMethod.POST, provider: PROVIDER })).toThrow(
      '[test/e] spec.path: received "auth/token/create". Allowed: the credential endpoint of a dynamic secrets engine for one role: <mount>/creds/<role>,');
    expect(() => new VaultDynamicSecret(c, 'f', { path: 'sys/policy/eso', provider: PROVIDER })).toThrow('[test/f] spec.path: received "sys/policy/eso". Allowed: the credential endpoint');
    expect(() => new VaultDynamicSecret(c, 'd', { path: '', provider: PROVIDER })).toThrow(
      '[test/d] spec.path: received undefined. Allowed: a non-empty value. Fix: pass the engine path, for example "database/creds/app".');
  });

  test('a generator needs a namespace', () => {
    // GIVEN
    const c = new Chart(Testing.app(), 'test');
    // WHEN / THEN
    expect(() => VaultDynamicSecret.databaseCredentials(c, 'db', { role: 'x', provider: PROVIDER })).toThrow(
      '[test/db] metadata.namespace: received undefined. Allowed: a namespace: generators are namespaced and ExternalSecrets use those of their own namespace. ' +
      'Fix: pass namespace in the props, or create the construct in a Chart that has a namespace.');
  });

  test('an ExternalSecret cannot use a generator of another namespace', () => {
    // GIVEN
    const c = chart('jenkins');
    const store = new SecretStore(c, 'store', { name: 'vault', provider: SecretStoreProvider.vault(PROVIDER) });
    const creds = VaultDynamicSecret.databaseCredentials(c, 'db', { name: 'netbox-db', namespace: 'netbox', role: 'netbox', provider: PROVIDER });
    // WHEN / THEN
    expect(() => new ExternalSecret(c, 'es', { store, dataFrom: [{ generator: creds }] })).toThrow(
      '[test/es] spec.dataFrom[0].sourceRef.generatorRef: received "netbox/netbox-db". Allowed: a generator in the ExternalSecret\'s namespace "jenkins" ' +
      '(generatorRef has no namespace: ESO looks it up in the ExternalSecret\'s namespace). Fix: create the generator in namespace "jenkins".');
  });

  test('a PushSecret can seed a store from a typed generator', () => {
    // GIVEN
    const c = chart();
    const store = new SecretStore(c, 'store', { name: 'vault', provider: SecretStoreProvider.vault({ ...PROVIDER, path: 'secret' }) });
    const creds = VaultDynamicSecret.databaseCredentials(c, 'db', { name: 'netbox-db', role: 'netbox', provider: PROVIDER });
    // WHEN
    new PushSecret(c, 'push', { name: 'push', stores: [store], source: PushSecretSource.fromGenerator(creds), data: [{ secretKey: 'password', remoteKey: 'netbox/db', property: 'password' }] });
    // THEN
    expect(findManifest(synthValid(c), 'PushSecret', 'push').spec).toMatchObject({
      selector: { generatorRef: { kind: 'VaultDynamicSecret', name: 'netbox-db' } },
    });
  });
});
