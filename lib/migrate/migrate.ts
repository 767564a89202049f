import { createHash } from 'crypto';
import { parseAllDocuments, stringify } from 'yaml';
import { assertDuration, Duration, ESO_INTERVAL_BOUNDS } from '../core/duration';
import { isGcpProjectId } from '../core/cloud-names';
import { checkAwsRegion, checkAzureTenant } from '../core/declaration/checks';
import { assertProps, assertType, assertUrl, isDnsLabel, isDnsSubdomain } from '../core/validation';
import { ConfigurationError, invalidGcpProjectId, migrateForeignIssue, invalidString, migrateDuplicateObject, migrateNotAnObject, migrateUnsupportedApiVersion, migrateYamlError } from '../core/errors';
import { checkManifests } from '../validation';
import { convertKesExternalSecret, ImpliedStore, isVaultMountPath, isVaultRoleName } from './kes';
import {
  ManifestObject, MIGRATION_ANNOTATION, MIGRATION_PARTIAL, MIGRATION_REASON_ANNOTATION, MigrateOptions, MigrationIssue, MigrationResult,
} from './types';
import { convertV1beta1, V1_KINDS } from './v1beta1';

/** One input: YAML text and where it came from (a file name, or `<stdin>`). */
export interface MigrationInput {
  /** File name or `<stdin>`, used in the report. */
  readonly source: string;
  /** The YAML (one or more documents). */
  readonly yaml: string;
}

type Json = { [key: string]: unknown };

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(obj: Json): string {
  const md = isObject(obj.metadata) ? obj.metadata : {};
  const ns = typeof md.namespace === 'string' ? `${md.namespace}/` : '';
  return `${String(obj.apiVersion)} ${String(obj.kind)} ${ns}${String(md.name)}`;
}

/**
 * Converts KES (`kubernetes-client.io/v1`) ExternalSecrets and ESO `external-secrets.io/v1beta1`
 * objects to ESO `external-secrets.io/v1`: the ClusterSecretStores KES implied (one per distinct
 * backend, role, region, vault auth, key vault or project; named deterministically), ExternalSecrets
 * pointing at them, templates translated. ESO v1 objects, generators and other kinds pass through.
 * Every field that cannot be converted is reported (object, field, reason); nothing is dropped silently.
 *
 * Engine-free: no cdk8s or cdktf; only YAML parsing.
 */
export function migrateManifests(inputs: readonly MigrationInput[], options: MigrateOptions = {}): MigrationResult {
  assertType('migrateManifests', 'inputs', inputs, { arrayOf: { shape: { source: 'string', yaml: 'string' }, name: 'a MigrationInput { source, yaml }' } });
  checkMigrateOptions(options);
  return migrateChecked(inputs, options, (o) => `${o} (${OPTION_FLAGS[o]})`);
}

/**
 * The command-line flag of each migration option (messages of the CLI name the flag, messages of the
 * API name the option and its flag).
 * @internal
 */
export const OPTION_FLAGS: { readonly [option: string]: string } = {
  'awsRegion': '--aws-region', 'vaultServer': '--vault-server', 'vaultDefaultMountPoint': '--vault-mount', 'vaultDefaultRole': '--vault-role',
  'gcpProjectId': '--gcp-project', 'azureTenantId': '--azure-tenant', 'akeyless': '--akeyless-gateway, --akeyless-auth-secret',
  'akeyless.gatewayUrl': '--akeyless-gateway', 'ibm': '--ibm-service-url, --ibm-api-key-secret', 'ibm.serviceUrl': '--ibm-service-url',
  'refreshInterval': '--refresh-interval', 'storeNamePrefix': '--store-prefix', 'namespace': '--namespace', 'allowInsecureHttp': '--allow-insecure-http',
};

/**
 * {@link migrateManifests} after the inputs and options were checked; `name` says how messages name an option.
 * @internal
 */
