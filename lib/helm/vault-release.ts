import { Release } from '@cdktf/provider-helm/lib/release';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { mutuallyExclusive, vaultReleaseAddressMismatch, vaultReleaseWithoutTls } from '../core/errors';
import type { VaultServerDeclaration } from '../core/declaration';
import { assertDnsSubdomain, assertProps, Shape } from '../core/validation';
import { VAULT_CHART } from './charts';
import { checkVaultValuesHardening } from '../core/invariants/output';
import { createRelease } from './private/release';
import {
  checkCount, checkQuantity, renderContainerSecurityContext, renderPodSecurityContext, renderResources, ValueTree,
} from './private/values';
import { HelmReleaseOptions } from './release-options';
import { VaultHelmValues, VaultLogFormat, VaultLogLevel, VaultServerTls, VaultStorage } from './vault-values';

/** Props of {@link VaultHelmRelease}. */
export interface VaultHelmReleaseProps extends HelmReleaseOptions {
  /**
   * Helm release name (at most 53 characters).
   * @default "vault"
   */
  readonly releaseName?: string;
  /**
   * Namespace to install into (a DNS-1123 label).
   * @default "vault"
   */
  readonly namespace?: string;
  /**
   * Typed chart values. Either `tls` or `allowInsecureHttp: true` is required.
   */
  readonly values: VaultHelmValues;
  /**
   * The declared Vault server this release runs (`declaration.addVaultServer(...)`): its address, typed
   * once in the declaration for every store, must be the address this release serves
   * (`<scheme>://<fullname>[-active].<namespace>[.svc[.cluster.local]]:8200`, https exactly when
   * `values.tls` is set), or synth fails naming both.
   * @default - not checked: the stores' address is yours to match with {@link VaultHelmRelease.serverAddress}
   */
  readonly server?: VaultServerDeclaration;
}

/** The chart's pod security context when not overridden (non-OpenShift). */
const CHART_POD_SECURITY_CONTEXT = { runAsNonRoot: true, runAsGroup: 1000, runAsUser: 100, fsGroup: 1000 };
/** The chart's container security context when not overridden. */
const CHART_CONTAINER_SECURITY_CONTEXT = { allowPrivilegeEscalation: false };

/**
 * HashiCorp Vault, installed with Helm (`helm_release` of chart `vault` 0.34.1 from
 * `https://helm.releases.hashicorp.com`, pinned) in a production shape: HA with integrated
 * storage (raft, one `retry_join` per replica), TLS on the listener, the agent injector and the
 * UI off. A plain-HTTP lab needs the explicit `allowInsecureHttp: true`.
 *
 * Vault still has to be initialized and unsealed after the install (`vault operator init`, or an
 * auto-unseal `seal` stanza through `extraValues`); the auth mounts, roles and policies are then
 * configured with lib/vault against {@link serverAddress}.
 *
 * @example
 * new VaultHelmRelease(stack, 'Vault', {
 *   values: { tls: { secretName: 'vault-tls' }, replicas: 3, dataStorage: { size: '20Gi' } },
 * });
 */
export class VaultHelmRelease extends Construct implements ITerraformDependable {
  /** The `helm_release` resource. */
  public readonly release: Release;
  /** The Helm release name. */
  public readonly releaseName: string;
  /** The namespace Vault runs in. */
  public readonly namespace: string;
  /** The installed chart version. */
  public readonly chartVersion: string;
  /** The chart's `vault.fullname`: the Service name. */
  public readonly fullname: string;
  /** In-cluster address of the active Vault, e.g. `https://vault.vault:8200` (the stores' `server`). */
  public readonly serverAddress: string;
  /** True when the listener serves TLS. */
  public readonly tlsEnabled: boolean;
  /** The values given to Helm (typed values merged with `extraValues`), before token resolution. */
  public readonly renderedValues: { [key: string]: unknown };

