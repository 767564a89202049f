import { AccessChangeDirection, diffAccessModels } from './diff';
import type { AccessModel, AccessModelConsumer, AccessModelGrant, AccessModelIdentity } from './model-types';

/** How an element of the head model compares with the base model. */
export enum ReportChange {
  /** In both (or no base given). */
  NONE = 0,
  /** Only in the head model. */
  GAINED = 1,
  /** Only in the base model. */
  LOST = 2,
  /** In both, with other actions, key use or routes. */
  CHANGED = 3,
}

/** The columns of a grant row ({@link AccessReportData.rows}); values are indices into `strings` unless noted. */
export const ROW_COLUMNS = [
  'cluster', 'tenant', 'namespace', 'store', 'identity' /* index into identities */, 'secret', 'secretName', 'backend',
  'actions', 'how', 'consumer', 'change' /* ReportChange */, 'was' /* actions in the base when CHANGED */,
] as const;

/** A trusted service account of an identity, with its change against the base. */
export interface ReportTrust {
  readonly cluster: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly change: ReportChange;
}

/** An identity as the report shows it. */
export interface ReportIdentity {
  readonly id: string;
  readonly provider: string;
  readonly principal: string;
  readonly mechanism: string;
  readonly policyForm: string;
  readonly stores: readonly string[];
  readonly trust: readonly ReportTrust[];
  readonly change: ReportChange;
}

/** A store as the report shows it. */
export interface ReportStore {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly provider: string;
  readonly clusters: readonly string[];
  readonly namespaces: readonly string[];
  /** Namespaces admitted in the head and not in the base. */
  readonly gainedNamespaces: readonly string[];
}

/** A declared secret as the report shows it. */
export interface ReportSecret {
  readonly key: string;
  readonly name: string;
  readonly backend: string;
  readonly tenant: string;
}

/** A find as the report shows it. */
export interface ReportFind {
  readonly identity: string;
  readonly criteria: string;
  readonly path: string;
  readonly matched: number;
  /** Matched secrets in the head and not in the base. */
  readonly gained: readonly string[];
}

/** An acknowledgement as the report shows it. */
export interface ReportAcknowledgement {
  readonly ruleId: string;
  readonly title: string;
  readonly reason: string;
  readonly subjects: readonly string[];
  readonly change: ReportChange;
}

/** The columns of a change row ({@link AccessReportData.changes}): indices into `strings`, the direction a number. */
export const CHANGE_COLUMNS = ['direction' /* 0 broadening, 1 narrowing, 2 other */, 'kind', 'severity', 'cluster', 'tenant', 'who', 'via', 'secret', 'access'] as const;

const DIRECTIONS: readonly AccessChangeDirection[] = ['broadening', 'narrowing', 'other'];

/**
 * What the HTML report embeds: the head model's grant rows (one per identity, secret and consumer,
 * strings interned) and, with a base, each row's change and the changed trust, stores, finds and
 * acknowledgements.
 */
export interface AccessReportData {
  readonly declaration: string;
  /** The base model's declaration name, or the empty string without a base. */
  readonly base: string;
  readonly strings: readonly string[];
  readonly rows: ReadonlyArray<readonly number[]>;
  readonly identities: readonly ReportIdentity[];
  readonly stores: readonly ReportStore[];
  readonly secrets: readonly ReportSecret[];
  readonly tenants: ReadonlyArray<{ readonly id: string; readonly namespaces: readonly string[] }>;
  readonly finds: readonly ReportFind[];
  readonly acknowledgements: readonly ReportAcknowledgement[];
  /** The access diff's changes ({@link diffAccessModels}), broadening first; empty without a base. */
  readonly changes: ReadonlyArray<readonly number[]>;
  /** The access diff's counts: broadening, narrowing, other. */
  readonly changeCounts: readonly number[];
}

interface FlatRow {
  readonly key: string;
  readonly cluster: string;
  readonly tenant: string;
  readonly namespace: string;
  readonly store: string;
  readonly identity: string;
  readonly secret: string;
  readonly secretName: string;
  readonly backend: string;
  readonly actions: string;
  readonly how: string;
  readonly consumer: string;
}

