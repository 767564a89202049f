import { SecretBackend, SecretsDeclaration } from '../../../lib/core';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

function declaration(): SecretsDeclaration {
  return new SecretsDeclaration({ name: 'x', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: TENANT } });
}

describe('nothing declared is silently rendered nowhere', () => {
  test('an Azure store where only EKS clusters exist fails instead of being rendered on no cluster', () => {
    // GIVEN an EKS cluster and a Key Vault store with default clusters (AKS clusters: none)
    const d = declaration();
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const vault = d.addKeyVault('kv', { name: 'kv-x-prod', resourceGroupName: 'rg', location: 'westeurope' });
    d.addAzureKeyVaultStore('azure', { name: 'azure', vault });
    // WHEN planning THEN
    expect(() => d.plan()).toThrow(
      '[x/stores/azure] clusters: received "azure". Allowed: a store on at least one declared cluster (by default every AKS cluster; none is declared). '
      + 'Fix: declare a cluster it can serve, or pass clusters: [...] with the clusters it should exist on.');
  });

  test('an ExternalSecret on a store that serves no cluster fails with the store\'s message', () => {
    // GIVEN no cluster at all
    const d = declaration();
    const secret = d.addSecretsManagerSecret('db', { name: 'db' });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
    // WHEN planning THEN
    expect(() => d.plan()).toThrow(
      '[x/stores/sm] clusters: received "sm". Allowed: a store on at least one declared cluster (by default every EKS cluster; none is declared). '
      + 'Fix: declare a cluster it can serve, or pass clusters: [...] with the clusters it should exist on.');
  });

  test('explicit empty lists are errors, never "nowhere" or "everything"', () => {
    // GIVEN a cluster, a secret and a store
    const d = declaration();
    const cluster = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const secret = d.addSecretsManagerSecret('db', { name: 'db' });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [cluster] });
    // WHEN / THEN
    expect(() => d.addAwsStore('none', { name: 'none', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [] })).toThrow(
      '[x/stores/none] clusters: received []. Allowed: a non-empty list (a store on no cluster would be rendered nowhere). '
      + 'Fix: list the elements, or leave clusters out for the default.');
    expect(() => d.addAwsStore('nobody', { name: 'nobody', service: SecretBackend.AWS_SECRETS_MANAGER, namespaces: [] })).toThrow(
      '[x/stores/nobody] namespaces: received []. Allowed: a non-empty list (an empty list would admit no namespace; the default admits the namespaces '
      + 'of the ExternalSecrets using the store). Fix: list the elements, or leave namespaces out for the default.');
    expect(() => d.addExternalSecret('db', { name: 'db', namespace: 'app', store, clusters: [], data: [{ secretKey: 'k', secret }] })).toThrow(
      '[x/externalSecrets/db] clusters: received []. Allowed: a non-empty list (an element on no cluster would be rendered nowhere). '
      + 'Fix: list the elements, or leave clusters out for the default.');
  });

  test('an element added after a renderer rendered the declaration fails where it is added', () => {
    // GIVEN a declaration a renderer has rendered
    const d = declaration();
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    d.markRendered('cloud/platform');
    // WHEN / THEN
    expect(() => d.addSecretsManagerSecret('late', { name: 'late' })).toThrow(
      '[x/secrets/late] id: received "late". Allowed: elements added before the first renderer (here cloud/platform) renders the declaration. '
      + 'Fix: declare every cluster, secret, store and consumer first (in the shared declaration module), then create the renderers.');
  });
});
