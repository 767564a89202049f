// main.tf.ts — cdktf app
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from 'cdk-external-secrets/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from 'cdk-external-secrets/platform';
import { declaration, prod } from './platform';

const app = new App();
const stack = new TerraformStack(app, 'shop-secrets');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
new EsoClusterAddons(stack, 'addons', {
  declaration, cluster: prod,
  provider: HelmConnection.fromEks(stack, 'helm', { clusterName: 'shop-prod', region: 'eu-west-1' }),
  identity: infrastructure.controllerIdentity(prod),
});
app.synth();
