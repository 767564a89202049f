/**
 * Bad inputs for the migration (KES and ESO v1beta1 manifests to ESO v1) and its TypeScript emitter,
 * through the subpath entry points `/migrate` and `/migrate/k8s`, written as an attacker or a careless
 * team would: crafted backend names that become hosts, whole-store finds, literal secrets in templates,
 * code in names, crafted construct plans. Reported issues are thrown with `assertMigrationComplete`.
 * Expected messages: `expected-migrate.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import {
  assertMigrationComplete, ConstructPlan, MigrateOptions, migrateManifests, planConstructs, renderTypeScript,
} from '../../lib/migrate';
import { applyConstructPlan, loadMigratedManifests } from '../../lib/migrate/k8s';
import type { BadInput } from './cases';

/** A KES ExternalSecret in team-a with the given spec. */
function kes(spec: Record<string, unknown>, metadata = 'metadata:\n  name: app\n  namespace: team-a\n'): string {
  return `apiVersion: kubernetes-client.io/v1\nkind: ExternalSecret\n${metadata}spec: ${JSON.stringify(spec)}\n`;
}

/** Migrates the YAML and throws the first reported issue. */
function migrate(yaml: string, options: MigrateOptions = {}): () => unknown {
  return () => assertMigrationComplete(migrateManifests([{ source: 'kes.yaml', yaml }], { vaultServer: 'https://vault.example.com', ...options }));
}

const DATA = [{ key: 'db/creds', name: 'password' }];

/** A plan whose only statement has one crafted prop. */
function craftedPlan(value: unknown, variable = 'externalSecret_app'): ConstructPlan {
  return { statements: [{ variable, construct: 'ExternalSecret', id: 'app', props: { kind: 'object', entries: [['x', value]] } }], issues: [] } as unknown as ConstructPlan;
}

const HOSTILE_NAME = "'); process.exit(1); ('";

