import { migrateNoTypedConstruct } from '../core/errors';
import { assertType } from '../core/validation';
import { ManifestObject, MigrationIssue } from './types';

/**
 * An expression of a construct plan: how one prop value is built with the library's API. The same
 * plan is printed as TypeScript ({@link renderTypeScript}) and evaluated into constructs
 * (`loadMigratedManifests`), so the generated module and the round trip cannot disagree.
 */
export type PlanExpression =
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'object'; readonly entries: ReadonlyArray<readonly [string, PlanExpression]> }
  | { readonly kind: 'array'; readonly items: readonly PlanExpression[] }
  /** A call of a static factory of the library: `callee` is `Class.method`. */
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly PlanExpression[] }
  /** A static member of the library: `Class.MEMBER` (enum members, SecretType constants). */
  | { readonly kind: 'member'; readonly target: string }
  /** The scope the constructs are created in. */
  | { readonly kind: 'scope' }
  /** A construct created by an earlier statement. */
  | { readonly kind: 'variable'; readonly name: string };

/** One construct to create: `const <variable> = new <construct>(scope, <id>, <props>)`. */
export interface PlanStatement {
  /** Variable name (unique in the plan). */
  readonly variable: string;
  /** The library construct class. */
  readonly construct: 'ClusterSecretStore' | 'SecretStore' | 'ExternalSecret' | 'ClusterExternalSecret';
  /** Construct id. */
  readonly id: string;
  /** The props. */
  readonly props: PlanExpression;
}

/** Options of {@link planConstructs}. */
export interface PlanOptions {
  /**
   * Plan `http://` Vault servers with the provider's `allowInsecureHttp: true` (the opt-in the
   * migration was given with `allowInsecureHttp` / `--allow-insecure-http`).
   * @default false - an http:// Vault store is refused by the construct, as a declared one is
   */
  readonly allowInsecureHttp?: boolean;
}

/** The constructs that render a set of ESO v1 objects. */
export interface ConstructPlan {
  /** The statements, in dependency order (stores first). */
  readonly statements: PlanStatement[];
  /** Objects (or fields) the typed constructs cannot express; they stay YAML-only. */
  readonly issues: MigrationIssue[];
}

type Json = { [key: string]: unknown };

const lit = (value: string | number | boolean): PlanExpression => ({ kind: 'literal', value });
const call = (callee: string, ...args: PlanExpression[]): PlanExpression => ({ kind: 'call', callee, args });
const member = (target: string): PlanExpression => ({ kind: 'member', target });

/** Enum values of lib/k8s as YAML writes them → the TypeScript member. */
const ENUMS: { [enumName: string]: { [value: string]: string } } = {
  DecodingStrategy: { Auto: 'AUTO', Base64: 'BASE64', Base64URL: 'BASE64_URL', None: 'NONE' },
  ConversionStrategy: { Default: 'DEFAULT', Unicode: 'UNICODE' },
  MetadataPolicy: { None: 'NONE', Fetch: 'FETCH' },
  NullBytePolicy: { Ignore: 'IGNORE', Fail: 'FAIL' },
  CreationPolicy: { Owner: 'OWNER', Orphan: 'ORPHAN', Merge: 'MERGE', None: 'NONE', CreateOrMerge: 'CREATE_OR_MERGE' },
  DeletionPolicy: { Delete: 'DELETE', Merge: 'MERGE', Retain: 'RETAIN' },
  TemplateMergePolicy: { Replace: 'REPLACE', Merge: 'MERGE' },
  VaultKvVersion: { v1: 'V1', v2: 'V2' },
};

const SECRET_TYPES: { [type: string]: string } = {
  'Opaque': 'OPAQUE', 'kubernetes.io/dockerconfigjson': 'DOCKER_CONFIG_JSON', 'kubernetes.io/tls': 'TLS',
  'kubernetes.io/basic-auth': 'BASIC_AUTH', 'kubernetes.io/ssh-auth': 'SSH_AUTH',
};

/**
 * The library symbols a plan may name, with the subpath entry point that exports each (the generated
 * module imports them from there, never from the package root).
 * @internal
 */
