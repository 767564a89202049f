import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { NODE_SUBNET_ID, TENANT_ID } from '../../examples/bootstrap-credentials/declaration';
import { addBootstrapCredentialsChart } from '../../examples/bootstrap-credentials/k8s';
import { addBootstrapCredentialsStack } from '../../examples/bootstrap-credentials/tf';
import { expectValidEsoValues } from '../helpers/chart-schema';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, parsePolicy, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

const ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/`;
// The IAM provider name and its condition keys are the issuer URL without "https://", trailing slash kept
// (AWS IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM": the URL corresponds to
// the token's iss claim; AKS issuers end with "/").
const ISSUER_HOST_PATH = `westeurope.oic.prod-aks.azure.com/${TENANT_ID}/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/`;

/**
 * Renders the subset of Go templates the example uses (`{{ .key }}` and `{{ .key | toJson }}`) the way
 * ESO's v2 engine does, so the test checks the file each Crossplane provider will read.
 */
function renderTemplate(template: string, values: Record<string, string>): string {
  const rendered = template.replace(/\{\{\s*\.(\w+)\s*(\|\s*toJson\s*)?\}\}/g, (_, key: string, toJson?: string) => {
    expect(values).toHaveProperty(key);
    return toJson ? JSON.stringify(values[key]) : values[key];
  });
  expect(rendered).not.toContain('{{');
  return rendered;
}

/** Parses an INI file into sections of key/value pairs. */
function parseIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current = '';
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = section[1];
      sections[current] = {};
    } else {
      const [key, ...rest] = line.split('=');
      sections[current][key.trim()] = rest.join('=').trim();
    }
  }
  return sections;
}

describe('example: bootstrap credentials (two ClusterSecretStores on the ESO controller\'s service account, AKS)', () => {
  // GIVEN the example's stack and chart, synthesized with validations on
  const stack = synthTerraform(addBootstrapCredentialsStack(Testing.app()));
  const manifests = synthValid(addBootstrapCredentialsChart(new K8sApp()));
  const CONTROLLER_SUBJECT = 'system:serviceaccount:external-secrets:external-secrets';

  test('the Key Vault store is exactly the declared shape: workload identity through the controller\'s service account, the vault URL as written', () => {
    // WHEN reading the store
    const azure = findManifest(manifests, 'ClusterSecretStore', 'azure-keyvault');
    // THEN (plus conditions admitting only crossplane-system, and the vault's tenant)
    expect(azure.spec).toEqual({
      conditions: [{ namespaces: ['crossplane-system'] }],
      provider: {
        azurekv: {
          authType: 'WorkloadIdentity',
          vaultUrl: 'https://illm-k8s-lab-kv.vault.azure.net',
          serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' },
          tenantId: TENANT_ID,
          environmentType: 'PublicCloud',
          useAzureSDK: false,
        },
      },
    });
  });

  test('the Secrets Manager store is exactly the declared shape: web identity with the controller\'s service account', () => {
    // WHEN reading the store
    const aws = findManifest(manifests, 'ClusterSecretStore', 'aws-secretsmanager');
    // THEN
    expect(aws.spec).toEqual({
      conditions: [{ namespaces: ['crossplane-system'] }],
      provider: {
        aws: {
          service: 'SecretsManager', sessionTagsPolicy: 'None', region: 'us-east-1',
          auth: { jwt: { serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } },
        },
      },
    });
    // AND no service account is emitted: the ESO release owns the controller's
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
  });

  test('the azure-credentials ExternalSecret is exactly the declared shape', () => {
    // WHEN reading it
    const es = findManifest(manifests, 'ExternalSecret', 'azure-credentials');
    // THEN
    expect(es.metadata?.namespace).toBe('crossplane-system');
    expect(es.spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: { name: 'azure-keyvault', kind: 'ClusterSecretStore' },
      target: { name: 'azure-credentials', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [{ secretKey: 'credentials', remoteRef: { key: 'crossplane-azure-credentials' } }],
    });
  });

  test('the AKS issuer is registered as an IAM OIDC provider for the sts.amazonaws.com audience', () => {
    // WHEN reading the OIDC providers
    const providers = resourcesOf(stack, 'aws_iam_openid_connect_provider');
    // THEN exactly one, for the AKS issuer byte for byte
    expect(providers).toEqual([expect.objectContaining({ url: ISSUER, client_id_list: ['sts.amazonaws.com'] })]);
  });

  test('the IAM role trusts exactly the controller\'s service account of the AKS issuer, on :sub and :aud', () => {
    // WHEN reading the role
    const role = resourceWhere(stack, 'aws_iam_role', 'name', 'bootstrap-mgmt-eso-controller');
    // THEN
    const [statement] = parsePolicy(role.assume_role_policy).Statement;
    expect(statement).toEqual(expect.objectContaining({ Effect: 'Allow', Action: ['sts:AssumeRoleWithWebIdentity'] }));
    expect(statement.Principal).toEqual({ Federated: expect.stringMatching(/^\$\{aws_iam_openid_connect_provider\.platform_OidcProvider-mgmt_[0-9A-F]+\.arn\}$/) });
    expect(Object.values((statement.Condition as Record<string, Record<string, string>>).StringEquals).sort()).toEqual([
      'sts.amazonaws.com', CONTROLLER_SUBJECT,
    ]);
    expect(Object.keys((statement.Condition as Record<string, Record<string, string>>).StringEquals).sort()).toEqual([
      `${ISSUER_HOST_PATH}:aud`, `${ISSUER_HOST_PATH}:sub`,
    ]);
    expect(resourcesOf(stack, 'aws_iam_role')).toHaveLength(1);
    expect(stack.output?.eso_role_arn_controller_mgmt_aws).toBeDefined();
  });

  test('the IAM role reads exactly the credentials secret and decrypts only through Secrets Manager', () => {
    // WHEN reading its policy
    const [policy] = resourcesOf(stack, 'aws_iam_role_policy');
    const statements = parsePolicy(policy.policy).Statement;
    // THEN
    expect(statements.map((s) => s.Sid)).toEqual(['ReadSecrets', 'KmsDecryptOnlyViaService']);
    expect(statements[0].Resource).toEqual(['arn:aws:secretsmanager:us-east-1:444455556666:secret:platform/crossplane/aws-credentials-??????']);
    expect(statements[1].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } });
  });

  test('the Entra identity has one federated credential for the same subject and Secrets User on the one secret', () => {
    // WHEN reading the vault, the credential and the role assignments
    const vault = resourceWhere(stack, 'azurerm_key_vault', 'name', 'illm-k8s-lab-kv');
    const credentials = resourcesOf(stack, 'azurerm_federated_identity_credential');
    const assignments = resourcesOf(stack, 'azurerm_role_assignment');
    // THEN
    expect(vault.rbac_authorization_enabled).toBe(true);
    expect(vault.purge_protection_enabled).toBe(true);
    expect(vault.network_acls).toEqual({ bypass: 'AzureServices', default_action: 'Deny', virtual_network_subnet_ids: [NODE_SUBNET_ID], ip_rules: [] });
    expect(credentials).toEqual([expect.objectContaining({ issuer: ISSUER, subject: CONTROLLER_SUBJECT, audience: ['api://AzureADTokenExchange'] })]);
    expect(assignments).toEqual([expect.objectContaining({
      role_definition_name: 'Key Vault Secrets User',
      scope: expect.stringMatching(/^\$\{azurerm_key_vault_secret\.platform_Secret-azure-credentials_[0-9A-F]+\.resource_versionless_id\}$/),
    })]);
  });

  test('no credential value reaches the output or the state', () => {
    // WHEN scanning every resource
    // THEN both containers are created empty (values set out of band) and nothing leaks
    expect(valueLeaks(stack)).toEqual([]);
    expect(resourcesOf(stack, 'aws_secretsmanager_secret_version')).toEqual([]);
    expect(resourceWhere(stack, 'azurerm_key_vault_secret', 'name', 'crossplane-azure-credentials').value_wo).toBe('');
  });

  test('the ESO release\'s service account carries both clouds: the Entra client ID and the IAM role ARN', () => {
    // WHEN reading the Helm values
    const eso = helmValues(stack, 'external-secrets');
    // THEN
    expect((eso.serviceAccount as { annotations: Record<string, string> }).annotations).toEqual({
      'azure.workload.identity/client-id': expect.stringMatching(/\.client_id\}$/),
      'azure.workload.identity/tenant-id': TENANT_ID,
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::444455556666:role/bootstrap-mgmt-eso-controller',
    });
    expect(eso.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expectValidEsoValues(eso);
    expect(resourcesOf(stack, 'helm_release').map((r) => r.name)).toEqual(['external-secrets']);
  });

  test('the provider-aws template renders to an INI [default] profile with the two keys', () => {
    // GIVEN the fetched keys
    const template = (findManifest(manifests, 'ExternalSecret', 'aws-credentials').spec as {
      target: { template: { data: Record<string, string> } };
    }).target.template.data;
    expect(Object.keys(template)).toEqual(['credentials']);
    // WHEN rendering the template with sample values
    const ini = parseIni(renderTemplate(template.credentials, { access_key_id: 'AKIAEXAMPLE', secret_access_key: 'c2VjcmV0/+=' }));
    // THEN
    expect(ini).toEqual({ default: { aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'c2VjcmV0/+=' } });
  });
});
