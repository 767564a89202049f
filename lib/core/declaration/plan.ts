import {
  clusterNotServed, crossCloudControllerIdentity, crossCloudWithoutIssuer, invalidIamRoleName, namespaceNotAdmitted,
  podIdentityWithStoreServiceAccount, selfAssumeRole,
} from '../errors';
import { IdentityKind, ServiceAccountRef } from '../identity';
import { AksClusterDeclaration, AwsIdentityMode, ClusterCloud, ClusterDeclaration, EksClusterDeclaration } from './clusters';
import { PushSecretDeclaration, SecretFindReference } from './consumers';
import type { SecretsDeclaration } from './declaration';
import { awsPartition, joinName, roleArn, storeServiceAccountName } from './names';
import { AwsSecretDeclaration, SecretDeclaration } from './secrets';
import { AwsStoreDeclaration, AzureStoreDeclaration, EsoAuthModel, StoreDeclaration, StoreScope } from './stores';
import { isIamRoleName } from '../cloud-names';

/** AWS side of an identity plan. */
export interface AwsIdentityPlan {
  /** IAM role name (derived). */
  readonly roleName: string;
  /** Literal role ARN, for annotations in YAML. */
  readonly roleArn: string;
  /** Account holding the role. */
  readonly accountId: string;
  /** Partition of the role. */
  readonly partition: string;
}

/** Azure side of an identity plan. */
export interface AzureIdentityPlan {
  /** Name of the user-assigned managed identity (derived). */
  readonly identityName: string;
  /** Tenant of the identity. */
  readonly tenantId: string;
}

/** A `dataFrom.find` and the declared secrets it matches. */
export interface FindUse {
  /** The find as declared. */
  readonly find: SecretFindReference;
  /** The store it runs against. */
  readonly store: StoreDeclaration;
  /** Declared secrets the find matches (grants are limited to these). */
  readonly matched: readonly SecretDeclaration[];
}

/** One cloud identity ESO uses, and exactly what it must be allowed to do. */
export interface IdentityPlan {
  /** Stable id (construct ids, names): `controller-<cluster>`, `store-<store>` or `store-<store>-<ns>`. */
  readonly id: string;
  /**
   * The cloud of the identity: the cloud of its stores. It differs from the cloud of its clusters for
   * cross-cloud stores (an AWS store on AKS federates the AKS issuer with IAM; an Azure store on EKS
   * federates the EKS issuer with Entra ID).
   */
  readonly cloud: ClusterCloud;
  /** Binding mechanism. */
  readonly kind: IdentityKind;
  /** Controller identity or a store's own service account. */
  readonly authModel: EsoAuthModel;
  /** Stores that authenticate as this identity. */
  readonly stores: readonly StoreDeclaration[];
  /** Clusters whose service account is trusted. */
  readonly clusters: readonly ClusterDeclaration[];
  /** The service account trusted on each of those clusters. */
  readonly serviceAccount: ServiceAccountRef;
  /**
   * AWS details.
   * @default - undefined for Azure identities
   */
  readonly aws?: AwsIdentityPlan;
  /**
   * Azure details.
   * @default - undefined for AWS identities
   */
  readonly azure?: AzureIdentityPlan;
  /** Secrets read through `data` / `extract`, sorted by id, de-duplicated. */
  readonly reads: readonly SecretDeclaration[];
  /**
   * Roles the identity assumes for stores with `assumeRoleArn` (sorted): it needs `sts:AssumeRole` on
   * them and nothing on the secrets read through them (the assumed role's own policy grants those).
   */
  readonly chainedRoles: readonly string[];
  /** Secrets read through an assumed role (for the access matrix), sorted by id. */
  readonly chainedReads: readonly SecretDeclaration[];
  /** Finds, with the declared secrets they match. */
  readonly finds: readonly FindUse[];
  /** PushSecrets writing through this identity. */
  readonly pushes: readonly PushSecretDeclaration[];
}

/** The resolved declaration both renderers work from. */
export interface DeclarationPlan {
  /** Every identity, sorted by id. */
  readonly identities: readonly IdentityPlan[];
  /** The identity a store uses on a cluster, in a namespace (namespaced stores). */
  identityFor(store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): IdentityPlan;
  /** Namespaces a store admits (ClusterSecretStore conditions) or exists in (SecretStores), sorted. */
  namespacesOf(store: StoreDeclaration): readonly string[];
  /** Service accounts the cloud side trusts on a cluster, as `ns:name`, sorted. */
  trustedServiceAccounts(cluster: ClusterDeclaration): readonly string[];
}


