import { Testing } from 'cdktf';
import { GoogleSecretManagerSecret, KubernetesWorkloadIdentityPool, KubernetesWorkloadIdentityPoolProps } from '../../lib/gcp';
import { IdentityKind } from '../../lib/core';
import { findResource, googleStack, projectWideIamTypes, ref, resources, shopProject, synth } from './helpers';

const ISSUER = 'https://rke2.onprem.example.com';

function pool(props: Partial<KubernetesWorkloadIdentityPoolProps> = {}): { stack: ReturnType<typeof googleStack>; pool: KubernetesWorkloadIdentityPool } {
  const stack = googleStack();
  return { stack, pool: new KubernetesWorkloadIdentityPool(stack, 'OnPrem', { project: shopProject(stack), poolId: 'onprem-rke2', issuerUrl: ISSUER, ...props }) };
}

describe('KubernetesWorkloadIdentityPool', () => {
  test('a pool and an OIDC provider for the issuer, subject mapped, only the added service accounts admitted', () => {
    // GIVEN
    const { stack, pool: p } = pool({ jwksJson: '{"keys":[]}' });
    const secret = new GoogleSecretManagerSecret(stack, 'Db', { project: p.project, secretId: 'jenkins-db' });
    // WHEN
    const jenkins = p.addServiceAccount({ namespace: 'jenkins', name: 'eso-gsm' });
    p.addServiceAccount({ namespace: 'netbox', name: 'eso-gsm' });
    secret.grantRead(jenkins);
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_iam_workload_identity_pool')).toEqual({
      project: 'shop-prod', workload_identity_pool_id: 'onprem-rke2', display_name: 'onprem-rke2',
      description: 'Kubernetes service accounts of one cluster (External Secrets)',
    });
    expect(findResource(out, 'google_iam_workload_identity_pool_provider')).toEqual({
      project: 'shop-prod',
      workload_identity_pool_id: ref(stack, p.pool, 'workload_identity_pool_id'),
      workload_identity_pool_provider_id: 'kubernetes',
      display_name: 'kubernetes',
      attribute_mapping: { 'google.subject': 'assertion.sub' },
      attribute_condition: 'assertion.sub in [\'system:serviceaccount:jenkins:eso-gsm\', \'system:serviceaccount:netbox:eso-gsm\']',
      oidc: { issuer_uri: ISSUER, jwks_json: '{"keys":[]}' },
    });
    expect(findResource(out, 'google_secret_manager_secret_iam_member')).toEqual({
      secret_id: ref(stack, secret.resource, 'id'),
      role: 'roles/secretmanager.secretAccessor',
      member: `principal://iam.googleapis.com/${ref(stack, p.pool, 'name')}/subject/system:serviceaccount:jenkins:eso-gsm`,
    });
    expect(p.audience).toBe('//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/onprem-rke2/providers/kubernetes');
    expect(jenkins.audience).toBe(p.audience);
    expect(jenkins.kind).toBe(IdentityKind.GCP_WORKLOAD_IDENTITY_FEDERATION);
    expect(jenkins.serviceAccountAnnotations).toEqual({});
    expect(jenkins.podLabels).toEqual({});
    expect(jenkins.trustedServiceAccounts).toEqual([{ namespace: 'jenkins', name: 'eso-gsm' }]);
    expect(p.trustedServiceAccounts).toEqual([{ namespace: 'jenkins', name: 'eso-gsm' }, { namespace: 'netbox', name: 'eso-gsm' }]);
    expect(resources(out, 'google_service_account')).toEqual([]);
    expect(projectWideIamTypes(out)).toEqual([]);
  });

  test('serviceAccounts prop and a custom provider ID', () => {
    // GIVEN / WHEN
    const { stack, pool: p } = pool({ providerId: 'rke2-oidc', displayName: 'On-prem RKE2', serviceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }] });
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_iam_workload_identity_pool_provider')).toMatchObject({
      workload_identity_pool_provider_id: 'rke2-oidc',
      attribute_condition: 'assertion.sub in [\'system:serviceaccount:external-secrets:external-secrets\']',
      oidc: { issuer_uri: ISSUER },
    });
    expect(findResource(out, 'google_iam_workload_identity_pool').display_name).toBe('On-prem RKE2');
    expect(p.audience).toBe('//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/onprem-rke2/providers/rke2-oidc');
  });

  test('props missing or of the wrong type (JavaScript callers)', () => {
    expect(() => new KubernetesWorkloadIdentityPool(googleStack(), 'X', undefined as unknown as KubernetesWorkloadIdentityPoolProps)).toThrow(
      '[test/X] props: received undefined. Allowed: an object of type KubernetesWorkloadIdentityPoolProps. Fix: pass the KubernetesWorkloadIdentityPoolProps object as the third argument.');
  });

  test('pool and provider IDs Google rejects', () => {
    const message = (prop: string, value: string): string => `[test/OnPrem] ${prop}: received ${JSON.stringify(value)}. Allowed: 4 to 32 lowercase letters, digits and "-", `
      + 'not starting with the reserved prefix "gcp-". Fix: rename it, for example after the cluster ("onprem-rke2"); pool IDs cannot be reused for 30 days after deletion.';
    expect(() => pool({ poolId: 'gcp-onprem' })).toThrow(message('poolId', 'gcp-onprem'));
    expect(() => pool({ poolId: 'OnPrem' })).toThrow(message('poolId', 'OnPrem'));
    expect(() => pool({ providerId: 'k8s' })).toThrow(message('providerId', 'k8s'));
  });

  test('issuers that are not https URLs', () => {
    for (const issuerUrl of ['http://rke2.onprem.example.com', 'rke2.onprem.example.com']) {
      expect(() => pool({ issuerUrl })).toThrow(
        `[test/OnPrem] issuerUrl: received ${JSON.stringify(issuerUrl)}. Allowed: an https URL, exactly the "iss" claim of the cluster's service account tokens. `
        + 'Fix: pass the cluster\'s service account issuer (kubectl get --raw /.well-known/openid-configuration | jq -r .issuer); without a public discovery endpoint, also pass jwksJson.');
    }
  });

  test('the same service account twice, a subject over 127 bytes, and a provider admitting nobody', () => {
    // GIVEN
    const { pool: p } = pool({ serviceAccounts: [{ namespace: 'jenkins', name: 'eso' }] });
    // WHEN / THEN
    expect(() => p.addServiceAccount({ namespace: 'jenkins', name: 'eso' })).toThrow(
      '[test/OnPrem] serviceAccount: received "jenkins/eso". Allowed: each Kubernetes service account at most once. '
      + 'Fix: remove the second addServiceAccount() call, or reuse the principal the first one returned.');
    const longName = 'a'.repeat(100);
    expect(() => p.addServiceAccount({ namespace: 'jenkins', name: longName })).toThrow(
      `[test/OnPrem] serviceAccount: received "system:serviceaccount:jenkins:${longName}". Allowed: a subject "system:serviceaccount:<namespace>:<name>" of at most 127 bytes `
      + '(the limit of google.subject). Fix: shorten the namespace or the service account name.');
    const empty = pool();
    expect(() => Testing.synth(empty.stack, true)).toThrow(
      '[test/OnPrem] serviceAccounts: received []. Allowed: at least one Kubernetes service account: a provider without an attribute condition would admit every service account of the cluster. '
      + 'Fix: pass serviceAccounts, or call addServiceAccount() for each service account that authenticates (the store\'s serviceAccountRef or the ESO controller).');
  });
});