function actionsOf(grant: AccessModelGrant): string {
  return grant.keyUse ? `${grant.actions.join(', ')}; ${grant.keyUse}` : grant.actions.join(', ');
}

/** The grant rows of a model: one per identity, grant and consumer (one without consumer when it has none). */
function flatRows(model: AccessModel): FlatRow[] {
  const tenantOfNamespace = new Map<string, string>();
  model.tenants.forEach((t) => t.namespaces.forEach((ns) => tenantOfNamespace.set(ns, t.id)));
  const secrets = new Map(model.secrets.map((s) => [s.key, s]));
  const rows: FlatRow[] = [];
  const add = (identity: AccessModelIdentity, grant: AccessModelGrant, consumer: AccessModelConsumer | undefined): void => {
    const secret = secrets.get(grant.secret);
    const namespace = consumer?.namespace ?? '';
    const consumerText = consumer ? `${consumer.kind} ${consumer.name}` : '';
    rows.push({
      key: JSON.stringify([identity.id, grant.secret, consumer?.cluster ?? '', namespace, consumerText]),
      cluster: consumer?.cluster ?? '',
      tenant: tenantOfNamespace.get(namespace) ?? secret?.tenant ?? '',
      namespace,
      store: consumer?.store ?? identity.stores.join(', '),
      identity: identity.id,
      secret: grant.secret,
      secretName: secret?.name ?? grant.secret,
      backend: grant.backend,
      actions: actionsOf(grant),
      how: grant.how.join(', '),
      consumer: consumerText,
    });
  };
  for (const identity of model.identities) {
    for (const grant of identity.grants) {
      if (grant.consumers.length === 0) add(identity, grant, undefined);
      grant.consumers.forEach((c) => add(identity, grant, c));
    }
  }
  return rows;
}

function trustKey(t: { cluster: string; namespace: string; serviceAccount: string }): string {
  return JSON.stringify([t.cluster, t.namespace, t.serviceAccount]);
}

function ackKey(a: { ruleId: string; reason: string }): string {
  return JSON.stringify([a.ruleId, a.reason]);
}

