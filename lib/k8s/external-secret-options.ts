import { Duration } from '../core/duration';
import { RefreshPolicy } from './enums';
import { ExternalSecretData, ExternalSecretDataFrom } from './external-secret-data';
import { ExternalSecretTarget } from './external-secret-target';
import { ISecretStore } from './secret-store-ref';

/** The `spec` of an ExternalSecret, shared by {@link ExternalSecret} and {@link ClusterExternalSecret}. */
export interface ExternalSecretSpecOptions {
  /**
   * The store to read from (`spec.secretStoreRef`). Required unless every entry names its own source:
   * an ExternalSecret whose values all come from generators (`dataFrom[].generator`) needs no store.
   * @default - no `spec.secretStoreRef` (allowed only when no entry reads from the default store)
   */
  readonly store?: ISecretStore;
  /**
   * How often ESO re-reads the provider. `Duration.ZERO` fetches once.
   * @default - ESO's default (1h)
   */
  readonly refreshInterval?: Duration;
  /**
   * Refresh policy.
   * @default - ESO's behaviour when unset (RefreshPolicy.PERIODIC)
   */
  readonly refreshPolicy?: RefreshPolicy;
  /**
   * The Secret to write.
   * @default - a Secret named like the ExternalSecret, owned by it
   */
  readonly target?: ExternalSecretTarget;
  /**
   * Keys fetched one by one.
   * @default - none (add them with addData())
   */
  readonly data?: ExternalSecretData[];
  /**
   * Keys fetched in bulk.
   * @default - none (add them with addDataFrom())
   */
  readonly dataFrom?: ExternalSecretDataFrom[];
}
