import { AwsComputeService, AwsConsumerRole } from '../../../lib/core';
import { twoTenants, violationsOf } from './fixtures';

describe('CES-LP-11: an AWS workload outside Kubernetes reads only its tenant\'s secrets', () => {
  test('a tenant\'s Lambda reading another tenant\'s secret fails at that secret; its own and platform secrets pass', () => {
    // GIVEN
    const { d, aDb, bDb, shared } = twoTenants();
    const a = d.tenants.find((t) => t.id === 'a')!;
    d.addAwsConsumer('a-fn', { role: AwsConsumerRole.create(AwsComputeService.LAMBDA), tenant: a, secrets: [aDb, shared] });
    d.addAwsConsumer('a-leak', { role: AwsConsumerRole.create(AwsComputeService.LAMBDA), tenant: a, secrets: [aDb, bDb] });
    // WHEN / THEN
    expect(violationsOf(d, 'CES-LP-11')).toEqual([['a-leak', '[p/awsConsumers/a-leak] secrets[1]: received "b/db". Allowed: secrets of tenant "a" or of no tenant: '
      + 'secret "b-db" belongs to tenant "b". Fix: remove the secret, or have its owner issue a copy the workload\'s tenant owns (rule CES-LP-11).']]);
    expect(() => d.plan()).toThrow('(rule CES-LP-11)');
    expect(() => d.acknowledge({ ruleId: 'CES-LP-11', reason: 'the billing team runs it for b' })).toThrow('this rule has no legitimate exception');
  });

  test('a platform workload (no tenant) reading a tenant\'s secret fails, naming the owner', () => {
    // GIVEN
    const { d, bDb } = twoTenants();
    d.addAwsConsumer('batch', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/batch'), secrets: [bDb] });
    // WHEN / THEN
    expect(violationsOf(d, 'CES-LP-11')).toEqual([['batch', '[p/awsConsumers/batch] secrets[0]: received "b/db". Allowed: secrets of no tenant: the workload belongs to no tenant, '
      + 'and secret "b-db" belongs to tenant "b". Fix: declare the workload with tenant: the "b" tenant, or remove the secret (rule CES-LP-11).']]);
  });
});
