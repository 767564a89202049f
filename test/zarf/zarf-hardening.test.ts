import { ZarfHelmChart, ZarfManifests, ZarfPackage } from '../../lib/zarf';
import { mutableImageReason } from '../../lib/core';

const base = { name: 'secrets-platform', version: '1.0.0' };

describe('Zarf package output rules (CES-HARD-6, CES-SM-2, CES-SM-3, CES-HARD-1)', () => {
  test('a latest image tag fails with the rule; acknowledged, it is listed in metadata.description', () => {
    const charts = [ZarfHelmChart.externalSecrets({ values: { image: { tag: 'latest' } } })];
    expect(() => new ZarfPackage({ ...base, charts })).toThrow('[ZarfPackage secrets-platform] images: received "ghcr.io/external-secrets/external-secrets:latest". '
      + 'Allowed: an image pinned by a version tag or a digest: its tag "latest" moves with every push, so the package is not reproducible and carries unreviewed code '
      + 'into the air gap. Fix: set the image tag to a release version, or pin it by digest (repository@sha256:…) (rule CES-HARD-6; or, if the exception is intended, '
      + 'add { ruleId: \'CES-HARD-6\', reason: \'…\', appliesTo: [\'ghcr.io/external-secrets/external-secrets:latest\'] } to the construct\'s acknowledgements).');
    const pkg = new ZarfPackage({ ...base, description: 'ESO', charts,
      acknowledgements: [{ ruleId: 'CES-HARD-6', reason: 'nightly test package, rebuilt every day' }] });
    expect(pkg.toJson().metadata).toEqual({ name: 'secrets-platform', version: '1.0.0',
      description: 'ESO Acknowledged: CES-HARD-6 ghcr.io/external-secrets/external-secrets:latest: nightly test package, rebuilt every day' });
  });

  test('a plain Secret with data among the manifests fails and cannot be acknowledged; an empty one passes', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, stringData: { password: 'x' } };
    expect(() => new ZarfPackage({ ...base, manifests: [ZarfManifests.fromObjects('m', [secret])] }))
      .toThrow('[ZarfPackage secrets-platform] manifests[0].objects[0]: received Secret "db" with data. Allowed: no Secret values in a manifest: a package and its Git '
        + 'repository are read by more people than the Secret. Fix: remove the Secret and declare an ExternalSecret that creates it in the cluster from the secret store (rule CES-SM-3).');
    expect(() => new ZarfPackage({ ...base, manifests: [ZarfManifests.fromObjects('m', [{ ...secret, stringData: {} }])] })).not.toThrow();
  });

  test('a token in a manifest annotation and root in chart values fail', () => {
    const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { 'ci/token': 'ghp_' + 'b'.repeat(36) } } };
    expect(() => new ZarfPackage({ ...base, manifests: [ZarfManifests.fromObjects('m', [config])] }))
      .toThrow('[ZarfPackage secrets-platform] manifests[0].objects[0].metadata.annotations.ci/token: received a literal (it contains a GitHub token).');
    expect(() => new ZarfPackage({ ...base, charts: [ZarfHelmChart.reloader({ values: { reloader: { deployment: { securityContext: { runAsUser: 0 } } } } })] }))
      .toThrow('[ZarfPackage secrets-platform] charts[0].values.reloader.deployment.securityContext.runAsUser: received 0.');
  });

  test('mutableImageReason: tags and digests', () => {
    expect(mutableImageReason('registry.example.com:5000/eso')).toBe('it has no tag (the registry serves latest)');
    expect(mutableImageReason('eso:main')).toBe('its tag "main" moves with every push');
    expect(mutableImageReason('registry.example.com:5000/eso:v2.9.0')).toBeUndefined();
    expect(mutableImageReason(`eso:latest@sha256:${'a'.repeat(64)}`)).toBeUndefined();
  });
});
