import {
  EsoAuthModel, GcpIdentityMode, IdentityKind, InitialValue, SecretsDeclaration, gcpMember, gcpPoolAudience,
} from '../../../lib/core';

const GCP = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };

function declaration(): SecretsDeclaration {
  return new SecretsDeclaration({ name: 'p', gcp: GCP });
}

describe('Google Secret Manager backend (declaration)', () => {
  test('plans a direct principal on GKE and a pool principal elsewhere for one store identity', () => {
    // GIVEN
    const d = declaration();
    const gke = d.addGkeCluster('gke', { clusterName: 'gke', projectId: GCP.projectId, location: 'europe-west1' });
    const onprem = d.addCluster('onprem', { clusterName: 'rke2', oidcIssuerUrl: 'https://oidc.rke2.example.com' });
    const token = d.addGoogleSecret('token', { name: 'ci-token', replicaLocations: ['europe-west1'], labels: { team: 'ci' } });
    const store = d.addGoogleSecretManagerStore('gsm', { name: 'gsm', clusters: [gke, onprem], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('es', { name: 'ci', namespace: 'ci', store, data: [{ secretKey: 'token', secret: token }] });
    // WHEN
    const identity = d.plan().identities.find((i) => i.id === 'store-gsm')!;
    // THEN
    expect(token.labels).toEqual({ 'managed-by': 'cdk-external-secrets', 'declaration': 'p', 'team': 'ci' });
    expect(identity.kind).toBe(IdentityKind.GCP_WORKLOAD_IDENTITY);
    expect(identity.serviceAccount).toEqual({ namespace: 'external-secrets', name: 'eso-gsm' });
    expect(identity.reads).toEqual([token]);
    expect(gcpMember(d, identity, gke)).toBe(
      'principal://iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/platform-prod-4711.svc.id.goog/subject/ns/external-secrets/sa/eso-gsm');
    expect(gcpMember(d, identity, onprem)).toBe(
      'principal://iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/p-onprem/subject/system:serviceaccount:external-secrets:eso-gsm');
    expect(gcpPoolAudience(d, GCP, onprem)).toBe('//iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/p-onprem/providers/kubernetes');
    expect(d.plan().referencesServiceAccount(store, gke, 'external-secrets')).toBe(true);
  });

  test('Google service account mode derives a valid account ID and e-mail; the controller model names no service account on GKE', () => {
    // GIVEN
    const d = new SecretsDeclaration({ name: 'a-rather-long-platform-name', gcp: GCP });
    const gke = d.addGkeCluster('gke', { clusterName: 'gke', projectId: 'clusters-0815', projectNumber: '271828182845', location: 'europe-west1-b' });
    const classic = d.addGoogleSecretManagerStore('classic', { name: 'classic', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT });
    const controller = d.addGoogleSecretManagerStore('controller', { name: 'controller' });
    // WHEN
    const plan = d.plan();
    const gsa = plan.identityFor(classic, gke, 'external-secrets');
    const direct = plan.identityFor(controller, gke, 'external-secrets');
    // THEN
    // "a-rather-long-platform-name-classic-eso" is over 30 characters: shortened, with a stable hash of the full name
    expect(gsa.gcp?.accountId).toBe('a-rather-long-platfor-990e0967');
    expect(gsa.gcp?.email).toBe(`${gsa.gcp!.accountId!}@platform-prod-4711.iam.gserviceaccount.com`);
    expect(gcpMember(d, gsa, gke)).toBe(`serviceAccount:${gsa.gcp!.email!}`);
    expect(plan.referencesServiceAccount(controller, gke, 'external-secrets')).toBe(false);
    expect(gcpMember(d, direct, gke)).toBe(
      'principal://iam.googleapis.com/projects/271828182845/locations/global/workloadIdentityPools/clusters-0815.svc.id.goog/subject/ns/external-secrets/sa/external-secrets');
  });

  test('secrets and stores Google rejects, and declarations without Google defaults', () => {
    const d = declaration();
    expect(() => new SecretsDeclaration({ name: 'p' }).addGoogleSecret('s', { name: 's' })).toThrow(
      '[p/secrets/s] gcp: received undefined. Allowed: a declaration with Google Cloud defaults: the project of its Secret Manager secrets. '
      + 'Fix: set gcp: { projectId, projectNumber } on new SecretsDeclaration().');
    expect(() => new SecretsDeclaration({ name: 'p' }).addGoogleSecretManagerStore('s', { name: 's' })).toThrow(
      '[p/stores/s] gcp: received undefined. Allowed: a declaration with Google Cloud defaults: the project of its Secret Manager secrets. '
      + 'Fix: set gcp: { projectId, projectNumber } on new SecretsDeclaration().');
    expect(() => d.addGoogleSecret('s1', { name: 'a/b' })).toThrow(
      '[p/secrets/s1] name: received "a/b". Allowed: a secret ID: 1 to 255 letters, digits, "-" and "_". Fix: rename it, for example "a-b".');
    expect(() => d.addGoogleSecret('s2', { name: 'a', replicaLocations: ['EU'] })).toThrow(
      '[p/secrets/s2] replicaLocations[0]: received "EU". Allowed: a Google Cloud region such as "europe-west1". '
      + 'Fix: use a location code such as "europe-west1" (gcloud compute regions list), not a display name.');
    expect(() => d.addGoogleSecret('s3', { name: 'a', labels: { Team: 'x' } })).toThrow(
      '[p/secrets/s3] labels.Team: received "Team". Allowed: a label key: 1 to 63 lowercase letters, digits, "_" and "-", starting with a lowercase letter (at most 128 bytes). '
      + 'Fix: rename the label key; uppercase letters, dots and slashes are not allowed in Google Cloud labels.');
    expect(() => d.addGoogleSecret('s4', { name: 'a', labels: { team: 'X' } })).toThrow(
      '[p/secrets/s4] labels.team: received "X". Allowed: a label value: 0 to 63 lowercase letters, digits, "_" and "-" (at most 128 bytes). '
      + 'Fix: lowercase the value and replace other characters with "-" or "_"; put free text in annotations instead.');
    expect(() => d.addGoogleSecret('s5', { name: 'a', initialValue: 'hunter2' as unknown as InitialValue })).toThrow(
      '[p/secrets/s5] initialValue: received "<literal, value not shown>". Allowed: InitialValue.sensitiveVariable(name) or InitialValue.generatedPassword(); '
      + 'never a literal, which would land in the synthesized output and the Terraform state. Fix: declare the value with InitialValue.sensitiveVariable("name") and pass it at apply time (TF_VAR_name).');
  });

  test('Google defaults and GKE project numbers Google rejects', () => {
    expect(() => new SecretsDeclaration({ name: 'p', gcp: { projectId: 'P', projectNumber: '1' } })).toThrow(
      '[p] gcp.projectId: received "P". Allowed: a project ID: 6 to 30 lowercase letters, digits and "-", starting with a letter, not ending with "-". '
      + 'Fix: pass the project ID (gcloud projects describe <project> --format="value(projectId)"), not its display name or number.');
    const numberMessage = (path: string, prop: string, value: string): string => `[${path}] ${prop}: received "${value}". Allowed: the project number as a string of digits, such as "123456789012". `
      + 'Fix: pass the project number (gcloud projects describe <project> --format="value(projectNumber)"), or the number attribute of a DataGoogleProject; '
      + 'workload identity principals and service agents are named after it.';
    expect(() => new SecretsDeclaration({ name: 'p', gcp: { projectId: 'platform-prod', projectNumber: 'x' } })).toThrow(numberMessage('p', 'gcp.projectNumber', 'x'));
    expect(() => declaration().addGkeCluster('g', { clusterName: 'g', projectId: 'other-project', location: 'europe-west1', projectNumber: '0' }))
      .toThrow(numberMessage('p/clusters/g', 'projectNumber', '0'));
  });

  test('pairs that cannot federate fail at plan', () => {
    const direct = declaration();
    direct.addGkeCluster('g', { clusterName: 'g', projectId: 'other-project', location: 'europe-west1' });
    direct.addGoogleSecretManagerStore('s', { name: 's' });
    expect(() => direct.plan()).toThrow(
      '[p/stores/s] clusters: received "g". Allowed: GKE clusters whose project number is known: the direct principal of cluster "g" is named after the number of project "other-project". '
      + 'Fix: set projectNumber on cluster "g" (gcloud projects describe other-project --format="value(projectNumber)"), or use GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT.');
    const classic = declaration();
    const op = classic.addCluster('op', { clusterName: 'op', oidcIssuerUrl: 'https://op.example.com' });
    classic.addGoogleSecretManagerStore('s', { name: 's', clusters: [op], identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    expect(() => classic.plan()).toThrow(
      '[p/stores/s] identityMode: received "GOOGLE_SERVICE_ACCOUNT". Allowed: GcpIdentityMode.DIRECT_PRINCIPAL on cluster "op", which is not a GKE cluster '
      + '(it federates through a workload identity pool, whose principal is granted directly). Fix: use GcpIdentityMode.DIRECT_PRINCIPAL, or remove cluster "op" from the store\'s clusters.');
    const noIssuer = declaration();
    const bare = noIssuer.addCluster('op', { clusterName: 'op' });
    noIssuer.addGoogleSecretManagerStore('s', { name: 's', clusters: [bare], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    expect(() => noIssuer.plan()).toThrow(
      '[p/stores/s] clusters: received "op". Allowed: clusters whose workloads Google workload identity federation can trust: store "s" cannot federate with cluster "op" '
      + '(a workload identity pool provider names the cluster\'s OIDC issuer). Fix: give the cluster an oidcIssuerUrl, or remove cluster "op" from the store\'s clusters.');
  });
});
