import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { migrateManifests } from '../../lib/migrate';
import { PROVIDERS_REMOVED_IN_V1, V1_KINDS } from '../../lib/migrate/v1beta1';
import { expectValidManifests, K8sManifest } from '../helpers/eso-schema';
import { esoCrdsPath } from '../helpers/schema-defaults';

interface ProviderSchema { properties: { spec: { properties: { provider: { properties: Record<string, unknown> } } } } }

const FIXTURES = path.join(__dirname, 'fixtures');

function fixture(file: string): { source: string; yaml: string } {
  return { source: file, yaml: fs.readFileSync(path.join(FIXTURES, file), 'utf8') };
}

describe('migrateManifests: ESO v1beta1', () => {
  test('each core kind becomes external-secrets.io/v1 with the same spec, valid against the served schema', () => {
    // GIVEN
    const input = fixture('v1beta1.yaml');
    const original = parseAllDocuments(input.yaml).map((d) => d.toJSON() as K8sManifest);
    // WHEN
    const result = migrateManifests([input]);
    // THEN
    expect(result.issues).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'external-secrets.io/v1 SecretStore aws-team-a',
      'external-secrets.io/v1 ClusterSecretStore vault-central',
      'external-secrets.io/v1 ExternalSecret db',
      'external-secrets.io/v1 ClusterExternalSecret registry-pull',
    ]);
    expect([...new Set(result.objects.map((o) => o.kind))].sort()).toEqual([...V1_KINDS].sort());
    result.objects.forEach((o, i) => expect(o.spec).toEqual(original[i].spec));
    expectValidManifests(result.objects as unknown as K8sManifest[]);
  });

  test('server-filled metadata, the last-applied annotation and status are dropped; labels and other annotations kept', () => {
    // GIVEN
    const input = fixture('v1beta1.yaml');
    // WHEN
    const { objects } = migrateManifests([input]);
    // THEN
    expect(objects[0].metadata).toEqual({ name: 'aws-team-a', namespace: 'team-a', annotations: { team: 'a' } });
    expect(objects[0].status).toBeUndefined();
    expect(objects[2].metadata).toEqual({ name: 'db', namespace: 'team-a', labels: { app: 'db' } });
  });

  test('reports removed providers, fields v1 requires and v1alpha1 objects', () => {
    // GIVEN
    const input = fixture('v1beta1-unconvertible.yaml');
    // WHEN
    const result = migrateManifests([input]);
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([
      '[v1beta1-unconvertible.yaml: external-secrets.io/v1beta1 ClusterSecretStore alibaba] spec.provider.alibaba: received "{…}". Allowed: fields served by external-secrets.io/v1 (this provider was removed from ESO before v1). Fix: move the secrets to a provider ESO v1 serves and point the store at it.',
      '[v1beta1-unconvertible.yaml: external-secrets.io/v1beta1 SecretStore team-a/remote-cluster] spec.provider.kubernetes.auth.token.bearerToken: received undefined. Allowed: a value: external-secrets.io/v1 requires this field. Fix: set spec.provider.kubernetes.auth.token.bearerToken before migrating.',
      '[v1beta1-unconvertible.yaml: external-secrets.io/v1alpha1 ExternalSecret team-a/legacy] apiVersion: received "external-secrets.io/v1alpha1". Allowed: kubernetes-client.io/v1 (KES) or external-secrets.io/v1beta1 / v1 (ESO). Fix: v1alpha1 ExternalSecrets (dataFrom[].key) predate v1beta1: rewrite dataFrom entries as extract: { key } first.',
    ]);
    expect(result.objects).toEqual([]);
    expect(result.complete).toBe(false);
  });

  test('the removed-provider list equals what the pinned CRD bundle serves in v1beta1 and not in v1', () => {
    // GIVEN
    const crds = parseAllDocuments(fs.readFileSync(esoCrdsPath(), 'utf8')).map((d) => d.toJSON() as {
      kind?: string; spec?: { names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: ProviderSchema } }[] };
    });
    // WHEN
    const removed = new Set<string>();
    for (const crd of crds) {
      if (crd?.kind !== 'CustomResourceDefinition' || !['SecretStore', 'ClusterSecretStore'].includes(crd.spec!.names.kind)) continue;
      const providers = (v: string): string[] => Object.keys(crd.spec!.versions.find((x) => x.name === v)!.schema.openAPIV3Schema.properties.spec.properties.provider.properties);
      const v1 = new Set(providers('v1'));
      providers('v1beta1').filter((p) => !v1.has(p)).forEach((p) => removed.add(p));
    }
    // THEN
    expect([...removed].sort()).toEqual([...PROVIDERS_REMOVED_IN_V1].sort());
  });

  test('v1 objects pass through unchanged', () => {
    // GIVEN
    const yaml = 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: ok\nspec:\n  secretStoreRef:\n    name: s\n  dataFrom:\n    - extract:\n        key: k\n';
    // WHEN
    const result = migrateManifests([{ source: 'v1.yaml', yaml }]);
    // THEN
    expect(result.complete).toBe(true);
    expect(result.objects).toEqual([{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'ok' }, spec: { secretStoreRef: { name: 's' }, dataFrom: [{ extract: { key: 'k' } }] } }]);
  });
});
