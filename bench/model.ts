/**
 * What the declaration layer derives from the workload, computed directly from the spec (no library
 * code): the identities (one IAM role each) with the secrets they read, the namespaces each store
 * admits, and the derived names. The bare and plain variants render from this.
 */
import { ACCOUNT, NAME, REGION, Spec, SpecCluster, SpecSecret, SpecStore } from './spec';

/** One IAM role: who assumes it and what it reads. */
export interface ModelIdentity {
  readonly id: string;
  readonly roleName: string;
  readonly roleArn: string;
  readonly serviceAccount: { readonly namespace: string; readonly name: string };
  readonly clusters: readonly SpecCluster[];
  /** Secrets read, sorted by id (as the library's plan does). */
  readonly reads: readonly SpecSecret[];
}

/** The derived model. */
export interface Model {
  readonly identities: readonly ModelIdentity[];
  /** Namespaces per store id, sorted. */
  readonly storeNamespaces: ReadonlyMap<string, readonly string[]>;
}

export const ESO_NAMESPACE = 'external-secrets';
export const ESO_SERVICE_ACCOUNT = 'external-secrets';
export const TAGS = { 'managed-by': 'cdk-external-secrets', 'declaration': NAME };

/** Service account name of a store with its own identity. */
export function storeServiceAccountName(store: SpecStore): string {
  return `eso-${store.name}`;
}

/** Policy ARN of a Secrets Manager secret (AWS appends `-??????`). */
export function secretPolicyArn(secret: SpecSecret): string {
  return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${secret.name}-??????`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Derives identities and namespaces. */
export function buildModel(spec: Spec): Model {
  const storeNamespaces = new Map<string, Set<string>>();
  const identities = new Map<string, { identity: Omit<ModelIdentity, 'reads'>; reads: Map<string, SpecSecret> }>();
  const identityOf = (store: SpecStore, namespace: string) => {
    const id = store.kind === 'controller' ? `controller-${store.clusters[0]}` : store.kind === 'cluster-sa' ? `store-${store.id}` : `store-${store.id}-${namespace}`;
    let entry = identities.get(id);
    if (!entry) {
      const roleName = store.kind === 'controller' ? `${NAME}-${store.clusters[0]}-eso-controller`
        : store.kind === 'cluster-sa' ? `${NAME}-${store.id}-eso` : `${NAME}-${store.id}-${namespace}-eso`;
      const serviceAccount = store.kind === 'controller' ? { namespace: ESO_NAMESPACE, name: ESO_SERVICE_ACCOUNT }
        : { namespace: store.kind === 'namespaced' ? namespace : ESO_NAMESPACE, name: storeServiceAccountName(store) };
      entry = {
        identity: {
          id, roleName, roleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, serviceAccount,
          clusters: spec.clusters.filter((c) => store.clusters.includes(c.id)),
        },
        reads: new Map(),
      };
      identities.set(id, entry);
    }
    return entry;
  };
  for (const es of spec.externalSecrets) {
    const set = storeNamespaces.get(es.store.id) ?? new Set<string>();
    set.add(es.namespace);
    storeNamespaces.set(es.store.id, set);
    identityOf(es.store, es.namespace).reads.set(es.secret.id, es.secret);
  }
  return {
    identities: [...identities.values()]
      .map((e) => ({ ...e.identity, reads: [...e.reads.values()].sort((a, b) => compare(a.id, b.id)) }))
      .sort((a, b) => compare(a.id, b.id)),
    storeNamespaces: new Map([...storeNamespaces].map(([k, v]) => [k, [...v].sort(compare)])),
  };
}

/** Tags of the IAM OIDC provider of a cluster's issuer (created in the declaration's account, as the library does by default). */
export function oidcProviderTags(cluster: SpecCluster): Record<string, string> {
  return { ...TAGS, 'cluster': cluster.clusterName, 'cluster-account': ACCOUNT };
}

/** The IRSA trust policy of an identity, statement per cluster, trusting each cluster's OIDC provider (`providerArn`). */
export function trustPolicy(identity: ModelIdentity, providerArn: (clusterId: string) => string): object {
  return {
    Version: '2012-10-17',
    Statement: identity.clusters.map((c) => {
      const host = c.issuer.replace(/^https:\/\//, '');
      return {
        Effect: 'Allow',
        Principal: { Federated: providerArn(c.id) },
        Action: ['sts:AssumeRoleWithWebIdentity'],
        Condition: { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:sub`]: `system:serviceaccount:${identity.serviceAccount.namespace}:${identity.serviceAccount.name}` } },
      };
    }),
  };
}

/** The hand-built access policy of an identity: the same statements the library compiles. */
export function accessPolicy(identity: ModelIdentity, keyArn: (index: number) => string): object {
  const keys = [...new Set(identity.reads.filter((s) => s.key !== undefined).map((s) => keyArn(s.key!)))].sort();
  const statements: object[] = [{
    Sid: 'ReadSecrets', Effect: 'Allow',
    Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
    Resource: identity.reads.map(secretPolicyArn).sort(),
  }];
  if (keys.length > 0) {
    statements.push({
      Sid: 'KmsDecryptOnlyViaService', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: keys,
      Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The key policy of every KMS key. */
export const KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [{
    Sid: 'EnableAccountRootAdministrationPreventsLockout', Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ['kms:*'], Resource: ['*'],
  }],
};
