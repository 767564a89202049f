import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { WorkloadIdentity } from '../../lib/core/identity';
import { WorkloadServiceAccount } from '../../lib/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

describe('WorkloadServiceAccount', () => {
  test.each([
    ['irsa', WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/eso'), { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/eso' }],
    ['azure', WorkloadIdentity.azure({ clientId: 'cid', tenantId: 'tid' }), { 'azure.workload.identity/client-id': 'cid', 'azure.workload.identity/tenant-id': 'tid' }],
    ['gcp', WorkloadIdentity.gcp('eso@p.iam.gserviceaccount.com'), { 'iam.gke.io/gcp-service-account': 'eso@p.iam.gserviceaccount.com' }],
  ])('annotates the service account for %s', (_name, identity, annotations) => {
    // GIVEN
    const c = new Chart(Testing.app(), 'test', { namespace: 'external-secrets' });
    // WHEN
    const sa = new WorkloadServiceAccount(c, 'sa', { name: 'eso-reader', identity, annotations: { owner: 'platform' } });
    // THEN
    const m = synthValid(c);
    expect(findManifest(m, 'ServiceAccount', 'eso-reader')).toEqual({
      apiVersion: 'v1', kind: 'ServiceAccount',
      metadata: { name: 'eso-reader', namespace: 'external-secrets', annotations: { owner: 'platform', ...annotations } },
      automountServiceAccountToken: false,
    });
    expect(sa.serviceAccountRef).toEqual({ namespace: 'external-secrets', name: 'eso-reader' });
  });

  test('is usable as a Deployment service account', () => {
    // GIVEN
    const c = new Chart(Testing.app(), 'test', { namespace: 'app' });
    const sa = new WorkloadServiceAccount(c, 'sa', { name: 'app', identity: WorkloadIdentity.none() });
    // WHEN
    const d = new kplus.Deployment(c, 'd', { serviceAccount: sa, containers: [{ image: 'nginx' }] });
    // THEN
    const m = synthValid(c);
    expect((findManifest(m, 'Deployment', d.name).spec as { template: { spec: { serviceAccountName: string } } }).template.spec.serviceAccountName).toBe('app');
  });

  test('fails without a namespace and when the identity does not trust it', () => {
    // GIVEN / WHEN / THEN
    expect(() => new WorkloadServiceAccount(Testing.chart(), 'sa', { name: 'eso', identity: WorkloadIdentity.none() })).toThrow(
      '[test/sa] metadata.namespace: received undefined. Allowed: a namespace: a service account bound to a cloud identity must live in a known namespace. Fix: pass namespace in the props, or create the construct in a Chart that has a namespace.');
    const identity = WorkloadIdentity.awsIrsa('arn:aws:iam::1:role/r', { trustedServiceAccounts: [{ namespace: 'external-secrets', name: 'eso' }] });
    expect(() => new WorkloadServiceAccount(Testing.chart(), 'sa', { name: 'other', namespace: 'external-secrets', identity })).toThrow(
      '[test/sa] identity: received "external-secrets/other". Allowed: one of the service accounts the identity trusts: "external-secrets/eso". Fix: use the namespace and name the identity trusts, or add this service account to the identity\'s trusted service accounts.');
    expect(() => new WorkloadServiceAccount(Testing.chart(), 'ok', { name: 'eso', namespace: 'external-secrets', identity })).not.toThrow();
    expect(() => new WorkloadServiceAccount(Testing.chart(), 'bad', { name: 'Eso', namespace: 'x', identity: WorkloadIdentity.none() })).toThrow(
      '[test/bad] metadata.name: received "Eso". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "eso".');
  });
});
