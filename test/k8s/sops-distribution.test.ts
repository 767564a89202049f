import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { SopsRecipient } from '../../lib/core';
import { SopsSecretDistribution } from '../../lib/k8s';
import { expectValidManifests, findManifest, K8sManifest } from '../helpers/eso-schema';

const UPSTREAM = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream');
const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** Errors of a Flux Kustomization against the kustomize-controller 1.9.4 CRD's v1 schema. */
function kustomizationErrors(object: unknown): unknown[] {
  const [crd] = parseAllDocuments(fs.readFileSync(path.join(UPSTREAM, 'flux', 'kustomize.toolkit.fluxcd.io_kustomizations.yaml'), 'utf8')).map((d) => d.toJSON() as {
    spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: object } }> };
  });
  const schema = crd.spec.versions.find((v) => v.name === 'v1')!.schema.openAPIV3Schema;
  const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
  return validate(object) ? [] : validate.errors ?? [];
}

function distribute(recipients: SopsRecipient[]) {
  const chart = new Chart(Testing.app(), 'c');
  new SopsSecretDistribution(chart, 'sops', {
    recipients, sourceNamespace: 'sops-secrets',
    consumers: [{ namespace: 'jenkins', secrets: ['jenkins-admin'] }, { namespace: 'netbox', secrets: ['netbox-db', 'netbox-app'] }],
    flux: { path: './clusters/rke2-prod/secrets', gitRepository: 'platform' },
  });
  return Testing.synth(chart) as K8sManifest[];
}

