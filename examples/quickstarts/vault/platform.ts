// platform.ts — engine-free: no cdktf or cdk8s objects
import { Duration, SecretsDeclaration } from 'cdk-external-secrets/core';

export const VAULT_ADDRESS = 'https://vault.example.internal:8200';
export const declaration = new SecretsDeclaration({ name: 'shop' });
export const prod = declaration.addCluster('prod', { clusterName: 'rke2-prod', distribution: 'rke2' });
const vault = declaration.addVaultServer('vault', { address: VAULT_ADDRESS, kvMounts: [{ path: 'secret' }] });
declaration.addVaultAuth('prod', {
  server: vault, cluster: prod,
  kubernetesHost: 'https://rke2-prod.example.internal:6443',   // the API server, as Vault reaches it
  issuer: 'https://kubernetes.default.svc.cluster.local',
});
const db = declaration.addVaultSecret('db', { server: vault, path: 'shop/db', properties: ['username', 'password'] });
const store = declaration.addVaultStore('vault', { name: 'vault', server: vault });
export const dbCredentials = declaration.addExternalSecret('db', {
  name: 'db-credentials', namespace: 'shop', store, refreshInterval: Duration.minutes(15),
  data: [{ secretKey: 'DB_PASSWORD', secret: db, property: 'password' }],
});
