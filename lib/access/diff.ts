/**
 * The access diff: two access models compared as sets of expanded facts (grants, reach, trust, store
 * admissions, find matches, tenant namespaces, acknowledgements), never as rendered policies. A fact in
 * head only broadens, a fact in base only narrows, a changed policy form is another change.
 */
import { accessModelsArgument } from '../core/errors/access';
import { compareText } from './build-model';
import { checkAccessModel } from './read-model';
import type { AccessModel, AccessModelIdentity } from './model-types';

/** The `apiVersion` of the JSON the diff writes (`--format json`). */
export const ACCESS_DIFF_API_VERSION = 'cdk-external-secrets.io/access-diff/v1';

/** Whether a change widens access, narrows it, or neither. */
export type AccessChangeDirection = 'broadening' | 'narrowing' | 'other';

/** What kind of fact changed. */
export type AccessChangeKind = 'reach' | 'grant' | 'trust' | 'admission' | 'find-listing' | 'find-match' | 'find-beyond' | 'tenant-namespace' | 'acknowledgement' | 'policy-form';

/**
 * How much a change matters, highest first: a namespace reaching a secret of another tenant (or a shared
 * one), an acknowledged exception, trust, a write, any other access, information.
 */
export type AccessChangeSeverity = 'cross-tenant' | 'acknowledgement' | 'trust' | 'write' | 'access' | 'info';

const SEVERITY_RANK: Record<AccessChangeSeverity, number> = { 'cross-tenant': 0, 'acknowledgement': 1, 'trust': 2, 'write': 3, 'access': 4, 'info': 5 };
const KIND_RANK: Record<AccessChangeKind, number> = {
  'reach': 0, 'grant': 1, 'trust': 2, 'admission': 3, 'find-listing': 4, 'find-match': 5, 'find-beyond': 6, 'tenant-namespace': 7, 'acknowledgement': 8, 'policy-form': 9,
};

/** One changed fact. */
export interface AccessChange {
  /** Broadening (in head only), narrowing (in base only) or other. */
  readonly direction: AccessChangeDirection;
  /** Kind of fact. */
  readonly kind: AccessChangeKind;
  /** How much it matters. */
  readonly severity: AccessChangeSeverity;
  /** The model it belongs to (its file stem in a synth output folder); '' when two files are compared. */
  readonly model: string;
  /** Cluster(s) of the fact; '' when it holds on every cluster. */
  readonly cluster: string;
  /** Tenant(s) of the namespaces involved; '' when none. */
  readonly tenant: string;
  /** Who gains or loses: a namespace and consumer, a service account, a tenant, an identity. */
  readonly who: string;
  /** Through what: store → identity. */
  readonly via: string;
  /** The secret (`<backend>:<name>`), '' when the fact is about no secret. */
  readonly secret: string;
  /** The access in words. */
  readonly access: string;
  /** Declaration paths that produced the fact. */
  readonly declaredAt: string;
  /**
   * The rule an acknowledgement covers (`CES-TEN-4`), with its title.
   * @default - absent for changes that are not acknowledgements
   */
  readonly rule?: string;
  /**
   * The reason given with an acknowledgement.
   * @default - absent for changes that are not acknowledgements
   */
  readonly reason?: string;
}

/** The result of {@link diffAccessModels}. */
export interface AccessDiff {
  /** {@link ACCESS_DIFF_API_VERSION}. */
  readonly apiVersion: typeof ACCESS_DIFF_API_VERSION;
  /** Number of broadening changes. */
  readonly broadening: number;
  /** Number of narrowing changes. */
  readonly narrowing: number;
  /** Number of other changes. */
  readonly other: number;
  /** Clusters with a change, sorted. */
  readonly clusters: readonly string[];
  /** Every change: broadening first, then narrowing, then other; each by model, cluster, tenant, severity. */
  readonly changes: readonly AccessChange[];
}

/** A fact of one model: a change without its direction, keyed by stable names. */
type Fact = Omit<AccessChange, 'direction'>;

function joined(values: Iterable<string>): string {
  return [...new Set(values)].sort(compareText).join(', ');
}

