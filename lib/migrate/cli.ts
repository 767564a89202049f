import { ConfigurationError, migrateCliArgument } from '../core/errors';
import { planConstructs } from './construct-plan';
import { checkMigrateOptions, migrateChecked, MigrationInput, OPTION_FLAGS, toYaml } from './migrate';
import { checkImportFrom, renderTypeScript } from './typescript';
import { MIGRATION_ANNOTATION, MIGRATION_PARTIAL, MigrateOptions } from './types';

/** What the CLI reads and writes (injected, so tests run it in-process). */
export interface CliIo {
  /** Reads a file (utf8). */
  readFile(path: string): string;
  /** Reads all of standard input (utf8). */
  readStdin(): string;
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /**
   * Writes a file (utf8), for commands that write one (`access report`).
   * @default - `fs.writeFileSync`
   */
  readonly writeFile?: (path: string, text: string) => void;
}

/** The usage text of `cdk-external-secrets migrate`. */
export const MIGRATE_USAGE = `Usage: cdk-external-secrets migrate [options] [files...]

Converts KES (kubernetes-client.io/v1) ExternalSecrets and ESO external-secrets.io/v1beta1 objects to
ESO external-secrets.io/v1, with the ClusterSecretStores KES implied (each admitting only the
namespaces of the objects that use it). Reads the files, or standard input when none (or "-") is
given. Writes YAML (or, with --typescript, a TypeScript module) to standard output; one line per
unconverted field and a summary to standard error. Objects written without every field carry the
annotation ${MIGRATION_ANNOTATION}: ${MIGRATION_PARTIAL} and the fields left out.
Exit code: 0 when everything converted (or only partly, with --allow-partial), 1 when an object was
partly converted or not converted, 2 for bad arguments.

Options:
  --namespace <namespace>        namespace of KES objects without metadata.namespace (what kubectl apply -n used)
  --allow-partial                exit 0 when objects were written partly converted (still reported and annotated)
  --allow-insecure-http          accept an http:// --vault-server (the Vault token then travels in clear text)
  --typescript                   emit a TypeScript module using the library's constructs
  --import-from <package>        package whose /k8s and /core entry points the TypeScript imports (default cdk-external-secrets)
  --aws-region <region>          region of KES AWS ExternalSecrets without spec.region (KES: AWS_REGION)
  --vault-server <url>           Vault address (KES: VAULT_ADDR)
  --vault-mount <path>           Kubernetes auth mount without spec.vaultMountPoint (default kubernetes)
  --vault-role <role>            Vault role without spec.vaultRole (KES: DEFAULT_VAULT_ROLE)
  --gcp-project <id>             project of KES gcpSecretsManager ExternalSecrets without spec.projectId
  --azure-tenant <id>            Azure tenant of the Key Vaults
  --akeyless-gateway <url>       Akeyless gateway API URL (KES: AKEYLESS_API_ENDPOINT)
  --akeyless-auth-secret <ns/name>  Secret with accessId, accessType, accessTypeParam
  --ibm-service-url <url>        IBM Cloud Secrets Manager URL
  --ibm-api-key-secret <ns/name> Secret with the IBM Cloud API key (key apiKey)
  --refresh-interval <duration>  spec.refreshInterval of converted ExternalSecrets (default: ESO's 1h)
  --store-prefix <prefix>        prefix of the implied store names (default kes)
  --help                         this text
`;

const VALUE_OPTIONS = [
  '--namespace', '--import-from', '--aws-region', '--vault-server', '--vault-mount', '--vault-role', '--gcp-project', '--azure-tenant',
  '--akeyless-gateway', '--akeyless-auth-secret', '--ibm-service-url', '--ibm-api-key-secret', '--refresh-interval', '--store-prefix',
];
const FLAGS = ['--allow-partial', '--allow-insecure-http', '--typescript'];

function namespacedName(arg: string, value: string): { namespace: string; name: string } {
  const m = /^([a-z0-9-]+)\/([a-z0-9.-]+)$/.exec(value);
  if (!m) throw migrateCliArgument(arg, value, 'a Secret as <namespace>/<name>');
  return { namespace: m[1], name: m[2] };
}

interface ParsedArgs {
  readonly files: string[];
  readonly typescript: boolean;
  readonly allowPartial: boolean;
  readonly importFrom?: string;
  readonly options: MigrateOptions;
}

