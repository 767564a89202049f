import { Chart, Testing as K8sTesting } from 'cdk8s';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { EsoAuthModel, SecretBackend, SecretsDeclaration, StoreScope, StoreServiceAccountOptions } from '../../lib/core';
import { WorkloadIdentity } from '../../lib/core/identity';
import { WorkloadServiceAccount } from '../../lib/k8s/workload-service-account';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { parsePolicy, resourceWhere, synthTerraform } from '../helpers/terraform';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

/** One EKS cluster and one Secrets Manager store read by one ExternalSecret, with the given identity choice. */
function declare(authModel: EsoAuthModel, serviceAccount?: StoreServiceAccountOptions) {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const cluster = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
  const secret = declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, authModel, serviceAccount });
  declaration.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'password', secret }] });
  return { declaration, cluster };
}

/** The IRSA trust subject of the only role. */
function trustedSubject(declaration: SecretsDeclaration, roleName: string): string {
  const stack = new TerraformStack(Testing.app(), 'cloud');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  const role = resourceWhere(synthTerraform(stack), 'aws_iam_role', 'name', roleName);
  const condition = parsePolicy(role.assume_role_policy).Statement[0].Condition as { StringEquals: Record<string, string> };
  return condition.StringEquals['oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub'];
}

describe('which service account carries a store\'s identity is the user\'s choice', () => {
  test('CONTROLLER: no auth block, nothing emitted, the controller\'s service account trusted', () => {
    // GIVEN
    const { declaration, cluster } = declare(EsoAuthModel.CONTROLLER);
    // WHEN
    const manifests = synthValid(renderChart(declaration, cluster));
    // THEN
    expect(findManifest(manifests, 'ClusterSecretStore', 'sm').spec?.provider).toEqual({ aws: { service: 'SecretsManager', sessionTagsPolicy: 'None', region: 'eu-west-1' } });
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
    expect(trustedSubject(declaration, 'shop-prod-eso-controller')).toBe('system:serviceaccount:external-secrets:external-secrets');
  });

  test('CONTROLLER_SERVICE_ACCOUNT: the store names the controller\'s service account; the Helm release emits it', () => {
    // GIVEN
    const { declaration, cluster } = declare(EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT);
    // WHEN
    const manifests = synthValid(renderChart(declaration, cluster));
    // THEN
    expect(findManifest(manifests, 'ClusterSecretStore', 'sm').spec?.provider).toEqual({
      aws: { service: 'SecretsManager', sessionTagsPolicy: 'None', region: 'eu-west-1', auth: { jwt: { serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } } },
    });
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
    expect(trustedSubject(declaration, 'shop-prod-eso-controller')).toBe('system:serviceaccount:external-secrets:external-secrets');
  });

  test('STORE_SERVICE_ACCOUNT: a dedicated service account emitted with the role ARN, named by the store', () => {
    // GIVEN
    const { declaration, cluster } = declare(EsoAuthModel.STORE_SERVICE_ACCOUNT);
    // WHEN
    const manifests = synthValid(renderChart(declaration, cluster));
    // THEN
    expect(findManifest(manifests, 'ClusterSecretStore', 'sm').spec?.provider).toEqual({
      aws: { service: 'SecretsManager', sessionTagsPolicy: 'None', region: 'eu-west-1', auth: { jwt: { serviceAccountRef: { name: 'eso-sm', namespace: 'external-secrets' } } } },
    });
    expect(findManifest(manifests, 'ServiceAccount', 'eso-sm').metadata?.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/shop-sm-eso' });
    expect(trustedSubject(declaration, 'shop-sm-eso')).toBe('system:serviceaccount:external-secrets:eso-sm');
  });

  describe('EXISTING_SERVICE_ACCOUNT', () => {
    const choice = { name: 'secrets-reader', namespace: 'platform' };

    test('the store names it and the role trusts exactly it', () => {
      // GIVEN a service account of the user's
      const { declaration, cluster } = declare(EsoAuthModel.EXISTING_SERVICE_ACCOUNT, choice);
      const chart = renderChart(declaration, cluster);
      new WorkloadServiceAccount(chart, 'reader', {
        name: 'secrets-reader', namespace: 'platform', identity: WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/shop-platform-secrets-reader-eso'),
      });
      // WHEN
      const manifests = synthValid(chart);
      // THEN
      expect(findManifest(manifests, 'ClusterSecretStore', 'sm').spec?.provider).toEqual({
        aws: { service: 'SecretsManager', sessionTagsPolicy: 'None', region: 'eu-west-1', auth: { jwt: { serviceAccountRef: { name: 'secrets-reader', namespace: 'platform' } } } },
      });
      expect(trustedSubject(declaration, 'shop-platform-secrets-reader-eso')).toBe('system:serviceaccount:platform:secrets-reader');
    });

    test('a chart that does not emit it fails at synth (trusted but not emitted)', () => {
      // GIVEN no service account in the chart
      const { declaration, cluster } = declare(EsoAuthModel.EXISTING_SERVICE_ACCOUNT, choice);
      // WHEN / THEN
      expect(() => synthValid(renderChart(declaration, cluster))).toThrow(
        'Validation failed with the following errors:\n  [test/platform] trustedServiceAccounts: received "platform:secrets-reader". '
        + 'Allowed: only service accounts this chart emits: every one the cloud side trusts on this cluster must be emitted (it emits: none). '
        + 'Fix: emit it in this chart as a WorkloadServiceAccount carrying the identity (stores with EsoAuthModel.EXISTING_SERVICE_ACCOUNT leave that to you), and render the chart from the same, complete declaration as the cloud side.');
    });

    test('serviceAccount goes with EXISTING_SERVICE_ACCOUNT only, and without a namespace on SecretStores', () => {
      const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
      expect(() => declaration.addAwsStore('a', { name: 'a', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.EXISTING_SERVICE_ACCOUNT })).toThrow(
        '[shop/stores/a] serviceAccount: received undefined. Allowed: a serviceAccount exactly when authModel is EsoAuthModel.EXISTING_SERVICE_ACCOUNT. '
        + 'Fix: pass serviceAccount: { name, namespace } with the service account to use.');
      expect(() => declaration.addAwsStore('b', { name: 'b', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.CONTROLLER, serviceAccount: choice })).toThrow(
        '[shop/stores/b] serviceAccount: received {"name":"secrets-reader","namespace":"platform"}. Allowed: a serviceAccount exactly when authModel is '
        + 'EsoAuthModel.EXISTING_SERVICE_ACCOUNT. Fix: remove serviceAccount, or set authModel: EsoAuthModel.EXISTING_SERVICE_ACCOUNT.');
      expect(() => declaration.addAwsStore('c', { name: 'c', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, serviceAccount: choice })).toThrow(
        '[shop/stores/c] serviceAccount.namespace: received "platform". Allowed: no namespace for StoreScope.NAMESPACED: a SecretStore can only use a service '
        + 'account of its own namespace. Fix: remove serviceAccount.namespace; each SecretStore uses the named service account in its namespace.');
      expect(() => declaration.addAwsStore('d', { name: 'd', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, authModel: EsoAuthModel.CONTROLLER })).toThrow(
        '[shop/stores/d] authModel: received "CONTROLLER". Allowed: EsoAuthModel.STORE_SERVICE_ACCOUNT or EXISTING_SERVICE_ACCOUNT for StoreScope.NAMESPACED: '
        + 'a SecretStore cannot use the controller\'s service account of another namespace. Fix: use StoreScope.CLUSTER for the controller\'s identity, or a service account per namespace.');
    });

    test('on SecretStores the named service account of each namespace is used', () => {
      // GIVEN a namespaced store on an existing per-namespace service account
      const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
      const cluster = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
      const secret = declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
      const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, serviceAccount: { name: 'app' } });
      declaration.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'password', secret }] });
      // WHEN
      const identity = declaration.plan().identityFor(store, cluster, 'shop');
      // THEN
      expect(identity.serviceAccount).toEqual({ namespace: 'shop', name: 'app' });
      expect(identity.aws?.roleName).toBe('shop-shop-app-eso');
    });
  });
});

function renderChart(declaration: SecretsDeclaration, cluster: ReturnType<typeof declare>['cluster']): Chart {
  const chart = new Chart(K8sTesting.app(), 'test');
  new SecretsPlatformManifests(chart, 'platform', { declaration, cluster });
  return chart;
}
