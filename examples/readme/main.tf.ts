// main.tf.ts — cdktf app
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { declaration, prod } from './platform';

/** The README's cdktf snippet, as a function the README test runs. */
export function readmeStack(app: App): TerraformStack {
  // README:BEGIN tf
  const stack = new TerraformStack(app, 'shop-secrets');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  new EsoClusterAddons(stack, 'addons', {
    declaration, cluster: prod,
    provider: HelmConnection.fromEks(stack, 'helm', { clusterName: 'shop-prod', region: 'eu-west-1' }),
    identity: infrastructure.controllerIdentity(prod),
  });
  // README:END
  return stack;
}
