// Re-exports only: the cdk8s side of the migration (`cdk-external-secrets/migrate/k8s`): loading
// migrated objects back through the typed constructs.
export { applyConstructPlan, constructRefusals, loadMigratedManifests } from './load';
