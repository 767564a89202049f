import { ApiObjectMetadataDefinition } from 'cdk8s';
import { IConstruct } from 'constructs';

// Structural types of the cdk8s-plus objects the constructs return and accept. Every 2.x line (28 to
// 34) declares these members with these types, so a project's own line's types accept them and the
// library's declaration files name no cdk8s-plus package: a project on cdk8s-plus-33 type-checks
// without cdk8s-plus-28 installed, `skipLibCheck` or not.

/** A Kubernetes resource as every cdk8s-plus 2.x line's `IResource` declares it. */
export interface PlusResource extends IConstruct {
  /** `metadata.name`. */
  readonly name: string;
  /** The object's API version, e.g. `v1`. */
  readonly apiVersion: string;
  /** The object kind, e.g. `Secret`. */
  readonly kind: string;
  /** The group part of the API version (empty for the core group). */
  readonly apiGroup: string;
  /** The plural resource type, e.g. `secrets`. */
  readonly resourceType: string;
  /** The resource name in RBAC rules, when it has one. */
  readonly resourceName?: string;
}

/** An environment variable's value, as cdk8s-plus' `EnvValue` declares it (assignable to any line's). */
export interface PlusEnvValue {
  /** A literal value. */
  readonly value?: unknown;
  /** A reference (`secretKeyRef`, `configMapKeyRef`, ...). */
  readonly valueFrom?: unknown;
}

/** Options of an environment variable read from a Secret key (cdk8s-plus' `EnvValueFromSecretOptions`). */
export interface PlusEnvValueFromSecretOptions {
  /**
   * Whether the Secret or its key may be missing.
   * @default false
   */
  readonly optional?: boolean;
}

/** A Secret as every cdk8s-plus 2.x line's `ISecret` declares it: pass it where your line wants an `ISecret`. */
export interface PlusSecret extends PlusResource {
  /** An environment variable's value read from `key` of this Secret. */
  envValue(key: string, options?: PlusEnvValueFromSecretOptions): PlusEnvValue;
}

/** A role binding subject, as cdk8s-plus' `SubjectConfiguration` declares it. */
export interface PlusSubjectConfiguration {
  /** API group of the subject (empty for a ServiceAccount). */
  readonly apiGroup?: string;
  /** `ServiceAccount`, `User` or `Group`. */
  readonly kind: string;
  /** Name of the subject. */
  readonly name: string;
  /** Namespace of a ServiceAccount subject. */
  readonly namespace?: string;
}

/**
 * A ServiceAccount as every cdk8s-plus 2.x line declares it (`IServiceAccount`, a role binding
 * subject): pass it to a Deployment's `serviceAccount` or a RoleBinding of your line.
 */
export interface PlusServiceAccount extends PlusResource {
  /** The object's metadata. */
  readonly metadata: ApiObjectMetadataDefinition;
  /** Whether pods running as this service account get an API token mounted. */
  readonly automountToken: boolean;
  /** This service account as a role binding subject. */
  toSubjectConfiguration(): PlusSubjectConfiguration;
}
