import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { Chart, Testing } from 'cdk8s';
import { migrateManifests, planConstructs, renderTypeScript } from '../../lib/migrate';
import { applyConstructPlan } from '../../lib/migrate/k8s';

const ROOT = path.resolve(__dirname, '..', '..');
const KES_EXAMPLES = path.resolve(ROOT, '..', 'shared', 'upstream', 'kes', 'examples');

function migrated(): ReturnType<typeof migrateManifests> {
  const kes = fs.readdirSync(KES_EXAMPLES).sort().map((f) => ({ source: f, yaml: fs.readFileSync(path.join(KES_EXAMPLES, f), 'utf8') }));
  const v1beta1 = { source: 'v1beta1.yaml', yaml: fs.readFileSync(path.join(__dirname, 'fixtures', 'v1beta1.yaml'), 'utf8') };
  return migrateManifests([...kes, v1beta1], { awsRegion: 'eu-west-1', vaultServer: 'https://vault.example.com:8200' });
}

describe('renderTypeScript', () => {
  test('the generated module compiles with tsc against the library', () => {
    // GIVEN
    const plan = planConstructs(migrated().objects);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-ts-'));
    const file = path.join(dir, 'migrated.ts');
    // WHEN
    fs.writeFileSync(file, renderTypeScript(plan, { importFrom: path.join(ROOT, 'lib') }));
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, noUnusedLocals: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, skipLibCheck: true, types: ['node'],
      baseUrl: ROOT, paths: { '*': ['node_modules/*'] }, typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    // THEN
    expect(diagnostics).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  test('prints typed factories, enum members and store variables', () => {
    // GIVEN
    const plan = planConstructs(migrated().objects);
    // WHEN
    const source = renderTypeScript(plan, { className: 'Legacy' });
    // THEN
    expect(source).toContain("from 'cdk-external-secrets';");
    expect(source).toContain('export class Legacy extends Chart {');
    expect(source).toContain(`    const clusterSecretStore_kes_vault_kv_v2_my_kubernetes_vault_mount_point_my_vault_role = new ClusterSecretStore(this, 'ClusterSecretStore-kes-vault-kv-v2-my-kubernetes-vault-mount-point-my-vault-role', {
      name: 'kes-vault-kv-v2-my-kubernetes-vault-mount-point-my-vault-role',
      provider: SecretStoreProvider.vault({
        server: 'https://vault.example.com:8200',
        version: VaultKvVersion.V2,
        auth: VaultAuth.kubernetes({
          role: 'my-vault-role',
          mountPath: 'my-kubernetes-vault-mount-point',
        }),
      }),
    });`);
    expect(source).toContain('decodingStrategy: DecodingStrategy.BASE64,');
    expect(source).toContain('store: clusterSecretStore_kes_vault_kv_v2_my_kubernetes_vault_mount_point_my_vault_role,');
    expect(source).toContain('type: SecretType.TLS,');
    expect(source).toContain("Rewrite.regexp({\n");
  });

  test('the plan the module prints creates one construct per statement', () => {
    // GIVEN
    const plan = planConstructs(migrated().objects);
    const chart = new Chart(Testing.app(), 'c');
    // WHEN
    const constructs = applyConstructPlan(chart, plan);
    // THEN
    expect(constructs.map((c) => c.node.id)).toEqual(plan.statements.map((s) => s.id));
    expect(plan.statements.filter((s) => s.construct === 'ExternalSecret')).toHaveLength(13);
  });
});
