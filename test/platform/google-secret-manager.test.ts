import { Chart, Testing as K8sTesting } from 'cdk8s';
import { App, TerraformStack, Testing } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { EsoAuthModel, GcpIdentityMode, InitialValue, SecretsDeclaration } from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { resourcesOf, synthTerraform } from '../helpers/terraform';

const GCP = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app() as App, 'cloud');
  new GoogleProvider(s, 'google', {});
  return s;
}

function gkeDeclaration(): { d: SecretsDeclaration; gke: ReturnType<SecretsDeclaration['addGkeCluster']> } {
  const d = new SecretsDeclaration({ name: 'p', gcp: GCP });
  return { d, gke: d.addGkeCluster('gke', { clusterName: 'gke', projectId: GCP.projectId, location: 'europe-west1' }) };
}

describe('Google Secret Manager backend (renderers)', () => {
  test('Google service account mode: the account, workloadIdentityUser for the store\'s KSA, grants to its member, the annotation on the KSA', () => {
    // GIVEN
    const { d, gke } = gkeDeclaration();
    const secret = d.addGoogleSecret('db', { name: 'db', initialValue: InitialValue.sensitiveVariable('db_password') });
    const store = d.addGoogleSecretManagerStore('classic', { name: 'classic', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT });
    d.addExternalSecret('es', { name: 'db', namespace: 'app', store, data: [{ secretKey: 'password', secret }] });
    const email = d.plan().identityFor(store, gke, 'external-secrets').gcp!.email!;
    // WHEN
    const cloud = stack();
    new SecretsPlatformInfrastructure(cloud, 'platform', { declaration: d });
    const chart = new Chart(K8sTesting.app(), 'gke');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster: gke });
    // THEN the cloud side
    const json = synthTerraform(cloud);
    const [account] = resourcesOf(json, 'google_service_account');
    expect(`${account.account_id as string}@${account.project as string}.iam.gserviceaccount.com`).toBe(email);
    expect(resourcesOf(json, 'google_service_account_iam_member').map((b) => [b.role, b.member])).toEqual([
      ['roles/iam.workloadIdentityUser', 'serviceAccount:platform-prod-4711.svc.id.goog[external-secrets/eso-classic]'],
    ]);
    const accountId = Object.keys(json.resource!.google_service_account)[0];
    expect(resourcesOf(json, 'google_secret_manager_secret_iam_member').map((b) => b.member)).toEqual([`\${google_service_account.${accountId}.member}`]);
    expect(resourcesOf(json, 'google_secret_manager_secret_version')[0]).toMatchObject({ secret_data_wo: '${var.db_password}', secret_data_wo_version: 1 });
    expect(json.variable?.db_password).toMatchObject({ sensitive: true, ephemeral: true });
    expect(Object.keys(json.resource ?? {}).filter((t) => t.startsWith('google_project_iam'))).toEqual([]);
    // AND the cluster side
    const manifests = synthValid(chart);
    expect(findManifest(manifests, 'ServiceAccount', 'eso-classic').metadata?.annotations).toMatchObject({ 'iam.gke.io/gcp-service-account': email });
  });

  test('controller model on GKE: the store has no auth block, the controller\'s principal is granted', () => {
    // GIVEN
    const { d, gke } = gkeDeclaration();
    const secret = d.addGoogleSecret('db', { name: 'db' });
    const store = d.addGoogleSecretManagerStore('gsm', { name: 'gsm' });
    d.addExternalSecret('es', { name: 'db', namespace: 'app', store, data: [{ secretKey: 'password', secret }] });
    // WHEN
    const cloud = stack();
    new SecretsPlatformInfrastructure(cloud, 'platform', { declaration: d });
    const chart = new Chart(K8sTesting.app(), 'gke');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster: gke });
    // THEN
    expect(resourcesOf(synthTerraform(cloud), 'google_secret_manager_secret_iam_member').map((b) => b.member)).toEqual([
      'principal://iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/platform-prod-4711.svc.id.goog/subject/ns/external-secrets/sa/external-secrets',
    ]);
    expect((findManifest(synthValid(chart), 'ClusterSecretStore', 'gsm').spec as { provider: unknown }).provider).toEqual({ gcpsm: { projectID: 'platform-prod-4711', secretVersionSelectionPolicy: 'LatestOrFail' } });
  });

  test('finds and generated passwords are refused for Google Secret Manager, by the declaration (both apps alike)', () => {
    const finds = gkeDeclaration();
    const store = finds.d.addGoogleSecretManagerStore('gsm', { name: 'gsm' });
    finds.d.addExternalSecret('all', { name: 'all', namespace: 'app', store, find: [{ nameRegexp: 'app-.*' }] });
    const findMessage = '[p/externalSecrets/all] find[0]: received "gsm". Allowed: data and extract of declared secrets: Google Secret Manager has no per-secret list permission, '
      + 'and this library never grants secretmanager.secrets.list on the project. Fix: list the secrets explicitly (data / extract).';
    expect(() => finds.d.plan()).toThrow(findMessage);
    expect(() => new SecretsPlatformInfrastructure(stack(), 'platform', { declaration: finds.d })).toThrow(findMessage);
    const generated = gkeDeclaration();
    expect(() => generated.d.addGoogleSecret('pw', { name: 'pw', initialValue: InitialValue.generatedPassword() })).toThrow(
      '[p/secrets/pw] initialValue: received "GENERATED_PASSWORD". Allowed: InitialValue.sensitiveVariable() for Google Secret Manager. '
      + 'Fix: pass the value through a sensitive variable, or leave initialValue unset and set the value out of band.');
  });
});
