import { Release } from '@cdktf/provider-helm/lib/release';
import { ITerraformDependable, TerraformResource, Token, dependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  esoClusterPushSecretWithoutPushSecret, esoClusterReconcilerWithScopedRbac, esoWebhookWithoutCertificates,
  esoServiceAccountNotTrusted, replicasWithoutLeaderElection,
} from '../core/errors';
import { assertDuration, Duration } from '../core/duration';
import { IWorkloadIdentity, ServiceAccountRef } from '../core/identity';
import { checkWorkloadHardening } from '../core/invariants/output';
import { assertDnsLabel, assertDnsSubdomain, assertPropsObject } from '../core/validation';
import { ESO_CHART } from './charts';
import { ContainerImage } from './container-image';
import { EsoHelmValues } from './eso-values';
import { addDependsOn, createRelease } from './private/release';
import {
  checkCount, checkPort, copyMap, renderContainerSecurityContext, renderResources, ValueTree,
} from './private/values';
import { HelmReleaseOptions } from './release-options';

/** Props of {@link ExternalSecretsOperatorRelease}. */
export interface ExternalSecretsOperatorReleaseProps extends HelmReleaseOptions {
  /**
   * Helm release name (at most 53 characters). Also the prefix of the chart's object names.
   * @default "external-secrets"
   */
  readonly releaseName?: string;

  /**
   * Namespace to install into (a DNS-1123 label).
   * @default "external-secrets"
   */
  readonly namespace?: string;

  /**
   * Name of the controller's service account (`serviceAccount.name`). Always set explicitly, so the
   * name cloud identities trust is known at synth time and does not depend on the release name.
   * @default "external-secrets"
   */
  readonly serviceAccountName?: string;

  /**
   * The cloud identity the controller uses. Its service-account annotations (IRSA role ARN, Azure
   * client/tenant ID, GKE service account) are put on the controller's service account and its pod
   * labels (Azure `azure.workload.identity/use: "true"`) on the controller pods. Pod Identity needs
   * neither.
   *
   * When the identity declares trusted service accounts, the release checks that
   * `<namespace>:<serviceAccountName>` is one of them and fails synth otherwise.
   * @default - no cloud identity (stores authenticate with their own credentials)
   */
  readonly identity?: IWorkloadIdentity;

  /**
   * Extra annotations on the controller's service account, merged under the identity's.
   * @default - only the identity's annotations
   */
  readonly serviceAccountAnnotations?: Record<string, string>;

  /**
   * Typed chart values.
   * @default - the chart's defaults, with `installCRDs: true`
   */
  readonly values?: EsoHelmValues;
}

/**
 * The External Secrets Operator, installed with Helm (`helm_release` of chart `external-secrets`
 * 2.9.0, pinned) with typed values.
 *
 * The controller's service account is derived from `identity`, so the IRSA role ARN, Azure client ID
 * or GKE service account never has to be retyped. The release installs the ESO CRDs: anything that
 * uses them (stores, ExternalSecrets applied through Terraform) must depend on it; use
 * {@link addDependent} or `dependsOn: [eso]`.
 *
 * @example
 * const eso = new ExternalSecretsOperatorRelease(stack, 'Eso', {
 *   identity: WorkloadIdentity.awsIrsa(role.arn, {
 *     trustedServiceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }],
 *   }),
 *   values: { replicaCount: 2, resources: { requests: { cpu: '50m', memory: '128Mi' } } },
 * });
 */
export class ExternalSecretsOperatorRelease extends Construct implements ITerraformDependable {
  /** The `helm_release` resource. */
  public readonly release: Release;
  /** The Helm release name. */
  public readonly releaseName: string;
  /** The namespace ESO runs in. */
  public readonly namespace: string;
  /** The installed chart version. */
  public readonly chartVersion: string;
  /** The controller's service account (the one cloud identities must trust). */
  public readonly serviceAccount: ServiceAccountRef;
  /** The values given to Helm (typed values merged with `extraValues`), before token resolution. */
  public readonly renderedValues: { [key: string]: unknown };

