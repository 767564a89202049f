import { Construct } from 'constructs';
import { SecretStoreKind } from './enums';

/** A SecretStore or ClusterSecretStore that ExternalSecrets and PushSecrets can point at. */
export interface ISecretStore {
  /** `metadata.name` of the store. */
  readonly storeName: string;
  /** SecretStore or ClusterSecretStore. */
  readonly storeKind: SecretStoreKind;
  /**
   * Namespace of a namespaced SecretStore.
   * @default - unknown (imported store) or cluster-scoped
   */
  readonly namespace?: string;
}

/** A store defined outside this app. @internal */
export class ImportedSecretStore extends Construct implements ISecretStore {
  constructor(scope: Construct, id: string,
    public readonly storeName: string,
    public readonly storeKind: SecretStoreKind,
    public readonly namespace?: string) {
    super(scope, id);
  }
}