describe('SopsSecretDistribution', () => {
  test('Flux decrypts with the age key Secret into the source namespace; the Kustomization is valid against the Flux CRD', () => {
    // GIVEN / WHEN
    const manifests = distribute([SopsRecipient.age(AGE)]);
    const kustomization = findManifest(manifests, 'Kustomization', 'sops-secrets');
    // THEN
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'sops-secrets', namespace: 'flux-system' },
      spec: {
        interval: '10m', path: './clusters/rke2-prod/secrets', prune: true, sourceRef: { kind: 'GitRepository', name: 'platform' },
        targetNamespace: 'sops-secrets', decryption: { provider: 'sops', secretRef: { name: 'sops-age' } },
      },
    });
    expect(kustomizationErrors(kustomization)).toEqual([]);
    expect(kustomizationErrors({ ...kustomization, spec: { ...kustomization.spec, decryption: { provider: 'vault' } } })).not.toEqual([]);
  });

  test('a cloud KMS recipient decrypts through the controller\'s identity: no key Secret referenced', () => {
    const kustomization = findManifest(distribute([SopsRecipient.awsKms(KEY_ARN)]), 'Kustomization', 'sops-secrets');
    expect((kustomization.spec as { decryption: unknown }).decryption).toEqual({ provider: 'sops' });
    expect(kustomizationErrors(kustomization)).toEqual([]);
  });

  test('each tenant gets get on exactly its Secrets in the source namespace, bound to its own service account only', () => {
    const manifests = distribute([SopsRecipient.age(AGE)]);
    const rbac = manifests.filter((m) => m.kind === 'Role' || m.kind === 'RoleBinding').map((m) => ({ kind: m.kind, ns: m.metadata?.namespace, name: m.metadata?.name, rules: m.rules, subjects: m.subjects }));
    expect(rbac).toEqual([
      { kind: 'Role', ns: 'sops-secrets', name: 'eso-sops-read-jenkins', rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['jenkins-admin'], verbs: ['get'] }], subjects: undefined },
      { kind: 'RoleBinding', ns: 'sops-secrets', name: 'eso-sops-read-jenkins', rules: undefined, subjects: [{ kind: 'ServiceAccount', name: 'eso-sops-sops-secrets', namespace: 'jenkins' }] },
      { kind: 'Role', ns: 'sops-secrets', name: 'eso-sops-read-netbox', rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['netbox-app', 'netbox-db'], verbs: ['get'] }], subjects: undefined },
      { kind: 'RoleBinding', ns: 'sops-secrets', name: 'eso-sops-read-netbox', rules: undefined, subjects: [{ kind: 'ServiceAccount', name: 'eso-sops-sops-secrets', namespace: 'netbox' }] },
    ]);
    // no list, watch or write anywhere
    expect(JSON.stringify(manifests)).not.toMatch(/"(list|watch|create|update|patch|delete|\*)"/);
  });

  test('per tenant: a SecretStore of the kubernetes provider reading the source namespace, one ExternalSecret per Secret; schema-valid', () => {
    const manifests = distribute([SopsRecipient.age(AGE)]);
    const store = manifests.find((m) => m.kind === 'SecretStore' && m.metadata?.namespace === 'netbox')!;
    expect(store.spec).toEqual({
      provider: {
        kubernetes: {
          remoteNamespace: 'sops-secrets',
          server: { caProvider: { type: 'ConfigMap', name: 'kube-root-ca.crt', key: 'ca.crt' }, url: 'kubernetes.default' },
          auth: { serviceAccount: { name: 'eso-sops-sops-secrets' } },
        },
      },
    });
    const externalSecrets = manifests.filter((m) => m.kind === 'ExternalSecret').map((m) => [m.metadata?.namespace, m.metadata?.name, (m.spec as { dataFrom: unknown }).dataFrom]);
    expect(externalSecrets).toEqual([
      ['jenkins', 'jenkins-admin', [{ extract: { key: 'jenkins-admin' } }]],
      ['netbox', 'netbox-app', [{ extract: { key: 'netbox-app' } }]],
      ['netbox', 'netbox-db', [{ extract: { key: 'netbox-db' } }]],
    ]);
    expectValidManifests(manifests.filter((m) => m.kind !== 'Kustomization'));
  });

  test('errors: a private key as recipient (never echoed), a tenant reading from the source namespace itself, an empty Secret list', () => {
    const chart = () => new Chart(Testing.app(), 'c');
    const base = { sourceNamespace: 'sops-secrets', flux: { path: './s', gitRepository: 'platform' } };
    const privateKey = `AGE-SECRET-KEY-1${'Q'.repeat(58)}`;
    let message = '';
    try {
      new SopsSecretDistribution(chart(), 's', { ...base, recipients: [SopsRecipient.age(privateKey)], consumers: [{ namespace: 'a', secrets: ['x'] }] });
    } catch (e) { message = (e as Error).message; }
    expect(message).toBe('[c/s] recipients[0]: received an age private key (AGE-SECRET-KEY-1…). Allowed: a public recipient: the private key never goes into the declaration, .sops.yaml or any output. '
      + 'Fix: pass its public key (age-keygen -y key.txt), and rotate the private key if it was committed anywhere.');
    expect(message).not.toContain(privateKey);
    expect(() => new SopsSecretDistribution(chart(), 's', { ...base, recipients: [SopsRecipient.age(AGE)], consumers: [{ namespace: 'sops-secrets', secrets: ['x'] }] })).toThrow(
      '[c/s] consumers[0].namespace: received "sops-secrets". Allowed: a tenant namespace other than the source namespace, listed once. Fix: list each tenant namespace once, with every Secret it reads.');
    expect(() => new SopsSecretDistribution(chart(), 's', { ...base, recipients: [SopsRecipient.age(AGE)], consumers: [{ namespace: 'a', secrets: [] }] })).toThrow(
      '[c/s] consumers[0].secrets: received []. Allowed: the names of the Secrets the namespace reads (an empty list would grant nothing yet create a store). Fix: list the Secrets, or leave the namespace out.');
  });

  test('CES-SM-4: a private key smuggled into the output fails synth', () => {
    const chart = new Chart(Testing.app(), 'c');
    const d = new SopsSecretDistribution(chart, 's', {
      sourceNamespace: 'sops-secrets', recipients: [SopsRecipient.age(AGE)], consumers: [{ namespace: 'a', secrets: ['x'] }], flux: { path: './s', gitRepository: 'platform' },
    });
    d.kustomization!.metadata.addAnnotation('note', `AGE-SECRET-KEY-1${'Q'.repeat(58)}`);
    expect(() => Testing.synth(chart)).toThrow(/CES-SM-4/);
  });
});
