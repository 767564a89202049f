import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  crossNamespaceStore, duplicatePushTarget, emptyPushSecretData, emptyPushSecretSelector, invalidString, missingPushSecretStores, pushSecretLoop, validationMessage,
} from '../core/errors';
import { assertDuration, ESO_INTERVAL_BOUNDS } from '../core/duration';
import { assertDnsSubdomain, assertProps, assertShape, assertType } from '../core/validation';
import { ExternalSecret } from './external-secret';
import { assertLabelSelector } from './private/selectors';
import { DURATION, GENERATOR_REF, METADATA_SHAPE, PUSH_SECRET_DATA, PUSH_SECRET_ENUMS, STORE_REF } from './private/shapes';
import { Duration } from '../core/duration';
import { PushSecretConversionStrategy, PushSecretDeletionPolicy, PushSecretUpdatePolicy, SecretStoreKind } from './enums';
import { GeneratorReference } from './external-secret-data';
import * as l1 from './imports/external-secrets.io';
import { renderLabelSelector } from './private/context';
import { assertSecretKey } from './private/external-secret-spec';
import { buildMetadata } from './private/metadata';
import { K8sObjectOptions, LabelSelector, SyncWaveOptions } from './references';
import { ISecretStore } from './secret-store-ref';
import { DefaultedPushSecret } from './private/defaulted-objects';
import { PlusSecret } from './plus-types';

/** What a PushSecret pushes (`spec.selector`). */
export class PushSecretSource {
  /** A Secret of the PushSecret's namespace (a cdk8s-plus Secret, or `ExternalSecret.secret`). */
  public static fromSecret(secret: PlusSecret): PushSecretSource {
    return new PushSecretSource('secret', secret);
  }

  /**
   * The Secrets matching a label selector. The selector must not be empty (an empty one would push
   * every Secret of the namespace).
   */
  public static fromSecretSelector(selector: LabelSelector): PushSecretSource {
    return new PushSecretSource('selector', selector);
  }

  /** The output of a generator (e.g. a Password generator). */
  public static fromGenerator(generator: GeneratorReference): PushSecretSource {
    return new PushSecretSource('generator', generator);
  }

  private constructor(private readonly kind: 'secret' | 'selector' | 'generator', private readonly input: unknown) {}

  /** The ExternalSecret whose Secret is pushed, when the source is `ExternalSecret.secret`. @internal */
  public get _externalSecret(): ExternalSecret | undefined {
    const scope = this.kind === 'secret' ? (this.input as Construct | undefined)?.node?.scope : undefined;
    return scope instanceof ExternalSecret ? scope as unknown as ExternalSecret : undefined;
  }

  /** Validates the source at its point of use and renders `spec.selector`. @internal */
  public _render(path: string, prop: string): l1.PushSecretSpecSelector {
    if (this.kind === 'secret') {
      const secret = this.input as PlusSecret;
      assertType(path, `${prop}.secret`, secret, { shape: { name: 'nonEmptyString' }, name: 'a Secret (a cdk8s-plus ISecret or ExternalSecret.secret)' });
      assertDnsSubdomain(path, `${prop}.secret.name`, secret.name);
      return { secret: { name: secret.name } };
    }
    if (this.kind === 'selector') {
      const selector = this.input as LabelSelector;
      assertLabelSelector(path, `${prop}.secret.selector`, selector, emptyPushSecretSelector);
      return { secret: { selector: renderLabelSelector(selector) as l1.PushSecretSpecSelectorSecretSelector } };
    }
    const generator = this.input as GeneratorReference;
    assertType(path, `${prop}.generatorRef`, generator, GENERATOR_REF);
    assertDnsSubdomain(path, `${prop}.generatorRef.name`, generator.name);
    return {
      generatorRef: {
        apiVersion: generator.apiVersion ?? 'generators.external-secrets.io/v1alpha1',
        kind: generator.kind as string as l1.PushSecretSpecSelectorGeneratorRefKind,
        name: generator.name,
      },
    };
  }
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
  private readonly targets: string[] = [];
  private readonly source: PushSecretSource;

