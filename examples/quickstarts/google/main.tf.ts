// main.tf.ts — cdktf app
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from 'cdk-external-secrets/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from 'cdk-external-secrets/platform';
import { declaration, PROJECT, prod } from './platform';

const app = new App();
const stack = new TerraformStack(app, 'shop-secrets');
new GoogleProvider(stack, 'google', { project: PROJECT.projectId, region: 'europe-west1' });
const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
new EsoClusterAddons(stack, 'addons', {
  declaration, cluster: prod,
  provider: HelmConnection.fromKubeconfig(stack, 'helm', { configPath: '~/.kube/gke-shop-prod.yaml' }),
  identity: infrastructure.controllerIdentity(prod),
});
app.synth();
