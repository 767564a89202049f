// Keeps the code of lib/gcp/README.md compiling and behaving as documented: each block between
// `// README:BEGIN <name>` and `// README:END` below must appear verbatim in the README.
import { readFileSync } from 'fs';
import { join } from 'path';
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { TerraformVariable } from 'cdktf';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { WorkloadIdentity } from '../../lib/core';
import {
  GcpProject, GkeSecretsEncryptionKey, GkeWorkloadPrincipal, GoogleSecretManagerSecret, GoogleSecretValue,
  GoogleServiceAccountIdentity, KubernetesWorkloadIdentityPool, SecretReplication,
} from '../../lib/gcp';
import { ClusterSecretStore, GcpAuth, SecretStore, SecretStoreProvider, WorkloadServiceAccount } from '../../lib/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { findResource, googleStack, projectWideIamTypes, ref, resources, synth } from './helpers';

const SELF = readFileSync(__filename, 'utf8');
const README = readFileSync(join(__dirname, '..', '..', 'lib', 'gcp', 'README.md'), 'utf8');

/** The lines of this file between `// README:BEGIN <name>` and `// README:END`, de-indented. */
function block(name: string): string {
  const match = new RegExp(`// README:BEGIN ${name}\\n([\\s\\S]*?)\\n\\s*// README:END`).exec(SELF);
  if (!match) {
    throw new Error(`no README block ${name}`);
  }
  const lines = match[1].split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

describe('lib/gcp README', () => {
  test.each(['cdktf', 'cdk8s', 'classic', 'federation', 'encryption', 'cmek'])('shows the %s block exactly as compiled and run here', (name) => {
    expect(README).toContain(block(name));
  });

  test('quick start: a secret read by a GKE service account through its direct principal, and its store', () => {
    // GIVEN
    const stack = googleStack();
    // README:BEGIN cdktf
    const project = GcpProject.fromProjectAttributes(stack, 'Project', { projectId: 'shop-prod', projectNumber: '123456789012' });
    const password = new TerraformVariable(stack, 'netbox_db_password', { type: 'string', sensitive: true });
    const dbPassword = new GoogleSecretManagerSecret(stack, 'NetboxDb', {
      project,
      secretId: 'netbox-db-password',
      replication: SecretReplication.userManaged([{ location: 'europe-west1' }]),
      labels: { team: 'netbox' },
      value: GoogleSecretValue.fromSensitiveVariable(password), // write-only secret_data_wo; never in state
    });
    const eso = new GkeWorkloadPrincipal(stack, 'NetboxEso', {
      clusterProject: project, // the project of the GKE cluster (its <project>.svc.id.goog pool)
      serviceAccount: { namespace: 'netbox', name: 'eso-gsm' },
    });
    dbPassword.grantRead(eso); // roles/secretmanager.secretAccessor on this secret only
    // README:END

    const chart = new Chart(K8sTesting.app(), 'netbox', { namespace: 'netbox' });
    // README:BEGIN cdk8s
    const sa = new WorkloadServiceAccount(chart, 'EsoSa', {
      name: 'eso-gsm',
      identity: WorkloadIdentity.gke({ trustedServiceAccounts: [{ namespace: 'netbox', name: 'eso-gsm' }] }), // direct: no annotation
    });
    new SecretStore(chart, 'Store', {
      name: 'google',
      provider: SecretStoreProvider.googleSecretManager({
        projectId: 'shop-prod',
        auth: GcpAuth.workloadIdentity({ serviceAccount: sa }),
      }),
    });
    // README:END

    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_secret_manager_secret_iam_member')).toEqual({
      secret_id: ref(stack, dbPassword.resource, 'id'),
      role: 'roles/secretmanager.secretAccessor',
      member: 'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/shop-prod.svc.id.goog/subject/ns/netbox/sa/eso-gsm',
    });
    expect(eso.trustedServiceAccounts).toEqual(sa.identity.trustedServiceAccounts);
    const manifests = synthValid(chart);
    expect(findManifest(manifests, 'SecretStore', 'google').spec).toEqual({
      provider: { gcpsm: { projectID: 'shop-prod', secretVersionSelectionPolicy: 'LatestOrFail', auth: { workloadIdentity: { serviceAccountRef: { name: 'eso-gsm', namespace: 'netbox' } } } } },
    });
    expect(projectWideIamTypes(out)).toEqual([]);
  });

  test('classic mode: the annotation is the emitted Google service account\'s e-mail', () => {
    // GIVEN
    const stack = googleStack();
    const project = GcpProject.fromProjectAttributes(stack, 'Project', { projectId: 'shop-prod', projectNumber: '123456789012' });
    const dbPassword = new GoogleSecretManagerSecret(stack, 'NetboxDb', { project, secretId: 'netbox-db-password' });
    // README:BEGIN classic
    const gsa = new GoogleServiceAccountIdentity(stack, 'NetboxGsa', {
      project,
      accountId: 'eso-netbox',
      serviceAccounts: [{ namespace: 'netbox', name: 'eso-gsm' }], // roles/iam.workloadIdentityUser on the GSA
    });
    dbPassword.grantRead(gsa); // member serviceAccount:eso-netbox@shop-prod.iam.gserviceaccount.com
    // cdk8s: new WorkloadServiceAccount(chart, 'EsoSa', { name: 'eso-gsm', identity: WorkloadIdentity.gke({ googleServiceAccountEmail: gsa.email }) })
    // README:END
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_service_account').account_id).toBe(gsa.email.split('@')[0]);
    expect(gsa.email).toBe('eso-netbox@shop-prod.iam.gserviceaccount.com');
    expect(findResource(out, 'google_secret_manager_secret_iam_member').member).toBe(ref(stack, gsa.resource, 'member'));
    const chart = new Chart(K8sTesting.app(), 'netbox', { namespace: 'netbox' });
    new WorkloadServiceAccount(chart, 'EsoSa', { name: 'eso-gsm', identity: WorkloadIdentity.gke({ googleServiceAccountEmail: gsa.email }) });
    expect(findManifest(synthValid(chart), 'ServiceAccount', 'eso-gsm').metadata?.annotations).toEqual(gsa.serviceAccountAnnotations);
  });

  test('outside GKE: a pool for the cluster issuer, its principal granted, the store with the pool audience', () => {
    // GIVEN
    const stack = googleStack();
    const project = GcpProject.fromProjectAttributes(stack, 'Project', { projectId: 'shop-prod', projectNumber: '123456789012' });
    const dbPassword = new GoogleSecretManagerSecret(stack, 'JenkinsDb', { project, secretId: 'jenkins-db-password' });
    // README:BEGIN federation
    const pool = new KubernetesWorkloadIdentityPool(stack, 'OnPremPool', {
      project,
      poolId: 'onprem-rke2',
      issuerUrl: 'https://rke2.onprem.example.com', // the cluster's service account issuer
      jwksJson: '{"keys":[]}', // kubectl get --raw /openid/v1/jwks, when Google cannot reach the issuer
    });
    const jenkinsEso = pool.addServiceAccount({ namespace: 'external-secrets', name: 'eso-jenkins' });
    dbPassword.grantRead(jenkinsEso);
    // cdk8s: GcpAuth.workloadIdentityFederation({ serviceAccount: sa, audience: jenkinsEso.audience })
    // README:END
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_secret_manager_secret_iam_member').member)
      .toBe(`principal://iam.googleapis.com/${ref(stack, pool.pool, 'name')}/subject/system:serviceaccount:external-secrets:eso-jenkins`);
    const chart = new Chart(K8sTesting.app(), 'onprem', {});
    new ClusterSecretStore(chart, 'Store', {
      name: 'google-jenkins',
      provider: SecretStoreProvider.googleSecretManager({
        projectId: 'shop-prod',
        auth: GcpAuth.workloadIdentityFederation({ serviceAccount: { namespace: 'external-secrets', name: 'eso-jenkins' }, audience: jenkinsEso.audience }),
      }),
    });
    const gcpsm = (findManifest(synthValid(chart), 'ClusterSecretStore', 'google-jenkins').spec as { provider: { gcpsm: { auth: unknown } } }).provider.gcpsm;
    expect(gcpsm.auth).toEqual({
      workloadIdentityFederation: {
        audience: '//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/onprem-rke2/providers/kubernetes',
        serviceAccountRef: { namespace: 'external-secrets', name: 'eso-jenkins' },
      },
    });
  });

  test('GKE application-layer Secrets encryption', () => {
    // GIVEN
    const stack = googleStack();
    const project = GcpProject.fromProjectAttributes(stack, 'Project', { projectId: 'shop-prod', projectNumber: '123456789012' });
    const cluster = new ContainerCluster(stack, 'Gke', {
      name: 'prod', location: 'europe-west1', initialNodeCount: 1, workloadIdentityConfig: { workloadPool: project.workloadPool },
    });
    // README:BEGIN encryption
    const encryption = new GkeSecretsEncryptionKey(stack, 'GkeSecrets', {
      project, // the cluster's project: its GKE service agent gets the key
      location: 'europe-west1', // the cluster's region
      keyRingName: 'gke-prod',
    });
    encryption.applyTo(cluster); // database_encryption { state = "ENCRYPTED", key_name }
    // README:END
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_container_cluster').database_encryption).toEqual({ state: 'ENCRYPTED', key_name: ref(stack, encryption.key, 'id') });
    expect(resources(out, 'google_kms_crypto_key_iam_member')).toHaveLength(1);
  });

  test('CMEK per replica, each key granted to the Secret Manager service agent', () => {
    // GIVEN
    const stack = googleStack();
    const project = GcpProject.fromProjectAttributes(stack, 'Project', { projectId: 'shop-prod', projectNumber: '123456789012' });
    // README:BEGIN cmek
    new GoogleSecretManagerSecret(stack, 'Residency', {
      project, secretId: 'jenkins-admin',
      replication: SecretReplication.userManaged([
        { location: 'europe-west1', kmsKeyName: 'projects/shop-kms/locations/europe-west1/keyRings/sm/cryptoKeys/jenkins' },
        { location: 'europe-west4', kmsKeyName: 'projects/shop-kms/locations/europe-west4/keyRings/sm/cryptoKeys/jenkins' },
      ]),
    });
    // README:END
    // THEN
    const grants = resources(synth(stack), 'google_kms_crypto_key_iam_member');
    expect(grants.map((g) => g.member)).toEqual([
      'serviceAccount:service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com',
      'serviceAccount:service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com',
    ]);
  });
});