/** Interns strings: each distinct string once, rows refer to it by index. */
class StringTable {
  public readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  public of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function identityData(identity: AccessModelIdentity, before: AccessModelIdentity | undefined, hasBase: boolean): ReportIdentity {
  const baseTrust = new Set((before?.trust ?? []).map(trustKey));
  const headTrust = new Set(identity.trust.map(trustKey));
  const trust: ReportTrust[] = identity.trust.map((t) => ({
    cluster: t.cluster, namespace: t.namespace, serviceAccount: t.serviceAccount,
    change: hasBase && !baseTrust.has(trustKey(t)) ? ReportChange.GAINED : ReportChange.NONE,
  }));
  (before?.trust ?? []).filter((t) => !headTrust.has(trustKey(t))).forEach((t) => trust.push({
    cluster: t.cluster, namespace: t.namespace, serviceAccount: t.serviceAccount, change: ReportChange.LOST,
  }));
  return {
    id: identity.id, provider: identity.provider, principal: identity.principal, mechanism: identity.mechanism,
    policyForm: identity.policyForm ? `${identity.policyForm.form}: ${identity.policyForm.reason}` : '',
    stores: identity.stores, trust,
    change: hasBase && !before ? ReportChange.GAINED : ReportChange.NONE,
  };
}

/**
 * The data the HTML report embeds for `head`, compared with `base` when given. Rows of the head
 * come first (gained, changed or unchanged), then the rows only the base has (lost), each in model order.
 */
export function accessReportData(head: AccessModel, base?: AccessModel): AccessReportData {
  const hasBase = base !== undefined;
  const table = new StringTable();
  const headRows = flatRows(head);
  const baseRows = new Map((base ? flatRows(base) : []).map((r) => [r.key, r]));
  const headKeys = new Set(headRows.map((r) => r.key));
  const baseIdentities = new Map((base?.identities ?? []).map((i) => [i.id, i]));
  const identities = head.identities.map((i) => identityData(i, baseIdentities.get(i.id), hasBase));
  const headIdentityIds = new Set(head.identities.map((i) => i.id));
  (base?.identities ?? []).filter((i) => !headIdentityIds.has(i.id)).forEach((i) => {
    const removed = identityData(i, i, true);
    identities.push({ ...removed, trust: removed.trust.map((t) => ({ ...t, change: ReportChange.LOST })), change: ReportChange.LOST });
  });
  const identityIndex = new Map(identities.map((i, n) => [i.id, n]));

  const rows: number[][] = [];
  const push = (r: FlatRow, change: ReportChange, was: string): void => {
    rows.push([
      table.of(r.cluster), table.of(r.tenant), table.of(r.namespace), table.of(r.store), identityIndex.get(r.identity) ?? 0,
      table.of(r.secret), table.of(r.secretName), table.of(r.backend), table.of(r.actions), table.of(r.how), table.of(r.consumer),
      change, table.of(was),
    ]);
  };
  for (const r of headRows) {
    const before = baseRows.get(r.key);
    if (!hasBase || (before && before.actions === r.actions && before.how === r.how)) push(r, ReportChange.NONE, '');
    else if (!before) push(r, ReportChange.GAINED, '');
    else push(r, ReportChange.CHANGED, `${before.actions} (${before.how})`);
  }
  for (const r of baseRows.values()) {
    if (!headKeys.has(r.key)) push(r, ReportChange.LOST, '');
  }

  const baseStores = new Map((base?.stores ?? []).map((s) => [s.id, s]));
  const stores: ReportStore[] = head.stores.map((s) => {
    const before = baseStores.get(s.id);
    return {
      id: s.id, name: s.name, kind: s.kind, provider: s.provider, clusters: s.clusters, namespaces: s.namespaces,
      gainedNamespaces: hasBase ? s.namespaces.filter((ns) => !(before?.namespaces ?? []).includes(ns)) : [],
    };
  });

  const baseFinds = new Map((base?.finds ?? []).map((f) => [f.path, f]));
  const finds: ReportFind[] = head.finds.map((f) => ({
    identity: f.identity, criteria: f.criteria, path: f.path, matched: f.matched.length,
    gained: hasBase ? f.matched.filter((m) => !(baseFinds.get(f.path)?.matched ?? []).includes(m)) : [],
  }));

  const baseAcks = new Set((base?.acknowledgements ?? []).map(ackKey));
  const headAcks = new Set(head.acknowledgements.map(ackKey));
  const acknowledgements: ReportAcknowledgement[] = [
    ...head.acknowledgements.map((a) => ({ ...a, change: hasBase && !baseAcks.has(ackKey(a)) ? ReportChange.GAINED : ReportChange.NONE })),
    ...(base?.acknowledgements ?? []).filter((a) => !headAcks.has(ackKey(a))).map((a) => ({ ...a, change: ReportChange.LOST })),
  ];

  const diff = base ? diffAccessModels({ '': base }, { '': head }) : undefined;
  const changes = (diff?.changes ?? []).map((c) => [DIRECTIONS.indexOf(c.direction),
    ...[c.kind, c.severity, c.cluster, c.tenant, c.who, c.via, c.secret, c.access].map((t) => table.of(t))]);

  return {
    declaration: head.declaration,
    base: base?.declaration ?? '',
    strings: table.strings,
    rows,
    identities,
    stores,
    secrets: head.secrets.map((s) => ({ key: s.key, name: s.name, backend: s.backend, tenant: s.tenant ?? '' })),
    tenants: head.tenants.map((t) => ({ id: t.id, namespaces: t.namespaces })),
    finds,
    acknowledgements,
    changes,
    changeCounts: diff ? [diff.broadening, diff.narrowing, diff.other] : [0, 0, 0],
  };
}
