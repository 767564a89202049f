/**
 * Builds the {@link AccessModel} of a declaration from its plan: the same plan the renderers and the
 * access matrix use. Every list is sorted by code point, so the same declaration gives the same bytes.
 */
import { backendModel, backendModelOfSecret } from '../core/declaration/backends';
import { describeFind } from '../core/declaration/access-matrix';
import type { SecretsDeclaration } from '../core/declaration/declaration';
import type { IdentityPlan } from '../core/declaration/plan-types';
import type { SecretDeclaration } from '../core/declaration/secrets';
import { StoreScope } from '../core/declaration/stores';
import { auditDeclaration } from '../core/invariants/engine';
import { PLAN_RULES } from '../core/invariants/rules';
import {
  ACCESS_MODEL_API_VERSION, ACCESS_MODEL_KIND, AccessHow, AccessModel, AccessModelAcknowledgement, AccessModelConsumer,
  AccessModelFind, AccessModelGrant, AccessModelIdentity,
} from './model-types';

/** Code-point order (never the locale's): the model's bytes do not depend on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareText);
}

function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}

/** Sort key of a consumer: cluster, namespace, kind, name. */
export function consumerKey(c: AccessModelConsumer): string {
  return `${c.cluster}\u0000${c.namespace}\u0000${c.kind}\u0000${c.name}`;
}

/** A grant being collected: how, actions and consumers, de-duplicated. */
interface GrantDraft {
  readonly secret: string;
  readonly backend: string;
  readonly actions: Set<string>;
  keyUse?: string;
  readonly how: Set<AccessHow>;
  readonly consumers: Map<string, AccessModelConsumer>;
}

/**
 * The access model of a declaration: what its plan grants, to whom, and for which ESO objects.
 * Deterministic and free of secret values (names, never values). Throws the declaration's own
 * errors when it does not plan.
 */
