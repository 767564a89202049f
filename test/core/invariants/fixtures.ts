import { auditDeclaration, SecretsDeclaration } from '../../../lib/core';

/** Two tenants (a, b) on one EKS cluster, each owning one Secrets Manager secret, and a platform secret of no tenant. */
export function twoTenants() {
  const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const aDb = d.addSecretsManagerSecret('a-db', { name: 'a/db', tags: { 'managed-by': 'external-secrets' } });
  const bDb = d.addSecretsManagerSecret('b-db', { name: 'b/db' });
  const shared = d.addSecretsManagerSecret('shared', { name: 'platform/shared', tags: { 'managed-by': 'external-secrets' } });
  d.addTenant('a', { namespaces: ['team-a'], groups: ['team-a-admins'], secrets: [aDb], allowPushSecrets: true });
  d.addTenant('b', { namespaces: ['team-b'], groups: ['team-b-admins'], secrets: [bDb] });
  return { d, prod, aDb, bDb, shared };
}

/** Violations of one rule, as [subject, message]. */
export function violationsOf(d: SecretsDeclaration, ruleId: string): Array<[string, string]> {
  return auditDeclaration(d).violations.filter((f) => f.rule.id === ruleId).map((f) => [f.violation.subject, f.error.message]);
}

/** Acknowledged findings of one rule, as [subject, reason]. */
export function acknowledgedOf(d: SecretsDeclaration, ruleId: string): Array<[string, string]> {
  return auditDeclaration(d).acknowledged.filter((f) => f.rule.id === ruleId).map((f) => [f.violation.subject, f.acknowledgement!.reason]);
}
