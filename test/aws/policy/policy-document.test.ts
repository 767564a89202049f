import { normalizeStatement, policyDocument, PolicyEffect } from '../../../lib/aws/policy/policy-document';

describe('policy document', () => {
  test('normalizes: sorted unique actions, resources and condition values, canonical key order', () => {
    // GIVEN
    const statement = {
      Condition: { StringEquals: { b: ['y', 'x', 'x'], a: ['only'] } },
      Resource: ['arn:b', 'arn:a', 'arn:b'],
      Action: ['s3:PutObject', 's3:GetObject'],
      Effect: PolicyEffect.ALLOW,
      Sid: 'One',
    };
    // WHEN
    const normalized = normalizeStatement(statement, 'p', 's');
    // THEN
    expect(JSON.stringify(normalized)).toBe(JSON.stringify({
      Sid: 'One', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:a', 'arn:b'],
      Condition: { StringEquals: { a: 'only', b: ['x', 'y'] } },
    }));
  });

  test('builds a 2012-10-17 document', () => {
    // GIVEN / WHEN
    const doc = policyDocument([{ Effect: PolicyEffect.ALLOW, Action: ['sts:AssumeRole'], Principal: { Service: 'pods.eks.amazonaws.com' } }]);
    // THEN
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement).toHaveLength(1);
  });

  test('fails on a Sid with dashes', () => {
    // GIVEN / WHEN / THEN
    expect(() => normalizeStatement({ Sid: 'my-sid', Effect: PolicyEffect.ALLOW, Action: ['a:b'], Resource: ['arn:x'] }, 'p', 'statements[0]'))
      .toThrow('[p] statements[0].Sid: received "my-sid". Allowed: letters and digits only. Fix: remove spaces, dashes and underscores from the Sid.');
  });

  test('fails on an empty action list', () => {
    // GIVEN / WHEN / THEN
    expect(() => normalizeStatement({ Effect: PolicyEffect.ALLOW, Action: [], Resource: ['arn:x'] }, 'p', 's'))
      .toThrow('[p] s.Action: received []. Allowed: a non-empty list of actions. Fix: list the actions, e.g. ["secretsmanager:GetSecretValue"].');
  });

  test('fails on an empty resource list', () => {
    // GIVEN / WHEN / THEN
    expect(() => normalizeStatement({ Effect: PolicyEffect.ALLOW, Action: ['a:b'], Resource: [] }, 'p', 's'))
      .toThrow('[p] s.Resource: received []. Allowed: a non-empty list of resource ARNs. Fix: list the ARNs the actions apply to.');
  });
});
