// main.tf.ts — cdktf app
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from 'cdk-external-secrets/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from 'cdk-external-secrets/platform';
import { declaration, prod } from './platform';

const app = new App();
const stack = new TerraformStack(app, 'shop-secrets');
new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
new EsoClusterAddons(stack, 'addons', {
  declaration, cluster: prod,
  provider: HelmConnection.fromAks(stack, 'helm', { clusterName: 'aks-shop-prod', resourceGroupName: 'rg-shop-prod' }),
  identity: infrastructure.controllerIdentity(prod),
});
app.synth();
