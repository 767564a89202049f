import { Chart, Testing } from 'cdk8s';
import { WorkloadIdentity } from '../../../lib/core';
import {
  ClusterSecretStore, GcpAuth, GcpCredConfigAuthOptions, GcpSecretVersionSelectionPolicy, GcpWorkloadIdentityFederationAuthOptions, GoogleSecretManagerProviderProps, SecretStore, SecretStoreProvider,
  WorkloadServiceAccount,
} from '../../../lib/k8s';
import { findManifest, K8sManifest, synthValid } from '../../helpers/eso-schema';

const AUDIENCE = '//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/onprem-rke2/providers/kubernetes';

function chart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'jenkins' });
}

function gcpsmOf(manifests: K8sManifest[], kind: string): Record<string, unknown> {
  return (findManifest(manifests, kind, 'gsm').spec as { provider: { gcpsm: Record<string, unknown> } }).provider.gcpsm;
}

function clusterStore(c: Chart, props: GoogleSecretManagerProviderProps): ClusterSecretStore {
  return new ClusterSecretStore(c, 'store', { name: 'gsm', provider: SecretStoreProvider.googleSecretManager(props) });
}

describe('Google Secret Manager provider (gcpsm)', () => {
  test('GKE direct principal: a plain service account, workloadIdentity with its namespace on a ClusterSecretStore', () => {
    // GIVEN
    const c = chart();
    const sa = new WorkloadServiceAccount(c, 'sa', {
      name: 'eso-gsm', namespace: 'external-secrets',
      identity: WorkloadIdentity.gke({ trustedServiceAccounts: [{ namespace: 'external-secrets', name: 'eso-gsm' }] }),
    });
    // WHEN
    clusterStore(c, {
      projectId: 'shop-secrets',
      auth: GcpAuth.workloadIdentity({ serviceAccount: sa, clusterProjectId: 'shop-clusters', clusterLocation: 'europe-west1', clusterName: 'prod' }),
      secretVersionSelectionPolicy: GcpSecretVersionSelectionPolicy.LATEST_OR_FAIL,
    });
    // THEN
    const manifests = synthValid(c);
    expect(gcpsmOf(manifests, 'ClusterSecretStore')).toEqual({
      projectID: 'shop-secrets',
      secretVersionSelectionPolicy: 'LatestOrFail',
      auth: {
        workloadIdentity: {
          serviceAccountRef: { name: 'eso-gsm', namespace: 'external-secrets' },
          clusterProjectID: 'shop-clusters', clusterLocation: 'europe-west1', clusterName: 'prod',
        },
      },
    });
    expect(findManifest(manifests, 'ServiceAccount', 'eso-gsm').metadata?.annotations).toBeUndefined();
  });

  test('GKE classic mode: the service account carries iam.gke.io/gcp-service-account', () => {
    // GIVEN
    const c = chart();
    const sa = new WorkloadServiceAccount(c, 'sa', {
      name: 'eso-gsm', identity: WorkloadIdentity.gke({ googleServiceAccountEmail: 'eso-jenkins@shop-secrets.iam.gserviceaccount.com' }),
    });
    // WHEN
    new SecretStore(c, 'store', {
      name: 'gsm',
      provider: SecretStoreProvider.googleSecretManager({ projectId: 'shop-secrets', auth: GcpAuth.workloadIdentity({ serviceAccount: sa, audiences: ['extra'] }) }),
    });
    // THEN
    const manifests = synthValid(c);
    expect(findManifest(manifests, 'ServiceAccount', 'eso-gsm').metadata?.annotations).toEqual({
      'iam.gke.io/gcp-service-account': 'eso-jenkins@shop-secrets.iam.gserviceaccount.com',
    });
    expect(gcpsmOf(manifests, 'SecretStore')).toEqual({
      projectID: 'shop-secrets', secretVersionSelectionPolicy: 'LatestOrFail',
      auth: { workloadIdentity: { serviceAccountRef: { name: 'eso-gsm', namespace: 'jenkins', audiences: ['extra'] } } },
    });
  });

  test('outside GKE: workloadIdentityFederation with the service account and the pool provider audience', () => {
    // GIVEN
    const c = chart();
    const sa = new WorkloadServiceAccount(c, 'sa', { name: 'eso-gsm', identity: WorkloadIdentity.gcpFederation() });
    // WHEN
    new SecretStore(c, 'store', {
      name: 'gsm',
      provider: SecretStoreProvider.googleSecretManager({
        projectId: 'shop-secrets', location: 'europe-west1',
        auth: GcpAuth.workloadIdentityFederation({ serviceAccount: sa, audience: AUDIENCE }),
        secretVersionSelectionPolicy: GcpSecretVersionSelectionPolicy.LATEST_OR_FETCH,
      }),
    });
    // THEN
    const manifests = synthValid(c);
    expect(gcpsmOf(manifests, 'SecretStore')).toEqual({
      projectID: 'shop-secrets', location: 'europe-west1', secretVersionSelectionPolicy: 'LatestOrFetch',
      auth: { workloadIdentityFederation: { audience: AUDIENCE, serviceAccountRef: { name: 'eso-gsm', namespace: 'jenkins' } } },
    });
    expect(findManifest(manifests, 'ServiceAccount', 'eso-gsm').metadata?.annotations).toBeUndefined();
  });

  test('federation impersonating a Google service account, and from a credential configuration ConfigMap', () => {
    // GIVEN
    const c = chart();
    // WHEN
    clusterStore(c, {
      projectId: 'shop-secrets',
      auth: GcpAuth.workloadIdentityFederation({
        serviceAccount: { name: 'eso-gsm', namespace: 'external-secrets' }, audience: AUDIENCE, audiences: ['x'],
        googleServiceAccountEmail: 'eso@shop-secrets.iam.gserviceaccount.com',
      }),
    });
    new SecretStore(c, 'cc', {
      name: 'gsm',
      provider: SecretStoreProvider.googleSecretManager({
        projectId: 'shop-secrets',
        auth: GcpAuth.workloadIdentityFederationCredConfig({
          credConfig: { name: 'gcp-cred', key: 'config.json', namespace: 'jenkins' },
          externalTokenEndpoint: 'https://token.example.com/token',
        }),
      }),
    });
    // THEN
    const manifests = synthValid(c);
    expect(gcpsmOf(manifests, 'ClusterSecretStore').auth).toEqual({
      workloadIdentityFederation: {
        audience: AUDIENCE,
        serviceAccountRef: { name: 'eso-gsm', namespace: 'external-secrets', audiences: ['x'] },
        gcpServiceAccountEmail: 'eso@shop-secrets.iam.gserviceaccount.com',
      },
    });
    expect(gcpsmOf(manifests, 'SecretStore').auth).toEqual({
      workloadIdentityFederation: {
        credConfig: { name: 'gcp-cred', key: 'config.json', namespace: 'jenkins' },
        externalTokenEndpoint: 'https://token.example.com/token',
      },
    });
  });

  test('controller identity and a service account key', () => {
    // GIVEN
    const c = chart();
    // WHEN
    clusterStore(c, { projectId: 'shop-secrets' });
    new SecretStore(c, 'key', {
      name: 'gsm', provider: SecretStoreProvider.googleSecretManager({ projectId: 'shop-secrets', auth: GcpAuth.serviceAccountKey({ name: 'gsa-key', key: 'key.json' }) }),
    });
    // THEN
    const manifests = synthValid(c);
    expect(gcpsmOf(manifests, 'ClusterSecretStore')).toEqual({ projectID: 'shop-secrets', secretVersionSelectionPolicy: 'LatestOrFail' });
    expect(gcpsmOf(manifests, 'SecretStore').auth).toEqual({ secretRef: { secretAccessKeySecretRef: { name: 'gsa-key', key: 'key.json' } } });
  });

  describe('validation', () => {
    const attempt = (props: GoogleSecretManagerProviderProps): ClusterSecretStore => clusterStore(chart(), props);
    const sa = { name: 'eso-gsm', namespace: 'external-secrets' };

    test('a service account bound to an identity of the other GCP mechanism', () => {
      const fedSa = { ...sa, identity: WorkloadIdentity.gcpFederation() };
      expect(() => attempt({ auth: GcpAuth.workloadIdentity({ serviceAccount: fedSa }) })).toThrow(
        '[test/store] spec.provider.gcpsm.auth.workloadIdentity.serviceAccountRef: received {"name":"eso-gsm","namespace":"external-secrets"}. '
        + 'Allowed: a service account whose identity is GKE workload identity (this one is GcpWorkloadIdentityFederation). '
        + 'Fix: use GcpAuth.workloadIdentity() for GKE (direct principal or Google service account) and GcpAuth.workloadIdentityFederation() for a workload identity pool outside GKE.');
      const gkeSa = { ...sa, identity: WorkloadIdentity.gke() };
      expect(() => attempt({ auth: GcpAuth.workloadIdentityFederation({ serviceAccount: gkeSa, audience: AUDIENCE }) })).toThrow(
        '[test/store] spec.provider.gcpsm.auth.workloadIdentityFederation.serviceAccountRef: received {"name":"eso-gsm","namespace":"external-secrets"}. '
        + 'Allowed: a service account whose identity is Google workload identity federation (this one is GcpWorkloadIdentity). '
        + 'Fix: use GcpAuth.workloadIdentity() for GKE (direct principal or Google service account) and GcpAuth.workloadIdentityFederation() for a workload identity pool outside GKE.');
    });

    test('a missing or malformed audience, and a malformed Google service account e-mail', () => {
      const audience = (value: string, prop = 'audience'): string => `[test/store] spec.provider.gcpsm.auth.workloadIdentityFederation.${prop}: received ${value}. `
        + 'Allowed: the full provider resource name "//iam.googleapis.com/projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>". '
        + 'Fix: pass the audience of the KubernetesWorkloadIdentityPool (pool.audience); ESO requests service account tokens for it and Google STS checks it.';
      expect(() => attempt({ auth: GcpAuth.workloadIdentityFederation({ serviceAccount: sa, audience: undefined as unknown as string }) })).toThrow(audience('undefined'));
      expect(() => attempt({ auth: GcpAuth.workloadIdentityFederation({ serviceAccount: sa, audience: 'https://iam.googleapis.com/projects/shop/x' }) }))
        .toThrow(audience('"https://iam.googleapis.com/projects/shop/x"'));
      expect(() => attempt({ auth: GcpAuth.workloadIdentityFederationCredConfig({ credConfig: { name: 'c', key: 'k' }, audience: 'sts' }) })).toThrow(audience('"sts"'));
      expect(() => attempt({
        auth: GcpAuth.workloadIdentityFederation({ serviceAccount: sa, audience: AUDIENCE, googleServiceAccountEmail: 'eso@shop-secrets.example.com' }),
      })).toThrow(
        '[test/store] spec.provider.gcpsm.auth.workloadIdentityFederation.gcpServiceAccountEmail: received "eso@shop-secrets.example.com". '
        + 'Allowed: a Google service account e-mail "<id>@<project>.iam.gserviceaccount.com". '
        + 'Fix: pass the e-mail of the Google service account to impersonate (GoogleServiceAccountIdentity.email).');
    });

    test('project IDs and locations Google rejects', () => {
      const project = (prop: string): string => `[test/store] ${prop}: received "Shop Secrets". Allowed: a project ID: 6 to 30 lowercase letters, digits and "-", `
        + 'starting with a letter, not ending with "-". Fix: pass the project ID (gcloud projects describe <project> --format="value(projectId)"), not its display name or number.';
      expect(() => attempt({ projectId: 'Shop Secrets' })).toThrow(project('spec.provider.gcpsm.projectID'));
      expect(() => attempt({ auth: GcpAuth.workloadIdentity({ serviceAccount: sa, clusterProjectId: 'Shop Secrets' }) }))
        .toThrow(project('spec.provider.gcpsm.auth.workloadIdentity.clusterProjectID'));
      expect(() => attempt({ location: 'europe-west1-b' })).toThrow(
        '[test/store] spec.provider.gcpsm.location: received "europe-west1-b". Allowed: a Google Cloud region such as "europe-west1" (regional secrets). '
        + 'Fix: use a location code such as "europe-west1" (gcloud compute regions list), not a display name.');
      expect(() => attempt({ auth: GcpAuth.workloadIdentity({ serviceAccount: sa, clusterLocation: 'Belgium' }) })).toThrow(
        '[test/store] spec.provider.gcpsm.auth.workloadIdentity.clusterLocation: received "Belgium". Allowed: the GKE cluster\'s region ("europe-west1") or zone ("europe-west1-b"). '
        + 'Fix: use a location code such as "europe-west1" (gcloud compute regions list), not a display name.');
    });

    test('missing options from JavaScript callers', () => {
      expect(() => attempt({ auth: GcpAuth.workloadIdentityFederation(undefined as unknown as GcpWorkloadIdentityFederationAuthOptions) })).toThrow(
        '[test/store] spec.provider.gcpsm.auth.workloadIdentityFederation.serviceAccount: received undefined. Allowed: an object. '
        + 'Fix: set spec.provider.gcpsm.auth.workloadIdentityFederation.serviceAccount to an object.');
      expect(() => attempt({ auth: GcpAuth.workloadIdentityFederationCredConfig({} as GcpCredConfigAuthOptions) })).toThrow(
        '[test/store] spec.provider.gcpsm.auth.workloadIdentityFederation.credConfig: received undefined. Allowed: an object. '
        + 'Fix: set spec.provider.gcpsm.auth.workloadIdentityFederation.credConfig to an object.');
    });

    test('a namespaced store referencing a ConfigMap of another namespace', () => {
      const c = chart();
      expect(() => new SecretStore(c, 'store', {
        name: 'gsm',
        provider: SecretStoreProvider.googleSecretManager({
          projectId: 'shop-secrets',
          auth: GcpAuth.workloadIdentityFederationCredConfig({ credConfig: { name: 'c', key: 'k', namespace: 'netbox' } }),
        }),
      })).toThrow(
        '[test/store] spec.provider.gcpsm.auth.workloadIdentityFederation.credConfig.namespace: received "netbox". '
        + 'Allowed: no namespace, or the store\'s own namespace "jenkins" (ESO rejects other namespaces for a namespaced SecretStore). '
        + 'Fix: move the referenced object into the store\'s namespace, or use a ClusterSecretStore.');
    });
  });
});
