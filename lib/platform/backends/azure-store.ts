/** The cdk8s part of the Azure Key Vault backend: `spec.provider.azurekv` with workload identity. */
import { AzureStoreDeclaration, AZURE_KEY_VAULT_BACKEND } from '../../core/declaration';
import { AzureKeyVaultAuth } from '../../k8s/providers/azure';
import { SecretStoreProvider } from '../../k8s/secret-store-provider';
import { StoreRenderer, StoreRenderRequest } from './store-renderer';

/** Renders Key Vault stores. */
export const azureStoreRenderer: StoreRenderer = {
  kind: AZURE_KEY_VAULT_BACKEND,
  provider({ store, serviceAccount }: StoreRenderRequest): SecretStoreProvider {
    const azure = store as AzureStoreDeclaration;
    return SecretStoreProvider.azureKeyVault({
      vaultUrl: azure.vault.vaultUrl,
      tenantId: azure.vault.tenantId,
      auth: serviceAccount ? AzureKeyVaultAuth.workloadIdentity({ serviceAccount }) : AzureKeyVaultAuth.controllerWorkloadIdentity(),
    });
  },
  identityFields: ({ store }) => ({
    'azurekv.vaultUrl': (store as AzureStoreDeclaration).vault.vaultUrl,
    'azurekv.tenantId': (store as AzureStoreDeclaration).vault.tenantId,
  }),
  remoteKey: (secret) => secret.name,
};
