// main.k8s.ts — cdk8s app
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { SecretsPlatformManifests } from 'cdk-external-secrets/platform/k8s';
import { dbCredentials, declaration, prod } from './platform';

const app = new App();
const chart = new Chart(app, 'shop');
const platform = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster: prod, syncWaves: { stores: 1, externalSecrets: 2 } });
const api = new kplus.Deployment(chart, 'api', { metadata: { namespace: 'shop' } });
api.addContainer({ image: 'api:1.0', envVariables: { DB_PASSWORD: platform.externalSecret(dbCredentials).envValue('DB_PASSWORD') } });
platform.reloadOnChange(api, [dbCredentials]);
app.synth();