export function buildAccessModel(declaration: SecretsDeclaration): AccessModel {
  const plan = declaration.plan();

  // Secret keys: `<backend>:<name>`, with the declaration id added where two secrets of one backend share a name.
  const nameCount = new Map<string, number>();
  for (const s of declaration.secrets) nameCount.set(`${s.backend}:${s.name}`, (nameCount.get(`${s.backend}:${s.name}`) ?? 0) + 1);
  const keyOf = (s: SecretDeclaration): string => nameCount.get(`${s.backend}:${s.name}`)! > 1 ? `${s.backend}:${s.name}#${s.id}` : `${s.backend}:${s.name}`;

  const drafts = new Map<string, Map<string, GrantDraft>>(plan.identities.map((i) => [i.id, new Map()]));
  const draft = (identity: IdentityPlan, secret: string, backend: string): GrantDraft => {
    const grants = drafts.get(identity.id)!;
    let d = grants.get(secret);
    if (d === undefined) {
      d = { secret, backend, actions: new Set(), how: new Set(), consumers: new Map() };
      grants.set(secret, d);
    }
    return d;
  };
  const addConsumer = (d: GrantDraft, how: AccessHow, consumer: AccessModelConsumer): void => {
    d.how.add(how);
    d.consumers.set(consumerKey(consumer), consumer);
  };
  /** A read's grant; `chained` for a read through a store's assumed role (that role's own policy grants it). */
  const readGrant = (identity: IdentityPlan, secret: SecretDeclaration, chained: boolean): GrantDraft => {
    const d = draft(identity, keyOf(secret), secret.backend);
    if (chained) {
      d.how.add('chained');
    } else {
      const wording = backendModel(identity.provider).wording;
      d.actions.add(wording.readActions(secret));
      const note = wording.decryptNote(secret).replace(/^;\s*/, '');
      if (note !== '') d.keyUse = note;
    }
    return d;
  };

  const finds: AccessModelFind[] = [];
  for (const es of declaration.externalSecrets) {
    const path = declaration.pathOf('externalSecrets', es.id);
    for (const cluster of declaration.clustersOf(es)) {
      const identity = plan.identityFor(es.store, cluster, es.namespace);
      const consumer: AccessModelConsumer = { kind: 'ExternalSecret', cluster: cluster.id, namespace: es.namespace, name: es.name, store: es.store.name, path };
      const role = backendModel(es.store.provider).chainedRole(es.store);
      const chained = role !== undefined;
      es.data.forEach((d) => addConsumer(readGrant(identity, d.secret, chained), 'data', consumer));
      es.extract.forEach((e) => addConsumer(readGrant(identity, e.secret, chained), 'extract', consumer));
      es.find.forEach((_, index) => {
        const use = identity.finds.find((f) => f.path === path && f.prop === `find[${index}]`);
        if (use === undefined) return;
        use.matched.forEach((s) => addConsumer(readGrant(identity, s, chained), 'find', consumer));
        const model = backendModel(identity.provider);
        const beyond = model.findGrantBeyondMatches?.(use);
        finds.push({
          identity: identity.id, store: use.store.name, criteria: describeFind(use.find), path: `${path}.find[${index}]`, consumer,
          listing: model.wording.findListing(use.store).replace(/,? then $/, ''),
          matched: sortedUnique(use.matched.map(keyOf)), ...(beyond === undefined ? {} : { beyondMatches: beyond }),
        });
      });
      for (const dynamic of es.dynamicSecrets) {
        const d = draft(identity, `dynamic:${dynamic.backend}:${dynamic.name}`, dynamic.backend);
        d.actions.add(`read ${dynamic.path}`);
        addConsumer(d, 'dynamic', consumer);
      }
      if (role !== undefined) {
        const d = draft(identity, `role:${role}`, 'chained-role');
        d.actions.add('sts:AssumeRole');
        addConsumer(d, 'chained', consumer);
      }
    }
  }
  for (const push of declaration.pushSecrets) {
    const path = declaration.pathOf('pushSecrets', push.id);
    for (const cluster of declaration.clustersOf(push)) {
      const identity = plan.identityFor(push.store, cluster, push.namespace);
      const d = draft(identity, keyOf(push.destination), push.destination.backend);
      d.actions.add(backendModelOfSecret(push.destination.backend).wording.pushActions(push.destination));
      addConsumer(d, 'push', { kind: 'PushSecret', cluster: cluster.id, namespace: push.namespace, name: push.name, store: push.store.name, path });
    }
  }

  const identities: AccessModelIdentity[] = plan.identities.map((identity) => {
    const wording = backendModel(identity.provider).wording;
    // Planned reads no consumer names (none today) still appear: the model lists every grant.
    identity.reads.forEach((s) => readGrant(identity, s, false));
    const grants: AccessModelGrant[] = [...drafts.get(identity.id)!.values()].map((d) => ({
      secret: d.secret,
      backend: d.backend,
      actions: sortedUnique(d.actions),
      ...(d.keyUse === undefined ? {} : { keyUse: d.keyUse }),
      how: sortedUnique(d.how) as AccessHow[],
      consumers: [...d.consumers.values()].sort(byKey(consumerKey)),
    })).sort(byKey((g) => g.secret));
    const clusters = sortedUnique(identity.clusters.map((c) => c.id));
    return {
      id: identity.id,
      provider: identity.provider,
      principal: wording.principal(identity),
      mechanism: wording.mechanism(identity.kind),
      authModel: identity.authModel,
      stores: sortedUnique(identity.stores.map((s) => s.name)),
      clusters,
      trust: clusters.map((cluster) => ({ cluster, namespace: identity.serviceAccount.namespace, serviceAccount: identity.serviceAccount.name })),
      ...(identity.policyForm === undefined ? {} : { policyForm: { form: identity.policyForm.form, reason: identity.policyForm.reason } }),
      grants,
    };
  }).sort(byKey((i) => i.id));

  return {
    apiVersion: ACCESS_MODEL_API_VERSION,
    kind: ACCESS_MODEL_KIND,
    declaration: declaration.name,
    clusters: declaration.clusters.map((c) => ({ id: c.id, ...(c.cloud === undefined ? {} : { cloud: String(c.cloud) }) })).sort(byKey((c) => c.id)),
    tenants: declaration.tenants.map((t) => ({
      id: t.id, namespaces: sortedUnique(t.namespaces), groups: sortedUnique(t.groups), secrets: sortedUnique(t.secrets.map(keyOf)),
    })).sort(byKey((t) => t.id)),
    secrets: declaration.secrets.map((s) => {
      const owner = declaration.ownerOf(s);
      return { key: keyOf(s), id: s.id, backend: s.backend, name: s.name, ...(owner === undefined ? {} : { tenant: owner.id }) };
    }).sort(byKey((s) => s.key)),
    stores: declaration.stores.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.scope === StoreScope.CLUSTER ? 'ClusterSecretStore' as const : 'SecretStore' as const,
      provider: s.provider,
      clusters: sortedUnique(declaration.clustersOfStore(s).map((c) => c.id)),
      namespaces: sortedUnique(plan.namespacesOf(s)),
    })).sort(byKey((s) => s.id)),
    identities,
    finds: finds.sort(byKey((f) => `${f.path}\u0000${f.consumer.cluster}`)),
    acknowledgements: acknowledgements(declaration),
  };
}

/** Every acknowledgement, with the rule's title and the subjects it covers. */
function acknowledgements(declaration: SecretsDeclaration): AccessModelAcknowledgement[] {
  if (declaration.acknowledgements.length === 0) return [];
  const acknowledged = auditDeclaration(declaration).acknowledged;
  return declaration.acknowledgements.map((ack) => {
    const covered = acknowledged.filter((f) => f.acknowledgement === ack);
    return {
      ruleId: ack.ruleId,
      title: covered[0]?.rule.title ?? PLAN_RULES.find((r) => r.id === ack.ruleId)?.title ?? '',
      reason: ack.reason,
      subjects: sortedUnique(covered.map((f) => f.violation.subject)),
    };
  }).sort(byKey((a) => `${a.ruleId}\u0000${a.reason}`));
}

/** The access model as the bytes synth writes: two-space JSON and a final newline. */
export function renderAccessModel(model: AccessModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
