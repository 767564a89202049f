// main.tf.ts — CDK Terrain (cdktn) app
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktn';
import { SecretsPlatformInfrastructure } from 'cdk-external-secrets/cdktn/platform';
import { declaration } from './platform';

// cdktn checks the Terraform features a project uses against the versions it targets: the library's
// write-only attributes (no secret value in state) need Terraform or OpenTofu 1.11.
const app = new App({ context: { targetVersions: { terraform: '>=1.11.0', opentofu: '>=1.11.0' } } });
const stack = new TerraformStack(app, 'shop-secrets');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
app.synth();
