// Re-exports only: validateManifests() and friends (engine-free: no cdk8s or cdktf).
/**
 * `import { … } from 'cdk-external-secrets/validation'`. The manifest and chart-values validator. Loads no engine and no provider.
 *
 * @module cdk-external-secrets/validation
 */
export { checkManifests, validateManifests } from './validate-manifests';
export { ManifestValidationError } from '../core/errors/manifests';
export { withCrdDefaults } from './schema-defaults';
export { checkChartValues } from './chart-values';
export type { ChartReference } from './chart-values';
export { parseYamlDocuments, MAX_YAML_ALIASES } from './yaml';
export type { YamlDocument } from './yaml';
export { MAX_MANIFEST_DEPTH, MAX_MANIFEST_BYTES } from './plain-data';