  constructor(scope: Construct, id: string, props: VaultHelmReleaseProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultHelmReleaseProps', {
      'releaseName?': 'string', 'namespace?': 'string',
      'server?': { shape: { 'id': 'string', 'address': 'string' }, name: 'a declared Vault server (declaration.addVaultServer(...))' },
      'values': { shape: {
        'allowInsecureHttp?': 'boolean', 'injectorEnabled?': 'boolean', 'uiEnabled?': 'boolean',
        'imagePullSecrets?': 'stringArray',
        'tls?': { shape: { 'secretName': 'string', 'certKey?': 'string', 'keyKey?': 'string', 'caKey?': 'string' }, name: 'a VaultServerTls { secretName }' },
        'dataStorage?': { shape: STORAGE, name: 'a VaultStorage { size, storageClass }' },
        'auditStorage?': { shape: STORAGE, name: 'a VaultStorage { size, storageClass }' },
        'logLevel?': { enum: VaultLogLevel, name: 'VaultLogLevel' },
        'logFormat?': { enum: VaultLogFormat, name: 'VaultLogFormat' },
      }, name: 'VaultHelmValues' },
    });
    this.releaseName = props.releaseName ?? 'vault';
    this.namespace = props.namespace ?? 'vault';
    this.fullname = this.releaseName.includes(VAULT_CHART.name) ? this.releaseName : `${this.releaseName}-${VAULT_CHART.name}`;
    const values = props.values ?? {};
    this.tlsEnabled = values.tls !== undefined;
    this.serverAddress = `${this.tlsEnabled ? 'https' : 'http'}://${this.fullname}.${this.namespace}:8200`;
    if (props.server !== undefined) {
      checkDeclaredAddress(path, props.server, this.tlsEnabled ? 'https' : 'http', this.fullname, this.namespace);
    }
    const created = createRelease(this, {
      chart: VAULT_CHART,
      releaseName: this.releaseName,
      namespace: this.namespace,
      options: props,
      typedValues: renderVaultValues(path, this.fullname, values),
      hardening: checkVaultValuesHardening,
      // values.allowInsecureHttp is the typed opt-in to a listener without TLS: it acknowledges CES-HARD-4.
      implicitAcknowledgements: props.values?.allowInsecureHttp === true
        ? [{ ruleId: 'CES-HARD-4', reason: 'values.allowInsecureHttp: true (typed opt-in)', appliesTo: ['global.tlsDisable'] }] : [],
    });
    this.release = created.release;
    this.chartVersion = created.chartVersion;
    this.renderedValues = created.values;
  }

  /** The `helm_release` address, so the construct itself can be used in `dependsOn`. */
  public get fqn(): string {
    return this.release.fqn;
  }
}

/**
 * The declared server's address must reach this release: its Service (or the HA `-active` Service) by
 * any in-cluster DNS form, on the listener's port, with the listener's scheme.
 */
function checkDeclaredAddress(path: string, server: VaultServerDeclaration, scheme: string, fullname: string, namespace: string): void {
  const services = [fullname, `${fullname}-active`];
  const suffixes = ['', '.svc', '.svc.cluster.local'];
  const addresses = services.flatMap((service) => suffixes.map((suffix) => `${scheme}://${service}.${namespace}${suffix}:8200`));
  if (!addresses.includes(server.address.replace(/\/+$/, ''))) {
    throw vaultReleaseAddressMismatch(path, server.address, `vaultServers/${server.id}`, addresses);
  }
}

const USERCONFIG = '/vault/userconfig';

/** The props of a {@link VaultStorage}, for type checks. */
const STORAGE: Shape = { 'size?': 'string', 'storageClass?': 'string' };

function renderStorage(path: string, prop: string, v: VaultStorage | undefined, enabled: boolean | undefined): ValueTree | undefined {
  if (v === undefined) {
    return undefined;
  }
  checkQuantity(path, `${prop}.size`, v.size, 'give the volume size with a binary suffix, for example "10Gi"');
  assertDnsSubdomain(path, `${prop}.storageClass`, v.storageClass);
  return { enabled, size: v.size, storageClass: v.storageClass };
}

