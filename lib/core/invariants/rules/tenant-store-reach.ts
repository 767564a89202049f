/**
 * CES-TEN-3: a namespace reaches only its tenant's secrets through every store it may use. Any team that
 * may write an ExternalSecret in a namespace a store admits reads whatever that store's identity is
 * granted, whoever declared the grant: a store whose `namespaces` were widened explicitly, a
 * ClusterSecretStore admitting the namespaces of two tenants with one identity, or a store sharing the
 * controller's identity with another tenant's store all hand one tenant's secrets to another namespace.
 */
import type { IdentityPlan } from '../../declaration/plan-types';
import type { SecretDeclaration } from '../../declaration/secrets';
import type { StoreDeclaration } from '../../declaration/stores';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { compare, describeNamespace, grantedSecrets, listSecrets } from '../routes';

export const tenantStoreReach: PlanRule = {
  id: 'CES-TEN-3',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'No store admitting a namespace serves secrets of another tenant than that namespace\'s',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0) {
      return;
    }
    const consumerNamespaces = new Map<string, Set<string>>();
    for (const consumer of [...declaration.externalSecrets, ...declaration.pushSecrets]) {
      consumerNamespaces.set(consumer.store.id, (consumerNamespaces.get(consumer.store.id) ?? new Set()).add(consumer.namespace));
    }
    const owned = new Map<IdentityPlan, readonly SecretDeclaration[]>();
    const ownedBy = (identity: IdentityPlan) => {
      let secrets = owned.get(identity);
      if (secrets === undefined) {
        secrets = grantedSecrets(identity).filter((s) => declaration.ownerOf(s) !== undefined);
        owned.set(identity, secrets);
      }
      return secrets;
    };
    for (const store of declaration.stores) {
      const found = firstBreach(store);
      if (found === undefined) {
        continue;
      }
      const { cluster, namespace, identity, foreign } = found;
      const owners = [...new Set(foreign.map((s) => declaration.ownerOf(s)!.id))].sort(compare);
      const widened = store.namespaces?.includes(namespace) === true && consumerNamespaces.get(store.id)?.has(namespace) !== true;
      const shared = identity.stores.length > 1;
      yield {
        path: declaration.pathOf('stores', store.id),
        prop: widened ? 'namespaces' : shared ? 'authModel' : 'scope',
        value: widened ? namespace : shared ? store.authModel : store.scope,
        subject: store.id,
        allowed: `a store whose identity reaches only secrets of the tenant of each namespace it admits: it admits ${describeNamespace(declaration, namespace)} `
          + `on cluster "${cluster.id}", and its identity "${identity.id}" is granted ${listSecrets(foreign)} of tenant ${owners.map((o) => `"${o}"`).join(' and ')}`
          + (shared ? ` (the identity also serves ${identity.stores.filter((s) => s !== store).map((s) => `store "${s.id}"`).join(', ')})` : ''),
        fix: widened
          ? `remove "${namespace}" from namespaces: a store admits the namespaces of one tenant`
          : shared
            ? 'give the store its own identity (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT) so it is granted only what its own consumers use'
            : 'use one store per tenant, or scope: StoreScope.NAMESPACED so each namespace gets its own identity',
      };
    }

    function firstBreach(store: StoreDeclaration) {
      for (const cluster of declaration.clustersOfStore(store)) {
        for (const namespace of plan.namespacesOf(store)) {
          const identity = plan.identityFor(store, cluster, namespace);
          const tenant = declaration.tenantOf(namespace)?.id;
          const foreign = ownedBy(identity).filter((s) => declaration.ownerOf(s)!.id !== tenant);
          if (foreign.length > 0) {
            return { cluster, namespace, identity, foreign };
          }
        }
      }
      return undefined;
    }
  },
};
