import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { runCli, USAGE, VALIDATE_USAGE } from '../../lib/cli';
import { CliIo, MIGRATE_USAGE, runMigrateCli } from '../../lib/migrate';

const KES_EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream', 'kes', 'examples');

function io(stdin = ''): CliIo & { out: string; err: string } {
  const state = {
    out: '', err: '',
    readFile: (p: string) => fs.readFileSync(p, 'utf8'),
    readStdin: () => stdin,
    stdout: (t: string) => { state.out += t; },
    stderr: (t: string) => { state.err += t; },
  };
  return state;
}

const USAGE_FIX = 'Fix: run `cdk-external-secrets migrate --help` for the usage.';

describe('cdk-external-secrets migrate', () => {
  test('converts files to YAML and exits 0 when everything converted', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli([path.join(KES_EXAMPLES, 'aws-ssm.yaml'), path.join(KES_EXAMPLES, 'vault.yml'), '--vault-server', 'https://vault:8200', '--namespace', 'team-a'], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.err).toBe('');
    expect(parseAllDocuments(cli.out).map((d) => `${d.get('kind')} ${d.getIn(['metadata', 'name'])}`)).toEqual([
      'ClusterSecretStore kes-aws-ssm-us-west-2-123456789012-test-role',
      'ClusterSecretStore kes-vault-kv-v2-my-kubernetes-vault-mount-point-my-vault-role',
      'ExternalSecret aws-ssm',
      'ExternalSecret vault',
    ]);
  });

  test('reads standard input, reports on standard error with a summary and exits 1 when an object was not converted', () => {
    // GIVEN
    const cli = io(fs.readFileSync(path.join(KES_EXAMPLES, 'alicloud-secretsmanager.yaml'), 'utf8'));
    // WHEN
    const code = runMigrateCli(['--allow-partial'], cli);
    // THEN
    expect(code).toBe(1);
    expect(cli.out).toBe('');
    expect(cli.err).toBe('[<stdin>: kubernetes-client.io/v1 ExternalSecret alicloud-secretsmanager] spec.backendType: received "alicloudSecretsManager". Allowed: a backend ESO v1 serves (the Alibaba Cloud provider was removed from ESO before external-secrets.io/v1). Fix: move the secrets to a supported backend, or keep this ExternalSecret on a separate path until then.\n'
      + 'Summary: 0 objects written, 0 partly converted, 1 not converted.\nNot converted:\n  kubernetes-client.io/v1 ExternalSecret alicloud-secretsmanager\n');
  });

  test('a partly converted object is written with its marker, listed in the summary, and exits 1 unless --allow-partial', () => {
    // GIVEN: a literal password in a KES template (it would land in Git)
    const yaml = 'apiVersion: kubernetes-client.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app\n  namespace: team-a\nspec:\n  backendType: secretsManager\n  region: eu-west-1\n  data:\n  - key: db\n    name: user\n  template:\n    stringData:\n      password: hunter2\n';
    const strict = io(yaml);
    const lenient = io(yaml);
    // WHEN
    const strictCode = runMigrateCli([], strict);
    const lenientCode = runMigrateCli(['--allow-partial'], lenient);
    // THEN
    expect(strictCode).toBe(1);
    expect(lenientCode).toBe(0);
    const issue = '[<stdin>: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.template.stringData["password"]: received a literal value. Allowed: template values that reference fetched data (<%= data.KEY %>): a literal ends up in the ExternalSecret in Git, and it may be a secret. Fix: store the value in the backend and reference it through data, or add it to the generated Secret by hand after reviewing it; the migration left it out.\n';
    expect(strict.err).toBe(`${issue}Summary: 2 objects written, 1 partly converted, 0 not converted.\nPartly converted (annotated cdk-external-secrets.io/migration: partial; --allow-partial accepts them):\n  external-secrets.io/v1 ExternalSecret team-a/app\n`);
    expect(lenient.err).toBe(`${issue}Summary: 2 objects written, 1 partly converted, 0 not converted.\nPartly converted (annotated cdk-external-secrets.io/migration: partial):\n  external-secrets.io/v1 ExternalSecret team-a/app\n`);
    expect(strict.out).toBe(lenient.out);
    expect(strict.out).toContain("    cdk-external-secrets.io/migration: partial\n    cdk-external-secrets.io/migration-reason: spec.template.stringData[\"password\"]\n");
    expect(strict.out).not.toContain('hunter2');
  });

  test('messages of the CLI name its flags: a KES object without a namespace asks for --namespace', () => {
    // GIVEN
    const cli = io(fs.readFileSync(path.join(KES_EXAMPLES, 'aws-ssm.yaml'), 'utf8'));
    // WHEN
    const code = runMigrateCli([], cli);
    // THEN
    expect(code).toBe(1);
    expect(cli.err.split('\n')[0]).toBe('[<stdin>: kubernetes-client.io/v1 ExternalSecret aws-ssm] metadata.namespace: received undefined. Allowed: a namespace: the migrated ClusterSecretStore admits only the namespaces of the objects that use it. Fix: set metadata.namespace, or pass --namespace with the namespace the object is applied to.');
  });

  test('--allow-insecure-http accepts an http:// Vault', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli([path.join(KES_EXAMPLES, 'vault.yml'), '--namespace', 'team-a', '--vault-server', 'http://vault.internal:8200', '--allow-insecure-http'], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.out).toContain('server: http://vault.internal:8200\n');
  });

  test('--typescript writes a module importing the /k8s entry point and counts YAML-only objects as not converted', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli(['--typescript', '--import-from', '../lib', path.join(KES_EXAMPLES, 'akeyless-example.yaml'), '--namespace', 'team-a',
      '--akeyless-gateway', 'https://api.akeyless.io', '--akeyless-auth-secret', 'external-secrets/akeyless-auth'], cli);
    // THEN
    expect(code).toBe(1);
    expect(cli.out).toContain("} from '../lib/k8s';");
    expect(cli.out).toContain("new ExternalSecret(this, 'ExternalSecret-team-a-hello-secret', {");
    expect(cli.err).toBe('[external-secrets.io/v1 ClusterSecretStore kes-akeyless] spec.provider.akeyless: received "the library has no typed factory for this provider". Allowed: fields the library\'s typed constructs express. Fix: apply this object from the YAML output; the TypeScript module leaves it out.\n'
      + 'Summary: 3 objects written, 0 partly converted, 0 not converted, 1 left out of the TypeScript module (YAML only).\nLeft out of the TypeScript module:\n  external-secrets.io/v1 ClusterSecretStore kes-akeyless\n');
  });

  test('--help prints the usage', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli(['--help'], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.out).toBe(MIGRATE_USAGE);
    expect(MIGRATE_USAGE).toContain('--allow-partial');
    expect(MIGRATE_USAGE).toContain('--allow-insecure-http');
    expect(MIGRATE_USAGE).toContain('--namespace <namespace>');
  });

  test.each([
    [['--colour'], `[cdk-external-secrets migrate] option: received "--colour". Allowed: one of --allow-partial, --allow-insecure-http, --typescript, --namespace, --import-from, --aws-region, --vault-server, --vault-mount, --vault-role, --gcp-project, --azure-tenant, --akeyless-gateway, --akeyless-auth-secret, --ibm-service-url, --ibm-api-key-secret, --refresh-interval, --store-prefix, --help. ${USAGE_FIX}`],
    [['--vault-server'], `[cdk-external-secrets migrate] --vault-server: received undefined. Allowed: a value after the option. ${USAGE_FIX}`],
    [['--namespace', 'a', '--namespace', 'b'], `[cdk-external-secrets migrate] --namespace: received "b". Allowed: the option once. ${USAGE_FIX}`],
    [['--akeyless-gateway', 'https://a'], `[cdk-external-secrets migrate] --akeyless-auth-secret: received undefined. Allowed: both --akeyless-gateway and --akeyless-auth-secret, or neither. ${USAGE_FIX}`],
    [['--ibm-api-key-secret', 'ns/key'], `[cdk-external-secrets migrate] --ibm-service-url: received undefined. Allowed: both --ibm-service-url and --ibm-api-key-secret, or neither. ${USAGE_FIX}`],
    [['--ibm-service-url', 'https://i', '--ibm-api-key-secret', 'no-namespace'], `[cdk-external-secrets migrate] --ibm-api-key-secret: received "no-namespace". Allowed: a Secret as <namespace>/<name>. ${USAGE_FIX}`],
    [['/nonexistent/file.yaml'], `[cdk-external-secrets migrate] files: received "/nonexistent/file.yaml". Allowed: a readable file (ENOENT: no such file or directory, open '/nonexistent/file.yaml'). ${USAGE_FIX}`],
    [['--aws-region', 'EU-WEST-1'], '[cdk-external-secrets migrate] --aws-region: received "EU-WEST-1". Allowed: an AWS region code such as "eu-west-1" or "us-gov-west-1". Fix: pass the region code, not its display name.'],
    [['--vault-server', 'http://vault:8200'], '[cdk-external-secrets migrate] --vault-server: received "http://vault:8200". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: serve Vault over TLS (https://); a store with an http:// server sends the Vault token in clear text (--allow-insecure-http accepts it where the network already encrypts).'],
    [['--vault-mount', '../sys'], '[cdk-external-secrets migrate] --vault-mount: received "../sys". Allowed: a Vault auth mount path: segments of letters, digits, "_", "-" and "." separated by "/", never "." or "..". Fix: pass the mount path, such as "kubernetes".'],
    [['--vault-role', 'a b'], '[cdk-external-secrets migrate] --vault-role: received "a b". Allowed: a Vault role name: letters, digits, "_", "-", "." and "@" (at most 128). Fix: pass the role name, such as "external-secrets".'],
    [['--namespace', 'Team_A'], '[cdk-external-secrets migrate] --namespace: received "Team_A". Allowed: a namespace name: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit. Fix: pass the namespace the KES objects were applied to.'],
    [['--refresh-interval', '1 day'], '[cdk-external-secrets migrate] --refresh-interval: received Duration.parse("1 day"). Allowed: a Go duration: a string such as "30s", "15m", "1h" or "1h30m" (units ns, us, ms, s, m, h), or "0"; no sign, no spaces, no day unit. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as "1h30m".'],
    [['--gcp-project', 'Bad_Project'], '[cdk-external-secrets migrate] --gcp-project: received "Bad_Project". Allowed: a project ID: 6 to 30 lowercase letters, digits and "-", starting with a letter, not ending with "-". Fix: pass the project ID (gcloud projects describe <project> --format="value(projectId)"), not its display name or number.'],
    [['--azure-tenant', 'not-a-guid'], '[cdk-external-secrets migrate] --azure-tenant: received "not-a-guid". Allowed: a GUID such as "00000000-0000-0000-0000-000000000000". Fix: pass the Entra tenant ID (az account show --query tenantId), or the tenant_id attribute of a DataAzurermClientConfig.'],
    [['--akeyless-gateway', 'http://a', '--akeyless-auth-secret', 'ns/x'], '[cdk-external-secrets migrate] --akeyless-gateway: received "http://a". Allowed: an Akeyless gateway URL: an absolute https:// URL with a host and no user or password. Fix: use https://.'],
    [['--ibm-service-url', 'http://i', '--ibm-api-key-secret', 'ns/x'], '[cdk-external-secrets migrate] --ibm-service-url: received "http://i". Allowed: an IBM Cloud Secrets Manager URL: an absolute https:// URL with a host and no user or password. Fix: use https://.'],
    [['--store-prefix', 'KES'], '[cdk-external-secrets migrate] --store-prefix: received "KES". Allowed: at most 200 lowercase letters, digits, "-" and ".", starting with a letter or digit (the start of a ClusterSecretStore name). Fix: pass a prefix such as "kes".'],
    [['--import-from', 'a b'], '[cdk-external-secrets migrate] --import-from: received "a b". Allowed: a package name or path without spaces, control characters or a trailing "/" (the generated code imports its /k8s and /core entry points). Fix: pass a name such as "cdk-external-secrets".'],
  ])('exits 2 for %j with a message naming the flag', (argv, message) => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli(argv, cli);
    // THEN
    expect(code).toBe(2);
    expect(cli.err).toBe(`${message}\n`);
    expect(cli.out).toBe('');
  });
});

