import { clusterNotServed, derivedNameClash, namespaceNotAdmitted } from '../errors';
import { ServiceAccountRef } from '../identity';
import type { GrantForm } from './backend';
import { backendModel, backendModelOfSecret } from './backends';
import { ClusterDeclaration } from './clusters';
import { DynamicSecretDeclaration, MetadataPolicy, PushSecretDeclaration, SecretFindReference } from './consumers';
import { checkDerivedNames, checkVariableNames, IdentityOrigin, identityInput } from './derived-names';
import { joinName, storeServiceAccountName } from './names';
import type { DeclarationPlan, FindUse, IdentityPlan, PolicyFormPlan } from './plan-types';
import { SecretDeclaration } from './secrets';
import { EsoAuthModel, StoreDeclaration, StoreScope } from './stores';
import type { DeclarationView } from './view';

export * from './plan-types';

/** Resolves a declaration into identities and grants. Called through {@link SecretsDeclaration.plan}. */
export function planDeclaration(declaration: DeclarationView): DeclarationPlan {
  const namespaces = storeNamespaces(declaration);
  const index = new SecretIndex(declaration.secrets);
  const identities = new Map<string, MutableIdentity>();
  const byKey = new Map<string, MutableIdentity>();
  const references = new Map<string, boolean>();
  const origins = new Map<string, { readonly signature: string; readonly origin: IdentityOrigin }>();

  const identityFor = (store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): MutableIdentity => {
    const key = identityKey(declaration, store, cluster, namespace);
    const authKey = `${store.id}/${cluster.id}/${namespace}`;
    let identity = byKey.get(key);
    if (identity === undefined || !references.has(authKey)) {
      // Every store federates on its own (its checks, whether it names the service account), even
      // when it shares an identity (the controller's) with a store planned before it.
      const created = createIdentity(declaration, store, cluster, namespace);
      references.set(authKey, created.referencesServiceAccount);
      if (identity === undefined) {
        let candidate = created.identity;
        const merged = identities.get(candidate.id);
        if (created.perCluster && merged !== undefined && !merged.clusters.includes(cluster)) {
          // One identity per cluster (a Vault role on each cluster's auth mount): the first cluster keeps
          // the plain id, so declaring another cluster later renames nothing.
          candidate = { ...candidate, id: `${candidate.id}-${cluster.id}` };
        }
        // Identities merge by id across clusters; two different inputs deriving one id would merge silently.
        const origin: IdentityOrigin = { controller: candidate.authModel === EsoAuthModel.CONTROLLER, store, cluster, serviceAccount: candidate.serviceAccount };
        const signature = originSignature(declaration, store, cluster, namespace);
        const claimed = origins.get(candidate.id);
        if (claimed === undefined) {
          origins.set(candidate.id, { signature, origin });
        } else if (claimed.signature !== signature) {
          throw derivedNameClash(identityInput(declaration, origin).input, identityInput(declaration, claimed.origin).input, 'identity id', candidate.id,
            'the two would be merged into one identity (one role or identity trusting only the first service account, construct ids and outputs shared)',
            'rename one of the two so the derived ids differ');
        }
        identity = identities.get(candidate.id) ?? candidate;
        identities.set(identity.id, identity);
        byKey.set(key, identity);
      }
    }
    if (!identity.clusters.includes(cluster)) {
      identity.clusters.push(cluster);
    }
    if (!identity.stores.includes(store)) {
      identity.stores.push(store);
    }
    return identity;
  };
  const storeAuthKey = (store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string) => {
    identityFor(store, cluster, namespace);
    return `${store.id}/${cluster.id}/${namespace}`;
  };

  // Every store gets its identities on every cluster/namespace it exists in, even before any use.
  for (const store of declaration.stores) {
    const storeNs = namespaces.get(store)!;
    for (const cluster of declaration.clustersOfStore(store)) {
      if (store.scope === StoreScope.NAMESPACED) {
        storeNs.forEach((ns) => identityFor(store, cluster, ns));
      } else {
        identityFor(store, cluster, declaration.esoController.namespace);
      }
    }
  }

  for (const es of declaration.externalSecrets) {
    const path = declaration.pathOf('externalSecrets', es.id);
    const model = backendModel(es.store.provider);
    for (const cluster of declaration.clustersOf(es)) {
      const identity = identityFor(es.store, cluster, es.namespace);
      const chainedRole = model.chainedRole(es.store);
      const reads = chainedRole !== undefined ? identity.chainedReads : identity.reads;
      es.data.forEach((d) => reads.set(d.secret.id, d.secret));
      es.data.filter((d) => d.metadataPolicy === MetadataPolicy.FETCH && chainedRole === undefined).forEach((d) => identity.metadataReads.set(d.secret.id, d.secret));
      es.extract.forEach((e) => reads.set(e.secret.id, e.secret));
      es.dynamicSecrets.forEach((d) => identity.dynamicSecrets.set(d.id, d));
      if (chainedRole !== undefined) {
        identity.chainedRoles.add(chainedRole);
        es.find.forEach((find) => matchFind(index, es.store, find).forEach((s) => reads.set(s.id, s)));
      } else {
        es.find.forEach((find, i) => {
          const use: FindUse = { find, store: es.store, matched: matchFind(index, es.store, find), path, prop: `find[${i}]` };
          model.checkFind?.(path, `find[${i}]`, use);
          identity.finds.push(use);
        });
      }
      checkNamespaceAdmitted(path, es, namespaces.get(es.store)!);
    }
  }
  for (const push of declaration.pushSecrets) {
    const path = declaration.pathOf('pushSecrets', push.id);
    const model = backendModel(push.store.provider);
    for (const cluster of declaration.clustersOf(push)) {
      const identity = identityFor(push.store, cluster, push.namespace);
      const chainedRole = model.chainedRole(push.store);
      if (chainedRole !== undefined) {
        identity.chainedRoles.add(chainedRole);
      } else {
        identity.pushes.push(push);
      }
      checkNamespaceAdmitted(path, push, namespaces.get(push.store)!);
    }
  }

  const unformed: IdentityPlan[] = [...identities.values()]
    .sort((a, b) => compare(a.id, b.id))
    .map((m) => ({
      ...m,
      clusters: [...m.clusters].sort((a, b) => compare(a.id, b.id)),
      stores: [...m.stores].sort((a, b) => compare(a.id, b.id)),
      reads: [...m.reads.values()].sort((a, b) => compare(a.id, b.id)),
      metadataReads: [...m.metadataReads.values()].sort((a, b) => compare(a.id, b.id)),
      chainedRoles: [...m.chainedRoles].sort(compare),
      chainedReads: [...m.chainedReads.values()].sort((a, b) => compare(a.id, b.id)),
      finds: [...m.finds],
      pushes: [...m.pushes],
      dynamicSecrets: [...m.dynamicSecrets.values()].sort((a, b) => compare(a.id, b.id)),
    }));
  // The policy form of each identity: AWS chooses among exact forms by size (planGrantForms), Azure
  // between vault scope and per-secret assignments (policyForms).
  const { identities: formed, secretTags } = planGrantForms(declaration, unformed);
  const resolved = withPolicyForms(declaration, formed);
  checkDerivedNames(declaration, resolved, backendModel);
  checkVariableNames(declaration, backendModelOfSecret);
  const resolvedById = new Map(resolved.map((r) => [r.id, r]));
  const served = (store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string) => {
    if (!byKey.has(identityKey(declaration, store, cluster, namespace))) {
      const clusters = declaration.clustersOfStore(store);
      throw clusterNotServed(declaration.pathOf('stores', store.id), 'clusters', cluster.id, store.name, clusters.map((c) => c.id));
    }
  };

  return {
    identities: resolved,
    identityFor: (store, cluster, namespace) => {
      served(store, cluster, namespace);
      return resolvedById.get(byKey.get(identityKey(declaration, store, cluster, namespace))!.id)!;
    },
    referencesServiceAccount: (store, cluster, namespace) => {
      served(store, cluster, namespace);
      return references.get(storeAuthKey(store, cluster, namespace))!;
    },
    namespacesOf: (store) => namespaces.get(store) ?? [],
    trustedServiceAccounts: (cluster) => [...new Set(resolved
      .filter((r) => r.clusters.includes(cluster))
      .map((r) => `${r.serviceAccount.namespace}:${r.serviceAccount.name}`))].sort(compare),
    grantTags: (secret) => secretTags.get(secret.id) ?? {},
  };
}

