import { AwsComputeService, AwsConsumerRole, SecretBackend } from '../../../lib/core';
import { twoTenants, violationsOf } from './fixtures';

describe('CES-TR-3: an AWS workload runs as its own role', () => {
  test('the role of an ESO identity fails; two workloads of one tenant may share a role, of two tenants may not', () => {
    // GIVEN an ESO store whose identity role is p-sm-eso, and workloads on existing roles
    const { d, aDb, shared } = twoTenants();
    const [a, b] = d.tenants;
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('shared', { name: 'shared', namespace: 'platform', store, data: [{ secretKey: 'k', secret: shared }] });
    const esoRole = d.plan().identities[0].aws!.roleArn;
    d.addAwsConsumer('on-eso', { role: AwsConsumerRole.existing(esoRole), secrets: [shared] });
    d.addAwsConsumer('a-one', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/jobs'), tenant: a, secrets: [aDb] });
    d.addAwsConsumer('a-two', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/jobs'), tenant: a, secrets: [shared] });
    d.addAwsConsumer('b-one', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/JOBS'), tenant: b, secrets: [shared] });
    d.addAwsConsumer('own', { role: AwsConsumerRole.create(AwsComputeService.ECS_TASKS), tenant: b, secrets: [shared] });
    // WHEN / THEN
    expect(violationsOf(d, 'CES-TR-3')).toEqual([
      ['on-eso', `[p/awsConsumers/on-eso] role: received "${esoRole}". Allowed: a role of its own: this is the role of ESO identity "controller-prod", which the clusters' service accounts `
        + 'assume, so the workload and ESO would each get the other\'s secrets. Fix: give the workload its own role (AwsConsumerRole.create, or an existing role ESO does not use) (rule CES-TR-3).'],
      ['b-one', '[p/awsConsumers/b-one] role: received "arn:aws:iam::111122223333:role/JOBS". Allowed: a role shared only with workloads of the same tenant: AWS consumer "a-one" '
        + '(tenant "a") runs as it too, and this one belongs to tenant "b". Fix: give each tenant\'s workloads their own role (rule CES-TR-3).'],
    ]);
  });
});