  constructor(scope: Construct, id: string, props: ExternalSecretsOperatorReleaseProps = {}) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'ExternalSecretsOperatorReleaseProps');
    const path = this.node.path;
    this.releaseName = props.releaseName ?? 'external-secrets';
    this.namespace = props.namespace ?? 'external-secrets';
    const serviceAccountName = props.serviceAccountName ?? 'external-secrets';
    assertDnsLabel(path, 'namespace', this.namespace);
    assertDnsSubdomain(path, 'serviceAccountName', serviceAccountName);
    this.serviceAccount = { namespace: this.namespace, name: serviceAccountName };
    if (props.identity !== undefined) {
      checkTrust(path, props.identity, this.serviceAccount);
    }

    const created = createRelease(this, {
      chart: ESO_CHART,
      releaseName: this.releaseName,
      namespace: this.namespace,
      options: props,
      typedValues: renderEsoValues(path, props, serviceAccountName),
      hardening: checkWorkloadHardening,
    });
    this.release = created.release;
    // The identity's credentials reach only pods created after its prerequisites (EKS Pod Identity associations).
    dependOnResources(this.release, props.identity?.podPrerequisites ?? []);
    this.chartVersion = created.chartVersion;
    this.renderedValues = created.values;
  }

  /** The `helm_release` address, so the construct itself can be used in `dependsOn`. */
  public get fqn(): string {
    return this.release.fqn;
  }

  /**
   * Makes every Terraform resource, data source and module inside `dependents` depend on this
   * release (`depends_on`), so they are applied after the ESO CRDs and webhook exist.
   */
  public addDependent(...dependents: IConstruct[]): void {
    addDependsOn(this.release, dependents);
  }
}

function checkTrust(path: string, identity: IWorkloadIdentity, sa: ServiceAccountRef): void {
  const trusted = identity.trustedServiceAccounts;
  if (trusted.length === 0 || Token.isUnresolved(sa.namespace) || Token.isUnresolved(sa.name)) {
    return;
  }
  if (trusted.some((t) => Token.isUnresolved(t.namespace) || Token.isUnresolved(t.name))) {
    return;
  }
  if (!trusted.some((t) => t.namespace === sa.namespace && t.name === sa.name)) {
    throw esoServiceAccountNotTrusted(path, 'identity', `${sa.namespace}:${sa.name}`,
      trusted.map((t) => `${t.namespace}:${t.name}`));
  }
}

function renderImage(path: string, prop: string, image: ContainerImage | undefined): ValueTree | undefined {
  if (image === undefined) {
    return undefined;
  }
  const resolved = image._resolve(path, prop);
  // The ESO chart renders "<repository>:<tag>": a digest rides on the tag ("v2.9.0@sha256:...").
  const tag = resolved.digest !== undefined ? `${resolved.tag ?? ESO_CHART.appVersion}@${resolved.digest}` : resolved.tag;
  return { repository: resolved.repository, tag, pullPolicy: resolved.pullPolicy };
}

