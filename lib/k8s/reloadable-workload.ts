import { IConstruct } from 'constructs';

/**
 * The metadata surface of a workload that reload wiring needs: the namespace, the annotations
 * already set, and a way to add one.
 *
 * cdk8s' `ApiObjectMetadataDefinition` satisfies it, whether it comes from a cdk8s-plus workload
 * (`workload.metadata`) or from a plain `ApiObject` (`apiObject.metadata`).
 */
export interface ReloadableWorkloadMetadata {
  /** The namespace, when known at construction. */
  readonly namespace?: string;
  /** Adds an annotation to the workload's own metadata. */
  addAnnotation(key: string, value: string): void;
  /** The metadata as JSON (the wiring reads only the annotations). */
  toJson(): { readonly annotations?: { readonly [key: string]: string } };
}

/**
 * A workload reload wiring can roll, typed structurally so that no cdk8s-plus line is required:
 * a `Deployment`, `StatefulSet` or `DaemonSet` of cdk8s-plus-28, -32, -33, -34 (any 2.x line), or a
 * plain cdk8s `ApiObject` of one of those kinds (`apps/v1`).
 *
 * The pod template is read at synth through `ApiObject.of(workload)`.
 */
export interface IReloadableWorkload extends IConstruct {
  /** The object kind: `Deployment`, `StatefulSet` or `DaemonSet`. */
  readonly kind: string;
  /** `metadata.name` of the workload. */
  readonly name: string;
  /** The workload's metadata. */
  readonly metadata: ReloadableWorkloadMetadata;
}

/** The workload kinds whose pod template Reloader and the UDS operator patch to roll pods. */
export enum ReloadableWorkloadKind {
  /** `apps/v1` Deployment. */
  DEPLOYMENT = 'Deployment',
  /** `apps/v1` StatefulSet. */
  STATEFUL_SET = 'StatefulSet',
  /** `apps/v1` DaemonSet. */
  DAEMON_SET = 'DaemonSet',
}
