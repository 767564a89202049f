// main.tf.ts — CDK Terrain (cdktn) app
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktn';
import { SecretsPlatformInfrastructure } from 'cdk-external-secrets/cdktn/platform';
import { declaration } from './platform';

const app = new App();
const stack = new TerraformStack(app, 'shop-secrets');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
app.synth();
