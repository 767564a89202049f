/**
 * Cloud side of the bootstrap-credentials example (cdktf): one stack with both cloud providers.
 *
 * - AWS: the CMK and the Secrets Manager secret, the AKS issuer registered as an IAM OIDC provider,
 *   and the controller role trusting `external-secrets:external-secrets` of that issuer only.
 * - Azure: the firewalled vault and its secret, the ESO controller identity (federated credential
 *   on the AKS issuer, Key Vault Secrets User on that one secret).
 * - The ESO release on the AKS cluster, with the controller identity's client ID and pod label.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { RESOURCE_GROUP, SUBSCRIPTION_ID, cluster, declaration } from './declaration';

/** Adds the example's stack to a cdktf app. */
export function addBootstrapCredentialsStack(app: App): TerraformStack {
  const aws = declaration.aws!;
  const stack = new TerraformStack(app, 'bootstrap-credentials');
  new AwsProvider(stack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  const helm = HelmConnection.fromAks(stack, 'helm', { clusterName: cluster.clusterName, resourceGroupName: RESOURCE_GROUP });
  new EsoClusterAddons(stack, 'addons', {
    declaration, cluster, provider: helm, identity: infrastructure.controllerIdentity(cluster),
    // Crossplane providers read their credentials at start-up and on ProviderConfig changes: no Reloader needed.
    reloader: false,
  });
  return stack;
}
