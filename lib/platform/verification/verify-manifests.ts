/**
 * The cdk8s side of output verification: a validation of `SecretsPlatformManifests` that reads back the
 * objects it emitted (each `ApiObject` resolved as the YAML holds it) and compares them with the plan:
 *
 * - stores: one per declared store (and namespace), the `serviceAccountRef`s of its provider exactly the
 *   planned service account (or none where the controller's own identity is used), the backend's
 *   identity fields (role, auth mount, vault URL, …) as planned, ClusterSecretStore `conditions` exactly
 *   the planned namespaces (CES-VER-12, 17);
 * - service accounts: identity annotations exactly those of the planned identity (CES-VER-13);
 * - tenant RBAC: each RoleBinding binds only the tenant's declared groups, in a tenant namespace, to the
 *   tenant's Role, whose rules are the tenant rules (CES-VER-14);
 * - ExternalSecrets and PushSecrets: one per declaration, through the planned store, reading (writing)
 *   only the declared remote keys, finds and generators (CES-VER-15, 16).
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  ClusterDeclaration, DeclarationPlan, EsoAuthModel, ExternalSecretDeclaration, GeneratedSecretDeclaration, IdentityPlan, PushSecretDeclaration, SecretsDeclaration,
  StoreDeclaration, StoreScope, TenantDeclaration, anchor,
} from '../../core/declaration';
import { validationMessage } from '../../core/errors/format';
import { generatedEntry } from '../generated-secrets';
import { IdentityAnnotations } from '../../core/identity';
import { OutputFinding, OutputRule, OutputRules, outputMismatch } from './output-rules';

type Json = Record<string, unknown>;

/** What the manifests construct gives the verification. */
export interface ManifestVerification {
  /** The `SecretsPlatformManifests` (its objects are read back). */
  readonly scope: IConstruct;
  /** The declaration, its plan and the rendered cluster. */
  readonly declaration: SecretsDeclaration;
  readonly plan: DeclarationPlan;
  readonly cluster: ClusterDeclaration;
  /** ExternalSecrets and PushSecrets rendered on the cluster. */
  readonly externalSecrets: readonly ExternalSecretDeclaration[];
  readonly pushSecrets: readonly PushSecretDeclaration[];
  /** ExternalSecrets of only generated values rendered on the cluster. */
  readonly generatedSecrets: readonly GeneratedSecretDeclaration[];
  /** Tenant RBAC constructs, by tenant. */
  readonly tenants: ReadonlyArray<{ readonly tenant: TenantDeclaration; readonly scope: IConstruct; readonly namespaces: readonly string[] }>;
  /** The key ESO uses for a declared secret in a store's backend. */
  remoteKey(store: StoreDeclaration, secret: { readonly name: string }): string;
  /** The annotations the planned identity puts on its service account (`undefined` when not known before apply). */
  annotations(identity: IdentityPlan): Readonly<Record<string, string>> | undefined;
  /** Backend identity fields of a store's provider block: dotted path under `spec.provider` → planned value. */
  identityFields(store: StoreDeclaration, identity: IdentityPlan): Readonly<Record<string, unknown>>;
}

const IDENTITY_ANNOTATION_KEYS: ReadonlySet<string> = new Set(Object.values(IdentityAnnotations));
const ESO_GROUP = 'external-secrets.io';
const MANAGE = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const READ = ['get', 'list', 'watch'];

function objectKey(kind: string, namespace: unknown, name: unknown): string {
  return `${kind} ${typeof namespace === 'string' ? `${namespace}/` : ''}${String(name)}`;
}

function metadata(json: Json): { readonly name?: unknown; readonly namespace?: unknown; readonly annotations?: Record<string, unknown> } {
  return (json.metadata ?? {}) as { name?: unknown; namespace?: unknown; annotations?: Record<string, unknown> };
}

