/**
 * Bad inputs for the declaration's Google, Vault and tenant parts and for JavaScript callers of every
 * addX() method, through the PUBLIC API (the package root only). Expected messages: `expected-declaration.ts`.
 */
import {
  Duration, GcpIdentityMode, InitialValue, KubernetesAuth, SecretsDeclaration, SecretStore, SecretStoreProvider, VaultAuth, VaultAuthKind, VaultHttpMethod,
} from '../../lib';
import { Chart, Testing as K8sTesting } from 'cdk8s';
import type { BadInput } from './cases';

const GCP = { projectId: 'shop-prod', projectNumber: '123456789012' };

function declared(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => build(new SecretsDeclaration({ name: 'shop', gcp: GCP }));
}

function vault(build: (d: SecretsDeclaration, server: ReturnType<SecretsDeclaration['addVaultServer']>) => unknown): () => unknown {
  return declared((d) => build(d, d.addVaultServer('vault', { address: 'https://vault.example.com:8200' })));
}

/** A value whose toString is the caller's code and throws: the library must never call it. */
const THROWING_TO_STRING = { toString: (): string => { throw new Error('the caller\'s toString ran'); } };

function awsDeclared(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => build(new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } }));
}

export const DECLARATION_CASES: BadInput[] = [
  ['declaration: store with a throwing toString', awsDeclared((d) => d.addExternalSecret('e', { name: 'e', namespace: 'shop', store: THROWING_TO_STRING as never, data: [] }))],
  ['declaration: secret name with a throwing toString', awsDeclared((d) => d.addSecretsManagerSecret('db', { name: THROWING_TO_STRING as never }))],
  ['declaration: Secrets Manager properties not an array', awsDeclared((d) => d.addSecretsManagerSecret('db', { name: 'shop/db', properties: 'password' as never }))],
  ['declaration: Google secret name with a throwing toString', declared((d) => d.addGoogleSecret('g', { name: THROWING_TO_STRING as never }))],
  ['declaration: secret name a symbol', awsDeclared((d) => d.addSecretsManagerSecret('db', { name: Symbol('db') as never }))],
  ['declaration: gcp null', () => new SecretsDeclaration({ name: 'shop', gcp: null as never })],
  ['declaration: generated password length 0', () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } })
    .addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.generatedPassword({ length: 0 }) })],
  ['declaration: generated password length past 4096', () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } })
    .addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.generatedPassword({ length: 5000 }) })],
  ['declaration: generated password options null', () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } })
    .addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.generatedPassword(null as never) })],
  ['declaration: generated password excludeCharacters a number', () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } })
    .addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.generatedPassword({ excludeCharacters: 5 as never }) })],
  ['declaration: addGoogleSecret(id) without options', declared((d) => d.addGoogleSecret('db', undefined as never))],
  ['declaration: addGoogleSecretManagerStore options null', declared((d) => d.addGoogleSecretManagerStore('gsm', null as never))],
  ['declaration: addEksCluster options a string', declared((d) => d.addEksCluster('prod', 'prod' as never))],
  ['declaration: addKeyVault without options', declared((d) => d.addKeyVault('kv', undefined as never))],
  ['declaration: addPushSecret without options', declared((d) => d.addPushSecret('push', undefined as never))],
  ['declaration: Google secret replicaLocations a string', declared((d) => d.addGoogleSecret('db', { name: 'db', replicaLocations: 'europe-west1' as never }))],
  ['declaration: Google secret replicaLocations []', declared((d) => d.addGoogleSecret('db', { name: 'db', replicaLocations: [] }))],
  ['declaration: Google secret replica location twice', declared((d) => d.addGoogleSecret('db', { name: 'db', replicaLocations: ['europe-west1', 'europe-west1'] }))],
  ['declaration: Google secret properties a string', declared((d) => d.addGoogleSecret('db', { name: 'db', properties: 'password' as never }))],
  ['declaration: Google secret empty property', declared((d) => d.addGoogleSecret('db', { name: 'db', properties: ['user', ' '] }))],
  ['declaration: Google store identityMode unknown', declared((d) => d.addGoogleSecretManagerStore('gsm', { name: 'gsm', identityMode: 'magic' as GcpIdentityMode }))],
  ['declaration: store namespaces a string', declared((d) => d.addGoogleSecretManagerStore('gsm', { name: 'gsm', namespaces: 'apps' as never }))],
  ['declaration: GKE clusterName uppercase', declared((d) => d.addGkeCluster('gke', { clusterName: 'Prod GKE', projectId: 'shop-prod', location: 'europe-west1' }))],
  ['declaration: GKE clusterName missing', declared((d) => d.addGkeCluster('gke', { projectId: 'shop-prod', location: 'europe-west1' } as never))],
  ['declaration: Vault server without address', declared((d) => d.addVaultServer('vault', {} as never))],
  ['declaration: Vault caBundle PEM text', declared((d) => d.addVaultServer('vault', { address: 'https://vault:8200', caBundle: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }))],
  ['declaration: Vault caBundle base64 of no certificate', declared((d) => d.addVaultServer('vault', { address: 'https://vault:8200', caBundle: 'aGVsbG8=' }))],
  ['declaration: Vault kvMounts twice the same', declared((d) => d.addVaultServer('vault', { address: 'https://vault:8200', kvMounts: [{ path: 'kv' }, { path: 'kv' }] }))],
  ['declaration: Vault kvMounts []', declared((d) => d.addVaultServer('vault', { address: 'https://vault:8200', kvMounts: [] }))],
  ['declaration: Vault auth kind unknown', vault((d, server) => d.addVaultAuth('auth', {
    server, cluster: d.addCluster('c', { clusterName: 'c', oidcIssuerUrl: 'https://oidc.example.com/c' }), kind: 'ldap' as VaultAuthKind,
  }))],
  ['declaration: Vault secret property twice', vault((d, server) => d.addVaultSecret('db', { server, path: 'apps/db', properties: ['password', 'password'] }))],
  ['declaration: Vault store tokenTtl negative', vault((d, server) => d.addVaultStore('vs', { name: 'vs', server, tokenTtl: Duration.minutes(-1) }))],
  ['declaration: Vault store tokenTtl sub-second', vault((d, server) => d.addVaultStore('vs', { name: 'vs', server, tokenTtl: Duration.millis(10) }))],
  ['declaration: Vault store empty audience', vault((d, server) => d.addVaultStore('vs', { name: 'vs', server, audiences: [''] }))],
  ['declaration: Vault dynamic secret leaseTtl NaN', vault((d, server) => d.addVaultDynamicSecret('dyn', { name: 'db', server, path: 'database/creds/app', leaseTtl: Duration.hours(NaN) }))],
  ['declaration: Vault dynamic secret name uppercase', vault((d, server) => d.addVaultDynamicSecret('dyn', { name: 'DB', server, path: 'database/creds/app', leaseTtl: Duration.hours(1) }))],
  ['declaration: Vault dynamic secret parameters a string', vault((d, server) => d.addVaultDynamicSecret('dyn', {
    name: 'db', server, path: 'database/creds/app', method: VaultHttpMethod.POST, parameters: 'ttl=1h' as never, leaseTtl: Duration.hours(1),
  }))],
  ['declaration: tenant without options', declared((d) => d.addTenant('team-a', undefined as never))],
  ['declaration: tenant namespaces a string', declared((d) => d.addTenant('team-a', { namespaces: 'team-a' as never, groups: ['team-a'] }))],
  ['declaration: tenant allowPushSecrets "yes"', declared((d) => d.addTenant('team-a', { namespaces: ['team-a'], groups: ['team-a'], allowPushSecrets: 'yes' as never }))],
  ['vault provider: caBundle not base64', () => new SecretStore(new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' }), 'vault', {
    provider: SecretStoreProvider.vault({ server: 'https://vault:8200', caBundle: 'not base64!', auth: VaultAuth.kubernetes({ role: 'eso', serviceAccount: { name: 'eso' } }) }),
  })],
  ['kubernetes provider: caBundle PEM text', () => new SecretStore(new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' }), 'k8s', {
    provider: SecretStoreProvider.kubernetes({
      remoteNamespace: 'other', server: { url: 'https://k8s.example.com', caBundle: '-----BEGIN CERTIFICATE-----' },
      auth: KubernetesAuth.token({ name: 'remote', key: 'token' }),
    }),
  })],
];
