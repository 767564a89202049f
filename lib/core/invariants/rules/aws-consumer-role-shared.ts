/**
 * CES-TR-3: an AWS workload's role is no ESO identity's role, and is shared only by workloads of one
 * tenant. A role both an ESO identity and a Lambda assume is trusted by the clusters' service accounts
 * and by the compute service alike, so each side gets the other's secrets; a role shared by two
 * tenants' workloads hands one tenant's grants to the other.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const awsConsumerRoleShared: PlanRule = {
  id: 'CES-TR-3',
  category: RuleCategory.TRUST,
  title: 'An AWS workload\'s role is no ESO identity\'s role and serves the workloads of one tenant at most',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    const esoRoles = new Map(plan.identities.filter((i) => i.aws !== undefined).map((i) => [i.aws!.roleArn.toLowerCase(), i.id]));
    const firstUser = new Map<string, (typeof declaration.awsConsumers)[number]>();
    for (const consumer of declaration.awsConsumers) {
      const key = consumer.roleArn.toLowerCase();
      const identity = esoRoles.get(key);
      const other = firstUser.get(key);
      if (identity !== undefined) {
        yield {
          path: declaration.pathOf('awsConsumers', consumer.id), prop: 'role', value: consumer.roleArn, subject: consumer.id,
          allowed: `a role of its own: this is the role of ESO identity "${identity}", which the clusters' service accounts assume, so the workload and ESO would each get the other's secrets`,
          fix: 'give the workload its own role (AwsConsumerRole.create, or an existing role ESO does not use)',
        };
      } else if (other !== undefined && other.tenant !== consumer.tenant) {
        yield {
          path: declaration.pathOf('awsConsumers', consumer.id), prop: 'role', value: consumer.roleArn, subject: consumer.id,
          allowed: `a role shared only with workloads of the same tenant: AWS consumer "${other.id}" (${other.tenant === undefined ? 'no tenant' : `tenant "${other.tenant.id}"`}) `
            + `runs as it too, and this one belongs to ${consumer.tenant === undefined ? 'no tenant' : `tenant "${consumer.tenant.id}"`}`,
          fix: 'give each tenant\'s workloads their own role',
        };
      }
      if (other === undefined) {
        firstUser.set(key, consumer);
      }
    }
  },
};
