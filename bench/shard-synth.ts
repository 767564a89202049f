/**
 * Synth cost of one shard (`SecretsPlatformStacks` with `only`) against the size of the estate:
 * `node --expose-gc -r ./examples/register.js bench/shard-synth.ts [tenants...]`. For each estate
 * (10 secrets per tenant, one cluster per 20 tenants, every fourth tenant on AKS), one process:
 * declaration, plan, constructing the shared stack and one tenant's stack, and `app.synth()` of both
 * (validations on), in milliseconds, with the constructs built and the resources written per stack.
 * Not part of `npm test` (no timing in tests); the construct count is tested in
 * test/platform/secrets-platform-stacks.test.ts.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { declareEstate, EstateSize } from '../examples/estate/declaration';
import { SecretsPlatformStacks, Sharding } from '../lib/platform';

function sizeOf(tenants: number): EstateSize {
  const clusters = Math.max(2, Math.round(tenants / 20));
  return { name: 'bench', eksClusters: clusters - Math.ceil(clusters / 5), aksClusters: Math.ceil(clusters / 5), tenants, secretsPerTenant: 10, platformSecrets: 20 };
}

function measure(tenants: number): void {
  const size = sizeOf(tenants);
  const t0 = performance.now();
  const declaration = declareEstate(size);
  const t1 = performance.now();
  declaration.plan();
  const t2 = performance.now();
  const outdir = mkdtempSync(join(tmpdir(), 'shard-synth-'));
  const app = new App({ outdir, stackTraces: false });
  new SecretsPlatformStacks(app, 'Secrets', {
    declaration, sharding: Sharding.perTenant(), only: ['team-0001'],
    configureStack: (stack: TerraformStack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
    },
  });
  const t3 = performance.now();
  app.synth();
  const t4 = performance.now();
  const resources = Object.fromEntries(readdirSync(join(outdir, 'stacks')).map((stack) => {
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, object> };
    return [stack, Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0)];
  }));
  rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({
    secrets: declaration.secrets.length, clusters: size.eksClusters + size.aksClusters, tenants, identities: declaration.plan().identities.length,
    declareMs: Math.round(t1 - t0), planMs: Math.round(t2 - t1), constructMs: Math.round(t3 - t2), synthMs: Math.round(t4 - t3),
    oneShardMs: Math.round(t4 - t2), constructs: app.node.findAll().length, resources,
    heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
  })}\n`);
}

const arg = process.argv[2];
if (arg === '--one') {
  measure(Number(process.argv[3]));
} else {
  // One process per size, so one estate's garbage does not weigh on the next.
  for (const tenants of (process.argv.slice(2).length > 0 ? process.argv.slice(2).map(Number) : [100, 1000])) {
    process.stdout.write(execFileSync(process.execPath, ['--expose-gc', '-r', join(__dirname, '../examples/register.js'), __filename, '--one', String(tenants)], { encoding: 'utf8' }));
  }
}
