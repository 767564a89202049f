/**
 * The benchmark workload as plain data: N ExternalSecrets over 20 namespaces, N Secrets Manager
 * secrets (three in four encrypted by a shared customer-managed key), three stores and two EKS
 * clusters. The library variant turns it into a SecretsDeclaration (generate.ts); the bare variants
 * (bare-k8s.ts, bare-tf.ts) and the plain variants (plain.ts) read it directly, so every variant
 * renders the same objects.
 */

/** Fixed AWS account / region of the workload. */
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const NAME = 'bench';

/** The two EKS clusters. */
export const CLUSTERS = [
  { id: 'prod-a', clusterName: 'bench-prod-a', issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  { id: 'prod-b', clusterName: 'bench-prod-b', issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' },
] as const;

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
  const keyCount = Math.max(1, Math.ceil(n / 250));
  const keys = Array.from({ length: keyCount }, (_, i) => `bench/key-${i}`);
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
  return { n, namespaces, keys, secrets, externalSecrets };
}
