/** The cdk8s store renderers: one line per backend. */
import { unknownBackend } from '../../core/errors';
import { awsStoreRenderer } from './aws-store';
import { azureStoreRenderer } from './azure-store';
import { googleStoreRenderer } from './google-store';
import { StoreRenderer } from './store-renderer';
import { vaultStoreRenderer } from './vault-store';

const STORE_RENDERERS: readonly StoreRenderer[] = [
  awsStoreRenderer,
  azureStoreRenderer,
  googleStoreRenderer,
  vaultStoreRenderer,
];

const byKind = new Map(STORE_RENDERERS.map((r) => [r.kind, r]));

/** Every store renderer. */
export function allStoreRenderers(): readonly StoreRenderer[] {
  return STORE_RENDERERS;
}

/** The store renderer of a backend kind. */
export function storeRenderer(kind: string): StoreRenderer {
  const renderer = byKind.get(kind);
  if (!renderer) {
    throw unknownBackend('store-renderers', 'provider', kind, [...byKind.keys()]);
  }
  return renderer;
}
