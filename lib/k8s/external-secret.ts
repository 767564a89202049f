import { Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { crossNamespaceStore, unknownSecretKey } from '../core/errors';
import { SecretStoreKind } from './enums';
import { ExternalSecretData, ExternalSecretDataFrom } from './external-secret-data';
import { ExternalSecretSpecOptions } from './external-secret-options';
import * as l1 from './imports/external-secrets.io';
import { ExternalSecretSpecBuilder } from './private/external-secret-spec';
import { buildMetadata } from './private/metadata';
import { renderedElsewhere, renderOnce } from './private/rendering';
import { K8sObjectOptions, SyncWaveOptions } from './references';
import { ISecretStore } from './secret-store-ref';
import { assertProps, assertType } from '../core/validation';
import { EXTERNAL_SECRET_SPEC, METADATA_SHAPE } from './private/shapes';
import { kplus } from './private/cdk8s-plus';
import { PlusEnvValue, PlusEnvValueFromSecretOptions, PlusSecret } from './plus-types';
import { withCrdDefaultsInPlace } from '../validation/schema-defaults';

/** The shape of ExternalSecretProps (built once: platforms construct thousands of ExternalSecrets). */
const EXTERNAL_SECRET_PROPS = { ...METADATA_SHAPE, ...EXTERNAL_SECRET_SPEC };

/** Props of {@link ExternalSecret}. */
export interface ExternalSecretProps extends ExternalSecretSpecOptions, K8sObjectOptions, SyncWaveOptions {
  /**
   * Namespace of the ExternalSecret (and of the Secret it writes).
   * @default - the Chart's namespace
   */
  readonly namespace?: string;
}

/**
 * An ESO `ExternalSecret` (`external-secrets.io/v1`): fetches values from a store into a Secret.
 *
 * Use {@link secret} (a cdk8s-plus `ISecret`) or {@link envValue} in workloads instead of retyping
 * the Secret's name.
 *
 * @see https://external-secrets.io/latest/api/externalsecret/
 */
export class ExternalSecret extends l1.ExternalSecret {
  /**
   * The L1 object: the ExternalSecret itself. The L2 extends the generated L1 class instead of wrapping
   * it, so the thousands of ExternalSecrets a platform declares cost one construct each.
   */
  public readonly resource: l1.ExternalSecret;
  /** `metadata.name` of the ExternalSecret. */
  public readonly externalSecretName: string;
  /** Namespace of the ExternalSecret (undefined when neither the props nor the Chart set one). */
  public readonly namespace?: string;
  /** Name of the Secret ESO writes: `target.name`, or the ExternalSecret's name. */
  public readonly targetSecretName: string;
  /** The store it reads from (undefined when every value comes from a generator). */
  public readonly store?: ISecretStore;

  private readonly builder: ExternalSecretSpecBuilder;
  private importedSecret?: PlusSecret;

  constructor(scope: Construct, id: string, props: ExternalSecretProps) {
    const path = scope.node.path ? `${scope.node.path}/${id}` : id;
    assertProps(path, props, 'ExternalSecretProps', EXTERNAL_SECRET_PROPS);
    const namespace = props.namespace ?? Chart.of(scope).namespace;
    const metadata = buildMetadata(path, { ...props, namespace });
    const store = props.store;
    if (store !== undefined && store.storeKind === SecretStoreKind.SECRET_STORE && store.namespace !== undefined
      && namespace !== undefined && store.namespace !== namespace) {
      throw crossNamespaceStore(path, 'spec.secretStoreRef', store.storeName, store.namespace, namespace);
    }
    const builder = new ExternalSecretSpecBuilder(path, props, 'spec', namespace);
    const self: { es?: ExternalSecret } = {};
    super(scope, id, {
      metadata,
      spec: Lazy.any({ produce: () => builder.render(() => self.es!.ownMetadata()) }) as unknown as l1.ExternalSecretSpec,
    });
    self.es = this;
    this.resource = this;
    this.namespace = namespace;
    this.store = store;
    this.builder = builder;
    this.externalSecretName = this.name;
    this.targetSecretName = props.target?.name ?? this.externalSecretName;
    this.node.addValidation({ validate: () => (renderedElsewhere(this) ? [] : this.builder.validate()) });
  }

  /** Adds a key fetched from one remote value (`spec.data[]`). */
  public addData(data: ExternalSecretData): this {
    this.builder.addData(data);
    return this;
  }

  /** Adds keys fetched in bulk (`spec.dataFrom[]`). */
  public addDataFrom(dataFrom: ExternalSecretDataFrom): this {
    this.builder.addDataFrom(dataFrom);
    return this;
  }

  /**
   * Adds an annotation to the generated Secret (`target.template.metadata.annotations`). Creates a
   * metadata-only template when there is none; that template keeps the fetched data as is and
   * carries the ExternalSecret's own labels and annotations, as ESO does without a template.
   */
  public addSecretAnnotation(key: string, value: string): void {
    assertType(this.node.path, 'addSecretAnnotation(key)', key, 'nonEmptyString');
    this.builder.addSecretAnnotation(key, value);
  }

  /** Adds a label to the generated Secret (see {@link addSecretAnnotation}). */
  public addSecretLabel(key: string, value: string): void {
    assertType(this.node.path, 'addSecretLabel(key)', key, 'nonEmptyString');
    this.builder.addSecretLabel(key, value);
  }

  /**
   * The keys the Secret will hold, sorted, or undefined when they depend on the provider
   * (`dataFrom`, `templateFrom`).
   */
  public get secretKeys(): string[] | undefined {
    return this.builder.knownKeys();
  }

  /**
   * The Secret ESO writes, as a cdk8s-plus `ISecret` (typed structurally: your cdk8s-plus line's
   * `ISecret` accepts it), for `EnvValue.fromSecretValue`, `Env.fromSecret` and `Volume.fromSecret`.
   */
  public get secret(): PlusSecret {
    if (!this.importedSecret) {
      this.importedSecret = kplus.Secret.fromSecretName(this, 'Secret', this.targetSecretName);
    }
    return this.importedSecret;
  }

  /**
   * An environment variable value read from one key of the Secret. Throws when the ExternalSecret
   * is known not to produce `key` (declare data before consuming it).
   */
  public envValue(key: string, options?: PlusEnvValueFromSecretOptions): PlusEnvValue {
    assertType(this.node.path, 'envValue(key)', key, 'nonEmptyString');
    const keys = this.builder.knownKeys();
    if (keys !== undefined && !keys.includes(key)) {
      throw unknownSecretKey(this.node.path, key, keys);
    }
    return kplus.EnvValue.fromSecretValue({ secret: this.secret, key }, options);
  }

  /**
   * The remote keys this ExternalSecret reads (data and extract), with their stores: a PushSecret
   * writing one of them back from this ExternalSecret's Secret would be a loop.
   * @internal
   */
  public _remoteReads(): Array<{ store: ISecretStore; key: string; prop: string }> {
    return this.builder.remoteReads();
  }

  /** The object with every default of the served CRD schema rendered (no drift against the cluster). */
  public override toJson(): Record<string, unknown> {
    return renderOnce(this, () => withCrdDefaultsInPlace(super.toJson() as Record<string, unknown>));
  }

  private ownMetadata(): { labels?: { [k: string]: string }; annotations?: { [k: string]: string } } {
    const json = this.metadata.toJson();
    return { labels: json.labels, annotations: json.annotations };
  }
}
