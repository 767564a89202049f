import { Chart, Testing as K8sTesting } from 'cdk8s';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import {
  AwsIdentityMode, ClusterCloud, EsoAuthModel, OidcProviderMode, SecretBackend, SecretsDeclaration,
} from '../../lib/core';
import { IdentityKind } from '../../lib/core/identity';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { parsePolicy, resourcesOf, resourceWhere, synthTerraform } from '../helpers/terraform';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const AKS_ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT}/11111111-2222-3333-4444-555555555555/`;
const EKS_ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

function base(): SecretsDeclaration {
  return new SecretsDeclaration({ name: 'x', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: TENANT } });
}

/** An AWS store read from an AKS cluster. */
function awsStoreOnAks(authModel: EsoAuthModel) {
  const declaration = base();
  const aks = declaration.addAksCluster('mgmt', { clusterName: 'aks-mgmt', oidcIssuerUrl: AKS_ISSUER });
  const secret = declaration.addSecretsManagerSecret('creds', { name: 'platform/creds' });
  const store = declaration.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER, authModel, clusters: [aks] });
  declaration.addExternalSecret('creds', { name: 'creds', namespace: 'crossplane-system', store, data: [{ secretKey: 'k', secret }] });
  return { declaration, aks, store };
}

/** An Azure Key Vault store read from an EKS cluster. */
function azureStoreOnEks(authModel: EsoAuthModel, identityMode = AwsIdentityMode.IRSA) {
  const declaration = base();
  const eks = declaration.addEksCluster('prod', {
    clusterName: 'eks-prod', identityMode, oidcIssuerUrl: identityMode === AwsIdentityMode.IRSA ? EKS_ISSUER : undefined,
  });
  const vault = declaration.addKeyVault('kv', { name: 'kv-shared-prod', resourceGroupName: 'rg-sec', location: 'westeurope' });
  const secret = declaration.addKeyVaultSecret('token', { vault, name: 'api-token' });
  const store = declaration.addAzureKeyVaultStore('azure', { name: 'azure', vault, authModel, clusters: [eks] });
  declaration.addExternalSecret('token', { name: 'token', namespace: 'apps', store, data: [{ secretKey: 'token', secret }] });
  return { declaration, eks, store };
}

function stackWithProviders(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'cross');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

describe('cross-cloud stores: the identity follows the store\'s cloud', () => {
  test('an AWS store on AKS with the controller identity trusts the controller\'s service account and names it in the store', () => {
    // GIVEN an AWS store on an AKS cluster, controller auth
    const { declaration, aks, store } = awsStoreOnAks(EsoAuthModel.CONTROLLER);
    // WHEN planning
    const plan = declaration.plan();
    const identity = plan.identityFor(store, aks, 'external-secrets');
    // THEN a second controller identity (suffixed with its backend) pinned on the controller's service account
    expect(identity).toEqual(expect.objectContaining({
      id: 'controller-mgmt-aws', kind: IdentityKind.AWS_IRSA, authModel: EsoAuthModel.CONTROLLER,
      serviceAccount: { namespace: 'external-secrets', name: 'external-secrets' },
    }));
    // AKS gives the controller no AWS web-identity environment: the store names the service account (auth.jwt)
    expect(plan.referencesServiceAccount(store, aks, 'external-secrets')).toBe(true);
  });

  test('an Azure store on EKS with the controller identity gets an Entra identity for the controller\'s service account', () => {
    // GIVEN an Azure store on an EKS cluster, controller auth
    const { declaration, eks, store } = azureStoreOnEks(EsoAuthModel.CONTROLLER);
    // WHEN planning
    const identity = declaration.plan().identityFor(store, eks, 'external-secrets');
    // THEN
    expect(identity).toEqual(expect.objectContaining({
      id: 'controller-prod-azure-key-vault', kind: IdentityKind.AZURE_WORKLOAD_IDENTITY,
      serviceAccount: { namespace: 'external-secrets', name: 'external-secrets' },
      azure: { identityName: 'x-prod-eso-controller', tenantId: TENANT },
    }));
    expect(declaration.plan().referencesServiceAccount(store, eks, 'external-secrets')).toBe(true);
  });

  test('an Azure store on an EKS cluster without an OIDC issuer is rejected', () => {
    // GIVEN a Pod Identity EKS cluster (no issuer declared)
    const { declaration } = azureStoreOnEks(EsoAuthModel.STORE_SERVICE_ACCOUNT, AwsIdentityMode.POD_IDENTITY);
    // WHEN planning THEN
    expect(() => declaration.plan()).toThrow(
      '[x/stores/azure] clusters: received "prod". Allowed: clusters whose workloads Entra ID can trust: store "azure" cannot federate '
      + 'with cluster "prod" (an Entra federated credential names the cluster\'s public OIDC issuer). '
      + 'Fix: give the cluster an oidcIssuerUrl, or remove cluster "prod" from the store\'s clusters.');
  });

  describe('AWS store on AKS (store service account)', () => {
    const { declaration, aks, store } = awsStoreOnAks(EsoAuthModel.STORE_SERVICE_ACCOUNT);

    test('the plan derives an AWS web-identity role trusted from the AKS cluster', () => {
      // WHEN planning
      const identity = declaration.plan().identityFor(store, aks, 'external-secrets');
      // THEN
      expect(identity).toEqual(expect.objectContaining({
        id: 'store-aws', cloud: ClusterCloud.AWS, kind: IdentityKind.AWS_IRSA, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT,
        serviceAccount: { namespace: 'external-secrets', name: 'eso-aws' },
        aws: { roleName: 'x-aws-eso', roleArn: 'arn:aws:iam::111122223333:role/x-aws-eso', accountId: '111122223333', partition: 'aws' },
      }));
      expect(identity.clusters).toEqual([aks]);
    });

    test('the cloud side registers the AKS issuer once and the role trusts it on :sub and :aud', () => {
      // GIVEN the infrastructure
      const stack = stackWithProviders();
      const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
      // WHEN synthesizing
      const json = synthTerraform(stack);
      // THEN
      expect(infrastructure.oidcProvider(aks)).toBeDefined();
      expect(resourcesOf(json, 'aws_iam_openid_connect_provider')).toEqual([expect.objectContaining({ url: AKS_ISSUER, client_id_list: ['sts.amazonaws.com'] })]);
      // Provider name and condition keys: the issuer without "https://", trailing slash kept (AWS IAM User
      // Guide, "Create an OpenID Connect (OIDC) identity provider in IAM": the URL corresponds to the iss claim).
      const hostPath = AKS_ISSUER.replace('https://', '');
      expect(parsePolicy(resourceWhere(json, 'aws_iam_role', 'name', 'x-aws-eso').assume_role_policy).Statement[0].Condition).toEqual({
        StringEquals: { [`${hostPath}:aud`]: 'sts.amazonaws.com', [`${hostPath}:sub`]: 'system:serviceaccount:external-secrets:eso-aws' },
      });
    });

    test('the Kubernetes side emits the role-annotated service account and a jwt store', () => {
      // WHEN rendering the cluster's manifests
      const chart = new Chart(K8sTesting.app(), 'c');
      new SecretsPlatformManifests(chart, 'p', { declaration, cluster: aks });
      const manifests = synthValid(chart);
      // THEN
      expect(findManifest(manifests, 'ServiceAccount', 'eso-aws').metadata?.annotations)
        .toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/x-aws-eso' });
      expect((findManifest(manifests, 'ClusterSecretStore', 'aws').spec as { provider: unknown }).provider).toEqual({
        aws: { region: 'eu-west-1', service: 'SecretsManager', sessionTagsPolicy: 'None', auth: { jwt: { serviceAccountRef: { name: 'eso-aws', namespace: 'external-secrets' } } } },
      });
    });
  });

  describe('Azure store on EKS (store service account)', () => {
    const { declaration, eks, store } = azureStoreOnEks(EsoAuthModel.STORE_SERVICE_ACCOUNT);

    test('the plan derives an Entra identity in the vault\'s tenant', () => {
      // WHEN planning
      const identity = declaration.plan().identityFor(store, eks, 'external-secrets');
      // THEN
      expect(identity).toEqual(expect.objectContaining({
        id: 'store-azure', cloud: ClusterCloud.AZURE, kind: IdentityKind.AZURE_WORKLOAD_IDENTITY,
        azure: { identityName: 'x-azure-eso', tenantId: TENANT },
      }));
    });

    test('the cloud side federates the EKS issuer and grants Secrets User on the secret only; no IAM OIDC provider', () => {
      // GIVEN the infrastructure
      const stack = stackWithProviders();
      const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
      // WHEN synthesizing
      const json = synthTerraform(stack);
      // THEN
      expect(resourcesOf(json, 'azurerm_federated_identity_credential')).toEqual([expect.objectContaining({
        issuer: EKS_ISSUER, subject: 'system:serviceaccount:external-secrets:eso-azure', audience: ['api://AzureADTokenExchange'],
      })]);
      expect(resourcesOf(json, 'azurerm_role_assignment')).toEqual([expect.objectContaining({
        role_definition_name: 'Key Vault Secrets User', scope: expect.stringMatching(/^\$\{azurerm_key_vault_secret\.platform_Secret-token_[0-9A-F]+\.resource_versionless_id\}$/),
      })]);
      expect(resourcesOf(json, 'aws_iam_openid_connect_provider')).toEqual([]);
      expect(infrastructure.oidcProvider(eks)).toBeUndefined();
    });

    test('the Kubernetes side requires the client ID from the cloud side', () => {
      // WHEN rendering without azureClientIds THEN
      expect(() => new SecretsPlatformManifests(new Chart(K8sTesting.app(), 'c'), 'p', { declaration, cluster: eks })).toThrow(
        '[c/p] azureClientIds: received "store-azure". Allowed: the client ID of the user-assigned identity the cloud side created for this store '
        + '(Azure assigns it at apply time, so it cannot be derived). Fix: pass cloudOutputs: PlatformOutputs.fromFile(<file>, <stack>) after running '
        + 'cdktf output <stack> --outputs-file <file> (output "eso_client_id_store_azure"), or azureClientIds: { "store-azure": <client id> }, '
        + 'or use EsoAuthModel.CONTROLLER, where the Helm release carries the client ID.');
    });

    test('with the client ID, the service account carries client-id and tenant-id, and the store references it', () => {
      // GIVEN the client ID read from the cloud side's output
      const chart = new Chart(K8sTesting.app(), 'c');
      new SecretsPlatformManifests(chart, 'p', { declaration, cluster: eks, azureClientIds: { 'store-azure': '0a1b2c3d-0000-4000-8000-000000000001' } });
      // WHEN synthesizing
      const manifests = synthValid(chart);
      // THEN
      expect(findManifest(manifests, 'ServiceAccount', 'eso-azure').metadata?.annotations).toEqual({
        'azure.workload.identity/client-id': '0a1b2c3d-0000-4000-8000-000000000001',
        'azure.workload.identity/tenant-id': TENANT,
      });
      expect((findManifest(manifests, 'ClusterSecretStore', 'azure').spec as { provider: unknown }).provider).toEqual({
        azurekv: {
          authType: 'WorkloadIdentity', tenantId: TENANT, vaultUrl: 'https://kv-shared-prod.vault.azure.net/',
          serviceAccountRef: { name: 'eso-azure', namespace: 'external-secrets' }, environmentType: 'PublicCloud', useAzureSDK: false,
        },
      });
    });
  });

  test('a same-account EKS cluster gets its IAM OIDC provider created by default', () => {
    // GIVEN a pure AWS declaration
    const declaration = base();
    const eks = declaration.addEksCluster('prod', { clusterName: 'eks-prod', oidcIssuerUrl: EKS_ISSUER });
    const secret = declaration.addSecretsManagerSecret('s', { name: 'app/s' });
    const store = declaration.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('s', { name: 's', namespace: 'apps', store, data: [{ secretKey: 'k', secret }] });
    const stack = stackWithProviders();
    const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    // WHEN synthesizing
    const json = synthTerraform(stack);
    // THEN one provider for the issuer, which the role trusts (nothing assumed to exist)
    expect(infrastructure.oidcProvider(eks)).toBeDefined();
    expect(resourcesOf(json, 'aws_iam_openid_connect_provider')).toEqual([expect.objectContaining({ url: EKS_ISSUER, client_id_list: ['sts.amazonaws.com'] })]);
    expect(parsePolicy(resourceWhere(json, 'aws_iam_role', 'name', 'x-prod-eso-controller').assume_role_policy).Statement[0].Principal)
      .toEqual({ Federated: expect.stringMatching(/^\$\{aws_iam_openid_connect_provider\.platform_OidcProvider-prod_[0-9A-F]+\.arn\}$/) });
  });

  test('an existing IAM OIDC provider is looked up by its issuer URL, not assumed', () => {
    // GIVEN a cluster whose provider exists (created with the cluster)
    const declaration = base();
    declaration.addEksCluster('prod', { clusterName: 'eks-prod', oidcIssuerUrl: EKS_ISSUER, oidcProvider: OidcProviderMode.EXISTING });
    const secret = declaration.addSecretsManagerSecret('s', { name: 'app/s' });
    const store = declaration.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('s', { name: 's', namespace: 'apps', store, data: [{ secretKey: 'k', secret }] });
    const stack = stackWithProviders();
    new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    // WHEN synthesizing
    const json = synthTerraform(stack);
    // THEN a data source by URL, no resource, and the role trusts the looked-up ARN
    expect(resourcesOf(json, 'aws_iam_openid_connect_provider')).toEqual([]);
    const lookups = Object.values((json.data as Record<string, Record<string, Record<string, unknown>>>).aws_iam_openid_connect_provider);
    expect(lookups).toEqual([expect.objectContaining({ url: EKS_ISSUER })]);
    expect(parsePolicy(resourceWhere(json, 'aws_iam_role', 'name', 'x-prod-eso-controller').assume_role_policy).Statement[0].Principal)
      .toEqual({ Federated: expect.stringMatching(/^\$\{data\.aws_iam_openid_connect_provider\.platform_OidcProviderLookup-prod_[0-9A-F]+\.arn\}$/) });
  });
});
