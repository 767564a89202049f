import { execFile } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';

const ROOT = join(__dirname, '../..');
const run = promisify(execFile);

// Each test starts one or two Node processes (transpiling the library, loading cdktf and a provider).
jest.setTimeout(120_000);

/** The peers of the README's install lines (cdk-external-secrets itself and its dependencies are always there). */
const LINES = {
  cluster: ['constructs', 'cdk8s', 'cdk8s-plus-33'],
  aws: ['constructs', 'cdktf', '@cdktf/provider-aws', '@cdktf/provider-helm'],
  azure: ['constructs', 'cdktf', '@cdktf/provider-azurerm', '@cdktf/provider-helm'],
  vault: ['constructs', 'cdktf', '@cdktf/provider-vault', '@cdktf/provider-helm'],
  google: ['constructs', 'cdktf', '@cdktf/provider-google', '@cdktf/provider-helm'],
  bothSides: ['constructs', 'cdk8s', 'cdk8s-plus-28', 'cdktf', '@cdktf/provider-aws', '@cdktf/provider-helm'],
  everything: ['constructs', 'cdk8s', 'cdk8s-plus-28', 'cdktf', '@cdktf/provider-aws', '@cdktf/provider-azurerm', '@cdktf/provider-google',
    '@cdktf/provider-helm', '@cdktf/provider-vault'],
};

interface AppResult {
  readonly entries?: Record<string, string>;
  readonly synth?: string[] | string;
  readonly manifests?: string[] | string;
  readonly connection?: string;
  readonly peers: string[];
}

/** Runs test/entry-points/install-line-app.ts in a process that can load only `peers`. */
async function app(peers: readonly string[], ...args: string[]): Promise<AppResult> {
  const { stdout } = await run(process.execPath, ['-r', './examples/register.js', '-r', './test/helpers/only-peers.js', 'test/entry-points/install-line-app.ts', ...args], {
    cwd: ROOT, env: { ...process.env, ONLY_PEERS: peers.join(' ') }, encoding: 'utf8',
  });
  return JSON.parse(stdout) as AppResult;
}

function ok(...entries: string[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [e, 'ok']));
}

/** The message for a provider that is not installed: the install line it belongs to, by its README name. */
function missingProvider(path: string, provider: string, range: string, neededBy: string, line: 'aws' | 'azure' | 'google' | 'vault'): string {
  const use = { aws: 'AWS', azure: 'Azure', google: 'Google', vault: 'HashiCorp Vault' }[line];
  return `[${path}] peerDependencies["${provider}"]: received not installed. Allowed: ${provider} ${range} installed (${neededBy} uses it). `
    + `Fix: npm install ${provider} (the ${use} install line: npm install cdk-external-secrets ${LINES[line].join(' ')}).`;
}

const ROOT_ENTRY_WITH_AWS_LINE = '[cdk-external-secrets] peerDependencies: received cdk8s, one of cdk8s-plus-28, cdk8s-plus-29, cdk8s-plus-30, cdk8s-plus-31, '
  + 'cdk8s-plus-32, cdk8s-plus-33, cdk8s-plus-34, @cdktf/provider-azurerm, @cdktf/provider-google, @cdktf/provider-vault not installed. '
  + 'Allowed: the package root with every peer installed (it re-exports every layer: cdk8s, cdktf and every provider). '
  + 'Fix: import from the entry point of your layer instead (cdk-external-secrets/core, /k8s, /platform/k8s, /platform, /aws, /azure, /gcp, /vault, '
  + '/helm, /validation, /migrate, /migrate/k8s, /zarf, /access), which loads only the peers of its install line; or install every peer.';

