/**
 * The cdk8s part of the HashiCorp Vault backend: `spec.provider.vault` (Kubernetes or JWT auth with
 * the identity's role and mount), the `VaultDynamicSecret` generators of dynamic secrets, and the
 * `system:auth-delegator` binding for service accounts reviewed with their own JWT.
 */
import { Construct } from 'constructs';
import {
  ClusterDeclaration, DynamicSecretDeclaration, IdentityPlan, StoreScope, VAULT_BACKEND, VaultAuthKind, VaultDynamicSecretDeclaration,
  VaultStoreDeclaration, VaultTokenReviewer,
} from '../../core/declaration';
import { GeneratorReference } from '../../k8s/external-secret-data';
import { VaultDynamicSecret } from '../../k8s/generators/vault-dynamic-secret';
import { VaultAuth, VaultKvVersion, VaultProviderProps } from '../../k8s/providers/vault';
import { SecretStoreProvider } from '../../k8s/secret-store-provider';
import { VaultAuthDelegatorBinding } from '../../k8s/vault-auth-delegator';
import { StoreRenderer, StoreRenderRequest } from './store-renderer';

function providerProps(request: StoreRenderRequest): VaultProviderProps {
  const { store, identity, serviceAccount } = request;
  const vault = store as VaultStoreDeclaration;
  const plan = identity.vault!;
  const account = serviceAccount ?? { name: identity.serviceAccount.name, namespace: identity.serviceAccount.namespace };
  const audiences = plan.audiences.length > 0 ? [...plan.audiences] : undefined;
  return {
    server: vault.server.address,
    allowInsecureHttp: vault.server.allowInsecureHttp || undefined,
    namespace: vault.server.namespace,
    caBundle: vault.server.caBundle,
    // A ClusterSecretStore names the CA object's namespace; a SecretStore reads it from its own.
    caProvider: vault.server.caProvider === undefined ? undefined : {
      type: vault.server.caProvider.type, name: vault.server.caProvider.name, key: vault.server.caProvider.key,
      namespace: store.scope === StoreScope.CLUSTER ? vault.server.caProvider.namespace ?? request.declaration.esoController.namespace : undefined,
    },
    path: vault.mount,
    version: VaultKvVersion.V2,
    auth: plan.auth.kind === VaultAuthKind.JWT
      ? VaultAuth.jwt({ mountPath: plan.auth.mountPath, role: plan.roleName, serviceAccount: account, audiences })
      : VaultAuth.kubernetes({ mountPath: plan.auth.mountPath, role: plan.roleName, serviceAccount: account, audiences }),
  };
}

/** Renders Vault stores. */
export const vaultStoreRenderer: StoreRenderer = {
  kind: VAULT_BACKEND,
  provider: (request) => SecretStoreProvider.vault(providerProps(request)),
  identityFields({ store, identity }) {
    const vault = identity.vault!;
    const jwt = vault.auth.kind === VaultAuthKind.JWT;
    const audiences = vault.audiences.length > 0 ? [...vault.audiences] : undefined;
    return {
      'vault.server': (store as VaultStoreDeclaration).server.address,
      'vault.path': (store as VaultStoreDeclaration).mount,
      ...(jwt
        ? { 'vault.auth.jwt.path': vault.auth.mountPath, 'vault.auth.jwt.role': vault.roleName, 'vault.auth.jwt.kubernetesServiceAccountToken.serviceAccountRef.audiences': audiences }
        : { 'vault.auth.kubernetes.mountPath': vault.auth.mountPath, 'vault.auth.kubernetes.role': vault.roleName, 'vault.auth.kubernetes.serviceAccountRef.audiences': audiences }),
    };
  },
  remoteKey: (secret) => secret.name,
  dynamicSecret(scope: Construct, id: string, request: StoreRenderRequest, dynamic: DynamicSecretDeclaration, namespace: string): GeneratorReference {
    const declared = dynamic as VaultDynamicSecretDeclaration;
    const props = providerProps(request);
    return new VaultDynamicSecret(scope, id, {
      name: declared.name, namespace, path: declared.path, method: declared.method, parameters: declared.parameters,
      // A generator is namespaced: its references resolve in its own namespace.
      provider: { ...props, path: undefined, version: undefined, caProvider: props.caProvider && { ...props.caProvider, namespace: undefined } },
    });
  },
  clusterObjects(scope: Construct, identities: readonly IdentityPlan[], cluster: ClusterDeclaration): void {
    const reviewed = identities.filter((i) => i.vault !== undefined && i.vault.auth.kind === VaultAuthKind.KUBERNETES
      && i.vault.auth.reviewer === VaultTokenReviewer.CLIENT_JWT);
    if (reviewed.length > 0) {
      new VaultAuthDelegatorBinding(scope, 'VaultAuthDelegator', {
        name: `eso-vault-auth-delegator-${cluster.id}`,
        serviceAccounts: reviewed.map((i) => i.serviceAccount),
      });
    }
  },
};