/** The expanded facts of one model, by key. */
function factsOf(model: AccessModel, scope: string): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const tenantOfNamespace = new Map<string, string>();
  model.tenants.forEach((t) => t.namespaces.forEach((ns) => tenantOfNamespace.set(ns, t.id)));
  const ownerOf = new Map(model.secrets.map((s) => [s.key, s.tenant ?? '']));
  const add = (key: string, fact: Omit<Fact, 'model'>): void => {
    const full = `${scope}\u0000${key}`;
    const existing = facts.get(full);
    // Several consumers produce one fact: their declaration paths add up.
    facts.set(full, existing === undefined ? { model: scope, ...fact } : { ...existing, declaredAt: joined([...existing.declaredAt.split(', '), ...fact.declaredAt.split(', ')].filter(Boolean)) });
  };
  const storesOf = (identity: AccessModelIdentity): string => identity.stores.join(', ');

  for (const identity of model.identities) {
    for (const grant of identity.grants) {
      const tenants = joined(grant.consumers.map((c) => tenantOfNamespace.get(c.namespace) ?? '').filter(Boolean));
      const paths = joined(grant.consumers.map((c) => c.path));
      const accesses = [...grant.actions, ...(grant.keyUse === undefined ? [] : [grant.keyUse])];
      if (accesses.length === 0) accesses.push('read through an assumed role (its own policy grants it)');
      for (const access of accesses) {
        add(`grant\u0000${identity.id}\u0000${grant.secret}\u0000${access}`, {
          kind: 'grant', severity: grant.how.includes('push') ? 'write' : 'access',
          cluster: identity.clusters.join(', '), tenant: tenants, who: `identity ${identity.principal}`, via: `stores ${storesOf(identity)}`,
          secret: grant.secret, access: `${access} (${grant.how.join(', ')})`, declaredAt: paths,
        });
      }
      for (const consumer of grant.consumers) {
        const write = consumer.kind === 'PushSecret';
        const nsTenant = tenantOfNamespace.get(consumer.namespace) ?? '';
        const owner = ownerOf.get(grant.secret);
        const crossTenant = owner !== undefined && owner !== nsTenant;
        const crossWords = !crossTenant ? '' : owner === '' ? ` (cross-tenant: tenant ${nsTenant} reaches a shared secret)`
          : nsTenant === '' ? ` (cross-tenant: a namespace outside every tenant reaches a secret of tenant ${owner})` : ` (cross-tenant: tenant ${nsTenant} reaches a secret of tenant ${owner})`;
        add(`reach\u0000${consumer.cluster}\u0000${consumer.namespace}\u0000${grant.secret}\u0000${consumer.store}\u0000${identity.id}\u0000${write ? 'write' : 'read'}`, {
          kind: 'reach', severity: crossTenant ? 'cross-tenant' : write ? 'write' : 'access',
          cluster: consumer.cluster, tenant: nsTenant, who: `namespace ${consumer.namespace}`, via: `${consumer.store} → ${identity.principal}`,
          secret: grant.secret, access: `${write ? 'write (PushSecret)' : 'read (ExternalSecret)'}${crossWords}`, declaredAt: consumer.path,
        });
      }
    }
    for (const trust of identity.trust) {
      add(`trust\u0000${identity.id}\u0000${trust.cluster}\u0000${trust.namespace}\u0000${trust.serviceAccount}`, {
        kind: 'trust', severity: 'trust', cluster: trust.cluster, tenant: tenantOfNamespace.get(trust.namespace) ?? '',
        who: `service account ${trust.namespace}:${trust.serviceAccount}`, via: `identity ${identity.principal}`, secret: '',
        access: `may authenticate as the identity (${identity.mechanism})`, declaredAt: `stores ${storesOf(identity)}`,
      });
    }
  }
  for (const store of model.stores) {
    for (const cluster of store.clusters) {
      for (const namespace of store.namespaces) {
        add(`admission\u0000${store.id}\u0000${cluster}\u0000${namespace}`, {
          kind: 'admission', severity: 'access', cluster, tenant: tenantOfNamespace.get(namespace) ?? '', who: `namespace ${namespace}`,
          via: `${store.kind} ${store.name}`, secret: '', access: 'admitted by the store', declaredAt: `store ${store.id}`,
        });
      }
    }
  }
  const principals = new Map(model.identities.map((i) => [i.id, i.principal]));
  for (const find of model.finds) {
    const base = {
      cluster: find.consumer.cluster, tenant: tenantOfNamespace.get(find.consumer.namespace) ?? '', who: `namespace ${find.consumer.namespace}`,
      via: `${find.store} → ${principals.get(find.identity) ?? find.identity}`, declaredAt: find.path,
    };
    if (find.listing !== undefined) {
      add(`listing\u0000${find.identity}\u0000${find.listing}`, { kind: 'find-listing', severity: 'access', ...base, secret: '', access: `${find.listing} (for find ${find.criteria})` });
    }
    for (const secret of find.matched) {
      add(`find\u0000${find.path}\u0000${find.consumer.cluster}\u0000${secret}`, { kind: 'find-match', severity: 'access', ...base, secret, access: `matched by find ${find.criteria}` });
    }
    if (find.beyondMatches !== undefined) {
      add(`beyond\u0000${find.path}\u0000${find.consumer.cluster}\u0000${find.beyondMatches}`, {
        kind: 'find-beyond', severity: 'access', ...base, secret: '', access: `find ${find.criteria} is granted beyond its matches: ${find.beyondMatches}`,
      });
    }
  }
  for (const tenant of model.tenants) {
    for (const namespace of tenant.namespaces) {
      add(`tenant\u0000${tenant.id}\u0000${namespace}`, {
        kind: 'tenant-namespace', severity: 'access', cluster: '', tenant: tenant.id, who: `tenant ${tenant.id} (groups ${tenant.groups.join(', ')})`,
        via: '', secret: '', access: `owns namespace ${namespace}`, declaredAt: `tenant ${tenant.id}`,
      });
    }
  }
  for (const ack of model.acknowledgements) {
    for (const subject of ack.subjects.length === 0 ? ['(no violation: unused)'] : ack.subjects) {
      add(`ack\u0000${ack.ruleId}\u0000${ack.reason}\u0000${subject}`, {
        kind: 'acknowledgement', severity: 'acknowledgement', cluster: '', tenant: '', who: subject, via: '', secret: '',
        access: `${ack.ruleId}${ack.title === '' ? '' : ` (${ack.title})`} acknowledged: ${ack.reason}`, declaredAt: `acknowledge ${ack.ruleId}`,
        rule: `${ack.ruleId}${ack.title === '' ? '' : ` (${ack.title})`}`, reason: ack.reason,
      });
    }
  }
  return facts;
}