/** Each backend chooses its identities' grant forms (sizes, tags); identities keep their order. */
function planGrantForms(declaration: DeclarationView, identities: readonly IdentityPlan[]): {
  identities: IdentityPlan[]; secretTags: Map<string, Readonly<Record<string, string>>>;
} {
  const byProvider = new Map<string, IdentityPlan[]>();
  for (const identity of identities) {
    const list = byProvider.get(identity.provider);
    if (list === undefined) {
      byProvider.set(identity.provider, [identity]);
    } else {
      list.push(identity);
    }
  }
  const forms = new Map<string, GrantForm>();
  const secretTags = new Map<string, Readonly<Record<string, string>>>();
  for (const [provider, members] of byProvider) {
    const planned = backendModel(provider).planGrantForms?.(declaration, members);
    planned?.identities.forEach((form, id) => forms.set(id, form));
    planned?.secretTags.forEach((tags, id) => secretTags.set(id, { ...secretTags.get(id), ...tags }));
  }
  return {
    identities: identities.map((i) => {
      const form = forms.get(i.id);
      return form === undefined ? i : { ...i, ...form.details, policyForm: form.policyForm };
    }),
    secretTags,
  };
}

interface MutableIdentity extends Omit<IdentityPlan, 'stores' | 'clusters' | 'reads' | 'metadataReads' | 'finds' | 'pushes' | 'chainedRoles' | 'chainedReads' | 'dynamicSecrets'> {
  dynamicSecrets: Map<string, DynamicSecretDeclaration>;
  stores: StoreDeclaration[];
  clusters: ClusterDeclaration[];
  reads: Map<string, SecretDeclaration>;
  metadataReads: Map<string, SecretDeclaration>;
  chainedRoles: Set<string>;
  chainedReads: Map<string, SecretDeclaration>;
  finds: FindUse[];
  pushes: PushSecretDeclaration[];
}

