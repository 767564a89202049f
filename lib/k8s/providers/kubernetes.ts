import {
  ClusterSecretStoreSpecProviderKubernetes,
  ClusterSecretStoreSpecProviderKubernetesAuth,
  ClusterSecretStoreSpecProviderKubernetesServerCaProviderType,
} from '../imports/external-secrets.io';
import { StoreContext } from '../private/context';
import { SecretKeySelector, ServiceAccountReference } from '../references';
import { CaProvider } from './ca-provider';
import { assertCaBundle, assertDnsLabel, assertShape, assertUrl } from '../../core/validation';
import { renderCaProvider } from './vault';

/** Options of {@link KubernetesAuth.serviceAccount}. */
export interface KubernetesServiceAccountAuthOptions {
  /** The service account whose token ESO uses against the remote API server. */
  readonly serviceAccount: ServiceAccountReference;
  /**
   * Token audiences.
   * @default - the API server's default audience
   */
  readonly audiences?: string[];
}

/** How the Kubernetes provider authenticates to the (remote) API server. */
export class KubernetesAuth {
  /** A service account token (`auth.serviceAccount`). */
  public static serviceAccount(options: KubernetesServiceAccountAuthOptions): KubernetesAuth {
    return new KubernetesAuth((ctx) => ({
      serviceAccount: ctx.serviceAccountRef('spec.provider.kubernetes.auth.serviceAccount', options?.serviceAccount, options?.audiences),
    }));
  }

  /** A bearer token in a Secret (`auth.token.bearerToken`). */
  public static token(bearerToken: SecretKeySelector): KubernetesAuth {
    return new KubernetesAuth((ctx) => ({
      token: { bearerToken: ctx.secretRef('spec.provider.kubernetes.auth.token.bearerToken', bearerToken) },
    }));
  }

  private constructor(private readonly renderer: (ctx: StoreContext) => ClusterSecretStoreSpecProviderKubernetesAuth) {}

  /** @internal */
  public _render(ctx: StoreContext): ClusterSecretStoreSpecProviderKubernetesAuth {
    return this.renderer(ctx);
  }
}

/** The API server the Kubernetes provider reads from. */
export interface KubernetesServer {
  /**
   * API server URL.
   * @default "kubernetes.default"
   */
  readonly url?: string;
  /**
   * Base64-encoded PEM CA bundle.
   * @default - none (or `caProvider`)
   */
  readonly caBundle?: string;
  /**
   * CA bundle in a Secret or ConfigMap.
   * @default - none (or `caBundle`)
   */
  readonly caProvider?: CaProvider;
}

/** Props of {@link SecretStoreProvider.kubernetes}. */
export interface KubernetesProviderProps {
  /** How ESO authenticates. */
  readonly auth: KubernetesAuth;
  /**
   * Namespace to read Secrets from.
   * @default "default"
   */
  readonly remoteNamespace?: string;
  /**
   * The API server.
   * @default - the local cluster (`kubernetes.default`)
   */
  readonly server?: KubernetesServer;
}

/** @internal */
export function renderKubernetesProvider(ctx: StoreContext, props: KubernetesProviderProps): ClusterSecretStoreSpecProviderKubernetes {
  const p = 'spec.provider.kubernetes';
  assertShape(ctx.path, p, props, {
    'auth': { instance: KubernetesAuth, name: 'a KubernetesAuth (KubernetesAuth.serviceAccount() or token())' },
    'remoteNamespace?': 'string',
    'server?': { shape: { 'url?': 'string', 'caBundle?': 'string', 'caProvider?': 'object' } },
  });
  assertDnsLabel(ctx.path, `${p}.remoteNamespace`, props.remoteNamespace);
  assertUrl(ctx.path, `${p}.server.url`, props.server?.url, { schemes: ['https'], what: 'a Kubernetes API server URL' });
  assertCaBundle(ctx.path, `${p}.server.caBundle`, props.server?.caBundle);
  const s = props.server;
  const ca = s?.caProvider ? renderCaProvider(ctx, 'spec.provider.kubernetes.server.caProvider', s.caProvider) : undefined;
  return {
    remoteNamespace: props.remoteNamespace,
    server: s ? {
      url: s.url,
      caBundle: s.caBundle,
      caProvider: ca ? { ...ca, type: ca.type as ClusterSecretStoreSpecProviderKubernetesServerCaProviderType } : undefined,
    } : undefined,
    auth: props.auth._render(ctx),
  };
}
