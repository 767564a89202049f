/**
 * The benchmark workloads as plain data. The base workload (`buildSpec`): N ExternalSecrets over 20
 * namespaces, N Secrets Manager secrets (three in four encrypted by a shared customer-managed key),
 * three stores and two EKS clusters. The estate (`buildEstateSpec`): at 10,000 secrets 50 clusters,
 * 1,000 namespaces and 1,000 identities, scaled proportionally below. The library variant turns a
 * workload into a SecretsDeclaration (generate.ts); the bare variants (bare-k8s.ts, bare-tf.ts) and
 * the plain variants (plain.ts) read it directly, so every variant renders the same objects.
 */

/** Fixed AWS account / region of the workload. */
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const NAME = 'bench';
/** The name prefix the benchmark's declaration owns (its secrets are `bench/app-<i>/credentials`). */
export const OWNED_PREFIX = 'bench/';

/** An EKS cluster of a workload. */
export interface SpecCluster {
  readonly id: string;
  readonly clusterName: string;
  readonly issuer: string;
}

/** The two EKS clusters of the base workload. */
export const CLUSTERS: readonly SpecCluster[] = [
  { id: 'prod-a', clusterName: 'bench-prod-a', issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  { id: 'prod-b', clusterName: 'bench-prod-b', issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' },
];

/** How a store authenticates (mirrors the library's StoreScope x EsoAuthModel). */
export type StoreKind = 'controller' | 'cluster-sa' | 'namespaced';

/** A store of the workload. */
export interface SpecStore {
  readonly id: string;
  readonly name: string;
  readonly kind: StoreKind;
  /** Cluster ids the store exists on. */
  readonly clusters: readonly string[];
}

/** ClusterSecretStore with the controller identity (cluster a), ClusterSecretStore with its own SA (both clusters), namespaced SecretStores (cluster a). */
export const STORES: readonly SpecStore[] = [
  { id: 'shared', name: 'aws-shared', kind: 'controller', clusters: ['prod-a'] },
  { id: 'team', name: 'aws-team', kind: 'cluster-sa', clusters: ['prod-a', 'prod-b'] },
  { id: 'tenant', name: 'aws-tenant', kind: 'namespaced', clusters: ['prod-a'] },
];

/** A Secrets Manager secret of the workload. */
export interface SpecSecret {
  readonly id: string;
  readonly name: string;
  /** Index into keys, or undefined for the AWS managed key. */
  readonly key?: number;
}

/** An ExternalSecret of the workload (reads username/password of one secret). */
export interface SpecExternalSecret {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly store: SpecStore;
  readonly secret: SpecSecret;
}

/** The whole workload. */
export interface Spec {
  readonly n: number;
  readonly clusters: readonly SpecCluster[];
  /** Stores, sorted by id. */
  readonly stores: readonly SpecStore[];
  readonly namespaces: readonly string[];
  /** KMS key aliases (without `alias/`). */
  readonly keys: readonly string[];
  readonly secrets: readonly SpecSecret[];
  readonly externalSecrets: readonly SpecExternalSecret[];
}

export const NAMESPACE_COUNT = 20;

/** Builds the workload for N ExternalSecrets, deterministically. */
export function buildSpec(n: number): Spec {
  const namespaces = Array.from({ length: NAMESPACE_COUNT }, (_, i) => `team-${String(i).padStart(2, '0')}`);
  const keys = keysFor(n);
  const keyCount = keys.length;
  const secrets: SpecSecret[] = [];
  const externalSecrets: SpecExternalSecret[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s${i}`;
    const secret: SpecSecret = { id, name: `bench/app-${i}/credentials`, key: i % 4 === 0 ? undefined : i % keyCount };
    secrets.push(secret);
    // 1 in 10 through the namespaced store, 2 in 10 through the store service account, the rest through the controller.
    const store = i % 10 === 0 ? STORES[2] : i % 10 < 3 ? STORES[1] : STORES[0];
    externalSecrets.push({ id: `es${i}`, name: `app-${i}`, namespace: namespaces[i % NAMESPACE_COUNT], store, secret });
  }
  return { n, clusters: CLUSTERS, stores: STORES, namespaces, keys, secrets, externalSecrets };
}

function keysFor(n: number): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(n / 250)) }, (_, i) => `bench/key-${i}`);
}

/** Namespaces per estate cluster; the last one is the cluster's platform namespace. */
export const ESTATE_NAMESPACES_PER_CLUSTER = 20;
/** ExternalSecrets (and secrets) per estate namespace. */
export const ESTATE_SECRETS_PER_NAMESPACE = 10;

/**
 * The estate workload for n secrets (a multiple of 200): n / 200 EKS clusters (50 at 10,000), each
 * with 20 namespaces of 10 ExternalSecrets, each ExternalSecret reading its own Secrets Manager secret
 * (three in four under one of ceil(n / 250) shared KMS keys). Per cluster a ClusterSecretStore
 * `aws-shared-<cluster>` on the ESO controller's identity, admitting the cluster's namespaces, and a namespaced
 * SecretStore `aws-team-<cluster>` with its own service account (an IAM role) in each of the 19 team
 * namespaces. The 20th namespace, `platform`, reads its 10 secrets through the shared store, and so
 * does the first ExternalSecret of each team namespace. Identities: one controller role per cluster
 * plus one role per team namespace, n / 10 in all (1,000 at 10,000).
 */
export function buildEstateSpec(n: number): Spec {
  const perCluster = ESTATE_NAMESPACES_PER_CLUSTER * ESTATE_SECRETS_PER_NAMESPACE;
  if (n % perCluster !== 0 || n <= 0) {
    throw new Error(`estate size ${n}: a positive multiple of ${perCluster} secrets`);
  }
  const clusters: SpecCluster[] = [];
  const stores: SpecStore[] = [];
  const namespaces: string[] = [];
  const keys = keysFor(n);
  const secrets: SpecSecret[] = [];
  const externalSecrets: SpecExternalSecret[] = [];
  for (let c = 0; c < n / perCluster; c++) {
    const id = `c${String(c).padStart(2, '0')}`;
    const hex = (c + 1).toString(16).toUpperCase().padStart(32, '0');
    clusters.push({ id, clusterName: `estate-${id}`, issuer: `https://oidc.eks.eu-west-1.amazonaws.com/id/${hex}` });
    const shared: SpecStore = { id: `shared-${id}`, name: `aws-shared-${id}`, kind: 'controller', clusters: [id] };
    const team: SpecStore = { id: `team-${id}`, name: `aws-team-${id}`, kind: 'namespaced', clusters: [id] };
    stores.push(shared, team);
    for (let t = 0; t < ESTATE_NAMESPACES_PER_CLUSTER; t++) {
      const platform = t === ESTATE_NAMESPACES_PER_CLUSTER - 1;
      const namespace = platform ? `${id}-platform` : `${id}-team-${String(t).padStart(2, '0')}`;
      namespaces.push(namespace);
      for (let j = 0; j < ESTATE_SECRETS_PER_NAMESPACE; j++) {
        const i = secrets.length;
        const secret: SpecSecret = { id: `s${i}`, name: `estate/${namespace}/app-${j}`, key: i % 4 === 0 ? undefined : i % keys.length };
        secrets.push(secret);
        externalSecrets.push({ id: `es${i}`, name: `app-${j}`, namespace, store: platform || j === 0 ? shared : team, secret });
      }
    }
  }
  return {
    n, clusters, stores: [...stores].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), namespaces, keys, secrets, externalSecrets,
  };
}
