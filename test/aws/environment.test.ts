import { AwsEnvironment } from '../../lib/aws/environment';
import { makeStack } from './util';
import { App, TerraformStack } from 'cdktf';

describe('AwsEnvironment', () => {
  test('literals resolve without data sources; partition derived from the region', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const env = AwsEnvironment.of({ account: '111122223333', region: 'cn-north-1' }).resolve(stack);
    // THEN
    expect(env).toEqual({
      account: '111122223333', region: 'cn-north-1', partition: 'aws-cn',
      accountIsLiteral: true, regionIsLiteral: true, partitionIsLiteral: true, pinnedRegion: 'cn-north-1',
    });
    expect(stack.node.tryFindChild('EsoAwsEnvironment')).toBeUndefined();
  });

  test('fromProvider resolves tokens from one set of data sources per stack', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const one = AwsEnvironment.fromProvider().resolve(stack);
    AwsEnvironment.fromProvider().resolve(stack);
    // THEN
    expect(one.accountIsLiteral).toBe(false);
    expect(one.pinnedRegion).toBeUndefined();
    expect(stack.node.findChild('EsoAwsEnvironment').node.children).toHaveLength(3);
  });

  test('fails on an account that is not 12 digits', () => {
    // GIVEN / WHEN / THEN
    expect(() => AwsEnvironment.of({ account: '12345' }).resolve(new TerraformStack(new App(), 'stack'), 'environment'))
      .toThrow('[stack] environment.account: received "12345". Allowed: a 12-digit AWS account ID. Fix: pass the account ID as a string, keeping leading zeros, e.g. "012345678901".');
  });

  test('fails on an uppercase region and on a partition that does not hold the region', () => {
    expect(() => AwsEnvironment.of({ region: 'EU-WEST-1' }).assertValid('stack/Role'))
      .toThrow('[stack/Role] environment.region: received "EU-WEST-1". Allowed: an AWS region code such as "eu-west-1" or "us-gov-west-1". Fix: pass the region code, not its display name.');
    expect(() => AwsEnvironment.of({ region: 'eu-west-1', partition: 'aws-cn' }).assertValid('stack/Role'))
      .toThrow('[stack/Role] environment.partition: received "aws-cn". Allowed: the partition of the region: "aws". Fix: leave partition out: it is derived from the region.');
  });

  test('fails on a region display name', () => {
    // GIVEN / WHEN / THEN
    expect(() => AwsEnvironment.of({ region: 'Ireland' }).assertValid('stack/Role', 'environment'))
      .toThrow('[stack/Role] environment.region: received "Ireland". Allowed: an AWS region code such as "eu-west-1" or "us-gov-west-1". Fix: pass the region code, not its display name.');
  });
});
