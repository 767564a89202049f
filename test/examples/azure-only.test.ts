import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { AUDIT_WORKSPACE_ID, declaration, NODE_SUBNET_ID, TENANT_ID } from '../../examples/azure-only/declaration';
import { renderAccessMatrix } from '../../lib/core';
import { addAzureOnlyChart } from '../../examples/azure-only/k8s';
import { addAzureOnlyStacks } from '../../examples/azure-only/tf';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

const ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/5a6b7c8d-1e2f-4a3b-9c8d-7e6f5a4b3c2d/`;

describe('example: Azure-only', () => {
  // GIVEN the example's two stacks and its chart, synthesized with validations on
  const { clusterStack, secretsStack } = addAzureOnlyStacks(Testing.app());
  const cluster = synthTerraform(clusterStack);
  const secrets = synthTerraform(secretsStack);
  const manifests = synthValid(addAzureOnlyChart(new K8sApp()));

  test('audit trail: the vault\'s AuditEvent logs go to the security workspace; the access matrix says so', () => {
    // GIVEN / WHEN
    const settings = resourcesOf(secrets, 'azurerm_monitor_diagnostic_setting');
    // THEN one setting, on the declared vault, AuditEvent only
    expect(settings).toEqual([{
      name: 'eso-audit', target_resource_id: expect.stringMatching(/^\$\{azurerm_key_vault\.[A-Za-z0-9_-]+\.id\}$/),
      log_analytics_workspace_id: AUDIT_WORKSPACE_ID, enabled_log: [{ category: 'AuditEvent' }],
    }]);
    expect(renderAccessMatrix(declaration)).toContain(`| Azure Key Vault | diagnostic setting eso-audit (category AuditEvent) on kv-payments-prod → Log Analytics workspace ${AUDIT_WORKSPACE_ID} |`);
  });

  test('the AKS cluster has workload identity, a user-assigned identity, and KMS wired to a rotating key', () => {
    // WHEN reading the cluster
    const aks = resourceWhere(cluster, 'azurerm_kubernetes_cluster', 'name', 'aks-payments-prod');
    // THEN workload identity, OIDC issuer and a user-assigned identity are on
    expect(aks.oidc_issuer_enabled).toBe(true);
    expect(aks.workload_identity_enabled).toBe(true);
    expect(aks.local_account_disabled).toBe(true);
    expect(aks.identity).toEqual({ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.aks-identity.id}'] });
    // AND key_management_service points at the versioned key, publicly reachable
    expect(aks.key_management_service).toEqual({
      key_vault_key_id: expect.stringMatching(/^\$\{azurerm_key_vault_key\.kms_Key_[0-9A-F]+\.id\}$/),
      key_vault_network_access: 'Public',
    });
    const [key] = resourcesOf(cluster, 'azurerm_key_vault_key');
    expect(key.rotation_policy).toEqual({ automatic: { time_after_creation: 'P90D' }, expire_after: 'P730D', notify_before_expiry: 'P30D' });
    // AND the cluster identity holds Key Vault Crypto User on the key (not the vault), before the cluster is created
    const crypto = resourceWhere(cluster, 'azurerm_role_assignment', 'role_definition_name', 'Key Vault Crypto User');
    expect(crypto.scope).toMatch(/^\$\{azurerm_key_vault_key\.kms_Key_[0-9A-F]+\.resource_versionless_id\}$/);
    expect(crypto.principal_id).toBe('${azurerm_user_assigned_identity.aks-identity.principal_id}');
    expect(aks.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_role_assignment\.kms_KeyVaultCryptoUser/)]));
    expect((aks.default_node_pool as { vnet_subnet_id: string }).vnet_subnet_id).toBe(NODE_SUBNET_ID);
    expect(cluster.output?.oidc_issuer_url).toEqual({ value: '${azurerm_kubernetes_cluster.cluster.oidc_issuer_url}' });
  });

  test('the secrets vault is RBAC-only, purge-protected, and denies everything but the AKS node subnet and the Terraform runner', () => {
    // WHEN reading the vault ESO reads
    const vault = resourceWhere(secrets, 'azurerm_key_vault', 'name', 'kv-payments-prod');
    // THEN
    expect(vault.rbac_authorization_enabled).toBe(true);
    expect(vault.purge_protection_enabled).toBe(true);
    expect(vault.soft_delete_retention_days).toBe(90);
    expect(vault.network_acls).toEqual({
      bypass: 'AzureServices', default_action: 'Deny',
      virtual_network_subnet_ids: [NODE_SUBNET_ID], ip_rules: ['203.0.113.10/32'],
    });
    expect(vault).not.toHaveProperty('access_policy');
  });

  test('the controller identity federates exactly the ESO service account of the AKS issuer', () => {
    // WHEN reading the identity and its credentials
    const identity = resourceWhere(secrets, 'azurerm_user_assigned_identity', 'name', 'payments-prod-eso-controller');
    const credentials = resourcesOf(secrets, 'azurerm_federated_identity_credential');
    // THEN one credential, subject/issuer/audience exact
    expect(identity.resource_group_name).toBe('rg-payments-prod');
    expect(credentials).toEqual([expect.objectContaining({
      issuer: ISSUER,
      subject: 'system:serviceaccount:external-secrets:external-secrets',
      audience: ['api://AzureADTokenExchange'],
      parent_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.platform_Identity-controller-prod_[0-9A-F]+\.id\}$/),
    })]);
  });

  test('Key Vault Secrets User is scoped to each secret read, never wider', () => {
    // WHEN collecting every role assignment of the secrets stack
    const assignments = resourcesOf(secrets, 'azurerm_role_assignment');
    // THEN exactly one Secrets User per secret, on the secret's versionless ID
    expect(assignments.map((a) => a.role_definition_name)).toEqual(['Key Vault Secrets User', 'Key Vault Secrets User']);
    expect(assignments.map((a) => a.scope).sort()).toEqual([
      expect.stringMatching(/^\$\{azurerm_key_vault_secret\.platform_Secret-database_[0-9A-F]+\.resource_versionless_id\}$/),
      expect.stringMatching(/^\$\{azurerm_key_vault_secret\.platform_Secret-ledger-api-key_[0-9A-F]+\.resource_versionless_id\}$/),
    ]);
    for (const assignment of assignments) {
      expect(assignment.principal_id).toMatch(/^\$\{azurerm_user_assigned_identity\.platform_Identity-controller-prod_[0-9A-F]+\.principal_id\}$/);
      expect(String(assignment.scope)).not.toMatch(/resourceGroups|subscriptions|azurerm_key_vault\./);
    }
  });

  test('secret values only go through write-only attributes and sensitive variables', () => {
    // WHEN reading the secrets
    const database = resourceWhere(secrets, 'azurerm_key_vault_secret', 'name', 'payments-database');
    const apiKey = resourceWhere(secrets, 'azurerm_key_vault_secret', 'name', 'ledger-api-key');
    // THEN
    expect(database.value_wo).toBe('${var.payments_database_credentials}');
    expect(apiKey.value_wo).toBe('');
    expect(secrets.variable?.payments_database_credentials).toEqual(expect.objectContaining({ sensitive: true, type: 'string' }));
    expect(valueLeaks(secrets)).toEqual([]);
    expect(valueLeaks(cluster)).toEqual([]);
  });

  test('the ESO release carries the identity client ID, tenant and pod label, and values fit the chart schema', () => {
    // WHEN reading the Helm values
    const eso = helmValues(secrets, 'external-secrets');
    // THEN
    expect(eso.serviceAccount).toEqual({
      create: true, name: 'external-secrets',
      annotations: {
        'azure.workload.identity/client-id': expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.platform_Identity-controller-prod_[0-9A-F]+\.client_id\}$/),
        'azure.workload.identity/tenant-id': TENANT_ID,
      },
    });
    expect(eso.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expectValidEsoValues(eso);
    expectValidReloaderValues(helmValues(secrets, 'reloader'));
    expect(secrets.output?.eso_client_id_controller_prod).toEqual(expect.objectContaining({
      value: expect.stringMatching(/\.client_id\}$/),
    }));
  });

  test('the ClusterSecretStore uses the controller workload identity and admits exactly the two namespaces', () => {
    // WHEN reading the store
    const store = findManifest(manifests, 'ClusterSecretStore', 'azure-key-vault');
    // THEN
    expect(store.spec).toEqual({
      conditions: [{ namespaces: ['ledger', 'payments'] }],
      provider: { azurekv: { authType: 'WorkloadIdentity', tenantId: TENANT_ID, vaultUrl: 'https://kv-payments-prod.vault.azure.net/', environmentType: 'PublicCloud', useAzureSDK: false } },
    });
    // AND no identity-bearing service account is emitted (the Helm release owns the controller's)
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
  });

  test('ExternalSecrets land in both namespaces and the workloads roll on change', () => {
    // WHEN reading the ExternalSecrets and Deployments
    const database = findManifest(manifests, 'ExternalSecret', 'database-credentials');
    const ledger = findManifest(manifests, 'ExternalSecret', 'ledger-api-key');
    // THEN
    expect(database.metadata?.namespace).toBe('payments');
    expect(ledger.metadata?.namespace).toBe('ledger');
    expect(database.spec?.data).toEqual([
      { secretKey: 'DB_USER', remoteRef: { key: 'payments-database', property: 'username' } },
      { secretKey: 'DB_PASSWORD', remoteRef: { key: 'payments-database', property: 'password' } },
      { secretKey: 'DB_HOST', remoteRef: { key: 'payments-database', property: 'host' } },
    ]);
    expect(ledger.spec?.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'azure-key-vault' });
    expect(findManifest(manifests, 'Deployment', 'payments-api').metadata?.annotations)
      .toEqual({ 'secret.reloader.stakater.com/reload': 'database-credentials' });
    expect(findManifest(manifests, 'Deployment', 'ledger-worker').metadata?.annotations)
      .toEqual({ 'secret.reloader.stakater.com/reload': 'ledger-api-key' });
    expect(manifests.filter((m) => m.kind === 'Namespace').map((m) => m.metadata?.name)).toEqual(['ledger', 'payments']);
  });
});
