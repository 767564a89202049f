/** The parts every store has, whatever its backend: scope, auth model, namespaces, clusters. */
import { emptyList, invalidDerivedName, mutuallyExclusive, serviceAccountChoice } from '../errors';
import { assertDuration, Duration } from '../duration';
import { assertDnsLabel, assertDnsSubdomain, assertShape, isDnsSubdomain } from '../validation';
import { storeServiceAccountName } from './names';
import { DeclarationMembers } from './members';
import { EsoAuthModel, StoreDeclaration, StoreOptions, StoreScope } from './stores';

/** The backend-independent fields of a store declaration. */
export type StoreBase = Omit<StoreDeclaration, 'provider' | 'cloud' | 'backend'>;

/** Validates and resolves the backend-independent props of a store. */
export function declareStoreBase(members: DeclarationMembers, path: string, id: string, options: StoreOptions): StoreBase {
  assertShape(path, '', options, {
    'name': 'string', 'scope?': { enum: StoreScope, name: 'StoreScope' }, 'namespaces?': 'stringArray', 'admitAllNamespaces?': 'boolean', 'clusters?': 'array',
    'serviceAccount?': { shape: { 'name': 'string', 'namespace?': 'string' }, name: 'a service account { name, namespace? }' },
  });
  assertDnsSubdomain(path, 'name', options.name);
  assertDuration(path, 'refreshInterval', options.refreshInterval, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
  const derivedServiceAccount = storeServiceAccountName(options.name);
  if (!isDnsSubdomain(derivedServiceAccount) || derivedServiceAccount !== `eso-${options.name}`) {
    throw invalidDerivedName({ path, prop: 'name', value: options.name }, 'service account name', `eso-${options.name}`,
      'a DNS-1123 subdomain of at most 253 characters ("eso-" and the store name)', 'use a store name of at most 249 characters');
  }
  const scope = options.scope ?? StoreScope.CLUSTER;
  if (options.namespaces !== undefined && options.namespaces.length === 0) {
    throw emptyList(path, 'namespaces', 'an empty list would admit no namespace; the default admits the namespaces of the ExternalSecrets using the store');
  }
  (options.namespaces ?? []).forEach((ns, i) => assertDnsLabel(path, `namespaces[${i}]`, ns));
  if (options.admitAllNamespaces === true) {
    if (options.namespaces !== undefined) {
      throw mutuallyExclusive(path, 'admitAllNamespaces', true, 'namespaces',
        'list the namespaces the store admits, or admit every namespace with admitAllNamespaces: true, not both');
    }
    if (scope !== StoreScope.CLUSTER) {
      throw serviceAccountChoice(path, 'admitAllNamespaces', true, 'admitAllNamespaces only with StoreScope.CLUSTER (a SecretStore serves its own namespace)',
        'remove admitAllNamespaces, or declare a ClusterSecretStore (scope: StoreScope.CLUSTER)');
    }
  }
  if (options.clusters !== undefined && options.clusters.length === 0) {
    throw emptyList(path, 'clusters', 'a store on no cluster would be rendered nowhere');
  }
  (options.clusters ?? []).forEach((c, i) => members.checkDeclared(path, `clusters[${i}]`, c, 'cluster', 'addEksCluster / addAksCluster / addGkeCluster / addCluster'));
  const authModel = resolveAuthModel(path, scope, options);
  members.claimUnique(path, 'name', `store:${scope}:${options.name}`, options.name);
  return {
    id, name: options.name, scope, authModel,
    serviceAccount: options.serviceAccount ? { ...options.serviceAccount } : undefined,
    namespaces: options.namespaces ? [...options.namespaces].sort() : undefined,
    admitAllNamespaces: options.admitAllNamespaces === true ? true : undefined,
    clusters: options.clusters ? [...options.clusters] : undefined,
    refreshInterval: options.refreshInterval,
  };
}

function resolveAuthModel(path: string, scope: StoreScope, options: StoreOptions): EsoAuthModel {
  const authModel = options.authModel
    ?? (options.serviceAccount !== undefined ? EsoAuthModel.EXISTING_SERVICE_ACCOUNT
      : scope === StoreScope.CLUSTER ? EsoAuthModel.CONTROLLER : EsoAuthModel.STORE_SERVICE_ACCOUNT);
  if (!Object.values(EsoAuthModel).includes(authModel)) {
    throw serviceAccountChoice(path, 'authModel', authModel, `one of ${Object.values(EsoAuthModel).join(', ')}`, 'pass an EsoAuthModel member');
  }
  const existing = authModel === EsoAuthModel.EXISTING_SERVICE_ACCOUNT;
  if (existing !== (options.serviceAccount !== undefined)) {
    throw serviceAccountChoice(path, 'serviceAccount', options.serviceAccount,
      'a serviceAccount exactly when authModel is EsoAuthModel.EXISTING_SERVICE_ACCOUNT',
      existing ? 'pass serviceAccount: { name, namespace } with the service account to use' : 'remove serviceAccount, or set authModel: EsoAuthModel.EXISTING_SERVICE_ACCOUNT');
  }
  if (options.serviceAccount !== undefined) {
    assertDnsSubdomain(path, 'serviceAccount.name', options.serviceAccount.name);
    if (options.serviceAccount.namespace !== undefined) {
      assertDnsLabel(path, 'serviceAccount.namespace', options.serviceAccount.namespace);
      if (scope === StoreScope.NAMESPACED) {
        throw serviceAccountChoice(path, 'serviceAccount.namespace', options.serviceAccount.namespace,
          'no namespace for StoreScope.NAMESPACED: a SecretStore can only use a service account of its own namespace',
          'remove serviceAccount.namespace; each SecretStore uses the named service account in its namespace');
      }
    }
  }
  if (scope === StoreScope.NAMESPACED && (authModel === EsoAuthModel.CONTROLLER || authModel === EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT)) {
    throw serviceAccountChoice(path, 'authModel', authModel,
      'EsoAuthModel.STORE_SERVICE_ACCOUNT or EXISTING_SERVICE_ACCOUNT for StoreScope.NAMESPACED: a SecretStore cannot use the controller\'s service account of another namespace',
      'use StoreScope.CLUSTER for the controller\'s identity, or a service account per namespace');
  }
  return authModel;
}
