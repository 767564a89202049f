import { KmsKey } from '../../lib/aws/kms-key';
import { EsoAccessPolicy, PolicyAttachmentKind } from '../../lib/aws/eso-access-policy';
import { AccessPolicyCompiler } from '../../lib/aws/policy/access-policy-compiler';
import { findResource, makeStack, resourcesOf, synth } from './util';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:a-??????';

describe('EsoAccessPolicy', () => {
  test('inline: one aws_iam_role_policy with grants added after construction', () => {
    // GIVEN
    const stack = makeStack();
    const compiler = new AccessPolicyCompiler();
    new EsoAccessPolicy(stack, 'Policy', { roleName: 'eso', compiler, policyName: 'eso-access' });
    // WHEN
    compiler.readSecret({ arnForPolicies: SECRET, region: 'eu-west-1' });
    const json = synth(stack);
    // THEN
    const policy = findResource(json, 'aws_iam_role_policy');
    expect(policy.name).toBe('eso-access');
    expect(policy.role).toBe('eso');
    expect(JSON.parse(policy.policy).Statement[0].Resource).toEqual([SECRET]);
  });

  test('managed: aws_iam_policy + attachment', () => {
    // GIVEN
    const stack = makeStack();
    const compiler = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET, region: 'eu-west-1' });
    // WHEN
    new EsoAccessPolicy(stack, 'Policy', { roleName: 'eso', compiler, attachment: PolicyAttachmentKind.MANAGED });
    const json = synth(stack);
    // THEN
    expect(resourcesOf(json, 'aws_iam_role_policy')).toHaveLength(0);
    expect(findResource(json, 'aws_iam_policy').name).toBe('Policy');
    expect(findResource(json, 'aws_iam_role_policy_attachment').role).toBe('eso');
  });

  test('fails at synth when nothing was granted', () => {
    // GIVEN
    const stack = makeStack();
    new EsoAccessPolicy(stack, 'Policy', { roleName: 'eso', compiler: new AccessPolicyCompiler() });
    // WHEN / THEN
    expect(() => synth(stack))
      .toThrow('[stack/Policy] compiler: received []. Allowed: at least one statement. Fix: grant something first (secret.grantRead(role), compiler.readSecret(...)), or do not create the policy.');
  });

  test('fails at synth on a policy larger than IAM accepts', () => {
    // GIVEN
    const stack = makeStack();
    const compiler = new AccessPolicyCompiler();
    for (let i = 0; i < 200; i++) {
      compiler.readSecret({ arnForPolicies: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/${i}-??????`, region: 'eu-west-1' });
    }
    new EsoAccessPolicy(stack, 'Policy', { roleName: 'eso', compiler, attachment: PolicyAttachmentKind.MANAGED });
    // WHEN / THEN
    expect(() => synth(stack))
      .toThrow('[stack/Policy] compiler: received 14128. Allowed: at most 6144 characters (IAM limit, whitespace excluded). Fix: grant on name prefixes instead of many single secrets, split consumers over several identities, or use PolicyAttachmentKind.INLINE (10240) instead of MANAGED (6144).');
  });

  test('fails at synth on a policy too large even when it holds tokens (key ARNs of keys in the same stack)', () => {
    // GIVEN a key created in the stack: its ARN is a token until apply
    const stack = makeStack();
    const key = new KmsKey(stack, 'Key', {});
    const compiler = new AccessPolicyCompiler();
    for (let i = 0; i < 150; i++) {
      compiler.readSecret({ arnForPolicies: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/${i}-??????`, kmsKeyArn: key.keyArn, region: 'eu-west-1' });
    }
    new EsoAccessPolicy(stack, 'Policy', { roleName: 'eso', compiler });
    // WHEN / THEN the token counts as a long key ARN
    expect(() => synth(stack))
      .toThrow('[stack/Policy] compiler: received 10896. Allowed: at most 10240 characters (IAM limit, whitespace excluded). Fix: grant on name prefixes instead of many single secrets, split consumers over several identities, or use PolicyAttachmentKind.INLINE (10240) instead of MANAGED (6144).');
  });

  test('fails at synth on a wildcard data-plane statement merged from elsewhere', () => {
    // GIVEN
    const stack = makeStack();
    const compiler = new AccessPolicyCompiler({ path: 'stack/Policy' });
    compiler.readParameter({ parameterArn: 'arn:aws:ssm:eu-west-1:111122223333:parameter/*', region: 'eu-west-1' });
    new EsoAccessPolicy(stack, 'Policy', { roleName: 'eso', compiler });
    // WHEN / THEN
    expect(() => synth(stack))
      .toThrow('[stack/Policy] Statement[0]: received {"action":"ssm:GetParameter","resource":"arn:aws:ssm:eu-west-1:111122223333:parameter/*"}. ' +
        'Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on "*", ":secret:*", "parameter/*" or "key/*". ' +
        'Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as "arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*".');
  });
});
