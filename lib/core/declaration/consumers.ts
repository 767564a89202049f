import {
  ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, MetadataPolicy, NullBytePolicy, RefreshPolicy, TemplateMergePolicy,
} from '../eso-enums';

// The ESO enums a declared ExternalSecret uses, so an engine-free declaration module needs only /core.
export { ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, MetadataPolicy, NullBytePolicy, RefreshPolicy, TemplateMergePolicy };

/** How ESO decodes and converts what it fetched (`remoteRef` / `extract` / `find` options). */
export interface FetchedValueOptions {
  /**
   * Decode the fetched value (`Base64`, `Base64URL`, `Auto`).
   * @default - not rendered: ESO's default (None)
   */
  readonly decodingStrategy?: DecodingStrategy;
  /**
   * Convert keys or values (`Unicode`).
   * @default - not rendered: ESO's default (Default)
   */
  readonly conversionStrategy?: ConversionStrategy;
  /**
   * What to do with NUL bytes in fetched values (`Fail`).
   * @default - not rendered: ESO's default (Ignore)
   */
  readonly nullBytePolicy?: NullBytePolicy;
}
import { Duration } from '../duration';
import { ClusterDeclaration } from './clusters';
import type { GeneratedValue, GeneratedValueReference } from './generators';
import { SecretDeclaration } from './secrets';
import { StoreDeclaration } from './stores';

/** One key of the target Secret, read from one declared secret. */
export interface SecretKeyReference extends FetchedValueOptions {
  /** Key in the Kubernetes Secret (`^[-._a-zA-Z0-9]+$`). */
  readonly secretKey: string;
  /** The declared secret to read. */
  readonly secret: SecretDeclaration;
  /**
   * JSON property of the secret to read.
   * @default - the whole value
   */
  readonly property?: string;
  /**
   * Version (Secrets Manager version stage or ID, Key Vault version).
   * @default - the current version
   */
  readonly version?: string;
  /**
   * Read the secret's metadata (tags, labels) instead of its value (`Fetch`).
   * @default - not rendered: ESO's default (None)
   */
  readonly metadataPolicy?: MetadataPolicy;
}

/** Every property of one declared JSON secret becomes a key of the target Secret (`dataFrom.extract`). */
export interface SecretExtractReference extends FetchedValueOptions {
  /** The declared secret to extract. */
  readonly secret: SecretDeclaration;
  /**
   * Version to extract.
   * @default - the current version
   */
  readonly version?: string;
}

/**
 * Secrets found by name or tags (`dataFrom.find`). Grants are derived from the DECLARED secrets the
 * find matches; AWS additionally requires `ListSecrets` on `*` for finds.
 */
export interface SecretFindReference extends FetchedValueOptions {
  /**
   * Regular expression on the secret name (anchored by the library).
   * @default - no name filter
   */
  readonly nameRegexp?: string;
  /**
   * Tags the secrets must carry.
   * @default - no tag filter
   */
  readonly tags?: Record<string, string>;
  /**
   * Path prefix (Parameter Store, Secrets Manager name prefix).
   * @default - no path filter
   */
  readonly path?: string;
}

/**
 * A dynamic secret (an ESO generator such as `VaultDynamicSecret`) declared by a backend module
 * (`addVaultDynamicSecret`): every key it returns lands in the target Secret (`dataFrom.sourceRef.generatorRef`).
 */
export interface DynamicSecretDeclaration {
  /** Declaration-unique id. */
  readonly id: string;
  /** Name of the generator object (in each namespace that reads it). */
  readonly name: string;
  /** The backend that serves it. */
  readonly backend: SecretDeclaration['backend'];
  /** The engine path (`database/creds/<role>`). */
  readonly path: string;
}

/** Template of the target Secret (`target.template`). */
export interface TargetTemplateOptions {
  /**
   * Secret type (`kubernetes.io/dockerconfigjson`...).
   * @default - Opaque
   */
  readonly type?: string;
  /**
   * Templated data (Go templates over the fetched keys).
   * @default - the fetched keys as they are
   */
  readonly data?: Record<string, string>;
  /**
   * Labels of the target Secret.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations of the target Secret.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * How templated keys combine with the fetched ones (`Replace`: only the templated keys; `Merge`: both).
   * @default - ESO's default (Replace)
   */
  readonly mergePolicy?: TemplateMergePolicy;
}