/** The server configuration HCL (listener, raft with retry_join per replica, service registration). */
function serverConfig(fullname: string, replicas: number, tls: VaultServerTls | undefined, ui: boolean): string {
  const dir = tls ? `${USERCONFIG}/${tls.secretName}` : undefined;
  const listener = tls
    ? [
      '  tls_disable = 0',
      `  tls_cert_file = "${dir}/${tls.certKey ?? 'tls.crt'}"`,
      `  tls_key_file = "${dir}/${tls.keyKey ?? 'tls.key'}"`,
      '  tls_min_version = "tls12"',
    ]
    : ['  tls_disable = 1'];
  const joins: string[] = [];
  for (let i = 0; i < replicas; i++) {
    joins.push('  retry_join {');
    joins.push(`    leader_api_addr = "${tls ? 'https' : 'http'}://${fullname}-${i}.${fullname}-internal:8200"`);
    if (tls) {
      joins.push(`    leader_ca_cert_file = "${dir}/${tls.caKey ?? 'ca.crt'}"`);
    }
    joins.push('  }');
  }
  return [
    `ui = ${ui}`,
    'disable_mlock = true',
    '',
    'listener "tcp" {',
    '  address = "[::]:8200"',
    '  cluster_address = "[::]:8201"',
    ...listener,
    '}',
    '',
    'storage "raft" {',
    '  path = "/vault/data"',
    ...joins,
    '}',
    '',
    'service_registration "kubernetes" {}',
    '',
  ].join('\n');
}

function renderVaultValues(path: string, fullname: string, v: VaultHelmValues): ValueTree {
  if (v.tls !== undefined && v.allowInsecureHttp === true) {
    throw mutuallyExclusive(path, 'values.tls', v.tls.secretName, 'values.allowInsecureHttp', 'drop allowInsecureHttp: the listener serves TLS');
  }
  if (v.tls === undefined && v.allowInsecureHttp !== true) {
    throw vaultReleaseWithoutTls(path);
  }
  if (v.tls !== undefined) {
    assertDnsSubdomain(path, 'values.tls.secretName', v.tls.secretName);
  }
  const replicas = checkCount(path, 'values.replicas', v.replicas, 1) ?? 3;
  for (const [i, name] of (v.imagePullSecrets ?? []).entries()) {
    assertDnsSubdomain(path, `values.imagePullSecrets[${i}]`, name);
  }
  const image = v.image?._resolve(path, 'values.image');
  const tag = image === undefined ? undefined : image.tag ?? VAULT_CHART.appVersion;
  const pod = renderPodSecurityContext(path, 'values.podSecurityContext', v.podSecurityContext);
  const container = renderContainerSecurityContext(path, 'values.containerSecurityContext', v.containerSecurityContext);
  const ui = v.uiEnabled ?? false;
  const tls = v.tls;

  return {
    global: {
      tlsDisable: tls === undefined,
      imagePullSecrets: v.imagePullSecrets?.map((name) => ({ name })),
    },
    injector: { enabled: v.injectorEnabled ?? false },
    ui: { enabled: ui },
    server: {
      image: image === undefined ? undefined : {
        repository: image.repository,
        tag: image.digest !== undefined ? `${tag}@${image.digest}` : tag,
        pullPolicy: image.pullPolicy,
      },
      logLevel: v.logLevel,
      logFormat: v.logFormat,
      resources: renderResources(path, 'values.resources', v.resources),
      dataStorage: renderStorage(path, 'values.dataStorage', v.dataStorage, undefined),
      auditStorage: renderStorage(path, 'values.auditStorage', v.auditStorage, true),
      extraVolumes: tls ? [{ type: 'secret', name: tls.secretName }] : undefined,
      extraEnvironmentVars: tls ? { VAULT_CACERT: `${USERCONFIG}/${tls.secretName}/${tls.caKey ?? 'ca.crt'}` } : undefined,
      standalone: { enabled: false },
      ha: {
        enabled: true,
        replicas,
        raft: { enabled: true, setNodeId: true, config: serverConfig(fullname, replicas, tls, ui) },
      },
      statefulSet: {
        securityContext: {
          pod: pod === undefined ? undefined : { ...CHART_POD_SECURITY_CONTEXT, ...pruneUndefined(pod) },
          container: container === undefined ? undefined : { ...CHART_CONTAINER_SECURITY_CONTEXT, ...pruneUndefined(container) },
        },
      },
    },
  };
}

function pruneUndefined(tree: ValueTree): ValueTree {
  return Object.fromEntries(Object.entries(tree).filter(([, value]) => value !== undefined));
}
