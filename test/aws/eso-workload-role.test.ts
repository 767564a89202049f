import { Duration } from '../../lib/core/duration';
import { assertNotSelfAssume } from '../../lib/aws/eso-workload-role';
import { PolicyAttachmentKind } from '../../lib/aws/eso-access-policy';
import { IrsaRole } from '../../lib/aws/irsa-role';
import { AccessPolicyCompiler } from '../../lib/aws/policy/access-policy-compiler';
import { PolicyEffect } from '../../lib/aws/policy/policy-document';
import { SecretsManagerSecret } from '../../lib/aws/secrets-manager-secret';
import { findResource, literalEnv, makeStack, resourcesOf, synth } from './util';

const CLUSTER = {
  oidcProviderArn: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA',
  issuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/AAAA',
  serviceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }],
};

describe('EsoWorkloadRole (via IrsaRole)', () => {
  test('no grant, no policy resource', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const role = new IrsaRole(stack, 'Eso', { roleName: 'eso', environment: literalEnv(), trustedClusters: [CLUSTER] });
    const json = synth(stack);
    // THEN
    expect(role.accessPolicy).toBeUndefined();
    expect(resourcesOf(json, 'aws_iam_role_policy')).toHaveLength(0);
  });

  test('grants from several places and a merged compiler end in one policy with user statements added', () => {
    // GIVEN
    const stack = makeStack();
    const role = new IrsaRole(stack, 'Eso', { roleName: 'eso', environment: literalEnv(), trustedClusters: [CLUSTER], policyAttachment: PolicyAttachmentKind.INLINE });
    const a = new SecretsManagerSecret(stack, 'A', { secretName: 'app/a', environment: literalEnv() });
    const b = new SecretsManagerSecret(stack, 'B', { secretName: 'app/b', environment: literalEnv() });
    const fromDeclaration = new AccessPolicyCompiler().addStatement({
      Sid: 'Extra', Effect: PolicyEffect.ALLOW, Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:eu-west-1:111122223333:q'],
    });
    // WHEN
    a.grantRead(role);
    b.grantRead(role);
    role.attachCompiledPolicy(fromDeclaration);
    const json = synth(stack);
    // THEN
    const statements = JSON.parse(findResource(json, 'aws_iam_role_policy').policy).Statement;
    expect(statements.map((s: { Sid: string }) => s.Sid)).toEqual(['ReadSecrets', 'Extra']);
    expect(statements[0].Resource).toEqual([
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/a-??????',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/b-??????',
    ]);
  });

  test('roleArnForYaml prefers the literal ARN', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const role = new IrsaRole(stack, 'Eso', { roleName: 'eso', environment: literalEnv(), trustedClusters: [CLUSTER] });
    // THEN
    expect(role.roleArnForYaml).toBe('arn:aws:iam::111122223333:role/eso');
  });

  test('fails when a store role is the pod role (literal ARN)', () => {
    // GIVEN
    const stack = makeStack();
    const role = new IrsaRole(stack, 'Eso', { roleName: 'eso', environment: literalEnv(), trustedClusters: [CLUSTER] });
    // WHEN / THEN
    expect(() => role.assertNotSelfAssume('arn:aws:iam::111122223333:role/eso', 'declaration/stores/main'))
      .toThrow('[declaration/stores/main] spec.provider.aws.role: received "arn:aws:iam::111122223333:role/eso". Allowed: an ARN of a different role (a role cannot assume itself; ESO fails with AccessDenied). Fix: drop the store "role" (the pod already holds that role), or point it at the separate target role to chain to.');
  });

  test('assertNotSelfAssume (engine-free) passes for different roles and fails for the same', () => {
    // GIVEN
    const check = { path: 'decl', prop: 'role', podRoleArn: 'arn:aws:iam::111122223333:role/a' };
    // WHEN / THEN
    expect(() => assertNotSelfAssume({ ...check, storeRoleArn: 'arn:aws:iam::111122223333:role/b' })).not.toThrow();
    expect(() => assertNotSelfAssume({ ...check, storeRoleArn: 'arn:aws:iam::111122223333:role/a' }))
      .toThrow('[decl] role: received "arn:aws:iam::111122223333:role/a". Allowed: an ARN of a different role (a role cannot assume itself; ESO fails with AccessDenied). Fix: drop the store "role" (the pod already holds that role), or point it at the separate target role to chain to.');
  });

  test('fails on an invalid IAM path', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new IrsaRole(stack, 'Eso', { path: 'eso' }))
      .toThrow('[stack/Eso] path: received "eso". Allowed: "/" or a path of at most 512 characters that starts and ends with "/" (printable ASCII without spaces). Fix: for example "/eso/".');
  });

  test('fails on a max session duration over 12 hours', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new IrsaRole(stack, 'Eso', { maxSessionDuration: Duration.seconds(50000) }))
      .toThrow('[stack/Eso] maxSessionDuration: received 50000. Allowed: a whole number of seconds from 3600 (1 hour) to 43200 (12 hours). Fix: pass Duration.hours(n) with 1 <= n <= 12.');
  });
});
