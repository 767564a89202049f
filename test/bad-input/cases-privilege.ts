/**
 * Least privilege, written as an attacker would: quotes, newlines and `${…}` in every input that
 * reaches a Vault policy, `..` towards `sys/`, dynamic secrets on Vault's control plane, finds that
 * match everything or nothing, audience-less roles, tenants falling back to the controller's token.
 * Through the PUBLIC API (the package root only). Expected messages: `expected-privilege.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  Duration, SecretBackend, SecretsDeclaration, SecretStore, SecretStoreProvider, StoreScope, VaultAuth, VaultDynamicSecretPath, VaultHttpMethod,
  VaultJwtAuthMount, VaultKvMount, VaultPolicy,
} from '../../lib';
import type { BadInput } from './cases';
import { vault } from './cases-names';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const INJECT = 'apps/db" {\n  capabilities = ["read"]\n}\npath "sys/*';
/** A dynamic secret on `path`, read by a namespaced store (what gets it into a policy). */
function dynamic(path: string, method = VaultHttpMethod.GET): () => unknown {
  return vault((d, server) => {
    const generator = d.addVaultDynamicSecret('gen', { name: 'gen', server, path, method, leaseTtl: Duration.minutes(30) });
    const store = d.addVaultStore('vault', { name: 'vault', server, scope: StoreScope.NAMESPACED });
    d.addExternalSecret('e', { name: 'e', namespace: 'apps', store, refreshInterval: Duration.minutes(10), dynamicSecrets: [generator] });
  });
}

/** A Vault find (the store reads one declared key, so only the find is wrong). */
function vaultFind(find: Record<string, unknown>): () => unknown {
  return vault((d, server) => {
    const store = d.addVaultStore('vault', { name: 'vault', server });
    d.addExternalSecret('e', { name: 'e', namespace: 'apps', store, find: [find as never] });
  });
}

function aws(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    build(d);
    return d.plan();
  };
}

function stack(): TerraformStack {
  return new TerraformStack(Testing.app() as App, 's');
}

