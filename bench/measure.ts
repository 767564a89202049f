/**
 * One measurement in a fresh process (so peak RSS is per measurement):
 *
 *   node -r ./examples/register.js bench/measure.ts <variant> <output> <n>
 *
 * variant: lib | bare | plain; output: k8s (YAML) | tf (Terraform JSON) | plan | policy (lib only) of the
 * base workload, or estate-k8s (a YAML file per cluster) | estate-tf (lib and bare) of the estate.
 * Prints one JSON line: { wallMs, cpuMs, maxRssMb, objects, phases }.
 * Modules are loaded before the clock starts: require cost is measured separately (run.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App as K8sApp, Chart } from 'cdk8s';
import { App as TfApp, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AccessPolicyCompiler } from '../lib/aws/policy/access-policy-compiler';
import { SecretsPlatformInfrastructure } from '../lib/platform';
import { SecretsPlatformManifests } from '../lib/platform/k8s';
import { addBareCharts } from './bare-k8s';
import { addBareResources } from './bare-tf';
import { generateDeclaration } from './generate';
import { plainTerraformJson, plainYaml } from './plain';
import { buildEstateSpec, buildSpec, REGION, Spec } from './spec';

/** Result of one measurement. */
export interface Measurement {
  readonly wallMs: number;
  /** CPU time of the measured section (user + system, `process.cpuUsage()`): steadier than wall time on a loaded machine. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  /** Manifests (k8s) or resources + outputs (tf) in the output. */
  readonly objects: number;
  /** Sub-phases, in ms. */
  readonly phases: Record<string, number>;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Number of YAML documents in a multi-document string. */
export function countDocuments(yaml: string): number {
  return yaml.split(/^---$/m).filter((d) => d.trim().length > 0).length;
}

/** Number of resources and outputs in a Terraform JSON document. */
export function countTerraformObjects(json: string): number {
  const doc = JSON.parse(json) as { resource?: Record<string, Record<string, unknown>>; output?: Record<string, unknown> };
  return Object.values(doc.resource ?? {}).reduce((sum, byId) => sum + Object.keys(byId).length, 0) + Object.keys(doc.output ?? {}).length;
}

/** The declaration of a workload and its plan, timed as the declare and plan phases. */
function declareAndPlan(spec: Spec, phases: Record<string, number>): ReturnType<typeof generateDeclaration> {
  let t = now();
  const generated = generateDeclaration(spec);
  phases.declare = now() - t;
  t = now();
  generated.declaration.plan();
  phases.plan = now() - t;
  return generated;
}

/**
 * Synthesizes a cdk8s app: `app.synthYaml()`, or with `files` `app.synth()` into a temporary outdir
 * (one YAML file per chart, that is per cluster), read back in file order.
 */
function synthK8s(app: K8sApp, outdir: string | undefined, phases: Record<string, number>): string {
  const t = now();
  if (outdir === undefined) {
    const yaml = app.synthYaml();
    phases.synth = now() - t;
    return yaml;
  }
  try {
    app.synth();
    phases.synth = now() - t;
    return readdirSync(outdir).sort().map((f) => readFileSync(join(outdir, f), 'utf8')).join('---\n');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function k8sApp(files: boolean): { app: K8sApp; outdir?: string } {
  const outdir = files ? mkdtempSync(join(tmpdir(), 'cdk-eso-bench-')) : undefined;
  return { app: new K8sApp(outdir !== undefined ? { outdir } : {}), outdir };
}

/** Library YAML: SecretsPlatformManifests per cluster; `app.synthYaml()`, or with `files` a YAML file per cluster. */
export function libYaml(spec: Spec, phases: Record<string, number>, files = false): string {
  const { declaration, clusters } = declareAndPlan(spec, phases);
  const t = now();
  const { app, outdir } = k8sApp(files);
  for (const cluster of clusters) {
    new SecretsPlatformManifests(new Chart(app, cluster.id), 'platform', { declaration, cluster });
  }
  phases.construct = now() - t;
  return synthK8s(app, outdir, phases);
}

/** Bare YAML: L1 classes per cluster; `app.synthYaml()`, or with `files` a YAML file per cluster. */
export function bareYaml(spec: Spec, phases: Record<string, number>, files = false): string {
  const t = now();
  const { app, outdir } = k8sApp(files);
  addBareCharts(app, spec);
  phases.construct = now() - t;
  return synthK8s(app, outdir, phases);
}

function synthTerraform(build: (stack: TerraformStack) => void, phases: Record<string, number>): string {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-eso-bench-'));
  try {
    let t = now();
    // Validations off for both variants: at N=10,000 the library (correctly) rejects identities whose
    // compiled policy exceeds the IAM size limit; see bench/README.md.
    const app = new TfApp({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, 'bench');
    new AwsProvider(stack, 'aws', { region: REGION });
    build(stack);
    phases.construct = (phases.construct ?? 0) + now() - t;
    t = now();
    app.synth();
    phases.synth = now() - t;
    return readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Library Terraform JSON: SecretsPlatformInfrastructure, app.synth() into a temp outdir. */
export function libTerraform(spec: Spec, phases: Record<string, number>): string {
  const { declaration } = declareAndPlan(spec, phases);
  return synthTerraform((stack) => new SecretsPlatformInfrastructure(stack, 'platform', { declaration }), phases);
}

/** Bare Terraform JSON: raw provider resources, app.synth() into a temp outdir. */
export function bareTerraform(spec: Spec, phases: Record<string, number>): string {
  return synthTerraform((stack) => addBareResources(stack, spec), phases);
}

function run(variant: string, output: string, n: number): Measurement {
  const spec = output.startsWith('estate-') ? buildEstateSpec(n) : buildSpec(n);
  const phases: Record<string, number> = {};
  global.gc?.();
  const start = now();
  const cpu = process.cpuUsage();
  let objects = 0;
  const key = `${variant}-${output}`;
  switch (key) {
    case 'lib-k8s': objects = countDocuments(libYaml(spec, phases)); break;
    case 'bare-k8s': objects = countDocuments(bareYaml(spec, phases)); break;
    case 'plain-k8s': objects = countDocuments(plainYaml(spec)); break;
    case 'lib-tf': objects = countTerraformObjects(libTerraform(spec, phases)); break;
    case 'bare-tf': objects = countTerraformObjects(bareTerraform(spec, phases)); break;
    case 'plain-tf': objects = countTerraformObjects(plainTerraformJson(spec)); break;
    case 'lib-estate-k8s': objects = countDocuments(libYaml(spec, phases, true)); break;
    case 'bare-estate-k8s': objects = countDocuments(bareYaml(spec, phases, true)); break;
    case 'lib-estate-tf': objects = countTerraformObjects(libTerraform(spec, phases)); break;
    case 'bare-estate-tf': objects = countTerraformObjects(bareTerraform(spec, phases)); break;
    case 'lib-plan': {
      let t = now();
      const { declaration } = generateDeclaration(spec);
      phases.declare = now() - t;
      t = now();
      objects = declaration.plan().identities.length;
      phases.plan = now() - t;
      break;
    }
    case 'lib-policy': {
      const { declaration } = generateDeclaration(spec);
      const plan = declaration.plan();
      const t = now();
      for (const identity of plan.identities) {
        const compiler = new AccessPolicyCompiler({ path: identity.id });
        for (const secret of identity.reads as unknown as { arnForPolicies: string; region: string; kmsKey?: { alias: string } }[]) {
          compiler.readSecret({
            arnForPolicies: secret.arnForPolicies, region: secret.region,
            kmsKeyArn: secret.kmsKey ? `arn:aws:kms:${REGION}:111122223333:alias/${secret.kmsKey.alias}` : undefined,
          });
        }
        objects += JSON.stringify(compiler.compile()).length > 0 ? 1 : 0;
      }
      phases.policy = now() - t;
      break;
    }
    default: throw new Error(`unknown measurement ${key}`);
  }
  const wallMs = key === 'lib-policy' ? phases.policy : now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, objects, phases };
}

if (require.main === module) {
  const [variant, output, n] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(run(variant, output, Number(n)))}\n`);
}
