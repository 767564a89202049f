import { join, resolve } from 'path';
import Ajv from 'ajv';
import { GITOPS_CRD_FILES, generateCrdSchemaData, shareRepeatedSubschemas } from '../../lib/validation/generate-data';

const UPSTREAM = resolve(__dirname, '..', '..', '..', 'shared', 'upstream');

describe('shareRepeatedSubschemas', () => {
  const big = (extra: Record<string, unknown> = {}) => ({
    type: 'object', additionalProperties: false,
    properties: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field${i}`, { type: 'string', maxLength: 10 + i }])), ...extra,
  });

  test('a subtree repeated and large enough moves to definitions once; the rest stays inline', () => {
    const schema = { type: 'object', properties: { a: big(), b: { type: 'object', properties: { c: big() } }, small: { type: 'string' }, other: { type: 'string' } } };
    const shared = shareRepeatedSubschemas(schema, 200) as { properties: Record<string, unknown>; definitions: Record<string, unknown> };
    expect(shared.properties.a).toEqual({ $ref: '#/definitions/s0' });
    expect(shared.properties.b).toEqual({ type: 'object', properties: { c: { $ref: '#/definitions/s0' } } });
    expect(shared.properties.small).toEqual({ type: 'string' });
    expect(shared.definitions).toEqual({ s0: big() });
  });

  test('subtrees with a default or CEL rules stay inline (structural defaulting and CEL walk them in place)', () => {
    const withDefault = big({ default: {} });
    const withCel = big({ 'x-kubernetes-validations': [{ rule: 'true' }] });
    const schema = { type: 'object', properties: { a: withDefault, b: withDefault, c: withCel, d: withCel } };
    expect(shareRepeatedSubschemas(schema, 200)).toEqual(schema);
  });

  test('the shared schema accepts and rejects exactly what the inline one does', () => {
    const schema = { type: 'object', properties: { a: big(), b: { type: 'array', items: big() } } };
    const ajv = new Ajv({ strict: false, allErrors: true, inlineRefs: false });
    const inline = ajv.compile(schema);
    const shared = ajv.compile(shareRepeatedSubschemas(schema, 200) as object);
    for (const value of [{ a: { field0: 'x' } }, { a: { field0: 'x'.repeat(11) } }, { b: [{ field1: 'y' }, { nope: 1 }] }, { a: { field11: 3 } }]) {
      expect(shared(value)).toBe(inline(value));
    }
  });
});

describe('generateCrdSchemaData (Argo CD and Flux)', () => {
  test('every served kind of the pinned Argo CD and Flux CRDs, strict (unknown fields rejected)', () => {
    const data = generateCrdSchemaData(GITOPS_CRD_FILES.map((f) => join(UPSTREAM, f)), 'test', true);
    expect(Object.keys(data.schemas).sort()).toEqual([
      'argoproj.io/v1alpha1/AppProject', 'argoproj.io/v1alpha1/Application', 'argoproj.io/v1alpha1/ApplicationSet', 'kustomize.toolkit.fluxcd.io/v1/Kustomization',
    ]);
    const kustomization = data.schemas['kustomize.toolkit.fluxcd.io/v1/Kustomization'] as { properties: { spec: { additionalProperties: unknown } } };
    expect(kustomization.properties.spec.additionalProperties).toBe(false);
    expect(JSON.stringify(data.schemas['argoproj.io/v1alpha1/ApplicationSet']).length).toBeLessThan(100_000);
  });
});