export const PRIVILEGE_CASES: BadInput[] = [
  // Every input that reaches a Vault policy, with HCL injection, live interpolation and `..`
  ['privilege: Vault secret path closing the path block', vault((d, server) => d.addVaultSecret('db', { server, path: INJECT, properties: ['p'] }))],
  ['privilege: Vault secret path with Terraform interpolation', vault((d, server) => d.addVaultSecret('db', { server, path: 'apps/${var.admin}', properties: ['p'] }))],
  ['privilege: Vault secret path climbing to sys', vault((d, server) => d.addVaultSecret('db', { server, path: '../../sys/policy/eso', properties: ['p'] }))],
  ['privilege: Vault secret path with a policy template', vault((d, server) => d.addVaultSecret('db', { server, path: 'apps/{{identity.entity.id}}', properties: ['p'] }))],
  ['privilege: Vault KV mount "sys"', () => new SecretsDeclaration({ name: 'lab' }).addVaultServer('v', { address: 'https://vault.example.com', kvMounts: [{ path: 'sys' }] })],
  ['privilege: Vault KV mount with a quote and newline', () => new SecretsDeclaration({ name: 'lab' }).addVaultServer('v', { address: 'https://vault.example.com', kvMounts: [{ path: 'kv" {}\npath "sys' }] })],
  ['privilege: Vault namespace with interpolation', () => new SecretsDeclaration({ name: 'lab' }).addVaultServer('v', { address: 'https://vault.example.com', namespace: 'admin/${var.ns}' })],
  ['privilege: Vault auth mount under auth/token', vault((d, server) => d.addVaultAuth('other', { server, cluster: d.addCluster('b', { clusterName: 'b' }), mountPath: 'auth/token', kubernetesHost: 'https://b.example.internal:6443', kubernetesCaCert: CA }))],
  ['privilege: Vault pinned role with a quote', vault((d, server) => d.addVaultStore('vault', { name: 'vault', server, role: 'eso"\npath' }))],
  // Dynamic secrets on Vault's control plane, on a KV mount, with globs and `..`
  ['privilege: dynamic secret on sys/policy', dynamic('sys/policy/eso', VaultHttpMethod.PUT)],
  ['privilege: dynamic secret creating tokens (auth/token/create)', dynamic('auth/token/create', VaultHttpMethod.POST)],
  ['privilege: dynamic secret on identity/', dynamic('identity/oidc/token/eso')],
  ['privilege: dynamic secret on another cubbyhole', dynamic('cubbyhole/creds/root')],
  ['privilege: dynamic secret on a child namespace\'s sys', dynamic('team-b/sys/creds/x')],
  ['privilege: dynamic secret on the KV mount', dynamic('secret/creds/x')],
  ['privilege: dynamic secret on the database engine config', dynamic('database/config/postgres')],
  ['privilege: dynamic secret climbing with ..', dynamic('database/../sys/creds/x')],
  ['privilege: dynamic secret with a glob role', dynamic('database/creds/*')],
  ['privilege: dynamic secret with a quote and newline', dynamic('database/creds/a"\npath "sys/policy')],
  // Finds that match nothing, everything, or reach beyond the declared secrets
  ['privilege: Vault find .* over an empty mount', vaultFind({ nameRegexp: '.*' })],
  ['privilege: Vault find path closing the path block', vaultFind({ path: INJECT })],
  ['privilege: Vault find path climbing to sys', vaultFind({ path: '../sys' })],
  ['privilege: Secrets Manager find .* matching no declared secret', aws((d) => {
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ nameRegexp: '.*' }] });
  })],
  ['privilege: Parameter Store find on the root path', aws((d) => {
    d.addParameter('p', { name: '/shop/p' });
    const store = d.addAwsStore('ssm', { name: 'ssm', service: SecretBackend.AWS_PARAMETER_STORE });
    d.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ path: '/' }] });
  })],
  ['privilege: Google find .* over the project', () => {
    const d = new SecretsDeclaration({ name: 'p', gcp: { projectId: 'platform-prod-4711', projectNumber: '314159265358' } });
    d.addGkeCluster('g', { clusterName: 'g', projectId: 'platform-prod-4711', location: 'europe-west1' });
    d.addGoogleSecret('app', { name: 'app' });
    const store = d.addGoogleSecretManagerStore('gsm', { name: 'gsm' });
    d.addExternalSecret('e', { name: 'e', namespace: 'app', store, find: [{ nameRegexp: '.*' }] });
    return d.plan();
  }],
  // Roles that accept any token, tenants on the controller's token
  ['privilege: Vault store without audience', vault((d, server) => d.addVaultStore('vault', { name: 'vault', server, audiences: [] }))],
  ['privilege: Vault auth with an empty issuer', vault((d, server) => d.addVaultAuth('other', { server, cluster: d.addCluster('b', { clusterName: 'b' }), kubernetesHost: 'https://b.example.internal:6443', kubernetesCaCert: CA, issuer: '' }))],
  ['privilege: JWT mount verifying keys from any issuer', () => new VaultJwtAuthMount(stack(), 'Jwt', { clusterName: 'c', jwksUrl: 'https://keys.example.com/jwks' })],
  ['privilege: namespaced SecretStore on the controller\'s Vault token', () => new SecretStore(new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' }), 'store', {
    name: 'vault', provider: SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.kubernetes({ role: 'external-secrets' }) }),
  })],
  // The lib/vault constructs, called directly
  ['privilege: custom engine path on sys/', () => VaultDynamicSecretPath.custom('sys/policy/eso', VaultHttpMethod.PUT)],
  ['privilege: custom engine path creating tokens', () => VaultDynamicSecretPath.custom('auth/token/create', VaultHttpMethod.POST)],
  ['privilege: custom engine path on identity/', () => VaultDynamicSecretPath.custom('identity/entity/name/eso', VaultHttpMethod.GET)],
  ['privilege: custom engine path closing the path block', () => VaultDynamicSecretPath.custom('database/creds/a" {}\npath "sys/policy', VaultHttpMethod.GET)],
  ['privilege: custom engine path with interpolation', () => VaultDynamicSecretPath.custom('database/creds/${var.role}', VaultHttpMethod.GET)],
  ['privilege: database credentials on the sys mount', () => VaultDynamicSecretPath.databaseCredentials('app', { mount: 'sys' })],
  ['privilege: KV find grant without keys', () => {
    const s = stack();
    return VaultKvMount.fromMountPath(s, 'Kv', 'secret').grantFind(new VaultPolicy(s, 'P', { policyName: 'p' }), { prefix: 'apps', keys: [] });
  }],
  ['privilege: KV find grant reading a key outside its prefix', () => {
    const s = stack();
    return VaultKvMount.fromMountPath(s, 'Kv', 'secret').grantFind(new VaultPolicy(s, 'P', { policyName: 'p' }), { prefix: 'apps/team-a', keys: ['apps/team-b/db'] });
  }],
  ['privilege: KV find grant with a prefix climbing to sys', () => {
    const s = stack();
    return VaultKvMount.fromMountPath(s, 'Kv', 'secret').grantFind(new VaultPolicy(s, 'P', { policyName: 'p' }), { prefix: '../sys', keys: ['x'] });
  }],
];
