import { ClusterSecretStoreSpecProvider, ClusterSecretStoreSpecProviderAwsService } from './imports/external-secrets.io';
import { StoreContext } from './private/context';
import { AwsParameterStoreProviderProps, AwsSecretsManagerProviderProps, renderAwsProvider } from './providers/aws';
import { AzureKeyVaultProviderProps, renderAzureProvider } from './providers/azure';
import { GoogleSecretManagerProviderProps, renderGcpProvider } from './providers/gcp';
import { KubernetesProviderProps, renderKubernetesProvider } from './providers/kubernetes';
import { renderVaultProvider, VaultProviderProps } from './providers/vault';

/** The backend a store reads from. */
export enum SecretStoreProviderType {
  /** AWS Secrets Manager (`provider.aws`, service SecretsManager). */
  AWS_SECRETS_MANAGER = 'AwsSecretsManager',
  /** AWS Systems Manager Parameter Store (`provider.aws`, service ParameterStore). */
  AWS_PARAMETER_STORE = 'AwsParameterStore',
  /** Azure Key Vault (`provider.azurekv`). */
  AZURE_KEY_VAULT = 'AzureKeyVault',
  /** Google Secret Manager (`provider.gcpsm`). */
  GOOGLE_SECRET_MANAGER = 'GoogleSecretManager',
  /** HashiCorp Vault (`provider.vault`). */
  VAULT = 'Vault',
  /** Kubernetes Secrets of a (remote) cluster (`provider.kubernetes`). */
  KUBERNETES = 'Kubernetes',
}

/**
 * The provider of a SecretStore or ClusterSecretStore: exactly one backend, built with a factory.
 *
 * @example
 * SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: sa }) })
 */
export class SecretStoreProvider {
  /** AWS Secrets Manager. */
  public static awsSecretsManager(props: AwsSecretsManagerProviderProps): SecretStoreProvider {
    return new SecretStoreProvider(SecretStoreProviderType.AWS_SECRETS_MANAGER,
      (ctx) => ({ aws: renderAwsProvider(ctx, ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER, props) }));
  }

  /** AWS Systems Manager Parameter Store. */
  public static awsParameterStore(props: AwsParameterStoreProviderProps): SecretStoreProvider {
    return new SecretStoreProvider(SecretStoreProviderType.AWS_PARAMETER_STORE,
      (ctx) => ({ aws: renderAwsProvider(ctx, ClusterSecretStoreSpecProviderAwsService.PARAMETER_STORE, props) }));
  }

  /** Azure Key Vault. */
  public static azureKeyVault(props: AzureKeyVaultProviderProps): SecretStoreProvider {
    return new SecretStoreProvider(SecretStoreProviderType.AZURE_KEY_VAULT, (ctx) => ({ azurekv: renderAzureProvider(ctx, props) }));
  }

  /** Google Secret Manager. */
  public static googleSecretManager(props: GoogleSecretManagerProviderProps = {}): SecretStoreProvider {
    return new SecretStoreProvider(SecretStoreProviderType.GOOGLE_SECRET_MANAGER, (ctx) => ({ gcpsm: renderGcpProvider(ctx, props) }));
  }

  /** HashiCorp Vault (KV engine). */
  public static vault(props: VaultProviderProps): SecretStoreProvider {
    return new SecretStoreProvider(SecretStoreProviderType.VAULT, (ctx) => ({ vault: renderVaultProvider(ctx, props) }));
  }

  /** Kubernetes Secrets of this or a remote cluster. */
  public static kubernetes(props: KubernetesProviderProps): SecretStoreProvider {
    return new SecretStoreProvider(SecretStoreProviderType.KUBERNETES, (ctx) => ({ kubernetes: renderKubernetesProvider(ctx, props) }));
  }

  private constructor(
    /** The backend. */
    public readonly type: SecretStoreProviderType,
    private readonly renderer: (ctx: StoreContext) => ClusterSecretStoreSpecProvider,
  ) {}

  /**
   * Renders and validates the provider for one store.
   * @internal
   */
  public _bind(ctx: StoreContext): ClusterSecretStoreSpecProvider {
    return this.renderer(ctx);
  }
}
