import {
  AwsIdentityMode, ClusterDeclaration, EsoAuthModel, SecretBackend, SecretsDeclaration, StoreDeclaration,
} from '../../../lib/core';
import { IdentityKind } from '../../../lib/core/identity';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const EKS_ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const AKS_ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT}/11111111-2222-3333-4444-555555555555/`;
const ONPREM_ISSUER = 'https://oidc.platform.example.com/rke2';

type ClusterKind = 'eks' | 'eks-pod-identity' | 'aks' | 'gke' | 'generic' | 'generic-without-issuer';
type Backend = 'aws' | 'azure';

/** A declaration with one cluster of the given kind and one store of the given backend on it. */
function pair(kind: ClusterKind, backend: Backend, authModel: EsoAuthModel = EsoAuthModel.CONTROLLER) {
  const declaration = new SecretsDeclaration({ name: 'x', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: TENANT } });
  const clusters: Record<ClusterKind, () => ClusterDeclaration> = {
    'eks': () => declaration.addEksCluster('c', { clusterName: 'c', oidcIssuerUrl: EKS_ISSUER }),
    'eks-pod-identity': () => declaration.addEksCluster('c', { clusterName: 'c', identityMode: AwsIdentityMode.POD_IDENTITY }),
    'aks': () => declaration.addAksCluster('c', { clusterName: 'c', oidcIssuerUrl: AKS_ISSUER }),
    'gke': () => declaration.addGkeCluster('c', { clusterName: 'c', projectId: 'shop-prod-123', location: 'europe-west1' }),
    'generic': () => declaration.addCluster('c', { clusterName: 'c', oidcIssuerUrl: ONPREM_ISSUER, distribution: 'rke2' }),
    'generic-without-issuer': () => declaration.addCluster('c', { clusterName: 'c' }),
  };
  const cluster = clusters[kind]();
  let store: StoreDeclaration;
  if (backend === 'aws') {
    const secret = declaration.addSecretsManagerSecret('s', { name: 'app/s' });
    store = declaration.addAwsStore('st', { name: 'st', service: SecretBackend.AWS_SECRETS_MANAGER, authModel, clusters: [cluster] });
    declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
  } else {
    const vault = declaration.addKeyVault('kv', { name: 'kv-x-prod', resourceGroupName: 'rg', location: 'westeurope' });
    const secret = declaration.addKeyVaultSecret('s', { vault, name: 's' });
    store = declaration.addAzureKeyVaultStore('st', { name: 'st', vault, authModel, clusters: [cluster] });
    declaration.addExternalSecret('es', { name: 'es', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
  }
  return { declaration, cluster, store };
}

describe('federation of each cluster kind with each backend (controller service account)', () => {
  test.each([
    // cluster kind, backend, identity id, mechanism, store names the service account
    ['eks', 'aws', 'controller-c', IdentityKind.AWS_IRSA, false],
    ['eks-pod-identity', 'aws', 'controller-c', IdentityKind.AWS_POD_IDENTITY, false],
    ['aks', 'aws', 'controller-c-aws', IdentityKind.AWS_IRSA, true],
    ['gke', 'aws', 'controller-c-aws', IdentityKind.AWS_IRSA, true],
    ['generic', 'aws', 'controller-c-aws', IdentityKind.AWS_IRSA, true],
    ['eks', 'azure', 'controller-c-azure-key-vault', IdentityKind.AZURE_WORKLOAD_IDENTITY, true],
    ['aks', 'azure', 'controller-c', IdentityKind.AZURE_WORKLOAD_IDENTITY, false],
    ['gke', 'azure', 'controller-c-azure-key-vault', IdentityKind.AZURE_WORKLOAD_IDENTITY, true],
    ['generic', 'azure', 'controller-c-azure-key-vault', IdentityKind.AZURE_WORKLOAD_IDENTITY, true],
  ] as Array<[ClusterKind, Backend, string, IdentityKind, boolean]>)('%s × %s federates as %s (%s)', (kind, backend, id, mechanism, references) => {
    // GIVEN the pair
    const { declaration, cluster, store } = pair(kind, backend);
    // WHEN planning
    const plan = declaration.plan();
    const identity = plan.identityFor(store, cluster, 'external-secrets');
    // THEN the identity trusts exactly the controller's service account of that cluster
    expect(identity).toEqual(expect.objectContaining({
      id, kind: mechanism, authModel: EsoAuthModel.CONTROLLER, serviceAccount: { namespace: 'external-secrets', name: 'external-secrets' },
    }));
    expect(identity.clusters).toEqual([cluster]);
    expect(plan.referencesServiceAccount(store, cluster, 'external-secrets')).toBe(references);
    expect(plan.trustedServiceAccounts(cluster)).toEqual(['external-secrets:external-secrets']);
  });

  test('a GKE cluster federates through its public issuer, derived from project, location and name', () => {
    // GIVEN an AWS store on GKE
    const { cluster } = pair('gke', 'aws');
    // THEN
    expect(cluster.oidcIssuerUrl).toBe('https://container.googleapis.com/v1/projects/shop-prod-123/locations/europe-west1/clusters/c');
    expect((cluster as unknown as { workloadPool: string }).workloadPool).toBe('shop-prod-123.svc.id.goog');
  });

  test.each([
    ['aws', 'AWS IAM', 'IAM web identity needs the cluster\'s public OIDC issuer, registered as an IAM OIDC provider'],
    ['azure', 'Entra ID', 'an Entra federated credential names the cluster\'s public OIDC issuer'],
  ] as Array<[Backend, string, string]>)('a generic cluster without an issuer cannot federate with %s', (backend, service, requirement) => {
    // GIVEN an on-prem cluster with no public issuer
    const { declaration } = pair('generic-without-issuer', backend);
    // WHEN planning THEN the pair fails, naming the cluster, the store and the fix
    expect(() => declaration.plan()).toThrow(
      `[x/stores/st] clusters: received "c". Allowed: clusters whose workloads ${service} can trust: store "st" cannot federate with cluster "c" `
      + `(${requirement}). Fix: give the cluster an oidcIssuerUrl, or remove cluster "c" from the store's clusters.`);
  });

  test('an EKS Pod Identity cluster cannot carry a store that names its service account', () => {
    // GIVEN a Pod Identity cluster and a store naming the controller's service account
    const { declaration } = pair('eks-pod-identity', 'aws', EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT);
    // WHEN planning THEN
    expect(() => declaration.plan()).toThrow(
      '[x/stores/st] authModel: received "CONTROLLER_SERVICE_ACCOUNT". Allowed: an auth model whose service account EKS Pod Identity '
      + '(no serviceAccountRef in stores) supports on cluster "c". Fix: use EsoAuthModel.CONTROLLER on that cluster, or another identity mode for the cluster.');
  });

  test('GKE project IDs and locations are checked where declared', () => {
    const declaration = new SecretsDeclaration({ name: 'x' });
    expect(() => declaration.addGkeCluster('g', { clusterName: 'g', projectId: 'Shop', location: 'europe-west1' })).toThrow(
      '[x/clusters/g] projectId: received "Shop". Allowed: a Google Cloud project ID: 6 to 30 lowercase letters, digits or hyphens, starting with a letter, '
      + 'not ending with a hyphen. Fix: pass the project ID (gcloud projects list, column PROJECT_ID), not its name or number.');
    expect(() => declaration.addGkeCluster('h', { clusterName: 'h', projectId: 'shop-prod-123', location: 'Europe' })).toThrow(
      '[x/clusters/h] location: received "Europe". Allowed: a Google Cloud region ("europe-west1") or zone ("europe-west1-b"). '
      + 'Fix: pass the cluster\'s location as gcloud container clusters list shows it.');
  });

  describe('a second store sharing the controller\'s identity federates on its own', () => {
    /** A generic cluster with two AWS stores (Secrets Manager and Parameter Store) on the controller's service account. */
    function twoStores(second: { assumeRoleArn?: string; authModel?: EsoAuthModel } = {}) {
      const declaration = new SecretsDeclaration({ name: 'x', aws: { accountId: '111122223333', region: 'eu-west-1' } });
      const cluster = declaration.addCluster('edge', { clusterName: 'edge', oidcIssuerUrl: ONPREM_ISSUER, distribution: 'k3s' });
      const secret = declaration.addSecretsManagerSecret('s', { name: 'app/s' });
      const parameter = declaration.addParameter('p', { name: '/app/p' });
      const sm = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [cluster] });
      const ssm = declaration.addAwsStore('ssm', { name: 'ssm', service: SecretBackend.AWS_PARAMETER_STORE, clusters: [cluster], ...second });
      declaration.addExternalSecret('a', { name: 'a', namespace: 'app', store: sm, data: [{ secretKey: 'k', secret }] });
      declaration.addExternalSecret('b', { name: 'b', namespace: 'app', store: ssm, data: [{ secretKey: 'k', secret: parameter }] });
      return { declaration, cluster, sm, ssm };
    }

    test('both stores name the controller\'s service account off EKS, and the identity lists both', () => {
      // GIVEN two stores on the controller's identity of a k3s cluster
      const { declaration, cluster, sm, ssm } = twoStores();
      // WHEN planning
      const plan = declaration.plan();
      // THEN one identity, both stores on it, and each store names the service account (no IRSA webhook off EKS)
      expect(plan.identities.map((i) => i.id)).toEqual(['controller-edge-aws']);
      expect(plan.identities[0].stores).toEqual([sm, ssm]);
      expect(plan.referencesServiceAccount(sm, cluster, 'external-secrets')).toBe(true);
      expect(plan.referencesServiceAccount(ssm, cluster, 'external-secrets')).toBe(true);
    });

    test('the second store\'s own checks run: asking the shared role to assume itself fails on that store', () => {
      // GIVEN the second store chaining to the controller role itself
      const { declaration } = twoStores({ assumeRoleArn: 'arn:aws:iam::111122223333:role/x-edge-eso-controller' });
      // WHEN planning THEN the error names the second store
      expect(() => declaration.plan()).toThrow(/^\[x\/stores\/ssm\] assumeRoleArn: received "arn:aws:iam::111122223333:role\/x-edge-eso-controller"\./);
    });
  });

  test('a generic cluster\'s issuer must be https', () => {
    const declaration = new SecretsDeclaration({ name: 'x' });
    expect(() => declaration.addCluster('k', { clusterName: 'k', oidcIssuerUrl: 'http://kind.local' })).toThrow(/^\[x\/clusters\/k\] oidcIssuerUrl: received "http:\/\/kind.local"\. Allowed: the cluster OIDC issuer as an https URL/);
  });
});