/** Resolves a declaration into identities and grants. Called through {@link SecretsDeclaration.plan}. */
export function planDeclaration(declaration: SecretsDeclaration): DeclarationPlan {
  const namespaces = storeNamespaces(declaration);
  const identities = new Map<string, MutableIdentity>();
  const byKey = new Map<string, MutableIdentity>();

  const identityFor = (store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): MutableIdentity => {
    const key = identityKey(store, cluster, namespace);
    const found = byKey.get(key);
    if (found) {
      return found;
    }
    const created = createIdentity(declaration, store, cluster, namespace);
    const existing = identities.get(created.id);
    const identity = existing ?? created;
    if (!existing) {
      identities.set(identity.id, identity);
    }
    if (!identity.clusters.includes(cluster)) {
      identity.clusters.push(cluster);
    }
    if (!identity.stores.includes(store)) {
      identity.stores.push(store);
    }
    byKey.set(key, identity);
    return identity;
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
    for (const cluster of declaration.clustersOf(es)) {
      const identity = identityFor(es.store, cluster, es.namespace);
      const chainedRole = (es.store as AwsStoreDeclaration).assumeRoleArn;
      const reads = chainedRole !== undefined ? identity.chainedReads : identity.reads;
      es.data.forEach((d) => reads.set(d.secret.id, d.secret));
      es.extract.forEach((e) => reads.set(e.secret.id, e.secret));
      if (chainedRole !== undefined) {
        identity.chainedRoles.add(chainedRole);
        es.find.forEach((find) => matchFind(declaration, es.store, find).forEach((s) => reads.set(s.id, s)));
      } else {
        es.find.forEach((find) => identity.finds.push({ find, store: es.store, matched: matchFind(declaration, es.store, find) }));
      }
      checkNamespaceAdmitted(path, es, namespaces.get(es.store)!);
    }
  }
  for (const push of declaration.pushSecrets) {
    const path = declaration.pathOf('pushSecrets', push.id);
    for (const cluster of declaration.clustersOf(push)) {
      const identity = identityFor(push.store, cluster, push.namespace);
      const chainedRole = (push.store as AwsStoreDeclaration).assumeRoleArn;
      if (chainedRole !== undefined) {
        identity.chainedRoles.add(chainedRole);
      } else {
        identity.pushes.push(push);
      }
      checkNamespaceAdmitted(path, push, namespaces.get(push.store)!);
    }
  }

  const resolved: IdentityPlan[] = [...identities.values()]
    .sort((a, b) => compare(a.id, b.id))
    .map((m) => ({
      ...m,
      clusters: [...m.clusters].sort((a, b) => compare(a.id, b.id)),
      stores: [...m.stores].sort((a, b) => compare(a.id, b.id)),
      reads: [...m.reads.values()].sort((a, b) => compare(a.id, b.id)),
      chainedRoles: [...m.chainedRoles].sort(compare),
      chainedReads: [...m.chainedReads.values()].sort((a, b) => compare(a.id, b.id)),
      finds: [...m.finds],
      pushes: [...m.pushes],
    }));
  const resolvedById = new Map(resolved.map((r) => [r.id, r]));

  return {
    identities: resolved,
    identityFor: (store, cluster, namespace) => {
      const key = identityKey(store, cluster, namespace);
      const identity = byKey.get(key);
      if (!identity) {
        const served = declaration.clustersOfStore(store);
        throw clusterNotServed(declaration.pathOf('stores', store.id), 'clusters', cluster.id, store.name, served.map((c) => c.id));
      }
      return resolvedById.get(identity.id)!;
    },
    namespacesOf: (store) => namespaces.get(store) ?? [],
    trustedServiceAccounts: (cluster) => [...new Set(resolved
      .filter((r) => r.clusters.includes(cluster))
      .map((r) => `${r.serviceAccount.namespace}:${r.serviceAccount.name}`))].sort(compare),
  };
}

interface MutableIdentity extends Omit<IdentityPlan, 'stores' | 'clusters' | 'reads' | 'finds' | 'pushes' | 'chainedRoles' | 'chainedReads'> {
  stores: StoreDeclaration[];
  clusters: ClusterDeclaration[];
  reads: Map<string, SecretDeclaration>;
  chainedRoles: Set<string>;
  chainedReads: Map<string, SecretDeclaration>;
  finds: FindUse[];
  pushes: PushSecretDeclaration[];
}

function identityKey(store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): string {
  if (store.authModel === EsoAuthModel.CONTROLLER) {
    return `controller/${cluster.id}`;
  }
  return store.scope === StoreScope.NAMESPACED ? `store/${store.id}/${namespace}/${cluster.id}` : `store/${store.id}/${cluster.id}`;
}

