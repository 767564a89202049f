import { Chart, Testing } from 'cdk8s';
import { Duration } from '../../lib/core/duration';
import { WorkloadIdentity } from '../../lib/core/identity';
import {
  AwsAuth, AzureKeyVaultAuth, CaProviderType, SecretStore, SecretStoreKind, SecretStoreProvider, VaultAuth, WorkloadServiceAccount,
} from '../../lib/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

function chart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'team-a' });
}

describe('SecretStore', () => {
  test('renders an AWS Secrets Manager store with IRSA through a WorkloadServiceAccount', () => {
    // GIVEN
    const c = chart();
    const sa = new WorkloadServiceAccount(c, 'sa', { name: 'eso-reader', identity: WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/reader') });
    // WHEN
    const store = new SecretStore(c, 'store', {
      name: 'aws',
      provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: sa }) }),
      refreshInterval: Duration.minutes(10),
      retrySettings: { maxRetries: 3, retryInterval: Duration.seconds(30) },
      syncWave: -1,
      labels: { team: 'a' },
    });
    // THEN
    const m = synthValid(c);
    const obj = findManifest(m, 'SecretStore', 'aws');
    expect(obj.apiVersion).toBe('external-secrets.io/v1');
    expect(obj.metadata).toEqual({ name: 'aws', namespace: 'team-a', labels: { team: 'a' }, annotations: { 'argocd.argoproj.io/sync-wave': '-1' } });
    expect(obj.spec).toEqual({
      provider: { aws: { service: 'SecretsManager', sessionTagsPolicy: 'None', region: 'eu-west-1', auth: { jwt: { serviceAccountRef: { name: 'eso-reader', namespace: 'team-a' } } } } },
      refreshInterval: '10m',
      retrySettings: { maxRetries: 3, retryInterval: '30s' },
    });
    expect(store.storeKind).toBe(SecretStoreKind.SECRET_STORE);
    expect(store.namespace).toBe('team-a');
    expect(m).toMatchSnapshot();
  });

  test('fromSecretStoreName imports a store', () => {
    // GIVEN / WHEN
    const store = SecretStore.fromSecretStoreName(chart(), 'imported', 'shared', 'team-a');
    // THEN
    expect(store).toMatchObject({ storeName: 'shared', storeKind: SecretStoreKind.SECRET_STORE, namespace: 'team-a' });
  });

  test('fails for a name that is not DNS-1123', () => {
    // GIVEN / WHEN / THEN
    expect(() => new SecretStore(chart(), 'store', {
      name: 'My_Store', provider: SecretStoreProvider.awsParameterStore({ region: 'eu-west-1' }),
    })).toThrow('[test/store] metadata.name: received "My_Store". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "my-store".');
  });

  test('fails when a service account reference points into another namespace', () => {
    // GIVEN / WHEN / THEN
    expect(() => new SecretStore(chart(), 'store', {
      provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: { name: 'sa', namespace: 'other' } }) }),
    })).toThrow('[test/store] spec.provider.aws.auth.jwt.serviceAccountRef.namespace: received "other". Allowed: no namespace, or the store\'s own namespace "team-a" (ESO rejects other namespaces for a namespaced SecretStore). Fix: move the referenced object into the store\'s namespace, or use a ClusterSecretStore.');
  });

  test('fails when a secretRef points into another namespace', () => {
    // GIVEN / WHEN / THEN
    expect(() => new SecretStore(chart(), 'store', {
      provider: SecretStoreProvider.vault({ server: 'https://vault:8200', auth: VaultAuth.token({ name: 'vault-token', key: 'token', namespace: 'vault' }) }),
    })).toThrow('[test/store] spec.provider.vault.auth.tokenSecretRef.namespace: received "vault". Allowed: no namespace, or the store\'s own namespace "team-a" (ESO rejects other namespaces for a namespaced SecretStore). Fix: move the referenced object into the store\'s namespace, or use a ClusterSecretStore.');
  });

  test('fails with a caProvider namespace on a namespaced store', () => {
    // GIVEN / WHEN / THEN
    expect(() => new SecretStore(chart(), 'store', {
      provider: SecretStoreProvider.vault({
        server: 'https://vault:8200', auth: VaultAuth.kubernetes({ role: 'r' }),
        caProvider: { type: CaProviderType.CONFIG_MAP, name: 'ca', namespace: 'team-a' },
      }),
    })).toThrow('[test/store] spec.provider.vault.caProvider.namespace: received "team-a". Allowed: no namespace: caProvider.namespace can only be set on a ClusterSecretStore. Fix: remove the namespace; the CA object is read from the store\'s namespace.');
  });

  test('fails when Pod Identity is combined with a serviceAccountRef', () => {
    // GIVEN a Pod Identity identity passed together with a service account
    const c = chart();
    // WHEN / THEN
    expect(() => new SecretStore(c, 'store', {
      provider: SecretStoreProvider.awsSecretsManager({
        region: 'eu-west-1',
        auth: AwsAuth.fromWorkloadIdentity(WorkloadIdentity.awsPodIdentity(), { serviceAccount: { name: 'eso' } }),
      }),
    })).toThrow('[test/store] spec.provider.aws.auth.jwt.serviceAccountRef: received {"name":"eso"}. Allowed: no serviceAccountRef with EKS Pod Identity: ESO can only impersonate service accounts annotated for IRSA, and Pod Identity credentials come from the controller pod. Fix: use AwsAuth.controllerIdentity() (no auth block) with Pod Identity, or an IRSA identity (WorkloadIdentity.awsIrsa) on the referenced service account.');
  });

  test('fails when the referenced WorkloadServiceAccount uses Pod Identity', () => {
    // GIVEN
    const c = chart();
    const sa = new WorkloadServiceAccount(c, 'sa', { name: 'eso', identity: WorkloadIdentity.awsPodIdentity() });
    // WHEN / THEN
    expect(() => new SecretStore(c, 'store', {
      provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: sa }) }),
    })).toThrow('[test/store] spec.provider.aws.auth.jwt.serviceAccountRef: received {"name":"eso","namespace":"team-a"}. Allowed: no serviceAccountRef with EKS Pod Identity: ESO can only impersonate service accounts annotated for IRSA, and Pod Identity credentials come from the controller pod. Fix: use AwsAuth.controllerIdentity() (no auth block) with Pod Identity, or an IRSA identity (WorkloadIdentity.awsIrsa) on the referenced service account.');
  });

  test('fails when the referenced service account has a non-AWS identity', () => {
    // GIVEN
    const c = chart();
    const sa = new WorkloadServiceAccount(c, 'sa', { name: 'eso', identity: WorkloadIdentity.gcp('eso@p.iam.gserviceaccount.com') });
    // WHEN / THEN
    expect(() => new SecretStore(c, 'store', {
      provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: sa }) }),
    })).toThrow('[test/store] spec.provider.aws.auth.jwt.serviceAccountRef: received {"name":"eso","namespace":"team-a"}. Allowed: a service account bound to an IRSA role (its identity kind is "GcpWorkloadIdentity"). Fix: give the WorkloadServiceAccount WorkloadIdentity.awsIrsa(roleArn), or use AwsAuth.controllerIdentity().');
  });

  test('fails with a non-integer sync wave and bad maxRetries', () => {
    // GIVEN / WHEN / THEN
    const provider = SecretStoreProvider.azureKeyVault({ vaultUrl: 'https://v.vault.azure.net', auth: AzureKeyVaultAuth.controllerWorkloadIdentity() });
    expect(() => new SecretStore(chart(), 'store', { provider, syncWave: 1.5 }))
      .toThrow('[test/store] syncWave: received 1.5. Allowed: an integer (negative waves apply first). Fix: pass a whole number such as -1, 0 or 1.');
    expect(() => new SecretStore(chart(), 'store', { provider, retrySettings: { maxRetries: -1 } }))
      .toThrow('[test/store] spec.retrySettings.maxRetries: received -1. Allowed: an integer between 0 and 2147483647. Fix: pass a whole, non-negative number of retries.');
  });
});
