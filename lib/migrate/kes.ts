import { createHash } from 'crypto';
import { DescribedValue, describeType } from '../core/errors/format';
import { isAwsRegion, isGcpProjectId, isIamRoleArn, isKeyVaultName } from '../core/cloud-names';
import {
  ConfigurationError, migrateBackendWithoutProvider, migrateInvalidBackendValue, migrateLiteralTemplateValue, migrateLodashTemplate,
  migrateMissingSetting, migrateNamespaceUnknown, migrateUnconvertible, migrateUnknownField, migrateWholeStoreFind,
} from '../core/errors';
import { isLodashTemplate, literalGoTemplate, lodashToGoTemplate } from './lodash-template';
import { ManifestObject, MigrateOptions } from './types';

/** The ClusterSecretStore a KES ExternalSecret implies, before the caller names it. */
export interface ImpliedStore {
  /** The readable name (`kes-vault-kv-v2-<mount>-<role>`). */
  readonly baseName: string;
  /** True when the readable name drops or folds part of what identifies the store (case, characters, an ARN path). */
  readonly lossy: boolean;
  /** What identifies the store: its provider block and controller class (two stores are one only when equal). */
  readonly identity: string;
  /** `spec.provider`. */
  readonly provider: Json;
  /** `spec.controller`. */
  readonly controller?: string;
}

/** What one KES ExternalSecret becomes: the store it implies and the ESO v1 ExternalSecret. */
export interface KesConversion {
  /** The implied ClusterSecretStore (named, deduplicated and restricted to its namespaces by the caller). */
  readonly store?: ImpliedStore;
  /** The ESO v1 ExternalSecret, without the fields reported; its `secretStoreRef.name` is set by the caller. */
  readonly externalSecret?: ManifestObject;
}

type Json = { [key: string]: unknown };
type Report = (error: ConfigurationError) => void;
/** How a message names a migration option: the API option, or the CLI flag. */
type OptionName = (option: string) => string;

/** The KES backends, with the ESO provider each maps to (or why none). */
const BACKENDS: { [backendType: string]: { slug: string; dataFields: string[] } | { none: string } } = {
  secretsManager: { slug: 'aws-sm', dataFields: ['key', 'name', 'property', 'isBinary', 'versionStage', 'versionId'] },
  systemManager: { slug: 'aws-ssm', dataFields: ['key', 'name', 'property', 'isBinary', 'path', 'recursive'] },
  vault: { slug: 'vault', dataFields: ['key', 'name', 'property', 'isBinary'] },
  azureKeyVault: { slug: 'azure-kv', dataFields: ['key', 'name', 'property', 'isBinary'] },
  gcpSecretsManager: { slug: 'gcp-sm', dataFields: ['key', 'name', 'property', 'isBinary', 'version'] },
  akeyless: { slug: 'akeyless', dataFields: ['key', 'name', 'property', 'isBinary'] },
  ibmcloudSecretsManager: { slug: 'ibm-sm', dataFields: ['key', 'name', 'property', 'isBinary', 'secretType'] },
  alicloudSecretsManager: { none: 'the Alibaba Cloud provider was removed from ESO before external-secrets.io/v1' },
};

/** Spec fields and the backends that use them (undefined: every backend). */
const SPEC_FIELDS: { [field: string]: string[] | undefined } = {
  backendType: undefined, data: undefined, dataFrom: undefined, dataFromWithOptions: undefined, template: undefined,
  type: undefined, controllerId: undefined, properties: undefined,
  roleArn: ['secretsManager', 'systemManager', 'alicloudSecretsManager'],
  region: ['secretsManager', 'systemManager'],
  vaultRole: ['vault'], vaultMountPoint: ['vault'], kvVersion: ['vault'],
  keyVaultName: ['azureKeyVault'],
  projectId: ['gcpSecretsManager'],
  keyByName: ['ibmcloudSecretsManager'],
};

/** Metadata the API server fills in: meaningless in Git, dropped. */
const SERVER_METADATA = new Set(['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink']);
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function slug(parts: (string | undefined)[]): string {
  const joined = parts.filter((p) => p !== undefined && p !== '').join('-').toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (joined.length <= 253) return joined;
  const hash = createHash('sha256').update(joined).digest('hex').slice(0, 8);
  return `${joined.slice(0, 244).replace(/[-.]+$/, '')}-${hash}`;
}

