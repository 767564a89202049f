import { expectValidManifests, K8sManifest, validateEsoObject, validateManifest } from '../helpers/eso-schema';

const validEs: K8sManifest = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'db', namespace: 'team-a' },
  spec: {
    secretStoreRef: { name: 'aws', kind: 'SecretStore' },
    data: [{ secretKey: 'password', remoteRef: { key: 'db', property: 'password' } }],
  },
};

describe('schema helpers', () => {
  test('accepts a valid ExternalSecret and a valid ServiceAccount', () => {
    // GIVEN valid objects WHEN validated THEN nothing throws
    expect(() => expectValidManifests([validEs, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa' } }])).not.toThrow();
  });

  test('rejects a wrong enum value', () => {
    // GIVEN an ExternalSecret with an unknown creationPolicy
    const bad = { ...validEs, spec: { ...(validEs.spec as object), target: { creationPolicy: 'Sometimes' } } };
    // WHEN / THEN
    expect(() => validateEsoObject(bad)).toThrow(
      'ExternalSecret db is invalid against external-secrets.io/v1:\n  /spec/target/creationPolicy must be equal to one of the allowed values {"allowedValues":["Owner","Orphan","Merge","None","CreateOrMerge"]}');
  });

  test('rejects an unknown (misspelled) field', () => {
    // GIVEN a remoteRef with "Key" instead of "key"
    const bad = { ...validEs, spec: { ...(validEs.spec as object), data: [{ secretKey: 'a', remoteRef: { key: 'x', Key: 'y' } }] } };
    // WHEN / THEN
    expect(() => validateEsoObject(bad)).toThrow(
      'ExternalSecret db is invalid against external-secrets.io/v1:\n  /spec/data/0/remoteRef must NOT have additional properties {"additionalProperty":"Key"}');
  });

  test('rejects v1beta1 objects (not served)', () => {
    // GIVEN a v1beta1 ExternalSecret WHEN validated THEN it is rejected
    expect(() => validateEsoObject({ ...validEs, apiVersion: 'external-secrets.io/v1beta1' }))
      .toThrow('external-secrets.io/v1beta1 ExternalSecret is not served by the pinned ESO CRDs (served: v1)');
  });

  test('rejects invalid core objects and unknown kinds', () => {
    // GIVEN a Secret whose data is not a map, and an unknown kind
    // WHEN / THEN
    expect(() => validateManifest({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: 'oops' })).toThrow('Secret s is invalid: data/data must be object');
    expect(() => validateManifest({ apiVersion: 'example.com/v1', kind: 'Widget' })).toThrow('no schema for example.com/v1 Widget');
    expect(() => expectValidManifests([validEs, { apiVersion: 'example.com/v1', kind: 'Widget' }])).toThrow('invalid manifests:\nno schema for example.com/v1 Widget');
  });
});
