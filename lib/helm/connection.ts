import type * as DataAwsEksClusterModule from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import type * as DataAzurermKubernetesClusterModule from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import type * as DataGoogleContainerClusterModule from '@cdktf/provider-google/lib/data-google-container-cluster';
import { HelmProvider, HelmProviderKubernetesExec } from '@cdktf/provider-helm/lib/provider';
import { Fn, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { eksConnectionWithoutAwsProvider, missingProp, validationMessage } from '../core/errors';
import { loadOptionalPeer } from '../core/optional-peer';

/** The client-go credential plugin API version the exec helpers speak. */
const EXEC_API_VERSION = 'client.authentication.k8s.io/v1beta1';

/**
 * Application ID of the AKS AAD server ("Azure Kubernetes Service AAD Server"), the audience
 * kubelogin requests tokens for. It is the same in every tenant.
 */
export const AKS_AAD_SERVER_ID = '6dae42f8-4368-4678-94ff-3960e28e3630';

/** True when `stack` has a provider of this type without alias (the one resources use by default). */
function hasDefaultProvider(stack: TerraformStack, type: string): boolean {
  return stack.node.findAll().some((c) => c instanceof TerraformProvider && c.terraformResourceType === type && c.alias === undefined);
}

/** The Helm provider of a cluster reached at `host` (CA base64-encoded), authenticating through a client-go exec plugin. */
function execHelmProvider(container: Construct, alias: string | undefined, host: string, caCertificateBase64: string, exec: HelmProviderKubernetesExec): HelmProvider {
  return new HelmProvider(container, 'Provider', {
    alias,
    kubernetes: { host, clusterCaCertificate: Fn.base64decode(caCertificateBase64), exec },
  });
}

/** Options shared by every {@link HelmConnection} factory. */
export interface HelmConnectionOptions {
  /**
   * Provider alias, to install into several clusters from one stack (pass the returned provider
   * to each release's `provider` prop).
   * @default - the default `helm` provider
   */
  readonly alias?: string;
}

/** Options for {@link HelmConnection.fromEks}. */
export interface EksHelmConnectionOptions extends HelmConnectionOptions {
  /** EKS cluster name. */
  readonly clusterName: string;
  /**
   * AWS region of the cluster, passed to the data source and to `aws eks get-token`.
   * @default - the AWS provider's region (data source) and the CLI's configured region (token)
   */
  readonly region?: string;
  /**
   * IAM role `aws eks get-token` assumes to authenticate (must have an EKS access entry or
   * aws-auth mapping).
   * @default - the caller's credentials
   */
  readonly roleArn?: string;
  /**
   * AWS CLI profile for `aws eks get-token` (`--profile`).
   * @default - the CLI's default credential chain
   */
  readonly awsProfile?: string;
  /**
   * The AWS provider the `aws_eks_cluster` data source reads with.
   * @default - the stack's default `aws` provider
   */
  readonly awsProvider?: TerraformProvider;
}

/** kubelogin login modes usable without interactive input. */
export enum KubeloginMode {
  /** Reuse the Azure CLI login (`az login`): developer machines and CI with `azure/login`. */
  AZURE_CLI = 'azurecli',
  /** Workload identity federation (`AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `AZURE_FEDERATED_TOKEN_FILE`): CI with OIDC. */
  WORKLOAD_IDENTITY = 'workloadidentity',
  /** Managed identity of the machine running Terraform. */
  MANAGED_IDENTITY = 'msi',
  /** Azure Pipelines service connection. */
  AZURE_PIPELINES = 'azurepipelines',
}

/** Options for {@link HelmConnection.fromAks}. */
export interface AksHelmConnectionOptions extends HelmConnectionOptions {
  /** AKS cluster name. */
  readonly clusterName: string;
  /** Resource group of the cluster. */
  readonly resourceGroupName: string;
  /**
   * How kubelogin obtains the Entra ID token.
   * @default KubeloginMode.AZURE_CLI
   */
  readonly loginMode?: KubeloginMode;
  /**
   * Client ID of the user-assigned managed identity, for `KubeloginMode.MANAGED_IDENTITY`.
   * @default - the system-assigned identity
   */
  readonly managedIdentityClientId?: string;
  /**
   * The azurerm provider the `azurerm_kubernetes_cluster` data source reads with.
   * @default - the stack's default `azurerm` provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** Options for {@link HelmConnection.fromGke}. */
export interface GkeHelmConnectionOptions extends HelmConnectionOptions {
  /** GKE cluster name. */
  readonly clusterName: string;
  /** Location of the cluster: its region (regional cluster) or zone (zonal cluster). */
  readonly location: string;
  /**
   * Project of the cluster.
   * @default - the google provider's project
   */
  readonly projectId?: string;
  /**
   * The google provider the `google_container_cluster` data source reads with.
   * @default - the stack's default `google` provider
   */
  readonly googleProvider?: TerraformProvider;
}

/** Options for {@link HelmConnection.fromKubeconfig}. */
export interface KubeconfigHelmConnectionOptions extends HelmConnectionOptions {
  /** Path of the kubeconfig file on the machine that runs Terraform (e.g. `~/.kube/config`). */
  readonly configPath: string;
  /**
   * Context to use.
   * @default - the kubeconfig's current context
   */
  readonly context?: string;
}

/**
 * Ready-made Helm provider configurations (cluster connections) that keep credentials out of the
 * synthesized JSON and the Terraform state.
 *
 * Tokens are fetched at plan/apply time by a client-go exec plugin (`aws eks get-token`,
 * `kubelogin`, `gke-gcloud-auth-plugin`) rather than read from a data source: data source results are stored in the state,
 * and cdktf 0.21 cannot express Terraform ephemeral resources (`ephemeral "aws_eks_cluster_auth"`).
 * The machine running Terraform therefore needs the AWS CLI, kubelogin or gke-gcloud-auth-plugin on its `PATH`.
 *
 * Each factory creates a construct `id` under `scope` holding the lookups and returns the
 * `HelmProvider`; pass it to the releases' `provider` prop (or rely on it as the default provider).
 */
export class HelmConnection {
  /**
   * EKS: endpoint and CA from the `aws_eks_cluster` data source (no credentials), token from
   * `aws eks get-token` at apply time.
   */
  public static fromEks(scope: Construct, id: string, options: EksHelmConnectionOptions): HelmProvider {
    const container = new Construct(scope, id);
    if (options.clusterName === '') {
      throw missingProp(container.node.path, 'clusterName', 'pass the EKS cluster name');
    }
    // The AWS provider is an optional peer: loaded here, so an Azure-only project does not need it.
    const { DataAwsEksCluster } = loadOptionalPeer(container.node.path, '@cdktf/provider-aws', 'HelmConnection.fromEks',
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => require('@cdktf/provider-aws/lib/data-aws-eks-cluster') as typeof DataAwsEksClusterModule);
    if (options.awsProvider === undefined) {
      const stack = TerraformStack.of(container);
      container.node.addValidation({
        validate: () => hasDefaultProvider(stack, 'aws') ? [] : [validationMessage(container.node.path, eksConnectionWithoutAwsProvider(container.node.path, stack.node.path))],
      });
    }
    const cluster = new DataAwsEksCluster(container, 'Cluster', {
      name: options.clusterName,
      region: options.region,
      provider: options.awsProvider,
    });
    const args = ['eks', 'get-token', '--cluster-name', options.clusterName, '--output', 'json'];
    if (options.region !== undefined) {
      args.push('--region', options.region);
    }
    if (options.roleArn !== undefined) {
      args.push('--role-arn', options.roleArn);
    }
    // Passed as --profile, not as exec env: cdktf 0.21 snake-cases the keys of maps nested in
    // provider blocks (AWS_PROFILE would be rendered as aws_profile).
    if (options.awsProfile !== undefined) {
      args.push('--profile', options.awsProfile);
    }
    return execHelmProvider(container, options.alias, cluster.endpoint, cluster.certificateAuthority.get(0).data,
      { apiVersion: EXEC_API_VERSION, command: 'aws', args });
  }

  /**
   * AKS with Entra ID (AAD) authentication: endpoint and CA from the `azurerm_kubernetes_cluster`
   * data source, token from `kubelogin get-token` at apply time.
   *
   * Trade-off: the data source stores all its attributes in the state, including `kube_config` /
   * `kube_admin_config` client certificates when the cluster still has local accounts. Disable
   * local accounts on the cluster (`local_account_disabled = true`) so those are empty; this
   * helper never reads them.
   */
  public static fromAks(scope: Construct, id: string, options: AksHelmConnectionOptions): HelmProvider {
    const container = new Construct(scope, id);
    const { DataAzurermKubernetesCluster } = loadOptionalPeer(container.node.path, '@cdktf/provider-azurerm', 'HelmConnection.fromAks',
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => require('@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster') as typeof DataAzurermKubernetesClusterModule);
    const cluster = new DataAzurermKubernetesCluster(container, 'Cluster', {
      name: options.clusterName,
      resourceGroupName: options.resourceGroupName,
      provider: options.azurermProvider,
    });
    const mode = options.loginMode ?? KubeloginMode.AZURE_CLI;
    const args = ['get-token', '--login', mode, '--server-id', AKS_AAD_SERVER_ID];
    if (mode === KubeloginMode.MANAGED_IDENTITY && options.managedIdentityClientId !== undefined) {
      args.push('--client-id', options.managedIdentityClientId);
    }
    return execHelmProvider(container, options.alias, cluster.kubeConfig.get(0).host, cluster.kubeConfig.get(0).clusterCaCertificate,
      { apiVersion: EXEC_API_VERSION, command: 'kubelogin', args });
  }

  /**
   * GKE: endpoint and CA from the `google_container_cluster` data source, token from
   * `gke-gcloud-auth-plugin` (the gcloud credential plugin) at apply time.
   *
   * Trade-off: the data source stores all its attributes in the state, including the legacy
   * client certificate of `master_auth` when the cluster still issues one. Leave
   * `master_auth.client_certificate_config.issue_client_certificate` off (the default) so it is
   * empty; this helper never reads it.
   */
  public static fromGke(scope: Construct, id: string, options: GkeHelmConnectionOptions): HelmProvider {
    const container = new Construct(scope, id);
    // JavaScript callers: a missing option is reported like an empty one, never as a TypeError.
    if (!options?.clusterName) {
      throw missingProp(container.node.path, 'clusterName', 'pass the GKE cluster name');
    }
    if (!options.location) {
      throw missingProp(container.node.path, 'location', 'pass the cluster\'s region (regional cluster) or zone (zonal cluster)');
    }
    const { DataGoogleContainerCluster } = loadOptionalPeer(container.node.path, '@cdktf/provider-google', 'HelmConnection.fromGke',
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => require('@cdktf/provider-google/lib/data-google-container-cluster') as typeof DataGoogleContainerClusterModule);
    const cluster = new DataGoogleContainerCluster(container, 'Cluster', {
      name: options.clusterName,
      location: options.location,
      project: options.projectId,
      provider: options.googleProvider,
    });
    return execHelmProvider(container, options.alias, `https://${cluster.endpoint}`, cluster.masterAuth.get(0).clusterCaCertificate,
      { apiVersion: EXEC_API_VERSION, command: 'gke-gcloud-auth-plugin' });
  }

  /**
   * A kubeconfig file on the machine running Terraform (and optionally one of its contexts).
   * Credentials stay in the file (or its exec plugin); only the path and context are synthesized.
   */
  public static fromKubeconfig(scope: Construct, id: string, options: KubeconfigHelmConnectionOptions): HelmProvider {
    const container = new Construct(scope, id);
    if (options.configPath === '') {
      throw missingProp(container.node.path, 'configPath', 'pass the kubeconfig path, for example "~/.kube/config"');
    }
    return new HelmProvider(container, 'Provider', {
      alias: options.alias,
      kubernetes: { configPath: options.configPath, configContext: options.context },
    });
  }

  private constructor() {}
}
