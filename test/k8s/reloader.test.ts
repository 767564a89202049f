import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as kplus33 from 'cdk8s-plus-33';
import { Duration } from '../../lib/core/duration';
import { ExternalSecret, IReloadableWorkload, ReloadMechanism, ReloaderMode, ReloaderWiring, SecretStore, SecretStoreProvider } from '../../lib/k8s';
import { findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';

function setup(): { c: Chart; db: ExternalSecret; api: ExternalSecret; deploy: kplus.Deployment } {
  const c = new Chart(Testing.app(), 'test', { namespace: 'team-a' });
  const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
  const db = new ExternalSecret(c, 'db', { store, target: { name: 'z-db' }, data: [{ secretKey: 'password', remoteRef: { key: 'db' } }] });
  const api = new ExternalSecret(c, 'api', { store, target: { name: 'a-api' }, data: [{ secretKey: 'token', remoteRef: { key: 'api' } }] });
  const deploy = new kplus.Deployment(c, 'web', { metadata: { name: 'web' }, containers: [{ image: 'nginx:1.27' }] });
  deploy.containers[0].env.addVariable('DB_PASSWORD', db.envValue('password'));
  deploy.addVolume(kplus.Volume.fromSecret(c, 'api-vol', api.secret));
  return { c, db, api, deploy };
}

function annotations(m: K8sManifest[], kind: string, name: string): Record<string, string> | undefined {
  return (findManifest(m, kind, name).metadata as { annotations?: Record<string, string> }).annotations;
}

describe('ReloaderWiring', () => {
  test('LIST mode annotates the workload with the sorted target Secret names and a pause period', () => {
    // GIVEN
    const { c, db, api } = setup();
    const deploy = c.node.findChild('web') as kplus.Deployment;
    // WHEN
    const wiring = new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [db, api], pausePeriod: Duration.minutes(5) });
    // THEN
    const m = synthValid(c);
    expect(annotations(m, 'Deployment', 'web')).toEqual({
      'secret.reloader.stakater.com/reload': 'a-api,z-db',
      'deployment.reloader.stakater.com/pause-period': '5m',
    });
    expect(wiring.secretNames).toEqual(['a-api', 'z-db']);
    expect(m).toMatchSnapshot();
  });

  test('two LIST wirings of one workload merge into one annotation', () => {
    // GIVEN
    const { c, db, api, deploy } = setup();
    // WHEN
    new ReloaderWiring(c, 'r1', { workload: deploy, externalSecrets: [db] });
    new ReloaderWiring(c, 'r2', { workload: deploy, externalSecrets: [api] });
    // THEN
    expect(annotations(synthValid(c), 'Deployment', 'web')).toEqual({ 'secret.reloader.stakater.com/reload': 'a-api,z-db' });
  });

  test('SEARCH mode annotates the workload and each ExternalSecret template', () => {
    // GIVEN
    const { c, db, api, deploy } = setup();
    // WHEN
    new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [db, api], mode: ReloaderMode.SEARCH });
    // THEN
    const m = synthValid(c);
    expect(annotations(m, 'Deployment', 'web')).toEqual({ 'reloader.stakater.com/search': 'true' });
    for (const es of [db, api]) {
      const spec = findManifest(m, 'ExternalSecret', es.externalSecretName).spec as { target: { template: { metadata: { annotations: unknown } } } };
      expect(spec.target.template.metadata.annotations).toEqual({ 'reloader.stakater.com/match': 'true' });
    }
  });

  test('AUTO mode works on a StatefulSet', () => {
    // GIVEN
    const { c, db } = setup();
    const sts = new kplus.StatefulSet(c, 'sts', { metadata: { name: 'db-sts' }, containers: [{ image: 'postgres:16', ports: [{ number: 5432 }] }] });
    sts.containers[0].env.copyFrom(kplus.Env.fromSecret(db.secret));
    // WHEN
    new ReloaderWiring(c, 'reload', { workload: sts, externalSecrets: [db], mode: ReloaderMode.AUTO });
    // THEN
    const m = synthValid(c);
    expect(annotations(m, 'StatefulSet', 'db-sts')).toEqual({ 'reloader.stakater.com/auto': 'true' });
  });

  test('fails when AUTO and SEARCH are combined on one workload', () => {
    // GIVEN
    const { c, db, deploy } = setup();
    new ReloaderWiring(c, 'auto', { workload: deploy, externalSecrets: [db], mode: ReloaderMode.AUTO });
    // WHEN / THEN
    expect(() => new ReloaderWiring(c, 'search', { workload: deploy, externalSecrets: [db], mode: ReloaderMode.SEARCH })).toThrow(
      '[test/search] mode: received "Search". Allowed: one Reloader mode per workload: reloader.stakater.com/auto and reloader.stakater.com/search cannot be combined on workload "web" (auto wins and search is ignored). Fix: use ReloaderMode.LIST or ReloaderMode.SEARCH for every wiring of this workload, or ReloaderMode.AUTO alone.');
  });

  test('fails for SEARCH on a workload the user annotated with auto', () => {
    // GIVEN
    const { c, db, deploy } = setup();
    deploy.metadata.addAnnotation('reloader.stakater.com/auto', 'true');
    // WHEN / THEN
    expect(() => new ReloaderWiring(c, 'search', { workload: deploy, externalSecrets: [db], mode: ReloaderMode.SEARCH })).toThrow('[test/search] mode: received "Search". Allowed: one Reloader mode per workload: reloader.stakater.com/auto and reloader.stakater.com/search cannot be combined on workload "web" (auto wins and search is ignored). Fix: use ReloaderMode.LIST or ReloaderMode.SEARCH for every wiring of this workload, or ReloaderMode.AUTO alone.');
  });

  test('fails for an ExternalSecret in another namespace', () => {
    // GIVEN
    const { c, deploy } = setup();
    const store = SecretStore.fromSecretStoreName(c, 'b-store', 'aws', 'team-b');
    const other = new ExternalSecret(c, 'other', { name: 'other', namespace: 'team-b', store, data: [{ secretKey: 'a', remoteRef: { key: 'a' } }] });
    // WHEN / THEN
    expect(() => new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [other] })).toThrow(
      '[test/reload] externalSecrets: received "team-b/other". Allowed: ExternalSecrets in the workload\'s namespace "team-a" (no ExternalSecret in that namespace produces this Secret). Fix: create the ExternalSecret in namespace "team-a" (a ClusterExternalSecret can fan it out).');
  });

  test('fails at synth for a Secret the workload does not consume', () => {
    // GIVEN
    const { c, db } = setup();
    const lonely = new kplus.Deployment(c, 'lonely', { metadata: { name: 'lonely' }, containers: [{ image: 'nginx:1.27' }] });
    // WHEN
    new ReloaderWiring(c, 'reload', { workload: lonely, externalSecrets: [db] });
    // THEN
    expect(() => Testing.synth(c)).toThrow(
      '[test/reload] externalSecrets: received "z-db". Allowed: Secrets the workload "lonely" consumes (env, envFrom or volumes); it consumes none. Fix: reference the Secret from a container (EnvValue.fromSecretValue, Env.fromSecret or Volume.fromSecret with externalSecret.secret), or drop it from externalSecrets.');
  });

  test('fails at synth for a Secret the workload does not consume, listing what it consumes', () => {
    // GIVEN
    const { c, db, api } = setup();
    const ds = new kplus.DaemonSet(c, 'agent', { metadata: { name: 'agent' }, containers: [{ image: 'agent:1' }] });
    ds.containers[0].env.addVariable('T', api.envValue('token'));
    // WHEN
    new ReloaderWiring(c, 'reload', { workload: ds, externalSecrets: [db, api] });
    // THEN
    expect(() => Testing.synth(c)).toThrow(
      '[test/reload] externalSecrets: received "z-db". Allowed: Secrets the workload "agent" consumes (env, envFrom or volumes): "a-api". Fix: reference the Secret from a container (EnvValue.fromSecretValue, Env.fromSecret or Volume.fromSecret with externalSecret.secret), or drop it from externalSecrets.');
  });

  describe('pausePeriod bounds (Reloader time.ParseDuration, Deployments only)', () => {
    test('a whole number of seconds is rendered as a Go duration', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN
      new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [db], pausePeriod: Duration.seconds(90) });
      // THEN
      expect(annotations(synthValid(c), 'Deployment', 'web')?.['deployment.reloader.stakater.com/pause-period']).toBe('1m30s');
    });

    test.each([
      ['zero', Duration.ZERO, '[test/reload] pausePeriod: received Duration.ZERO (0s). Allowed: a duration greater than zero (a zero pause resumes the Deployment at once: leave pausePeriod out for no pause). Fix: pass at least Duration.seconds(1).'],
      ['sub-second', Duration.millis(500), '[test/reload] pausePeriod: received Duration.millis(500) (500ms). Allowed: a duration of at least 1s. Fix: pass at least Duration.seconds(1).'],
      ['fractional seconds', Duration.millis(1500), '[test/reload] pausePeriod: received Duration.millis(1500) (1s500ms). Allowed: a whole number of seconds (the consumer counts in seconds). Fix: pass Duration.seconds(2).'],
      ['negative', Duration.minutes(-1), '[test/reload] pausePeriod: received Duration.minutes(-1). Allowed: a Go duration: zero or more (a negative duration is never valid here). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as "1h30m".'],
      ['past Go\'s range', Duration.days(200000), '[test/reload] pausePeriod: received Duration.days(200000). Allowed: a Go duration: at most 2562047h47m16.854775807s (Go\'s int64 nanoseconds). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as "1h30m".'],
      ['a string', '5m', '[test/reload] pausePeriod: received a string. Allowed: a Duration (Duration.seconds(), minutes(), hours(), days() or parse()). Fix: pass a Duration (Duration.seconds(), minutes(), hours(), days() or parse()).'],
    ])('fails for a pausePeriod %s', (_name, pausePeriod, message) => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [db], pausePeriod: pausePeriod as Duration })).toThrow(message);
    });

    test('fails for a pausePeriod on a StatefulSet (only Deployments can be paused)', () => {
      // GIVEN
      const { c, db } = setup();
      const sts = new kplus.StatefulSet(c, 'sts', { metadata: { name: 'db-sts' }, containers: [{ image: 'postgres:16', ports: [{ number: 5432 }] }] });
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'reload', { workload: sts, externalSecrets: [db], pausePeriod: Duration.minutes(5) })).toThrow(
        '[test/reload] pausePeriod: received "5m". Allowed: a pause period on a Deployment only (Reloader pauses a Deployment\'s rollouts; workload "db-sts" is a StatefulSet, which cannot be paused). Fix: remove pausePeriod for this workload.');
    });
  });

  test('fails without ExternalSecrets', () => {
    // GIVEN
    const { c, deploy } = setup();
    // WHEN / THEN
    expect(() => new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [] })).toThrow(
      '[test/reload] externalSecrets: received []. Allowed: at least one ExternalSecret the workload consumes. Fix: pass the ExternalSecrets whose Secrets the workload uses.');
  });

  describe('any workload (structural typing)', () => {
    test('a cdk8s-plus-33 Deployment is annotated like a cdk8s-plus-28 one', () => {
      // GIVEN
      const { c, db } = setup();
      const web33 = new kplus33.Deployment(c, 'web33', { metadata: { name: 'web33' }, containers: [{ image: 'nginx:1.27' }] });
      web33.containers[0].env.addVariable('DB', kplus33.EnvValue.fromSecretValue({ secret: kplus33.Secret.fromSecretName(c, 's33', db.targetSecretName), key: 'password' }));
      // WHEN
      new ReloaderWiring(c, 'reload', { workload: web33, externalSecrets: [db] });
      // THEN
      expect(annotations(synthValid(c), 'Deployment', 'web33')).toEqual({ 'secret.reloader.stakater.com/reload': 'z-db' });
    });

    test('a cdk8s-plus-33 StatefulSet and DaemonSet take AUTO and SEARCH', () => {
      // GIVEN
      const { c, db, api } = setup();
      const sts = new kplus33.StatefulSet(c, 'sts33', { metadata: { name: 'sts33' }, containers: [{ image: 'postgres:16', ports: [{ number: 5432 }] }] });
      sts.containers[0].env.copyFrom(kplus33.Env.fromSecret(kplus33.Secret.fromSecretName(c, 'sdb', db.targetSecretName)));
      const ds = new kplus33.DaemonSet(c, 'ds33', { metadata: { name: 'ds33' }, containers: [{ image: 'agent:1' }] });
      ds.addVolume(kplus33.Volume.fromSecret(c, 'v', kplus33.Secret.fromSecretName(c, 'sapi', api.targetSecretName)));
      // WHEN
      new ReloaderWiring(c, 'r-sts', { workload: sts, externalSecrets: [db], mode: ReloaderMode.AUTO });
      new ReloaderWiring(c, 'r-ds', { workload: ds, externalSecrets: [api], mode: ReloaderMode.SEARCH });
      // THEN
      const m = synthValid(c);
      expect(annotations(m, 'StatefulSet', 'sts33')).toEqual({ 'reloader.stakater.com/auto': 'true' });
      expect(annotations(m, 'DaemonSet', 'ds33')).toEqual({ 'reloader.stakater.com/search': 'true' });
    });

    test('a plain ApiObject Deployment is annotated and checked for consumption', () => {
      // GIVEN
      const { c, db } = setup();
      const raw = new ApiObject(c, 'raw', {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'raw', namespace: 'team-a' },
        spec: {
          selector: { matchLabels: { app: 'raw' } },
          template: {
            metadata: { labels: { app: 'raw' } },
            spec: { containers: [{ name: 'app', image: 'app:1', envFrom: [{ secretRef: { name: 'z-db' } }] }] },
          },
        },
      });
      // WHEN
      const wiring = new ReloaderWiring(c, 'reload', { workload: raw, externalSecrets: [db] });
      // THEN
      expect(wiring.mechanism).toBe(ReloadMechanism.STAKATER_RELOADER);
      expect(annotations(synthValid(c), 'Deployment', 'raw')).toEqual({ 'secret.reloader.stakater.com/reload': 'z-db' });
    });

    test('a plain ApiObject that does not consume the Secret fails at synth', () => {
      // GIVEN
      const { c, db } = setup();
      const raw = new ApiObject(c, 'raw', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'raw' }, spec: { template: { spec: { containers: [] } } } });
      // WHEN
      new ReloaderWiring(c, 'reload', { workload: raw, externalSecrets: [db] });
      // THEN
      expect(() => Testing.synth(c)).toThrow(
        '[test/reload] externalSecrets: received "z-db". Allowed: Secrets the workload "raw" consumes (env, envFrom or volumes); it consumes none. Fix: reference the Secret from a container (EnvValue.fromSecretValue, Env.fromSecret or Volume.fromSecret with externalSecret.secret), or drop it from externalSecrets.');
    });

    test('fails for a cdk8s-plus Job', () => {
      // GIVEN
      const { c, db } = setup();
      const job = new kplus.Job(c, 'job', { containers: [{ image: 'migrate:1' }] });
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'reload', { workload: job as unknown as IReloadableWorkload, externalSecrets: [db] })).toThrow(
        '[test/reload] workload: received "Job". Allowed: a Deployment, StatefulSet or DaemonSet (from any cdk8s-plus 2.x line, or an apps/v1 ApiObject of one of those kinds). Fix: wire the ExternalSecrets to the Deployment, StatefulSet or DaemonSet that owns the pod template (Jobs and CronJobs read their Secrets at every run).');
    });

    test('fails for a plain ApiObject Pod', () => {
      // GIVEN
      const { c, db } = setup();
      const pod = new ApiObject(c, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'reload', { workload: pod, externalSecrets: [db] })).toThrow(
        '[test/reload] workload: received "Pod". Allowed: a Deployment, StatefulSet or DaemonSet (from any cdk8s-plus 2.x line, or an apps/v1 ApiObject of one of those kinds). Fix: wire the ExternalSecrets to the Deployment, StatefulSet or DaemonSet that owns the pod template (Jobs and CronJobs read their Secrets at every run).');
    });

    test('fails for a missing workload from a JavaScript caller', () => {
      // GIVEN
      const { c, db } = setup();
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'reload', { workload: undefined as unknown as IReloadableWorkload, externalSecrets: [db] })).toThrow(
        '[test/reload] workload: received undefined. Allowed: a Deployment, StatefulSet or DaemonSet (from any cdk8s-plus 2.x line, or an apps/v1 ApiObject of one of those kinds). Fix: wire the ExternalSecrets to the Deployment, StatefulSet or DaemonSet that owns the pod template (Jobs and CronJobs read their Secrets at every run).');
    });
  });

  describe('UDS Core pod reload', () => {
    function secretMetadata(m: K8sManifest[], es: ExternalSecret): { labels?: Record<string, string>; annotations?: Record<string, string> } | undefined {
      const spec = findManifest(m, 'ExternalSecret', es.externalSecretName).spec as { target: { template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } } } };
      return spec.target.template?.metadata;
    }

    test('labels each target Secret and leaves the workload without Reloader annotations', () => {
      // GIVEN
      const { c, db, api, deploy } = setup();
      // WHEN
      const wiring = new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [db, api], mechanism: ReloadMechanism.UDS_CORE });
      // THEN
      const m = synthValid(c);
      expect(wiring.mechanism).toBe(ReloadMechanism.UDS_CORE);
      expect(annotations(m, 'Deployment', 'web')).toBeUndefined();
      for (const es of [db, api]) {
        expect(secretMetadata(m, es)).toEqual({ labels: { 'uds.dev/pod-reload': 'true' } });
      }
      expect(JSON.stringify(m)).not.toContain('reloader.stakater.com');
    });

    test('narrows the restart with uds.dev/pod-reload-selector from the pod labels', () => {
      // GIVEN
      const c = new Chart(Testing.app(), 'test', { namespace: 'team-a' });
      const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
      const db = new ExternalSecret(c, 'db', { store, target: { name: 'db' }, data: [{ secretKey: 'password', remoteRef: { key: 'db' } }] });
      const web = new kplus33.Deployment(c, 'web', { metadata: { name: 'web' }, podMetadata: { labels: { app: 'web', tier: 'front' } }, containers: [{ image: 'nginx:1.27' }] });
      web.containers[0].env.copyFrom(kplus33.Env.fromSecret(kplus33.Secret.fromSecretName(c, 's', 'db')));
      // WHEN
      new ReloaderWiring(c, 'reload', { workload: web, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE, udsPodSelector: { tier: 'front', app: 'web' } });
      // THEN
      expect(secretMetadata(synthValid(c), db)).toEqual({
        labels: { 'uds.dev/pod-reload': 'true' },
        annotations: { 'uds.dev/pod-reload-selector': 'app=web,tier=front' },
      });
    });

    test('fails at synth when the selector does not match the pod template', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN
      new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE, udsPodSelector: { app: 'web' } });
      // THEN
      const podLabels = (ApiObject.of(deploy).toJson().spec.template.metadata.labels) as Record<string, string>;
      expect(() => Testing.synth(c)).toThrow(
        `[test/reload] udsPodSelector: received "app=web". Allowed: a selector matching the pod template labels of workload "web": ${JSON.stringify(podLabels)}. Fix: use labels the pod template carries (workload.podMetadata.addLabel adds one), or leave udsPodSelector out.`);
    });

    test('fails for Reloader after UDS on one workload', () => {
      // GIVEN
      const { c, db, api, deploy } = setup();
      new ReloaderWiring(c, 'uds', { workload: deploy, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE });
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'stakater', { workload: deploy, externalSecrets: [api] })).toThrow(
        '[test/stakater] mechanism: received "StakaterReloader". Allowed: one reload mechanism per workload: workload "web" is already rolled by "UdsCore" (both would restart it on every change). Fix: use mechanism "UdsCore" for every wiring of this workload, or move all of them to "StakaterReloader".');
    });

    test('fails for UDS after Reloader on one workload', () => {
      // GIVEN
      const { c, db, api, deploy } = setup();
      new ReloaderWiring(c, 'stakater', { workload: deploy, externalSecrets: [db] });
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'uds', { workload: deploy, externalSecrets: [api], mechanism: ReloadMechanism.UDS_CORE })).toThrow(
        '[test/uds] mechanism: received "UdsCore". Allowed: one reload mechanism per workload: workload "web" is already rolled by "StakaterReloader" (both would restart it on every change). Fix: use mechanism "StakaterReloader" for every wiring of this workload, or move all of them to "UdsCore".');
    });

    test('fails for UDS on a workload the user annotated for Reloader', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      deploy.metadata.addAnnotation('reloader.stakater.com/auto', 'true');
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'uds', { workload: deploy, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE })).toThrow(
        '[test/uds] mechanism: received "UdsCore". Allowed: one reload mechanism per workload: workload "web" is already rolled by "StakaterReloader" (both would restart it on every change). Fix: use mechanism "StakaterReloader" for every wiring of this workload, or move all of them to "UdsCore".');
    });

    test('fails for a Reloader mode with UDS', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'uds', { workload: deploy, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE, mode: ReloaderMode.AUTO })).toThrow(
        '[test/uds] mode: received "Auto". Allowed: no Stakater Reloader option with ReloadMechanism.UDS_CORE (the UDS operator reads only the Secret\'s uds.dev/pod-reload label and selector). Fix: remove mode, or use ReloadMechanism.STAKATER_RELOADER.');
    });

    test('fails for a pause period with UDS', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'uds', { workload: deploy, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE, pausePeriod: Duration.minutes(5) })).toThrow(
        '[test/uds] pausePeriod: received "5m". Allowed: no Stakater Reloader option with ReloadMechanism.UDS_CORE (the UDS operator reads only the Secret\'s uds.dev/pod-reload label and selector). Fix: remove pausePeriod, or use ReloadMechanism.STAKATER_RELOADER.');
    });

    test('fails for a UDS selector with Reloader', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'r', { workload: deploy, externalSecrets: [db], udsPodSelector: { app: 'web' } })).toThrow(
        '[test/r] udsPodSelector: received {"app":"web"}. Allowed: no udsPodSelector with ReloadMechanism.STAKATER_RELOADER (Reloader rolls the annotated workload itself). Fix: remove udsPodSelector, or use ReloadMechanism.UDS_CORE.');
    });

    test.each([
      [{}, '{}'],
      [{ 'bad key!': 'web' }, '{"bad key!":"web"}'],
      [{ app: '-web' }, '{"app":"-web"}'],
    ])('fails for the invalid selector %j', (selector, rendered) => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'uds', { workload: deploy, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE, udsPodSelector: selector })).toThrow(
        `[test/uds] udsPodSelector: received ${rendered}. Allowed: at least one label, each key a Kubernetes label key ([prefix/]name, name at most 63 characters of [A-Za-z0-9._-]) and each value at most 63 characters of [A-Za-z0-9._-] starting and ending alphanumeric. Fix: pass labels of the workload's pod template, for example { app: "web" }, or leave udsPodSelector out to let the operator find the consuming pods.`);
    });

    test('fails for two different selectors on one Secret', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      deploy.podMetadata.addLabel('app', 'web');
      const other = new kplus.Deployment(c, 'other', { metadata: { name: 'other' }, containers: [{ image: 'nginx:1.27' }] });
      other.containers[0].env.addVariable('P', db.envValue('password'));
      new ReloaderWiring(c, 'uds1', { workload: deploy, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE, udsPodSelector: { app: 'web' } });
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'uds2', { workload: other, externalSecrets: [db], mechanism: ReloadMechanism.UDS_CORE })).toThrow(
        '[test/uds2] udsPodSelector: received undefined. Allowed: the selector already set on Secret "z-db", "app=web" (a Secret carries one uds.dev/pod-reload-selector). Fix: give the workloads a common pod label and use it in every wiring of this Secret, or leave udsPodSelector out on all of them.');
    });

    test('fails for an unknown mechanism from a JavaScript caller', () => {
      // GIVEN
      const { c, db, deploy } = setup();
      // WHEN / THEN
      expect(() => new ReloaderWiring(c, 'r', { workload: deploy, externalSecrets: [db], mechanism: 'Uds' as ReloadMechanism })).toThrow(
        '[test/r] mechanism: received "Uds". Allowed: ReloadMechanism.STAKATER_RELOADER ("StakaterReloader") or ReloadMechanism.UDS_CORE ("UdsCore"). Fix: pass one of the ReloadMechanism members, or leave mechanism out for Stakater Reloader.');
    });
  });
});
