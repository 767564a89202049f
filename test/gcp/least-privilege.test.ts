// The issue's proof for the Google side: a platform using every identity mode grants Secret Manager
// roles only on individual secrets, and every member is exactly one the constructs emitted.
import { TerraformVariable } from 'cdktf';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import {
  GcpProject, GkeSecretsEncryptionKey, GkeWorkloadPrincipal, GoogleSecretManagerSecret, GoogleSecretValue, GoogleServiceAccountIdentity,
  KubernetesWorkloadIdentityPool, SecretReplication,
} from '../../lib/gcp';
import { googleStack, projectWideIamTypes, ref, resources, secretManagerBindings, synth } from './helpers';

describe('Google Secret Manager least privilege across identity modes', () => {
  test('only per-secret bindings, each to an emitted principal, and KMS only to service agents on single keys', () => {
    // GIVEN a secrets project, a GKE project with an encrypted cluster, and an on-prem cluster
    const stack = googleStack();
    const secrets = GcpProject.fromProjectAttributes(stack, 'Secrets', { projectId: 'shop-secrets', projectNumber: '111111111111' });
    const clusters = GcpProject.fromProjectAttributes(stack, 'Clusters', { projectId: 'shop-clusters', projectNumber: '222222222222' });
    const gke = new ContainerCluster(stack, 'Gke', { name: 'prod', location: 'europe-west1', initialNodeCount: 1, workloadIdentityConfig: { workloadPool: clusters.workloadPool } });
    new GkeSecretsEncryptionKey(stack, 'GkeSecrets', { project: clusters, location: 'europe-west1', keyRingName: 'gke-prod' }).applyTo(gke);
    const jenkinsDb = new GoogleSecretManagerSecret(stack, 'JenkinsDb', {
      project: secrets, secretId: 'jenkins-db',
      value: GoogleSecretValue.fromSensitiveVariable(new TerraformVariable(stack, 'jenkins_db', { type: 'string', sensitive: true })),
    });
    const netboxDb = new GoogleSecretManagerSecret(stack, 'NetboxDb', {
      project: secrets, secretId: 'netbox-db',
      replication: SecretReplication.userManaged([{ location: 'europe-west1', kmsKeyName: 'projects/shop-kms/locations/europe-west1/keyRings/sm/cryptoKeys/netbox' }]),
    });
    // WHEN each tenant reads its own secret through a different mode
    const jenkinsDirect = new GkeWorkloadPrincipal(stack, 'JenkinsGke', { clusterProject: clusters, serviceAccount: { namespace: 'jenkins', name: 'eso-gsm' } });
    const netboxClassic = new GoogleServiceAccountIdentity(stack, 'NetboxGke', {
      project: secrets, clusterProject: clusters, accountId: 'eso-netbox', serviceAccounts: [{ namespace: 'netbox', name: 'eso-gsm' }],
    });
    const pool = new KubernetesWorkloadIdentityPool(stack, 'OnPrem', { project: secrets, poolId: 'onprem-rke2', issuerUrl: 'https://rke2.example.com' });
    const jenkinsOnPrem = pool.addServiceAccount({ namespace: 'jenkins', name: 'eso-gsm' });
    jenkinsDb.grantRead(jenkinsDirect);
    jenkinsDb.grantRead(jenkinsOnPrem);
    netboxDb.grantRead(netboxClassic);
    netboxDb.grantPush(netboxClassic);
    // THEN
    const out = synth(stack);
    expect(projectWideIamTypes(out)).toEqual([]);
    const bindings = secretManagerBindings(out);
    expect(bindings.map((b) => b.type)).toEqual(bindings.map(() => 'google_secret_manager_secret_iam_member'));
    const emitted = new Map<string, string>([
      [jenkinsDirect.member, 'direct'],
      [ref(stack, netboxClassic.resource, 'member'), 'classic'],
      [`principal://iam.googleapis.com/${ref(stack, pool.pool, 'name')}/subject/system:serviceaccount:jenkins:eso-gsm`, 'pool'],
    ]);
    const bySecret = (secret: GoogleSecretManagerSecret): string[] => bindings
      .filter((b) => b.body.secret_id === ref(stack, secret.resource, 'id'))
      .map((b) => `${b.body.role as string} ${emitted.get(b.body.member as string) ?? `UNKNOWN ${String(b.body.member)}`}`)
      .sort();
    expect(bySecret(jenkinsDb)).toEqual(['roles/secretmanager.secretAccessor direct', 'roles/secretmanager.secretAccessor pool']);
    expect(bySecret(netboxDb)).toEqual([
      'roles/secretmanager.secretAccessor classic', 'roles/secretmanager.secretVersionAdder classic', 'roles/secretmanager.viewer classic',
    ]);
    expect(bindings).toHaveLength(5);
    // KMS: the GKE service agent of the cluster project and the Secret Manager agent of the secrets project, each on one key
    expect(resources(out, 'google_kms_crypto_key_iam_member').map((g) => `${g.member as string} ${g.role as string}`).sort()).toEqual([
      'serviceAccount:service-111111111111@gcp-sa-secretmanager.iam.gserviceaccount.com roles/cloudkms.cryptoKeyEncrypterDecrypter',
      'serviceAccount:service-222222222222@container-engine-robot.iam.gserviceaccount.com roles/cloudkms.cryptoKeyEncrypterDecrypter',
    ]);
    expect(resources(out, 'google_kms_key_ring_iam_member')).toEqual([]);
    // workloadIdentityUser only on the Google service account, for the cluster project's pool
    expect(resources(out, 'google_service_account_iam_member').map((b) => b.member)).toEqual(['serviceAccount:shop-clusters.svc.id.goog[netbox/eso-gsm]']);
  });
});
