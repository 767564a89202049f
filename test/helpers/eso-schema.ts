/**
 * Test helpers on top of the exported validator (`lib/validation`): ESO objects against the strict
 * schema of their served version with the CRDs' CEL rules, core objects against Kubernetes schemas.
 * Tests are exactly as strict as `validateManifests()` is for users.
 */
import { IConstruct } from 'constructs';
import { validateManifests } from '../../lib/validation';

/** A synthesized Kubernetes object. */
export interface K8sManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly spec?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** Validates every manifest; throws with all problems listed. */
export function expectValidManifests(manifests: readonly K8sManifest[]): void {
  validateManifests(manifests);
}

/**
 * Synthesizes a cdk8s chart, running every construct validation first (as `cdk8s synth` does, with the
 * same message format), and validates every manifest against its schema.
 */
export function synthValid(chart: IConstruct & { toJson(): unknown[] }): K8sManifest[] {
  const errors = chart.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
  if (errors.length > 0) {
    throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  }
  const manifests = chart.toJson() as K8sManifest[];
  expectValidManifests(manifests);
  return manifests;
}

/** Finds one manifest by kind and name; throws if absent. */
export function findManifest(manifests: readonly K8sManifest[], kind: string, name: string): K8sManifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata?.name === name);
  if (!found) {
    throw new Error(`no ${kind} named ${name} in ${manifests.map((m) => `${m.kind}/${m.metadata?.name}`).join(', ')}`);
  }
  return found;
}
