import {
  gkeDirectPrincipal, gkeWorkloadIdentityUserMember, gkeWorkloadPool, googleServiceAccountEmail, workloadIdentityPoolAudience,
  workloadIdentityPoolName, workloadIdentityPoolPrincipal,
} from '../../lib/core';

describe('Google Cloud principal strings', () => {
  const sa = { namespace: 'netbox', name: 'eso-gsm' };

  test('GKE direct principal and workloadIdentityUser member, named after the cluster project', () => {
    expect(gkeWorkloadPool('shop-clusters')).toBe('shop-clusters.svc.id.goog');
    expect(gkeDirectPrincipal('210987654321', 'shop-clusters', sa)).toBe(
      'principal://iam.googleapis.com/projects/210987654321/locations/global/workloadIdentityPools/shop-clusters.svc.id.goog/subject/ns/netbox/sa/eso-gsm');
    expect(gkeWorkloadIdentityUserMember('shop-clusters', sa)).toBe('serviceAccount:shop-clusters.svc.id.goog[netbox/eso-gsm]');
    expect(googleServiceAccountEmail('eso-netbox', 'shop-prod')).toBe('eso-netbox@shop-prod.iam.gserviceaccount.com');
  });

  test('workload identity pool name, audience and principal (subject from the token sub)', () => {
    const pool = workloadIdentityPoolName('123456789012', 'onprem-rke2');
    expect(pool).toBe('projects/123456789012/locations/global/workloadIdentityPools/onprem-rke2');
    expect(workloadIdentityPoolAudience('123456789012', 'onprem-rke2', 'kubernetes')).toBe(
      '//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/onprem-rke2/providers/kubernetes');
    expect(workloadIdentityPoolPrincipal(pool, sa)).toBe(
      'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/onprem-rke2/subject/system:serviceaccount:netbox:eso-gsm');
  });
});
