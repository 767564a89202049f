/**
 * The backend registry: one line per backend. Adding a backend = its modules (engine-free model
 * here, cloud renderer and store renderer under lib/platform/backends) + one line in each registry.
 */
import { unknownBackend } from '../../errors';
import { BackendModel } from '../backend';
import { awsBackend } from './aws';
import { azureKeyVaultBackend } from './azure-key-vault';
import { googleSecretManagerBackend } from './google-secret-manager';
import { vaultBackend } from './vault';

/** Every backend model, by kind. */
export const BACKEND_MODELS: readonly BackendModel[] = [
  awsBackend,
  azureKeyVaultBackend,
  googleSecretManagerBackend,
  vaultBackend,
];

const byKind = new Map(BACKEND_MODELS.map((b) => [b.kind, b]));
const bySecretBackend = new Map(BACKEND_MODELS.flatMap((b) => b.secretBackends.map((s) => [s, b] as const)));

/** The backend model of a store (`store.provider`) or identity. */
export function backendModel(kind: string): BackendModel {
  const model = byKind.get(kind);
  if (!model) {
    throw unknownBackend('backends', 'provider', kind, [...byKind.keys()]);
  }
  return model;
}

/** The backend model serving secrets of a `SecretBackend`. */
export function backendModelOfSecret(secretBackend: string): BackendModel {
  const model = bySecretBackend.get(secretBackend);
  if (!model) {
    throw unknownBackend('backends', 'backend', secretBackend, [...bySecretBackend.keys()]);
  }
  return model;
}

export * from './aws';
export * from './azure-key-vault';
export * from './google-secret-manager';
export * from './vault';
export * from './aws-grants';