describe('every entry point loads with only its install line\'s peers (a child process whose loader knows only those)', () => {
  test('cluster side only: /core, /k8s, /platform/k8s, /validation, /migrate, /migrate/k8s, /zarf, /access load; the declaration of every backend renders its YAML', async () => {
    // GIVEN constructs, cdk8s and cdk8s-plus-33 only
    // WHEN
    const [loaded, yaml] = await Promise.all([
      app(LINES.cluster, 'load', 'core', 'k8s', 'platform/k8s', 'validation', 'migrate', 'migrate/k8s', 'zarf', 'access'),
      app(LINES.cluster, 'manifests', 'azure', 'aws', 'vault', 'google'),
    ]);
    // THEN
    expect(loaded).toEqual({ entries: ok('core', 'k8s', 'platform/k8s', 'validation', 'migrate', 'migrate/k8s', 'zarf', 'access'), peers: LINES.cluster.slice().sort() });
    expect(yaml.manifests).toEqual(['ClusterSecretStore/aws', 'ClusterSecretStore/azure', 'ClusterSecretStore/gsm', 'ClusterSecretStore/vault',
      'ExternalSecret/aws-db', 'ExternalSecret/azure-token', 'ExternalSecret/gsm-db', 'ExternalSecret/vault-app',
      'ServiceAccount/eso-azure', 'ServiceAccount/eso-gsm', 'ServiceAccount/eso-vault']);
  });

  test.each([
    ['aws', 'aws', ['aws_iam_openid_connect_provider', 'aws_iam_role', 'aws_iam_role_policy', 'aws_secretsmanager_secret', 'helm_release']],
    ['azure', 'azure', ['azurerm_federated_identity_credential', 'azurerm_key_vault', 'azurerm_key_vault_secret', 'azurerm_role_assignment',
      'azurerm_user_assigned_identity', 'helm_release']],
    ['vault', 'vault', ['helm_release', 'vault_jwt_auth_backend', 'vault_jwt_auth_backend_role', 'vault_kv_secret_v2', 'vault_mount', 'vault_policy']],
    ['google', 'gcp', ['google_secret_manager_secret', 'google_secret_manager_secret_iam_member', 'helm_release']],
  ] as const)('the %s line: /core, /%s, /helm, /platform, /validation, /migrate, /zarf, /access load; /platform renders a declaration of that backend with ESO', async (line, entry, types) => {
    // GIVEN the line's peers only
    // WHEN
    const [loaded, synth] = await Promise.all([
      app(LINES[line], 'load', 'core', entry, 'helm', 'platform', 'validation', 'migrate', 'zarf', 'access'),
      app(LINES[line], 'synth', line),
    ]);
    // THEN every entry loads, and the synth loads only the line's peers
    expect(loaded.entries).toEqual(ok('core', entry, 'helm', 'platform', 'validation', 'migrate', 'zarf', 'access'));
    expect(synth).toEqual({ synth: types, peers: LINES[line].slice().sort() });
  });

  test('both sides (the quick start\'s line): every entry of both engines and AWS loads; both sides of an AWS declaration render', async () => {
    // GIVEN the AWS line with cdk8s and cdk8s-plus-28
    // WHEN
    const [loaded, synth, yaml] = await Promise.all([
      app(LINES.bothSides, 'load', 'core', 'k8s', 'platform/k8s', 'platform', 'aws', 'helm', 'validation', 'migrate', 'migrate/k8s', 'zarf'),
      app(LINES.bothSides, 'synth', 'aws'),
      app(LINES.bothSides, 'manifests', 'aws'),
    ]);
    // THEN
    expect(loaded.entries).toEqual(ok('core', 'k8s', 'platform/k8s', 'platform', 'aws', 'helm', 'validation', 'migrate', 'migrate/k8s', 'zarf'));
    expect(synth.synth).toEqual(['aws_iam_openid_connect_provider', 'aws_iam_role', 'aws_iam_role_policy', 'aws_secretsmanager_secret', 'helm_release']);
    expect(yaml.manifests).toEqual(['ClusterSecretStore/aws', 'ExternalSecret/aws-db']);
  });

  test('/platform loads no provider at import: only cdktf and constructs', async () => {
    // GIVEN constructs and cdktf only WHEN /platform is required THEN it loads and nothing else is loaded
    expect(await app(['constructs', 'cdktf'], 'load', 'platform')).toEqual({ entries: ok('platform'), peers: ['cdktf', 'constructs'] });
  });

  test.each([
    ['~aws', 'cloud/platform', '@cdktf/provider-aws', '^21.22.1', 'the AWS backend of SecretsPlatformInfrastructure', 'aws'],
    ['~azure', 'cloud/platform/KeyVault-kv', '@cdktf/provider-azurerm', '^14.23.1', 'AzureKeyVault', 'azure'],
    ['~google', 'cloud/platform', '@cdktf/provider-google', '^16.12.1', 'the Google Secret Manager backend of SecretsPlatformInfrastructure', 'google'],
    ['~vault', 'cloud/platform', '@cdktf/provider-vault', '^15.6.1', 'the HashiCorp Vault backend of SecretsPlatformInfrastructure', 'vault'],
  ] as const)('a declaration with a %s backend whose provider is not installed fails at synth naming the provider and its install line', async (backend, path, provider, range, neededBy, line) => {
    // GIVEN cdktf and helm, no provider
    // WHEN
    const result = await app(['constructs', 'cdktf', '@cdktf/provider-helm'], 'synth', backend);
    // THEN
    expect(result.synth).toBe(missingProvider(path, provider, range, neededBy, line));
  });

  test('an Azure project whose declaration also has an AWS store fails naming the AWS install line', async () => {
    // GIVEN the Azure line WHEN its declaration also declares an AWS secret and store
    const result = await app(LINES.azure, 'synth', 'azure', '~aws');
    // THEN
    expect(result.synth).toBe(missingProvider('cloud/platform', '@cdktf/provider-aws', '^21.22.1', 'the AWS backend of SecretsPlatformInfrastructure', 'aws'));
  });

  test('without @cdktf/provider-helm, the infrastructure renders and EsoClusterAddons fails naming every cloud line', async () => {
    // GIVEN the AWS line without helm
    // WHEN
    const result = await app(['constructs', 'cdktf', '@cdktf/provider-aws'], 'synth', 'aws');
    // THEN the error is the add-ons' (the infrastructure before it rendered)
    expect(result.synth).toBe('[cloud/addons] peerDependencies["@cdktf/provider-helm"]: received not installed. Allowed: @cdktf/provider-helm ^12.1.2 installed '
      + '(EsoClusterAddons uses it). Fix: npm install @cdktf/provider-helm (every cloud\'s install line has it: AWS, Azure, HashiCorp Vault, Google; '
      + 'for example npm install cdk-external-secrets constructs cdktf @cdktf/provider-aws @cdktf/provider-helm).');
  });

  test.each([
    ['aws', 'eks', 'aks', '@cdktf/provider-azurerm', '^14.23.1', 'HelmConnection.fromAks', 'azure'],
    ['azure', 'aks', 'eks', '@cdktf/provider-aws', '^21.22.1', 'HelmConnection.fromEks', 'aws'],
  ] as const)('the %s line connects Helm to %s; a connection to %s fails naming that cloud\'s provider and install line',
    async (line, own, other, provider, range, neededBy, otherLine) => {
      // GIVEN the line's peers only
      // WHEN a connection to its own cloud's cluster and one to the other cloud's are created
      const [ownResult, otherResult] = await Promise.all([app(LINES[line], 'connection', own), app(LINES[line], 'connection', other)]);
      // THEN
      expect(ownResult.connection).toBe('ok');
      expect(otherResult.connection).toBe(missingProvider('cloud/prod', provider, range, neededBy, otherLine));
    });

  test('the package root ("everything installed"): loads with every peer, and with the AWS line fails naming what is missing and the subpaths', async () => {
    // GIVEN every peer, then the AWS line only
    // WHEN
    const [everything, awsLine] = await Promise.all([app(LINES.everything, 'load', '.'), app(LINES.aws, 'load', '.')]);
    // THEN
    expect(everything.entries).toEqual(ok('.'));
    expect(awsLine).toEqual({ entries: { '.': ROOT_ENTRY_WITH_AWS_LINE }, peers: [] });
  });
});
