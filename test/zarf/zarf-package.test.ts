import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { ContainerImage } from '../../lib/helm/container-image';
import { ExternalSecretsOperatorRelease } from '../../lib/helm/eso-release';
import { ReloaderHelmRelease } from '../../lib/helm/reloader-release';
import { CHART_DEFAULT_IMAGES, ZarfHelmChart, ZarfManifests, ZarfPackage } from '../../lib/zarf';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { newStack } from '../helm/synth';

const UPSTREAM = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream');
const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

let validator: ((data: unknown) => boolean) & { errors?: unknown } | undefined;
function expectValidZarf(doc: unknown): void {
  if (!validator) {
    const schema = JSON.parse(fs.readFileSync(path.join(UPSTREAM, 'zarf', 'zarf.schema.json'), 'utf8')) as object;
    validator = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  }
  const ok = validator(doc);
  expect(ok ? [] : validator.errors).toEqual([]);
}

const STORE = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'aws' }, spec: { provider: { aws: { service: 'SecretsManager', region: 'us-gov-west-1' } } } };

describe('ZarfPackage', () => {
  test('the chart default images are the ones in the pinned charts\' values.yaml', () => {
    // GIVEN
    const eso = parse(fs.readFileSync(path.join(UPSTREAM, 'external-secrets', 'chart-values.yaml'), 'utf8'));
    const reloader = parse(fs.readFileSync(path.join(UPSTREAM, 'reloader', 'chart-values.yaml'), 'utf8'));
    // WHEN / THEN
    for (const image of [eso.image, eso.webhook.image, eso.certController.image]) {
      expect(image.repository).toBe(CHART_DEFAULT_IMAGES.externalSecrets);
      expect(image.tag).toBe('');
    }
    expect(reloader.image.repository).toBe(CHART_DEFAULT_IMAGES.reloader);
    expect(`${reloader.image.repository}:${reloader.image.tag}`).toEqual(ZarfPackageImages.reloaderDefault());
  });

  test('chart defaults: every image pinned to the chart appVersion, schema-valid zarf.yaml', () => {
    // GIVEN
    const pkg = new ZarfPackage({
      name: 'secrets-platform', version: '1.0.0', description: 'ESO and Reloader',
      charts: [ZarfHelmChart.externalSecrets(), ZarfHelmChart.reloader()],
      manifests: [ZarfManifests.fromObjects('secrets-manifests', [STORE])],
    });
    // WHEN
    const doc = pkg.toJson();
    // THEN
    expectValidZarf(doc);
    expect(pkg.images).toEqual(['ghcr.io/external-secrets/external-secrets:v2.9.0', 'ghcr.io/stakater/reloader:v1.4.21']);
    expect(doc).toEqual({
      kind: 'ZarfPackageConfig',
      metadata: { name: 'secrets-platform', version: '1.0.0', description: 'ESO and Reloader' },
      components: [
        {
          name: 'external-secrets', required: true, description: 'external-secrets chart 2.9.0 (app v2.9.0) and its images',
          charts: [{ name: 'external-secrets', url: 'https://charts.external-secrets.io', version: '2.9.0', namespace: 'external-secrets', releaseName: 'external-secrets', valuesFiles: ['values/external-secrets.yaml'] }],
          images: ['ghcr.io/external-secrets/external-secrets:v2.9.0'],
        },
        {
          name: 'reloader', required: true, description: 'reloader chart 2.2.16 (app v1.4.21) and its images',
          charts: [{ name: 'reloader', url: 'https://stakater.github.io/stakater-charts', version: '2.2.16', namespace: 'reloader', releaseName: 'reloader', valuesFiles: ['values/reloader.yaml'] }],
          images: ['ghcr.io/stakater/reloader:v1.4.21'],
        },
        {
          name: 'secrets-manifests', required: true, description: 'External Secrets Operator stores and ExternalSecrets (applied after the CRDs)',
          manifests: [{ name: 'secrets-manifests', files: ['manifests/secrets-manifests.yaml'] }],
        },
      ],
    });
  });

  test('Iron Bank images from the typed release values, pinned by digest, with the values files the releases render', () => {
    // GIVEN
    const stack = newStack();
    const eso = new ExternalSecretsOperatorRelease(stack, 'Eso', {
      values: {
        image: ContainerImage.fromRegistry({ registry: 'registry1.dso.mil', repository: 'ironbank/opensource/external-secrets/external-secrets', tag: 'v2.9.0', digest: DIGEST_A }),
      },
    });
    const reloader = new ReloaderHelmRelease(stack, 'Reloader', {
      values: { image: ContainerImage.fromRegistry({ registry: 'registry1.dso.mil', repository: 'ironbank/opensource/stakater/reloader', tag: 'v1.4.21', digest: DIGEST_B }) },
    });
    // WHEN
    const pkg = new ZarfPackage({
      name: 'secrets-platform', version: '1.0.0',
      charts: [ZarfHelmChart.fromExternalSecretsRelease(eso), ZarfHelmChart.fromReloaderRelease(reloader)],
    });
    const files = pkg.files();
    // THEN
    expectValidZarf(parse(files['zarf.yaml']));
    expect(pkg.images).toEqual([
      `registry1.dso.mil/ironbank/opensource/external-secrets/external-secrets:v2.9.0@${DIGEST_A}`,
      `registry1.dso.mil/ironbank/opensource/stakater/reloader@${DIGEST_B}`,
    ]);
    const esoValues = parse(files['values/external-secrets.yaml']);
    expect(esoValues).toEqual(JSON.parse(JSON.stringify(eso.renderedValues)));
    expectValidEsoValues(esoValues);
    expectValidReloaderValues(parse(files['values/reloader.yaml']));
    expect(Object.keys(files).sort()).toEqual(['values/external-secrets.yaml', 'values/reloader.yaml', 'zarf.yaml']);
  });

  test('air-gapped values carry no pull secret of a connected cluster (Zarf supplies its own)', () => {
    // GIVEN the connected cluster's release, whose pull secret ESO syncs there
    const stack = newStack();
    const eso = new ExternalSecretsOperatorRelease(stack, 'Eso', { values: { imagePullSecrets: ['registry1-pull'] } });
    const reloader = ZarfHelmChart.reloader({ values: { global: { imagePullSecrets: [{ name: 'registry1-pull' }] } } });
    // WHEN packaged / THEN refused, naming the values path
    expect(() => new ZarfPackage({ name: 'p', version: '1.0.0', charts: [ZarfHelmChart.fromExternalSecretsRelease(eso)] })).toThrow(
      '[ZarfPackage p] charts[0].values.imagePullSecrets: received [{"name":"registry1-pull"}]. Allowed: no imagePullSecrets in a Zarf package: ' +
      'Zarf\'s agent rewrites the images to the cluster\'s registry and adds its own pull secret, and a pull secret of a connected cluster ' +
      '(synced by ESO, created by hand) does not exist on the air-gapped one. Fix: package values without imagePullSecrets ' +
      '(set them only on the connected release, or pass the chart values without them).');
    expect(() => new ZarfPackage({ name: 'p', version: '1.0.0', charts: [reloader] })).toThrow(
      '[ZarfPackage p] charts[0].values.global.imagePullSecrets: received [{"name":"registry1-pull"}].');
    // and an empty list is no pull secret
    expect(new ZarfPackage({ name: 'p', version: '1.0.0', charts: [ZarfHelmChart.reloader({ values: { global: { imagePullSecrets: [] } } })] }).name).toBe('p');
  });

  test('Chainguard images by tag, a webhook image of its own, and a disabled cert controller', () => {
    // GIVEN
    const chart = ZarfHelmChart.externalSecrets({
      releaseName: 'eso', namespace: 'eso-system',
      values: {
        image: { repository: 'cgr.dev/chainguard/external-secrets', tag: 'v2.9.0' },
        webhook: { image: { repository: 'cgr.dev/chainguard/external-secrets-webhook', tag: 'v2.9.0' } },
        certController: { create: false },
      },
    });
    // WHEN
    const pkg = new ZarfPackage({ name: 'eso', version: '2.9.0', charts: [chart] });
    // THEN
    const doc = pkg.toJson() as { components: { charts: object[] }[] };
    expectValidZarf(doc);
    expect(pkg.images).toEqual(['cgr.dev/chainguard/external-secrets-webhook:v2.9.0', 'cgr.dev/chainguard/external-secrets:v2.9.0']);
    expect(doc.components[0].charts[0]).toEqual({
      name: 'eso', repoName: 'external-secrets', url: 'https://charts.external-secrets.io', version: '2.9.0',
      namespace: 'eso-system', releaseName: 'eso', valuesFiles: ['values/eso.yaml'],
    });
  });

  test('writes the package directory, manifests from objects or existing files', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zarf-'));
    const pkg = new ZarfPackage({
      name: 'manifests-only', version: '1.0.0',
      manifests: [ZarfManifests.fromObjects('stores', [STORE], { namespace: 'external-secrets' }), ZarfManifests.fromFiles('apps', ['../k8s/apps.k8s.yaml'])],
    });
    // WHEN
    pkg.writeTo(dir);
    // THEN
    expect(fs.readdirSync(dir).sort()).toEqual(['manifests', 'zarf.yaml']);
    expect(parse(fs.readFileSync(path.join(dir, 'manifests', 'stores.yaml'), 'utf8'))).toEqual(STORE);
    const doc = parse(fs.readFileSync(path.join(dir, 'zarf.yaml'), 'utf8'));
    expectValidZarf(doc);
    expect(doc.components.map((c: { manifests: unknown[] }) => c.manifests[0])).toEqual([
      { name: 'stores', namespace: 'external-secrets', files: ['manifests/stores.yaml'] },
      { name: 'apps', files: ['../k8s/apps.k8s.yaml'] },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    [{ name: 'Secrets', version: '1' }, '[ZarfPackage Secrets] name: received "Secrets". Allowed: lowercase letters, digits and hyphens, starting with a letter or digit (Zarf\'s ^[a-z0-9][a-z0-9-]*$). Fix: use a name such as "external-secrets".'],
    [{ name: undefined, version: '1' }, '[ZarfPackage] name: received undefined. Allowed: lowercase letters, digits and hyphens, starting with a letter or digit (Zarf\'s ^[a-z0-9][a-z0-9-]*$). Fix: use a name such as "external-secrets".'],
    [{ name: 'p', version: ' ' }, '[ZarfPackage p] version: received " ". Allowed: a non-empty package version (Zarf names the package archive after it). Fix: pass version, for example "1.0.0".'],
    [{ name: 'p', version: '1' }, '[ZarfPackage p] charts: received []. Allowed: at least one chart or manifest collection. Fix: pass charts (ZarfHelmChart.externalSecrets / .reloader) or manifests.'],
    [{ name: 'p', version: '1', charts: [ZarfHelmChart.reloader(), ZarfHelmChart.reloader()] }, '[ZarfPackage p] charts[1].releaseName: received "reloader". Allowed: unique names (Zarf addresses charts, components and manifests by name). Fix: give the second one another name.'],
    [{ name: 'p', version: '1', manifests: [ZarfManifests.fromObjects('My_Stores', [])] }, '[ZarfPackage p] manifests[0].name: received "My_Stores". Allowed: lowercase letters, digits and hyphens, starting with a letter or digit (Zarf\'s ^[a-z0-9][a-z0-9-]*$). Fix: use a name such as "external-secrets".'],
    [{ name: 'p', version: '1', charts: [ZarfHelmChart.externalSecrets({ values: { serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': '${TfToken[TOKEN.12]}' } } } })] },
      '[ZarfPackage p] charts[0].values.serviceAccount.annotations.eks.amazonaws.com/role-arn: received "${TfToken[…]}". Allowed: literal Helm values: a Zarf package is built before anything is applied, so values known only after terraform apply cannot be packaged. Fix: derive the value from the declaration (names are deterministic), or pass it as a literal.'],
    [{ name: 'p', version: '1', charts: [ZarfHelmChart.externalSecrets({ values: { image: { repository: 'bad repo', tag: 'v1' } } })] },
      '[ZarfPackage p/charts[0]] values.image: received "bad repo:v1". Allowed: an image reference with a repository and a tag or digest (registry/repository:tag[@sha256:…]). Fix: set image.repository and image.tag (or image.digest) in the chart values.'],
    [{ name: 'p', version: '1', charts: [ZarfHelmChart.externalSecrets({ values: { replicaCount: 'three' } })] },
      '[ZarfPackage p] charts[0].values: received values that chart external-secrets 2.9.0 rejects: /replicaCount must be integer. Allowed: values valid against the values.schema.json of chart external-secrets 2.9.0 (helm install and upgrade refuse any other). Fix: correct or remove the listed keys (for a release: in extraValues, or the typed prop that renders them).'],
    [{ name: 'p', version: '1', charts: [ZarfHelmChart.reloader({ values: { reloader: { reloadStrategy: 'restart' } } })] },
      '[ZarfPackage p] charts[0].values: received values that chart reloader 2.2.16 rejects: /reloader/reloadStrategy must be equal to one of the allowed values. Allowed: values valid against the values.schema.json of chart reloader 2.2.16 (helm install and upgrade refuse any other). Fix: correct or remove the listed keys (for a release: in extraValues, or the typed prop that renders them).'],
  ])('fails for %j', (props, message) => {
    // GIVEN / WHEN / THEN
    expect(() => new ZarfPackage(props as never)).toThrow(message);
  });
});

/** The Reloader default image as the chart's values.yaml pins it. */
const ZarfPackageImages = {
  reloaderDefault: (): string => new ZarfPackage({ name: 'r', version: '1', charts: [ZarfHelmChart.reloader()] }).images[0],
};
