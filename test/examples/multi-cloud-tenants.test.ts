import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { renderAccessMatrix } from '../../lib/core';
import { declaration } from '../../examples/multi-cloud-tenants/declaration';
import { addMultiCloudTenantsCharts } from '../../examples/multi-cloud-tenants/k8s';
import { addMultiCloudTenantsStacks } from '../../examples/multi-cloud-tenants/tf';
import { K8sManifest, synthValid } from '../helpers/eso-schema';
import { resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

const GKE_POOL = 'projects/314159265358/locations/global/workloadIdentityPools/platform-prod-4711.svc.id.goog';
const ONPREM_AUDIENCE = '//iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/platform-onprem/providers/kubernetes';

function ofKind(manifests: readonly K8sManifest[], kind: string): K8sManifest[] {
  return manifests.filter((m) => m.kind === kind);
}

function gcpsmAuth(manifests: readonly K8sManifest[], name: string): unknown {
  const store = manifests.find((m) => m.kind === 'ClusterSecretStore' && m.metadata?.name === name)!;
  return (store.spec as { provider: { gcpsm: { auth: unknown } } }).provider.gcpsm.auth;
}

describe('example: multi-cloud tenants (AKS + GKE + on-prem, Key Vault + Secret Manager)', () => {
  // GIVEN the example's stacks and charts, synthesized with validations on (charts against the CRD and Kubernetes schemas)
  const stacks = addMultiCloudTenantsStacks(Testing.app());
  const aksJson = synthTerraform(stacks.aksStack);
  const gkeJson = synthTerraform(stacks.gkeStack);
  const secrets = synthTerraform(stacks.secretsStack);
  const charts = addMultiCloudTenantsCharts(new K8sApp());
  const manifests = { aks: synthValid(charts.aks), gke: synthValid(charts.gke), onprem: synthValid(charts.onprem) };

  test('Secret Manager roles only per secret, each tenant\'s secret only to its own principals, members exactly the emitted ones', () => {
    // WHEN reading every IAM resource of the secrets stack
    const types = Object.keys(secrets.resource ?? {});
    const bindings = resourcesOf(secrets, 'google_secret_manager_secret_iam_member');
    const secretRef = (name: string) => {
      const id = Object.entries(secrets.resource!.google_secret_manager_secret).find(([, body]) => body.secret_id === name)![0];
      return `\${google_secret_manager_secret.${id}.id}`;
    };
    const poolName = `\${google_iam_workload_identity_pool.${Object.keys(secrets.resource!.google_iam_workload_identity_pool)[0]}.name}`;
    const grants = (name: string) => bindings.filter((b) => b.secret_id === secretRef(name)).map((b) => `${b.role as string} ${b.member as string}`).sort();
    // THEN nothing is granted on a project, folder or organization
    expect(types.filter((t) => /^google_(project|folder|organization)_iam_/.test(t))).toEqual([]);
    expect(bindings).toHaveLength(4);
    // AND each tenant's Google secret is readable by its own store's principals only: the GKE direct principal and the on-prem pool principal
    expect(grants('jenkins-github-token')).toEqual([
      `roles/secretmanager.secretAccessor principal://iam.googleapis.com/${poolName}/subject/system:serviceaccount:external-secrets:eso-google-jenkins`,
      `roles/secretmanager.secretAccessor principal://iam.googleapis.com/${GKE_POOL}/subject/ns/external-secrets/sa/eso-google-jenkins`,
    ]);
    expect(grants('netbox-secret-key')).toEqual([
      `roles/secretmanager.secretAccessor principal://iam.googleapis.com/${poolName}/subject/system:serviceaccount:external-secrets:eso-google-netbox`,
      `roles/secretmanager.secretAccessor principal://iam.googleapis.com/${GKE_POOL}/subject/ns/external-secrets/sa/eso-google-netbox`,
    ]);
    // AND no Google service account exists (direct principals), and the secrets have no value in state
    expect(resourcesOf(secrets, 'google_service_account')).toEqual([]);
    expect(resourcesOf(secrets, 'google_secret_manager_secret_version')).toEqual([]);
    expect(valueLeaks(secrets)).toEqual([]);
  });

  test('the on-prem pool trusts the RKE2 issuer and admits exactly the two tenants\' service accounts', () => {
    // WHEN reading the pool provider
    const provider = resourcesOf(secrets, 'google_iam_workload_identity_pool_provider')[0];
    // THEN
    expect(provider.oidc).toEqual({ issuer_uri: 'https://oidc.rke2.onprem.example.com' });
    expect(provider.attribute_mapping).toEqual({ 'google.subject': 'assertion.sub' });
    expect(provider.attribute_condition).toBe(
      'assertion.sub in [\'system:serviceaccount:external-secrets:eso-google-jenkins\', \'system:serviceaccount:external-secrets:eso-google-netbox\']');
    expect(resourceWhere(secrets, 'google_iam_workload_identity_pool', 'workload_identity_pool_id', 'platform-onprem').project).toBe('platform-prod-4711');
  });

  test('Key Vault: one Entra identity per tenant store, Secrets User on its tenant\'s secret only, federated on the AKS issuer', () => {
    // WHEN reading the role assignments
    const assignments = resourcesOf(secrets, 'azurerm_role_assignment');
    // THEN two assignments, both per secret (never the vault), one per tenant identity
    expect(assignments).toHaveLength(2);
    expect(assignments.map((a) => a.role_definition_name)).toEqual(['Key Vault Secrets User', 'Key Vault Secrets User']);
    expect(assignments.map((a) => a.scope).sort()).toEqual([
      expect.stringMatching(/^\$\{azurerm_key_vault_secret\.platform_Secret-jenkins-admin_[0-9A-F]+\.resource_versionless_id\}$/),
      expect.stringMatching(/^\$\{azurerm_key_vault_secret\.platform_Secret-netbox-database_[0-9A-F]+\.resource_versionless_id\}$/),
    ]);
    expect(resourcesOf(secrets, 'azurerm_federated_identity_credential').map((c) => c.subject).sort()).toEqual([
      'system:serviceaccount:external-secrets:eso-azure-jenkins', 'system:serviceaccount:external-secrets:eso-azure-netbox',
    ]);
  });

  test('AKS KMS and GKE application-layer encryption of Kubernetes Secrets', () => {
    // WHEN reading the cluster stacks
    const aks = resourceWhere(aksJson, 'azurerm_kubernetes_cluster', 'name', 'aks-platform');
    const gke = resourceWhere(gkeJson, 'google_container_cluster', 'name', 'gke-platform');
    // THEN AKS uses a rotating Key Vault key
    expect(aks.key_management_service).toEqual({ key_vault_key_id: expect.stringMatching(/^\$\{azurerm_key_vault_key\.kms_Key_[0-9A-F]+\.id\}$/), key_vault_network_access: 'Public' });
    // AND GKE a rotating Cloud KMS key that only the GKE service agent may use, on the key
    expect(gke.database_encryption).toEqual({ state: 'ENCRYPTED', key_name: expect.stringMatching(/^\$\{google_kms_crypto_key\.secrets-encryption_Key_[0-9A-F]+\.id\}$/) });
    expect(gke.workload_identity_config).toEqual({ workload_pool: 'platform-prod-4711.svc.id.goog' });
    expect(resourcesOf(gkeJson, 'google_kms_crypto_key')[0].rotation_period).toBe('7776000s');
    expect(resourcesOf(gkeJson, 'google_kms_crypto_key_iam_member')).toEqual([{
      crypto_key_id: expect.stringMatching(/^\$\{google_kms_crypto_key\.secrets-encryption_Key_[0-9A-F]+\.id\}$/),
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: 'serviceAccount:service-314159265358@container-engine-robot.iam.gserviceaccount.com',
    }]);
  });

  test('gcpsm stores: GKE workload identity on GKE, the pool audience on-prem, each admitting one tenant namespace', () => {
    // THEN (the manifests are valid against the ESO CRD bundle: synthValid)
    expect(gcpsmAuth(manifests.gke, 'google-jenkins')).toEqual({
      workloadIdentity: {
        serviceAccountRef: { name: 'eso-google-jenkins', namespace: 'external-secrets' },
        clusterName: 'gke-platform', clusterLocation: 'europe-west1', clusterProjectID: 'platform-prod-4711',
      },
    });
    expect(gcpsmAuth(manifests.onprem, 'google-netbox')).toEqual({
      workloadIdentityFederation: { audience: ONPREM_AUDIENCE, serviceAccountRef: { name: 'eso-google-netbox', namespace: 'external-secrets' } },
    });
    for (const chart of [manifests.gke, manifests.onprem]) {
      expect(ofKind(chart, 'ClusterSecretStore').map((s) => [s.metadata?.name, (s.spec as { conditions: unknown }).conditions])).toEqual([
        ['google-jenkins', [{ namespaces: ['jenkins'] }]], ['google-netbox', [{ namespaces: ['netbox'] }]],
      ]);
      // the tenants' service accounts carry no annotation (direct principal / pool principal)
      expect(ofKind(chart, 'ServiceAccount').map((s) => [s.metadata?.name, s.metadata?.annotations?.['iam.gke.io/gcp-service-account']]))
        .toEqual([['eso-google-jenkins', undefined], ['eso-google-netbox', undefined]]);
    }
    expect(ofKind(manifests.aks, 'ClusterSecretStore').map((s) => s.metadata?.name)).toEqual(['azure-jenkins', 'azure-netbox']);
  });

  test('tenant RBAC: a Role and RoleBinding per tenant namespace on every cluster, nothing cluster-wide', () => {
    for (const chart of [manifests.aks, manifests.gke, manifests.onprem]) {
      // THEN (valid against the Kubernetes schemas: synthValid)
      expect(ofKind(chart, 'Role').map((r) => `${r.metadata?.namespace}/${r.metadata?.name}`)).toEqual(['jenkins/external-secrets-jenkins', 'netbox/external-secrets-netbox']);
      expect(ofKind(chart, 'RoleBinding').map((b) => (b as K8sManifest & { subjects: Array<{ name: string }> }).subjects.map((s) => s.name))).toEqual([['jenkins-admins'], ['netbox-admins']]);
      expect(ofKind(chart, 'ClusterRole')).toEqual([]);
      expect(ofKind(chart, 'ClusterRoleBinding')).toEqual([]);
    }
  });

  test('the access matrix lists the tenants with their namespaces, stores, identities and secrets', () => {
    // WHEN
    const matrix = renderAccessMatrix(declaration);
    // THEN
    expect(matrix).toContain('| jenkins | jenkins | jenkins-admins | azure-jenkins, google-jenkins | Google principals of external-secrets/eso-google-jenkins<br>identity platform-azure-jenkins-eso | `jenkins-admin`, `jenkins-github-token` |');
    expect(matrix).toContain('| netbox | netbox | netbox-admins | azure-netbox, google-netbox | Google principals of external-secrets/eso-google-netbox<br>identity platform-azure-netbox-eso | `netbox-database`, `netbox-secret-key` |');
  });
});