describe('cdk-external-secrets (lib/cli.ts)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-validate-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const VALID = 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app\n  namespace: team-a\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: aws\n  data:\n  - secretKey: k\n    remoteRef:\n      key: r\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: team-a\n';
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--version prints the version of package.json', () => {
    // GIVEN
    const cli = io();
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    // WHEN
    const code = runCli(['--version'], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.out).toBe(`${pkg.version}\n`);
  });

  test('--help prints the commands; each subcommand has its own --help', () => {
    // GIVEN
    const top = io();
    const validate = io();
    const migrate = io();
    // WHEN / THEN
    expect(runCli(['--help'], top)).toBe(0);
    expect(top.out).toBe(USAGE);
    expect(runCli(['validate', '--help'], validate)).toBe(0);
    expect(validate.out).toBe(VALIDATE_USAGE);
    expect(runCli(['migrate', '--help'], migrate)).toBe(0);
    expect(migrate.out).toBe(MIGRATE_USAGE);
  });

  test.each([
    [[], `[cdk-external-secrets] command: received undefined. Allowed: migrate, validate, access, --version or --help. Fix: run \`cdk-external-secrets --help\` for the usage.\n\n${USAGE}`],
    [['convert'], `[cdk-external-secrets] command: received "convert". Allowed: migrate, validate, access, --version or --help. Fix: run \`cdk-external-secrets --help\` for the usage.\n\n${USAGE}`],
    [['validate'], '[cdk-external-secrets validate] files: received []. Allowed: one or more YAML files, such as dist/*.yaml. Fix: run `cdk-external-secrets validate --help` for the usage.\n'],
    [['validate', '--strict', 'a.yaml'], '[cdk-external-secrets validate] option: received "--strict". Allowed: a YAML file, or --help. Fix: run `cdk-external-secrets validate --help` for the usage.\n'],
    [['validate', '/nonexistent/a.yaml'], '[cdk-external-secrets validate] files: received "/nonexistent/a.yaml". Allowed: a readable file (ENOENT: no such file or directory, open \'/nonexistent/a.yaml\'). Fix: run `cdk-external-secrets validate --help` for the usage.\n'],
  ])('exits 2 for %j', (argv, stderr) => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runCli(argv, cli);
    // THEN
    expect(code).toBe(2);
    expect(cli.err).toBe(stderr);
    expect(cli.out).toBe('');
  });

  test('validate exits 0 for valid files and prints the count', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runCli(['validate', write('valid.yaml', VALID), write('empty.yaml', '---\n')], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.err).toBe('');
    expect(cli.out).toBe('2 objects in 2 files: valid.\n');
  });

  test('validate prints each problem with its file and object path and exits 1', () => {
    // GIVEN
    const bad = write('bad.yaml', VALID.replace('    kind: ClusterSecretStore\n', '    kind: ClusterSecretStore\n    colour: blue\n'));
    const broken = write('broken.yaml', 'a: [1\n---\n- a list\n');
    const bomb = write('bomb.yaml', `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join('\n')}\n`);
    const cli = io();
    // WHEN
    const code = runCli(['validate', bad, broken, bomb], cli);
    // THEN
    expect(code).toBe(1);
    expect(cli.out).toBe('');
    expect(cli.err.split('\n')).toEqual([
      `${bad}: [ExternalSecret team-a/app] spec.secretStoreRef.colour: received a string. Allowed: the fields the schema declares here: "kind", "name". Fix: remove it (the API server would drop an unknown field silently).`,
      `${broken}: [${broken}#0] document: received "Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:". Allowed: YAML documents separated by ---. Fix: fix the YAML syntax at the position given.`,
      `${broken}: [${broken}#1] document: received "a list". Allowed: a Kubernetes object with apiVersion, kind and metadata.name. Fix: remove the document or give it apiVersion, kind and metadata.name.`,
      `${bomb}: [${bomb}#0] document: received "Excessive alias count indicates a resource exhaustion attack". Allowed: YAML documents separated by ---. Fix: fix the YAML syntax at the position given.`,
      '4 problems in 3 files.',
      '',
    ]);
  });
});

