import { Testing } from 'cdktf';
import { GcpProject, GoogleSecretManagerSecret, GoogleServiceAccountIdentity, GoogleServiceAccountIdentityProps } from '../../lib/gcp';
import { IdentityKind } from '../../lib/core';
import { findResource, googleStack, projectWideIamTypes, ref, resources, shopProject, synth } from './helpers';

describe('GoogleServiceAccountIdentity', () => {
  test('classic mode: a Google service account, workloadIdentityUser on it for each KSA, the annotation, grants to its member', () => {
    // GIVEN
    const stack = googleStack();
    const project = shopProject(stack);
    const secret = new GoogleSecretManagerSecret(stack, 'Db', { project, secretId: 'netbox-db' });
    // WHEN
    const gsa = new GoogleServiceAccountIdentity(stack, 'Eso', {
      project, accountId: 'eso-netbox', serviceAccounts: [{ namespace: 'netbox', name: 'eso-gsm' }],
    });
    gsa.addServiceAccount({ namespace: 'external-secrets', name: 'external-secrets' });
    secret.grantRead(gsa);
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_service_account')).toEqual({
      project: 'shop-prod', account_id: 'eso-netbox', display_name: 'External Secrets eso-netbox',
    });
    const bindings = resources(out, 'google_service_account_iam_member');
    expect(bindings).toHaveLength(2);
    expect(bindings).toEqual(expect.arrayContaining([
      { service_account_id: ref(stack, gsa.resource, 'name'), role: 'roles/iam.workloadIdentityUser', member: 'serviceAccount:shop-prod.svc.id.goog[netbox/eso-gsm]' },
      { service_account_id: ref(stack, gsa.resource, 'name'), role: 'roles/iam.workloadIdentityUser', member: 'serviceAccount:shop-prod.svc.id.goog[external-secrets/external-secrets]' },
    ]));
    // the secret grant names exactly the emitted service account (its member attribute)
    expect(findResource(out, 'google_secret_manager_secret_iam_member')).toEqual({
      secret_id: ref(stack, secret.resource, 'id'), role: 'roles/secretmanager.secretAccessor', member: ref(stack, gsa.resource, 'member'),
    });
    expect(gsa.email).toBe('eso-netbox@shop-prod.iam.gserviceaccount.com');
    expect(gsa.serviceAccountAnnotations).toEqual({ 'iam.gke.io/gcp-service-account': 'eso-netbox@shop-prod.iam.gserviceaccount.com' });
    expect(gsa.kind).toBe(IdentityKind.GCP_WORKLOAD_IDENTITY);
    expect(gsa.podLabels).toEqual({});
    expect(gsa.trustedServiceAccounts).toEqual([{ namespace: 'netbox', name: 'eso-gsm' }, { namespace: 'external-secrets', name: 'external-secrets' }]);
    expect(gsa.workloadIdentityBindings).toHaveLength(2);
    expect(projectWideIamTypes(out)).toEqual([]);
  });

  test('the KSAs belong to the cluster project\'s pool when the clusters live in another project', () => {
    // GIVEN
    const stack = googleStack();
    const clusterProject = GcpProject.fromProjectAttributes(stack, 'Clusters', { projectId: 'shop-clusters', projectNumber: '210987654321' });
    // WHEN
    new GoogleServiceAccountIdentity(stack, 'Eso', {
      project: shopProject(stack), clusterProject, accountId: 'eso-netbox', displayName: 'ESO', description: 'reads netbox secrets',
      serviceAccounts: [{ namespace: 'netbox', name: 'eso-gsm' }],
    });
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_service_account_iam_member').member).toBe('serviceAccount:shop-clusters.svc.id.goog[netbox/eso-gsm]');
    expect(findResource(out, 'google_service_account')).toMatchObject({ display_name: 'ESO', description: 'reads netbox secrets' });
  });

  test('props missing or of the wrong type (JavaScript callers)', () => {
    expect(() => new GoogleServiceAccountIdentity(googleStack(), 'X', undefined as unknown as GoogleServiceAccountIdentityProps)).toThrow(
      '[test/X] props: received undefined. Allowed: an object of type GoogleServiceAccountIdentityProps. Fix: pass the GoogleServiceAccountIdentityProps object as the third argument.');
  });

  test('account IDs Google rejects', () => {
    for (const accountId of ['eso', 'ESO-netbox', 'eso-netbox-', 'a'.repeat(31)]) {
      const stack = googleStack();
      expect(() => new GoogleServiceAccountIdentity(stack, 'Eso', { project: shopProject(stack), accountId })).toThrow(
        `[test/Eso] accountId: received ${JSON.stringify(accountId)}. Allowed: a service account ID: 6 to 30 lowercase letters, digits and "-", starting with a letter, not ending with "-". `
        + 'Fix: shorten or rename it; the e-mail becomes <id>@<project>.iam.gserviceaccount.com.');
    }
  });

  test('the same KSA twice, and a service account nobody can impersonate', () => {
    // GIVEN
    const stack = googleStack();
    const gsa = new GoogleServiceAccountIdentity(stack, 'Eso', { project: shopProject(stack), accountId: 'eso-netbox', serviceAccounts: [{ namespace: 'netbox', name: 'eso' }] });
    // WHEN / THEN
    expect(() => gsa.addServiceAccount({ namespace: 'netbox', name: 'eso' })).toThrow(
      '[test/Eso] serviceAccount: received "netbox/eso". Allowed: each Kubernetes service account at most once. '
      + 'Fix: remove the second addServiceAccount() call, or reuse the principal the first one returned.');
    const lonely = googleStack();
    new GoogleServiceAccountIdentity(lonely, 'Eso', { project: shopProject(lonely), accountId: 'eso-netbox' });
    expect(() => Testing.synth(lonely, true)).toThrow(
      '[test/Eso] serviceAccounts: received []. Allowed: at least one Kubernetes service account: a Google service account nobody can impersonate grants nothing. '
      + 'Fix: pass serviceAccounts, or call addServiceAccount() for each service account that authenticates (the store\'s serviceAccountRef or the ESO controller).');
  });
});
