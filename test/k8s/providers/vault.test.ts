import { Chart, Testing } from 'cdk8s';
import { CaProviderType, ClusterSecretStore, SecretStore, SecretStoreProvider, VaultAuth, VaultProviderProps } from '../../../lib/k8s';
import { findManifest, synthValid } from '../../helpers/eso-schema';

function render(props: VaultProviderProps, namespaced = false): Record<string, unknown> {
  const c = new Chart(Testing.app(), 'test', { namespace: 'jenkins' });
  if (namespaced) {
    new SecretStore(c, 'store', { name: 'store', provider: SecretStoreProvider.vault(props) });
  } else {
    new ClusterSecretStore(c, 'store', { name: 'store', provider: SecretStoreProvider.vault(props) });
  }
  const m = synthValid(c);
  return (findManifest(m, namespaced ? 'SecretStore' : 'ClusterSecretStore', 'store').spec as { provider: Record<string, unknown> }).provider;
}

const K8S_AUTH = VaultAuth.kubernetes({
  mountPath: 'kubernetes', role: 'external-secrets', serviceAccount: { name: 'external-secrets', namespace: 'external-secrets' },
});

describe('Vault store provider', () => {
  test('the issue\'s phase-2 store: pinned mount path and role, explicit http opt-in', () => {
    // GIVEN / WHEN
    const provider = render({ server: 'http://vault.vault:8200', allowInsecureHttp: true, path: 'secret', auth: K8S_AUTH });
    // THEN
    expect(provider).toEqual({
      vault: {
        server: 'http://vault.vault:8200', path: 'secret', version: 'v2',
        auth: { kubernetes: { mountPath: 'kubernetes', role: 'external-secrets', serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } },
      },
    });
  });

  test('an http:// server without the opt-in is an error (the lab opt-in is explicit)', () => {
    // GIVEN / WHEN / THEN
    expect(() => render({ server: 'http://vault.vault:8200', path: 'secret', auth: K8S_AUTH })).toThrow(
      '[test/store] spec.provider.vault.server: received "http://vault.vault:8200". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. ' +
      'Fix: serve Vault over TLS (https://), or set allowInsecureHttp: true for a local development server.');
  });

  test('https, a Vault namespace, a CA from a ConfigMap and audiences', () => {
    // GIVEN / WHEN
    const provider = render({
      server: 'https://vault.example.com:8200', namespace: 'admin/platform', path: 'secret',
      caProvider: { type: CaProviderType.CONFIG_MAP, name: 'vault-ca', key: 'ca.crt', namespace: 'external-secrets' },
      auth: VaultAuth.kubernetes({ mountPath: 'kubernetes-rke2-prod', role: 'eso', serviceAccount: { name: 'eso', namespace: 'external-secrets' }, audiences: ['vault'] }),
    });
    // THEN
    expect(provider.vault).toMatchObject({
      namespace: 'admin/platform',
      caProvider: { type: 'ConfigMap', name: 'vault-ca', key: 'ca.crt', namespace: 'external-secrets' },
      auth: { kubernetes: { mountPath: 'kubernetes-rke2-prod', role: 'eso', serviceAccountRef: { name: 'eso', namespace: 'external-secrets', audiences: ['vault'] } } },
    });
  });

  test('JWT auth with a short-lived service account token, audience "vault" by default', () => {
    // GIVEN / WHEN
    const provider = render({
      server: 'https://vault.example.com', path: 'secret',
      auth: VaultAuth.jwt({ mountPath: 'jwt-eks-prod', role: 'eso', serviceAccount: { name: 'eso' } }),
    }, true);
    // THEN
    expect(provider.vault).toMatchObject({
      auth: { jwt: { path: 'jwt-eks-prod', role: 'eso', kubernetesServiceAccountToken: { serviceAccountRef: { name: 'eso', audiences: ['vault'] } } } },
    });
  });

  test('a namespaced store with Kubernetes auth must name a service account or a token Secret: never the controller\'s token', () => {
    // GIVEN / WHEN / THEN
    expect(() => render({ server: 'https://vault.example.com', auth: VaultAuth.kubernetes({ role: 'team' }) }, true)).toThrow(
      '[test/store] spec.provider.vault.auth.kubernetes.serviceAccountRef: received undefined. Allowed: a service account of the store\'s namespace (or a token Secret) '
      + 'on a namespaced SecretStore or generator: without one, ESO logs in to Vault with the controller\'s own token, so every namespace that can create a SecretStore '
      + 'gets the controller\'s Vault role. Fix: pass serviceAccount: { name } (a service account of this namespace bound to the Vault role), or use a ClusterSecretStore '
      + 'for the controller\'s identity.');
    expect(render({ server: 'https://vault.example.com', auth: VaultAuth.kubernetes({ role: 'team', serviceAccount: { name: 'eso-team' } }) }, true)).toMatchObject({
      vault: { auth: { kubernetes: { role: 'team', serviceAccountRef: { name: 'eso-team' } } } },
    });
    expect(render({ server: 'https://vault.example.com', auth: VaultAuth.kubernetes({ role: 'controller' }) })).toMatchObject({
      vault: { auth: { kubernetes: { role: 'controller' } } },
    });
  });

  test('a namespaced store cannot reference another namespace\'s service account for JWT auth', () => {
    // GIVEN / WHEN / THEN
    expect(() => render({
      server: 'https://vault.example.com', auth: VaultAuth.jwt({ role: 'eso', serviceAccount: { name: 'eso', namespace: 'other' } }),
    }, true)).toThrow('[test/store] spec.provider.vault.auth.jwt.kubernetesServiceAccountToken.serviceAccountRef.namespace: received "other".');
  });
});
