/**
 * CES-LP-11: an AWS workload outside Kubernetes (Lambda, ECS task, EC2 instance) reads only secrets of
 * its own tenant, or of no tenant. Its role is granted every secret it lists, so a listed secret of
 * another tenant is that tenant's credential in a foreign workload; a platform workload (no tenant)
 * reading a tenant's secret is the same leak the other way round.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const awsConsumerTenant: PlanRule = {
  id: 'CES-LP-11',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'An AWS workload outside Kubernetes reads only secrets of its own tenant (or of no tenant)',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0) {
      return;
    }
    for (const consumer of declaration.awsConsumers) {
      const index = consumer.secrets.findIndex((s) => declaration.ownerOf(s) !== undefined && declaration.ownerOf(s) !== consumer.tenant);
      if (index < 0) {
        continue;
      }
      const secret = consumer.secrets[index];
      const owner = declaration.ownerOf(secret)!;
      yield {
        path: declaration.pathOf('awsConsumers', consumer.id), prop: `secrets[${index}]`, value: secret.name, subject: consumer.id,
        allowed: consumer.tenant === undefined
          ? `secrets of no tenant: the workload belongs to no tenant, and secret "${secret.id}" belongs to tenant "${owner.id}"`
          : `secrets of tenant "${consumer.tenant.id}" or of no tenant: secret "${secret.id}" belongs to tenant "${owner.id}"`,
        fix: consumer.tenant === undefined
          ? `declare the workload with tenant: the "${owner.id}" tenant, or remove the secret`
          : 'remove the secret, or have its owner issue a copy the workload\'s tenant owns',
      };
    }
  },
};