  constructor(scope: Construct, id: string, props: PushSecretProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'PushSecretProps', {
      ...METADATA_SHAPE, ...PUSH_SECRET_ENUMS,
      'stores': { arrayOf: STORE_REF },
      'source': { instance: PushSecretSource, name: 'a PushSecretSource (PushSecretSource.fromSecret(), fromSecretSelector() or fromGenerator())' },
      'data?': { arrayOf: { shape: PUSH_SECRET_DATA } },
      'refreshInterval?': DURATION,
    });
    assertDuration(path, 'spec.refreshInterval', props.refreshInterval, { ...ESO_INTERVAL_BOUNDS, allowZero: false });
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    const metadata = buildMetadata(path, { ...props, namespace: this.namespace });
    if (props.stores.length === 0) {
      throw missingPushSecretStores(path);
    }
    const selector = props.source._render(path, 'spec.selector');
    this.source = props.source;
    props.stores.forEach((s, i) => {
      if (s.storeKind === SecretStoreKind.SECRET_STORE && s.namespace !== undefined && this.namespace !== undefined
        && s.namespace !== this.namespace) {
        throw crossNamespaceStore(path, `spec.secretStoreRefs[${i}]`, s.storeName, s.namespace, this.namespace);
      }
    });
    this.stores = [...props.stores];
    this.data = [];
    this.resource = new DefaultedPushSecret(this, 'Resource', {
      metadata,
      spec: {
        secretStoreRefs: props.stores.map((s) => ({ name: s.storeName, kind: s.storeKind as string as l1.PushSecretSpecSecretStoreRefsKind })),
        selector,
        data: this.data,
        deletionPolicy: props.deletionPolicy as string as l1.PushSecretSpecDeletionPolicy | undefined,
        updatePolicy: props.updatePolicy as string as l1.PushSecretSpecUpdatePolicy | undefined,
        refreshInterval: props.refreshInterval?.toGoString(),
      },
    });
    this.pushSecretName = this.resource.name;
    props.data?.forEach((d) => this.addData(d));
    this.node.addValidation({ validate: () => this.checkLoop() });
    this.node.addValidation({ validate: () => (this.data.length === 0 ? [validationMessage(path, emptyPushSecretData(path))] : []) });
  }

  /** Adds a key to push. */
  public addData(data: PushSecretData): this {
    const prop = `spec.data[${this.data.length}]`;
    assertShape(this.node.path, prop, data, PUSH_SECRET_DATA);
    if (data.secretKey !== undefined) {
      assertSecretKey(this.node.path, `${prop}.match.secretKey`, data.secretKey);
    }
    if (typeof data.remoteKey === 'string' && data.remoteKey.trim() !== data.remoteKey) {
      throw invalidString(this.node.path, `${prop}.match.remoteRef.remoteKey`, data.remoteKey,
        'a remote key without leading or trailing whitespace', `pass ${JSON.stringify(data.remoteKey.trim() || 'team/app')}`);
    }
    const target = `${data.remoteKey}${data.property !== undefined ? `#${data.property}` : ''}`;
    const first = this.targets.indexOf(target);
    if (first >= 0) {
      throw duplicatePushTarget(this.node.path, `${prop}.match.remoteRef`, target, `spec.data[${first}].match.remoteRef`);
    }
    this.targets.push(target);
    this.data.push({
      match: { secretKey: data.secretKey, remoteRef: { remoteKey: data.remoteKey, property: data.property } },
      conversionStrategy: data.conversionStrategy as string as l1.PushSecretSpecDataConversionStrategy | undefined,
    });
    return this;
  }

  private checkLoop(): string[] {
    const es = this.source._externalSecret;
    if (es === undefined) {
      return [];
    }
    const pushed = new Map<string, number>();
    this.data.forEach((d, i) => pushed.set(d.match.remoteRef.remoteKey, i));
    for (const read of es._remoteReads()) {
      const index = pushed.get(read.key);
      if (index === undefined) {
        continue;
      }
      const same = this.stores.some((s) => s.storeName === read.store.storeName && s.storeKind === read.store.storeKind);
      if (same) {
        return [validationMessage(this.node.path,
          pushSecretLoop(this.node.path, `spec.data[${index}].match.remoteRef.remoteKey`, read.key, es.node.path, read.prop))];
      }
    }
    return [];
  }
}