/** The service account a store authenticates as on a cluster, in a namespace (namespaced stores). */
function serviceAccountOf(declaration: DeclarationView, store: StoreDeclaration, namespace: string): ServiceAccountRef {
  const namespaced = store.scope === StoreScope.NAMESPACED;
  switch (store.authModel) {
    case EsoAuthModel.CONTROLLER:
    case EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT:
      return declaration.esoController;
    case EsoAuthModel.EXISTING_SERVICE_ACCOUNT:
      return { namespace: namespaced ? namespace : store.serviceAccount!.namespace ?? declaration.esoController.namespace, name: store.serviceAccount!.name };
    default:
      return { namespace: namespaced ? namespace : declaration.esoController.namespace, name: storeServiceAccountName(store.name) };
  }
}

function isControllerAccount(declaration: DeclarationView, account: ServiceAccountRef): boolean {
  return account.namespace === declaration.esoController.namespace && account.name === declaration.esoController.name;
}

function identityKey(declaration: DeclarationView, store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): string {
  const account = serviceAccountOf(declaration, store, namespace);
  if (isControllerAccount(declaration, account)) {
    return `controller/${cluster.id}/${store.provider}`;
  }
  if (store.authModel === EsoAuthModel.EXISTING_SERVICE_ACCOUNT) {
    return `sa/${account.namespace}/${account.name}/${store.provider}/${cluster.id}`;
  }
  return store.scope === StoreScope.NAMESPACED ? `store/${store.id}/${namespace}/${cluster.id}` : `store/${store.id}/${cluster.id}`;
}

/** What an identity is derived from, without the cluster (identities of a store or service account span clusters). */
function originSignature(declaration: DeclarationView, store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): string {
  const key = identityKey(declaration, store, cluster, namespace);
  return key.startsWith('controller/') ? key : key.slice(0, key.lastIndexOf('/'));
}

