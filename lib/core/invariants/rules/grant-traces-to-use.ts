/**
 * CES-LP-5: every grant traces to a declared use. Each secret an identity may read (directly, through
 * an assumed role, or as the match of a find), each PushSecret destination and each dynamic secret
 * comes from a declared ExternalSecret or PushSecret of one of the identity's stores, in a namespace the
 * identity serves. A grant without such a use is a planning defect and fails the declaration.
 */
import { StoreScope } from '../../declaration/stores';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const grantTracesToUse: PlanRule = {
  id: 'CES-LP-5',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'Every grant traces to a declared ExternalSecret or PushSecret of the identity\'s stores',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    // Declared uses per store and namespace ("<store>/<namespace>"), indexed once.
    const uses = new Map<string, Set<string>>();
    const use = (storeId: string, namespace: string, grant: string) => {
      const key = `${storeId}/${namespace}`;
      const set = uses.get(key) ?? new Set<string>();
      set.add(grant);
      uses.set(key, set);
    };
    for (const es of declaration.externalSecrets) {
      es.data.forEach((d) => use(es.store.id, es.namespace, `read:${d.secret.id}`));
      es.extract.forEach((e) => use(es.store.id, es.namespace, `read:${e.secret.id}`));
      es.dynamicSecrets.forEach((g) => use(es.store.id, es.namespace, `dynamic:${g.id}`));
      es.find.forEach(() => use(es.store.id, es.namespace, 'find'));
    }
    for (const push of declaration.pushSecrets) {
      use(push.store.id, push.namespace, `push:${push.destination.id}`);
    }
    for (const identity of plan.identities) {
      // The namespaces an identity serves: its own for a namespaced store, every admitted one otherwise.
      const served = new Set<string>();
      for (const store of identity.stores) {
        for (const ns of store.scope === StoreScope.NAMESPACED ? [identity.serviceAccount.namespace] : plan.namespacesOf(store)) {
          uses.get(`${store.id}/${ns}`)?.forEach((g) => served.add(g));
        }
      }
      const declared = (grant: string) => served.has(grant);
      const found = new Set(identity.finds.flatMap((f) => f.matched.map((s) => s.id)));
      // [what is granted, whether a declared use explains it]
      const grants: Array<[string, boolean]> = [
        ...identity.reads.map((s): [string, boolean] => [`read of secret "${s.id}"`, declared(`read:${s.id}`) || found.has(s.id)]),
        ...identity.chainedReads.map((s): [string, boolean] => [`read of secret "${s.id}" through an assumed role`, declared(`read:${s.id}`) || declared('find')]),
        ...identity.pushes.map((p): [string, boolean] => [`write of secret "${p.destination.id}"`, declared(`push:${p.destination.id}`)]),
        ...identity.dynamicSecrets.map((g): [string, boolean] => [`dynamic secret "${g.id}"`, declared(`dynamic:${g.id}`)]),
      ];
      for (const [what, traced] of grants) {
        if (traced) {
          continue;
        }
        yield {
          path: declaration.pathOf('stores', identity.stores[0].id), prop: 'grants', value: what, subject: identity.id,
          allowed: `grants that a declared ExternalSecret or PushSecret of the identity's stores uses: identity "${identity.id}" would be granted the ${what} without one`,
          fix: 'report this as a bug of cdk-external-secrets (the planned grant has no declared use); meanwhile remove the store or consumer that produces it',
        };
      }
    }
  },
};
