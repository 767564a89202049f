import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { renderAccessMatrix } from '../../lib/core';
import { declaration } from '../../examples/multi-cloud-tenants/declaration';
import { addMultiCloudTenantsCharts } from '../../examples/multi-cloud-tenants/k8s';
import { addMultiCloudTenantsStacks } from '../../examples/multi-cloud-tenants/tf';
import { K8sManifest, synthValid } from '../helpers/eso-schema';
import { resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';
import { policyRules } from '../vault/helpers';

const GKE_POOL = 'projects/314159265358/locations/global/workloadIdentityPools/platform-prod-4711.svc.id.goog';
const ONPREM_AUDIENCE = '//iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/platform-onprem/providers/kubernetes';

function ofKind(manifests: readonly K8sManifest[], kind: string): K8sManifest[] {
  return manifests.filter((m) => m.kind === kind);
}

type VaultJwtBlock = { path: string; role: string; kubernetesServiceAccountToken: { serviceAccountRef: { name: string; namespace: string; audiences: string[] } } };

function vaultProvider(manifests: readonly K8sManifest[], name: string): { server: string; path: string; version: string; auth: { jwt: VaultJwtBlock } } {
  const store = manifests.find((m) => m.kind === 'ClusterSecretStore' && m.metadata?.name === name)!;
  return (store.spec as { provider: { vault: { server: string; path: string; version: string; auth: { jwt: VaultJwtBlock } } } }).provider.vault;
}

function gcpsmAuth(manifests: readonly K8sManifest[], name: string): unknown {
  const store = manifests.find((m) => m.kind === 'ClusterSecretStore' && m.metadata?.name === name)!;
  return (store.spec as { provider: { gcpsm: { auth: unknown } } }).provider.gcpsm.auth;
}

describe('example: multi-cloud tenants (AKS + GKE + on-prem, Key Vault + Secret Manager + Vault)', () => {
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

  test('GKE nodes: one autoscaled pool, shielded, GKE metadata server, a dedicated node account with the node role and logs/metrics scopes only', () => {
    // WHEN reading the node pool, the cluster and the node account
    const pools = resourcesOf(gkeJson, 'google_container_node_pool');
    const cluster = resourceWhere(gkeJson, 'google_container_cluster', 'name', 'gke-platform');
    const account = resourceWhere(gkeJson, 'google_service_account', 'account_id', 'gke-platform-nodes');
    const accountId = Object.entries(gkeJson.resource!.google_service_account).find(([, body]) => body === account)![0];
    // THEN one pool of the cluster, with at least one node
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({
      cluster: expect.stringMatching(/^\$\{google_container_cluster\.cluster\.name\}$/), location: 'europe-west1',
      autoscaling: { min_node_count: 1, max_node_count: 3 }, management: { auto_repair: true, auto_upgrade: true },
    });
    // AND the pool and the (removed) default pool run with the same hardened node settings
    const nodeConfig = {
      machine_type: 'e2-standard-4',
      service_account: `\${google_service_account.${accountId}.email}`,
      oauth_scopes: ['https://www.googleapis.com/auth/logging.write', 'https://www.googleapis.com/auth/monitoring'],
      workload_metadata_config: { mode: 'GKE_METADATA' },
      shielded_instance_config: { enable_secure_boot: true, enable_integrity_monitoring: true },
      metadata: { 'disable-legacy-endpoints': 'true' },
    };
    expect(pools[0].node_config).toEqual(nodeConfig);
    expect(cluster.node_config).toEqual(nodeConfig);
    expect(cluster).toMatchObject({ remove_default_node_pool: true, enable_shielded_nodes: true });
    // AND the node account holds exactly the minimal node role, on the project
    expect(resourcesOf(gkeJson, 'google_project_iam_member')).toEqual([{
      project: 'platform-prod-4711', role: 'roles/container.defaultNodeServiceAccount', member: `\${google_service_account.${accountId}.member}`,
    }]);
  });

  test('ESO on each of the three clusters, through its own connection, with no controller identity (every store has its own service account)', () => {
    // WHEN reading the releases and their Helm providers
    const releases = resourcesOf(secrets, 'helm_release').filter((r) => r.chart === 'external-secrets');
    const helm = secrets.provider as { helm: Array<{ alias: string; kubernetes: Record<string, unknown> }> };
    // THEN one release per cluster, each on its aliased provider, no Reloader
    expect(releases.map((r) => r.provider).sort()).toEqual(['helm.aks', 'helm.gke', 'helm.onprem']);
    expect(resourcesOf(secrets, 'helm_release')).toHaveLength(3);
    expect(helm.helm.find((p) => p.alias === 'onprem')!.kubernetes).toEqual({ config_path: '~/.kube/config', config_context: 'rke2-onprem' });
    expect((helm.helm.find((p) => p.alias === 'gke')!.kubernetes.exec as { command: string }).command).toBe('gke-gcloud-auth-plugin');
    expect((helm.helm.find((p) => p.alias === 'aks')!.kubernetes.exec as { command: string }).command).toBe('kubelogin');
    for (const release of releases) {
      const values = JSON.parse((release.values as string[])[0]) as { serviceAccount: { annotations?: unknown } };
      expect(values.serviceAccount.annotations).toBeUndefined();
    }
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
      const gcpsm = ofKind(chart, 'ClusterSecretStore').filter((s) => 'gcpsm' in (s.spec as { provider: object }).provider);
      expect(gcpsm.map((s) => [s.metadata?.name, (s.spec as { conditions: unknown }).conditions])).toEqual([
        ['google-jenkins', [{ namespaces: ['jenkins'] }]], ['google-netbox', [{ namespaces: ['netbox'] }]],
      ]);
      // the tenants' Google service accounts carry no annotation (direct principal / pool principal)
      expect(ofKind(chart, 'ServiceAccount').filter((s) => s.metadata?.name?.startsWith('eso-google-'))
        .map((s) => [s.metadata?.name, s.metadata?.annotations?.['iam.gke.io/gcp-service-account']]))
        .toEqual([['eso-google-jenkins', undefined], ['eso-google-netbox', undefined]]);
    }
    expect(ofKind(manifests.gke, 'ClusterSecretStore').map((s) => s.metadata?.name)).toEqual(['google-jenkins', 'google-netbox']);
    expect(ofKind(manifests.aks, 'ClusterSecretStore').map((s) => s.metadata?.name)).toEqual(['azure-jenkins', 'azure-netbox']);
  });

  test('Vault on-prem: one JWT auth mount trusting the RKE2 issuer, the KV v2 mount, the tenants\' keys without any value in state', () => {
    // WHEN reading the Vault resources of the secrets stack
    const mount = resourceWhere(secrets, 'vault_jwt_auth_backend', 'path', 'jwt-onprem');
    const keys = resourcesOf(secrets, 'vault_kv_secret_v2');
    // THEN Vault verifies the tokens against the on-prem cluster's public issuer (no TokenReview, no Kubernetes auth mount)
    expect(mount).toMatchObject({ type: 'jwt', oidc_discovery_url: 'https://oidc.rke2.onprem.example.com', bound_issuer: 'https://oidc.rke2.onprem.example.com' });
    expect(resourcesOf(secrets, 'vault_jwt_auth_backend')).toHaveLength(1);
    expect(resourcesOf(secrets, 'vault_auth_backend')).toEqual([]);
    expect(resourceWhere(secrets, 'vault_mount', 'path', 'secret')).toMatchObject({ type: 'kv', options: { version: '2' } });
    // AND each tenant's key is created empty once and never read back
    expect(keys.map((k) => k.name).sort()).toEqual(['jenkins/agent', 'netbox/ldap']);
    keys.forEach((k) => expect(k).toMatchObject({ data_json_wo: '{}', disable_read: true, cas: 0 }));
    expect(valueLeaks(secrets)).toEqual([]);
  });

  test('each tenant\'s Vault role is bound to exactly the service account its store names in the on-prem YAML', () => {
    // WHEN comparing each role with the ClusterSecretStore that logs in with it
    const roles = resourcesOf(secrets, 'vault_jwt_auth_backend_role');
    // THEN one role per tenant, bound to that tenant store's service account only, with the store's audience
    expect(roles).toHaveLength(2);
    for (const tenant of ['jenkins', 'netbox']) {
      const { jwt } = vaultProvider(manifests.onprem, `vault-${tenant}`).auth;
      const account = jwt.kubernetesServiceAccountToken.serviceAccountRef;
      expect(account).toEqual({ name: `eso-vault-${tenant}`, namespace: 'external-secrets', audiences: ['vault'] });
      expect(jwt.path).toBe('jwt-onprem');
      const role = resourceWhere(secrets, 'vault_jwt_auth_backend_role', 'role_name', jwt.role);
      expect(role).toMatchObject({
        role_name: `platform-vault-${tenant}-eso`, role_type: 'jwt', user_claim: 'sub',
        bound_subject: `system:serviceaccount:external-secrets:eso-vault-${tenant}`, bound_audiences: ['vault'],
      });
      // AND its only policy is the tenant's compiled policy
      const [policyRef] = role.token_policies as string[];
      expect(role.token_policies).toHaveLength(1);
      const policyId = /^\$\{vault_policy\.([^.]+)\.name\}$/.exec(policyRef)![1];
      expect(secrets.resource!.vault_policy[policyId].name).toBe(`jwt-onprem-platform-vault-${tenant}-eso`);
      // AND the service account the role trusts is emitted on the on-prem cluster, in that namespace
      expect(ofKind(manifests.onprem, 'ServiceAccount').filter((s) => s.metadata?.name === account.name).map((s) => s.metadata?.namespace)).toEqual(['external-secrets']);
    }
  });

  test('each tenant\'s Vault policy grants read on its own key only: no other tenant\'s path, no wildcard', () => {
    // WHEN reading the policies
    const policies = resourcesOf(secrets, 'vault_policy');
    const rules = Object.fromEntries(policies.map((p) => [p.name as string, policyRules(p.policy)]));
    // THEN exactly one path per tenant, its own
    expect(rules).toEqual({
      'jwt-onprem-platform-vault-jenkins-eso': { 'secret/data/jenkins/agent': ['read'] },
      'jwt-onprem-platform-vault-netbox-eso': { 'secret/data/netbox/ldap': ['read'] },
    });
    // AND the HCL names no other tenant and no glob
    const hcl = (tenant: string) => String(policies.find((p) => p.name === `jwt-onprem-platform-vault-${tenant}-eso`)!.policy);
    expect(hcl('jenkins')).not.toContain('netbox');
    expect(hcl('netbox')).not.toContain('jenkins');
    policies.forEach((p) => expect(String(p.policy)).not.toMatch(/[*+]/));
  });

  test('Vault stores on the on-prem cluster only, one per tenant admitting only its namespace; the ExternalSecrets read their own key', () => {
    // THEN (valid against the ESO CRD bundle: synthValid)
    const vaultStores = (chart: readonly K8sManifest[]) => ofKind(chart, 'ClusterSecretStore').filter((s) => 'vault' in (s.spec as { provider: object }).provider);
    expect(vaultStores(manifests.onprem).map((s) => [s.metadata?.name, (s.spec as { conditions: unknown }).conditions])).toEqual([
      ['vault-jenkins', [{ namespaces: ['jenkins'] }]], ['vault-netbox', [{ namespaces: ['netbox'] }]],
    ]);
    expect(vaultStores(manifests.aks)).toEqual([]);
    expect(vaultStores(manifests.gke)).toEqual([]);
    expect(vaultProvider(manifests.onprem, 'vault-jenkins')).toEqual({
      server: 'https://vault.onprem.example.com:8200', path: 'secret', version: 'v2',
      auth: { jwt: { path: 'jwt-onprem', role: 'platform-vault-jenkins-eso', kubernetesServiceAccountToken: { serviceAccountRef: { name: 'eso-vault-jenkins', namespace: 'external-secrets', audiences: ['vault'] } } } },
    });
    // AND each tenant's ExternalSecret is in its namespace, on its tenant's Vault store, reading its own key
    const es = (name: string) => ofKind(manifests.onprem, 'ExternalSecret').find((m) => m.metadata?.name === name)!;
    expect(es('jenkins-agent').metadata?.namespace).toBe('jenkins');
    expect(es('jenkins-agent').spec).toMatchObject({
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault-jenkins' },
      data: [{ secretKey: 'JENKINS_SECRET', remoteRef: { key: 'jenkins/agent', property: 'secret' } }],
    });
    expect(es('netbox-ldap').metadata?.namespace).toBe('netbox');
    expect(es('netbox-ldap').spec).toMatchObject({
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault-netbox' },
      data: [
        { secretKey: 'AUTH_LDAP_BIND_DN', remoteRef: { key: 'netbox/ldap', property: 'bind_dn' } },
        { secretKey: 'AUTH_LDAP_BIND_PASSWORD', remoteRef: { key: 'netbox/ldap', property: 'bind_password' } },
      ],
    });
    // AND the Vault ExternalSecrets exist on the on-prem cluster only
    expect(ofKind(manifests.onprem, 'ExternalSecret').map((m) => m.metadata?.name)).toEqual(['jenkins-github', 'netbox-secret-key', 'jenkins-agent', 'netbox-ldap']);
    expect(ofKind(manifests.gke, 'ExternalSecret').map((m) => m.metadata?.name)).toEqual(['jenkins-github', 'netbox-secret-key']);
    expect(ofKind(manifests.aks, 'ExternalSecret').map((m) => m.metadata?.name)).toEqual(['jenkins-admin', 'netbox-database']);
  });

  test('a variant where a jenkins ExternalSecret reads the netbox Vault secret fails at plan, naming both tenants', () => {
    // GIVEN a fresh copy of the example's declaration
    let example!: typeof import('../../examples/multi-cloud-tenants/declaration');
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      example = require('../../examples/multi-cloud-tenants/declaration') as typeof import('../../examples/multi-cloud-tenants/declaration');
    });
    // WHEN the jenkins store reads netbox's LDAP bind password into the jenkins namespace
    example.declaration.addExternalSecret('jenkins-ldap', {
      name: 'jenkins-ldap', namespace: 'jenkins', store: example.vaultJenkins,
      data: [{ secretKey: 'password', secret: example.netboxLdap, property: 'bind_password' }],
    });
    // THEN
    expect(() => example.declaration.plan()).toThrow(
      '[platform/externalSecrets/jenkins-ldap] data[0].secret: received "netbox-ldap". Allowed: secrets of tenant "jenkins" (namespace "jenkins") or of no tenant; '
      + '"netbox-ldap" belongs to tenant "netbox". Fix: use it from a namespace of tenant "netbox", or declare a secret of tenant "jenkins".');
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
    expect(matrix).toContain('| jenkins | jenkins | jenkins-admins | azure-jenkins, google-jenkins, vault-jenkins | Google principals of external-secrets/eso-google-jenkins'
      + '<br>Vault role jwt-onprem/platform-vault-jenkins-eso<br>identity platform-azure-jenkins-eso | `jenkins-admin`, `jenkins-github-token`, `jenkins/agent` |');
    expect(matrix).toContain('| netbox | netbox | netbox-admins | azure-netbox, google-netbox, vault-netbox | Google principals of external-secrets/eso-google-netbox'
      + '<br>Vault role jwt-onprem/platform-vault-netbox-eso<br>identity platform-azure-netbox-eso | `netbox-database`, `netbox-secret-key`, `netbox/ldap` |');
    // AND the Vault roles read only their tenant's key, on the on-prem cluster only
    expect(matrix).toContain('| Vault role jwt-onprem/platform-vault-jenkins-eso | Vault JWT auth (public issuer) | external-secrets:eso-vault-jenkins | onprem | `jenkins/agent` (read on secret/data/jenkins/agent) | nothing |');
    expect(matrix).toContain('| Vault role jwt-onprem/platform-vault-netbox-eso | Vault JWT auth (public issuer) | external-secrets:eso-vault-netbox | onprem | `netbox/ldap` (read on secret/data/netbox/ldap) | nothing |');
  });
});
