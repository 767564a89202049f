/**
 * The cdktf cloud renderers: one registration per backend. Each renderer's module, and with it its
 * provider, is required only when a declaration uses the backend, so a project installs only the
 * providers of the backends it declares.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { AWS_BACKEND, AZURE_KEY_VAULT_BACKEND, GOOGLE_SECRET_MANAGER_BACKEND, VAULT_BACKEND } from '../../core/declaration';
import { CloudRendererRegistration } from './cloud-renderer';

/** Every backend's cloud renderer, in rendering order. */
export const CLOUD_RENDERERS: readonly CloudRendererRegistration[] = [
  {
    kind: AWS_BACKEND, title: 'AWS', provider: '@cdktf/provider-aws',
    declaresResources: (declaration) => declaration.kmsKeys.length > 0,
    load: () => (require('./aws-cloud') as typeof import('./aws-cloud')).awsCloudRenderer,
  },
  {
    kind: AZURE_KEY_VAULT_BACKEND, title: 'Azure Key Vault', provider: '@cdktf/provider-azurerm',
    declaresResources: (declaration) => declaration.keyVaults.length > 0,
    load: () => (require('./azure-cloud') as typeof import('./azure-cloud')).azureCloudRenderer,
  },
  {
    kind: GOOGLE_SECRET_MANAGER_BACKEND, title: 'Google Secret Manager', provider: '@cdktf/provider-google',
    declaresResources: () => false,
    load: () => (require('./google-cloud') as typeof import('./google-cloud')).googleCloudRenderer,
  },
  {
    kind: VAULT_BACKEND, title: 'HashiCorp Vault', provider: '@cdktf/provider-vault',
    declaresResources: (declaration) => declaration.vaultServers.length > 0 || declaration.vaultAuths.length > 0,
    load: () => (require('./vault-cloud') as typeof import('./vault-cloud')).vaultCloudRenderer,
  },
];
