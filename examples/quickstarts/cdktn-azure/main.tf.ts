// main.tf.ts — CDK Terrain (cdktn) app
import { AzurermProvider } from '@cdktn/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktn';
import { SecretsPlatformInfrastructure } from 'cdk-external-secrets/cdktn/platform';
import { declaration } from './platform';

const app = new App();
const stack = new TerraformStack(app, 'shop-secrets');
new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
app.synth();