/** Every object under a value (depth-bounded) whose key matches, with the dotted path to it. */
function refsNamed(value: unknown, match: (key: string) => boolean, path = '', depth = 0, found: Array<{ path: string; ref: Json }> = []): Array<{ path: string; ref: Json }> {
  if (depth > 16 || typeof value !== 'object' || value === null) {
    return found;
  }
  for (const [key, child] of Object.entries(value as Json)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (match(key) && typeof child === 'object' && child !== null) {
      found.push({ path: childPath, ref: child as Json });
    }
    refsNamed(child, match, childPath, depth + 1, found);
  }
  return found;
}

function at(value: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Json)[k] : undefined), value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shown(value: unknown): string {
  return value === undefined ? 'no value' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Validation messages for every difference between the emitted objects and the plan. */
export function verifyManifests(input: ManifestVerification): string[] {
  const objects = input.scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  const byKey = new Map<string, Json>();
  const byConstruct = new Map<IConstruct, Json>();
  for (const object of objects) {
    const json = object.toJson() as Json;
    byConstruct.set(object, json);
    byKey.set(objectKey(String(json.kind), metadata(json).namespace, metadata(json).name), json);
  }
  const findings: OutputFinding[] = [];
  const add = (rule: OutputRule, subject: string, where: string, emitted: string, allowed: string) => findings.push({ rule, subject, where, emitted, allowed });
  const { declaration, plan, cluster } = input;
  const controllerNs = declaration.esoController.namespace;

  // Stores.
  const storeObjects = new Map<string, { readonly store: StoreDeclaration; readonly kind: string; readonly namespace?: string }>();
  for (const store of declaration.stores.filter((s) => declaration.clustersOfStore(s).includes(cluster))) {
    const cluster_ = store.scope === StoreScope.CLUSTER;
    const namespaces = cluster_ ? [controllerNs] : plan.namespacesOf(store);
    for (const namespace of namespaces) {
      const kind = cluster_ ? 'ClusterSecretStore' : 'SecretStore';
      const key = objectKey(kind, cluster_ ? undefined : namespace, store.name);
      storeObjects.set(key, { store, kind, namespace: cluster_ ? undefined : namespace });
      const json = byKey.get(key);
      const subject = `store ${store.name}`;
      if (json === undefined) {
        add(OutputRules.STORE_IDENTITY, subject, key, 'no such object', 'the store the plan declares on this cluster');
        continue;
      }
      const identity = plan.identityFor(store, cluster, namespace);
      const provider = at(json, 'spec.provider') as Json | undefined;
      const refs = refsNamed(provider, (k) => k === 'serviceAccountRef').map(({ ref }) => ({ name: ref.name, namespace: ref.namespace }));
      // Static credentials (a Secret holding keys or a token) replace the planned identity altogether.
      for (const credential of refsNamed(provider, (k) => /secretref$/i.test(k))) {
        add(OutputRules.STORE_IDENTITY, subject, `${key} spec.provider.${credential.path}`, `static credentials from the Secret ${shown(credential.ref.name)}`,
          `the planned identity "${identity.id}" only (workload identity, never a Secret holding credentials)`);
      }
      // The planned service account, by name (namespaced stores resolve it in their own namespace) or
      // with its namespace; required where the plan says the store names it.
      const own = new Set([JSON.stringify({ name: identity.serviceAccount.name, namespace: undefined }),
        JSON.stringify({ name: identity.serviceAccount.name, namespace: identity.serviceAccount.namespace })]);
      const required = plan.referencesServiceAccount(store, cluster, namespace);
      if (refs.some((r) => !own.has(JSON.stringify(r))) || (required && refs.length === 0)) {
        add(OutputRules.STORE_IDENTITY, subject, `${key} spec.provider serviceAccountRef`, shown(refs),
          `${required ? 'exactly' : 'at most'} the planned service account of identity "${identity.id}": ${identity.serviceAccount.namespace}:${identity.serviceAccount.name}`);
      }
      for (const [field, value] of Object.entries(input.identityFields(store, identity))) {
        const actual = at(provider, field);
        if (!same(actual, value)) {
          add(OutputRules.STORE_IDENTITY, subject, `${key} spec.provider.${field}`, shown(actual),
            value === undefined ? `no value (identity "${identity.id}")` : `the planned ${shown(value)} (identity "${identity.id}")`);
        }
      }
      if (cluster_) {
        const admitted = plan.namespacesOf(store);
        const expectedConditions = store.admitAllNamespaces === true ? undefined : admitted.length > 0 ? [{ namespaces: [...admitted] }]
          : [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'DoesNotExist' }] } }];
        const conditions = at(json, 'spec.conditions');
        if (!same(conditions, expectedConditions)) {
          add(OutputRules.STORE_ADMITS, subject, `${key} spec.conditions`, shown(conditions), store.admitAllNamespaces === true
            ? 'no conditions (the store admits every namespace, admitAllNamespaces)' : `exactly the planned namespaces ${JSON.stringify(admitted)}`);
        }
      }
    }
  }

  // Service accounts of identities.
  const identities = plan.identities.filter((i) => i.clusters.includes(cluster) && i.authModel === EsoAuthModel.STORE_SERVICE_ACCOUNT);
  const byAccount = new Map(identities.map((i) => [objectKey('ServiceAccount', i.serviceAccount.namespace, i.serviceAccount.name), i]));
  for (const [key, json] of byKey) {
    if (json.kind !== 'ServiceAccount') {
      continue;
    }
    const identity = byAccount.get(key);
    const annotations = metadata(json).annotations ?? {};
    const emitted = Object.fromEntries(Object.entries(annotations).filter(([k]) => IDENTITY_ANNOTATION_KEYS.has(k)));
    const planned = identity !== undefined ? input.annotations(identity) : {};
    if (planned !== undefined && !same(Object.entries(emitted).sort(), Object.entries(planned).sort())) {
      add(OutputRules.SERVICE_ACCOUNT_ANNOTATION, `service account ${String(metadata(json).namespace)}:${String(metadata(json).name)}`, `${key} metadata.annotations`,
        shown(emitted), identity !== undefined ? `exactly the annotations of identity "${identity.id}": ${JSON.stringify(planned)}` : 'no identity annotation (no planned identity uses this service account)');
    }
  }

  // Tenant RBAC.
  for (const { tenant, scope, namespaces } of input.tenants) {
    const groups = [...tenant.groups].sort();
    const allowedRules = [
      `${ESO_GROUP}/externalsecrets ${MANAGE.join(',')}`,
      ...(tenant.allowPushSecrets ? [`${ESO_GROUP}/pushsecrets ${MANAGE.join(',')}`] : []),
      `${ESO_GROUP}/secretstores ${READ.join(',')}`,
    ];
    const roles = new Set<string>();
    const tenantObjects = scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => byConstruct.get(o)!);
    for (const json of tenantObjects.filter((j) => j.kind === 'Role')) {
      const key = objectKey('Role', metadata(json).namespace, metadata(json).name);
      roles.add(key);
      for (const rule of (Array.isArray(json.rules) ? json.rules : []) as Json[]) {
        for (const group of (rule.apiGroups ?? ['']) as string[]) {
          for (const resource of (rule.resources ?? []) as string[]) {
            const verbs = [...(rule.verbs ?? []) as string[]].sort();
            const allowed = allowedRules.find((r) => r.startsWith(`${group}/${resource} `));
            const extra = verbs.filter((v) => !allowed?.split(' ')[1].split(',').includes(v));
            if (extra.length > 0 || rule.resourceNames !== undefined || rule.nonResourceURLs !== undefined) {
              add(OutputRules.TENANT_RBAC, `tenant ${tenant.id}`, `${key} rules`, `${verbs.join(',')} on ${group}/${resource}`, `only the tenant rules: ${allowedRules.join('; ')}`);
            }
          }
        }
      }
    }
    for (const json of tenantObjects.filter((j) => j.kind === 'RoleBinding' || j.kind === 'ClusterRoleBinding' || j.kind === 'ClusterRole')) {
      const key = objectKey(String(json.kind), metadata(json).namespace, metadata(json).name);
      const namespace = metadata(json).namespace;
      if (json.kind !== 'RoleBinding' || typeof namespace !== 'string' || !namespaces.includes(namespace)) {
        add(OutputRules.TENANT_RBAC, `tenant ${tenant.id}`, key, `a ${String(json.kind)} in ${shown(namespace)}`, `RoleBindings in the tenant's namespaces only: ${namespaces.join(', ')}`);
        continue;
      }
      const subjects = ((Array.isArray(json.subjects) ? json.subjects : []) as Json[]).map((s) => `${String(s.kind)} ${String(s.name)}${s.namespace !== undefined ? ` in ${String(s.namespace)}` : ''}`);
      const expectedSubjects = groups.map((g) => `Group ${g}`);
      const extra = subjects.filter((s) => !expectedSubjects.includes(s));
      if (extra.length > 0) {
        add(OutputRules.TENANT_RBAC, `tenant ${tenant.id}`, `${key} subjects`, extra.join(', '), `only the tenant's declared groups: ${groups.join(', ')}`);
      }
      const roleRef = json.roleRef as Json | undefined;
      if (roleRef?.kind !== 'Role' || !roles.has(objectKey('Role', namespace, roleRef.name))) {
        add(OutputRules.TENANT_RBAC, `tenant ${tenant.id}`, `${key} roleRef`, shown(roleRef), 'the tenant\'s own Role in the same namespace');
      }
    }
  }

  // ExternalSecrets.
  const declaredEs = new Set<string>();
  for (const es of input.externalSecrets) {
    const key = objectKey('ExternalSecret', es.namespace, es.name);
    declaredEs.add(key);
    const json = byKey.get(key);
    const subject = `ExternalSecret ${es.namespace}/${es.name}`;
    if (json === undefined) {
      continue;
    }
    const storeKind = es.store.scope === StoreScope.CLUSTER ? 'ClusterSecretStore' : 'SecretStore';
    const storeRef = at(json, 'spec.secretStoreRef');
    if (!same(storeRef, { kind: storeKind, name: es.store.name })) {
      add(OutputRules.EXTERNAL_SECRET_READS, subject, `${key} spec.secretStoreRef`, shown(storeRef), `the planned store ${storeKind}/${es.store.name}`);
    }
    const keys = new Set(es.data.map((d) => input.remoteKey(es.store, d.secret)));
    for (const [i, item] of ((at(json, 'spec.data') ?? []) as Json[]).entries()) {
      const remote = at(item, 'remoteRef.key');
      if (typeof remote !== 'string' || !keys.has(remote) || item.sourceRef !== undefined) {
        add(OutputRules.EXTERNAL_SECRET_READS, subject, `${key} spec.data[${i}]`, item.sourceRef !== undefined ? `a sourceRef ${shown(item.sourceRef)}` : `the remote key ${shown(remote)}`, `the declared keys ${JSON.stringify([...keys].sort())} through the planned store`);
      }
    }
    const extracts = new Set(es.extract.map((e) => input.remoteKey(es.store, e.secret)));
    const finds = new Set(es.find.map((f) => JSON.stringify({ name: f.nameRegexp !== undefined ? { regexp: anchor(f.nameRegexp) } : undefined, tags: f.tags, path: f.path })));
    let generators = es.dynamicSecrets.length;
    const generated = es.generated.map((g) => JSON.stringify(generatedEntry(g)));
    for (const [i, item] of ((at(json, 'spec.dataFrom') ?? []) as Json[]).entries()) {
      const where = `${key} spec.dataFrom[${i}]`;
      const sourceRef = item.sourceRef as Json | undefined;
      const declaredGenerated = generated.indexOf(JSON.stringify(item));
      if (declaredGenerated >= 0) {
        generated.splice(declaredGenerated, 1);
      } else if (item.extract !== undefined) {
        const remote = at(item, 'extract.key');
        if (typeof remote !== 'string' || !extracts.has(remote) || sourceRef !== undefined) {
          add(OutputRules.EXTERNAL_SECRET_READS, subject, where, `extract ${shown(remote)}${sourceRef !== undefined ? ' with a sourceRef' : ''}`, `the declared extracts ${JSON.stringify([...extracts].sort())}`);
        }
      } else if (item.find !== undefined) {
        const find = item.find as Json;
        const canonical = JSON.stringify({ name: find.name, tags: find.tags, path: find.path });
        if (!finds.has(canonical) || sourceRef !== undefined) {
          add(OutputRules.EXTERNAL_SECRET_READS, subject, where, `find ${canonical}`, `the declared finds ${[...finds].join(', ') || 'none'}`);
        }
      } else if (sourceRef?.generatorRef !== undefined && sourceRef.storeRef === undefined && generators > 0) {
        generators--;
      } else {
        add(OutputRules.EXTERNAL_SECRET_READS, subject, where, shown(item), 'the declared extracts, finds, dynamic secrets and generated values only');
      }
    }
  }
  // ExternalSecrets of generated values: no store, exactly the declared generators.
  for (const gs of input.generatedSecrets) {
    const key = objectKey('ExternalSecret', gs.namespace, gs.name);
    declaredEs.add(key);
    const json = byKey.get(key);
    const rendered = { secretStoreRef: at(json, 'spec.secretStoreRef'), data: at(json, 'spec.data'), dataFrom: at(json, 'spec.dataFrom') };
    const planned = { secretStoreRef: undefined, data: undefined, dataFrom: gs.generated.map(generatedEntry) };
    if (json !== undefined && !same(rendered, planned)) {
      add(OutputRules.EXTERNAL_SECRET_READS, `ExternalSecret ${gs.namespace}/${gs.name}`, `${key} spec`, shown(rendered), `no store and the declared generators ${shown(planned.dataFrom)}`);
    }
  }
  for (const key of byKey.keys()) {
    if ((key.startsWith('ExternalSecret ') && !declaredEs.has(key)) || key.startsWith('ClusterExternalSecret ')) {
      add(OutputRules.EXTERNAL_SECRET_READS, 'the platform', key, 'an ExternalSecret no declaration asks for', 'the declared ExternalSecrets of this cluster');
    }
    if ((key.startsWith('SecretStore ') || key.startsWith('ClusterSecretStore ')) && !storeObjects.has(key)) {
      add(OutputRules.STORE_IDENTITY, 'the platform', key, 'a store no declaration asks for', 'the declared stores of this cluster');
    }
  }

  // PushSecrets.
  for (const push of input.pushSecrets) {
    const key = objectKey('PushSecret', push.namespace, push.name);
    const json = byKey.get(key);
    if (json === undefined) {
      continue;
    }
    const subject = `PushSecret ${push.namespace}/${push.name}`;
    const storeKind = push.store.scope === StoreScope.CLUSTER ? 'ClusterSecretStore' : 'SecretStore';
    const refs = at(json, 'spec.secretStoreRefs');
    if (!same(refs, [{ kind: storeKind, name: push.store.name }])) {
      add(OutputRules.PUSH_SECRET_WRITES, subject, `${key} spec.secretStoreRefs`, shown(refs), `the planned store ${storeKind}/${push.store.name}`);
    }
    const destination = input.remoteKey(push.store, push.destination);
    for (const [i, item] of ((at(json, 'spec.data') ?? []) as Json[]).entries()) {
      const remote = at(item, 'match.remoteRef.remoteKey');
      if (remote !== destination) {
        add(OutputRules.PUSH_SECRET_WRITES, subject, `${key} spec.data[${i}]`, `the remote key ${shown(remote)}`, `the declared destination ${destination}`);
      }
    }
  }
  const path = input.scope.node.path;
  return findings.map((f) => validationMessage(path, outputMismatch(path, f)));
}
