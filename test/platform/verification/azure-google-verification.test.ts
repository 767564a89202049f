import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { SecretManagerSecretIamPolicy } from '@cdktf/provider-google/lib/secret-manager-secret-iam-policy';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { TerraformStack, Testing } from 'cdktf';
import { EsoAuthModel, GcpIdentityMode, GoogleSecretDeclaration, SecretsDeclaration } from '../../../lib/core';
import { KeyVaultWorkloadIdentity } from '../../../lib/azure';
import { GoogleSecretManagerSecret, GoogleServiceAccountIdentity } from '../../../lib/gcp';
import { SecretsPlatformInfrastructure } from '../../../lib/platform';
import { GooglePlatformIdentity } from '../../../lib/platform/backends/google-cloud';
import { FIX, synthErrors } from './helpers';

const TENANT = '00000000-0000-0000-0000-000000000001';
const AKS_ISSUER = 'https://westeurope.oic.prod-aks.azure.com/t/i/';
const GCP = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };

function azurePlatform(options: { find?: boolean } = {}) {
  const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
  declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: AKS_ISSUER });
  const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
  const secret = declaration.addKeyVaultSecret('db', { vault, name: 'db' });
  const store = declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  declaration.addExternalSecret('e', {
    name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }], find: options.find ? [{ nameRegexp: 'd.*' }] : undefined,
  });
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  const identity = infrastructure.identity(declaration.plan().identities[0]) as KeyVaultWorkloadIdentity;
  return { stack, infrastructure, declaration, identity };
}

afterEach(() => jest.restoreAllMocks());

describe('output verification: Azure (CES-VER-5..7)', () => {
  test('the rendered output passes, with and without a find (custom list role)', () => {
    expect(synthErrors(azurePlatform().stack)).toEqual([]);
    expect(synthErrors(azurePlatform({ find: true }).stack)).toEqual([]);
  });

  test('a renderer that assigns Key Vault Secrets User on the whole vault fails synth (CES-VER-5)', () => {
    // GIVEN a renderer bug: each per-secret grant also grants the vault
    const grantReadSecret = KeyVaultWorkloadIdentity.prototype.grantReadSecret;
    jest.spyOn(KeyVaultWorkloadIdentity.prototype, 'grantReadSecret').mockImplementation(function (this: KeyVaultWorkloadIdentity, secret) {
      grantReadSecret.call(this, secret);
      return this.grantReadSecrets(secret.vault);
    });
    const errors = synthErrors(azurePlatform().stack);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp('^\\[test/platform\\] identity store-kv in azurerm_role_assignment\\.[^ ]+: '
      + 'received "Key Vault Secrets User on \\$\\{azurerm_key_vault\\.platform_KeyVault-kv_[0-9A-F]+\\.id\\}"\\. '
      + 'Allowed: the assignments the plan derives from identity "store-kv"\'s reads, finds and pushes: '
      + 'Key Vault Secrets User on \\$\\{azurerm_key_vault_secret\\.platform_Secret-db_[0-9A-F]+\\.resource_versionless_id\\}\\. .*\\(rule CES-VER-5\\)\\.$'));
  });

  test('a role assignment the platform emits to a principal no plan names fails synth (CES-VER-5)', () => {
    const { stack, infrastructure } = azurePlatform();
    new RoleAssignment(infrastructure, 'Rogue', { principalId: '11111111-1111-1111-1111-111111111111', roleDefinitionName: 'Owner', scope: '/subscriptions/s' });
    expect(synthErrors(stack)).toEqual([
      '[test/platform] the platform in azurerm_role_assignment.platform_Rogue_9773F38B: received "Owner on /subscriptions/s to the principal '
      + `11111111-1111-1111-1111-111111111111". Allowed: role assignments to the planned identities only. ${FIX} (rule CES-VER-5).`,
    ]);
  });

  test('a custom list role that also reads values fails synth (CES-VER-6)', () => {
    const { stack, infrastructure } = azurePlatform({ find: true });
    const definition = infrastructure.node.findAll().find((c) => c instanceof RoleDefinition) as RoleDefinition;
    definition.addOverride('permissions', [{ data_actions: ['Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/secrets/getSecret/action'] }]);
    const errors = synthErrors(stack);
    expect(errors).toEqual([expect.stringMatching(new RegExp('^\\[test/platform\\] role Key Vault Secrets Lister \\(shop-kv\\) in azurerm_role_definition\\.[^ ]+\\.permissions: '
      + 'received "data action Microsoft\\.KeyVault/vaults/secrets/getSecret/action"\\. Allowed: only the data action Microsoft\\.KeyVault/vaults/secrets/readMetadata/action\\. .*\\(rule CES-VER-6\\)\\.$'))]);
  });

  test('a federated credential widened to another subject fails synth (CES-VER-7)', () => {
    const { stack, identity } = azurePlatform();
    const credential = identity.node.findAll().find((c) => c instanceof FederatedIdentityCredential) as FederatedIdentityCredential;
    credential.addOverride('subject', 'system:serviceaccount:app:default');
    const allowed = `Allowed: exactly the planned credentials: issuer ${AKS_ISSUER} subject system:serviceaccount:external-secrets:eso-kv audience api://AzureADTokenExchange.`;
    expect(synthErrors(stack)).toEqual([
      `[test/platform] identity store-kv in azurerm_federated_identity_credential: received "a credential with issuer ${AKS_ISSUER} subject system:serviceaccount:app:default audience api://AzureADTokenExchange". ${allowed} ${FIX} (rule CES-VER-7).`,
      `[test/platform] identity store-kv in azurerm_federated_identity_credential: received "no credential with issuer ${AKS_ISSUER} subject system:serviceaccount:external-secrets:eso-kv audience api://AzureADTokenExchange". ${allowed} ${FIX} (rule CES-VER-7).`,
    ]);
  });
});