export const PLAN_SYMBOLS: { readonly [name: string]: 'core' | 'k8s' } = {
  Duration: 'core', Rewrite: 'k8s', SecretType: 'k8s', SecretStoreProvider: 'k8s', VaultAuth: 'k8s', AzureKeyVaultAuth: 'k8s',
  ClusterSecretStore: 'k8s', SecretStore: 'k8s', ExternalSecret: 'k8s', ClusterExternalSecret: 'k8s',
  ...Object.fromEntries(Object.keys(ENUMS).map((e) => [e, 'k8s' as const])),
};

/** The static factories a plan may call (a whitelist: a crafted plan names nothing else). */
const PLAN_CALLEES = new Set([
  'AzureKeyVaultAuth.controllerWorkloadIdentity', 'ClusterSecretStore.fromClusterSecretStoreName', 'Duration.parse', 'Duration.seconds',
  'Rewrite.regexp', 'Rewrite.transform', 'SecretStore.fromSecretStoreName', 'SecretStoreProvider.awsSecretsManager',
  'SecretStoreProvider.awsParameterStore', 'SecretStoreProvider.azureKeyVault', 'SecretStoreProvider.googleSecretManager',
  'SecretStoreProvider.vault', 'SecretType.of', 'VaultAuth.kubernetes',
]);

/** The static members a plan may name: enum members and SecretType constants. */
const PLAN_MEMBERS = new Set([
  ...Object.entries(ENUMS).flatMap(([e, values]) => Object.values(values).map((m) => `${e}.${m}`)),
  ...Object.values(SECRET_TYPES).map((m) => `SecretType.${m}`),
]);

/** The constructs a plan statement may create. */
const PLAN_CONSTRUCTS = new Set(['ClusterSecretStore', 'SecretStore', 'ExternalSecret', 'ClusterExternalSecret']);

/** Variable names a plan may declare: `<kind>_<name>` as {@link planConstructs} derives them (never a keyword). */
const PLAN_VARIABLE = /^[a-z][A-Za-z0-9]*_[A-Za-z0-9_]*$/;

/**
 * Checks a plan against the whitelists before it is printed or evaluated: only the library's own
 * factories, members and constructs, variables declared by earlier statements, finite numbers.
 * Returns a description of the first violation, or undefined.
 * @internal
 */
