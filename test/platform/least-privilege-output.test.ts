/**
 * Least privilege checked on the emitted Terraform JSON (the plan does not hold actions and roles):
 * AWS policies carry data-plane actions only (no IAM, no KMS administration, no wildcard action),
 * the Azure custom role carries only the list data action and assignments only the two data roles,
 * Google bindings only accessor/viewer/version-adder roles on the declared secrets.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { EsoAuthModel, SecretBackend, SecretsDeclaration, StoreScope } from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { parsePolicy, resourcesOf, synthTerraform } from '../helpers/terraform';

const TENANT = '00000000-0000-0000-0000-000000000001';

/** Every action an ESO identity may need on AWS: reads, finds, pushes, decrypt/encrypt through the service, role chaining. */
const AWS_DATA_PLANE = new Set([
  'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecrets', 'secretsmanager:BatchGetSecretValue',
  'secretsmanager:ListSecretVersionIds', 'secretsmanager:GetResourcePolicy', 'secretsmanager:PutSecretValue', 'secretsmanager:CreateSecret', 'secretsmanager:TagResource', 'secretsmanager:DeleteSecret',
  'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:DescribeParameters', 'ssm:ListTagsForResource', 'ssm:PutParameter', 'ssm:AddTagsToResource', 'ssm:DeleteParameter',
  'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'sts:AssumeRole', 'sts:TagSession',
]);

function synth(build: (s: TerraformStack) => void, declaration: SecretsDeclaration) {
  const stack = new TerraformStack(Testing.app() as App, 'cloud');
  build(stack);
  new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  return synthTerraform(stack);
}

describe('least privilege on the emitted grants', () => {
  test('AWS: every identity policy action is a data-plane action on named resources; no IAM or KMS administration, no wildcard action', () => {
    // GIVEN every AWS route: reads (KMS-encrypted), finds, pushes, parameters, a chained role, per-namespace stores
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const key = d.addKmsKey('k', { alias: 'shop/secrets' });
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
    d.addSecretsManagerSecret('flag', { name: 'shop/flag-a', kmsKey: key });
    const pushed = d.addSecretsManagerSecret('pushed', { name: 'shop/pushed', kmsKey: key, managedElsewhere: true });
    const param = d.addParameter('p', { name: '/shop/p', kmsKey: key });
    const sm = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED });
    const ssm = d.addAwsStore('ssm', { name: 'ssm', service: SecretBackend.AWS_PARAMETER_STORE, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const chained = d.addAwsStore('chained', { name: 'chained', service: SecretBackend.AWS_SECRETS_MANAGER, assumeRoleArn: 'arn:aws:iam::444455556666:role/eso-reader' });
    d.addExternalSecret('e', { name: 'e', namespace: 'shop', store: sm, data: [{ secretKey: 'db', secret: db }], find: [{ nameRegexp: 'shop/flag-.*' }] });
    d.addExternalSecret('p', { name: 'p', namespace: 'shop', store: ssm, data: [{ secretKey: 'p', secret: param }] });
    d.addExternalSecret('c', { name: 'c', namespace: 'shop', store: chained, data: [{ secretKey: 'db', secret: db }] });
    d.addPushSecret('push', { name: 'push', namespace: 'shop', store: sm, sourceSecretName: 'local', destination: pushed });
    // WHEN
    const json = synth((s) => new AwsProvider(s, 'aws', { region: 'eu-west-1' }), d);
    // THEN
    const statements = resourcesOf(json, 'aws_iam_role_policy').flatMap((p) => parsePolicy(p.policy).Statement);
    const actions = [...new Set(statements.flatMap((st) => st.Action as string[]))].sort();
    expect(actions.filter((a) => !AWS_DATA_PLANE.has(a))).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['kms:Decrypt', 'secretsmanager:GetSecretValue', 'ssm:GetParameter', 'sts:AssumeRole']));
    expect(statements.filter((st) => st.Effect !== 'Allow')).toEqual([]);
    // Wildcard resources only for the listing actions IAM cannot scope
    const wildcard = statements.filter((st) => (st.Resource as string[]).includes('*')).flatMap((st) => st.Action as string[]);
    expect([...new Set(wildcard)].sort()).toEqual(['secretsmanager:BatchGetSecretValue', 'secretsmanager:ListSecrets']);
    // No key policy grants a role of this declaration administration of its key
    const keyStatements = resourcesOf(json, 'aws_kms_key').flatMap((k) => (k.policy === undefined ? [] : parsePolicy(k.policy).Statement));
    expect(keyStatements.filter((st) => JSON.stringify(st.Principal ?? '').includes('eso')).flatMap((st) => st.Action as string[])
      .filter((a) => !AWS_DATA_PLANE.has(a))).toEqual([]);
  });

  test('Azure: the list role has the readMetadata data action alone; every assignment is the list role or a Key Vault data role on a vault or secret', () => {
    // GIVEN a find, a read and a push
    const d = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
    d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT}/1/` });
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    const db = d.addKeyVaultSecret('db', { vault, name: 'db' });
    d.addKeyVaultSecret('flag', { vault, name: 'flag-a' });
    const pushed = d.addKeyVaultSecret('pushed', { vault, name: 'pushed', managedElsewhere: true });
    const store = d.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'db', secret: db }], find: [{ nameRegexp: 'flag-.*' }] });
    d.addPushSecret('push', { name: 'push', namespace: 'app', store, sourceSecretName: 'local', destination: pushed });
    // WHEN
    const json = synth((s) => new AzurermProvider(s, 'azurerm', { features: [{}] }), d);
    // THEN
    expect(resourcesOf(json, 'azurerm_role_definition').map((r) => r.permissions)).toEqual([[{ data_actions: ['Microsoft.KeyVault/vaults/secrets/readMetadata/action'] }]]);
    const assignments = resourcesOf(json, 'azurerm_role_assignment');
    expect([...new Set(assignments.map((a) => a.role_definition_name ?? 'custom list role'))].sort())
      .toEqual(['Key Vault Secrets Officer', 'Key Vault Secrets User', 'custom list role']);
    expect(assignments.filter((a) => !/azurerm_key_vault(_secret)?\./.test(String(a.scope)))).toEqual([]);
  });

  test('Google: bindings are accessor, viewer or version adder on declared secrets, never a project-level role', () => {
    // GIVEN a read and a push
    const d = new SecretsDeclaration({ name: 'p', gcp: { projectId: 'platform-prod-4711', projectNumber: '314159265358' } });
    d.addGkeCluster('gke', { clusterName: 'gke', projectId: 'platform-prod-4711', location: 'europe-west1' });
    const db = d.addGoogleSecret('db', { name: 'db' });
    const pushed = d.addGoogleSecret('pushed', { name: 'pushed', managedElsewhere: true });
    const store = d.addGoogleSecretManagerStore('gsm', { name: 'gsm', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'db', secret: db }] });
    d.addPushSecret('push', { name: 'push', namespace: 'app', store, sourceSecretName: 'local', destination: pushed });
    // WHEN
    const json = synth((s) => new GoogleProvider(s, 'google', {}), d);
    // THEN
    const roles = resourcesOf(json, 'google_secret_manager_secret_iam_member').map((b) => b.role);
    expect([...new Set(roles)].sort()).toEqual(['roles/secretmanager.secretAccessor', 'roles/secretmanager.secretVersionAdder', 'roles/secretmanager.viewer']);
    expect(resourcesOf(json, 'google_project_iam_member')).toEqual([]);
    expect(resourcesOf(json, 'google_project_iam_binding')).toEqual([]);
  });
});