export function migrateChecked(
  inputs: readonly MigrationInput[], options: MigrateOptions, name: (option: string) => string,
  checks?: (objects: readonly ManifestObject[]) => ConfigurationError[][],
): MigrationResult {
  const stores = new Map<string, { store: ImpliedStore; namespaces: Set<string> }>();
  const converted: Array<{ object: ManifestObject; source: string; label: string; fields: string[]; store?: ImpliedStore }> = [];
  const issues: MigrationIssue[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const docs = parseAllDocuments(input.yaml);
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((doc, index) => {
      const source = `${input.source}#${index}`;
      const push = (object: string) => (e: ConfigurationError) => issues.push(issueOf(e, { source, object, field: e.prop, message: e.message }));
      if (doc.errors.length > 0) {
        push(source)(migrateYamlError(source, doc.errors[0].message.split('\n')[0]));
        return;
      }
      let value: unknown;
      try {
        // Alias expansion is bounded (YAML "billion laughs"): the yaml package's limit, reported as a YAML error.
        value = doc.toJS({ maxAliasCount: 100 }) as unknown;
      } catch (e) {
        push(source)(migrateYamlError(source, (e as Error).message.split('\n')[0]));
        return;
      }
      if (value === null || value === undefined) {
        return;
      }
      if (!isObject(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string'
        || !isObject(value.metadata) || typeof value.metadata.name !== 'string') {
        push(source)(migrateNotAnObject(source, value));
        return;
      }
      const object = describe(value);
      const path = `${input.source}: ${object}`;
      const fields: string[] = [];
      const report = (e: ConfigurationError) => {
        fields.push(e.prop);
        push(object)(e);
      };
      const emit = (o: ManifestObject, store?: ImpliedStore) => converted.push({ object: o, source, label: object, fields, store });
      const identity = `${value.apiVersion.split('/')[0]}/${value.kind}/${String(value.metadata.namespace ?? '')}/${value.metadata.name}`;
      const first = seen.get(identity);
      if (first !== undefined) {
        report(migrateDuplicateObject(path, first));
      } else {
        seen.set(identity, source);
      }
      const [group, version] = value.apiVersion.split('/');
      if (group === 'kubernetes-client.io' && value.kind === 'ExternalSecret') {
        if (version !== 'v1') {
          report(migrateUnsupportedApiVersion(path, value.apiVersion));
          return;
        }
        const kes = convertKesExternalSecret(value, path, options, report, name);
        if (kes.store) {
          const entry = stores.get(kes.store.identity) ?? { store: kes.store, namespaces: new Set<string>() };
          stores.set(kes.store.identity, entry);
          if (kes.externalSecret?.metadata.namespace !== undefined) entry.namespaces.add(kes.externalSecret.metadata.namespace);
        }
        if (kes.externalSecret) emit(kes.externalSecret, kes.store);
        return;
      }
      if (group === 'external-secrets.io' && version !== 'v1' && (V1_KINDS as readonly string[]).includes(value.kind)) {
        if (version !== 'v1beta1') {
          report(migrateUnsupportedApiVersion(path, value.apiVersion));
          return;
        }
        const v1 = convertV1beta1(value, path, report);
        if (v1) emit(v1);
        return;
      }
      emit(value as ManifestObject);
    });
  }
  const names = storeNames([...stores.values()].map((s) => s.store));
  const storeObjects: ManifestObject[] = [...stores.values()]
    // A store admits the namespaces of the objects that use it, never every namespace; one whose
    // objects all lack a namespace is not emitted (each of them is reported).
    .filter((s) => s.namespaces.size > 0)
    .map(({ store, namespaces }) => ({
      apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: names.get(store.identity)! },
      spec: {
        ...(store.controller !== undefined ? { controller: store.controller } : {}),
        provider: store.provider,
        conditions: [{ namespaces: [...namespaces].sort() }],
      },
    }))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const objects = converted.map((c) => (c.store ? withStoreName(c.object, names.get(c.store.identity)!) : c.object));
  // The output is checked as the API server would (CRD schema of the served version, defaults, CEL rules).
  const all = [...storeObjects, ...objects];
  const extra = checks?.(all);
  const problems = checkEsoObjects(all).map((p, i) => [...p, ...(extra?.[i] ?? [])]);
  const partial: string[] = [];
  const mark = (o: ManifestObject, fields: readonly string[]): ManifestObject => {
    if (fields.length === 0) return o;
    partial.push(describe(o as Json));
    return markPartial(o, fields);
  };
  const markedStores = storeObjects.map((o, i) => {
    problems[i].forEach((e) => issues.push(issueOf(e, { source: 'migration', object: describe(o as Json), field: e.prop, message: e.message })));
    return mark(o, problems[i].map((e) => e.prop));
  });
  const out = objects.map((o, i) => {
    const c = converted[i];
    for (const e of problems[storeObjects.length + i]) {
      c.fields.push(e.prop);
      issues.push(issueOf(e, { source: c.source, object: c.label, field: e.prop, message: e.message }));
    }
    return mark(o, c.fields);
  });
  const emitted = new Set([...converted.map((c) => c.label), ...storeObjects.map((o) => describe(o as Json))]);
  const notConverted = [...new Set(issues.map((i) => i.object).filter((o) => !emitted.has(o)))];
  return { objects: [...markedStores, ...out], issues, complete: issues.length === 0, partial, notConverted };
}