function renderEsoValues(path: string, props: ExternalSecretsOperatorReleaseProps, serviceAccountName: string): ValueTree {
  const v = props.values ?? {};
  const webhook = v.webhook ?? {};
  const cert = v.certController ?? {};
  const identity = props.identity;

  const replicaCount = checkCount(path, 'values.replicaCount', v.replicaCount, 0);
  checkCount(path, 'values.concurrent', v.concurrent, 1);
  checkCount(path, 'values.webhook.replicaCount', webhook.replicaCount, 0);
  checkCount(path, 'values.certController.replicaCount', cert.replicaCount, 0);
  checkPort(path, 'values.webhook.port', webhook.port);
  checkPort(path, 'values.metrics.servicePort', v.metrics?.servicePort);
  assertDnsLabel(path, 'values.scopedNamespace', v.scopedNamespace);
  assertDnsLabel(path, 'values.serviceMonitor.namespace', v.serviceMonitor?.namespace);

  // The chart fails the install on ClusterPushSecret without PushSecret: derive or reject.
  let processClusterPushSecret = v.processClusterPushSecret;
  if (v.processPushSecret === false) {
    if (processClusterPushSecret === true) {
      throw esoClusterPushSecretWithoutPushSecret(path, 'values.processClusterPushSecret', true);
    }
    processClusterPushSecret = false;
  }
  if (v.scopedRbac === true) {
    for (const key of ['processClusterStore', 'processClusterExternalSecret', 'processClusterPushSecret'] as const) {
      if (v[key] === true) {
        throw esoClusterReconcilerWithScopedRbac(path, `values.${key}`, true);
      }
    }
  }
  if (cert.create === false && webhook.create !== false && webhook.certManager?.enabled !== true) {
    throw esoWebhookWithoutCertificates(path, 'values.certController.create', false);
  }

  const pullSecrets = v.imagePullSecrets?.map((name) => ({ name }));
  for (const [i, name] of (v.imagePullSecrets ?? []).entries()) {
    assertDnsSubdomain(path, `values.imagePullSecrets[${i}]`, name);
  }
  const logLevel = v.logLevel !== undefined ? { level: v.logLevel } : undefined;
  const controllerImage = renderImage(path, 'values.image', v.image);
  const webhookImage = webhook.image !== undefined ? renderImage(path, 'values.webhook.image', webhook.image) : controllerImage;
  const certImage = cert.image !== undefined ? renderImage(path, 'values.certController.image', cert.image) : controllerImage;
  const leaderElect = v.leaderElect ?? (replicaCount !== undefined && replicaCount > 1 ? true : undefined);
  assertDuration(path, 'values.certController.requeueInterval', cert.requeueInterval, { min: Duration.seconds(1), allowZero: false });
  assertDuration(path, 'values.serviceMonitor.interval', v.serviceMonitor?.interval, { min: Duration.seconds(1), allowZero: false });
  assertDuration(path, 'values.serviceMonitor.scrapeTimeout', v.serviceMonitor?.scrapeTimeout, { min: Duration.seconds(1), allowZero: false });
  if (leaderElect === false && replicaCount !== undefined && !Token.isUnresolved(replicaCount) && replicaCount > 1) {
    throw replicasWithoutLeaderElection(path, 'values.replicaCount', replicaCount);
  }

  const serviceAccountAnnotations = {
    ...copyMap(props.serviceAccountAnnotations),
    ...copyMap(identity?.serviceAccountAnnotations),
  };
  const podLabels = { ...copyMap(v.podLabels), ...copyMap(identity?.podLabels) };

  return {
    installCRDs: v.installCrds ?? true,
    replicaCount,
    leaderElect,
    concurrent: v.concurrent,
    resources: renderResources(path, 'values.resources', v.resources),
    securityContext: renderContainerSecurityContext(path, 'values.securityContext', v.securityContext),
    log: logLevel,
    scopedNamespace: v.scopedNamespace,
    scopedRBAC: v.scopedRbac,
    processClusterStore: v.processClusterStore,
    processClusterExternalSecret: v.processClusterExternalSecret,
    processSecretStore: v.processSecretStore,
    processPushSecret: v.processPushSecret,
    processClusterPushSecret,
    processClusterGenerator: v.processClusterGenerator,
    image: controllerImage,
    imagePullSecrets: pullSecrets,
    podLabels,
    podAnnotations: copyMap(v.podAnnotations),
    serviceAccount: {
      create: true,
      name: serviceAccountName,
      annotations: serviceAccountAnnotations,
    },
    webhook: {
      create: webhook.create,
      replicaCount: webhook.replicaCount,
      port: webhook.port,
      failurePolicy: webhook.failurePolicy,
      certManager: webhook.certManager === undefined ? undefined : {
        enabled: webhook.certManager.enabled,
        addInjectorAnnotations: webhook.certManager.addInjectorAnnotations,
        cert: {
          issuerRef: { name: webhook.certManager.issuerName, kind: webhook.certManager.issuerKind },
        },
      },
      resources: renderResources(path, 'values.webhook.resources', webhook.resources),
      securityContext: renderContainerSecurityContext(path, 'values.webhook.securityContext', webhook.securityContext),
      image: webhookImage,
      imagePullSecrets: pullSecrets,
      log: logLevel,
    },
    certController: {
      create: cert.create,
      replicaCount: cert.replicaCount,
      requeueInterval: cert.requeueInterval?.toGoString(),
      resources: renderResources(path, 'values.certController.resources', cert.resources),
      securityContext: renderContainerSecurityContext(path, 'values.certController.securityContext', cert.securityContext),
      image: certImage,
      imagePullSecrets: pullSecrets,
      log: logLevel,
    },
    metrics: {
      service: { enabled: v.metrics?.serviceEnabled, port: v.metrics?.servicePort },
    },
    serviceMonitor: v.serviceMonitor === undefined ? undefined : {
      enabled: v.serviceMonitor.enabled,
      interval: v.serviceMonitor.interval?.toGoString(),
      scrapeTimeout: v.serviceMonitor.scrapeTimeout?.toGoString(),
      additionalLabels: copyMap(v.serviceMonitor.additionalLabels),
      namespace: v.serviceMonitor.namespace,
      renderMode: v.serviceMonitor.renderMode,
      honorLabels: v.serviceMonitor.honorLabels,
    },
  };
}

/** Makes `release` depend on every Terraform resource inside `prerequisites`. */
function dependOnResources(release: TerraformResource, prerequisites: readonly IConstruct[]): void {
  const resources = prerequisites.flatMap((p) => p.node.findAll()).filter((n): n is TerraformResource => n instanceof TerraformResource);
  if (resources.length > 0) {
    release.dependsOn = [...(release.dependsOn ?? []), ...resources.map((r) => dependable(r))];
  }
}