/** `arn:aws:iam::123:role/path/name` → `123-name`. */
function roleSlug(roleArn: string): string {
  const m = /^arn:[^:]+:iam::(\d+):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return m ? `${m[1]}-${m[2]}` : roleArn;
}

/** True when the readable name keeps every part as written (nothing folded, dropped or replaced). */
function lossless(parts: (string | undefined)[]): boolean {
  return parts.every((p) => p === undefined || p === '' || slug([p]) === p);
}

/** A Vault auth mount path: segments of letters, digits, `_`, `-` and `.` (never `.` or `..`). */
/** @internal */
export function isVaultMountPath(value: string): boolean {
  return value.length <= 256 && value.split('/').every((seg) => /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(seg));
}

/** A Vault role name: letters, digits, `_`, `-`, `.` and `@`, starting with a letter, digit or `_`. */
/** @internal */
export function isVaultRoleName(value: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,127}$/.test(value);
}

function implied(parts: (string | undefined)[], provider: Json, controller: string | undefined, extraLossy = false): ImpliedStore {
  return {
    baseName: slug(parts), lossy: extraLossy || !lossless(parts),
    identity: JSON.stringify({ provider, controller: controller ?? null }), provider, controller,
  };
}

/** ESO v1 metadata of a converted object (server-filled fields dropped, others reported). */
export function convertMetadata(obj: Json, path: string, report: Report): ManifestObject['metadata'] {
  const md = isObject(obj.metadata) ? obj.metadata : {};
  const out: { [k: string]: unknown } = { name: md.name };
  for (const [k, v] of Object.entries(md)) {
    if (k === 'name' || SERVER_METADATA.has(k)) continue;
    if (k === 'namespace' || k === 'labels') {
      out[k] = v;
    } else if (k === 'annotations' && isObject(v)) {
      const rest = Object.fromEntries(Object.entries(v).filter(([ak]) => ak !== LAST_APPLIED));
      if (Object.keys(rest).length > 0) out.annotations = rest;
    } else {
      report(migrateUnknownField(path, `metadata.${k}`, v));
    }
  }
  return out as ManifestObject['metadata'];
}

