/**
 * CES-TEN-4: a tenant writes only what its own namespaces read. A PushSecret from a tenant's namespace
 * into a secret that an ExternalSecret of another tenant's namespace (or of a namespace of no tenant,
 * the platform's) reads lets the pushing team choose the other team's credentials. Acknowledgeable: one
 * team producing a credential for another is a real setup, and the access matrix then shows it.
 */
import type { SecretDeclaration } from '../../declaration/secrets';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { compare, describeNamespace, secretsReadBy } from '../routes';

export const tenantPushCrossTenant: PlanRule = {
  id: 'CES-TEN-4',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'No PushSecret of a tenant writes a secret that another tenant\'s (or the platform\'s) namespace reads',
  acknowledgeable: true,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0 || declaration.pushSecrets.length === 0) {
      return;
    }
    const readBy = secretsReadBy(plan);
    const readers = new Map<SecretDeclaration, Set<string>>();
    for (const es of declaration.externalSecrets) {
      for (const secret of readBy(es)) {
        readers.set(secret, (readers.get(secret) ?? new Set()).add(es.namespace));
      }
    }
    for (const push of declaration.pushSecrets) {
      const writer = declaration.tenantOf(push.namespace)?.id;
      if (writer === undefined) {
        continue;
      }
      const other = [...(readers.get(push.destination) ?? [])].filter((ns) => declaration.tenantOf(ns)?.id !== writer).sort(compare);
      if (other.length > 0) {
        yield {
          path: declaration.pathOf('pushSecrets', push.id), prop: 'destination', value: push.destination.id, subject: push.id,
          allowed: `a destination read only from the namespaces of tenant "${writer}": secret "${push.destination.id}" is read from ${other.map((ns) => describeNamespace(declaration, ns)).join(', ')}`,
          fix: 'push into a secret only the pushing tenant reads, and let the other team own and write its own secret',
        };
      }
    }
  },
};
