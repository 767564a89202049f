import { AuthBackend } from '@cdktf/provider-vault/lib/auth-backend';
import { KubernetesAuthBackendConfig } from '@cdktf/provider-vault/lib/kubernetes-auth-backend-config';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { missingProp, vaultKubernetesAuthWithoutCa, vaultKubernetesHostNotHttps } from '../core/errors';
import { assertDnsLabel, assertProps, escapeTerraformText } from '../core/validation';
import { IVaultAuthMount, VaultAuthMethod } from './auth-mount';
import { KubernetesTokenReviewer, KubernetesTokenReviewerKind } from './kubernetes-token-reviewer';
import { assertMountPath, assertPem, checkNamespace, derivedMountPath } from './private/validation';

/** A Kubernetes auth mount, created here or existing. */
export interface IVaultKubernetesAuthMount extends IVaultAuthMount {
  /** How tokens are reviewed (decides whether clients need `system:auth-delegator`). */
  readonly reviewer: KubernetesTokenReviewer;
}

/** Options of {@link VaultKubernetesAuthMount.fromMountPath}. */
export interface VaultKubernetesAuthMountImportOptions {
  /**
   * Vault Enterprise / HCP namespace of the mount.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * How the existing mount reviews tokens.
   * @default KubernetesTokenReviewer.clientJwt()
   */
  readonly reviewer?: KubernetesTokenReviewer;
}

/** Props of {@link VaultKubernetesAuthMount}. */
export interface VaultKubernetesAuthMountProps {
  /**
   * Name of the cluster (a DNS label): one mount per cluster, since a mount's config names one API server.
   */
  readonly clusterName: string;
  /**
   * Mount path (without `auth/`).
   * @default `kubernetes-<clusterName>`
   */
  readonly path?: string;
  /**
   * Vault Enterprise / HCP namespace.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * How tokens are reviewed.
   * @default KubernetesTokenReviewer.clientJwt()
   */
  readonly reviewer?: KubernetesTokenReviewer;
  /**
   * URL of the cluster's API server (`kubernetes_host`), `https://`.
   * @default - "https://kubernetes.default.svc:443" with `KubernetesTokenReviewer.vaultInCluster()`; required otherwise
   */
  readonly kubernetesHost?: string;
  /**
   * PEM CA certificate of the API server (`kubernetes_ca_cert`). Required when Vault runs outside the cluster.
   * @default - none (Vault in the cluster uses its pod's CA)
   */
  readonly kubernetesCaCert?: string;
  /**
   * The cluster's service account token issuer (`issuer`), checked against the tokens' `iss`
   * (Kubernetes ≥ 1.21 issues bound tokens with the cluster's issuer).
   * @default - not checked (Vault's default since 1.9: `disable_iss_validation`); when set, `disable_iss_validation = false`
   */
  readonly issuer?: string;
  /**
   * Description of the mount.
   * @default "Kubernetes auth for cluster <clusterName>"
   */
  readonly description?: string;
}

class ImportedKubernetesAuthMount extends Construct implements IVaultKubernetesAuthMount {
  public readonly method = VaultAuthMethod.KUBERNETES;
  public readonly namespace?: string;
  public readonly reviewer: KubernetesTokenReviewer;

  constructor(scope: Construct, id: string, public readonly mountPath: string, options: VaultKubernetesAuthMountImportOptions) {
    super(scope, id);
    assertMountPath(this.node.path, 'mountPath', mountPath);
    this.namespace = checkNamespace(this.node.path, 'namespace', options.namespace);
    this.reviewer = options.reviewer ?? KubernetesTokenReviewer.clientJwt();
  }
}

const IN_CLUSTER_HOST = 'https://kubernetes.default.svc:443';

