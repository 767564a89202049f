// platform.ts — engine-free: no cdktf or cdk8s objects
import { Duration, InitialValue, SecretsDeclaration } from 'cdk-external-secrets/core';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const declaration = new SecretsDeclaration({ name: 'shop', azure: { tenantId: TENANT_ID } });
export const prod = declaration.addAksCluster('prod', {
  clusterName: 'aks-shop-prod',
  oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/5a6b7c8d-1e2f-4a3b-9c8d-7e6f5a4b3c2d/`,
});
const vault = declaration.addKeyVault('shop', {
  name: 'kv-shop-prod', resourceGroupName: 'rg-shop-prod', location: 'westeurope',
  allowedIpRules: ['203.0.113.10/32'],   // where Terraform runs: it writes the initial value
});
const db = declaration.addKeyVaultSecret('db', {
  vault, name: 'shop-db', properties: ['username', 'password'],
  initialValue: InitialValue.sensitiveVariable('shop_db'),   // TF_VAR_shop_db at apply time; never a literal
});
const store = declaration.addAzureKeyVaultStore('kv', { name: 'azure-key-vault', vault });
export const dbCredentials = declaration.addExternalSecret('db', {
  name: 'db-credentials', namespace: 'shop', store, refreshInterval: Duration.minutes(15),
  data: [{ secretKey: 'DB_PASSWORD', secret: db, property: 'password' }],
});
