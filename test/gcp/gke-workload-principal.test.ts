import { GcpProject, GkeWorkloadPrincipal, GkeWorkloadPrincipalProps, GoogleSecretManagerSecret } from '../../lib/gcp';
import { IdentityKind, ServiceAccountRef } from '../../lib/core';
import { findResource, googleStack, projectWideIamTypes, ref, resources, shopProject, synth } from './helpers';

describe('GkeWorkloadPrincipal', () => {
  test('is the direct principal of the KSA in the cluster project\'s pool, named after the project number', () => {
    // GIVEN
    const stack = googleStack();
    const secrets = shopProject(stack);
    const clusters = GcpProject.fromProjectAttributes(stack, 'Clusters', { projectId: 'shop-clusters', projectNumber: '210987654321' });
    const secret = new GoogleSecretManagerSecret(stack, 'Db', { project: secrets, secretId: 'jenkins-db' });
    // WHEN
    const principal = new GkeWorkloadPrincipal(stack, 'Eso', { clusterProject: clusters, serviceAccount: { namespace: 'jenkins', name: 'eso-gsm' } });
    secret.grantRead(principal);
    // THEN
    const member = 'principal://iam.googleapis.com/projects/210987654321/locations/global/workloadIdentityPools/shop-clusters.svc.id.goog/subject/ns/jenkins/sa/eso-gsm';
    expect(principal.member).toBe(member);
    expect(principal.kind).toBe(IdentityKind.GCP_WORKLOAD_IDENTITY);
    expect(principal.serviceAccountAnnotations).toEqual({});
    expect(principal.podLabels).toEqual({});
    expect(principal.trustedServiceAccounts).toEqual([{ namespace: 'jenkins', name: 'eso-gsm' }]);
    const out = synth(stack);
    expect(findResource(out, 'google_secret_manager_secret_iam_member')).toEqual({
      secret_id: ref(stack, secret.resource, 'id'), role: 'roles/secretmanager.secretAccessor', member,
    });
    expect(resources(out, 'google_service_account')).toEqual([]);
    expect(projectWideIamTypes(out)).toEqual([]);
  });

  test('props missing or of the wrong type (JavaScript callers)', () => {
    expect(() => new GkeWorkloadPrincipal(googleStack(), 'X', undefined as unknown as GkeWorkloadPrincipalProps)).toThrow(
      '[test/X] props: received undefined. Allowed: an object of type GkeWorkloadPrincipalProps. Fix: pass the GkeWorkloadPrincipalProps object as the third argument.');
  });

  test('service accounts that are missing or not Kubernetes names', () => {
    const make = (sa: unknown): GkeWorkloadPrincipal => {
      const stack = googleStack();
      return new GkeWorkloadPrincipal(stack, 'Eso', { clusterProject: shopProject(stack), serviceAccount: sa as ServiceAccountRef });
    };
    expect(() => make(undefined)).toThrow(
      '[test/Eso] serviceAccount: received undefined. Allowed: a non-empty value. Fix: pass the Kubernetes service account as { namespace, name }.');
    expect(() => make({ name: 'eso' })).toThrow(
      '[test/Eso] serviceAccount.namespace: received undefined. Allowed: a non-empty value. Fix: pass the namespace of the Kubernetes service account.');
    expect(() => make({ namespace: 'Jenkins', name: 'eso' })).toThrow(
      '[test/Eso] serviceAccount.namespace: received "Jenkins". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", '
      + 'starting and ending with a letter or digit. Fix: rename it, for example "jenkins".');
    expect(() => make({ namespace: 'jenkins', name: 42 })).toThrow(
      '[test/Eso] serviceAccount.name: received "42". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", '
      + 'each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "42".');
  });
});
