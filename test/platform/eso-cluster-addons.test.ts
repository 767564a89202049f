import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import {
  AwsIdentityMode, EsoAuthModel, SecretBackend, SecretsDeclaration, WorkloadIdentity,
} from '../../lib/core';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { expectValidEsoValues } from '../helpers/chart-schema';
import { helmValues, resourcesOf, synthTerraform } from '../helpers/terraform';

const TENANT = '00000000-0000-0000-0000-000000000001';

function stack() {
  const s = new TerraformStack(Testing.app(), 'test');
  new HelmProvider(s, 'helm', { kubernetes: { configPath: '~/.kube/config' } });
  return s;
}

function awsDeclaration(identityMode = AwsIdentityMode.IRSA) {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const cluster = declaration.addEksCluster('prod', {
    clusterName: 'shop-prod', identityMode,
    oidcIssuerUrl: identityMode === AwsIdentityMode.IRSA ? 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' : undefined,
  });
  const secret = declaration.addSecretsManagerSecret('s', { name: 's', tags: { 'managed-by': 'external-secrets' } });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
  return { declaration, cluster, secret, store };
}

describe('EsoClusterAddons', () => {
  test('IRSA: the controller service account carries the literal role ARN the cloud side creates', () => {
    // GIVEN
    const { declaration, cluster } = awsDeclaration();
    const s = stack();
    // WHEN
    new EsoClusterAddons(s, 'addons', { declaration, cluster });
    // THEN
    const values = helmValues(synthTerraform(s), 'external-secrets');
    expect(values.serviceAccount).toEqual({
      create: true, name: 'external-secrets', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/shop-prod-eso-controller' },
    });
    expect(values.processPushSecret).toBe(false);
    expectValidEsoValues(values);
  });

  test('Pod Identity: no annotation on the controller service account', () => {
    const { declaration, cluster } = awsDeclaration(AwsIdentityMode.POD_IDENTITY);
    const s = stack();
    new EsoClusterAddons(s, 'addons', { declaration, cluster });
    expect(helmValues(synthTerraform(s), 'external-secrets').serviceAccount).toEqual({ create: true, name: 'external-secrets' });
  });

  test('Pod Identity: the release waits for the association of a role created in the same stack', () => {
    const { declaration, cluster } = awsDeclaration(AwsIdentityMode.POD_IDENTITY);
    const s = stack();
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    const infrastructure = new SecretsPlatformInfrastructure(s, 'platform', { declaration });
    new EsoClusterAddons(s, 'addons', { declaration, cluster, identity: infrastructure.controllerIdentity(cluster) });
    const release = resourcesOf(synthTerraform(s), 'helm_release').find((r) => r.chart === 'external-secrets')!;
    expect(release.depends_on).toEqual([expect.stringMatching(/^aws_eks_pod_identity_association\./)]);
  });

  test('PushSecrets on the cluster switch PushSecret processing on', () => {
    const { declaration, cluster, secret, store } = awsDeclaration();
    declaration.addPushSecret('p', { name: 'p', namespace: 'app', store, sourceSecretName: 'local', destination: secret });
    const s = stack();
    new EsoClusterAddons(s, 'addons', { declaration, cluster });
    expect(helmValues(synthTerraform(s), 'external-secrets').processPushSecret).toBe(true);
  });

  test('Reloader is installed by default and can be left out', () => {
    const { declaration, cluster } = awsDeclaration();
    const withReloader = stack();
    new EsoClusterAddons(withReloader, 'addons', { declaration, cluster });
    expect(resourcesOf(synthTerraform(withReloader), 'helm_release').map((r) => [r.chart, r.version])).toEqual([
      ['external-secrets', '2.9.0'], ['reloader', '2.2.16'],
    ]);
    const without = stack();
    new EsoClusterAddons(without, 'addons', { declaration, cluster, reloader: false });
    expect(resourcesOf(synthTerraform(without), 'helm_release').map((r) => r.chart)).toEqual(['external-secrets']);
  });

  test('fails on an identity that does not trust the controller service account', () => {
    const { declaration, cluster } = awsDeclaration();
    const identity = WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/other', { trustedServiceAccounts: [{ namespace: 'eso', name: 'eso' }] });
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster, identity })).toThrow(
      '[test/addons/Eso] identity: received "external-secrets:external-secrets". Allowed: a service account the identity trusts: "eso:eso". ' +
      'Fix: add this namespace:serviceAccount to the identity\'s trusted service accounts, or set the release\'s namespace and serviceAccountName to a trusted one.');
  });

  test('fails for an Azure cluster with controller stores when no identity is passed', () => {
    const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
    const cluster = declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/t/i/' });
    const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel: EsoAuthModel.CONTROLLER });
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster })).toThrow(
      '[test/addons] identity: received undefined. Allowed: the controller identity of cluster "aks" (its client ID is known only to the cloud side). ' +
      'Fix: pass identity: infrastructure.controllerIdentity(cluster) from the SecretsPlatformInfrastructure in the same stack.');
  });

  test('fails for a cluster of another declaration', () => {
    const { declaration } = awsDeclaration();
    const other = awsDeclaration().cluster;
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster: other })).toThrow(
      '[test/addons] cluster: received "prod". Allowed: a cluster declared in this declaration. Fix: declare it first with declaration.addEksCluster() and pass the returned object.');
  });
});

