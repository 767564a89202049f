// Re-exports only: the cdk8s side of the migration (`cdk-external-secrets/migrate/k8s`): loading
// migrated objects back through the typed constructs.
/**
 * `import { … } from 'cdk-external-secrets/migrate/k8s'`. Loads migrated objects back through the typed cdk8s
 * constructs. Loads cdk8s and the first cdk8s-plus line installed.
 *
 * @module cdk-external-secrets/migrate/k8s
 */
export { applyConstructPlan, constructRefusals, loadMigratedManifests } from './load';