function createIdentity(declaration: DeclarationView, store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): { identity: MutableIdentity; referencesServiceAccount: boolean; perCluster: boolean } {
  const storePath = declaration.pathOf('stores', store.id);
  const model = backendModel(store.provider);
  const serviceAccount = serviceAccountOf(declaration, store, namespace);
  const controller = isControllerAccount(declaration, serviceAccount);
  const namespaced = store.scope === StoreScope.NAMESPACED;
  let id: string;
  let baseName: string;
  if (controller) {
    // The controller's service account may carry several backends: the cluster's own cloud keeps the
    // plain id, the others get theirs suffixed.
    id = model.isNative(cluster) ? `controller-${cluster.id}` : `controller-${cluster.id}-${model.kind}`;
    baseName = joinName(declaration.name, cluster.id, 'eso-controller');
  } else if (store.authModel === EsoAuthModel.EXISTING_SERVICE_ACCOUNT) {
    id = `sa-${serviceAccount.namespace}-${serviceAccount.name}-${model.kind}`;
    baseName = joinName(declaration.name, serviceAccount.namespace, serviceAccount.name, 'eso');
  } else {
    id = namespaced ? `store-${store.id}-${namespace}` : `store-${store.id}`;
    baseName = joinName(declaration.name, store.id, namespaced ? namespace : undefined, 'eso');
  }
  const authModel = controller && store.authModel === EsoAuthModel.EXISTING_SERVICE_ACCOUNT ? EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT : store.authModel;
  const federated = model.federate({ declaration, store, cluster, storePath, authModel, serviceAccount, baseName });
  return {
    referencesServiceAccount: federated.referencesServiceAccount,
    perCluster: federated.perCluster === true,
    identity: {
      id, provider: model.kind, cloud: store.cloud, kind: federated.kind, authModel: controller ? EsoAuthModel.CONTROLLER : store.authModel,
      serviceAccount, ...federated.details,
      stores: [], clusters: [], reads: new Map<string, SecretDeclaration>(), metadataReads: new Map<string, SecretDeclaration>(), finds: [], pushes: [],
      chainedRoles: new Set<string>(), chainedReads: new Map<string, SecretDeclaration>(), dynamicSecrets: new Map<string, DynamicSecretDeclaration>(),
    },
  };
}

/** The OIDC issuer of a cluster, when declared. */
export function clusterIssuerUrl(cluster: ClusterDeclaration): string | undefined {
  return cluster.oidcIssuerUrl;
}


function storeNamespaces(declaration: DeclarationView): Map<StoreDeclaration, readonly string[]> {
  const result = new Map<StoreDeclaration, readonly string[]>();
  const used = new Map<StoreDeclaration, Set<string>>();
  for (const consumer of [...declaration.externalSecrets, ...declaration.pushSecrets]) {
    const set = used.get(consumer.store) ?? new Set<string>();
    set.add(consumer.namespace);
    used.set(consumer.store, set);
  }
  for (const store of declaration.stores) {
    result.set(store, store.namespaces ?? [...(used.get(store) ?? [])].sort(compare));
  }
  return result;
}

function checkNamespaceAdmitted(path: string, consumer: { readonly namespace: string; readonly store: StoreDeclaration }, admitted: readonly string[]): void {
  if (!admitted.includes(consumer.namespace)) {
    throw namespaceNotAdmitted(path, 'namespace', consumer.namespace, consumer.store.name, admitted);
  }
}

/**
 * Declared secrets by backend, sorted by name, so a find looks only at the names its path or its
 * regular expression's literal prefix allows (a binary search), and at the secrets carrying its tags:
 * planning stays near-linear in finds + secrets instead of finds × secrets.
 */
class SecretIndex {
  private readonly byBackend = new Map<string, SecretDeclaration[]>();
  private readonly byTag = new Map<string, Set<SecretDeclaration>>();

