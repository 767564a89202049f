import { deepMerge, prune, renderValuesDocument, sortKeys } from '../../../lib/helm/private/values';

describe('values helpers', () => {
  test('deepMerge merges objects and lets scalars, arrays and null replace', () => {
    // GIVEN
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: { f: 1 } };
    // WHEN
    const merged = deepMerge(base, { a: { c: [3] }, d: null, e: 'scalar', g: undefined });
    // THEN
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: null, e: 'scalar' });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: { f: 1 } });
  });

  test('prune drops undefined members and objects left empty', () => {
    expect(prune({ a: undefined, b: { c: undefined }, d: [undefined, 1], e: null, f: { g: 0 } }))
      .toEqual({ d: [undefined, 1], e: null, f: { g: 0 } });
  });

  test('sortKeys sorts recursively and keeps array order', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 1 } }))).toBe('{"a":{"c":1,"d":[{"y":2,"z":1}]},"b":1}');
  });

  test('renderValuesDocument is deterministic whatever the insertion order', () => {
    expect(renderValuesDocument({ b: 1, a: 2 })).toBe(renderValuesDocument({ a: 2, b: 1 }));
  });
});
