import { parseAllDocuments, stringify } from 'yaml';
import { assertDuration, Duration, ESO_INTERVAL_BOUNDS } from '../core/duration';
import { isGcpProjectId } from '../core/cloud-names';
import { checkAwsRegion, checkAzureTenant } from '../core/declaration/checks';
import { assertProps, assertType, assertUrl, isDnsSubdomain } from '../core/validation';
import { ConfigurationError, invalidGcpProjectId, invalidString, migrateDuplicateObject, migrateNotAnObject, migrateUnsupportedApiVersion, migrateYamlError } from '../core/errors';
import { convertKesExternalSecret } from './kes';
import { ManifestObject, MigrateOptions, MigrationIssue, MigrationResult } from './types';
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
  const stores = new Map<string, ManifestObject>();
  const objects: ManifestObject[] = [];
  const issues: MigrationIssue[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const docs = parseAllDocuments(input.yaml);
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((doc, index) => {
      const source = `${input.source}#${index}`;
      const push = (object: string) => (e: ConfigurationError) => issues.push({ source, object, field: e.prop, message: e.message });
      if (doc.errors.length > 0) {
        push(source)(migrateYamlError(source, doc.errors[0].message.split('\n')[0]));
        return;
      }
      const value = doc.toJSON() as unknown;
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
      const report = push(object);
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
        const converted = convertKesExternalSecret(value, path, options, report);
        if (converted.store) stores.set(converted.store.metadata.name, converted.store);
        if (converted.externalSecret) objects.push(converted.externalSecret);
        return;
      }
      if (group === 'external-secrets.io' && version !== 'v1' && (V1_KINDS as readonly string[]).includes(value.kind)) {
        if (version !== 'v1beta1') {
          report(migrateUnsupportedApiVersion(path, value.apiVersion));
          return;
        }
        const converted = convertV1beta1(value, path, report);
        if (converted) objects.push(converted);
        return;
      }
      objects.push(value as ManifestObject);
    });
  }
  const sortedStores = [...stores.values()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return { objects: [...sortedStores, ...objects], issues, complete: issues.length === 0 };
}

/** The options KES read from its controller's environment, checked as their consumers will read them. */
function checkMigrateOptions(options: MigrateOptions): void {
  const path = 'migrateManifests';
  assertProps(path, options, 'MigrateOptions', {
    'awsRegion?': 'string', 'vaultServer?': 'string', 'vaultDefaultMountPoint?': 'nonEmptyString', 'vaultDefaultRole?': 'nonEmptyString',
    'gcpProjectId?': 'string', 'azureTenantId?': 'string', 'refreshInterval?': 'string', 'storeNamePrefix?': 'string',
    'akeyless?': { shape: { gatewayUrl: 'string', authSecretName: 'string', authSecretNamespace: 'string' }, name: 'an object { gatewayUrl, authSecretName, authSecretNamespace }' },
    'ibm?': { shape: { serviceUrl: 'string', apiKeySecretName: 'string', apiKeySecretNamespace: 'string' }, name: 'an object { serviceUrl, apiKeySecretName, apiKeySecretNamespace }' },
  });
  if (options.awsRegion !== undefined) {
    checkAwsRegion(path, 'options.awsRegion', options.awsRegion);
  }
  if (options.azureTenantId !== undefined) {
    checkAzureTenant(path, 'options.azureTenantId', options.azureTenantId);
  }
  if (options.gcpProjectId !== undefined && !isGcpProjectId(options.gcpProjectId)) {
    throw invalidGcpProjectId(path, 'options.gcpProjectId', options.gcpProjectId);
  }
  assertUrl(path, 'options.vaultServer', options.vaultServer, {
    schemes: ['https'], what: 'a Vault server URL', allowPath: false,
    schemeFix: 'serve Vault over TLS (https://); a store with an http:// server sends the Vault token in clear text',
  });
  assertUrl(path, 'options.akeyless.gatewayUrl', options.akeyless?.gatewayUrl, { schemes: ['https'], what: 'an Akeyless gateway URL' });
  assertUrl(path, 'options.ibm.serviceUrl', options.ibm?.serviceUrl, { schemes: ['https'], what: 'an IBM Cloud Secrets Manager URL' });
  if (options.refreshInterval !== undefined) {
    assertDuration(path, 'options.refreshInterval', Duration.parse(options.refreshInterval), ESO_INTERVAL_BOUNDS);
  }
  if (options.storeNamePrefix !== undefined && (!isDnsSubdomain(`${options.storeNamePrefix}x`) || options.storeNamePrefix.length > 200)) {
    throw invalidString(path, 'options.storeNamePrefix', options.storeNamePrefix,
      'at most 200 lowercase letters, digits, "-" and ".", starting with a letter or digit (the start of a ClusterSecretStore name)',
      'pass a prefix such as "kes"');
  }
}

/** The objects as one YAML stream (documents separated by `---`). */
export function toYaml(objects: readonly ManifestObject[]): string {
  assertType('toYaml', 'objects', objects, { arrayOf: 'object' });
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