/** The error behind each reported issue (thrown by {@link assertMigrationComplete}). */
const ERRORS = new WeakMap<MigrationIssue, ConfigurationError>();

function issueOf(error: ConfigurationError, issue: MigrationIssue): MigrationIssue {
  ERRORS.set(issue, error);
  return issue;
}

/**
 * Throws the first issue of a migration as the library's `ConfigurationError` (same message), for
 * builds and scripts that accept only a complete migration; returns when nothing was reported.
 */
export function assertMigrationComplete(result: MigrationResult): void {
  assertType('assertMigrationComplete', 'result', result, { shape: { issues: 'array' }, name: 'a MigrationResult (from migrateManifests())' });
  const first = result.issues[0];
  if (first !== undefined) {
    throw ERRORS.get(first) ?? migrateForeignIssue('assertMigrationComplete', 'result.issues[0]', String(first.message));
  }
}

/**
 * Names the implied stores: the readable name, with a hash of what identifies the store appended
 * when the readable name folds part of it or another store claims the same readable name (two auth
 * mounts never collapse into one store).
 */
function storeNames(stores: readonly ImpliedStore[]): Map<string, string> {
  const claims = new Map<string, number>();
  stores.forEach((s) => claims.set(s.baseName, (claims.get(s.baseName) ?? 0) + 1));
  return new Map(stores.map((s) => {
    if (!s.lossy && claims.get(s.baseName) === 1) return [s.identity, s.baseName];
    const hash = createHash('sha256').update(s.identity).digest('hex').slice(0, 8);
    return [s.identity, `${s.baseName.slice(0, 244).replace(/[-.]+$/, '')}-${hash}`];
  }));
}

function withStoreName(o: ManifestObject, name: string): ManifestObject {
  const spec = o.spec as Json;
  return { ...o, spec: { ...spec, secretStoreRef: { ...(spec.secretStoreRef as Json), name } } };
}

/** The object with the partial-migration annotations (the fields left out, never their values). */
function markPartial(o: ManifestObject, fields: readonly string[]): ManifestObject {
  const reason = [...new Set(fields)].join('; ');
  return {
    ...o,
    metadata: {
      ...o.metadata,
      annotations: {
        ...o.metadata.annotations,
        [MIGRATION_ANNOTATION]: MIGRATION_PARTIAL,
        [MIGRATION_REASON_ANNOTATION]: reason.length > 4000 ? `${reason.slice(0, 3997)}...` : reason,
      },
    },
  };
}

