import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { UdsBundle, UdsBundlePackage, ZarfHelmChart, ZarfPackage } from '../../lib/zarf';

const UPSTREAM = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream');

/** The UDS CLI 0.35 `uds-bundle.yaml` schema (draft-04 keywords only; `$schema` left to Ajv's default). */
function bundleErrors(doc: unknown): unknown[] {
  const schema = JSON.parse(fs.readFileSync(path.join(UPSTREAM, 'uds', 'uds-bundle.schema.json'), 'utf8')) as { $schema?: string };
  delete schema.$schema;
  const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
  return validate(doc) ? [] : validate.errors ?? [];
}

const zarf = (): ZarfPackage => new ZarfPackage({ name: 'secrets-platform', version: '1.2.0', charts: [ZarfHelmChart.externalSecrets()] });
const core = (): UdsBundlePackage => UdsBundlePackage.remote({ name: 'core', repository: 'ghcr.io/defenseunicorns/packages/uds/core', ref: '1.11.0-upstream' });

describe('UdsBundle', () => {
  test('UDS Core from its registry, then the Zarf package by its version: valid uds-bundle.yaml', () => {
    // GIVEN / WHEN
    const bundle = new UdsBundle({
      name: 'mission', version: '1.0.0', description: 'UDS Core and the secrets platform', architecture: 'amd64',
      packages: [core(), UdsBundlePackage.local(zarf(), 'dist/zarf')],
    });
    const doc = parse(bundle.toYaml()) as unknown;
    // THEN
    expect(doc).toEqual({
      kind: 'UDSBundle',
      metadata: { name: 'mission', version: '1.0.0', description: 'UDS Core and the secrets platform', architecture: 'amd64' },
      packages: [
        { name: 'core', repository: 'ghcr.io/defenseunicorns/packages/uds/core', ref: '1.11.0-upstream' },
        { name: 'secrets-platform', path: 'dist/zarf', ref: '1.2.0' },
      ],
    });
    expect(bundleErrors(doc)).toEqual([]);
    // and the schema check is real
    expect(bundleErrors({ ...(doc as object), kind: 'ZarfPackageConfig' })).not.toEqual([]);
    expect(bundleErrors({ kind: 'UDSBundle', metadata: { name: 'Mission' }, packages: [] })).not.toEqual([]);
  });

  test('errors: bad name, missing version, no packages, a plain object as package, the same package twice, bad sources', () => {
    expect(() => new UdsBundle({ name: 'Mission', version: '1', packages: [core()] })).toThrow(
      '[UdsBundle Mission] name: received "Mission". Allowed: lowercase letters, digits and hyphens, starting with a letter or digit (Zarf\'s ^[a-z0-9][a-z0-9-]*$). Fix: use a name such as "external-secrets".');
    expect(() => new UdsBundle({ name: 'm', version: ' ', packages: [core()] })).toThrow(
      '[UdsBundle m] version: received " ". Allowed: a non-empty package version (Zarf names the package archive after it). Fix: pass version, for example "1.0.0".');
    expect(() => new UdsBundle({ name: 'm', version: '1', packages: [] })).toThrow(
      '[UdsBundle m] packages: received []. Allowed: at least one package (a bundle without packages deploys nothing). Fix: pass UdsBundlePackage.local(zarfPackage, path) or remote(…).');
    expect(() => new UdsBundle({ name: 'm', version: '1', packages: [{ name: 'core', ref: '1' } as never] })).toThrow(
      '[UdsBundle m] packages[0]: received {"name":"core","ref":"1"}. Allowed: a UdsBundlePackage (UdsBundlePackage.local(zarfPackage, path) or UdsBundlePackage.remote({ name, repository, ref })). Fix: build each entry with UdsBundlePackage.local() or remote().');
    expect(() => new UdsBundle({ name: 'm', version: '1', packages: [core(), core()] })).toThrow(
      '[UdsBundle m] packages[1].name: received "core". Allowed: unique names (Zarf addresses charts, components and manifests by name). Fix: give the second one another name.');
    expect(() => UdsBundlePackage.local(zarf(), '')).toThrow(
      '[UdsBundlePackage secrets-platform] path: received "". Allowed: the directory `zarf package create` writes the package archive to, relative to uds-bundle.yaml. Fix: pass a path such as "dist/zarf".');
    expect(() => UdsBundlePackage.remote({ name: 'core', repository: ' ', ref: '1' })).toThrow(
      '[UdsBundlePackage core] repository: received " ". Allowed: an OCI repository of the package. Fix: pass a repository such as "ghcr.io/defenseunicorns/packages/uds/core".');
  });
});
