import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { BOOTSTRAP_PULL_SECRET_NAME, PULL_SECRET_NAME } from '../../examples/hardened-images/declaration';
import { ESO_DIGEST, RELOADER_DIGEST } from '../../examples/hardened-images/images';
import { addHardenedImagesChart } from '../../examples/hardened-images/k8s';
import { addHardenedImagesStack } from '../../examples/hardened-images/tf';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { K8sManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, parsePolicy, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

/** Every key path of a JSON value (`a.b.c`), to prove a key is absent at any depth. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

describe('example: hardened images', () => {
  const stack = synthTerraform(addHardenedImagesStack(Testing.app()));
  const manifests = synthValid(addHardenedImagesChart(new K8sApp()));
  const eso = helmValues(stack, 'external-secrets');
  const reloader = helmValues(stack, 'reloader');
  const esoImage = {
    repository: 'registry1.dso.mil/ironbank/opensource/external-secrets/external-secrets',
    tag: `v2.9.0@${ESO_DIGEST}`,
  };

  test('the digests are well-formed sha256 digests (placeholders to replace, not image content)', () => {
    // GIVEN / WHEN / THEN
    expect(ESO_DIGEST).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(RELOADER_DIGEST).toMatch(/^sha256:[a-f0-9]{64}$/);
  });

  test('ESO: controller, webhook and cert controller run the Iron Bank image pinned by digest, with both pull secrets', () => {
    // GIVEN the ESO values; WHEN reading the three components; THEN image and pull secrets are exact
    const pullSecrets = [{ name: 'registry1-pull' }, { name: 'registry1-pull-bootstrap' }];
    expect(eso.image).toEqual(esoImage);
    expect(eso.imagePullSecrets).toEqual(pullSecrets);
    expect(eso.webhook).toEqual({ image: esoImage, imagePullSecrets: pullSecrets });
    expect(eso.certController).toEqual({ image: esoImage, imagePullSecrets: pullSecrets });
    expect(eso.serviceAccount).toEqual({
      create: true, name: 'external-secrets',
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/hardened-platform-prod-eso-controller' },
    });
    expect(Object.keys(eso).sort()).toEqual([
      'certController', 'image', 'imagePullSecrets', 'installCRDs', 'processClusterExternalSecret', 'processClusterGenerator', 'processClusterPushSecret',
      'processClusterStore', 'processPushSecret', 'processSecretStore', 'serviceAccount', 'webhook',
    ]);
    // Only the reconcilers of what the declaration renders on the cluster (one ClusterSecretStore).
    expect(eso).toMatchObject({
      processClusterStore: true, processSecretStore: false, processPushSecret: false,
      processClusterExternalSecret: false, processClusterPushSecret: false, processClusterGenerator: false,
    });
    expectValidEsoValues(eso);
  });

  test('Reloader: the Iron Bank image by digest, the ESO-synced pull secret, annotations strategy and reload on create', () => {
    // GIVEN / WHEN / THEN
    expect(reloader).toEqual({
      global: { imagePullSecrets: [{ name: 'registry1-pull' }] },
      image: { digest: RELOADER_DIGEST, repository: 'registry1.dso.mil/ironbank/opensource/stakater/reloader', tag: 'v1.4.21' },
      reloader: { reloadOnCreate: true, reloadStrategy: 'annotations' },
    });
    expectValidReloaderValues(reloader);
  });

  test('security contexts stay at the charts\' hardened defaults: no security context key is emitted', () => {
    // GIVEN every key path of both values documents
    const paths = [...keyPaths(eso), ...keyPaths(reloader)];
    // THEN none overrides a security context, and no global registry override drops the digest
    expect(paths.filter((p) => /securitycontext|readonlyrootfilesystem|runas|privileged|capabilities/i.test(p))).toEqual([]);
    expect(paths.filter((p) => /global\.(imageRegistry|repository)/.test(p))).toEqual([]);
  });

  test('the releases pin chart 2.9.0 / 2.2.16 and Reloader installs after ESO', () => {
    // GIVEN / WHEN
    const esoRelease = resourceWhere(stack, 'helm_release', 'name', 'external-secrets');
    const reloaderRelease = resourceWhere(stack, 'helm_release', 'name', 'reloader');
    const [esoId] = Object.entries(stack.resource!.helm_release).find(([, body]) => body === esoRelease)!;
    // THEN
    expect(esoRelease.version).toBe('2.9.0');
    expect(reloaderRelease.version).toBe('2.2.16');
    expect(reloaderRelease.namespace).toBe('reloader');
    expect(reloaderRelease.depends_on).toEqual([`helm_release.${esoId}`]);
  });

  test('the registry credentials are write-only; the controller reads exactly them', () => {
    // GIVEN / WHEN
    const [version] = resourcesOf(stack, 'aws_secretsmanager_secret_version');
    const [policy] = resourcesOf(stack, 'aws_iam_role_policy');
    // THEN
    expect(valueLeaks(stack)).toEqual([]);
    expect(version.secret_string_wo).toBe('${var.registry1_pull_credentials}');
    expect(stack.variable?.registry1_pull_credentials).toEqual(expect.objectContaining({ sensitive: true, type: 'string' }));
    expect(parsePolicy(policy.policy).Statement[0].Resource).toEqual([
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:platform/registry1/pull-credentials-??????',
    ]);
  });

  test('ESO delivers a kubernetes.io/dockerconfigjson pull Secret into the ESO and Reloader namespaces', () => {
    // GIVEN the ExternalSecrets
    const pulls = manifests.filter((m) => m.kind === 'ExternalSecret');
    // THEN exactly one per namespace, named as the releases reference it, templated as a docker config
    expect(pulls.map((m) => m.metadata?.namespace).sort()).toEqual(['external-secrets', 'reloader']);
    for (const es of pulls) {
      expect(es.metadata?.name).toBe(PULL_SECRET_NAME);
      expect(es.spec?.target).toEqual({
        name: PULL_SECRET_NAME,
        creationPolicy: 'Owner',
        deletionPolicy: 'Retain',
        template: {
          engineVersion: 'v2',
          mergePolicy: 'Replace',
          type: 'kubernetes.io/dockerconfigjson',
          data: {
            '.dockerconfigjson': '{"auths":{"registry1.dso.mil":{"username":"{{ .username }}","password":"{{ .password }}",'
              + '"auth":"{{ printf "%s:%s" .username .password | b64enc }}"}}}',
          },
        },
      });
      expect(es.spec?.data).toEqual([
        { secretKey: 'username', remoteRef: { key: 'platform/registry1/pull-credentials', property: 'username' } },
        { secretKey: 'password', remoteRef: { key: 'platform/registry1/pull-credentials', property: 'password' } },
      ]);
    }
  });

  test('the bootstrap pull secret is never rendered (created out of band), and the store admits only the two namespaces', () => {
    // GIVEN / WHEN
    const secretNames = manifests.filter((m) => m.kind === 'Secret' || m.kind === 'ExternalSecret').map((m) => m.metadata?.name);
    const store = manifests.find((m) => m.kind === 'ClusterSecretStore')!;
    // THEN
    expect(secretNames).not.toContain(BOOTSTRAP_PULL_SECRET_NAME);
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(store.spec?.conditions).toEqual([{ namespaces: ['external-secrets', 'reloader'] }]);
  });

  test('Argo CD sync waves: Reloader namespace, store (1), ExternalSecrets (2); the ESO namespace belongs to the Helm release', () => {
    // GIVEN / WHEN
    const wave = (m: K8sManifest) => m.metadata?.annotations?.['argocd.argoproj.io/sync-wave'];
    const summary = manifests.map((m) => `${m.kind}/${m.metadata?.namespace ?? ''}/${m.metadata?.name}=${wave(m) ?? 'none'}`).sort();
    // THEN
    expect(summary).toEqual([
      'ClusterSecretStore//platform-secrets-manager=1',
      'ExternalSecret/external-secrets/registry1-pull=2',
      'ExternalSecret/reloader/registry1-pull=2',
      'Namespace//reloader=none',
    ]);
  });
});
