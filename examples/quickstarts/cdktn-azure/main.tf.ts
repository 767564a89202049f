// main.tf.ts — CDK Terrain (cdktn) app
import { AzurermProvider } from '@cdktn/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktn';
import { SecretsPlatformInfrastructure } from 'cdk-external-secrets/cdktn/platform';
import { declaration } from './platform';

// cdktn checks the Terraform features a project uses against the versions it targets: the library's
// write-only attributes (no secret value in state) need Terraform or OpenTofu 1.11.
const app = new App({ context: { targetVersions: { terraform: '>=1.11.0', opentofu: '>=1.11.0' } } });
const stack = new TerraformStack(app, 'shop-secrets');
new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
app.synth();