  constructor(secrets: readonly SecretDeclaration[]) {
    for (const secret of secrets) {
      const list = this.byBackend.get(secret.backend);
      if (list === undefined) {
        this.byBackend.set(secret.backend, [secret]);
      } else {
        list.push(secret);
      }
      for (const [key, value] of Object.entries((secret as { readonly tags?: Readonly<Record<string, string>> }).tags ?? {})) {
        const tagKey = JSON.stringify([key, value]);
        const set = this.byTag.get(tagKey);
        if (set === undefined) {
          this.byTag.set(tagKey, new Set([secret]));
        } else {
          set.add(secret);
        }
      }
    }
    this.byBackend.forEach((list) => list.sort((a, b) => compare(a.name, b.name)));
  }

  /** Secrets of a backend whose name starts with `prefix` (all of them for ''). */
  public withPrefix(backend: string, prefix: string): readonly SecretDeclaration[] {
    const list = this.byBackend.get(backend) ?? [];
    if (prefix === '') {
      return list;
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].name < prefix) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    let end = lo;
    while (end < list.length && list[end].name.startsWith(prefix)) {
      end++;
    }
    return list.slice(lo, end);
  }

  /** Whether a secret carries a tag (indexed lookup). */
  public hasTag(secret: SecretDeclaration, key: string, value: string): boolean {
    return this.byTag.get(JSON.stringify([key, value]))?.has(secret) === true;
  }
}

/**
 * The literal start every match of an anchored regular expression has ('' when it cannot be told:
 * alternation, a class or a quantifier early on).
 */
export function literalPrefix(anchored: string): string {
  if (!anchored.startsWith('^') || anchored.includes('|')) {
    return '';
  }
  let prefix = '';
  for (let i = 1; i < anchored.length; i++) {
    const c = anchored[i];
    if (c === '\\') {
      const next = anchored[i + 1];
      if (next !== undefined && /[./\-_=+@]/.test(next)) {
        prefix += next;
        i++;
        continue;
      }
      break;
    }
    if (/[.^$*+?()[\]{}]/.test(c)) {
      // A quantifier makes the character before it optional or repeated.
      if (/[*?{]/.test(c)) {
        prefix = prefix.slice(0, -1);
      }
      break;
    }
    prefix += c;
  }
  return prefix;
}

function matchFind(index: SecretIndex, store: StoreDeclaration, find: SecretFindReference): SecretDeclaration[] {
  const anchored = find.nameRegexp !== undefined ? anchor(find.nameRegexp) : undefined;
  const regexp = anchored !== undefined ? new RegExp(anchored) : undefined;
  const model = backendModel(store.provider);
  const regexpPrefix = anchored !== undefined ? literalPrefix(anchored) : '';
  const pathPrefix = find.path ?? '';
  // Both prefixes must hold: look up by the longer one (the shorter is then its prefix or no name matches).
  const prefix = pathPrefix.length >= regexpPrefix.length ? pathPrefix : regexpPrefix;
  const tags = Object.entries(find.tags ?? {});
  return index.withPrefix(store.backend, prefix)
    .filter((s) => tags.every(([k, v]) => index.hasTag(s, k, v)))
    .filter((s) => model.inFindScope(s, store, find))
    .filter((s) => regexp === undefined || regexp.test(s.name))
    .filter((s) => find.path === undefined || s.name.startsWith(find.path))
    .sort((a, b) => compare(a.id, b.id));
}

/** Anchors a regular expression with `^…$` unless it already is (ESO matches unanchored). */
export function anchor(pattern: string): string {
  return `${pattern.startsWith('^') ? '' : '^'}${pattern}${pattern.endsWith('$') ? '' : '$'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/** Each identity with the grant form its backend chooses (backends with several forms only). */
function withPolicyForms(declaration: DeclarationView, identities: IdentityPlan[]): IdentityPlan[] {
  const byBackend = new Map<string, IdentityPlan[]>();
  for (const identity of identities) {
    const members = byBackend.get(identity.provider) ?? [];
    members.push(identity);
    byBackend.set(identity.provider, members);
  }
  const forms = new Map<string, PolicyFormPlan>();
  byBackend.forEach((members, kind) => backendModel(kind).policyForms?.(members, declaration).forEach((form, id) => forms.set(id, form)));
  return forms.size === 0 ? identities : identities.map((identity) => (forms.has(identity.id) ? { ...identity, policyForm: forms.get(identity.id)! } : identity));
}
