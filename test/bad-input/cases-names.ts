/**
 * Bad inputs about names through the PUBLIC API (the package root only): names the declaration derives
 * (roles, identities, service accounts, outputs, variables), Terraform variable names, and the Reloader
 * pause period. Expected messages: `expected-names.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Duration, ExternalSecret, ReloaderWiring, SecretStore, SecretStoreProvider } from '../../lib';
import type { BadInput } from './cases';

function reload(pausePeriod: unknown, kind: 'Deployment' | 'StatefulSet' = 'Deployment'): () => unknown {
  return () => {
    const c = new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
    const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
    const secret = new ExternalSecret(c, 'es', { store, target: { name: 'db' }, data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] });
    const props = { metadata: { name: 'web' }, containers: [{ image: 'nginx:1.27', ports: [{ number: 80 }] }] };
    const workload = kind === 'Deployment' ? new kplus.Deployment(c, 'web', props) : new kplus.StatefulSet(c, 'web', props);
    return new ReloaderWiring(c, 'reload', { workload, externalSecrets: [secret], pausePeriod: pausePeriod as Duration });
  };
}

export const NAMES_CASES: BadInput[] = [
  // Reloader pause period: Go's time.ParseDuration, Deployments only
  ['reloader: pausePeriod zero', reload(Duration.ZERO)],
  ['reloader: pausePeriod sub-second', reload(Duration.millis(250))],
  ['reloader: pausePeriod fractional seconds', reload(Duration.millis(2500))],
  ['reloader: pausePeriod NaN', reload(Duration.minutes(NaN))],
  ['reloader: pausePeriod past Go\'s range', reload(Duration.hours(3000000))],
  ['reloader: pausePeriod a number', reload(300)],
  ['reloader: pausePeriod on a StatefulSet', reload(Duration.minutes(5), 'StatefulSet')],
];