export function planViolation(plan: ConstructPlan): string | undefined {
  const declared = new Set<string>();
  const check = (expr: PlanExpression, at: string): string | undefined => {
    switch (expr.kind) {
      case 'literal':
        if (typeof expr.value === 'number' && !Number.isFinite(expr.value)) return `${at}: a number that is not finite`;
        return ['string', 'number', 'boolean'].includes(typeof expr.value) ? undefined : `${at}: a literal that is not a string, number or boolean`;
      case 'member':
        return PLAN_MEMBERS.has(expr.target) ? undefined : `${at}: member ${JSON.stringify(expr.target)} is not one the library exports`;
      case 'call':
        if (!PLAN_CALLEES.has(expr.callee)) return `${at}: callee ${JSON.stringify(expr.callee)} is not a factory the library exports`;
        return expr.args.map((a, i) => check(a, `${at}.args[${i}]`)).find((v) => v !== undefined);
      case 'scope':
        return undefined;
      case 'variable':
        return declared.has(expr.name) ? undefined : `${at}: variable ${JSON.stringify(expr.name)} is not declared by an earlier statement`;
      case 'array':
        return expr.items.map((item, i) => check(item, `${at}[${i}]`)).find((v) => v !== undefined);
      case 'object':
        return expr.entries.map(([k, v]) => (typeof k === 'string' ? check(v, `${at}.${k}`) : `${at}: a key that is not a string`)).find((v) => v !== undefined);
      default:
        return `${at}: an expression of unknown kind`;
    }
  };
  for (const [i, s] of plan.statements.entries()) {
    const at = `statements[${i}]`;
    if (!PLAN_CONSTRUCTS.has(s.construct)) return `${at}.construct: ${JSON.stringify(s.construct)} is not a construct of the plan`;
    if (typeof s.variable !== 'string' || !PLAN_VARIABLE.test(s.variable) || declared.has(s.variable)) {
      return `${at}.variable: ${JSON.stringify(s.variable)} is not a new variable name of the form <kind>_<name>`;
    }
    if (typeof s.id !== 'string') return `${at}.id: not a string`;
    const v = check(s.props, `${at}.props`);
    if (v !== undefined) return v;
    declared.add(s.variable);
  }
  return undefined;
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Thrown inside the planner for a field with no typed equivalent. */
class Untyped extends Error {
  constructor(public readonly field: string, public readonly detail: string) {
    super(detail);
  }
}

class Planner {
  private readonly entries: Array<[string, PlanExpression]> = [];
  constructor(private readonly json: Json, private readonly field: string) {}

  /** Marks every key of the JSON object as handled, or throws for the first unhandled one. */
  public done(handled: readonly string[]): PlanExpression {
    for (const k of Object.keys(this.json)) {
      if (!handled.includes(k)) {
        throw new Untyped(`${this.field}.${k}`, 'no typed prop for this field');
      }
    }
    return { kind: 'object', entries: this.entries };
  }

  /** Adds every entry of a planned object. */
  public merge(expr: PlanExpression): this {
    if (expr.kind === 'object') expr.entries.forEach(([k, v]) => this.set(k, v));
    return this;
  }

  public set(prop: string, value: PlanExpression | undefined): this {
    if (value !== undefined) this.entries.push([prop, value]);
    return this;
  }

  public str(key: string, prop = key): this {
    const v = this.json[key];
    if (v === undefined) return this;
    if (typeof v !== 'string') throw new Untyped(`${this.field}.${key}`, 'not a string');
    return this.set(prop, lit(v));
  }

  public enumValue(key: string, enumName: string, prop = key): this {
    const v = this.json[key];
    if (v === undefined) return this;
    const m = typeof v === 'string' ? ENUMS[enumName][v] : undefined;
    if (m === undefined) throw new Untyped(`${this.field}.${key}`, `not a ${enumName} value`);
    return this.set(prop, member(`${enumName}.${m}`));
  }

  public stringMap(key: string, prop = key): this {
    const v = this.json[key];
    if (v === undefined) return this;
    if (!isObject(v) || Object.values(v).some((x) => typeof x !== 'string')) throw new Untyped(`${this.field}.${key}`, 'not a map of strings');
    return this.set(prop, { kind: 'object', entries: Object.entries(v).map(([k, x]) => [k, lit(x as string)] as const) });
  }

  public strings(key: string, prop = key): this {
    const v = this.json[key];
    if (v === undefined) return this;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Untyped(`${this.field}.${key}`, 'not a list of strings');
    return this.set(prop, { kind: 'array', items: v.map((x) => lit(x as string)) });
  }

  public nested(key: string, plan: (json: Json, field: string) => PlanExpression, prop = key): this {
    const v = this.json[key];
    if (v === undefined) return this;
    if (!isObject(v)) throw new Untyped(`${this.field}.${key}`, 'not an object');
    return this.set(prop, plan(v, `${this.field}.${key}`));
  }

  public list(key: string, plan: (json: Json, field: string) => PlanExpression, prop = key): this {
    const v = this.json[key];
    if (v === undefined) return this;
    if (!Array.isArray(v)) throw new Untyped(`${this.field}.${key}`, 'not a list');
    return this.set(prop, {
      kind: 'array',
      items: v.map((x, i) => {
        if (!isObject(x)) throw new Untyped(`${this.field}.${key}[${i}]`, 'not an object');
        return plan(x, `${this.field}.${key}[${i}]`);
      }),
    });
  }
}

function remoteRefPlan(json: Json, field: string): PlanExpression {
  return new Planner(json, field).str('key').str('property').str('version')
    .enumValue('decodingStrategy', 'DecodingStrategy').enumValue('conversionStrategy', 'ConversionStrategy')
    .enumValue('metadataPolicy', 'MetadataPolicy').enumValue('nullBytePolicy', 'NullBytePolicy')
    .done(['key', 'property', 'version', 'decodingStrategy', 'conversionStrategy', 'metadataPolicy', 'nullBytePolicy']);
}

function dataPlan(json: Json, field: string): PlanExpression {
  return new Planner(json, field).str('secretKey').nested('remoteRef', remoteRefPlan).done(['secretKey', 'remoteRef']);
}

function findPlan(json: Json, field: string): PlanExpression {
  const p = new Planner(json, field).str('path');
  const name = json.name;
  if (name !== undefined) {
    if (!isObject(name) || typeof name.regexp !== 'string' || Object.keys(name).length !== 1) throw new Untyped(`${field}.name`, 'not { regexp }');
    p.set('nameRegexp', lit(name.regexp));
  }
  return p.stringMap('tags').enumValue('conversionStrategy', 'ConversionStrategy').enumValue('decodingStrategy', 'DecodingStrategy')
    .enumValue('nullBytePolicy', 'NullBytePolicy')
    .done(['path', 'name', 'tags', 'conversionStrategy', 'decodingStrategy', 'nullBytePolicy']);
}

function rewritePlan(json: Json, field: string): PlanExpression {
  if (isObject(json.regexp) && Object.keys(json).length === 1) {
    return call('Rewrite.regexp', new Planner(json.regexp, `${field}.regexp`).str('source').str('target').done(['source', 'target']));
  }
  if (isObject(json.transform) && Object.keys(json).length === 1 && typeof json.transform.template === 'string') {
    return call('Rewrite.transform', lit(json.transform.template));
  }
  throw new Untyped(field, 'only regexp and transform rewrites have a typed factory here');
}

function dataFromPlan(json: Json, field: string): PlanExpression {
  return new Planner(json, field).nested('extract', remoteRefPlan).nested('find', findPlan)
    .list('rewrite', rewritePlan).done(['extract', 'find', 'rewrite']);
}

function templatePlan(json: Json, field: string): PlanExpression {
  const p = new Planner(json, field);
  if (json.type !== undefined) {
    if (typeof json.type !== 'string') throw new Untyped(`${field}.type`, 'not a string');
    p.set('type', SECRET_TYPES[json.type] ? member(`SecretType.${SECRET_TYPES[json.type]}`) : call('SecretType.of', lit(json.type)));
  }
  // The library always renders engine v2 (v1 was removed from ESO); any other value has no typed prop.
  if (json.engineVersion !== undefined && json.engineVersion !== 'v2') throw new Untyped(`${field}.engineVersion`, 'only engine v2 is rendered by the library');
  return p.stringMap('data').nested('metadata', (m, f) => new Planner(m, f).stringMap('labels').stringMap('annotations').done(['labels', 'annotations']))
    .enumValue('mergePolicy', 'TemplateMergePolicy').done(['type', 'data', 'metadata', 'mergePolicy', 'engineVersion']);
}

function targetPlan(json: Json, field: string): PlanExpression {
  const p = new Planner(json, field).str('name').enumValue('creationPolicy', 'CreationPolicy').enumValue('deletionPolicy', 'DeletionPolicy');
  if (json.immutable !== undefined) {
    if (typeof json.immutable !== 'boolean') throw new Untyped(`${field}.immutable`, 'not a boolean');
    p.set('immutable', lit(json.immutable));
  }
  return p.nested('template', templatePlan).done(['name', 'creationPolicy', 'deletionPolicy', 'immutable', 'template']);
}

function duration(json: Json, key: string, field: string, planner: Planner): void {
  const v = json[key];
  if (v === undefined) return;
  if (typeof v !== 'string') throw new Untyped(`${field}.${key}`, 'not a duration string');
  planner.set(key, call('Duration.parse', lit(v)));
}

function providerPlan(json: Json, field: string, options: PlanOptions): PlanExpression {
  const keys = Object.keys(json);
  if (keys.length !== 1) throw new Untyped(field, 'not exactly one provider');
  const name = keys[0];
  const v = json[name];
  if (!isObject(v)) throw new Untyped(`${field}.${name}`, 'not an object');
  const f = `${field}.${name}`;
  switch (name) {
    case 'aws': {
      if (v.service !== 'SecretsManager' && v.service !== 'ParameterStore') throw new Untyped(`${f}.service`, 'no typed factory for this service');
      const props = new Planner(v, f).str('region').str('role').str('externalId').str('prefix').strings('additionalRoles')
        .done(['service', 'region', 'role', 'externalId', 'prefix', 'additionalRoles']);
      return call(v.service === 'SecretsManager' ? 'SecretStoreProvider.awsSecretsManager' : 'SecretStoreProvider.awsParameterStore', props);
    }
    case 'vault': {
      const auth = isObject(v.auth) ? v.auth : undefined;
      const k8s = auth && isObject(auth.kubernetes) && Object.keys(auth).length === 1 ? auth.kubernetes : undefined;
      if (!k8s) throw new Untyped(`${f}.auth`, 'only Kubernetes auth has a typed factory here');
      const authExpr = call('VaultAuth.kubernetes', new Planner(k8s, `${f}.auth.kubernetes`).str('role').str('mountPath').done(['role', 'mountPath']));
      const insecure = options.allowInsecureHttp === true && typeof v.server === 'string' && v.server.startsWith('http://');
      return call('SecretStoreProvider.vault', new Planner(v, f).str('server').set('allowInsecureHttp', insecure ? lit(true) : undefined).str('path')
        .enumValue('version', 'VaultKvVersion').str('namespace').str('caBundle').set('auth', authExpr)
        .done(['server', 'path', 'version', 'namespace', 'caBundle', 'auth']));
    }
    case 'azurekv': {
      if (v.authType !== 'WorkloadIdentity' || v.serviceAccountRef !== undefined) throw new Untyped(`${f}.authType`, 'only the controller\'s workload identity has a typed factory here');
      return call('SecretStoreProvider.azureKeyVault', new Planner(v, f).str('vaultUrl').str('tenantId')
        .set('auth', call('AzureKeyVaultAuth.controllerWorkloadIdentity')).done(['vaultUrl', 'tenantId', 'authType']));
    }
    case 'gcpsm':
      return call('SecretStoreProvider.googleSecretManager', new Planner(v, f).str('projectID', 'projectId').str('location').done(['projectID', 'location']));
    default:
      throw new Untyped(f, 'the library has no typed factory for this provider');
  }
}

/** The ExternalSecretSpecOptions props of an ExternalSecret spec (also a ClusterExternalSecret's externalSecretSpec). */
function specOptionsPlan(spec: Json, field: string, store: PlanExpression): PlanExpression {
  const p = new Planner(spec, field).set('store', store);
  duration(spec, 'refreshInterval', field, p);
  return p.nested('target', targetPlan).list('data', dataPlan).list('dataFrom', dataFromPlan)
    .done(['secretStoreRef', 'refreshInterval', 'target', 'data', 'dataFrom']);
}

function variableName(kind: string, name: string, used: Set<string>): string {
  const base = `${kind.charAt(0).toLowerCase()}${kind.slice(1)}_${name}`.replace(/[^A-Za-z0-9_]+/g, '_');
  let v = base;
  for (let i = 2; used.has(v); i++) v = `${base}_${i}`;
  used.add(v);
  return v;
}

/**
 * Plans the library constructs that render the given ESO v1 objects (stores, ExternalSecrets,
 * ClusterExternalSecrets). Objects the typed API cannot express are reported and left out of the plan
 * (their YAML stays the output of record).
 */
export function planConstructs(objects: readonly ManifestObject[], source = 'migration', options: PlanOptions = {}): ConstructPlan {
  assertType('planConstructs', 'objects', objects, { arrayOf: { shape: { apiVersion: 'string', kind: 'string', metadata: 'object' }, name: 'a Kubernetes object' } });
  const statements: PlanStatement[] = [];
  const issues: MigrationIssue[] = [];
  const used = new Set<string>();
  const stores = new Map<string, string>();
  const ordered = [...objects].sort((a, b) => Number(!a.kind.endsWith('SecretStore')) - Number(!b.kind.endsWith('SecretStore')));
  for (const obj of ordered) {
    if (obj.apiVersion !== 'external-secrets.io/v1') continue;
    const spec = isObject(obj.spec) ? obj.spec : {};
    const md = obj.metadata;
    const objectName = `${obj.apiVersion} ${obj.kind} ${md.namespace ? `${md.namespace}/` : ''}${md.name}`;
    try {
      const p = new Planner(spec, 'spec');
      p.set('name', lit(md.name));
      if (md.namespace !== undefined && obj.kind !== 'ClusterSecretStore' && obj.kind !== 'ClusterExternalSecret') p.set('namespace', lit(md.namespace));
      const metaPlanner = new Planner(md as Json, 'metadata').stringMap('labels').stringMap('annotations');
      metaPlanner.done(['name', 'namespace', 'labels', 'annotations']);
      if (md.labels) p.set('labels', { kind: 'object', entries: Object.entries(md.labels).map(([k, v]) => [k, lit(v)] as const) });
      if (md.annotations) p.set('annotations', { kind: 'object', entries: Object.entries(md.annotations).map(([k, v]) => [k, lit(v)] as const) });
      let handled: string[];
      switch (obj.kind) {
        case 'SecretStore':
        case 'ClusterSecretStore': {
          p.nested('provider', (json, field) => providerPlan(json, field, options)).str('controller');
          if (obj.kind === 'ClusterSecretStore') {
            p.list('conditions', (c, f) => new Planner(c, f).strings('namespaces').strings('namespaceRegexes')
              .nested('namespaceSelector', (sel, sf) => new Planner(sel, sf).stringMap('matchLabels').done(['matchLabels']))
              .done(['namespaces', 'namespaceRegexes', 'namespaceSelector']));
          }
          if (spec.refreshInterval !== undefined) {
            if (typeof spec.refreshInterval !== 'number') throw new Untyped('spec.refreshInterval', 'not a number of seconds');
            p.set('refreshInterval', call('Duration.seconds', lit(spec.refreshInterval)));
          }
          handled = ['provider', 'controller', 'refreshInterval', ...(obj.kind === 'ClusterSecretStore' ? ['conditions'] : [])];
          break;
        }
        case 'ExternalSecret':
        case 'ClusterExternalSecret': {
          const esSpec = obj.kind === 'ExternalSecret' ? spec : isObject(spec.externalSecretSpec) ? spec.externalSecretSpec : undefined;
          if (!esSpec) throw new Untyped('spec.externalSecretSpec', 'missing');
          const ref = isObject(esSpec.secretStoreRef) ? esSpec.secretStoreRef : undefined;
          if (!ref || typeof ref.name !== 'string') throw new Untyped('spec.secretStoreRef', 'missing store name');
          const kind = ref.kind === 'ClusterSecretStore' ? 'ClusterSecretStore' : 'SecretStore';
          const ns = kind === 'SecretStore' ? md.namespace : undefined;
          const known = stores.get(`${kind}/${ns ?? ''}/${ref.name}`);
          const store: PlanExpression = known !== undefined ? { kind: 'variable', name: known }
            : kind === 'ClusterSecretStore'
              ? call('ClusterSecretStore.fromClusterSecretStoreName', { kind: 'scope' }, lit(`${md.name}-store`), lit(ref.name))
              : call('SecretStore.fromSecretStoreName', { kind: 'scope' }, lit(`${md.name}-store`), lit(ref.name), ...(ns !== undefined ? [lit(ns)] : []));
          if (obj.kind === 'ExternalSecret') {
            p.merge(specOptionsPlan(esSpec, 'spec', store));
            handled = ['secretStoreRef', 'refreshInterval', 'target', 'data', 'dataFrom'];
          } else {
            p.merge(specOptionsPlan(esSpec, 'spec.externalSecretSpec', store));
            p.list('namespaceSelectors', (s, f) => new Planner(s, f).stringMap('matchLabels').done(['matchLabels']))
              .str('externalSecretName');
            duration(spec, 'refreshTime', 'spec', p);
            const esMeta = isObject(spec.externalSecretMetadata) ? spec.externalSecretMetadata : undefined;
            if (esMeta) {
              const m = new Planner(esMeta, 'spec.externalSecretMetadata').stringMap('labels', 'externalSecretLabels')
                .stringMap('annotations', 'externalSecretAnnotations').done(['labels', 'annotations']);
              p.merge(m);
            }
            handled = ['externalSecretSpec', 'namespaceSelectors', 'externalSecretName', 'refreshTime', 'externalSecretMetadata'];
          }
          break;
        }
        default:
          continue;
      }
      const props = p.done(handled);
      const variable = variableName(obj.kind, md.name, used);
      if (obj.kind.endsWith('SecretStore')) {
        stores.set(`${obj.kind}/${obj.kind === 'SecretStore' ? md.namespace ?? '' : ''}/${md.name}`, variable);
      }
      statements.push({ variable, construct: obj.kind as PlanStatement['construct'], id: `${obj.kind}-${md.namespace ? `${md.namespace}-` : ''}${md.name}`, props });
    } catch (e) {
      if (!(e instanceof Untyped)) throw e;
      issues.push({ source, object: objectName, field: e.field, message: migrateNoTypedConstruct(objectName, e.field, e.detail).message });
    }
  }
  return { statements, issues };
}
