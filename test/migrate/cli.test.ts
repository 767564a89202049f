import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
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

describe('cdk-external-secrets migrate', () => {
  test('converts files to YAML and exits 0 when everything converted', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli([path.join(KES_EXAMPLES, 'aws-ssm.yaml'), path.join(KES_EXAMPLES, 'vault.yml'), '--vault-server', 'https://vault:8200'], cli);
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

  test('reads standard input, reports on standard error and exits 1 when something was not converted', () => {
    // GIVEN
    const cli = io(fs.readFileSync(path.join(KES_EXAMPLES, 'alicloud-secretsmanager.yaml'), 'utf8'));
    // WHEN
    const code = runMigrateCli([], cli);
    // THEN
    expect(code).toBe(1);
    expect(cli.out).toBe('');
    expect(cli.err).toBe('[<stdin>: kubernetes-client.io/v1 ExternalSecret alicloud-secretsmanager] spec.backendType: received "alicloudSecretsManager". Allowed: a backend ESO v1 serves (the Alibaba Cloud provider was removed from ESO before external-secrets.io/v1). Fix: move the secrets to a supported backend, or keep this ExternalSecret on a separate path until then.\n');
  });

  test('--typescript writes a module and counts YAML-only objects as not converted', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli(['--typescript', '--import-from', '../lib', path.join(KES_EXAMPLES, 'akeyless-example.yaml'),
      '--akeyless-gateway', 'https://api.akeyless.io', '--akeyless-auth-secret', 'external-secrets/akeyless-auth'], cli);
    // THEN
    expect(code).toBe(1);
    expect(cli.out).toContain("} from '../lib';");
    expect(cli.out).toContain("new ExternalSecret(this, 'ExternalSecret-hello-secret', {");
    expect(cli.err).toBe('[external-secrets.io/v1 ClusterSecretStore kes-akeyless] spec.provider.akeyless: received "the library has no typed factory for this provider". Allowed: fields the library\'s typed constructs express. Fix: apply this object from the YAML output; the TypeScript module leaves it out.\n');
  });

  test('--help prints the usage', () => {
    // GIVEN
    const cli = io();
    // WHEN
    const code = runMigrateCli(['--help'], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.out).toBe(MIGRATE_USAGE);
  });

  test.each([
    [['--colour'], '[cdk-external-secrets migrate] option: received "--colour". Allowed: one of --typescript, --import-from, --aws-region, --vault-server, --vault-mount, --vault-role, --gcp-project, --azure-tenant, --akeyless-gateway, --akeyless-auth-secret, --ibm-service-url, --ibm-api-key-secret, --refresh-interval, --store-prefix, --help. Fix: run `cdk-external-secrets migrate --help` for the usage.'],
    [['--vault-server'], '[cdk-external-secrets migrate] --vault-server: received undefined. Allowed: a value after the option. Fix: run `cdk-external-secrets migrate --help` for the usage.'],
    [['--akeyless-gateway', 'https://a'], '[cdk-external-secrets migrate] --akeyless-auth-secret: received undefined. Allowed: both --akeyless-gateway and --akeyless-auth-secret, or neither. Fix: run `cdk-external-secrets migrate --help` for the usage.'],
    [['--ibm-api-key-secret', 'ns/key'], '[cdk-external-secrets migrate] --ibm-service-url: received undefined. Allowed: both --ibm-service-url and --ibm-api-key-secret, or neither. Fix: run `cdk-external-secrets migrate --help` for the usage.'],
    [['--ibm-service-url', 'https://i', '--ibm-api-key-secret', 'no-namespace'], '[cdk-external-secrets migrate] --ibm-api-key-secret: received "no-namespace". Allowed: a Secret as <namespace>/<name>. Fix: run `cdk-external-secrets migrate --help` for the usage.'],
    [['/nonexistent/file.yaml'], '[cdk-external-secrets migrate] files: received "/nonexistent/file.yaml". Allowed: a readable file (ENOENT: no such file or directory, open \'/nonexistent/file.yaml\'). Fix: run `cdk-external-secrets migrate --help` for the usage.'],
  ])('exits 2 for %j', (argv, message) => {
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

describe('the cdk-external-secrets binary (lib/cli.ts)', () => {
  test('runs migrate and exits with its code; an unknown command prints the usage and exits 2', () => {
    // GIVEN
    const root = path.resolve(__dirname, '..', '..');
    const run = (args: string[]) => spawnSync(process.execPath, ['-r', './examples/register.js', 'lib/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
    // WHEN
    const ok = run(['migrate', path.join(KES_EXAMPLES, 'gcp-secrets-manager.yml')]);
    const reported = run(['migrate', path.join(KES_EXAMPLES, 'vault.yml')]);
    const unknown = run(['convert']);
    // THEN
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('kind: ClusterSecretStore');
    expect(reported.status).toBe(1);
    expect(reported.stderr).toContain('spec.backendType: received "vault"');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Usage: cdk-external-secrets <command>');
  }, 60_000);
});