function storeFor(spec: Json, backendType: string, path: string, options: MigrateOptions, report: Report, name: OptionName): ImpliedStore | undefined {
  const prefix = options.storeNamePrefix ?? 'kes';
  const controllerId = typeof spec.controllerId === 'string' ? spec.controllerId : undefined;
  const ctl = controllerId !== undefined ? ['ctl', controllerId] : [];
  const str = (k: string): string | undefined => (typeof spec[k] === 'string' ? spec[k] as string : undefined);
  switch (backendType) {
    case 'secretsManager':
    case 'systemManager': {
      const region = str('region') ?? options.awsRegion;
      if (region === undefined) {
        report(migrateMissingSetting(path, backendType, 'AWS region (spec.region, or the controller\'s AWS_REGION)', name('awsRegion')));
        return undefined;
      }
      if (!isAwsRegion(region)) {
        report(migrateInvalidBackendValue(path, 'spec.region', region, 'an AWS region code such as "eu-west-1" (the AWS SDK builds the endpoint host from it)'));
        return undefined;
      }
      const role = str('roleArn');
      if (role !== undefined && !isIamRoleArn(role)) {
        report(migrateInvalidBackendValue(path, 'spec.roleArn', role, 'an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>), no wildcards'));
        return undefined;
      }
      const service = backendType === 'secretsManager' ? 'SecretsManager' : 'ParameterStore';
      const s = BACKENDS[backendType] as { slug: string };
      const roleName = role !== undefined ? roleSlug(role) : undefined;
      return implied([prefix, s.slug, region, roleName, ...ctl], { aws: { service, region, ...(role !== undefined ? { role } : {}) } }, controllerId,
        // A role path or another partition is not in the readable name.
        role !== undefined && !/^arn:aws:iam::\d{12}:role\/[^/]+$/.test(role));
    }
    case 'vault': {
      if (options.vaultServer === undefined) {
        report(migrateMissingSetting(path, backendType, 'Vault address (the controller\'s VAULT_ADDR)', name('vaultServer')));
        return undefined;
      }
      const mountPath = str('vaultMountPoint') ?? options.vaultDefaultMountPoint ?? 'kubernetes';
      if (!isVaultMountPath(mountPath)) {
        report(migrateInvalidBackendValue(path, 'spec.vaultMountPoint', mountPath,
          'a Vault auth mount path: segments of letters, digits, "_", "-" and "." separated by "/", never "." or ".." (ESO logs in at auth/<mount>/login)'));
        return undefined;
      }
      const role = str('vaultRole') ?? options.vaultDefaultRole;
      if (role === undefined) {
        report(migrateMissingSetting(path, backendType, 'Vault role (spec.vaultRole, or the controller\'s DEFAULT_VAULT_ROLE)', name('vaultDefaultRole')));
        return undefined;
      }
      if (!isVaultRoleName(role)) {
        report(migrateInvalidBackendValue(path, 'spec.vaultRole', role, 'a Vault role name: letters, digits, "_", "-", "." and "@" (at most 128)'));
        return undefined;
      }
      if (spec.kvVersion !== undefined && spec.kvVersion !== 1 && spec.kvVersion !== 2) {
        report(migrateInvalidBackendValue(path, 'spec.kvVersion', spec.kvVersion, '1 or 2 (the KV secrets engine version)'));
        return undefined;
      }
      const version = spec.kvVersion === 1 ? 'v1' : 'v2';
      return implied([prefix, 'vault', `kv-${version}`, mountPath, role, ...ctl],
        { vault: { server: options.vaultServer, version, auth: { kubernetes: { mountPath, role } } } }, controllerId);
    }
    case 'azureKeyVault': {
      const vault = str('keyVaultName');
      if (vault === undefined) {
        report(migrateUnconvertible(path, 'spec.keyVaultName', spec.keyVaultName, 'a Key Vault name (the KES CRD requires it for azureKeyVault)', 'set spec.keyVaultName'));
        return undefined;
      }
      if (!isKeyVaultName(vault)) {
        // The name becomes the host the controller sends its Entra token to: nothing but a Key Vault name.
        report(migrateInvalidBackendValue(path, 'spec.keyVaultName', vault,
          'a Key Vault name: 3-24 letters, digits and "-", starting with a letter, ending with a letter or digit, no "--" (the store URL is exactly https://<name>.vault.azure.net/)'));
        return undefined;
      }
      return implied([prefix, 'azure-kv', vault, ...ctl], {
        azurekv: {
          vaultUrl: `https://${vault.toLowerCase()}.vault.azure.net/`, authType: 'WorkloadIdentity',
          ...(options.azureTenantId !== undefined ? { tenantId: options.azureTenantId } : {}),
        },
      }, controllerId);
    }
    case 'gcpSecretsManager': {
      const projectId = str('projectId') ?? options.gcpProjectId;
      if (projectId === undefined) {
        report(migrateMissingSetting(path, backendType, 'Google Cloud project (spec.projectId, or the project of the controller\'s service account)', name('gcpProjectId')));
        return undefined;
      }
      if (!isGcpProjectId(projectId)) {
        report(migrateInvalidBackendValue(path, 'spec.projectId', projectId, 'a Google Cloud project ID: 6-30 lowercase letters, digits and "-", starting with a letter'));
        return undefined;
      }
      return implied([prefix, 'gcp-sm', projectId, ...ctl], { gcpsm: { projectID: projectId } }, controllerId);
    }
    case 'akeyless': {
      const a = options.akeyless;
      if (a === undefined) {
        report(migrateMissingSetting(path, backendType, 'Akeyless gateway and access credentials (the controller\'s AKEYLESS_API_ENDPOINT and AKEYLESS_ACCESS_*)', name('akeyless')));
        return undefined;
      }
      const ref = (key: string): Json => ({ name: a.authSecretName, namespace: a.authSecretNamespace, key });
      return implied([prefix, 'akeyless', ...ctl], {
        akeyless: {
          akeylessGWApiURL: a.gatewayUrl,
          authSecretRef: { secretRef: { accessID: ref('accessId'), accessType: ref('accessType'), accessTypeParam: ref('accessTypeParam') } },
        },
      }, controllerId);
    }
    case 'ibmcloudSecretsManager': {
      const i = options.ibm;
      if (i === undefined) {
        report(migrateMissingSetting(path, backendType, 'IBM Cloud Secrets Manager URL and API key (the controller\'s IBM_CLOUD_SECRETS_MANAGER_API_*)', name('ibm')));
        return undefined;
      }
      return implied([prefix, 'ibm-sm', ...ctl], {
        ibm: {
          serviceUrl: i.serviceUrl,
          auth: { secretRef: { secretApiKeySecretRef: { name: i.apiKeySecretName, namespace: i.apiKeySecretNamespace, key: 'apiKey' } } },
        },
      }, controllerId);
    }
    default:
      return undefined;
  }
}

