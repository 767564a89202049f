import {
  accountRootArn, iamRoleArn, kmsKeyArn, KmsViaService, partitionOfRegion, secretArnForPolicies,
  secretNamePrefixArn, ssmParameterArn, viaServiceName,
} from '../../lib/aws/arns';

const ENV = { partition: 'aws', region: 'eu-west-1', account: '111122223333' };

describe('arns', () => {
  test('secret ARN for policies ends with the six-character wildcard suffix', () => {
    // GIVEN / WHEN / THEN
    expect(secretArnForPolicies(ENV, 'team-a/db')).toBe('arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/db-??????');
    expect(secretNamePrefixArn(ENV, 'team-a/')).toBe('arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*');
  });

  test('parameter ARNs have exactly one slash after "parameter"', () => {
    // GIVEN / WHEN / THEN
    expect(ssmParameterArn(ENV, '/team-a/db')).toBe('arn:aws:ssm:eu-west-1:111122223333:parameter/team-a/db');
    expect(ssmParameterArn(ENV, 'flat')).toBe('arn:aws:ssm:eu-west-1:111122223333:parameter/flat');
  });

  test('role, root and key ARNs', () => {
    // GIVEN / WHEN / THEN
    expect(iamRoleArn('aws', '111122223333', 'eso')).toBe('arn:aws:iam::111122223333:role/eso');
    expect(iamRoleArn('aws-cn', '111122223333', 'eso', '/team/')).toBe('arn:aws-cn:iam::111122223333:role/team/eso');
    expect(accountRootArn('aws', '111122223333')).toBe('arn:aws:iam::111122223333:root');
    expect(kmsKeyArn(ENV, 'abc')).toBe('arn:aws:kms:eu-west-1:111122223333:key/abc');
  });

  test('partitions and via-service names', () => {
    // GIVEN / WHEN / THEN
    expect(partitionOfRegion('cn-north-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('us-iso-east-1')).toBe('aws-iso');
    expect(partitionOfRegion('us-isob-east-1')).toBe('aws-iso-b');
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
    expect(viaServiceName(KmsViaService.SECRETS_MANAGER, 'eu-west-1')).toBe('secretsmanager.eu-west-1.amazonaws.com');
    expect(viaServiceName(KmsViaService.SSM, 'cn-north-1')).toBe('ssm.cn-north-1.amazonaws.com.cn');
  });
});
