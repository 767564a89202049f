/**
 * What the declaration layer derives from the workload, computed directly from the spec (no library
 * code): the identities (one IAM role each) with the secrets they read, the namespaces each store
 * admits, and the derived names. The bare and plain variants render from this.
 */
import { createHash } from 'node:crypto';
import { ACCOUNT, NAME, OWNED_PREFIX, REGION, Spec, SpecCluster, SpecSecret, SpecStore } from './spec';

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
/** The key of the grant tag on secrets an identity reads by tag. */
export const GRANT_TAG_KEY = 'cdk-external-secrets/grant-set';
/** IAM's inline policy size less what is kept for finds, keys and pushes: the exact ARN list fits below it. */
const INLINE_BUDGET = 10240 - 2048;
const READ_ACTIONS = ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'];

/**
 * The grant tag value of an identity whose exact ARN list does not fit the inline policy: it reads the
 * secrets created under the owned prefix by tag, the value a digest of the set of tag-reading identities
 * of each secret. In this workload every secret is read by one identity, so the set is that identity.
 * @returns undefined where the exact ARN list fits
 */
export function grantTagOf(identity: ModelIdentity): string | undefined {
  const chars = identity.reads.reduce((sum, s) => sum + secretPolicyArn(s).length + 3, 0);
  return chars <= INLINE_BUDGET ? undefined : `gs-${createHash('sha256').update(JSON.stringify([identity.id])).digest('hex').slice(0, 32)}`;
}

/** The grant tag of each secret read by tag, by secret id. */
export function secretGrantTags(model: Model): Map<string, string> {
  const tags = new Map<string, string>();
  for (const identity of model.identities) {
    const tag = grantTagOf(identity);
    if (tag !== undefined) {
      identity.reads.forEach((s) => tags.set(s.id, tag));
    }
  }
  return tags;
}

/** A secret's tags: the declaration's, and the grant tag where it is read by tag. */
export function secretTags(secret: SpecSecret, grantTags: ReadonlyMap<string, string>): Record<string, string> {
  const tag = grantTags.get(secret.id);
  return tag === undefined ? { ...TAGS } : { ...TAGS, [GRANT_TAG_KEY]: tag };
}

export function accessPolicy(identity: ModelIdentity, keyArn: (index: number) => string): object {
  const keys = [...new Set(identity.reads.filter((s) => s.key !== undefined).map((s) => keyArn(s.key!)))].sort();
  const tag = grantTagOf(identity);
  const statements: object[] = [tag === undefined ? {
    Sid: 'ReadSecrets', Effect: 'Allow', Action: READ_ACTIONS, Resource: identity.reads.map(secretPolicyArn).sort(),
  } : {
    Sid: 'ReadSecretsByGrantTagUnderOwnedPrefix', Effect: 'Allow', Action: READ_ACTIONS,
    Resource: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${OWNED_PREFIX}*`],
    Condition: { StringEquals: { [`secretsmanager:ResourceTag/${GRANT_TAG_KEY}`]: tag } },
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
