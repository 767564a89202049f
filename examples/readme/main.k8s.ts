// main.k8s.ts — cdk8s app
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { dbCredentials, declaration, prod } from './platform';

/** The README's cdk8s snippet, as a function the README test runs. */
export function readmeChart(app: App): Chart {
  // README:BEGIN k8s
  const chart = new Chart(app, 'shop');
  const platform = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster: prod, syncWaves: { stores: 1, externalSecrets: 2 } });
  const api = new kplus.Deployment(chart, 'api', { metadata: { namespace: 'shop' } });
  api.addContainer({ image: 'api:1.0', envVariables: { DB_PASSWORD: platform.externalSecret(dbCredentials).envValue('DB_PASSWORD') } });
  platform.reloadOnChange(api, [dbCredentials]);
  // README:END
  return chart;
}