function googlePlatform(mode?: GcpIdentityMode) {
  const declaration = new SecretsDeclaration({ name: 'p', gcp: GCP });
  declaration.addGkeCluster('gke', { clusterName: 'gke', projectId: GCP.projectId, location: 'europe-west1' });
  const secret = declaration.addGoogleSecret('db', { name: 'db' });
  const store = declaration.addGoogleSecretManagerStore('gsm', { name: 'gsm', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, identityMode: mode });
  declaration.addExternalSecret('es', { name: 'db', namespace: 'app', store, data: [{ secretKey: 'password', secret }] });
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', {});
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  const identity = infrastructure.identity(declaration.plan().identities[0]) as unknown as GooglePlatformIdentity;
  return { stack, infrastructure, declaration, identity, secret };
}

const GKE_MEMBER = 'principal://iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/platform-prod-4711.svc.id.goog/subject/ns/external-secrets/sa/eso-gsm';

describe('output verification: Google (CES-VER-8, 9)', () => {
  test('the rendered output passes: direct principal, Google service account, pool', () => {
    expect(synthErrors(googlePlatform().stack)).toEqual([]);
    expect(synthErrors(googlePlatform(GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT).stack)).toEqual([]);
  });

  test('a renderer that also grants secretVersionAdder with each read fails synth (CES-VER-8)', () => {
    const base = Object.getPrototypeOf(GoogleSecretManagerSecret.prototype) as GoogleSecretManagerSecret;
    const grantRead = base.grantRead;
    jest.spyOn(base, 'grantRead').mockImplementation(function (this: GoogleSecretManagerSecret, principal) {
      this.grantWrite(principal);
      return grantRead.call(this, principal);
    });
    const errors = synthErrors(googlePlatform().stack);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^\\[test/platform\\] identity store-gsm in google_secret_manager_secret_iam_member\\.[^ ]+: `
      + `received "roles/secretmanager\\.secretVersionAdder on \\$\\{google_secret_manager_secret\\.platform_Secret-db_[0-9A-F]+\\.id\\} to ${GKE_MEMBER.replace(/[.]/g, '\\.')}"\\. `
      + 'Allowed: the roles the plan derives from the identity\'s reads and pushes: roles/secretmanager\\.secretAccessor on .*\\(rule CES-VER-8\\)\\.$'))]);
  });

  test('a member the platform adds on a secret for someone else fails synth (CES-VER-8)', () => {
    const { stack, infrastructure, declaration } = googlePlatform();
    const secret = infrastructure.googleSecret(declaration.secrets[0] as GoogleSecretDeclaration);
    new SecretManagerSecretIamMember(infrastructure, 'Rogue', { secretId: secret.secretName, role: 'roles/secretmanager.secretAccessor', member: 'user:mallory@example.com' });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[test\/platform\] the platform in google_secret_manager_secret_iam_member\.platform_Rogue_[0-9A-F]+: received "roles\/secretmanager\.secretAccessor on \$\{google_secret_manager_secret\.platform_Secret-db_[0-9A-F]+\.id\} to user:mallory@example\.com"\. Allowed: members of the planned identities only\. .*\(rule CES-VER-8\)\.$/)]);
  });

  test('an IAM policy replacing the members of a declared secret fails synth (CES-VER-8)', () => {
    const { stack, infrastructure, declaration } = googlePlatform();
    const secret = infrastructure.googleSecret(declaration.secrets[0] as GoogleSecretDeclaration);
    new SecretManagerSecretIamPolicy(stack, 'replace', { secretId: secret.secretName, policyData: '{"bindings":[{"role":"roles/secretmanager.secretAccessor","members":["allUsers"]}]}' });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[test\/platform\] the platform in google_secret_manager_secret_iam_policy\.replace\.policy_data: received "an IAM policy replacing the members of \$\{google_secret_manager_secret\.platform_Secret-db_[0-9A-F]+\.id\}"\. Allowed: members of the planned identities only, added one by one\. .*\(rule CES-VER-8\)\.$/)]);
  });

  test('a project role for an identity\'s member anywhere in the stack fails synth (CES-VER-8)', () => {
    const { stack } = googlePlatform();
    new ProjectIamMember(stack, 'owner', { project: GCP.projectId, role: 'roles/secretmanager.admin', member: GKE_MEMBER });
    expect(synthErrors(stack)).toEqual([
      `[test/platform] identity store-gsm in google_project_iam_member.owner: received "roles/secretmanager.admin on the project ${GCP.projectId} to ${GKE_MEMBER}". `
      + `Allowed: roles on the planned secrets only, never on a project. ${FIX} (rule CES-VER-8).`,
    ]);
  });

  test('a Google service account impersonable by another Kubernetes service account fails synth (CES-VER-9)', () => {
    const { stack, identity } = googlePlatform(GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT);
    (identity.principals[0] as GoogleServiceAccountIdentity).addServiceAccount({ namespace: 'default', name: 'default' });
    expect(synthErrors(stack)).toEqual([
      '[test/platform] identity store-gsm in google_service_account_iam_member: received "roles/iam.workloadIdentityUser to serviceAccount:platform-prod-4711.svc.id.goog[default/default]". '
      + `Allowed: exactly the planned impersonation: roles/iam.workloadIdentityUser to serviceAccount:platform-prod-4711.svc.id.goog[external-secrets/eso-gsm]. ${FIX} (rule CES-VER-9).`,
    ]);
  });

  test('a pool provider whose condition admits every service account fails synth (CES-VER-9)', () => {
    const declaration = new SecretsDeclaration({ name: 'p', gcp: GCP });
    const onprem = declaration.addCluster('onprem', { clusterName: 'onprem', oidcIssuerUrl: 'https://oidc.onprem.example.com' });
    const secret = declaration.addGoogleSecret('db', { name: 'db' });
    const store = declaration.addGoogleSecretManagerStore('gsm', { name: 'gsm', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [onprem] });
    declaration.addExternalSecret('es', { name: 'db', namespace: 'app', store, data: [{ secretKey: 'password', secret }] });
    const stack = new TerraformStack(Testing.app(), 'test');
    new GoogleProvider(stack, 'google', {});
    const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    expect(synthErrors(stack)).toEqual([]);
    const provider = infrastructure.node.findAll().find((c) => c instanceof IamWorkloadIdentityPoolProvider) as IamWorkloadIdentityPoolProvider;
    provider.addOverride('attribute_condition', 'true');
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[test\/platform\] cluster onprem in google_iam_workload_identity_pool_provider\.[^ ]+\.attribute_condition: received "true"\. Allowed: assertion\.sub in exactly the planned subjects: system:serviceaccount:external-secrets:eso-gsm\. .*\(rule CES-VER-9\)\.$/)]);
  });
});
