import { Chart, Testing } from 'cdk8s';
import { ClusterSecretStore, ExternalSecret, GeneratorKind, Password, PasswordEncoding, SecretStoreProvider, VaultAuth } from '../../../lib/k8s';
import { findManifest, synthValid } from '../../helpers/eso-schema';

function chart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'jenkins' });
}

describe('Password', () => {
  test('defaults render the CRD\'s required fields', () => {
    // GIVEN
    const c = chart();
    // WHEN
    const pw = new Password(c, 'pw', { name: 'admin-password' });
    // THEN
    expect(findManifest(synthValid(c), 'Password', 'admin-password')).toEqual({
      apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password',
      metadata: { name: 'admin-password', namespace: 'jenkins' },
      spec: { length: 24, noUpper: false, allowRepeat: false, encoding: 'raw' },
    });
    expect([pw.kind, pw.secretKeys]).toEqual([GeneratorKind.PASSWORD, ['password']]);
  });

  test('all options, consumed by an ExternalSecret', () => {
    // GIVEN
    const c = chart();
    const store = new ClusterSecretStore(c, 'store', {
      name: 'vault', provider: SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.kubernetes({ role: 'r' }) }),
    });
    // WHEN
    const pw = new Password(c, 'pw', {
      name: 'pw', length: 32, digits: 4, symbols: 4, symbolCharacters: '-_', noUpper: true, allowRepeat: true,
      secretKeys: ['admin', 'replication'], encoding: PasswordEncoding.BASE64URL,
    });
    new ExternalSecret(c, 'es', { name: 'db', store, dataFrom: [{ generator: pw }] });
    // THEN
    const m = synthValid(c);
    expect(findManifest(m, 'Password', 'pw').spec).toEqual({
      length: 32, digits: 4, symbols: 4, symbolCharacters: '-_', noUpper: true, allowRepeat: true, secretKeys: ['admin', 'replication'], encoding: 'base64url',
    });
    expect(findManifest(m, 'ExternalSecret', 'db').spec).toMatchObject({ dataFrom: [{ sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }] });
  });

  test('invalid counts and keys are rejected', () => {
    // GIVEN
    const c = chart();
    // WHEN / THEN
    expect(() => new Password(c, 'a', { length: 0 })).toThrow('[test/a] spec.length: received 0. Allowed: a whole number of 1 or more. Fix: lower digits/symbols or raise length.');
    expect(() => new Password(c, 'b', { digits: -1 })).toThrow('[test/b] spec.digits: received -1. Allowed: a whole number of 0 or more.');
    expect(() => new Password(c, 'c', { length: 8, digits: 5, symbols: 5 })).toThrow('[test/c] spec.length: received 8. Allowed: at least digits + symbols (10).');
    expect(() => new Password(c, 'd', { symbolCharacters: '' })).toThrow('[test/d] spec.symbolCharacters: received "". Allowed: at least one character when symbols are generated (set symbols: 0 for none).');
    expect(() => new Password(c, 'e', { secretKeys: ['a', 'a'] })).toThrow(
      '[test/e] spec.secretKeys: received ["a","a"]. Allowed: unique, non-empty Secret keys matching ^[-._a-zA-Z0-9]+$. Fix: list each output key once, for example ["password"] or ["admin", "replication"].');
    expect(() => new Password(c, 'f', { secretKeys: [] })).toThrow('[test/f] spec.secretKeys: received [].');
  });

  test('a generator needs a namespace', () => {
    // GIVEN
    const c = new Chart(Testing.app(), 'test');
    // WHEN / THEN
    expect(() => new Password(c, 'pw')).toThrow('[test/pw] metadata.namespace: received undefined.');
  });
});
