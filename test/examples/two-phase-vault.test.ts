import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { SecretsDeclaration, VaultTokenReviewer } from '../../lib/core';
import { addTwoPhaseVaultBootstrapChart, addTwoPhaseVaultProductionChart } from '../../examples/two-phase-vault/k8s';
import { addTwoPhaseVaultStacks } from '../../examples/two-phase-vault/tf';
import { addBootstrapCredentialsChart } from '../../examples/bootstrap-credentials/k8s';
import { expectValidVaultValues } from '../helpers/chart-schema';
import { findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';
import { policyRules } from '../vault/helpers';

type EsSpec = { secretStoreRef: unknown; data: Array<{ secretKey: string; remoteRef: unknown }>; [key: string]: unknown };

describe('example: two-phase move from cloud stores to Vault', () => {
  // GIVEN both phases' charts and the three stacks, synthesized with validations on
  const bootstrap = synthValid(addTwoPhaseVaultBootstrapChart(new K8sApp()));
  const production = synthValid(addTwoPhaseVaultProductionChart(new K8sApp()));
  const [release, config] = addTwoPhaseVaultStacks(Testing.app()).map((s) => synthTerraform(s));

  test('phase 1 holds the azure-keyvault and aws-secretsmanager stores and the azure-credentials ExternalSecret in crossplane-system', () => {
    // WHEN listing the ESO objects
    const names = bootstrap.filter((m) => m.kind === 'ClusterSecretStore').map((m) => m.metadata?.name).sort();
    const es = findManifest(bootstrap, 'ExternalSecret', 'azure-credentials');
    // THEN (the bootstrap-credentials declaration, rendered as it is)
    expect(names).toEqual(['aws-secretsmanager', 'azure-keyvault']);
    expect(JSON.stringify(bootstrap)).toBe(JSON.stringify(addBootstrapCredentialsChart(new K8sApp()).toJson()));
    expect(es.metadata?.namespace).toBe('crossplane-system');
    expect((es.spec as EsSpec).secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'azure-keyvault' });
  });

  test('phase 2 holds exactly the issue\'s vault store (pinned mount and role, explicit http opt-in)', () => {
    // WHEN reading the store
    const stores = production.filter((m) => m.kind === 'ClusterSecretStore' || m.kind === 'SecretStore');
    // THEN
    expect(stores.map((m) => m.metadata?.name)).toEqual(['vault']);
    expect((stores[0].spec as { provider: unknown }).provider).toEqual({
      vault: {
        server: 'http://vault.vault:8200',
        path: 'secret',
        version: 'v2',
        auth: { kubernetes: { mountPath: 'kubernetes', role: 'external-secrets', serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } },
      },
    });
  });

  test('the two phases\' ExternalSecret differ only in secretStoreRef and remoteRef: name, namespace, target and keys are untouched', () => {
    // GIVEN the ExternalSecret of each phase
    const before = findManifest(bootstrap, 'ExternalSecret', 'azure-credentials');
    const after = findManifest(production, 'ExternalSecret', 'azure-credentials');
    // WHEN blanking the two fields that may change
    const blank = (m: K8sManifest) => {
      const spec = m.spec as EsSpec;
      return { ...m, spec: { ...spec, secretStoreRef: '<store>', data: spec.data.map((d) => ({ ...d, remoteRef: '<remote>' })) } };
    };
    // THEN everything else is identical, and what changed is exactly the store and the keys
    expect(blank(after)).toEqual(blank(before));
    expect((after.spec as EsSpec).secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'vault' });
    expect((after.spec as EsSpec).data).toEqual([{ secretKey: 'credentials', remoteRef: { key: 'crossplane/azure-credentials', property: 'credentials' } }]);
    expect((before.spec as EsSpec).data).toEqual([{ secretKey: 'credentials', remoteRef: { key: 'crossplane-azure-credentials' } }]);
    expect((after.spec as EsSpec).target).toEqual({ name: 'azure-credentials', creationPolicy: 'Owner', deletionPolicy: 'Retain' });
  });

  test('the Vault role binds exactly the controller service account the store names; the policy reads exactly the one key', () => {
    // WHEN reading the Vault stack
    const role = resourceWhere(config, 'vault_kubernetes_auth_backend_role', 'role_name', 'external-secrets');
    const [policy] = resourcesOf(config, 'vault_policy');
    // THEN
    expect(role).toMatchObject({ bound_service_account_names: ['external-secrets'], bound_service_account_namespaces: ['external-secrets'] });
    expect(role).not.toHaveProperty('audience');
    expect(policyRules(policy.policy)).toEqual({ 'secret/data/crossplane/azure-credentials': ['read'] });
    expect(resourceWhere(config, 'vault_kv_secret_v2', 'name', 'crossplane/azure-credentials')).toMatchObject({ data_json_wo: '{}', disable_read: true });
    expect(resourceWhere(config, 'vault_auth_backend', 'path', 'kubernetes').type).toBe('kubernetes');
    expect(resourcesOf(config, 'vault_kubernetes_auth_backend_config')[0]).toMatchObject({ kubernetes_host: 'https://kubernetes.default.svc:443', disable_local_ca_jwt: false });
    // Vault in the cluster reviews with its own account: no auth-delegator binding for the client
    expect(production.filter((m) => m.kind === 'ClusterRoleBinding')).toEqual([]);
    expect(valueLeaks(config)).toEqual([]);
  });

  test('the Vault release values are valid against the chart\'s schema: a lab (plain HTTP opt-in), injector and UI off', () => {
    // WHEN reading the values
    const vaultValues = helmValues(release, 'vault');
    // THEN
    expectValidVaultValues(vaultValues);
    expect(vaultValues).toMatchObject({ global: { tlsDisable: true }, injector: { enabled: false }, ui: { enabled: false }, server: { ha: { enabled: true, replicas: 1, raft: { enabled: true } } } });
    expect(valueLeaks(release)).toEqual([]);
  });

  test('the library checks that the Vault secret declares every property the ExternalSecret reads', () => {
    // GIVEN a Vault secret that lacks a property the moved ExternalSecret reads
    const d = new SecretsDeclaration({ name: 'tp-check' });
    const cluster = d.addCluster('lab', { clusterName: 'lab' });
    const server = d.addVaultServer('v', { address: 'http://vault.vault:8200', allowInsecureHttp: true });
    d.addVaultAuth('lab', { server, cluster, mountPath: 'kubernetes', reviewer: VaultTokenReviewer.VAULT_IN_CLUSTER });
    const secret = d.addVaultSecret('azure', { server, path: 'crossplane/azure-credentials', properties: ['clientId', 'clientSecret', 'tenantId'] });
    expect(() => d.addExternalSecret('whole', { name: 'whole', namespace: 'crossplane-system', store: d.stores[0] ?? d.addVaultStore('vault', { name: 'vault', server, role: 'external-secrets' }), data: [{ secretKey: 'credentials', secret, property: 'credentials' }] }))
      .toThrow('[tp-check/externalSecrets/whole] data[0].property: received "credentials". Allowed: a property secret "crossplane/azure-credentials" declares: "clientId", "clientSecret", "tenantId".');
    const store = d.stores[0];
    // WHEN / THEN
    expect(() => d.addExternalSecret('azure-credentials', {
      name: 'azure-credentials', namespace: 'crossplane-system', store,
      data: ['clientId', 'subscriptionId'].map((property) => ({ secretKey: property, secret, property })),
    })).toThrow('[tp-check/externalSecrets/azure-credentials] data[1].property: received "subscriptionId". ' +
      'Allowed: a property secret "crossplane/azure-credentials" declares: "clientId", "clientSecret", "tenantId". Fix: fix the property name, or add it to the secret\'s properties.');
  });
});
