/**
 * Consumer test (`npm run test:consumer`, part of `npm test`): what a new user does.
 *
 * 1. `npm pack` the repository (prepack builds into build/);
 * 2. install the tarball into a temporary project with the newest constructs 10.x of the registry,
 *    cdk8s, cdk8s-plus-28, cdktf and the AWS and Helm providers (one `npm install`);
 * 3. write the README's quick-start files (platform.ts, main.tf.ts, main.k8s.ts, cdktf.json,
 *    cdk8s.yaml) verbatim, type-check them with `tsc --strict`, run both apps with node;
 * 4. check both outputs, validate the YAML with the installed `cdk-external-secrets/validation`,
 *    and check that the engine-free and cdk8s-only entry points load no cdktf or provider.
 *
 * Nothing is cached across runs: the project lives in a fresh temporary directory, removed at the
 * end (KEEP_CONSUMER=1 keeps it). Any failure exits non-zero with the step and its output.
 */
import { execFileSync, ExecFileSyncOptions, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Lock { packages: Record<string, { version?: string }> }

function fail(step: string, detail: string): never {
  process.stderr.write(`\nconsumer test FAILED at "${step}":\n${detail}\n`);
  process.exit(1);
}

function run(step: string, command: string, args: string[], options: ExecFileSyncOptions = {}): string {
  const started = Date.now();
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
    process.stdout.write(`  ${step}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return String(out);
  } catch (e) {
    const error = e as { stdout?: string; stderr?: string; message: string };
    return fail(step, `${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  }
}

function check(step: string, condition: boolean, detail: string): void {
  if (!condition) {
    fail(step, detail);
  }
}

/** The README's fenced block that starts with `first` (its first line). */
function readmeBlock(readme: string, fence: string, first: string): string {
  const start = readme.indexOf(`\`\`\`${fence}\n${first}`);
  check('README', start >= 0, `no \`\`\`${fence} block starting with ${JSON.stringify(first)} in README.md`);
  const body = readme.indexOf('\n', start) + 1;
  return readme.slice(body, readme.indexOf('\n```', body) + 1);
}

function main(): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  const pinned = (name: string) => lock.packages[`node_modules/${name}`]?.version ?? fail('versions', `${name} is not in package-lock.json`);
  const work = mkdtempSync(join(tmpdir(), 'cdk-external-secrets-consumer-'));
  process.stdout.write(`consumer test in ${work}\n`);
  try {
    // 1. pack (runs prepack: the build)
    const packed = JSON.parse(run('npm pack (build)', NPM, ['pack', '--json', '--pack-destination', work], { cwd: ROOT })) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    const { filename, size, unpackedSize, files } = packed[0];
    process.stdout.write(`  tarball: ${(size / 1024).toFixed(0)} kB packed, ${(unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked, ${files.length} files\n`);
    const stray = files.map((f) => f.path).filter((p) => !/^(build\/lib\/.*\.(js|d\.ts|json)|lib\/.*README\.md|README\.md|package\.json|LICENSE)$/.test(p));
    check('tarball contents', stray.length === 0, `files outside build/lib, READMEs and package.json: ${stray.join(', ')}`);
    check('tarball contents', files.some((f) => f.path === 'build/lib/validation/data/eso-crds.json'), 'the validator schema data is missing');

    // 2. a new project, one install
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({
      name: 'consumer', version: '0.0.0', private: true,
      dependencies: {
        'cdk-external-secrets': `file:../${filename}`,
        'constructs': '^10.0.0',
        'cdk8s': pinned('cdk8s'),
        'cdk8s-plus-28': pinned('cdk8s-plus-28'),
        'cdktf': pinned('cdktf'),
        '@cdktf/provider-aws': pinned('@cdktf/provider-aws'),
        '@cdktf/provider-helm': pinned('@cdktf/provider-helm'),
      },
    }, null, 2));
    run('npm install', NPM, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: app });
    const constructs = JSON.parse(readFileSync(join(app, 'node_modules/constructs/package.json'), 'utf8')) as { version: string };
    process.stdout.write(`  constructs ${constructs.version} (the newest 10.x), library built against ${pinned('constructs')}\n`);
    check('one constructs', !existsSync(join(app, 'node_modules/cdk-external-secrets/node_modules/constructs')), 'the library installed its own constructs next to the project\'s');
    for (const absent of ['@cdktf/provider-azurerm', '@cdktf/provider-google', '@cdktf/provider-vault', 'cdk8s-plus-33']) {
      check('optional peers', !existsSync(join(app, 'node_modules', absent)), `${absent} was installed although the project does not ask for it`);
    }

    // 3. the README's files, verbatim
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const file of ['platform.ts', 'main.tf.ts', 'main.k8s.ts']) {
      writeFileSync(join(app, file), readmeBlock(readme, 'ts', `// ${file} —`));
    }
    const cdktfJson = JSON.parse(readmeBlock(readme, 'json', '{\n  "language": "typescript",')) as { app: string; projectId: string };
    check('cdktf.json', cdktfJson.app === 'npx ts-node main.tf.ts' && typeof cdktfJson.projectId === 'string', JSON.stringify(cdktfJson));
    const cdk8sYaml = readmeBlock(readme, 'yaml', '# cdk8s.yaml');
    check('cdk8s.yaml', /^app: npx ts-node main\.k8s\.ts$/m.test(cdk8sYaml), cdk8sYaml);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2020', module: 'CommonJS', lib: ['ES2020'], strict: true, noImplicitAny: true, noUnusedLocals: true,
        // As `cdktf init` / `cdk8s init` generate it: declaration files of providers the project does
        // not install (optional peers) are not checked.
        skipLibCheck: true, types: [], outDir: 'out', rootDir: '.', noEmitOnError: true,
      },
      include: ['platform.ts', 'main.tf.ts', 'main.k8s.ts'],
    }, null, 2));
    const tscScript = `process.on('exit', () => process.stderr.write('TSC_MAX_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));
      process.argv = [process.argv[0], 'tsc', '--strict', '-p', '.'];
      require(${JSON.stringify(join(ROOT, 'node_modules/typescript/lib/tsc.js'))});`;
    const tscStarted = Date.now();
    const tsc = spawnSync(process.execPath, ['-e', tscScript], { cwd: app, encoding: 'utf8' });
    const tscSeconds = (Date.now() - tscStarted) / 1000;
    if (tsc.status !== 0) {
      fail('tsc --strict', `${tsc.stdout}${tsc.stderr}`);
    }
    const tscRssMb = Number(/TSC_MAX_RSS_KB=(\d+)/.exec(tsc.stderr)?.[1] ?? 0) / 1024;
    process.stdout.write(`  tsc --strict of the README apps: ${tscSeconds.toFixed(1)} s, ${tscRssMb.toFixed(0)} MB peak RSS\n`);

    // 4. both apps, both outputs
    run('cdk8s app', process.execPath, ['out/main.k8s.js'], { cwd: app });
    run('cdktf app', process.execPath, ['out/main.tf.js'], { cwd: app });
    const yamlPath = join(app, 'dist/shop.k8s.yaml');
    const tfPath = join(app, 'cdktf.out/stacks/shop-secrets/cdk.tf.json');
    check('outputs', existsSync(yamlPath) && existsSync(tfPath), `missing ${yamlPath} or ${tfPath}`);
    const tf = JSON.parse(readFileSync(tfPath, 'utf8')) as { resource: Record<string, Record<string, { name?: string }>>; variable: Record<string, { sensitive?: boolean }> };
    check('terraform', Object.values(tf.resource.aws_iam_role ?? {}).some((r) => r.name === 'shop-prod-eso-controller'), 'no aws_iam_role shop-prod-eso-controller');
    check('terraform', Object.values(tf.resource.helm_release ?? {}).some((r) => r.name === 'external-secrets'), 'no helm_release external-secrets');
    check('terraform', tf.variable.shop_db?.sensitive === true, 'the initial value variable is not sensitive');
    const validation = run('validateManifests (installed package)', process.execPath, ['-e', `
      const { Yaml } = require('cdk8s');
      const { checkManifests } = require('cdk-external-secrets/validation');
      const manifests = Yaml.load(${JSON.stringify(yamlPath)});
      const problems = checkManifests(manifests);
      const bad = checkManifests([{ ...manifests.find((m) => m.kind === 'ExternalSecret'), spec: { refreshIntreval: '1h' } }]);
      process.stdout.write(JSON.stringify({ kinds: manifests.map((m) => m.kind).sort(), problems: problems.map((p) => p.message), bad: bad.map((p) => p.prop) }));
    `], { cwd: app });
    const result = JSON.parse(validation) as { kinds: string[]; problems: string[]; bad: string[] };
    check('validateManifests', result.problems.length === 0, result.problems.join('\n'));
    check('validateManifests', result.kinds.includes('ExternalSecret') && result.kinds.includes('ClusterSecretStore') && result.kinds.includes('Deployment'), result.kinds.join(', '));
    check('validateManifests', result.bad.includes('spec.refreshIntreval'), `a misspelt field was not reported: ${result.bad.join(', ')}`);

    // 5. entry points load only their engines
    for (const [entry, allowed] of [['cdk-external-secrets/core', []], ['cdk-external-secrets/validation', []], ['cdk-external-secrets/k8s', ['cdk8s', 'cdk8s-plus-28']], ['cdk-external-secrets/platform/k8s', ['cdk8s', 'cdk8s-plus-28']]] as const) {
      const loaded = JSON.parse(run(`require ${entry}`, process.execPath, ['-e', `
        require(${JSON.stringify(entry)});
        const names = new Set();
        for (const file of Object.keys(require.cache)) {
          const m = /node_modules\\/((@cdktf\\/)?[^/]+)\\//.exec(file.slice(file.lastIndexOf('node_modules/')));
          if (m && /^(cdktf|cdk8s|cdk8s-plus-\\d+|@cdktf\\/provider-[a-z]+)$/.test(m[1])) names.add(m[1]);
        }
        process.stdout.write(JSON.stringify([...names].sort()));
      `], { cwd: app })) as string[];
      check(`require ${entry}`, JSON.stringify(loaded) === JSON.stringify(allowed), `loads ${loaded.join(', ')}; expected only ${allowed.join(', ') || 'nothing'}`);
    }
    process.stdout.write(`consumer test passed (${statSync(join(work, filename)).size} bytes tarball)\n`);
  } finally {
    if (process.env.KEEP_CONSUMER !== '1') {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main();
