import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Duration } from '../../lib/core/duration';
import { ExternalSecret, ReloaderMode, ReloaderWiring, SecretStore, SecretStoreProvider } from '../../lib/k8s';
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

  test('fails without ExternalSecrets', () => {
    // GIVEN
    const { c, deploy } = setup();
    // WHEN / THEN
    expect(() => new ReloaderWiring(c, 'reload', { workload: deploy, externalSecrets: [] })).toThrow(
      '[test/reload] externalSecrets: received []. Allowed: at least one ExternalSecret the workload consumes. Fix: pass the ExternalSecrets whose Secrets the workload uses.');
  });
});
