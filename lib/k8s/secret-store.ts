import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import { SecretStoreKind } from './enums';
import * as l1 from './imports/external-secrets.io';
import { StoreContext } from './private/context';
import { buildMetadata } from './private/metadata';
import { assertStoreProps, renderStoreSpec } from './private/store-spec';
import { K8sObjectOptions, SyncWaveOptions } from './references';
import { SecretStoreProvider } from './secret-store-provider';
import { ImportedSecretStore, ISecretStore } from './secret-store-ref';
import { DefaultedSecretStore } from './private/defaulted-objects';

/** How often ESO retries a store that fails to authenticate. */
export interface RetrySettings {
  /**
   * Maximum number of retries.
   * @default - ESO's default (retry forever with back-off)
   */
  readonly maxRetries?: number;
  /**
   * Wait between retries.
   * @default - ESO's back-off
   */
  readonly retryInterval?: Duration;
}

/** Props shared by {@link SecretStore} and {@link ClusterSecretStore}. */
export interface SecretStoreCommonProps extends K8sObjectOptions, SyncWaveOptions {
  /** The backend and how ESO authenticates to it. */
  readonly provider: SecretStoreProvider;
  /**
   * How often ESO re-validates the store. Rendered as a duration string, which ESO accepts
   * since v2.8 (earlier versions take integer seconds).
   * @default - the controller default (Helm value `storeRequeueInterval`)
   */
  readonly refreshInterval?: Duration;
  /**
   * Retry behaviour when the provider fails.
   * @default - ESO's back-off
   */
  readonly retrySettings?: RetrySettings;
  /**
   * Controller class that must reconcile this store (Helm value `controllerClass`).
   * @default - any controller
   */
  readonly controller?: string;
}

/** Props of {@link SecretStore}. */
export interface SecretStoreProps extends SecretStoreCommonProps {
  /**
   * Namespace of the store. Only ExternalSecrets of this namespace can use it.
   * @default - the Chart's namespace
   */
  readonly namespace?: string;
}

/**
 * A namespaced ESO `SecretStore` (`external-secrets.io/v1`).
 *
 * Every auth and CA reference of a namespaced store must stay in its namespace; the construct
 * rejects references into other namespaces at synth, as ESO would at reconcile time.
 *
 * @see https://external-secrets.io/latest/api/secretstore/
 */
export class SecretStore extends Construct implements ISecretStore {
  /** Imports a namespaced SecretStore by name. */
  public static fromSecretStoreName(scope: Construct, id: string, storeName: string, namespace?: string): ISecretStore {
    return new ImportedSecretStore(scope, id, storeName, SecretStoreKind.SECRET_STORE, namespace);
  }

  /** The L1 object. */
  public readonly resource: l1.SecretStore;
  /** `metadata.name`. */
  public readonly storeName: string;
  /** Always `SecretStoreKind.SECRET_STORE`. */
  public readonly storeKind = SecretStoreKind.SECRET_STORE;
  /** Namespace of the store (undefined when neither the props nor the Chart set one). */
  public readonly namespace?: string;
  /** The provider. */
  public readonly provider: SecretStoreProvider;

  constructor(scope: Construct, id: string, props: SecretStoreProps) {
    super(scope, id);
    assertStoreProps(this.node.path, props, 'SecretStoreProps', {});
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    this.provider = props.provider;
    const metadata = buildMetadata(this.node.path, { ...props, namespace: this.namespace });
    const spec = renderStoreSpec(new StoreContext(this.node.path, SecretStoreKind.SECRET_STORE, this.namespace), props);
    // SecretStore and ClusterSecretStore share one schema; the generated types differ only in name.
    this.resource = new DefaultedSecretStore(this, 'Resource', { metadata, spec: spec as unknown as l1.SecretStoreSpec });
    this.storeName = this.resource.name;
  }
}
