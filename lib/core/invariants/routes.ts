/**
 * The routes from consumers to secrets, indexed once for the rules: what each identity is granted, which
 * namespaces reach each identity (through the stores that admit them), and which namespaces read each
 * secret. Every index is built in one pass over the plan or the declaration (O(n log n) overall).
 */
import type { ExternalSecretDeclaration } from '../declaration/consumers';
import type { DeclarationPlan, IdentityPlan } from '../declaration/plan-types';
import type { SecretDeclaration } from '../declaration/secrets';
import type { DeclarationView } from '../declaration/view';

/** Every secret an identity is granted, by any route: reads, reads through an assumed role, find matches, PushSecret destinations. */
export function grantedSecrets(identity: IdentityPlan): SecretDeclaration[] {
  const granted = new Map<string, SecretDeclaration>();
  for (const secret of [...identity.reads, ...identity.chainedReads, ...identity.finds.flatMap((f) => f.matched), ...identity.pushes.map((p) => p.destination)]) {
    granted.set(secret.id, secret);
  }
  return [...granted.values()].sort((a, b) => compare(a.id, b.id));
}

/** The declared secrets each ExternalSecret reads, by any route (`data`, `extract`, the matches of its finds). */
export function secretsReadBy(plan: DeclarationPlan): (es: ExternalSecretDeclaration) => readonly SecretDeclaration[] {
  const matches = new Map<object, readonly SecretDeclaration[]>();
  const chained = new Map<string, readonly SecretDeclaration[]>();
  for (const identity of plan.identities) {
    identity.finds.forEach((use) => matches.set(use.find, use.matched));
    identity.stores.forEach((store) => chained.set(store.id, [...(chained.get(store.id) ?? []), ...identity.chainedReads]));
  }
  return (es) => [
    ...es.data.map((d) => d.secret), ...es.extract.map((e) => e.secret),
    // A find through an assumed role is folded into the identity's chained reads: count them all.
    ...es.find.flatMap((f) => matches.get(f) ?? chained.get(es.store.id) ?? []),
  ];
}

/** Tenant id of a namespace, or undefined for a namespace of no tenant. */
export function tenantIdOf(declaration: DeclarationView, namespace: string): string | undefined {
  return declaration.tenantOf(namespace)?.id;
}

/** How messages name a namespace and its tenant. */
export function describeNamespace(declaration: DeclarationView, namespace: string): string {
  const tenant = tenantIdOf(declaration, namespace);
  return tenant === undefined ? `namespace "${namespace}" (no tenant)` : `namespace "${namespace}" (tenant "${tenant}")`;
}

/** Names of secrets for messages, at most three, then how many more. */
export function listSecrets(secrets: readonly SecretDeclaration[]): string {
  const shown = secrets.slice(0, 3).map((s) => `"${s.id}"`).join(', ');
  return secrets.length > 3 ? `${shown} and ${secrets.length - 3} more` : shown;
}

/** Deterministic string order. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