/** Props of {@link SecretsDeclaration.addExternalSecret}. */
export interface ExternalSecretOptions {
  /** Name of the ExternalSecret (DNS-1123 subdomain). */
  readonly name: string;
  /** Namespace of the ExternalSecret and its target Secret. */
  readonly namespace: string;
  /** The store to read through. */
  readonly store: StoreDeclaration;
  /**
   * Clusters that get the ExternalSecret.
   * @default - every cluster of the store
   */
  readonly clusters?: ClusterDeclaration[];
  /**
   * Name of the Kubernetes Secret ESO writes.
   * @default - the ExternalSecret's name
   */
  readonly targetSecretName?: string;
  /**
   * How often ESO reads the secrets again.
   * @default Duration.hours(1)
   */
  readonly refreshInterval?: Duration;
  /**
   * When ESO refreshes (`Periodic` every refreshInterval, `OnChange` when the ExternalSecret changes,
   * `CreatedOnce`).
   * @default - not rendered: ESO's default (Periodic)
   */
  readonly refreshPolicy?: RefreshPolicy;
  /**
   * Who owns the target Secret (`target.creationPolicy`; `Owner` deletes it with the ExternalSecret).
   * @default - not rendered: ESO's default (Owner)
   */
  readonly creationPolicy?: CreationPolicy;
  /**
   * What happens to the target Secret when the provider's secret disappears (`target.deletionPolicy`).
   * @default - not rendered: ESO's default (Retain)
   */
  readonly deletionPolicy?: DeletionPolicy;
  /**
   * Make the target Secret immutable (`target.immutable`).
   * @default - not rendered: mutable
   */
  readonly immutable?: boolean;
  /**
   * Keys read one by one (`data`).
   * @default - none
   */
  readonly data?: SecretKeyReference[];
  /**
   * Whole JSON secrets extracted (`dataFrom.extract`).
   * @default - none
   */
  readonly extract?: SecretExtractReference[];
  /**
   * Secrets found by name, tags or path (`dataFrom.find`).
   * @default - none
   */
  readonly find?: SecretFindReference[];
  /**
   * Dynamic secrets (generators) whose keys land in the target Secret; the store's identity is
   * granted their engine path, and the backend checks its lease rule against `refreshInterval`.
   * @default - none
   */
  readonly dynamicSecrets?: DynamicSecretDeclaration[];
  /**
   * Values generated in the cluster by declared generators (`addPasswordGenerator`), next to the values
   * read through the store: they need no grant.
   * @default - none
   */
  readonly generated?: GeneratedValueReference[];
  /**
   * Template of the target Secret.
   * @default - no template
   */
  readonly template?: TargetTemplateOptions;
  /**
   * Names of the workloads (Deployments...) in the namespace that consume the Secret. Used for the
   * access matrix; the cdk8s side wires Reloader from typed workload references.
   * @default - none recorded
   */
  readonly workloads?: string[];
}

/** An ExternalSecret in a declaration. */
export interface ExternalSecretDeclaration {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly store: StoreDeclaration;
  /**
   * Explicit clusters.
   * @default - undefined: every cluster of the store
   */
  readonly clusters?: readonly ClusterDeclaration[];
  readonly targetSecretName: string;
  readonly refreshInterval: Duration;
  /**
   * Refresh policy.
   * @default - undefined: ESO's default
   */
  readonly refreshPolicy?: RefreshPolicy;
  /**
   * Creation policy of the target Secret.
   * @default - undefined: ESO's default
   */
  readonly creationPolicy?: CreationPolicy;
  /**
   * Deletion policy of the target Secret.
   * @default - undefined: ESO's default
   */
  readonly deletionPolicy?: DeletionPolicy;
  /**
   * Whether the target Secret is immutable.
   * @default - undefined: mutable
   */
  readonly immutable?: boolean;
  readonly data: readonly SecretKeyReference[];
  readonly extract: readonly SecretExtractReference[];
  readonly find: readonly SecretFindReference[];
  readonly dynamicSecrets: readonly DynamicSecretDeclaration[];
  /** Values generated in the cluster, with the key each lands under. */
  readonly generated: readonly GeneratedValue[];
  /**
   * Template of the target Secret.
   * @default - undefined: no template
   */
  readonly template?: TargetTemplateOptions;
  readonly workloads: readonly string[];
}

/** Props of {@link SecretsDeclaration.addPushSecret}. */
export interface PushSecretOptions {
  /** Name of the PushSecret. */
  readonly name: string;
  /** Namespace of the PushSecret and of the Kubernetes Secret it pushes. */
  readonly namespace: string;
  /** The store to write through. */
  readonly store: StoreDeclaration;
  /** Name of the Kubernetes Secret to push. */
  readonly sourceSecretName: string;
  /** The declared secret (container) that receives the value. */
  readonly destination: SecretDeclaration;
  /**
   * Clusters that get the PushSecret.
   * @default - every cluster of the store
   */
  readonly clusters?: ClusterDeclaration[];
}

/** A PushSecret in a declaration. */
export interface PushSecretDeclaration {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly store: StoreDeclaration;
  readonly sourceSecretName: string;
  readonly destination: SecretDeclaration;
  /**
   * Explicit clusters.
   * @default - undefined: every cluster of the store
   */
  readonly clusters?: readonly ClusterDeclaration[];
}
