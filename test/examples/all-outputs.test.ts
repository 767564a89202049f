import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { App as K8sApp, Chart } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import { addAllCharts, addAllStacks, allDeclarations } from '../../examples/all';
import { synthValid } from '../helpers/eso-schema';
import { TerraformJson, valueLeaks } from '../helpers/terraform';

/** Every example's stacks, synthesized with validations: stack id -> JSON text. */
function synthAllStacks(): Map<string, string> {
  const app = Testing.app();
  addAllStacks(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return new Map(stacks.map((s) => [s.node.id, Testing.synth(s, true)]));
}

/** Every example's charts, validated: chart id -> YAML text. */
function synthAllCharts(): Map<string, string> {
  const app = new K8sApp();
  addAllCharts(app);
  const charts = app.node.children.filter((c): c is Chart => c instanceof Chart);
  charts.forEach((chart) => synthValid(chart));
  return new Map(charts.map((c) => [c.node.id, JSON.stringify(c.toJson())]));
}

describe('all example outputs', () => {
  const stacks = synthAllStacks();
  const charts = synthAllCharts();

  test('every example is synthesized (30 stacks, 19 charts)', () => {
    expect([...stacks.keys()].sort()).toEqual([
      'aws-only-cluster', 'aws-only-secrets', 'azure-only-cluster', 'azure-only-secrets', 'bootstrap-credentials',
      'eso-reloader', 'estate-eso-aks-01', 'estate-eso-eks-01', 'estate-eso-eks-02', 'estate-eso-eks-03', 'estate-shared',
      'estate-team-0001', 'estate-team-0002', 'estate-team-0003', 'estate-team-0004', 'estate-team-0005', 'estate-team-0006',
      'hardened-images', 'multi-cloud-tenants-aks', 'multi-cloud-tenants-gke', 'multi-cloud-tenants-secrets',
      'on-prem-vault', 'pod-identity-cluster', 'pod-identity-secrets', 'shared-clusters-blue',
      'shared-clusters-green', 'shared-clusters-secrets', 'two-phase-vault-config', 'two-phase-vault-release',
      'uds-hardened',
    ]);
    expect([...charts.keys()].sort()).toEqual([
      'aws-only', 'azure-only', 'bootstrap-credentials', 'eso-reloader', 'estate-aks-01', 'estate-eks-01', 'estate-eks-02', 'estate-eks-03', 'hardened-images',
      'multi-cloud-tenants-aks', 'multi-cloud-tenants-gke', 'multi-cloud-tenants-onprem', 'on-prem-vault', 'pod-identity',
      'shared-clusters-blue', 'shared-clusters-green', 'two-phase-vault-bootstrap', 'two-phase-vault-production', 'uds-hardened',
    ]);
  });

  test('every example folder has its declaration, so each access matrix gets its own file even where declaration names repeat', () => {
    // GIVEN the example folders (shared and readme are helpers, not scenarios)
    const folders = readdirSync(join(__dirname, '../../examples'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !['shared', 'readme', 'quickstarts'].includes(e.name)).map((e) => e.name).sort();
    // THEN the access matrices are keyed by folder: one file per example
    expect(Object.keys(allDeclarations).sort()).toEqual(folders);
  });

  test('synthesis is byte-identical on rerun', () => {
    expect(synthAllStacks()).toEqual(stacks);
    expect(synthAllCharts()).toEqual(charts);
  });

  test('no secret value in any output: values only through write-only attributes, sensitive variables without defaults, no Secret objects', () => {
    let checkedVariables = 0;
    for (const [id, text] of stacks) {
      const json = JSON.parse(text) as TerraformJson;
      expect([id, valueLeaks(json)]).toEqual([id, []]);
      // Every variable feeding a write-only attribute is sensitive and has no default.
      const writeOnlyVariables = [...text.matchAll(/"\w+_wo": "\$\{var\.([\w-]+)\}"/g)].map((m) => m[1]);
      for (const name of writeOnlyVariables) {
        expect([id, name, json.variable?.[name]?.sensitive, 'default' in (json.variable?.[name] ?? {})]).toEqual([id, name, true, false]);
        checkedVariables++;
      }
    }
    expect(checkedVariables).toBeGreaterThanOrEqual(5);
    for (const [id, text] of charts) {
      const manifests = JSON.parse(text) as Array<{ kind: string }>;
      expect([id, manifests.filter((m) => m.kind === 'Secret')]).toEqual([id, []]);
    }
  });

  test('no output holds an environment-dependent value (absolute paths of this machine, home directory)', () => {
    for (const text of [...stacks.values(), ...charts.values()]) {
      expect(text).not.toContain(process.cwd());
      expect(text).not.toContain('/root/');
    }
  });

  test('cdktf synth (with its default backend handling) writes nothing that depends on the working directory', () => {
    const app = Testing.app();
    addAllStacks(app);
    app.synth();
    const stacksDir = join(app.outdir, 'stacks');
    const files = readdirSync(stacksDir).map((stack) => [stack, readFileSync(join(stacksDir, stack, 'cdk.tf.json'), 'utf8')] as const);
    expect(files).toHaveLength(30);
    for (const [stack, text] of files) {
      expect(text).not.toContain(process.cwd());
      // The sharded estate keeps each stack's state in S3 (its cross-stack references read the shared stack's state there).
      expect(JSON.parse(text).terraform.backend).toEqual(stack.startsWith('estate-')
        ? { s3: { bucket: 'estate-terraform-state', key: `estate/${stack.slice('estate-'.length)}.tfstate`, region: 'eu-west-1', encrypt: true } }
        : { local: { path: 'terraform.tfstate' } });
    }
  });

  test('no v1beta1 ESO object anywhere', () => {
    for (const text of charts.values()) {
      expect(text).not.toContain('external-secrets.io/v1beta1');
    }
  });
});
