import { IWorkloadIdentity } from '../core/identity';
import { LabelSelectorOperator } from './enums';

/**
 * A Kubernetes service account a store authenticates as.
 *
 * A {@link WorkloadServiceAccount} satisfies it (and carries its cloud identity, so the store can
 * check it); a plain `{ name, namespace }` literal does too.
 */
export interface ServiceAccountReference {
  /** Name of the service account. */
  readonly name: string;
  /**
   * Namespace of the service account.
   * @default - on a SecretStore: the store's namespace; on a ClusterSecretStore: the namespace of
   * each ExternalSecret that uses the store (ESO "referent auth")
   */
  readonly namespace?: string;
  /**
   * The cloud identity the service account is bound to, when known.
   * @default - unknown: no cross-check is made
   */
  readonly identity?: IWorkloadIdentity;
}

/** A key of a Kubernetes Secret (credentials a store reads). */
export interface SecretKeySelector {
  /** Name of the Secret. */
  readonly name: string;
  /**
   * Key inside the Secret.
   * @default - the provider's default key (for example `token` for Vault Kubernetes auth)
   */
  readonly key?: string;
  /**
   * Namespace of the Secret.
   * @default - on a SecretStore: the store's namespace; on a ClusterSecretStore: the ExternalSecret's namespace
   */
  readonly namespace?: string;
}

/** One requirement of a label selector. */
export interface LabelSelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** The operator. */
  readonly operator: LabelSelectorOperator;
  /**
   * Values for `IN` and `NOT_IN`.
   * @default - none (required for IN / NOT_IN, forbidden for EXISTS / DOES_NOT_EXIST)
   */
  readonly values?: string[];
}

/** A Kubernetes label selector (all requirements are ANDed). */
export interface LabelSelector {
  /**
   * Labels that must match exactly.
   * @default - no label equality requirement
   */
  readonly matchLabels?: { [key: string]: string };
  /**
   * Set-based requirements.
   * @default - no set-based requirement
   */
  readonly matchExpressions?: LabelSelectorRequirement[];
}

/** Metadata options shared by every construct of this module. */
export interface K8sObjectOptions {
  /**
   * `metadata.name` of the object.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * Extra labels on the object.
   * @default - no extra labels
   */
  readonly labels?: { [key: string]: string };
  /**
   * Extra annotations on the object.
   * @default - no extra annotations
   */
  readonly annotations?: { [key: string]: string };
}

/** GitOps ordering of an object in Argo CD. */
export interface SyncWaveOptions {
  /**
   * Argo CD sync wave (`argocd.argoproj.io/sync-wave`).
   *
   * Stores and ExternalSecrets are custom resources: they must apply after the ESO release has
   * installed the CRDs (and stores before the ExternalSecrets that use them). Give the ESO
   * Application / release a lower wave (for example -10), stores e.g. -1 and ExternalSecrets 0.
   *
   * @default - no sync-wave annotation (wave 0)
   */
  readonly syncWave?: number;
}