/** `remoteRef` (or `extract`) of one KES data item. */
function remoteRef(item: Json, field: string, backendType: string, spec: Json, path: string, report: Report): Json | undefined {
  if (typeof item.key !== 'string' || item.key === '') {
    report(migrateUnconvertible(path, `${field}.key`, item.key, 'a backend key (string)', 'set key to the name of the secret in the backend'));
    return undefined;
  }
  let key = item.key;
  const ref: Json = {};
  if (backendType === 'ibmcloudSecretsManager') {
    const type = typeof item.secretType === 'string' ? item.secretType : 'arbitrary';
    key = `${type}/${key}`;
  }
  ref.key = key;
  if (item.property !== undefined) {
    if (typeof item.property !== 'string') {
      report(migrateUnconvertible(path, `${field}.property`, item.property, 'a property name (string)', 'set property to a string'));
    } else {
      let property = item.property;
      if (backendType === 'ibmcloudSecretsManager') {
        property = property.replace(/^payload\.?/, '');
      }
      if (property !== '') ref.property = property;
    }
  }
  if (backendType === 'secretsManager') {
    if (item.versionStage !== undefined && item.versionId !== undefined) {
      report(migrateUnconvertible(path, `${field}.versionId`, item.versionId, 'versionStage or versionId, not both (ESO remoteRef.version holds one)', 'keep one of them'));
    }
    if (typeof item.versionId === 'string') ref.version = `uuid/${item.versionId}`;
    else if (typeof item.versionStage === 'string') ref.version = item.versionStage;
  }
  if (backendType === 'gcpSecretsManager' && item.version !== undefined) {
    ref.version = String(item.version);
  }
  if (item.isBinary === true) {
    ref.decodingStrategy = 'Base64';
  }
  void spec;
  return ref;
}

function checkItemFields(item: Json, field: string, allowed: string[], backendType: string, path: string, report: Report): void {
  for (const [k, v] of Object.entries(item)) {
    if (!allowed.includes(k)) {
      report(migrateUnconvertible(path, `${field}.${k}`, v,
        `fields KES reads for backend ${JSON.stringify(backendType)} (${allowed.join(', ')})`,
        'remove the field (KES ignored it for this backend) or convert its meaning by hand'));
    }
  }
}

function convertTemplateValue(value: unknown, field: string, path: string, report: Report, literals: 'keep' | 'refuse'): string | undefined {
  if (typeof value !== 'string') {
    report(migrateUnconvertible(path, field, value, 'a string', 'quote the value'));
    return undefined;
  }
  if (!isLodashTemplate(value)) {
    if (literals === 'refuse' && value !== '') {
      report(migrateLiteralTemplateValue(path, field));
      return undefined;
    }
    return literalGoTemplate(value);
  }
  const go = lodashToGoTemplate(value);
  if (go === undefined) {
    report(migrateLodashTemplate(path, field, value));
  }
  return go;
}

