import { ContainerImage, ImagePullPolicy } from '../../lib/helm/container-image';
import { ReloaderHelmRelease } from '../../lib/helm/reloader-release';
import { ReloaderLogFormat, ReloaderLogLevel, ReloadStrategy } from '../../lib/helm/reloader-values';
import { expectValidReloaderValues } from '../helpers/chart-schema';
import { findRelease, newStack, releaseValues, synth } from './synth';

describe('ReloaderHelmRelease', () => {
  test('installs the pinned chart with ESO-friendly defaults', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const reloader = new ReloaderHelmRelease(stack, 'Reloader');
    // THEN
    const doc = synth(stack);
    expect(findRelease(doc, 'reloader')).toMatchObject({
      chart: 'reloader',
      version: '2.2.16',
      repository: 'https://stakater.github.io/stakater-charts',
      namespace: 'reloader',
      create_namespace: true,
      atomic: true,
      wait: true,
    });
    const values = releaseValues(doc, 'reloader');
    expect(values).toEqual({ reloader: { reloadStrategy: 'annotations', reloadOnCreate: true } });
    expectValidReloaderValues(values);
    expect(reloader.chartVersion).toBe('2.2.16');
    expect(reloader.fqn).toBe(reloader.release.fqn);
  });

  test('renders every typed value under the chart keys', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ReloaderHelmRelease(stack, 'Reloader', {
      releaseName: 'stakater-reloader',
      namespace: 'platform',
      values: {
        namespaceSelector: ['reloader=enabled', 'env!=sandbox'],
        ignoreNamespaces: ['kube-system', 'kube-public'],
        resourceLabelSelector: ['managed-by=external-secrets'],
        reloadStrategy: ReloadStrategy.ENV_VARS,
        reloadOnCreate: true,
        reloadOnDelete: true,
        syncAfterRestart: true,
        ignoreConfigMaps: true,
        ignoreJobs: true,
        ignoreCronJobs: true,
        autoReloadAll: false,
        enableHA: true,
        replicas: 2,
        resources: { requests: { cpu: '10m', memory: '128Mi' }, limits: { memory: '512Mi' } },
        podSecurityContext: { runAsUser: 65532, fsGroup: 65532 },
        containerSecurityContext: { allowPrivilegeEscalation: false, capabilitiesDrop: ['ALL'], readOnlyRootFilesystem: true },
        readOnlyRootFileSystem: true,
        logFormat: ReloaderLogFormat.JSON,
        logLevel: ReloaderLogLevel.DEBUG,
      },
    });
    // THEN
    const values = releaseValues(synth(stack), 'stakater-reloader');
    expect(values).toEqual({
      reloader: {
        namespaceSelector: 'reloader=enabled,env!=sandbox',
        ignoreNamespaces: 'kube-system,kube-public',
        resourceLabelSelector: 'managed-by=external-secrets',
        reloadStrategy: 'env-vars',
        reloadOnCreate: true,
        reloadOnDelete: true,
        syncAfterRestart: true,
        ignoreConfigMaps: true,
        ignoreJobs: true,
        ignoreCronJobs: true,
        autoReloadAll: false,
        enableHA: true,
        readOnlyRootFileSystem: true,
        logFormat: 'json',
        logLevel: 'debug',
        deployment: {
          replicas: 2,
          resources: { requests: { cpu: '10m', memory: '128Mi' }, limits: { memory: '512Mi' } },
          securityContext: { runAsUser: 65532, fsGroup: 65532 },
          containerSecurityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
        },
      },
    });
    expectValidReloaderValues(values);
  });

  test('scoped mode: namespaces imply watchGlobally false', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ReloaderHelmRelease(stack, 'Reloader', { values: { namespaces: ['team-a', 'team-b'] } });
    // THEN
    const values = releaseValues(synth(stack), 'reloader');
    expect(values.reloader).toMatchObject({ watchGlobally: false, namespaces: ['team-a', 'team-b'] });
    expectValidReloaderValues(values);
  });

  test('hardened image by digest with pull secrets', () => {
    // GIVEN
    const stack = newStack();
    const digest = `sha256:${'c'.repeat(64)}`;
    // WHEN
    new ReloaderHelmRelease(stack, 'Reloader', {
      values: {
        image: ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'chainguard/stakater-reloader', digest, pullPolicy: ImagePullPolicy.IF_NOT_PRESENT }),
        imagePullSecrets: ['chainguard-pull'],
      },
    });
    // THEN
    const values = releaseValues(synth(stack), 'reloader');
    expect(values.image).toEqual({ repository: 'cgr.dev/chainguard/stakater-reloader', digest, pullPolicy: 'IfNotPresent' });
    expect(values.global).toEqual({ imagePullSecrets: [{ name: 'chainguard-pull' }] });
    expectValidReloaderValues(values);
  });

  test('extraValues are deep-merged on top of the typed values', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ReloaderHelmRelease(stack, 'Reloader', {
      values: { reloadOnCreate: false },
      extraValues: { reloader: { reloadOnCreate: true, deployment: { nodeSelector: { pool: 'system' } } } },
    });
    // THEN
    const values = releaseValues(synth(stack), 'reloader');
    expect(values.reloader).toEqual({ reloadStrategy: 'annotations', reloadOnCreate: true, deployment: { nodeSelector: { pool: 'system' } } });
    expectValidReloaderValues(values);
  });

  describe('validation', () => {
    test('fails on extraValues the chart schema rejects', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { extraValues: { reloader: { reloadStrategy: 'restart' } } })).toThrow(
        '[test/Reloader] extraValues: received values that chart reloader 2.2.16 rejects: /reloader/reloadStrategy must be equal to one of the allowed values. '
        + 'Allowed: values valid against the values.schema.json of chart reloader 2.2.16 (helm install and upgrade refuse any other). '
        + 'Fix: correct or remove the listed keys (for a release: in extraValues, or the typed prop that renders them).');
    });

    test('fails when both Secrets and ConfigMaps are ignored', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { ignoreSecrets: true, ignoreConfigMaps: true } })).toThrow(
        '[test/Reloader] values.ignoreSecrets: received true. Allowed: values.ignoreSecrets or values.ignoreConfigMaps, not both. ' +
        'Fix: Reloader can ignore Secrets or ConfigMaps, not both: keep ignoreSecrets false next to ESO.');
    });

    test('fails on several replicas without HA', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { replicas: 3 } })).toThrow(
        '[test/Reloader] values.replicas: received 3. Allowed: 1 unless enableHA is true (the chart silently clamps replicas to 1 without leader election). ' +
        'Fix: set enableHA: true to run several replicas with leader election, or set replicas to 1.');
    });

    test('fails on namespaces with watchGlobally true', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { watchGlobally: true, namespaces: ['team-a'] } })).toThrow(
        '[test/Reloader] values.namespaces: received ["team-a"]. Allowed: a namespace list only when watchGlobally is false (the chart ignores the list otherwise). ' +
        'Fix: remove watchGlobally: true, or remove namespaces to watch every namespace.');
    });

    test('fails on a namespace selector when not watching globally', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { watchGlobally: false, namespaceSelector: ['a=b'] } })).toThrow(
        '[test/Reloader] values.namespaceSelector: received "a=b". Allowed: a namespace selector only when watchGlobally is true (Reloader ignores it otherwise). ' +
        'Fix: set watchGlobally to true (the default), or use namespaces to list the namespaces to watch.');
    });

    test('fails on syncAfterRestart without reloadOnCreate', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { reloadOnCreate: false, syncAfterRestart: true } })).toThrow(
        '[test/Reloader] values.syncAfterRestart: received true. Allowed: true only together with reloadOnCreate: true (it has no effect otherwise). ' +
        'Fix: set reloadOnCreate: true, or remove syncAfterRestart.');
    });

    test('fails on a watched namespace that is not a DNS label', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { namespaces: ['Team_A'] } })).toThrow(
        '[test/Reloader] values.namespaces[0]: received "Team_A". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. ' +
        'Fix: rename it, for example "team-a".');
    });

    test('fails on a bad release name', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { releaseName: 'reloader-' })).toThrow(
        '[test/Reloader] releaseName: received "reloader-". Allowed: a Helm release name: at most 53 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. ' +
        'Fix: shorten or rename it, for example "external-secrets" or "reloader".');
    });

    test('fails on a bad namespace', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { namespace: 'Reloader' })).toThrow(
        '[test/Reloader] namespace: received "Reloader". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. ' +
        'Fix: rename it, for example "reloader".');
    });

    test('fails on a pod security context running as root', () => {
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { podSecurityContext: { runAsUser: 0 } } })).toThrow(
        '[test/Reloader] values.podSecurityContext.runAsUser: received 0. Allowed: a non-zero user ID (the charts never run as root). ' +
        'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    });

    test('fails on a bad image digest', () => {
      const image = ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'chainguard/stakater-reloader', digest: 'sha256:1234567' });
      expect(() => new ReloaderHelmRelease(newStack(), 'Reloader', { values: { image } })).toThrow(
        '[test/Reloader] values.image.digest: received "sha256:1234567". Allowed: a digest "sha256:" followed by 64 lowercase hex characters, or "sha512:" followed by 128. ' +
        'Fix: copy the digest from `crane digest <image>` or your registry, including the algorithm prefix.');
    });
  });
});
