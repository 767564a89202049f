import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { crossNamespaceStore, missingPushSecretStores } from '../core/errors';
import { Duration } from '../core/duration';
import { PushSecretConversionStrategy, PushSecretDeletionPolicy, PushSecretUpdatePolicy, SecretStoreKind } from './enums';
import { GeneratorReference } from './external-secret-data';
import * as l1 from './imports/external-secrets.io';
import { renderLabelSelector } from './private/context';
import { assertSecretKey } from './private/external-secret-spec';
import { buildMetadata } from './private/metadata';
import { K8sObjectOptions, LabelSelector, SyncWaveOptions } from './references';
import { ISecretStore } from './secret-store-ref';

/** What a PushSecret pushes (`spec.selector`). */
export class PushSecretSource {
  /** A Secret of the PushSecret's namespace (a cdk8s-plus Secret, or `ExternalSecret.secret`). */
  public static fromSecret(secret: kplus.ISecret): PushSecretSource {
    return new PushSecretSource({ secret: { name: secret.name } });
  }

  /** The Secrets matching a label selector. */
  public static fromSecretSelector(selector: LabelSelector): PushSecretSource {
    return new PushSecretSource({ secret: { selector: renderLabelSelector(selector) as l1.PushSecretSpecSelectorSecretSelector } });
  }

  /** The output of a generator (e.g. a Password generator). */
  public static fromGenerator(generator: GeneratorReference): PushSecretSource {
    return new PushSecretSource({
      generatorRef: {
        apiVersion: generator.apiVersion ?? 'generators.external-secrets.io/v1alpha1',
        kind: generator.kind as string as l1.PushSecretSpecSelectorGeneratorRefKind,
        name: generator.name,
      },
    });
  }

  private constructor(/** @internal */ public readonly _selector: l1.PushSecretSpecSelector) {}
}

/** One key pushed to the provider (`spec.data[]`). */
export interface PushSecretData {
  /**
   * Key of the source Secret.
   * @default - the whole Secret (as JSON)
   */
  readonly secretKey?: string;
  /** Key (name or path) of the remote secret. */
  readonly remoteKey: string;
  /**
   * Property inside the remote JSON secret.
   * @default - the whole remote value
   */
  readonly property?: string;
  /**
   * Key conversion.
   * @default - ESO's default (NONE)
   */
  readonly conversionStrategy?: PushSecretConversionStrategy;
}

/** Props of {@link PushSecret}. */
export interface PushSecretProps extends K8sObjectOptions, SyncWaveOptions {
  /**
   * Namespace of the PushSecret (and of the source Secret).
   * @default - the Chart's namespace
   */
  readonly namespace?: string;
  /** Stores to push to. */
  readonly stores: ISecretStore[];
  /** What to push. */
  readonly source: PushSecretSource;
  /**
   * Keys to push.
   * @default - none (add them with addData())
   */
  readonly data?: PushSecretData[];
  /**
   * What happens to the remote secret when the PushSecret is deleted.
   * @default - ESO's default (NONE)
   */
  readonly deletionPolicy?: PushSecretDeletionPolicy;
  /**
   * Whether existing remote secrets are overwritten.
   * @default - ESO's default (REPLACE)
   */
  readonly updatePolicy?: PushSecretUpdatePolicy;
  /**
   * How often the push is repeated.
   * @default - ESO's default (1h)
   */
  readonly refreshInterval?: Duration;
}

/**
 * An ESO `PushSecret` (`external-secrets.io/v1alpha1`): pushes a Secret (or generator output) to stores.
 *
 * @see https://external-secrets.io/latest/api/pushsecret/
 */
export class PushSecret extends Construct {
  /** The L1 object. */
  public readonly resource: l1.PushSecret;
  /** `metadata.name`. */
  public readonly pushSecretName: string;
  /** Namespace (undefined when neither the props nor the Chart set one). */
  public readonly namespace?: string;
  /** The stores it pushes to. */
  public readonly stores: readonly ISecretStore[];

  private readonly data: l1.PushSecretSpecData[];

  constructor(scope: Construct, id: string, props: PushSecretProps) {
    super(scope, id);
    const path = this.node.path;
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    const metadata = buildMetadata(path, { ...props, namespace: this.namespace });
    if (props.stores.length === 0) {
      throw missingPushSecretStores(path);
    }
    props.stores.forEach((s, i) => {
      if (s.storeKind === SecretStoreKind.SECRET_STORE && s.namespace !== undefined && this.namespace !== undefined
        && s.namespace !== this.namespace) {
        throw crossNamespaceStore(path, `spec.secretStoreRefs[${i}]`, s.storeName, s.namespace, this.namespace);
      }
    });
    this.stores = [...props.stores];
    this.data = [];
    this.resource = new l1.PushSecret(this, 'Resource', {
      metadata,
      spec: {
        secretStoreRefs: props.stores.map((s) => ({ name: s.storeName, kind: s.storeKind as string as l1.PushSecretSpecSecretStoreRefsKind })),
        selector: props.source._selector,
        data: this.data,
        deletionPolicy: props.deletionPolicy as string as l1.PushSecretSpecDeletionPolicy | undefined,
        updatePolicy: props.updatePolicy as string as l1.PushSecretSpecUpdatePolicy | undefined,
        refreshInterval: props.refreshInterval?.toGoString(),
      },
    });
    this.pushSecretName = this.resource.name;
    props.data?.forEach((d) => this.addData(d));
  }

  /** Adds a key to push. */
  public addData(data: PushSecretData): this {
    if (data.secretKey !== undefined) {
      assertSecretKey(this.node.path, `spec.data[${this.data.length}].match.secretKey`, data.secretKey);
    }
    this.data.push({
      match: { secretKey: data.secretKey, remoteRef: { remoteKey: data.remoteKey, property: data.property } },
      conversionStrategy: data.conversionStrategy as string as l1.PushSecretSpecDataConversionStrategy | undefined,
    });
    return this;
  }
}