function convertMap(map: unknown, field: string, path: string, report: Report, convert: (v: unknown, f: string) => string | undefined): { [k: string]: string } | undefined {
  if (map === undefined) return undefined;
  if (!isObject(map)) {
    report(migrateUnconvertible(path, field, map, 'a map of strings', 'use key: value pairs'));
    return undefined;
  }
  const out: { [k: string]: string } = {};
  for (const [k, v] of Object.entries(map)) {
    const f = `${field}[${JSON.stringify(k)}]`;
    const c = convert(v, f);
    if (c !== undefined) out[k] = c;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** KES `template` (a partial Secret deep-merged into the generated one) → ESO `target.template`. */
function convertTemplate(spec: Json, path: string, report: Report): Json | undefined {
  const template = spec.template;
  const out: Json = {};
  if (template !== undefined && !isObject(template)) {
    report(migrateUnconvertible(path, 'spec.template', template, 'a partial Secret (type, metadata, data, stringData)', 'use a mapping'));
    return undefined;
  }
  const t = template ?? {};
  const type = t.type ?? spec.type;
  if (type !== undefined) {
    if (typeof type === 'string') out.type = type;
    else report(migrateUnconvertible(path, t.type !== undefined ? 'spec.template.type' : 'spec.type', type, 'a Secret type (string)', 'quote the type'));
  }
  const metadata: Json = {};
  if (t.metadata !== undefined) {
    if (!isObject(t.metadata)) {
      report(migrateUnconvertible(path, 'spec.template.metadata', t.metadata, 'labels and annotations', 'use a mapping'));
    } else {
      for (const [k, v] of Object.entries(t.metadata)) {
        if (k === 'labels' || k === 'annotations') {
          const m = convertMap(v, `spec.template.metadata.${k}`, path, report, (x, f) => convertTemplateValue(x, f, path, report, 'keep'));
          if (m) metadata[k] = m;
        } else {
          report(migrateUnconvertible(path, `spec.template.metadata.${k}`, v,
            'labels and annotations (KES never overrode the other metadata of the generated Secret)', 'remove the field'));
        }
      }
    }
  }
  if (Object.keys(metadata).length > 0) out.metadata = metadata;
  const data: { [k: string]: string } = {};
  // KES template.data holds base64 literals only: values in Git, never converted.
  convertMap(t.data, 'spec.template.data', path, report, (v, f) => {
    if (typeof v === 'string' && !isLodashTemplate(v)) report(migrateLiteralTemplateValue(path, f));
    else report(migrateUnconvertible(path, f, typeof v === 'string' ? new DescribedValue('a lodash template') : describeType(v),
      'a literal base64 value (KES decoded it into the Secret)', 'reference the value through stringData and <%= data.KEY %>, or write the ESO template by hand'));
    return undefined;
  });
  Object.assign(data, convertMap(t.stringData, 'spec.template.stringData', path, report, (v, f) => convertTemplateValue(v, f, path, report, 'refuse')) ?? {});
  if (Object.keys(data).length > 0) {
    out.data = Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
    // KES deep-merged the template into the fetched data; ESO replaces it unless told to merge.
    out.mergePolicy = 'Merge';
  }
  for (const [k, v] of Object.entries(t)) {
    if (!['type', 'metadata', 'data', 'stringData'].includes(k)) {
      report(migrateUnconvertible(path, `spec.template.${k}`, v, 'type, metadata, data and stringData (what an ESO template sets on the Secret)', 'remove the field'));
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Converts one KES `kubernetes-client.io/v1` ExternalSecret. Reports every field it cannot convert;
 * returns no ExternalSecret when the backend cannot be served.
 */
export function convertKesExternalSecret(obj: Json, path: string, options: MigrateOptions, report: Report, name: OptionName): KesConversion {
  const spec: Json = isObject(obj.spec) ? obj.spec : isObject(obj.secretDescriptor) ? obj.secretDescriptor : {};
  for (const k of Object.keys(obj)) {
    if (!['apiVersion', 'kind', 'metadata', 'spec', 'secretDescriptor', 'status'].includes(k)) {
      report(migrateUnknownField(path, k, obj[k]));
    }
  }
  const backendType = spec.backendType === 'secretManager' ? 'secretsManager' : spec.backendType;
  const backend = typeof backendType === 'string' ? BACKENDS[backendType] : undefined;
  if (backend === undefined) {
    report(migrateUnconvertible(path, 'spec.backendType', spec.backendType, `one of the KES backends (${Object.keys(BACKENDS).join(', ')})`, 'set backendType'));
    return {};
  }
  if ('none' in backend) {
    report(migrateBackendWithoutProvider(path, backendType as string, backend.none));
    return {};
  }
  const bt = backendType as string;
  for (const [k, v] of Object.entries(spec)) {
    if (!(k in SPEC_FIELDS)) {
      report(migrateUnknownField(path, `spec.${k}`, v));
    } else if (SPEC_FIELDS[k] !== undefined && !SPEC_FIELDS[k]!.includes(bt)) {
      report(migrateUnconvertible(path, `spec.${k}`, v, `fields KES reads for backend ${JSON.stringify(bt)}`, 'remove the field (KES ignored it for this backend)'));
    }
  }
  if (bt === 'ibmcloudSecretsManager' && spec.keyByName === true) {
    report(migrateUnconvertible(path, 'spec.keyByName', true,
      'secret IDs: KES looked names up across every secret group, ESO resolves a name only inside one group (<group>/<type>/<name>, the default group when no group is given); the keys are converted as <type>/<name>',
      'check that the secrets are in the default group, or prefix each key with its secret group'));
  }
  const store = storeFor(spec, bt, path, options, report, name);
  if (store === undefined) {
    return {};
  }

  const data: Json[] = [];
  const dataFrom: Json[] = [];
  // KES precedence: dataFrom, then dataFromWithOptions, then data (later wins); ESO merges dataFrom
  // entries in order and lets data override them, which is the same order.
  const fromStrings = spec.dataFrom;
  if (fromStrings !== undefined) {
    if (!Array.isArray(fromStrings)) {
      report(migrateUnconvertible(path, 'spec.dataFrom', fromStrings, 'a list of backend keys', 'use a list'));
    } else {
      fromStrings.forEach((key, i) => {
        const ref = remoteRef({ key }, `spec.dataFrom[${i}]`, bt, spec, path, report);
        if (ref) dataFrom.push({ extract: ref });
      });
    }
  }
  const withOptions = spec.dataFromWithOptions;
  if (withOptions !== undefined) {
    if (!Array.isArray(withOptions)) {
      report(migrateUnconvertible(path, 'spec.dataFromWithOptions', withOptions, 'a list of { key, isBinary, versionStage, versionId }', 'use a list'));
    } else {
      withOptions.forEach((item, i) => {
        const f = `spec.dataFromWithOptions[${i}]`;
        if (!isObject(item)) {
          report(migrateUnconvertible(path, f, item, 'an object with key', 'use { key: … }'));
          return;
        }
        checkItemFields(item, f, ['key', 'isBinary', ...(bt === 'secretsManager' ? ['versionStage', 'versionId'] : [])], bt, path, report);
        const ref = remoteRef(item, f, bt, spec, path, report);
        if (ref) dataFrom.push({ extract: ref });
      });
    }
  }
  const items = spec.data ?? spec.properties;
  const itemsField = spec.data !== undefined ? 'spec.data' : 'spec.properties';
  if (items !== undefined) {
    if (!Array.isArray(items)) {
      report(migrateUnconvertible(path, itemsField, items, 'a list of { key, name, … }', 'use a list'));
    } else {
      items.forEach((item, i) => {
        const f = `${itemsField}[${i}]`;
        if (!isObject(item)) {
          report(migrateUnconvertible(path, f, item, 'an object with key and name, or path', 'use { key: …, name: … }'));
          return;
        }
        checkItemFields(item, f, backend.dataFields, bt, path, report);
        if (item.path !== undefined && bt === 'systemManager') {
          if (typeof item.path !== 'string' || item.path === '') {
            report(migrateUnconvertible(path, `${f}.path`, item.path, 'an SSM path (string)', 'set path'));
            return;
          }
          if (item.path.replace(/\//g, '').trim() === '') {
            report(migrateWholeStoreFind(path, `${f}.path`, item.path));
            return;
          }
          const prefix = item.path.endsWith('/') ? item.path : `${item.path}/`;
          const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          // KES names each key after the parameter below the path; ESO returns full names, so a
          // rewrite strips the path, and a name filter keeps only direct children unless recursive.
          dataFrom.push({
            find: { path: item.path, name: { regexp: item.recursive === true ? `^${escaped}.+$` : `^${escaped}[^/]+$` } },
            rewrite: [{ regexp: { source: `^${escaped}(.*)$`, target: '$1' } }],
          });
          if (item.key !== undefined || item.name !== undefined) {
            report(migrateUnconvertible(path, `${f}.key`, item.key, 'either path or key/name in one data item', 'split the item in two'));
          }
          return;
        }
        if (typeof item.name !== 'string' || item.name === '') {
          report(migrateUnconvertible(path, `${f}.name`, item.name, 'the key in the generated Secret (string)', 'set name'));
          return;
        }
        const ref = remoteRef(item, f, bt, spec, path, report);
        if (ref) data.push({ secretKey: item.name, remoteRef: ref });
      });
    }
  }
  const template = convertTemplate(spec, path, report);
  const converted = convertMetadata(obj, path, report);
  const namespace = converted.namespace ?? options.namespace;
  if (namespace === undefined) {
    report(migrateNamespaceUnknown(path, name('namespace')));
  }
  const metadata = { ...converted, ...(namespace !== undefined ? { namespace } : {}) };
  const esSpec: Json = {
    ...(options.refreshInterval !== undefined ? { refreshInterval: options.refreshInterval } : {}),
    secretStoreRef: { kind: 'ClusterSecretStore', name: store.baseName },
    target: { name: metadata.name, ...(template ? { template } : {}) },
    ...(data.length > 0 ? { data } : {}),
    ...(dataFrom.length > 0 ? { dataFrom } : {}),
  };
  return {
    store,
    externalSecret: { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata, spec: esSpec },
  };
}
