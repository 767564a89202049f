/**
 * Bad inputs for generators, PushSecret data, the manifest validator, the migration tools and the
 * Zarf package builder, through the PUBLIC API (the package root only). Expected messages: `expected-tools.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import {
  checkManifests, migrateManifests, Password, planConstructs, PushSecret, PushSecretSource, renderTypeScript, SecretStore, SecretStoreProvider,
  toYaml, validateManifests, VaultAuth, VaultDynamicSecret, ZarfHelmChart, ZarfManifests, ZarfPackage,
} from '../../lib';
import type { BadInput } from './cases';

function chart(): Chart {
  return new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
}

const VAULT = { server: 'https://vault.example.com:8200', auth: VaultAuth.kubernetes({ role: 'eso', serviceAccount: { name: 'eso' } }) };
const KES = 'apiVersion: kubernetes-client.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app\nspec:\n  backendType: secretsManager\n  data:\n  - key: a\n    name: b\n';

function push(data: unknown): () => unknown {
  return () => {
    const c = chart();
    const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
    new PushSecret(c, 'push', { stores: [store], source: PushSecretSource.fromSecretSelector({ matchLabels: { push: 'yes' } }), data } as never);
    return K8sTesting.synth(c);
  };
}

export const TOOLS_CASES: BadInput[] = [
  ['password: 200 characters without repeats', () => new Password(chart(), 'pw', { length: 200 })],
  ['password: 12 digits without repeats', () => new Password(chart(), 'pw', { length: 40, digits: 12, symbols: 2 })],
  ['password: more symbols than symbolCharacters', () => new Password(chart(), 'pw', { length: 12, symbols: 4, symbolCharacters: '-_' })],
  ['vault generator: getParameters not lists', () => new VaultDynamicSecret(chart(), 'g', { provider: VAULT, path: 'aws/creds/app', getParameters: { ttl: '1h' } as never })],
  ['vault generator: database role empty', () => VaultDynamicSecret.databaseCredentials(chart(), 'g', { provider: VAULT, role: '' })],
  ['vault generator: PKI commonName empty', () => VaultDynamicSecret.pkiCertificate(chart(), 'g', { provider: VAULT, role: 'web', commonName: ' ' })],
  ['vault generator: PKI altNames a string', () => VaultDynamicSecret.pkiCertificate(chart(), 'g', { provider: VAULT, role: 'web', commonName: 'a.example.com', altNames: 'b.example.com' as never })],
  ['push: remoteKey with spaces around', push([{ remoteKey: ' team/app ' }])],
  ['push: no data (synth)', push(undefined)],
  ['validate: not an array', () => validateManifests('apiVersion: v1' as never)],
  ['checkManifests: undefined', () => checkManifests(undefined as never)],
  ['validate: object containing itself', () => {
    const o: Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
    o.data = o;
    return validateManifests([o]);
  }],
  ['validate: metadata.name uppercase', () => validateManifests([{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ESO', namespace: 'a' } }])],
  ['validate: label value with space', () => validateManifests([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { team: 'a b' } } }])],
  ['migrate: inputs undefined', () => migrateManifests(undefined as never)],
  ['migrate: yaml a number', () => migrateManifests([{ source: 'a.yaml', yaml: 42 as never }])],
  ['migrate: awsRegion uppercase', () => migrateManifests([{ source: 'a.yaml', yaml: KES }], { awsRegion: 'EU-WEST-1' })],
  ['migrate: vaultServer http', () => migrateManifests([{ source: 'a.yaml', yaml: KES }], { vaultServer: 'http://vault:8200' })],
  ['migrate: refreshInterval not a Go duration', () => migrateManifests([{ source: 'a.yaml', yaml: KES }], { awsRegion: 'eu-west-1', refreshInterval: '1 day' })],
  ['migrate: storeNamePrefix uppercase', () => migrateManifests([{ source: 'a.yaml', yaml: KES }], { awsRegion: 'eu-west-1', storeNamePrefix: 'KES' })],
  ['migrate: toYaml(undefined)', () => toYaml(undefined as never)],
  ['migrate: renderTypeScript(undefined)', () => renderTypeScript(undefined as never)],
  ['migrate: renderTypeScript className with a space', () => renderTypeScript(planConstructs([]), { className: 'my chart' })],
  ['migrate: planConstructs(null)', () => planConstructs(null as never)],
  ['zarf: charts entry a plain object', () => new ZarfPackage({ name: 'eso', version: '1.0.0', charts: [{ releaseName: 'x' } as never] })],
  ['zarf: chart namespace uppercase', () => new ZarfPackage({ name: 'eso', version: '1.0.0', charts: [ZarfHelmChart.externalSecrets({ namespace: 'ESO' })] })],
  ['zarf: chart values a string', () => new ZarfPackage({ name: 'eso', version: '1.0.0', charts: [ZarfHelmChart.reloader({ values: 'replicas: 2' as never })] })],
  ['zarf: manifests without objects', () => new ZarfPackage({ name: 'eso', version: '1.0.0', manifests: [ZarfManifests.fromObjects('apps', [])] })],
  ['zarf: fromExternalSecretsRelease(undefined)', () => ZarfHelmChart.fromExternalSecretsRelease(undefined as never)],
];
