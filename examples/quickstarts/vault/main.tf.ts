// main.tf.ts — cdktf app
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from 'cdk-external-secrets/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from 'cdk-external-secrets/platform';
import { declaration, prod, VAULT_ADDRESS } from './platform';

const app = new App();
const stack = new TerraformStack(app, 'shop-secrets');
new VaultProvider(stack, 'vault', { address: VAULT_ADDRESS });   // the token: VAULT_TOKEN where Terraform runs
new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
new EsoClusterAddons(stack, 'addons', {
  declaration, cluster: prod,
  provider: HelmConnection.fromKubeconfig(stack, 'helm', { configPath: '~/.kube/rke2-prod.yaml' }),
});
app.synth();
