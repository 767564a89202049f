import { IdentityKind } from '../../lib/core/identity';
import { PodIdentityRole } from '../../lib/aws/pod-identity-role';
import { findResource, literalEnv, makeStack, resourcesOf, synth } from './util';

describe('PodIdentityRole', () => {
  test('trusted by pods.eks.amazonaws.com with AssumeRole + TagSession, pinned to each association by the EKS session tags', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const role = new PodIdentityRole(stack, 'Eso', {
      roleName: 'eso-pod-identity', environment: literalEnv(),
      associations: [{ clusterName: 'prod', serviceAccount: { namespace: 'external-secrets', name: 'external-secrets' } }],
    });
    role.addAssociation({ clusterName: 'staging', serviceAccount: { namespace: 'external-secrets', name: 'external-secrets' } });
    const json = synth(stack);
    // THEN
    expect(JSON.parse(findResource(json, 'aws_iam_role').assume_role_policy)).toEqual({
      Version: '2012-10-17',
      // Amazon EKS User Guide, "Create IAM role with trust policy required by EKS Pod Identity": the session tags
      // EKS sets (aws:RequestTag/eks-cluster-name, kubernetes-namespace, kubernetes-service-account) restrict the role.
      Statement: ['prod', 'staging'].map((cluster) => ({
        Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: {
            'aws:RequestTag/eks-cluster-name': cluster,
            'aws:RequestTag/kubernetes-namespace': 'external-secrets',
            'aws:RequestTag/kubernetes-service-account': 'external-secrets',
            'aws:SourceAccount': '111122223333',
          },
        },
      })),
    });
    const associations = resourcesOf(json, 'aws_eks_pod_identity_association');
    expect(associations.map((a) => a.cluster_name).sort()).toEqual(['prod', 'staging']);
    expect(associations[0]).toMatchObject({ namespace: 'external-secrets', service_account: 'external-secrets' });
    expect(associations[0].role_arn).toMatch(/^\$\{aws_iam_role\..+\.arn\}$/);
    expect(role.kind).toBe(IdentityKind.AWS_POD_IDENTITY);
    expect(role.serviceAccountAnnotations).toEqual({});
    expect(role.trustedServiceAccounts).toHaveLength(2);
  });

  test('fails when session tags are disabled: the trust relies on them', () => {
    // GIVEN
    const role = new PodIdentityRole(makeStack(), 'Eso', { roleName: 'eso', environment: literalEnv() });
    // WHEN / THEN
    expect(() => role.addAssociation({ clusterName: 'prod', serviceAccount: { namespace: 'a', name: 'b' }, disableSessionTags: true }))
      .toThrow('[stack/Eso] associations[0].disableSessionTags: received true. Allowed: session tags on (the role trust is pinned to the namespace, service account and cluster through the tags EKS sets). Fix: remove disableSessionTags.');
  });

  test('fails when the target role is the role itself', () => {
    // GIVEN
    const stack = makeStack();
    const role = new PodIdentityRole(stack, 'Eso', { roleName: 'eso', environment: literalEnv() });
    // WHEN / THEN
    expect(() => role.addAssociation({ clusterName: 'prod', serviceAccount: { namespace: 'a', name: 'b' }, targetRoleArn: 'arn:aws:iam::111122223333:role/eso' }))
      .toThrow('[stack/Eso] associations[0].targetRoleArn: received "arn:aws:iam::111122223333:role/eso". Allowed: an ARN of a different role (a role cannot assume itself; ESO fails with AccessDenied). Fix: drop targetRoleArn (the association already hands out this role), or point it at the role in the target account.');
  });

  test('fails at synth without any association', () => {
    // GIVEN
    const stack = makeStack();
    new PodIdentityRole(stack, 'Eso', { roleName: 'eso' });
    // WHEN / THEN
    expect(() => synth(stack))
      .toThrow('[stack/Eso] associations: received []. Allowed: at least one trusted service account. Fix: pass associations or call addAssociation({ clusterName, serviceAccount }).');
  });
});
