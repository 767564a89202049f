import {
  ClusterSecretStoreSpecProviderVault,
  ClusterSecretStoreSpecProviderVaultAuth,
  ClusterSecretStoreSpecProviderVaultCaProviderType,
  ClusterSecretStoreSpecProviderVaultVersion,
} from '../imports/external-secrets.io';
import { caProviderNamespaceOnNamespacedStore, vaultNamespacedAuthWithoutServiceAccount, wrongType } from '../../core/errors';
import { StoreContext } from '../private/context';
import { SecretKeySelector, ServiceAccountReference } from '../references';
import { CaProvider, CaProviderType } from './ca-provider';
import { assertCaBundle, assertDnsSubdomain, assertShape, assertUrl } from '../../core/validation';

/** Version of the Vault KV secrets engine. */
export enum VaultKvVersion {
  /** KV version 1. */
  V1 = 'v1',
  /** KV version 2 (the ESO default). */
  V2 = 'v2',
}

/** Options of {@link VaultAuth.kubernetes}. */
export interface VaultKubernetesAuthOptions {
  /** The Vault role bound to the service account. */
  readonly role: string;
  /**
   * Mount path of the Kubernetes auth method.
   * @default "kubernetes"
   */
  readonly mountPath?: string;
  /**
   * Service account ESO requests a token for. Required on a namespaced SecretStore (and in a generator)
   * unless `secretRef` is given: ESO would otherwise log in with the controller's own token.
   * @default - the token of `secretRef`, or else (ClusterSecretStores only) the ESO controller's own service account token
   */
  readonly serviceAccount?: ServiceAccountReference;
  /**
   * Token audiences (match the Vault role's `audience`, e.g. `["vault"]`).
   * @default - the Kubernetes API server audience
   */
  readonly audiences?: string[];
  /**
   * A Secret holding a service account token (legacy).
   * @default - none
   */
  readonly secretRef?: SecretKeySelector;
}

/** Options of {@link VaultAuth.jwt}. */
export interface VaultJwtAuthOptions {
  /** The Vault JWT role (`vault_jwt_auth_backend_role` bound to this service account). */
  readonly role: string;
  /**
   * Mount path of the JWT auth method.
   * @default "jwt"
   */
  readonly mountPath?: string;
  /** Service account ESO requests a short-lived token for (`kubernetesServiceAccountToken.serviceAccountRef`). */
  readonly serviceAccount: ServiceAccountReference;
  /**
   * Token audiences (match the role's `bound_audiences`).
   * @default ["vault"]
   */
  readonly audiences?: string[];
}

/** Options of {@link VaultAuth.appRole}. */
export interface VaultAppRoleAuthOptions {
  /**
   * Mount path of the AppRole auth method.
   * @default "approle"
   */
  readonly path?: string;
  /**
   * The role ID (not a secret).
   * @default - read from `roleRef`
   */
  readonly roleId?: string;
  /**
   * A Secret key holding the role ID.
   * @default - `roleId` is used
   */
  readonly roleRef?: SecretKeySelector;
  /** The Secret key holding the secret ID. */
  readonly secretRef: SecretKeySelector;
}

/** How the Vault provider authenticates. */
export class VaultAuth {
  /** Kubernetes auth (`auth.kubernetes`). */
  public static kubernetes(options: VaultKubernetesAuthOptions): VaultAuth {
    return new VaultAuth((ctx, prefix) => {
      const p = `${prefix}.auth.kubernetes`;
      assertShape(ctx.path, p, options, { 'role': 'nonEmptyString', 'mountPath?': 'nonEmptyString', 'serviceAccount?': 'object', 'audiences?': 'stringArray', 'secretRef?': 'object' });
      if (!ctx.isCluster && options.serviceAccount === undefined && options.secretRef === undefined) {
        throw vaultNamespacedAuthWithoutServiceAccount(ctx.path, `${p}.serviceAccountRef`);
      }
      return {
        kubernetes: {
          mountPath: options.mountPath ?? 'kubernetes',
          role: options.role,
          serviceAccountRef: options.serviceAccount
            ? ctx.serviceAccountRef(`${p}.serviceAccountRef`, options.serviceAccount, options.audiences) : undefined,
          secretRef: options.secretRef ? ctx.secretRef(`${p}.secretRef`, options.secretRef) : undefined,
        },
      };
    });
  }

  /**
   * JWT auth with a short-lived service account token (`auth.jwt.kubernetesServiceAccountToken`),
   * for clusters whose issuer Vault can verify (public OIDC issuer or configured keys): no
   * TokenReview, no `system:auth-delegator`.
   */
  public static jwt(options: VaultJwtAuthOptions): VaultAuth {
    return new VaultAuth((ctx, prefix) => {
      const p = `${prefix}.auth.jwt`;
      assertShape(ctx.path, p, options, { 'role': 'nonEmptyString', 'mountPath?': 'nonEmptyString', 'serviceAccount': 'object', 'audiences?': 'stringArray' });
      return {
        jwt: {
          path: options.mountPath ?? 'jwt',
          role: options.role,
          kubernetesServiceAccountToken: {
            serviceAccountRef: ctx.serviceAccountRef(`${p}.kubernetesServiceAccountToken.serviceAccountRef`, options.serviceAccount,
              options.audiences ?? ['vault']),
          },
        },
      };
    });
  }