function createIdentity(declaration: SecretsDeclaration, store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): MutableIdentity {
  const storePath = declaration.pathOf('stores', store.id);
  const controller = store.authModel === EsoAuthModel.CONTROLLER;
  const namespaced = store.scope === StoreScope.NAMESPACED;
  const crossCloud = store.cloud !== cluster.cloud;
  if (crossCloud && controller) {
    throw crossCloudControllerIdentity(storePath, 'authModel', store.cloud, cluster.id, cluster.cloud);
  }
  const id = controller ? `controller-${cluster.id}` : namespaced ? `store-${store.id}-${namespace}` : `store-${store.id}`;
  const serviceAccount: ServiceAccountRef = controller
    ? declaration.esoController
    : { namespace: namespaced ? namespace : declaration.esoController.namespace, name: storeServiceAccountName(store.name) };
  // The identity lives in the STORE's cloud: the cluster only contributes its OIDC issuer.
  const base = {
    id, cloud: store.cloud, authModel: store.authModel, serviceAccount,
    stores: [], clusters: [], reads: new Map<string, SecretDeclaration>(), finds: [], pushes: [],
    chainedRoles: new Set<string>(), chainedReads: new Map<string, SecretDeclaration>(),
  };
  const baseName = joinName(declaration.name, controller ? cluster.id : store.id, namespaced && !controller ? namespace : undefined, controller ? 'eso-controller' : 'eso');

  if (store.cloud === ClusterCloud.AWS) {
    // Same-cloud: IRSA or Pod Identity as the EKS cluster says. Cross-cloud (AKS): web identity
    // federation of the AKS issuer, the same trust shape and service-account annotation as IRSA.
    const podIdentity = !crossCloud && (cluster as EksClusterDeclaration).identityMode === AwsIdentityMode.POD_IDENTITY;
    if (podIdentity && !controller) {
      throw podIdentityWithStoreServiceAccount(storePath, 'authModel', cluster.id);
    }
    if (!isIamRoleName(baseName)) {
      throw invalidIamRoleName(storePath, 'roleName', baseName);
    }
    const awsStore = store as AwsStoreDeclaration;
    const aws = { accountId: declaration.aws!.accountId, partition: awsPartition(awsStore.region) };
    const arn = roleArn(aws.partition, aws.accountId, baseName);
    if (awsStore.assumeRoleArn !== undefined && awsStore.assumeRoleArn === arn) {
      throw selfAssumeRole(storePath, 'assumeRoleArn', awsStore.assumeRoleArn);
    }
    return {
      ...base,
      kind: podIdentity ? IdentityKind.AWS_POD_IDENTITY : IdentityKind.AWS_IRSA,
      aws: { roleName: baseName, roleArn: arn, accountId: aws.accountId, partition: aws.partition },
    };
  }
  if (crossCloud && (cluster as EksClusterDeclaration).oidcIssuerUrl === undefined) {
    throw crossCloudWithoutIssuer(storePath, 'clusters', store.cloud, cluster.id);
  }
  const tenantId = crossCloud ? (store as AzureStoreDeclaration).vault.tenantId : (cluster as AksClusterDeclaration).tenantId;
  return {
    ...base,
    kind: IdentityKind.AZURE_WORKLOAD_IDENTITY,
    azure: { identityName: baseName.slice(0, 128), tenantId },
  };
}

/** The OIDC issuer of a cluster, when declared (always for AKS, for IRSA EKS clusters). */
export function clusterIssuerUrl(cluster: ClusterDeclaration): string | undefined {
  return cluster.cloud === ClusterCloud.AZURE
    ? (cluster as AksClusterDeclaration).oidcIssuerUrl
    : (cluster as EksClusterDeclaration).oidcIssuerUrl;
}


function storeNamespaces(declaration: SecretsDeclaration): Map<StoreDeclaration, readonly string[]> {
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

function matchFind(declaration: SecretsDeclaration, store: StoreDeclaration, find: SecretFindReference): SecretDeclaration[] {
  const regexp = find.nameRegexp !== undefined ? new RegExp(anchor(find.nameRegexp)) : undefined;
  return declaration.secrets
    .filter((s) => s.backend === store.backend)
    .filter((s) => store.cloud !== ClusterCloud.AWS || (s as AwsSecretDeclaration).region === (store as AwsStoreDeclaration).region)
    .filter((s) => regexp === undefined || regexp.test(s.name))
    .filter((s) => find.path === undefined || s.name.startsWith(find.path))
    .filter((s) => find.tags === undefined || Object.entries(find.tags).every(([k, v]) => (s as AwsSecretDeclaration).tags?.[k] === v))
    .sort((a, b) => compare(a.id, b.id));
}

/** Anchors a regular expression with `^…$` unless it already is (ESO matches unanchored). */
export function anchor(pattern: string): string {
  return `${pattern.startsWith('^') ? '' : '^'}${pattern}${pattern.endsWith('$') ? '' : '$'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

