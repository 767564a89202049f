import type { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Construct } from 'constructs';
import { ClusterDeclaration, EsoAuthModel, IdentityPlan, NO_APPLY_TIME_VALUES, SecretsDeclaration, backendModel } from '../core/declaration';
import { identityOfOtherCluster, missingControllerIdentity, undeclaredReference } from '../core/errors';
import { IWorkloadIdentity, WorkloadIdentity } from '../core/identity';
import { loadOptionalPeer } from '../core/optional-peer';
import type { ExternalSecretsOperatorRelease, ExternalSecretsOperatorReleaseProps } from '../helm/eso-release';
import type { ReloaderHelmRelease, ReloaderHelmReleaseProps } from '../helm/reloader-release';
import { assertDeclaration, assertPropsObject } from '../core/validation';
import { esoScopeValues } from './eso-scope';
import { identityClusters } from './identity-clusters';

/**
 * The releases, loaded by the first `EsoClusterAddons`: `@cdktf/provider-helm` is an optional peer, so
 * a stack with only `SecretsPlatformInfrastructure` does not need it.
 */
function releases(path: string): { Eso: typeof ExternalSecretsOperatorRelease; Reloader: typeof ReloaderHelmRelease } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return loadOptionalPeer(path, '@cdktf/provider-helm', 'EsoClusterAddons', () => ({
    Eso: (require('../helm/eso-release') as typeof import('../helm/eso-release')).ExternalSecretsOperatorRelease,
    Reloader: (require('../helm/reloader-release') as typeof import('../helm/reloader-release')).ReloaderHelmRelease,
  }));
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Props of {@link EsoClusterAddons}. */
export interface EsoClusterAddonsProps {
  /** The declaration (the same module both apps render). */
  readonly declaration: SecretsDeclaration;
  /** The cluster to install ESO (and Reloader) on. */
  readonly cluster: ClusterDeclaration;
  /**
   * Helm provider connected to the cluster (see `HelmConnection`).
   * @default - the stack's default helm provider
   */
  readonly provider?: HelmProvider;
  /**
   * The controller's cloud identity. For AWS it is derived from the declaration (the literal role ARN
   * the cloud side creates); Azure client IDs are only known to the cloud side, so pass
   * `infrastructure.controllerIdentity(cluster)` from the same stack.
   * @default - derived from the declaration (AWS); required for Azure clusters with controller stores
   */
  readonly identity?: IWorkloadIdentity;
  /**
   * Further ESO release settings (namespace and service account come from the declaration).
   * @default - the release defaults
   */
  readonly eso?: Omit<ExternalSecretsOperatorReleaseProps, 'namespace' | 'serviceAccountName' | 'identity' | 'provider'>;
  /**
   * Install Reloader next to ESO, with these settings (reload strategy `annotations`, reload on create).
   * @default - installed with its defaults; pass `false` to skip it
   */
  readonly reloader?: Omit<ReloaderHelmReleaseProps, 'provider'> | false;
}

/**
 * The cluster add-ons of a declaration for one cluster (cdktf): the ESO Helm release, its controller
 * service account (namespace and name from the declaration) annotated for the controller identity,
 * only the reconcilers the declared objects on the cluster need (ClusterSecretStores, SecretStores,
 * PushSecrets; never the cluster-wide ExternalSecret, PushSecret and generator kinds the declaration
 * does not render), values that would stop a declared object from syncing refused, and the Reloader release.
 */
export class EsoClusterAddons extends Construct {
  /** The ESO release: apply stores and ExternalSecrets after it (`eso.addDependent(...)`, Argo CD sync waves). */
  public readonly eso: ExternalSecretsOperatorRelease;
  /** The Reloader release, when installed. */
  public readonly reloader?: ReloaderHelmRelease;

  constructor(scope: Construct, id: string, props: EsoClusterAddonsProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'EsoClusterAddonsProps');
    assertDeclaration(this.node.path, props.declaration);
    const { declaration, cluster } = props;
    if (!declaration.isDeclared(cluster)) {
      throw undeclaredReference(this.node.path, 'cluster', cluster.id, 'cluster', 'addEksCluster');
    }
    declaration.markRendered(this.node.path);
    const plan = declaration.plan();
    const controllers = plan.identities.filter((i) => i.authModel === EsoAuthModel.CONTROLLER && i.clusters.includes(cluster));
    let identity = props.identity;
    if (identity === undefined && controllers.length > 0) {
      // Derived where the values are known at synth (AWS role ARNs); Entra client IDs exist only in the cloud stack.
      const resolved = controllers.map((c) => backendModel(c.provider).workloadIdentity(c, NO_APPLY_TIME_VALUES).identity);
      if (resolved.some((r) => r === undefined)) {
        throw missingControllerIdentity(this.node.path, 'identity', cluster.id);
      }
      identity = resolved.length === 1 ? resolved[0] : WorkloadIdentity.combine(resolved as IWorkloadIdentity[]);
    }
    if (props.identity !== undefined) {
      checkIdentityCluster(this.node.path, props.identity, cluster, plan.identities, controllers);
    }
    const { Eso, Reloader } = releases(this.node.path);
    const reconcilers = esoScopeValues(this.node.path, declaration, cluster, props.eso?.values, props.eso?.extraValues);
    this.eso = new Eso(this, 'Eso', {
      ...props.eso,
      provider: props.provider,
      namespace: declaration.esoController.namespace,
      serviceAccountName: declaration.esoController.name,
      identity,
      values: { ...reconcilers, ...props.eso?.values },
    });
    if (props.reloader !== false) {
      this.reloader = new Reloader(this, 'Reloader', { ...props.reloader, provider: props.provider });
    }
  }
}

/**
 * The identity given must be trusted on this cluster. Two routes reach the check: an identity the
 * platform created (its clusters are recorded), and one built by hand from another cluster's literal
 * role ARN or client ID (its annotations equal those the declaration derives for another cluster).
 */
function checkIdentityCluster(path: string, identity: IWorkloadIdentity, cluster: ClusterDeclaration,
  identities: readonly IdentityPlan[], controllers: readonly IdentityPlan[]): void {
  const clusters = identityClusters(identity);
  if (clusters !== undefined && !clusters.includes(cluster.id)) {
    throw identityOfOtherCluster(path, 'identity', `an identity trusted on ${clusters.map((c) => `"${c}"`).join(', ') || 'no cluster'}`, cluster.id);
  }
  const annotationsOf = (plans: readonly IdentityPlan[]) => new Set(plans
    .flatMap((i) => Object.entries(backendModel(i.provider).workloadIdentity(i, NO_APPLY_TIME_VALUES).identity?.serviceAccountAnnotations ?? {}))
    .map(([key, value]) => `${key}=${value}`));
  const own = annotationsOf(controllers);
  const others = annotationsOf(identities.filter((i) => i.authModel === EsoAuthModel.CONTROLLER && !i.clusters.includes(cluster)));
  for (const [key, value] of Object.entries(identity.serviceAccountAnnotations)) {
    const annotation = `${key}=${value}`;
    if (others.has(annotation) && !own.has(annotation)) {
      throw identityOfOtherCluster(path, 'identity', `${key}: ${JSON.stringify(value)}`, cluster.id);
    }
  }
}