describe('the cdk-external-secrets binary (lib/cli.ts as a child process)', () => {
  test('runs migrate and validate with their exit codes and prints --version', () => {
    // GIVEN
    const root = path.resolve(__dirname, '..', '..');
    const run = (args: string[]) => spawnSync(process.execPath, ['-r', './examples/register.js', 'lib/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
    // WHEN
    const ok = run(['migrate', '--namespace', 'team-a', path.join(KES_EXAMPLES, 'gcp-secrets-manager.yml')]);
    const reported = run(['migrate', path.join(KES_EXAMPLES, 'vault.yml')]);
    const unknown = run(['convert']);
    const version = run(['--version']);
    // THEN
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('kind: ClusterSecretStore');
    expect(reported.status).toBe(1);
    expect(reported.stderr).toContain('spec.backendType: received "vault"');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Usage: cdk-external-secrets <command>');
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    // WHEN the migrated output is validated by the same binary
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bin-')), 'out.yaml');
    fs.writeFileSync(file, ok.stdout);
    const validated = run(['validate', file]);
    // THEN
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);
    expect(validated.stdout).toBe('2 objects in 1 file: valid.\n');
  }, 90_000);
});

describe('cdk-external-secrets migrate: the output goes through the typed constructs', () => {
  test('a v1beta1 store with an http:// Vault passes the schema but is refused by the construct, as a declared one is: marked partial', () => {
    // GIVEN
    const cli = io('apiVersion: external-secrets.io/v1beta1\nkind: ClusterSecretStore\nmetadata:\n  name: vault\nspec:\n  conditions:\n  - namespaces: [team-a]\n  provider:\n    vault:\n      server: http://vault.internal:8200\n      path: secret\n      version: v2\n      auth:\n        kubernetes:\n          mountPath: kubernetes\n          role: eso\n');
    // WHEN
    const code = runMigrateCli([], cli);
    // THEN
    expect(code).toBe(1);
    expect(cli.err.split('\n')[0]).toBe('[migrated/ClusterSecretStore-vault] spec.provider.vault.server: received "http://vault.internal:8200". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: serve Vault over TLS (https://), or set allowInsecureHttp: true for a local development server.');
    expect(cli.out).toContain('cdk-external-secrets.io/migration-reason: spec.provider.vault.server\n');
  });
});
