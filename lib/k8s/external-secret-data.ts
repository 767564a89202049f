import {
  ConversionStrategy, DecodingStrategy, GeneratorKind, MergeConflictPolicy, MergePriorityPolicy, MergeStrategy,
  MetadataPolicy, NullBytePolicy,
} from './enums';
import { ISecretStore } from './secret-store-ref';

/** Where a value lives in the provider. */
export interface RemoteRef {
  /** Key (name, path or ARN) of the remote secret. */
  readonly key: string;
  /**
   * Property inside a JSON secret (gjson path).
   * @default - the whole value
   */
  readonly property?: string;
  /**
   * Version of the remote secret.
   * @default - the latest version
   */
  readonly version?: string;
  /**
   * Decoding of the fetched value.
   * @default - ESO's default (DecodingStrategy.NONE)
   */
  readonly decodingStrategy?: DecodingStrategy;
  /**
   * Key conversion.
   * @default - ESO's default (ConversionStrategy.DEFAULT)
   */
  readonly conversionStrategy?: ConversionStrategy;
  /**
   * Fetch the value or the metadata.
   * @default - ESO's default (MetadataPolicy.NONE)
   */
  readonly metadataPolicy?: MetadataPolicy;
  /**
   * Handling of NUL bytes (ESO 2.3+).
   * @default - ESO's default (NullBytePolicy.IGNORE)
   */
  readonly nullBytePolicy?: NullBytePolicy;
}

/** One key of the target Secret, fetched from one remote value (`spec.data[]`). */
export interface ExternalSecretData {
  /** Key in the target Secret (`^[-._a-zA-Z0-9]+$`). */
  readonly secretKey: string;
  /** Where the value lives. */
  readonly remoteRef: RemoteRef;
  /**
   * Read this key from another store (`sourceRef.storeRef`).
   * @default - the ExternalSecret's store
   */
  readonly store?: ISecretStore;
}

/** A search over the provider (`dataFrom[].find`). */
export interface FindOptions {
  /**
   * Regular expression on secret names.
   * @default - no name filter
   */
  readonly nameRegexp?: string;
  /**
   * Tags the secrets must carry.
   * @default - no tag filter
   */
  readonly tags?: { [key: string]: string };
  /**
   * Path prefix.
   * @default - no path filter
   */
  readonly path?: string;
  /**
   * Key conversion.
   * @default - ESO's default
   */
  readonly conversionStrategy?: ConversionStrategy;
  /**
   * Value decoding.
   * @default - ESO's default
   */
  readonly decodingStrategy?: DecodingStrategy;
  /**
   * Handling of NUL bytes.
   * @default - ESO's default
   */
  readonly nullBytePolicy?: NullBytePolicy;
}

/**
 * A generator (`generators.external-secrets.io`) that produces the values. The generator
 * constructs of this library (`VaultDynamicSecret`, `Password`) are references themselves: pass
 * the construct.
 */
export interface GeneratorReference {
  /** Kind of the generator. */
  readonly kind: GeneratorKind;
  /** Name of the generator object. */
  readonly name: string;
  /**
   * API version of the generator.
   * @default "generators.external-secrets.io/v1alpha1"
   */
  readonly apiVersion?: string;
  /**
   * Namespace of the generator, when known: an ExternalSecret checks it is its own (ESO looks the
   * generator up in the ExternalSecret's namespace).
   * @default - unknown: not checked
   */
  readonly namespace?: string;
}

/** Options of {@link Rewrite.merge}. */
export interface RewriteMergeOptions {
  /**
   * Key to merge into.
   * @default - the top level
   */
  readonly into?: string;
  /**
   * Keys that win conflicts, in order.
   * @default - none
   */
  readonly priority?: string[];
  /**
   * Handling of missing priority keys.
   * @default - ESO's default (STRICT)
   */
  readonly priorityPolicy?: MergePriorityPolicy;
  /**
   * Handling of key conflicts.
   * @default - ESO's default (ERROR)
   */
  readonly conflictPolicy?: MergeConflictPolicy;
  /**
   * Merge strategy.
   * @default - ESO's default (EXTRACT)
   */
  readonly strategy?: MergeStrategy;
}

/** Options of {@link Rewrite.regexp}. */
export interface RewriteRegexpOptions {
  /** Regular expression matched against keys. */
  readonly source: string;
  /** Replacement (may use capture groups). */
  readonly target: string;
}

/** A key rewrite of a `dataFrom` entry; rewrites apply first to last. */
export class Rewrite {
  /** Rename keys with a regular expression. */
  public static regexp(options: RewriteRegexpOptions): Rewrite {
    return new Rewrite({ regexp: { source: options.source, target: options.target } });
  }

  /** Rename keys with a Go template (`{{ .value }}`). */
  public static transform(template: string): Rewrite {
    return new Rewrite({ transform: { template } });
  }

  /** Merge the fetched JSON documents. */
  public static merge(options: RewriteMergeOptions = {}): Rewrite {
    return new Rewrite({
      merge: {
        into: options.into,
        priority: options.priority ? [...options.priority] : undefined,
        priorityPolicy: options.priorityPolicy,
        conflictPolicy: options.conflictPolicy,
        strategy: options.strategy,
      },
    });
  }

  private constructor(/** @internal */ public readonly _json: {
    regexp?: { source: string; target: string };
    transform?: { template: string };
    merge?: { into?: string; priority?: string[]; priorityPolicy?: string; conflictPolicy?: string; strategy?: string };
  }) {}
}

/**
 * Many keys at once (`spec.dataFrom[]`): set exactly one of `extract`, `find` or `generator`.
 */
export interface ExternalSecretDataFrom {
  /**
   * Fetch one remote secret and use its JSON properties as keys.
   * @default - none
   */
  readonly extract?: RemoteRef;
  /**
   * Fetch every remote secret matching a search.
   * @default - none
   */
  readonly find?: FindOptions;
  /**
   * Produce the keys with a generator (not combinable with extract or find).
   * @default - none
   */
  readonly generator?: GeneratorReference;
  /**
   * Key rewrites, applied first to last.
   * @default - none
   */
  readonly rewrite?: Rewrite[];
  /**
   * Read from another store (`sourceRef.storeRef`).
   * @default - the ExternalSecret's store
   */
  readonly store?: ISecretStore;
}
