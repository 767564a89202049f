import { ClusterSecretStoreSpecProviderGcpsm, ClusterSecretStoreSpecProviderGcpsmAuth } from '../imports/external-secrets.io';
import { isGcpProjectId } from '../../core/cloud-names';
import { invalidString } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';
import { assertShape } from '../../core/validation';
import { StoreContext } from '../private/context';
import { SecretKeySelector, ServiceAccountReference } from '../references';

/** Which secret version ESO reads when none is given. */
export enum GcpSecretVersionSelectionPolicy {
  /** Read `latest`; fail if it is disabled (the ESO default). */
  LATEST_OR_FAIL = 'LatestOrFail',
  /** Read `latest`, or the newest enabled version if `latest` is disabled. */
  LATEST_OR_FETCH = 'LatestOrFetch',
}

/** Options of {@link GcpAuth.workloadIdentity}. */
export interface GcpWorkloadIdentityAuthOptions {
  /** The KSA annotated with `iam.gke.io/gcp-service-account`. */
  readonly serviceAccount: ServiceAccountReference;
  /**
   * Location of the GKE cluster.
   * @default - read from the metadata server
   */
  readonly clusterLocation?: string;
  /**
   * Name of the GKE cluster.
   * @default - read from the metadata server
   */
  readonly clusterName?: string;
  /**
   * Project of the GKE cluster.
   * @default - read from the metadata server
   */
  readonly clusterProjectId?: string;
}

/** How the Google Secret Manager provider authenticates. */
export class GcpAuth {
  /** GKE workload identity through a referenced KSA. */
  public static workloadIdentity(options: GcpWorkloadIdentityAuthOptions): GcpAuth {
    return new GcpAuth(options ?? ({} as GcpWorkloadIdentityAuthOptions));
  }

  /** Application default credentials of the ESO controller pod (no `auth` block). */
  public static controllerIdentity(): GcpAuth {
    return new GcpAuth();
  }

  /** A service account key JSON in a Secret (avoid: long-lived key). */
  public static serviceAccountKey(secretAccessKey: SecretKeySelector): GcpAuth {
    return new GcpAuth(undefined, secretAccessKey ?? ({} as SecretKeySelector));
  }

  private constructor(
    /** @internal */ public readonly _workloadIdentity?: GcpWorkloadIdentityAuthOptions,
    /** @internal */ public readonly _key?: SecretKeySelector,
  ) {}

  /** @internal */
  public _render(ctx: StoreContext): ClusterSecretStoreSpecProviderGcpsmAuth | undefined {
    const p = 'spec.provider.gcpsm.auth';
    if (this._workloadIdentity) {
      const wi = this._workloadIdentity;
      assertShape(ctx.path, `${p}.workloadIdentity`, wi, { 'serviceAccount': 'object', 'clusterLocation?': 'string', 'clusterName?': 'string', 'clusterProjectId?': 'string' });
      return {
        workloadIdentity: {
          serviceAccountRef: ctx.serviceAccountRef(`${p}.workloadIdentity.serviceAccountRef`, wi.serviceAccount),
          clusterLocation: wi.clusterLocation,
          clusterName: wi.clusterName,
          clusterProjectId: wi.clusterProjectId,
        },
      };
    }
    if (this._key) {
      return { secretRef: { secretAccessKeySecretRef: ctx.secretRef(`${p}.secretRef.secretAccessKeySecretRef`, this._key) } };
    }
    return undefined;
  }
}

/** Props of {@link SecretStoreProvider.googleSecretManager}. */
export interface GoogleSecretManagerProviderProps {
  /**
   * Project that holds the secrets.
   * @default - the project of the credentials
   */
  readonly projectId?: string;
  /**
   * Location for regional secrets.
   * @default - global secrets
   */
  readonly location?: string;
  /**
   * How ESO authenticates.
   * @default GcpAuth.controllerIdentity()
   */
  readonly auth?: GcpAuth;
  /**
   * Version selection when `latest` is disabled.
   * @default - ESO's default (LATEST_OR_FAIL)
   */
  readonly secretVersionSelectionPolicy?: GcpSecretVersionSelectionPolicy;
}

/** @internal */
export function renderGcpProvider(ctx: StoreContext, props: GoogleSecretManagerProviderProps): ClusterSecretStoreSpecProviderGcpsm {
  const p = 'spec.provider.gcpsm';
  assertShape(ctx.path, p, props, {
    'projectId?': 'nonEmptyString',
    'location?': 'nonEmptyString',
    'auth?': { instance: GcpAuth, name: 'a GcpAuth (GcpAuth.workloadIdentity(), controllerIdentity() or serviceAccountKey())' },
    'secretVersionSelectionPolicy?': { enum: GcpSecretVersionSelectionPolicy, name: 'GcpSecretVersionSelectionPolicy' },
  });
  if (props.projectId !== undefined && !isUnresolved(props.projectId) && !isGcpProjectId(props.projectId)) {
    throw invalidString(ctx.path, `${p}.projectID`, props.projectId,
      'a Google Cloud project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter',
      'pass the project ID (not the project name or number)');
  }
  if (props.location !== undefined && !isUnresolved(props.location) && !/^[a-z]+-[a-z]+\d+$/.test(props.location)) {
    throw invalidString(ctx.path, `${p}.location`, props.location, 'a Google Cloud region such as "europe-west1"',
      'pass the region of regional secrets, or leave location out for global secrets');
  }
  return {
    projectId: props.projectId,
    location: props.location,
    auth: (props.auth ?? GcpAuth.controllerIdentity())._render(ctx),
    secretVersionSelectionPolicy: props.secretVersionSelectionPolicy,
  };
}
