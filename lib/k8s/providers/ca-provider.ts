import { CaProviderType } from '../../core/eso-enums';

export { CaProviderType };

/** A CA certificate bundle read from a Secret or ConfigMap. */
export interface CaProvider {
  /** Secret or ConfigMap. */
  readonly type: CaProviderType;
  /** Name of the object. */
  readonly name: string;
  /**
   * Key holding the PEM bundle.
   * @default - ESO's default for the provider
   */
  readonly key?: string;
  /**
   * Namespace of the object (ClusterSecretStore only).
   * @default - the store's namespace (SecretStore) or the ExternalSecret's namespace (ClusterSecretStore)
   */
  readonly namespace?: string;
}