/**
 * The Kubernetes auth method of one cluster: `vault_auth_backend` (type `kubernetes`, path
 * `kubernetes-<cluster>` by default) and its `vault_kubernetes_auth_backend_config` (API server,
 * CA, issuer, TokenReview shape). Create roles on it with {@link VaultKubernetesAuthRole}.
 *
 * @example
 * const auth = new VaultKubernetesAuthMount(stack, 'Rke2Auth', {
 *   clusterName: 'rke2-prod',
 *   kubernetesHost: 'https://rke2-prod.example.internal:6443',
 *   kubernetesCaCert: clusterCaPem,
 *   issuer: 'https://kubernetes.default.svc.cluster.local',
 * }); // mount auth/kubernetes-rke2-prod, client JWT as reviewer, disable_local_ca_jwt
 */
export class VaultKubernetesAuthMount extends Construct implements IVaultKubernetesAuthMount {
  /** References an existing Kubernetes auth mount (nothing is created), e.g. a pinned `kubernetes`. */
  public static fromMountPath(scope: Construct, id: string, mountPath: string,
    options: VaultKubernetesAuthMountImportOptions = {}): IVaultKubernetesAuthMount {
    return new ImportedKubernetesAuthMount(scope, id, mountPath, options);
  }

  public readonly method = VaultAuthMethod.KUBERNETES;
  public readonly mountPath: string;
  public readonly namespace?: string;
  public readonly reviewer: KubernetesTokenReviewer;
  /** The cluster this mount trusts. */
  public readonly clusterName: string;
  /** The `vault_auth_backend` resource. */
  public readonly resource: AuthBackend;
  /** The `vault_kubernetes_auth_backend_config` resource. */
  public readonly config: KubernetesAuthBackendConfig;

  constructor(scope: Construct, id: string, props: VaultKubernetesAuthMountProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultKubernetesAuthMountProps', {
      'clusterName': 'string', 'path?': 'string', 'namespace?': 'string', 'kubernetesHost?': 'string', 'kubernetesCaCert?': 'string',
      'issuer?': 'string', 'description?': 'string',
      'reviewer?': { instance: KubernetesTokenReviewer, name: 'a KubernetesTokenReviewer (clientJwt(), reviewerJwt() or vaultInCluster())' },
    });
    assertDnsLabel(path, 'clusterName', props.clusterName);
    this.clusterName = props.clusterName;
    this.mountPath = props.path ?? derivedMountPath('kubernetes', props.clusterName);
    assertMountPath(path, 'path', this.mountPath);
    this.namespace = checkNamespace(path, 'namespace', props.namespace);
    this.reviewer = props.reviewer ?? KubernetesTokenReviewer.clientJwt();
    const inCluster = this.reviewer.kind === KubernetesTokenReviewerKind.VAULT_IN_CLUSTER;

    const host = props.kubernetesHost ?? (inCluster ? IN_CLUSTER_HOST : undefined);
    if (host === undefined || host === '') {
      throw missingProp(path, 'kubernetesHost', 'pass the API server URL Vault reaches the cluster at, for example "https://api.rke2.example.internal:6443"');
    }
    if (!Token.isUnresolved(host) && !host.startsWith('https://')) {
      throw vaultKubernetesHostNotHttps(path, 'kubernetesHost', host);
    }
    if (!inCluster && (props.kubernetesCaCert === undefined || props.kubernetesCaCert === '')) {
      throw vaultKubernetesAuthWithoutCa(path, 'kubernetesCaCert');
    }
    assertPem(path, 'kubernetesCaCert', props.kubernetesCaCert === '' ? undefined : props.kubernetesCaCert, 'certificate');

    this.resource = new AuthBackend(this, 'Resource', {
      type: 'kubernetes',
      path: this.mountPath,
      namespace: this.namespace,
      description: escapeTerraformText(props.description ?? `Kubernetes auth for cluster ${props.clusterName}`),
    });
    this.config = new KubernetesAuthBackendConfig(this, 'Config', {
      backend: this.resource.path,
      namespace: this.namespace,
      kubernetesHost: host,
      kubernetesCaCert: props.kubernetesCaCert,
      issuer: props.issuer,
      // With an issuer, check it (new mounts skip the check by default since Vault 1.9).
      disableIssValidation: props.issuer !== undefined ? false : undefined,
      tokenReviewerJwt: this.reviewer._variable?.stringValue,
      disableLocalCaJwt: inCluster ? false : true,
    });
  }
}