/** The problems of each object, checked with the package's validator (ESO groups only; other kinds pass through). */
function checkEsoObjects(objects: readonly ManifestObject[]): ConfigurationError[][] {
  return objects.map((o) => (/(^|\.)external-secrets\.io\//.test(o.apiVersion) ? checkManifests([o]) : []));
}

/**
 * The options KES read from its controller's environment, checked as their consumers will read them.
 * `name` turns an option into what the caller typed (the CLI passes its flags, `--aws-region`).
 * @internal
 */
export function checkMigrateOptions(options: MigrateOptions, path = 'migrateManifests', name: (option: string) => string = (o) => `options.${o}`): void {
  assertProps(path, options, 'MigrateOptions', {
    'awsRegion?': 'string', 'vaultServer?': 'string', 'vaultDefaultMountPoint?': 'nonEmptyString', 'vaultDefaultRole?': 'nonEmptyString',
    'gcpProjectId?': 'string', 'azureTenantId?': 'string', 'refreshInterval?': 'string', 'storeNamePrefix?': 'string',
    'akeyless?': { shape: { gatewayUrl: 'string', authSecretName: 'string', authSecretNamespace: 'string' }, name: 'an object { gatewayUrl, authSecretName, authSecretNamespace }' },
    'ibm?': { shape: { serviceUrl: 'string', apiKeySecretName: 'string', apiKeySecretNamespace: 'string' }, name: 'an object { serviceUrl, apiKeySecretName, apiKeySecretNamespace }' },
    'namespace?': 'string', 'allowInsecureHttp?': 'boolean',
  });
  if (options.awsRegion !== undefined) {
    checkAwsRegion(path, name('awsRegion'), options.awsRegion);
  }
  if (options.azureTenantId !== undefined) {
    checkAzureTenant(path, name('azureTenantId'), options.azureTenantId);
  }
  if (options.gcpProjectId !== undefined && !isGcpProjectId(options.gcpProjectId)) {
    throw invalidGcpProjectId(path, name('gcpProjectId'), options.gcpProjectId);
  }
  assertUrl(path, name('vaultServer'), options.vaultServer, {
    schemes: options.allowInsecureHttp === true ? ['https', 'http'] : ['https'], what: 'a Vault server URL', allowPath: false,
    schemeFix: `serve Vault over TLS (https://); a store with an http:// server sends the Vault token in clear text (${name('allowInsecureHttp')} accepts it where the network already encrypts)`,
  });
  if (options.vaultDefaultMountPoint !== undefined && !isVaultMountPath(options.vaultDefaultMountPoint)) {
    throw invalidString(path, name('vaultDefaultMountPoint'), options.vaultDefaultMountPoint,
      'a Vault auth mount path: segments of letters, digits, "_", "-" and "." separated by "/", never "." or ".."', 'pass the mount path, such as "kubernetes"');
  }
  if (options.vaultDefaultRole !== undefined && !isVaultRoleName(options.vaultDefaultRole)) {
    throw invalidString(path, name('vaultDefaultRole'), options.vaultDefaultRole,
      'a Vault role name: letters, digits, "_", "-", "." and "@" (at most 128)', 'pass the role name, such as "external-secrets"');
  }
  assertUrl(path, name('akeyless.gatewayUrl'), options.akeyless?.gatewayUrl, { schemes: ['https'], what: 'an Akeyless gateway URL' });
  assertUrl(path, name('ibm.serviceUrl'), options.ibm?.serviceUrl, { schemes: ['https'], what: 'an IBM Cloud Secrets Manager URL' });
  if (options.refreshInterval !== undefined) {
    assertDuration(path, name('refreshInterval'), Duration.parse(options.refreshInterval), ESO_INTERVAL_BOUNDS);
  }
  if (options.storeNamePrefix !== undefined && (!isDnsSubdomain(`${options.storeNamePrefix}x`) || options.storeNamePrefix.length > 200)) {
    throw invalidString(path, name('storeNamePrefix'), options.storeNamePrefix,
      'at most 200 lowercase letters, digits, "-" and ".", starting with a letter or digit (the start of a ClusterSecretStore name)',
      'pass a prefix such as "kes"');
  }
  if (options.namespace !== undefined && !isDnsLabel(options.namespace)) {
    throw invalidString(path, name('namespace'), options.namespace,
      'a namespace name: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit', 'pass the namespace the KES objects were applied to');
  }
}

/** The objects as one YAML stream (documents separated by `---`). */
export function toYaml(objects: readonly ManifestObject[]): string {
  assertType('toYaml', 'objects', objects, { arrayOf: 'object' });
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
