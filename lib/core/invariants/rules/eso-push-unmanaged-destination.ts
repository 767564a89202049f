/**
 * CES-ESO-5: a PushSecret writes into an existing AWS or Azure secret only when it carries the tag
 * `managed-by: external-secrets`. ESO's `PushSecret` refuses otherwise with "secret not managed by
 * external-secrets": providers/v1/aws/secretsmanager/secretsmanager.go (`isManagedByESO`),
 * providers/v1/aws/parameterstore/parameterstore.go (`isManagedByESO`), providers/v1/azure/keyvault/keyvault.go
 * (`canCreate`), v2.9.0. A destination the declaration creates carries the declaration's tags
 * (`managed-by: cdk-external-secrets` by default), so the push never delivers. Google pushes check the
 * label only on deletion (providers/v1/gcp/secretmanager/client.go `DeleteSecret`), and Google secrets
 * carry labels, not tags: they are not concerned.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const esoPushUnmanagedDestination: PlanRule = {
  id: 'CES-ESO-5',
  category: RuleCategory.ESO_SEMANTICS,
  title: 'A PushSecret destination created by the declaration with tags carries managed-by: external-secrets',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    for (const push of declaration.pushSecrets) {
      const destination = push.destination;
      const tags = (destination as { readonly tags?: Readonly<Record<string, string>> }).tags;
      if (destination.managedElsewhere || tags === undefined || tags['managed-by'] === 'external-secrets') {
        continue;
      }
      yield {
        path: declaration.pathOf('secrets', destination.id), prop: 'tags.managed-by', value: tags['managed-by'] ?? null, subject: destination.id,
        allowed: `"external-secrets": PushSecret "${push.id}" writes into this secret, and ESO refuses to write a secret without that tag ("secret not managed by external-secrets")`,
        fix: 'declare the secret with tags: { \'managed-by\': \'external-secrets\' }, or with managedElsewhere: true so ESO creates it',
      };
    }
  },
};