describe('EsoClusterAddons: the identity belongs to the cluster', () => {
  function twoClusters() {
    const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const prod = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const stage = declaration.addEksCluster('stage', { clusterName: 'shop-stage', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/STAGE' });
    const secret = declaration.addSecretsManagerSecret('s', { name: 's' });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
    return { declaration, prod, stage };
  }

  test('the controller identity of another cluster, from the infrastructure, is refused', () => {
    const { declaration, prod, stage } = twoClusters();
    const s = stack();
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    const infrastructure = new SecretsPlatformInfrastructure(s, 'platform', { declaration });
    expect(() => new EsoClusterAddons(s, 'addons', { declaration, cluster: stage, identity: infrastructure.controllerIdentity(prod) }))
      .toThrow('[test/addons] identity: received an identity trusted on "prod". Allowed: the controller identity of cluster "stage": the service account '
        + 'has the same namespace and name on every cluster, but the cloud trusts only the token of the clusters the identity was planned for. '
        + 'Fix: pass identity: infrastructure.controllerIdentity(cluster) for cluster "stage", or leave identity out where the declaration derives it.');
  });

  test('a hand-built identity carrying the role ARN of another cluster\'s controller is refused', () => {
    const { declaration, prod, stage } = twoClusters();
    void prod;
    const s = stack();
    const identity = WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/shop-prod-eso-controller', {
      trustedServiceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }],
    });
    expect(() => new EsoClusterAddons(s, 'addons', { declaration, cluster: stage, identity }))
      .toThrow('[test/addons] identity: received eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/shop-prod-eso-controller". '
        + 'Allowed: the controller identity of cluster "stage"');
  });

  test('each cluster\'s own controller identity is accepted', () => {
    const { declaration, prod, stage } = twoClusters();
    const s = stack();
    new AwsProvider(s, 'aws', { region: 'eu-west-1' });
    const infrastructure = new SecretsPlatformInfrastructure(s, 'platform', { declaration });
    new EsoClusterAddons(s, 'prod-addons', { declaration, cluster: prod, identity: infrastructure.controllerIdentity(prod), reloader: false });
    new EsoClusterAddons(s, 'stage-addons', { declaration, cluster: stage, identity: infrastructure.controllerIdentity(stage), reloader: false });
    const arns = resourcesOf(synthTerraform(s), 'helm_release').map((r) => JSON.stringify(r.values));
    expect(arns.some((v) => v.includes('shop-stage-eso-controller'))).toBe(true);
    expect(arns.some((v) => v.includes('shop-prod-eso-controller'))).toBe(true);
  });
});
