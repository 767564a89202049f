import { Chart, Testing } from 'cdk8s';
import { WorkloadIdentity } from '../../lib/core/identity';
import {
  AwsAuth, AwsSessionTagsPolicy, AzureEnvironment, AzureKeyVaultAuth, CaProviderType, ClusterSecretStore, GcpAuth,
  KubernetesAuth, SecretStore, SecretStoreProvider, SecretStoreProviderType, VaultAuth, VaultKvVersion,
} from '../../lib/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

function providerOf(provider: SecretStoreProvider, namespaced = false): Record<string, unknown> {
  const c = new Chart(Testing.app(), 'test', { namespace: 'team-a' });
  if (namespaced) {
    new SecretStore(c, 'store', { name: 'store', provider });
  } else {
    new ClusterSecretStore(c, 'store', { name: 'store', provider });
  }
  const m = synthValid(c);
  return (findManifest(m, namespaced ? 'SecretStore' : 'ClusterSecretStore', 'store').spec as { provider: Record<string, unknown> }).provider;
}

describe('SecretStoreProvider', () => {
  test('AWS Secrets Manager with controller identity has no auth block and all role options', () => {
    // GIVEN
    const provider = SecretStoreProvider.awsSecretsManager({
      region: 'us-east-1', role: 'arn:aws:iam::111122223333:role/target', additionalRoles: ['arn:aws:iam::111122223333:role/hop'], externalId: 'ext',
      prefix: 'prod/', sessionTags: [{ key: 'team', value: 'a' }], transitiveTagKeys: ['team'],
      sessionTagsPolicy: AwsSessionTagsPolicy.SIMPLE, forceDeleteWithoutRecovery: false, recoveryWindowInDays: 7,
    });
    // WHEN
    const rendered = providerOf(provider);
    // THEN
    expect(provider.type).toBe(SecretStoreProviderType.AWS_SECRETS_MANAGER);
    expect(rendered).toEqual({
      aws: {
        service: 'SecretsManager', region: 'us-east-1', role: 'arn:aws:iam::111122223333:role/target', additionalRoles: ['arn:aws:iam::111122223333:role/hop'],
        externalID: 'ext', prefix: 'prod/', sessionTags: [{ key: 'team', value: 'a' }], transitiveTagKeys: ['team'],
        sessionTagsPolicy: 'Simple', secretsManager: { forceDeleteWithoutRecovery: false, recoveryWindowInDays: 7 },
      },
    });
  });

  test('AWS Parameter Store with Pod Identity and with IRSA from an identity', () => {
    // GIVEN / WHEN
    const pod = providerOf(SecretStoreProvider.awsParameterStore({ region: 'eu-west-1', auth: AwsAuth.podIdentity() }));
    const irsa = providerOf(SecretStoreProvider.awsParameterStore({
      region: 'eu-west-1',
      auth: AwsAuth.fromWorkloadIdentity(WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/r'), {
        serviceAccount: { name: 'eso', namespace: 'external-secrets' }, audiences: ['extra'],
      }),
    }));
    // THEN
    expect(pod).toEqual({ aws: { service: 'ParameterStore', sessionTagsPolicy: 'None', region: 'eu-west-1' } });
    expect(irsa).toEqual({
      aws: {
        service: 'ParameterStore', sessionTagsPolicy: 'None', region: 'eu-west-1',
        auth: { jwt: { serviceAccountRef: { name: 'eso', namespace: 'external-secrets', audiences: ['extra'] } } },
      },
    });
  });

  test('AWS static access keys', () => {
    // GIVEN / WHEN
    const rendered = providerOf(SecretStoreProvider.awsSecretsManager({
      region: 'eu-west-1',
      auth: AwsAuth.accessKeys({ accessKeyId: { name: 'aws', key: 'id' }, secretAccessKey: { name: 'aws', key: 'secret' } }),
    }), true);
    // THEN
    expect(rendered).toEqual({
      aws: {
        service: 'SecretsManager', sessionTagsPolicy: 'None', region: 'eu-west-1',
        auth: { secretRef: { accessKeyIDSecretRef: { name: 'aws', key: 'id' }, secretAccessKeySecretRef: { name: 'aws', key: 'secret' } } },
      },
    });
  });

  test('Azure Key Vault: referenced workload identity, controller identity, service principal', () => {
    // GIVEN / WHEN
    const wi = providerOf(SecretStoreProvider.azureKeyVault({
      vaultUrl: 'https://kv.vault.azure.net', tenantId: '11111111-2222-3333-4444-555555555555', environmentType: AzureEnvironment.US_GOVERNMENT_CLOUD,
      auth: AzureKeyVaultAuth.workloadIdentity({ serviceAccount: { name: 'eso', namespace: 'external-secrets' } }),
    }));
    const controller = providerOf(SecretStoreProvider.azureKeyVault({ vaultUrl: 'https://kv.vault.azure.net', auth: AzureKeyVaultAuth.controllerWorkloadIdentity() }));
    const sp = providerOf(SecretStoreProvider.azureKeyVault({
      vaultUrl: 'https://kv.vault.azure.net', tenantId: '11111111-2222-3333-4444-555555555555',
      auth: AzureKeyVaultAuth.servicePrincipal({ clientId: { name: 'sp', key: 'id' }, clientSecret: { name: 'sp', key: 'secret' } }),
    }), true);
    const mi = providerOf(SecretStoreProvider.azureKeyVault({ vaultUrl: 'https://kv.vault.azure.net', auth: AzureKeyVaultAuth.managedIdentity({ identityId: 'c' }) }));
    // THEN
    expect(wi).toEqual({
      azurekv: {
        vaultUrl: 'https://kv.vault.azure.net', authType: 'WorkloadIdentity', tenantId: '11111111-2222-3333-4444-555555555555', environmentType: 'USGovernmentCloud',
        serviceAccountRef: { name: 'eso', namespace: 'external-secrets' }, useAzureSDK: false,
      },
    });
    expect(controller).toEqual({ azurekv: { vaultUrl: 'https://kv.vault.azure.net', authType: 'WorkloadIdentity', environmentType: 'PublicCloud', useAzureSDK: false } });
    expect(sp).toEqual({
      azurekv: {
        vaultUrl: 'https://kv.vault.azure.net', authType: 'ServicePrincipal', tenantId: '11111111-2222-3333-4444-555555555555',
        authSecretRef: { clientId: { name: 'sp', key: 'id' }, clientSecret: { name: 'sp', key: 'secret' } },
        environmentType: 'PublicCloud', useAzureSDK: false,
      },
    });
    expect(mi).toEqual({ azurekv: { vaultUrl: 'https://kv.vault.azure.net', authType: 'ManagedIdentity', identityId: 'c', environmentType: 'PublicCloud', useAzureSDK: false } });
  });

  test('Google Secret Manager with workload identity', () => {
    // GIVEN / WHEN
    const rendered = providerOf(SecretStoreProvider.googleSecretManager({
      projectId: 'my-project', location: 'europe-west1',
      auth: GcpAuth.workloadIdentity({ serviceAccount: { name: 'eso', namespace: 'external-secrets' }, clusterLocation: 'europe-west1', clusterName: 'c', clusterProjectId: 'shop-clusters' }),
    }));
    const adc = providerOf(SecretStoreProvider.googleSecretManager());
    // THEN
    expect(rendered).toEqual({
      gcpsm: {
        projectID: 'my-project', location: 'europe-west1', secretVersionSelectionPolicy: 'LatestOrFail',
        auth: { workloadIdentity: { serviceAccountRef: { name: 'eso', namespace: 'external-secrets' }, clusterLocation: 'europe-west1', clusterName: 'c', clusterProjectID: 'shop-clusters' } },
      },
    });
    expect(adc).toEqual({ gcpsm: { secretVersionSelectionPolicy: 'LatestOrFail' } });
  });

  test('Vault with Kubernetes auth (defaults), AppRole and token auth', () => {
    // GIVEN / WHEN
    const k8s = providerOf(SecretStoreProvider.vault({
      server: 'https://vault:8200', path: 'secret', namespace: 'admin', caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=',
      auth: VaultAuth.kubernetes({ role: 'eso', serviceAccount: { name: 'eso', namespace: 'external-secrets' }, audiences: ['vault'] }),
    }));
    const approle = providerOf(SecretStoreProvider.vault({
      server: 'https://vault:8200', version: VaultKvVersion.V1,
      caProvider: { type: CaProviderType.SECRET, name: 'vault-ca', key: 'ca.crt', namespace: 'vault' },
      auth: VaultAuth.appRole({ roleRef: { name: 'approle', key: 'role-id' }, secretRef: { name: 'approle', key: 'secret-id' } }),
    }));
    const token = providerOf(SecretStoreProvider.vault({ server: 'https://vault:8200', auth: VaultAuth.token({ name: 't', key: 'token' }) }), true);
    // THEN
    expect(k8s).toEqual({
      vault: {
        server: 'https://vault:8200', path: 'secret', version: 'v2', namespace: 'admin', caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=',
        auth: { kubernetes: { mountPath: 'kubernetes', role: 'eso', serviceAccountRef: { name: 'eso', namespace: 'external-secrets', audiences: ['vault'] } } },
      },
    });
    expect(approle).toEqual({
      vault: {
        server: 'https://vault:8200', version: 'v1',
        caProvider: { type: 'Secret', name: 'vault-ca', key: 'ca.crt', namespace: 'vault' },
        auth: { appRole: { path: 'approle', roleRef: { name: 'approle', key: 'role-id' }, secretRef: { name: 'approle', key: 'secret-id' } } },
      },
    });
    expect(token).toEqual({ vault: { server: 'https://vault:8200', version: 'v2', auth: { tokenSecretRef: { name: 't', key: 'token' } } } });
  });

  test('Kubernetes provider with service account and token auth', () => {
    // GIVEN / WHEN
    const sa = providerOf(SecretStoreProvider.kubernetes({
      remoteNamespace: 'source',
      server: { url: 'https://remote:6443', caProvider: { type: CaProviderType.CONFIG_MAP, name: 'kube-root-ca.crt', key: 'ca.crt' } },
      auth: KubernetesAuth.serviceAccount({ serviceAccount: { name: 'reader' } }),
    }), true);
    const token = providerOf(SecretStoreProvider.kubernetes({ auth: KubernetesAuth.token({ name: 'remote', key: 'token' }) }));
    // THEN
    expect(sa).toEqual({
      kubernetes: {
        remoteNamespace: 'source',
        server: { url: 'https://remote:6443', caProvider: { type: 'ConfigMap', name: 'kube-root-ca.crt', key: 'ca.crt' } },
        auth: { serviceAccount: { name: 'reader' } },
      },
    });
    expect(token).toEqual({ kubernetes: { auth: { token: { bearerToken: { name: 'remote', key: 'token' } } }, remoteNamespace: 'default' } });
  });
});
