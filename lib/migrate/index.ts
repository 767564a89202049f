// Re-exports only: migration of KES and ESO v1beta1 manifests to ESO v1, the TypeScript emitter and
// the CLI, all engine-free (`cdk-external-secrets/migrate`). The cdk8s loader is `./k8s`.
/**
 * `import { … } from 'cdk-external-secrets/migrate'`. Migration of KES and ESO v1beta1 manifests to ESO v1, the
 * TypeScript emitter and the CLI. Engine-free: loads no cdk8s, cdktf or provider.
 *
 * @module cdk-external-secrets/migrate
 */
export * from './types';
export { assertMigrationComplete, migrateManifests, toYaml } from './migrate';
export type { MigrationInput } from './migrate';
export type { ConstructPlan, PlanExpression, PlanOptions, PlanStatement } from './construct-plan';
export { planConstructs } from './construct-plan';
export { renderTypeScript } from './typescript';
export type { TypeScriptModuleOptions } from './typescript';
export { MIGRATE_USAGE, runMigrateCli } from './cli';
export type { CliIo } from './cli';
