/**
 * Bad inputs for the manifest validator and its YAML reader through the PUBLIC API (the package root
 * only), written as a careless team or an attacker would: durations ESO cannot decode, duplicate objects,
 * secrets in misspelt fields, hostile JavaScript objects, oversized and over-nested data, alias bombs.
 * Expected messages: `expected-validator.ts`.
 */
import { parseYamlDocuments, validateManifests } from '../../lib';
import type { BadInput } from './cases';

const es = (spec: Record<string, unknown>, name = 'db') => ({
  apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace: 'shop' },
  spec: { secretStoreRef: { name: 'aws', kind: 'ClusterSecretStore' }, data: [{ secretKey: 'password', remoteRef: { key: 'shop/db' } }], ...spec },
});
const store = (spec: Record<string, unknown>) => ({
  apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'aws' },
  spec: { provider: { aws: { service: 'SecretsManager', region: 'eu-west-1' } }, ...spec },
});
const configMap = (data: unknown) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'shop' }, data });

/** How a CI script reads a YAML file: every document's value, throwing the first error. */
function validateYaml(text: string): void {
  const docs = parseYamlDocuments(text, 'secrets.yaml');
  for (const d of docs) {
    if (d.error !== undefined) {
      throw d.error;
    }
  }
  validateManifests(docs.map((d) => d.value));
}

function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

export const VALIDATOR_CASES: BadInput[] = [
  ['validator: refreshInterval 1d', () => validateManifests([es({ refreshInterval: '1d' })])],
  ['validator: sync window duration in words', () => validateManifests([es({ syncWindows: { kind: 'deny', windows: [{ schedule: '0 22 * * *', duration: '8 hours' }] } })])],
  ['validator: store refreshInterval negative seconds', () => validateManifests([store({ refreshInterval: -60 })])],
  ['validator: store retryInterval 10sec', () => validateManifests([store({ retrySettings: { maxRetries: 3, retryInterval: '10sec' } })])],
  ['validator: webhook generator timeout with a space', () => validateManifests([{
    apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Webhook', metadata: { name: 'token', namespace: 'shop' },
    spec: { url: 'https://tokens.example.com', timeout: '30 s', result: {} },
  }])],
  ['validator: the same ExternalSecret twice', () => validateManifests([es({}), es({ refreshInterval: '15m' })])],
  ['validator: a password in a misspelt field', () => validateManifests([es({ passwrod: 'hunter2' })])],
  ['validator: a secret as an enum value', () => validateManifests([es({ refreshPolicy: 's3cret' })])],
  ['validator: a getter that throws', () => validateManifests([configMap(Object.defineProperty({}, 'token', { get() { throw new Error('hvs.secret'); }, enumerable: true }))])],
  ['validator: a proxy as a manifest', () => validateManifests([new Proxy(es({}), { get() { throw new Error('boom'); } })])],
  ['validator: a Date in data', () => validateManifests([configMap({ rotated: new Date(0) })])],
  ['validator: a bigint in data', () => validateManifests([configMap({ size: 10n })])],
  ['validator: a function in data', () => validateManifests([configMap({ value: () => 'changeme' })])],
  ['validator: a symbol key', () => validateManifests([configMap({ [Symbol('k')]: 'v' })])],
  ['validator: an array that contains itself', () => { const list: unknown[] = []; list.push(list); return validateManifests([configMap({ list })]); }],
  ['validator: 100000 levels of nesting', () => validateManifests([configMap(nested(100_000))])],
  ['validator: a 5 MB string', () => validateManifests([configMap({ blob: 'A'.repeat(5_000_000) })])],
  ['validator: one object shared 2^50 times', () => {
    let dag: unknown = { leaf: 'x' };
    for (let i = 0; i < 50; i++) dag = { left: dag, right: dag };
    return validateManifests([configMap(dag)]);
  }],
  ['yaml: alias bomb', () => validateYaml(['a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n'))],
  ['yaml: duplicate key holding a secret', () => validateYaml('apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n  password: changeme\n')],
  ['yaml: an unresolved alias', () => validateYaml('apiVersion: v1\nkind: ConfigMap\nmetadata: *meta\n')],
  ['yaml: text a Buffer', () => parseYamlDocuments(Buffer.from('apiVersion: v1') as never)],
];