/** Policy form per identity, by key. */
function formsOf(model: AccessModel, scope: string): Map<string, { identity: AccessModelIdentity; form: string }> {
  return new Map(model.identities.filter((i) => i.policyForm !== undefined).map((i) => [`${scope}\u0000${i.id}`, { identity: i, form: i.policyForm!.form }]));
}

const DIRECTION_RANK: Record<AccessChangeDirection, number> = { broadening: 0, narrowing: 1, other: 2 };

function compareChanges(a: AccessChange, b: AccessChange): number {
  return DIRECTION_RANK[a.direction] - DIRECTION_RANK[b.direction]
    || compareText(a.model, b.model) || compareText(a.cluster, b.cluster) || compareText(a.tenant, b.tenant)
    || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || KIND_RANK[a.kind] - KIND_RANK[b.kind]
    || compareText(a.who, b.who) || compareText(a.secret, b.secret) || compareText(a.access, b.access) || compareText(a.via, b.via);
}

/**
 * Compares two sets of access models (by name: the file stem in a synth output folder, or '' for a
 * single model each): every fact in head only broadens, every fact in base only narrows, a changed
 * policy form is another change. A model only in head broadens with all its facts.
 */
export function diffAccessModels(base: Readonly<Record<string, AccessModel>>, head: Readonly<Record<string, AccessModel>>): AccessDiff {
  const baseFacts = new Map<string, Fact>();
  const headFacts = new Map<string, Fact>();
  const baseForms = new Map<string, { identity: AccessModelIdentity; form: string }>();
  const headForms = new Map<string, { identity: AccessModelIdentity; form: string }>();
  // Every model is checked before anything is compared: a JavaScript caller's object gets the library's message.
  const sides = ([['base', base, baseFacts, baseForms], ['head', head, headFacts, headForms]] as const).map(([side, models, facts, forms]) => {
    if (typeof models !== 'object' || models === null || Array.isArray(models)) throw accessModelsArgument(side, models);
    return { models: Object.entries(models).map(([scope, model]) => [scope, checkAccessModel(scope === '' ? `diffAccessModels/${side}` : `diffAccessModels/${side}/${scope}`, model)] as const), facts, forms };
  });
  for (const { models, facts, forms } of sides) {
    for (const [scope, model] of models) {
      factsOf(model, scope).forEach((v, k) => facts.set(k, v));
      formsOf(model, scope).forEach((v, k) => forms.set(k, v));
    }
  }
  const changes: AccessChange[] = [];
  headFacts.forEach((fact, key) => { if (!baseFacts.has(key)) changes.push({ direction: 'broadening', ...fact }); });
  baseFacts.forEach((fact, key) => { if (!headFacts.has(key)) changes.push({ direction: 'narrowing', ...fact }); });
  headForms.forEach((now, key) => {
    const before = baseForms.get(key);
    if (before === undefined || before.form === now.form) return;
    changes.push({
      direction: 'other', kind: 'policy-form', severity: 'info', model: key.split('\u0000')[0], cluster: now.identity.clusters.join(', '), tenant: '',
      who: `identity ${now.identity.principal}`, via: '', secret: '', access: `policy form ${before.form} → ${now.form}: ${now.identity.policyForm!.reason}`,
      declaredAt: `stores ${now.identity.stores.join(', ')}`,
    });
  });
  changes.sort(compareChanges);
  return {
    apiVersion: ACCESS_DIFF_API_VERSION,
    broadening: changes.filter((c) => c.direction === 'broadening').length,
    narrowing: changes.filter((c) => c.direction === 'narrowing').length,
    other: changes.filter((c) => c.direction === 'other').length,
    clusters: [...new Set(changes.flatMap((c) => c.cluster.split(', ')).filter(Boolean))].sort(compareText),
    changes,
  };
}
