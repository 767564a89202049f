import { ContainerImage } from './container-image';
import { HelmResourceRequirements } from './resources';
import { ContainerSecurityContextOverride, PodSecurityContextOverride } from './security-context';

/** TLS of the Vault listener, from a `kubernetes.io/tls`-style Secret in the release namespace. */
export interface VaultServerTls {
  /**
   * Secret holding the server certificate, key and CA (mounted at `/vault/userconfig/<secretName>`).
   * The certificate must cover `<fullname>`, `<fullname>.<namespace>`, `*.<fullname>-internal` and
   * `127.0.0.1` (raft peers join through `<pod>.<fullname>-internal`).
   */
  readonly secretName: string;
  /**
   * Key of the certificate (chain) in the Secret.
   * @default "tls.crt"
   */
  readonly certKey?: string;
  /**
   * Key of the private key in the Secret.
   * @default "tls.key"
   */
  readonly keyKey?: string;
  /**
   * Key of the CA certificate in the Secret (raft `leader_ca_cert_file`, `VAULT_CACERT`).
   * @default "ca.crt"
   */
  readonly caKey?: string;
}

/** Persistent volume of the Vault pods. */
export interface VaultStorage {
  /**
   * Size of the volume.
   * @default - the chart's default (10Gi)
   */
  readonly size?: string;
  /**
   * Storage class.
   * @default - the cluster's default storage class
   */
  readonly storageClass?: string;
}

/** Vault server log level (`server.logLevel`). */
export enum VaultLogLevel {
  /** Most verbose. */
  TRACE = 'trace',
  /** Debugging. */
  DEBUG = 'debug',
  /** Vault's default. */
  INFO = 'info',
  /** Warnings and errors. */
  WARN = 'warn',
  /** Errors only. */
  ERROR = 'error',
}

/** Vault server log format (`server.logFormat`). */
export enum VaultLogFormat {
  /** Human-readable text (Vault's default). */
  STANDARD = 'standard',
  /** JSON lines. */
  JSON = 'json',
}

/**
 * Typed values of the `vault` chart 0.34.1, in a production shape: HA with integrated (raft)
 * storage, TLS on the listener, the agent injector off (ESO delivers the secrets), the UI off.
 *
 * The server configuration (HCL) is rendered by the library: listener (TLS or, for a lab, plain
 * HTTP), `storage "raft"` with one `retry_join` per replica, `service_registration "kubernetes"`,
 * `disable_mlock = true` (recommended with integrated storage) and `ui`.
 *
 * @see https://github.com/hashicorp/vault-helm/blob/v0.34.1/values.yaml
 */
export interface VaultHelmValues {
  /**
   * TLS of the listener. Required unless `allowInsecureHttp` is set.
   * @default - none: then `allowInsecureHttp: true` is required
   */
  readonly tls?: VaultServerTls;
  /**
   * Serve plain HTTP (a local lab, e.g. `http://vault.vault:8200`). Never for a real cluster: the
   * tokens and every secret cross the network in clear text.
   * @default false
   */
  readonly allowInsecureHttp?: boolean;
  /**
   * Raft replicas (`server.ha.replicas`); 3 or 5 tolerate 1 or 2 failures.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Deploy the agent injector (`injector.enabled`). ESO delivers the secrets, so it is off.
   * @default false
   */
  readonly injectorEnabled?: boolean;
  /**
   * Serve the web UI (`ui.enabled` and `ui = true` in the server config).
   * @default false
   */
  readonly uiEnabled?: boolean;
  /**
   * Server image override (`server.image`). A digest is rendered as `<tag>@<digest>` (the chart
   * has no digest field).
   * @default - the chart's image, `hashicorp/vault:2.0.4`
   */
  readonly image?: ContainerImage;
  /**
   * Names of image pull secrets in the release namespace (`global.imagePullSecrets`).
   * @default - none
   */
  readonly imagePullSecrets?: string[];
  /**
   * Resource requests and limits of the server (`server.resources`).
   * @default - none (the chart's default)
   */
  readonly resources?: HelmResourceRequirements;
  /**
   * Data volume (`server.dataStorage`).
   * @default - the chart's default (10Gi, default storage class)
   */
  readonly dataStorage?: VaultStorage;
  /**
   * Audit log volume (`server.auditStorage`); enables it.
   * @default - no audit volume
   */
  readonly auditStorage?: VaultStorage;
  /**
   * Pod security context override (`server.statefulSet.securityContext.pod`). The chart replaces
   * its default wholesale when this is set, so the library renders the chart's default
   * (`runAsNonRoot: true`, `runAsUser: 100`, `runAsGroup: 1000`, `fsGroup: 1000`) plus your fields.
   * @default - the chart's default
   */
  readonly podSecurityContext?: PodSecurityContextOverride;
  /**
   * Container security context override (`server.statefulSet.securityContext.container`),
   * rendered over the chart's default `allowPrivilegeEscalation: false`.
   * @default - the chart's default
   */
  readonly containerSecurityContext?: ContainerSecurityContextOverride;
  /**
   * Log level.
   * @default - Vault's default, info
   */
  readonly logLevel?: VaultLogLevel;
  /**
   * Log format.
   * @default - Vault's default, standard
   */
  readonly logFormat?: VaultLogFormat;
}
