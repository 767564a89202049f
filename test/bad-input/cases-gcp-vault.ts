/**
 * Bad inputs for the Google Cloud and HashiCorp Vault constructs (lib/gcp, lib/vault, the Vault Helm
 * release), through the PUBLIC API (the package root only). Expected messages: `expected-gcp-vault.ts`.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import {
  GcpProject, GkeSecretsEncryptionKey, GoogleSecretManagerSecret, IGcpProject, VaultDynamicSecretPath, VaultHelmRelease, VaultHttpMethod,
  VaultJwtAuthMount, VaultJwtAuthRole, VaultKubernetesAuthMount, VaultKubernetesAuthRole, VaultKvMount, VaultKvSecret, VaultPolicy,
} from '../../lib';
import type { BadInput } from './cases';

function stack(): TerraformStack {
  return new TerraformStack(Testing.app() as App, 's');
}

function project(s: TerraformStack): IGcpProject {
  return GcpProject.fromProjectAttributes(s, 'P', { projectId: 'shop-prod', projectNumber: '123456789012' });
}

function gkeKey(props: Record<string, unknown>): () => unknown {
  return () => {
    const s = stack();
    return new GkeSecretsEncryptionKey(s, 'Key', { project: project(s), location: 'europe-west1', ...props } as never);
  };
}

function kvSecret(props: Record<string, unknown>): () => unknown {
  return () => {
    const s = stack();
    return new VaultKvSecret(s, 'Kv', { mount: new VaultKvMount(s, 'Mount'), secretPath: 'apps/db', ...props } as never);
  };
}

function vaultRelease(values: Record<string, unknown>): () => unknown {
  return () => new VaultHelmRelease(stack(), 'Vault', { values: { tls: { secretName: 'vault-tls' }, ...values } } as never);
}

export const GCP_VAULT_CASES: BadInput[] = [
  ['gke key: keyRingId in another location', gkeKey({ keyRingId: 'projects/shop-prod/locations/us-east1/keyRings/gke' })],
  ['gke key: keyRingId not a resource name', gkeKey({ keyRingId: 'gke' })],
  ['gsm secret: fromSecretId without a project', () => GoogleSecretManagerSecret.fromSecretId(stack(), 'S', undefined as never, 'db')],
  ['gsm secret: grantRead(undefined)', () => {
    const s = stack();
    return new GoogleSecretManagerSecret(s, 'S', { project: project(s), secretId: 'db' }).grantRead(undefined as never);
  }],
  ['vault kv mount: props null', () => new VaultKvMount(stack(), 'Mount', null as never)],
  ['vault kv mount: path a number', () => new VaultKvMount(stack(), 'Mount', { path: 42 } as never)],
  ['vault kv secret: props undefined', () => new VaultKvSecret(stack(), 'Kv', undefined as never)],
  ['vault kv secret: mount missing', () => new VaultKvSecret(stack(), 'Kv', { secretPath: 'apps/db' } as never)],
  ['vault kv secret: property twice', kvSecret({ properties: ['password', 'password'] })],
  ['vault kv secret: empty property', kvSecret({ properties: [''] })],
  ['vault kv secret: customMetadata not strings', kvSecret({ customMetadata: { owner: 5 } })],
  ['vault kv secret: fromSecretPath properties a string', () => {
    const s = stack();
    return VaultKvSecret.fromSecretPath(s, 'Kv', new VaultKvMount(s, 'Mount'), 'apps/db', 'password' as never);
  }],
  ['vault k8s auth mount: props undefined', () => new VaultKubernetesAuthMount(stack(), 'Auth', undefined as never)],
  ['vault k8s auth mount: CA not PEM', () => new VaultKubernetesAuthMount(stack(), 'Auth', {
    clusterName: 'c1', kubernetesHost: 'https://k8s.example.com', kubernetesCaCert: 'ca.crt',
  })],
  ['vault jwt auth mount: public key not PEM', () => new VaultJwtAuthMount(stack(), 'Jwt', { clusterName: 'c1', jwtValidationPubkeys: ['abc'] })],
  ['vault jwt auth mount: discovery CA not PEM', () => new VaultJwtAuthMount(stack(), 'Jwt', {
    clusterName: 'c1', oidcDiscoveryUrl: 'https://oidc.example.com', oidcDiscoveryCaPem: 'aGVsbG8=',
  })],
  ['vault k8s role: props undefined', () => new VaultKubernetesAuthRole(stack(), 'Role', undefined as never)],
  ['vault k8s role: serviceAccounts entry null', () => {
    const s = stack();
    const mount = VaultKubernetesAuthMount.fromMountPath(s, 'Auth', 'kubernetes');
    return new VaultKubernetesAuthRole(s, 'Role', { mount, roleName: 'eso', serviceAccounts: [null as never] });
  }],
  ['vault k8s role: tokenTtl a number', () => {
    const s = stack();
    const mount = VaultKubernetesAuthMount.fromMountPath(s, 'Auth', 'kubernetes');
    return new VaultKubernetesAuthRole(s, 'Role', { mount, roleName: 'eso', serviceAccounts: [{ namespace: 'eso', name: 'eso' }], tokenTtl: 3600 as never });
  }],
  ['vault jwt role: serviceAccount a string', () => {
    const s = stack();
    const mount = VaultJwtAuthMount.fromMountPath(s, 'Jwt', 'jwt');
    return new VaultJwtAuthRole(s, 'Role', { mount, roleName: 'eso', serviceAccount: 'eso:eso' as never });
  }],
  ['vault policy: props undefined', () => new VaultPolicy(stack(), 'Policy', undefined as never)],
  ['vault dynamic path: custom path undefined', () => VaultDynamicSecretPath.custom(undefined as never, VaultHttpMethod.GET)],
  ['vault dynamic path: role undefined', () => VaultDynamicSecretPath.databaseCredentials(undefined as never)],
  ['vault release: props undefined', () => new VaultHelmRelease(stack(), 'Vault', undefined as never)],
  ['vault release: logLevel unknown', vaultRelease({ logLevel: 'verbose' })],
  ['vault release: storage size not a quantity', vaultRelease({ dataStorage: { size: '10 gigs' } })],
  ['vault release: storageClass uppercase', vaultRelease({ auditStorage: { storageClass: 'Fast SSD' } })],
];