function parseArgs(argv: readonly string[]): ParsedArgs | 'help' {
  const files: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    if (FLAGS.includes(a)) {
      flags.add(a);
    } else if (VALUE_OPTIONS.includes(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw migrateCliArgument(a, v, 'a value after the option');
      if (values.has(a)) throw migrateCliArgument(a, v, 'the option once');
      values.set(a, v);
      i++;
    } else if (a.startsWith('-') && a !== '-') {
      throw migrateCliArgument('option', a, `one of ${[...FLAGS, ...VALUE_OPTIONS].join(', ')}, --help`);
    } else {
      files.push(a);
    }
  }
  const akeylessGateway = values.get('--akeyless-gateway');
  const akeylessSecret = values.get('--akeyless-auth-secret');
  if ((akeylessGateway === undefined) !== (akeylessSecret === undefined)) {
    throw migrateCliArgument(akeylessGateway === undefined ? '--akeyless-gateway' : '--akeyless-auth-secret', undefined,
      'both --akeyless-gateway and --akeyless-auth-secret, or neither');
  }
  const ibmUrl = values.get('--ibm-service-url');
  const ibmSecret = values.get('--ibm-api-key-secret');
  if ((ibmUrl === undefined) !== (ibmSecret === undefined)) {
    throw migrateCliArgument(ibmUrl === undefined ? '--ibm-service-url' : '--ibm-api-key-secret', undefined,
      'both --ibm-service-url and --ibm-api-key-secret, or neither');
  }
  const ak = akeylessSecret !== undefined ? namespacedName('--akeyless-auth-secret', akeylessSecret) : undefined;
  const ibm = ibmSecret !== undefined ? namespacedName('--ibm-api-key-secret', ibmSecret) : undefined;
  return {
    files, typescript: flags.has('--typescript'), allowPartial: flags.has('--allow-partial'), importFrom: values.get('--import-from'),
    options: {
      namespace: values.get('--namespace'),
      allowInsecureHttp: flags.has('--allow-insecure-http') ? true : undefined,
      awsRegion: values.get('--aws-region'),
      vaultServer: values.get('--vault-server'),
      vaultDefaultMountPoint: values.get('--vault-mount'),
      vaultDefaultRole: values.get('--vault-role'),
      gcpProjectId: values.get('--gcp-project'),
      azureTenantId: values.get('--azure-tenant'),
      akeyless: ak && akeylessGateway ? { gatewayUrl: akeylessGateway, authSecretName: ak.name, authSecretNamespace: ak.namespace } : undefined,
      ibm: ibm && ibmUrl ? { serviceUrl: ibmUrl, apiKeySecretName: ibm.name, apiKeySecretNamespace: ibm.namespace } : undefined,
      refreshInterval: values.get('--refresh-interval'),
      storeNamePrefix: values.get('--store-prefix'),
    },
  };
}

const flagOf = (option: string): string => OPTION_FLAGS[option] ?? option;

/**
 * The cdk8s side of the migration, loaded when the command runs (the engine-free entry point never
 * loads cdk8s); undefined in a project without cdk8s (the constructs' checks are then skipped, said on stderr).
 */
function constructsModule(): typeof import('./load') | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./load') as typeof import('./load');
  } catch (e) {
    const error = e as { code?: string; message?: string };
    if (error.code === 'MODULE_NOT_FOUND' && /'(cdk8s|constructs)'/.test(error.message ?? '')) return undefined;
    throw e;
  }
}

/**
 * Runs `cdk-external-secrets migrate <args>`; returns the exit code (0 everything converted, or only
 * partly with `--allow-partial`; 1 an object partly converted or not converted; 2 bad arguments or
 * unreadable input).
 */
export function runMigrateCli(argv: readonly string[], io: CliIo): number {
  let parsed: ParsedArgs | 'help';
  try {
    parsed = parseArgs(argv);
    if (parsed !== 'help') {
      checkMigrateOptions(parsed.options, 'cdk-external-secrets migrate', flagOf);
      checkImportFrom('cdk-external-secrets migrate', '--import-from', parsed.importFrom);
    }
  } catch (e) {
    if (!(e instanceof ConfigurationError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(MIGRATE_USAGE);
    return 0;
  }
  const inputs: MigrationInput[] = [];
  const files = parsed.files.length > 0 ? parsed.files : ['-'];
  for (const file of files) {
    try {
      inputs.push(file === '-' ? { source: '<stdin>', yaml: io.readStdin() } : { source: file, yaml: io.readFile(file) });
    } catch (e) {
      io.stderr(`${migrateCliArgument('files', file, `a readable file (${(e as Error).message.split('\n')[0]})`).message}\n`);
      return 2;
    }
  }
  const planOptions = { allowInsecureHttp: parsed.options.allowInsecureHttp };
  // The output goes through the library's typed constructs too (the checks a declared object gets).
  const constructs = constructsModule();
  if (constructs === undefined) {
    io.stderr('Note: cdk8s is not installed here, so the checks of the typed constructs were skipped (the CRD schema checks ran). Install cdk8s and constructs to run them.\n');
  }
  const result = migrateChecked(inputs, parsed.options, flagOf, constructs && ((objects) => constructs.constructRefusals(objects, planOptions)));
  const issues = [...result.issues];
  let typedOut: string[] = [];
  if (parsed.typescript) {
    const plan = planConstructs(result.objects, 'migration', planOptions);
    issues.push(...plan.issues);
    typedOut = [...new Set(plan.issues.map((i) => i.object))];
    io.stdout(renderTypeScript(plan, { importFrom: parsed.importFrom }));
  } else {
    io.stdout(toYaml(result.objects));
  }
  for (const issue of issues) {
    io.stderr(`${issue.message}\n`);
  }
  if (issues.length === 0) return 0;
  const lines = [
    `Summary: ${result.objects.length} objects written, ${result.partial.length} partly converted, ${result.notConverted.length} not converted` +
      `${parsed.typescript ? `, ${typedOut.length} left out of the TypeScript module (YAML only)` : ''}.`,
    ...(result.partial.length > 0
      ? [`Partly converted (annotated ${MIGRATION_ANNOTATION}: ${MIGRATION_PARTIAL}${parsed.allowPartial ? '' : '; --allow-partial accepts them'}):`,
        ...result.partial.map((o) => `  ${o}`)]
      : []),
    ...(result.notConverted.length > 0 ? ['Not converted:', ...result.notConverted.map((o) => `  ${o}`)] : []),
    ...(typedOut.length > 0 ? ['Left out of the TypeScript module:', ...typedOut.map((o) => `  ${o}`)] : []),
  ];
  io.stderr(`${lines.join('\n')}\n`);
  const failed = result.notConverted.length > 0 || typedOut.length > 0 || (result.partial.length > 0 && !parsed.allowPartial);
  return failed ? 1 : 0;
}
