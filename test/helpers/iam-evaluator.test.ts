import { EvalPolicy, evaluate } from './iam-evaluator';

/** The evaluator the policy-form simulations rely on, checked against IAM's documented behaviour. */
describe('test IAM evaluator', () => {
  const arn = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-AbC123';
  const allow = (statement: Partial<EvalPolicy['Statement'][number]>): EvalPolicy[] => [{
    Statement: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['*'], ...statement }],
  }];

  test('no matching Allow is an implicit deny; an explicit Deny wins over an Allow', () => {
    expect(evaluate([], { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('implicit-deny');
    expect(evaluate(allow({}), { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('allow');
    expect(evaluate(allow({}), { action: 'secretsmanager:GetSecretValue', resource: arn }, [{ Statement: [{ Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*' }] }]))
      .toBe('explicit-deny');
  });

  test('actions match ignoring case with wildcards; resources match case-sensitively, "?" one character, "*" any run', () => {
    expect(evaluate(allow({ Action: 'SecretsManager:Get*' }), { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('allow');
    expect(evaluate(allow({ Action: 'secretsmanager:Describe*' }), { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('implicit-deny');
    const exact = allow({ Resource: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-??????'] });
    expect(evaluate(exact, { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('allow');
    expect(evaluate(exact, { action: 'secretsmanager:GetSecretValue', resource: arn.replace('shop/db', 'shop/db2') })).toBe('implicit-deny');
    expect(evaluate(exact, { action: 'secretsmanager:GetSecretValue', resource: arn.replace('shop/db', 'Shop/db') })).toBe('implicit-deny');
    expect(evaluate(allow({ Resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/*' }), { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('allow');
  });

  test('resource tag conditions: the tag key ignores case, the value does not; a missing tag fails StringEquals', () => {
    const tagged = allow({ Condition: { StringEquals: { 'secretsmanager:ResourceTag/Team': ['a', 'b'] } } });
    expect(evaluate(tagged, { action: 'secretsmanager:GetSecretValue', resource: arn, resourceTags: { team: 'b' } })).toBe('allow');
    expect(evaluate(tagged, { action: 'secretsmanager:GetSecretValue', resource: arn, resourceTags: { team: 'B' } })).toBe('implicit-deny');
    expect(evaluate(tagged, { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('implicit-deny');
    expect(evaluate(allow({ Condition: { StringLike: { 'aws:ResourceTag/team': 'a*' } } }), { action: 'secretsmanager:GetSecretValue', resource: arn, resourceTags: { team: 'ab' } })).toBe('allow');
  });

  test('set qualifiers and negated operators: ForAllValues holds on an absent key, ForAnyValue does not; ArnNotLike holds on an absent key', () => {
    const onlyKeys = allow({ Action: 'secretsmanager:TagResource', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['managed-by'] } } });
    expect(evaluate(onlyKeys, { action: 'secretsmanager:TagResource', resource: arn, requestTags: { 'managed-by': 'x' } })).toBe('allow');
    expect(evaluate(onlyKeys, { action: 'secretsmanager:TagResource', resource: arn, requestTags: { 'managed-by': 'x', other: 'y' } })).toBe('implicit-deny');
    expect(evaluate(onlyKeys, { action: 'secretsmanager:TagResource', resource: arn })).toBe('allow');
    const anyKey = allow({ Action: 'secretsmanager:TagResource', Condition: { 'ForAnyValue:StringEqualsIgnoreCase': { 'aws:TagKeys': ['Grant'] } } });
    expect(evaluate(anyKey, { action: 'secretsmanager:TagResource', resource: arn, tagKeys: ['x', 'grant'] })).toBe('allow');
    expect(evaluate(anyKey, { action: 'secretsmanager:TagResource', resource: arn })).toBe('implicit-deny');
    const notDeployer = allow({ Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/deployer' } } });
    expect(evaluate(notDeployer, { action: 'secretsmanager:GetSecretValue', resource: arn, principalArn: 'arn:aws:iam::111122223333:role/deployer' })).toBe('implicit-deny');
    expect(evaluate(notDeployer, { action: 'secretsmanager:GetSecretValue', resource: arn, principalArn: 'arn:aws:iam::111122223333:role/other' })).toBe('allow');
    expect(evaluate(notDeployer, { action: 'secretsmanager:GetSecretValue', resource: arn })).toBe('allow');
  });

  test('an operator it does not know is an error, never a silent pass', () => {
    expect(() => evaluate(allow({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } }), { action: 'secretsmanager:GetSecretValue', resource: arn, context: { 'aws:MultiFactorAuthAge': '1' } }))
      .toThrow('condition operator NumericLessThan is not supported by the test evaluator');
  });
});
