import { ApiObject, ApiObjectMetadata, JsonPatch } from 'cdk8s';
import { invalidSyncWave } from '../../core/errors';
import { assertAnnotations, assertDnsLabel, assertDnsSubdomain, assertLabels } from '../../core/validation';
import { K8sObjectOptions, SyncWaveOptions } from '../references';

/** Argo CD sync-wave annotation key. @internal */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/**
 * Validates name / namespace / sync wave and builds the L1 metadata.
 * @internal
 */
export function buildMetadata(path: string, options: K8sObjectOptions & SyncWaveOptions & { readonly namespace?: string }): ApiObjectMetadata {
  assertDnsSubdomain(path, 'metadata.name', options.name);
  assertDnsLabel(path, 'metadata.namespace', options.namespace);
  assertLabels(path, 'metadata.labels', options.labels);
  assertAnnotations(path, 'metadata.annotations', options.annotations);
  const annotations: { [key: string]: string } = { ...options.annotations };
  if (options.syncWave !== undefined) {
    if (!Number.isInteger(options.syncWave)) {
      throw invalidSyncWave(path, options.syncWave);
    }
    annotations[SYNC_WAVE_ANNOTATION] = String(options.syncWave);
  }
  // Keys must be absent, not undefined: cdk8s spreads this object over the generated name.
  const metadata: { name?: string; namespace?: string; labels?: { [key: string]: string }; annotations?: { [key: string]: string } } = {};
  if (options.name !== undefined) metadata.name = options.name;
  if (options.namespace !== undefined) metadata.namespace = options.namespace;
  if (options.labels !== undefined) metadata.labels = { ...options.labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return metadata;
}

/**
 * Cluster-scoped objects must not carry the namespace cdk8s copies from the Chart.
 * @internal
 */
export function dropChartNamespace(resource: ApiObject): void {
  if (resource.metadata.namespace !== undefined) {
    resource.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
}