export const MIGRATE_CASES: BadInput[] = [
  // Hosts the controller's credentials are sent to.
  ['migrate: Key Vault name is another host', migrate(kes({ backendType: 'azureKeyVault', keyVaultName: 'attacker.example.com/', data: DATA }))],
  ['migrate: Key Vault name ends in a lookalike domain', migrate(kes({ backendType: 'azureKeyVault', keyVaultName: 'team.vault.azure.net.evil', data: DATA }))],
  ['migrate: Key Vault name with userinfo', migrate(kes({ backendType: 'azureKeyVault', keyVaultName: 'x@attacker', data: DATA }))],
  ['migrate: AWS region is a host', migrate(kes({ backendType: 'secretsManager', region: 'us-east-1.attacker.example.com', data: DATA }))],
  ['migrate: AWS role ARN with a wildcard', migrate(kes({ backendType: 'secretsManager', region: 'eu-west-1', roleArn: 'arn:aws:iam::123456789012:role/*', data: DATA }))],
  ['migrate: Vault mount climbs to sys/', migrate(kes({ backendType: 'vault', vaultMountPoint: '../../sys', vaultRole: 'app', data: DATA }))],
  ['migrate: Vault role with a path', migrate(kes({ backendType: 'vault', vaultRole: 'app/../../admin', data: DATA }))],
  ['migrate: Vault KV version 0', migrate(kes({ backendType: 'vault', vaultRole: 'app', kvVersion: 0, data: DATA }))],
  ['migrate: GCP project ID is a path', migrate(kes({ backendType: 'gcpSecretsManager', projectId: 'team/../../other-project', data: DATA }))],
  ['migrate: http:// Vault without the opt-in', () => migrateManifests([{ source: 'kes.yaml', yaml: kes({ backendType: 'vault', vaultRole: 'app', data: DATA }) }], { vaultServer: 'http://vault.internal:8200' })],
  ['migrate: Vault address with credentials', () => migrateManifests([], { vaultServer: 'https://root:hunter2@vault.example.com' })],
  ['migrate: default Vault mount climbs out of auth/', () => migrateManifests([], { vaultDefaultMountPoint: '../sys' })],
  ['migrate: default Vault role with a space', () => migrateManifests([], { vaultDefaultRole: 'app admin' })],
  ['migrate: allowInsecureHttp a string', () => migrateManifests([], { allowInsecureHttp: 'yes' as never })],
  ['migrate: namespace option uppercase', () => migrateManifests([], { namespace: 'Team-A' })],
  // Access widened by the conversion.
  ['migrate: SSM path / (whole store find)', migrate(kes({ backendType: 'systemManager', region: 'eu-west-1', data: [{ path: '/' }] }))],
  ['migrate: SSM path /// (whole store find)', migrate(kes({ backendType: 'systemManager', region: 'eu-west-1', data: [{ path: '///', recursive: true }] }))],
  ['migrate: object without a namespace (store would admit every namespace)', migrate(kes({ backendType: 'secretsManager', region: 'eu-west-1', data: DATA }, 'metadata:\n  name: app\n'))],
  // Secret material carried into Git.
  ['migrate: literal password in template stringData', migrate(kes({ backendType: 'secretsManager', region: 'eu-west-1', data: DATA, template: { stringData: { password: 'hunter2' } } }))],
  ['migrate: base64 literal in template data', migrate(kes({ backendType: 'secretsManager', region: 'eu-west-1', data: DATA, template: { data: { token: 'czNjcmV0' } } }))],
  // Hostile documents.
  ['migrate: YAML alias bomb', migrate(`a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`)],
  ['migrate: v1beta1 object the v1 schema refuses', migrate('apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: app\n  namespace: team-a\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: aws\n  target:\n    creationPolicy: Always\n  data:\n  - secretKey: k\n    remoteRef:\n      key: r\n')],
  ['migrate: assertMigrationComplete(undefined)', () => assertMigrationComplete(undefined as never)],
  ['migrate: assertMigrationComplete with a forged issue', () => assertMigrationComplete({ objects: [], issues: [{ source: 's', object: 'o', field: 'f', message: 'forged' }], complete: false, partial: [], notConverted: [] })],
  // Generated code never runs input.
  ['migrate: code in an object name through the typed constructs', () => loadMigratedManifests(new Chart(K8sTesting.app(), 'c'), [{
    apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: HOSTILE_NAME, namespace: 'team-a' },
    spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws' }, data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] },
  }])],
  ['migrate: code in a label key through the typed constructs', () => loadMigratedManifests(new Chart(K8sTesting.app(), 'c'), [{
    apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'app', namespace: 'team-a', labels: { '`${process.exit(1)}`': 'x' } },
    spec: { secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws' }, data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] },
  }])],
  ['migrate: crafted plan calls Function through Duration.constructor', () => renderTypeScript(craftedPlan({ kind: 'call', callee: 'Duration.constructor', args: [{ kind: 'literal', value: 'process.exit(1)' }] }))],
  ['migrate: crafted plan evaluated with Duration.constructor', () => applyConstructPlan(new Chart(K8sTesting.app(), 'c'), craftedPlan({ kind: 'call', callee: 'Duration.constructor', args: [{ kind: 'literal', value: 'process.exit(1)' }] }))],
  ['migrate: crafted plan names process.exit', () => renderTypeScript(craftedPlan({ kind: 'member', target: 'process.exit' }))],
  ['migrate: crafted plan variable with code', () => renderTypeScript(craftedPlan({ kind: 'literal', value: 'x' }, 'a = require("child_process"); const b'))],
  ['migrate: crafted plan construct outside the library', () => renderTypeScript({ statements: [{ variable: 'function_x', construct: 'Function' as never, id: 'x', props: { kind: 'object', entries: [] } }], issues: [] })],
  ['migrate: crafted plan with an infinite number', () => renderTypeScript(craftedPlan({ kind: 'literal', value: Infinity }))],
  ['migrate: importFrom closes the string', () => renderTypeScript(planConstructs([]), { importFrom: "x'; require('child_process').execSync('id'); '" })],
  ['migrate: importFrom with a line separator', () => renderTypeScript(planConstructs([]), { importFrom: 'x\u2028y' })],
];
