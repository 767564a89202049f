import { Chart, Testing as K8sTesting } from 'cdk8s';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { EsoAuthModel, InitialValue, SecretsDeclaration, VaultAuthKind } from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';
import { policyRules } from '../vault/helpers';

const ISSUER = 'https://oidc.example.com/clusters/pub/';

function jwtDeclaration() {
  const declaration = new SecretsDeclaration({ name: 'pub' });
  const cluster = declaration.addCluster('pub', { clusterName: 'pub', oidcIssuerUrl: ISSUER });
  const server = declaration.addVaultServer('vault', { address: 'https://vault.example.com:8200', namespace: 'admin/platform', caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=' });
  declaration.addVaultAuth('pub', { server, cluster, kind: VaultAuthKind.JWT });
  const secret = declaration.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'], initialValue: InitialValue.sensitiveVariable('apps_db') });
  const seed = declaration.addVaultSecret('seed', { server, path: 'apps/seed', properties: ['token'], managedElsewhere: true });
  const store = declaration.addVaultStore('vault', { name: 'vault', server, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  declaration.addExternalSecret('db', { name: 'db', namespace: 'apps', store, data: [{ secretKey: 'password', secret, property: 'password' }], find: [{ path: 'apps/shared/' }] });
  declaration.addPushSecret('seed', { name: 'seed', namespace: 'apps', store, sourceSecretName: 'seed', destination: seed });
  return { declaration, cluster };
}

describe('Vault backend renderers', () => {
  test('cdktf: JWT auth on the public issuer, a role bound to the store service account, policy from reads, finds and pushes, values write-only', () => {
    // GIVEN
    const { declaration } = jwtDeclaration();
    const stack = new TerraformStack(Testing.app(), 'vault');
    new VaultProvider(stack, 'vault', { address: 'https://vault.example.com:8200' });
    // WHEN
    const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    const json = synthTerraform(stack);
    // THEN
    expect(resourceWhere(json, 'vault_jwt_auth_backend', 'path', 'jwt-pub')).toMatchObject({
      namespace: 'admin/platform', oidc_discovery_url: 'https://oidc.example.com/clusters/pub', bound_issuer: ISSUER,
    });
    expect(resourceWhere(json, 'vault_jwt_auth_backend_role', 'role_name', 'pub-vault-eso')).toMatchObject({
      namespace: 'admin/platform', bound_subject: 'system:serviceaccount:external-secrets:eso-vault', bound_audiences: ['vault'], user_claim: 'sub', role_type: 'jwt',
    });
    expect(policyRules(resourceWhere(json, 'vault_policy', 'name', 'jwt-pub-pub-vault-eso').policy)).toEqual({
      'secret/data/apps/db': ['read'],
      'secret/data/apps/shared/*': ['read'],
      'secret/metadata/apps/shared/*': ['read', 'list'],
      'secret/data/apps/seed': ['create', 'read', 'update'],
      'secret/metadata/apps/seed': ['create', 'read', 'update'],
    });
    expect(resourcesOf(json, 'vault_kv_secret_v2')).toEqual([expect.objectContaining({
      name: 'apps/db', namespace: 'admin/platform', data_json_wo: '${var.apps_db}', disable_read: true,
    })]);
    expect(json.variable?.apps_db).toMatchObject({ sensitive: true });
    expect(valueLeaks(json)).toEqual([]);
    expect(infrastructure.vaultSecret(declaration.secrets[1] as never).secretPath).toBe('apps/seed');
  });

  test('cdk8s: the store names its service account for JWT auth; no auth-delegator binding without TokenReview', () => {
    // GIVEN
    const { declaration, cluster } = jwtDeclaration();
    const chart = new Chart(K8sTesting.app(), 'c');
    // WHEN
    new SecretsPlatformManifests(chart, 'platform', { declaration, cluster });
    const manifests = synthValid(chart);
    // THEN
    expect((findManifest(manifests, 'ClusterSecretStore', 'vault').spec as { provider: unknown }).provider).toEqual({
      vault: {
        server: 'https://vault.example.com:8200', namespace: 'admin/platform', caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=', path: 'secret', version: 'v2',
        auth: { jwt: { path: 'jwt-pub', role: 'pub-vault-eso', kubernetesServiceAccountToken: { serviceAccountRef: { name: 'eso-vault', namespace: 'external-secrets', audiences: ['vault'] } } } },
      },
    });
    expect(findManifest(manifests, 'ServiceAccount', 'eso-vault').metadata?.annotations).toBeUndefined();
    expect(manifests.filter((m) => m.kind === 'ClusterRoleBinding')).toEqual([]);
    expect(findManifest(manifests, 'PushSecret', 'seed').spec).toMatchObject({ data: [{ match: { remoteRef: { remoteKey: 'apps/seed' } } }] });
  });

  test('a generated password is not a Vault initial value', () => {
    // GIVEN
    const declaration = new SecretsDeclaration({ name: 'g' });
    const cluster = declaration.addCluster('c', { clusterName: 'c' });
    const server = declaration.addVaultServer('v', { address: 'https://v.example.com' });
    declaration.addVaultAuth('c', { server, cluster, mountPath: 'kubernetes', managedElsewhere: true });
    // WHEN / THEN: refused where declared, so the cdktf and cdk8s apps refuse it alike
    expect(() => declaration.addVaultSecret('s', { server, path: 'x', properties: ['p'], initialValue: InitialValue.generatedPassword() })).toThrow(
      '[g/secrets/s] initialValue: received "GENERATED_PASSWORD". Allowed: InitialValue.sensitiveVariable() for HashiCorp Vault. ' +
      'Fix: pass the value through a sensitive variable, or leave initialValue unset and set the value out of band.');
  });
});