  /** AppRole auth (`auth.appRole`). */
  public static appRole(options: VaultAppRoleAuthOptions): VaultAuth {
    return new VaultAuth((ctx, prefix) => {
      const p = `${prefix}.auth.appRole`;
      assertShape(ctx.path, p, options, { 'path?': 'nonEmptyString', 'roleId?': 'nonEmptyString', 'roleRef?': 'object', 'secretRef': 'object' });
      if (options.roleId === undefined && options.roleRef === undefined) {
        throw wrongType(ctx.path, `${p}.roleId`, undefined, 'a role ID (roleId, or roleRef to a Secret key)');
      }
      return {
        appRole: {
          path: options.path ?? 'approle',
          roleId: options.roleId,
          roleRef: options.roleRef ? ctx.secretRef(`${p}.roleRef`, options.roleRef) : undefined,
          secretRef: ctx.secretRef(`${p}.secretRef`, options.secretRef),
        },
      };
    });
  }

  /** A Vault token in a Secret (`auth.tokenSecretRef`). */
  public static token(tokenSecret: SecretKeySelector): VaultAuth {
    return new VaultAuth((ctx, prefix) => ({ tokenSecretRef: ctx.secretRef(`${prefix}.auth.tokenSecretRef`, tokenSecret) }));
  }

  private constructor(private readonly renderer: (ctx: StoreContext, prefix: string) => ClusterSecretStoreSpecProviderVaultAuth) {}

  /**
   * @param prefix where the provider block is (`spec.provider.vault` in a store, `spec.provider` in a generator)
   * @internal
   */
  public _render(ctx: StoreContext, prefix = 'spec.provider.vault'): ClusterSecretStoreSpecProviderVaultAuth {
    return this.renderer(ctx, prefix);
  }
}

/** Props of {@link SecretStoreProvider.vault}. */
export interface VaultProviderProps {
  /** Vault address, e.g. `https://vault.example.com:8200`. */
  readonly server: string;
  /** How ESO authenticates. */
  readonly auth: VaultAuth;
  /**
   * Mount path of the KV engine, e.g. `secret`.
   * @default - none: remote keys carry the mount
   */
  readonly path?: string;
  /**
   * KV engine version.
   * @default VaultKvVersion.V2
   */
  readonly version?: VaultKvVersion;
  /**
   * Vault Enterprise namespace.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * Base64-encoded PEM CA bundle.
   * @default - system roots (or `caProvider`)
   */
  readonly caBundle?: string;
  /**
   * CA bundle read from a Secret or ConfigMap.
   * @default - system roots (or `caBundle`)
   */
  readonly caProvider?: CaProvider;
  /**
   * Accept an `http://` server: tokens and secrets then cross the network in clear text. Only for
   * a local development server.
   * @default false - only https:// servers
   */
  readonly allowInsecureHttp?: boolean;
}

/** @internal */
export function renderCaProvider(ctx: StoreContext, prop: string, ca: CaProvider): { type: string; name: string; key?: string; namespace?: string } {
  assertShape(ctx.path, prop, ca, { 'type': { enum: CaProviderType, name: 'CaProviderType' }, 'name': 'nonEmptyString', 'key?': 'nonEmptyString', 'namespace?': 'string' });
  assertDnsSubdomain(ctx.path, `${prop}.name`, ca.name);
  if (ca.namespace !== undefined && !ctx.isCluster) {
    throw caProviderNamespaceOnNamespacedStore(ctx.path, `${prop}.namespace`, ca.namespace);
  }
  return { type: ca.type, name: ca.name, key: ca.key, namespace: ca.namespace };
}

/**
 * @param prefix where the provider block is (`spec.provider.vault` in a store, `spec.provider` in a `VaultDynamicSecret`)
 * @internal
 */
export function renderVaultProvider(ctx: StoreContext, props: VaultProviderProps, prefix = 'spec.provider.vault'): ClusterSecretStoreSpecProviderVault {
  const p = prefix;
  assertShape(ctx.path, p, props, {
    'server': 'nonEmptyString',
    'auth': { instance: VaultAuth, name: 'a VaultAuth (VaultAuth.kubernetes(), jwt(), appRole() or token())' },
    'path?': 'nonEmptyString',
    'version?': { enum: VaultKvVersion, name: 'VaultKvVersion' },
    'namespace?': 'string',
    'caBundle?': 'string',
    'caProvider?': 'object',
    'allowInsecureHttp?': 'boolean',
  });
  assertUrl(ctx.path, `${p}.server`, props.server, {
    schemes: props.allowInsecureHttp === true ? ['https', 'http'] : ['https'],
    what: 'a Vault server URL',
    schemeFix: 'serve Vault over TLS (https://), or set allowInsecureHttp: true for a local development server',
    allowPath: false,
  });
  assertCaBundle(ctx.path, `${p}.caBundle`, props.caBundle);
  const ca = props.caProvider ? renderCaProvider(ctx, `${p}.caProvider`, props.caProvider) : undefined;
  return {
    server: props.server,
    path: props.path,
    version: (props.version ?? VaultKvVersion.V2) as string as ClusterSecretStoreSpecProviderVaultVersion,
    namespace: props.namespace,
    caBundle: props.caBundle,
    caProvider: ca ? { ...ca, type: ca.type as ClusterSecretStoreSpecProviderVaultCaProviderType } : undefined,
    auth: props.auth._render(ctx, p),
  };
}
