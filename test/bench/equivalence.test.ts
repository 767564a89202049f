/**
 * The benchmark compares equal work: for small workloads the library and the bare cdk8s/cdktf
 * variants emit the same manifests and Terraform JSON (bench/check.ts, the check `npm run bench` runs
 * first and fails on), and the estate workload has the documented shape. Not timed.
 */
import { checkSpec, firstDiff, TAG_FORM_N } from '../../bench/check';
import { buildModel, grantTagOf } from '../../bench/model';
import { buildEstateSpec, buildSpec } from '../../bench/spec';

describe('benchmark equivalence', () => {
  test('base workload: library and bare emit the same YAML and Terraform JSON', () => {
    expect(checkSpec(buildSpec(20))).toEqual({ k8s: true, tf: true });
  });

  test('base workload where the controller identity reads by grant tag: the bare variant tags and grants the same', () => {
    // GIVEN the controller identity's exact ARNs exceed the inline policy
    const spec = buildSpec(TAG_FORM_N);
    expect(buildModel(spec).identities.filter((i) => grantTagOf(i) !== undefined).map((i) => i.id)).toEqual(['controller-prod-a']);
    // WHEN / THEN
    expect(checkSpec(spec).tf).toBe(true);
  });

  test('estate workload: library and bare emit the same YAML files per cluster and Terraform JSON', () => {
    expect(checkSpec(buildEstateSpec(400), true)).toEqual({ k8s: true, tf: true });
  });
});

test('the check names the first difference (a CRD default the bare variant left out)', () => {
  const lib = [{ kind: 'ExternalSecret', spec: { target: { name: 'app-0', creationPolicy: 'Owner' } } }];
  const bare = [{ kind: 'ExternalSecret', spec: { target: { name: 'app-0' } } }];
  expect(firstDiff(lib, bare)).toBe('/0/spec/target/creationPolicy: library "Owner" vs bare undefined');
  expect(firstDiff(lib, lib)).toBeUndefined();
});

describe('estate workload shape', () => {
  test.each([
    [10000, 50, 1000, 1000, 40],
    [1000, 5, 100, 100, 4],
  ])('%i secrets: %i clusters, %i namespaces, %i identities, %i KMS keys', (n, clusters, namespaces, identities, keys) => {
    const spec = buildEstateSpec(n);
    expect(spec.secrets).toHaveLength(n);
    expect(spec.externalSecrets).toHaveLength(n);
    expect(spec.clusters).toHaveLength(clusters);
    expect(new Set(spec.externalSecrets.map((es) => es.namespace)).size).toBe(namespaces);
    expect(buildModel(spec).identities).toHaveLength(identities);
    expect(spec.keys).toHaveLength(keys);
  });

  test('refuses a size that is not a whole number of clusters', () => {
    expect(() => buildEstateSpec(1100)).toThrow('estate size 1100: a positive multiple of 200 secrets');
  });
});
