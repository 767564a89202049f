import { IdentityKind, serviceAccountSubject, WorkloadIdentity } from '../../lib/core';

describe('WorkloadIdentity', () => {
  test('IRSA annotates the role ARN', () => {
    const identity = WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/eso', { trustedServiceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }] });
    expect(identity.kind).toBe(IdentityKind.AWS_IRSA);
    expect(identity.serviceAccountAnnotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/eso' });
    expect(identity.trustedServiceAccounts).toEqual([{ namespace: 'external-secrets', name: 'external-secrets' }]);
  });

  test('Pod Identity has no annotation', () => {
    expect(WorkloadIdentity.awsPodIdentity().serviceAccountAnnotations).toEqual({});
  });

  test('Azure workload identity annotates client and tenant and labels pods', () => {
    const identity = WorkloadIdentity.azure({ clientId: 'c', tenantId: 't' });
    expect(identity.serviceAccountAnnotations).toEqual({ 'azure.workload.identity/client-id': 'c', 'azure.workload.identity/tenant-id': 't' });
    expect(identity.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(WorkloadIdentity.azure({ clientId: 'c' }).serviceAccountAnnotations).toEqual({ 'azure.workload.identity/client-id': 'c' });
  });

  test('GKE annotates the Google service account', () => {
    expect(WorkloadIdentity.gcp('eso@p.iam.gserviceaccount.com').serviceAccountAnnotations).toEqual({ 'iam.gke.io/gcp-service-account': 'eso@p.iam.gserviceaccount.com' });
    expect(WorkloadIdentity.none().kind).toBe(IdentityKind.NONE);
  });

  test('GKE direct mode has no annotation, classic mode annotates the Google service account', () => {
    const direct = WorkloadIdentity.gke({ trustedServiceAccounts: [{ namespace: 'jenkins', name: 'eso' }] });
    expect(direct.kind).toBe(IdentityKind.GCP_WORKLOAD_IDENTITY);
    expect(direct.serviceAccountAnnotations).toEqual({});
    expect(direct.trustedServiceAccounts).toEqual([{ namespace: 'jenkins', name: 'eso' }]);
    const classic = WorkloadIdentity.gke({ googleServiceAccountEmail: 'eso@p.iam.gserviceaccount.com' });
    expect(classic.serviceAccountAnnotations).toEqual({ 'iam.gke.io/gcp-service-account': 'eso@p.iam.gserviceaccount.com' });
    expect(classic.podLabels).toEqual({});
  });

  test('GCP federation outside GKE has no annotation unless it impersonates a Google service account', () => {
    const federation = WorkloadIdentity.gcpFederation();
    expect(federation.kind).toBe(IdentityKind.GCP_WORKLOAD_IDENTITY_FEDERATION);
    expect(federation.serviceAccountAnnotations).toEqual({});
    expect(WorkloadIdentity.gcpFederation({ googleServiceAccountEmail: 'eso@p.iam.gserviceaccount.com' }).serviceAccountAnnotations)
      .toEqual({ 'iam.gke.io/gcp-service-account': 'eso@p.iam.gserviceaccount.com' });
  });

  test('service account subject', () => {
    expect(serviceAccountSubject({ namespace: 'ns', name: 'sa' })).toBe('system:serviceaccount:ns:sa');
  });
});
