import { JwtAuthBackend } from '@cdktf/provider-vault/lib/jwt-auth-backend';
import { JwtAuthBackendRole } from '@cdktf/provider-vault/lib/jwt-auth-backend-role';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { EsoAuthModel, MetadataPolicy, SecretsDeclaration, VaultAuthKind } from '../../../lib/core';
import { SecretsPlatformInfrastructure } from '../../../lib/platform';
import { VaultPolicyCompiler } from '../../../lib/vault';
import { FIX, synthErrors } from './helpers';

const ISSUER = 'https://oidc.example.com/clusters/pub/';
const ALLOWED_PATHS = 'the paths the plan derives from identity "store-vault"\'s reads, finds, pushes and dynamic secrets: '
  + 'secret/data/apps/db [read]; secret/metadata/apps/shared/* [list]; secret/data/apps/shared/one [read]; '
  + 'secret/data/apps/seed [create, read, update]; secret/metadata/apps/seed [create, read, update]';

function vaultPlatform(options: { fetchMetadata?: boolean } = {}) {
  const declaration = new SecretsDeclaration({ name: 'pub' });
  const cluster = declaration.addCluster('pub', { clusterName: 'pub', oidcIssuerUrl: ISSUER });
  const server = declaration.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  declaration.addVaultAuth('pub', { server, cluster, kind: VaultAuthKind.JWT });
  const secret = declaration.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'] });
  declaration.addVaultSecret('one', { server, path: 'apps/shared/one', properties: ['password'] });
  const seed = declaration.addVaultSecret('seed', { server, path: 'apps/seed', properties: ['token'], managedElsewhere: true });
  const store = declaration.addVaultStore('vault', { name: 'vault', server, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  declaration.addExternalSecret('db', {
    name: 'db', namespace: 'apps', store, find: [{ path: 'apps/shared/' }],
    data: [{ secretKey: 'password', secret, property: 'password', metadataPolicy: options.fetchMetadata ? MetadataPolicy.FETCH : undefined }],
  });
  declaration.addPushSecret('seed', { name: 'seed', namespace: 'apps', store, sourceSecretName: 'seed', destination: seed });
  const stack = new TerraformStack(Testing.app(), 'test');
  new VaultProvider(stack, 'vault', { address: 'https://vault.example.com:8200' });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  return { stack, infrastructure, declaration };
}

function withExtraHcl(extra: string): void {
  const toHcl = VaultPolicyCompiler.prototype.toHcl;
  jest.spyOn(VaultPolicyCompiler.prototype, 'toHcl').mockImplementation(function (this: VaultPolicyCompiler) {
    return `${toHcl.call(this)}\n${extra}`;
  });
}

const POLICY = 'vault_policy.platform_VaultRole-store-vault_Policy_DEDBA482.policy';

afterEach(() => jest.restoreAllMocks());

describe('output verification: Vault (CES-VER-10, 11)', () => {
  test('the rendered output passes: policy parsed back within the plan, role bound as planned', () => {
    expect(synthErrors(vaultPlatform().stack)).toEqual([]);
  });

  test('a policy generator that adds sys/* fails synth, naming the path and capabilities (CES-VER-10)', () => {
    withExtraHcl('path "sys/*" {\n  capabilities = ["read", "sudo"]\n}\n');
    expect(synthErrors(vaultPlatform().stack)).toEqual([
      `[test/platform] identity store-vault in ${POLICY}: received "path \\"sys/*\\" with \\"read\\", \\"sudo\\"". Allowed: ${ALLOWED_PATHS}. ${FIX} (rule CES-VER-10).`,
    ]);
  });

  test('a widened capability on a planned path fails synth; deny narrows and passes (CES-VER-10)', () => {
    withExtraHcl('# widened\npath "secret/data/apps/db" { capabilities = ["update", "deny"] }');
    expect(synthErrors(vaultPlatform().stack)).toEqual([
      `[test/platform] identity store-vault in ${POLICY}: received "path \\"secret/data/apps/db\\" with \\"update\\"". Allowed: ${ALLOWED_PATHS}. ${FIX} (rule CES-VER-10).`,
    ]);
  });

  test('read on a key\'s metadata path is planned only where an ExternalSecret fetches its metadata (CES-VER-10)', () => {
    withExtraHcl('path "secret/metadata/apps/db" { capabilities = ["read"] }');
    expect(synthErrors(vaultPlatform({ fetchMetadata: true }).stack)).toEqual([]);
    expect(synthErrors(vaultPlatform().stack)).toEqual([
      `[test/platform] identity store-vault in ${POLICY}: received "path \\"secret/metadata/apps/db\\" with \\"read\\"". Allowed: ${ALLOWED_PATHS}. ${FIX} (rule CES-VER-10).`,
    ]);
  });

  test('an escaped path is read as Vault reads it: an injected quote cannot hide a second block (CES-VER-10)', () => {
    withExtraHcl('path "secret/data/apps/db\\" {} path \\"auth/*" { capabilities = ["create"] }');
    expect(synthErrors(vaultPlatform().stack)).toEqual([
      `[test/platform] identity store-vault in ${POLICY}: received "path \\"secret/data/apps/db\\" {} path \\"auth/*\\" with \\"create\\"". Allowed: ${ALLOWED_PATHS}. ${FIX} (rule CES-VER-10).`,
    ]);
  });

  test('a live Terraform template in the policy text fails synth (CES-VER-10)', () => {
    withExtraHcl('path "${var.anything}" { capabilities = ["read"] }');
    expect(synthErrors(vaultPlatform().stack)).toEqual([
      `[test/platform] identity store-vault in ${POLICY}: received "a policy that does not parse as Vault policy HCL (a live Terraform template \\"\${\\" at offset 362)". Allowed: ${ALLOWED_PATHS}. ${FIX} (rule CES-VER-10).`,
    ]);
  });

  test('a role bound to another subject fails synth (CES-VER-11)', () => {
    const { stack, infrastructure, declaration } = vaultPlatform();
    const role = infrastructure.identity(declaration.plan().identities[0]);
    const resource = role.node.findAll().find((c) => c instanceof JwtAuthBackendRole) as JwtAuthBackendRole;
    resource.addOverride('bound_subject', 'system:serviceaccount:*:*');
    expect(synthErrors(stack)).toEqual([
      '[test/platform] identity store-vault in vault_jwt_auth_backend_role.platform_VaultRole-store-vault_B89419F2.bound_subject: received "system:serviceaccount:*:*". '
      + `Allowed: the planned "system:serviceaccount:external-secrets:eso-vault". ${FIX} (rule CES-VER-11).`,
    ]);
  });

  test('a JWT auth mount trusting no issuer fails synth (CES-VER-11)', () => {
    const { stack, infrastructure } = vaultPlatform();
    const backend = infrastructure.node.findAll().find((c) => c instanceof JwtAuthBackend) as JwtAuthBackend;
    backend.addOverride('bound_issuer', '');
    expect(synthErrors(stack)).toEqual([
      `[test/platform] auth mount jwt-pub in vault_jwt_auth_backend.platform_VaultAuth-pub_54291D94.bound_issuer: received "". Allowed: the planned ${ISSUER}. ${FIX} (rule CES-VER-11).`,
    ]);
  });

  test('another role holding an identity\'s policy fails synth (CES-VER-11)', () => {
    const { stack } = vaultPlatform();
    new JwtAuthBackendRole(stack, 'rogue', { backend: 'jwt-pub', roleName: 'rogue', userClaim: 'sub', tokenPolicies: ['jwt-pub-pub-vault-eso'] });
    expect(synthErrors(stack)).toEqual([
      '[test/platform] identity store-vault in vault_jwt_auth_backend_role.rogue.token_policies: received "another role (rogue) holding the identity\'s policy". '
      + `Allowed: only the identity's own role pub-vault-eso. ${FIX} (rule CES-VER-11).`,
    ]);
  });
});
