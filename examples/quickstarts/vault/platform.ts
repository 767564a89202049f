// platform.ts — engine-free: no cdktf or cdk8s objects
import { Duration, SecretsDeclaration } from 'cdk-external-secrets/core';

export const VAULT_ADDRESS = 'https://vault.example.internal:8200';
/** PEM CA of the cluster's API server (RKE2: /var/lib/rancher/rke2/server/tls/server-ca.crt): Vault verifies it. */
const API_SERVER_CA = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhya2UyLXNlcnZlci1jYUAxNzAwMDAwMDAwMB4X',
  '-----END CERTIFICATE-----',
  '',
].join('\n');
export const declaration = new SecretsDeclaration({ name: 'shop' });
export const prod = declaration.addCluster('prod', { clusterName: 'rke2-prod', distribution: 'rke2' });
const vault = declaration.addVaultServer('vault', { address: VAULT_ADDRESS, kvMounts: [{ path: 'secret' }] });
declaration.addVaultAuth('prod', {
  server: vault, cluster: prod,
  kubernetesHost: 'https://rke2-prod.example.internal:6443',   // the API server, as Vault reaches it
  kubernetesCaCert: API_SERVER_CA,
  issuer: 'https://kubernetes.default.svc.cluster.local',
});
const db = declaration.addVaultSecret('db', { server: vault, path: 'shop/db', properties: ['username', 'password'] });
const store = declaration.addVaultStore('vault', { name: 'vault', server: vault });
export const dbCredentials = declaration.addExternalSecret('db', {
  name: 'db-credentials', namespace: 'shop', store, refreshInterval: Duration.minutes(15),
  data: [{ secretKey: 'DB_PASSWORD', secret: db, property: 'password' }],
});
