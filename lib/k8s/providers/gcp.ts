import { ClusterSecretStoreSpecProviderGcpsm, ClusterSecretStoreSpecProviderGcpsmAuth } from '../imports/external-secrets.io';
import {
  gcpAuthIdentityMismatch, invalidGcpLocation, invalidGcpProjectId, invalidGoogleServiceAccountEmail,
  invalidWorkloadIdentityAudience,
} from '../../core/errors';
import { isGcpProjectId, isGcpRegion, isGcpZone } from '../../core/cloud-names';
import { IdentityKind } from '../../core/identity';
import { isUnresolved } from '../../core/tokens';
import { assertShape } from '../../core/validation';
import { StoreContext } from '../private/context';
import { SecretKeySelector, ServiceAccountReference } from '../references';

/** Which secret version ESO reads when none is given. */
export enum GcpSecretVersionSelectionPolicy {
  /** Read `latest`; fail if it is disabled (the ESO default). */
  LATEST_OR_FAIL = 'LatestOrFail',
  /**
   * Read `latest`, or the newest enabled version if `latest` is disabled. The identity also needs
   * `secretmanager.versions.list` (`roles/secretmanager.viewer` on the secret).
   */
  LATEST_OR_FETCH = 'LatestOrFetch',
}

/** Options of {@link GcpAuth.workloadIdentity}. */
export interface GcpWorkloadIdentityAuthOptions {
  /**
   * The Kubernetes service account: in direct mode the IAM principal itself, in classic mode annotated
   * with `iam.gke.io/gcp-service-account`. On a ClusterSecretStore, give its namespace.
   */
  readonly serviceAccount: ServiceAccountReference;
  /**
   * Location of the GKE cluster (region or zone).
   * @default - read from the metadata server
   */
  readonly clusterLocation?: string;
  /**
   * Name of the GKE cluster.
   * @default - read from the metadata server
   */
  readonly clusterName?: string;
  /**
   * Project of the GKE cluster (set it when the secrets live in another project).
   * @default - `projectId` of the store, else the metadata server
   */
  readonly clusterProjectId?: string;
  /**
   * Extra token audiences.
   * @default - none
   */
  readonly audiences?: string[];
}

/** Options of {@link GcpAuth.workloadIdentityFederation}. */
export interface GcpWorkloadIdentityFederationAuthOptions {
  /** The Kubernetes service account whose token ESO exchanges at Google STS. On a ClusterSecretStore, give its namespace. */
  readonly serviceAccount: ServiceAccountReference;
  /**
   * The workload identity pool provider's full resource name,
   * `//iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>`
   * (`KubernetesWorkloadIdentityPool.audience`).
   */
  readonly audience: string;
  /**
   * Extra token audiences.
   * @default - none
   */
  readonly audiences?: string[];
  /**
   * Google service account to impersonate after the exchange (`gcpServiceAccountEmail`).
   * @default - none: the federated principal itself is granted the secrets
   */
  readonly googleServiceAccountEmail?: string;
}

/** A key of a ConfigMap holding an `external_account` credential configuration. */
export interface GcpCredentialConfigRef {
  /** Name of the ConfigMap. */
  readonly name: string;
  /** Key inside the ConfigMap. */
  readonly key: string;
  /**
   * Namespace of the ConfigMap.
   * @default - on a SecretStore: the store's namespace; on a ClusterSecretStore: the ExternalSecret's namespace
   */
  readonly namespace?: string;
}

/** Options of {@link GcpAuth.workloadIdentityFederationCredConfig}. */
export interface GcpCredConfigAuthOptions {
  /** The ConfigMap key holding the `external_account` JSON (`gcloud iam workload-identity-pools create-cred-config`). */
  readonly credConfig: GcpCredentialConfigRef;
  /**
   * Overrides the audience of the JSON.
   * @default - the JSON's audience
   */
  readonly audience?: string;
  /**
   * Google service account to impersonate (overrides `service_account_impersonation_url` of the JSON).
   * @default - the JSON's impersonation, if any
   */
  readonly googleServiceAccountEmail?: string;
  /**
   * Expected `credential_source.url` of the JSON (required by ESO for a non-AWS URL source).
   * @default - none
   */
  readonly externalTokenEndpoint?: string;
}

type FederationOptions = Partial<GcpWorkloadIdentityFederationAuthOptions & GcpCredConfigAuthOptions>;

interface Federation {
  readonly variant: 'serviceAccount' | 'credConfig';
  readonly options: FederationOptions;
}

const AUDIENCE = /^\/\/iam\.googleapis\.com\/projects\/[0-9]+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]+\/providers\/[a-z0-9-]+$/;
const GSA_EMAIL = /^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/;

/**
 * How the Google Secret Manager provider authenticates (ESO tries `secretRef`, then
 * `workloadIdentity`, then `workloadIdentityFederation`, then the controller's own credentials).
 */
export class GcpAuth {
  /**
   * GKE workload identity through a referenced Kubernetes service account
   * (`auth.workloadIdentity`): direct principal or classic Google service account.
   */
  public static workloadIdentity(options: GcpWorkloadIdentityAuthOptions): GcpAuth {
    return new GcpAuth(options ?? ({} as GcpWorkloadIdentityAuthOptions));
  }

  /**
   * Workload identity federation outside GKE (`auth.workloadIdentityFederation` with
   * `serviceAccountRef` and `audience`): AKS, EKS, on-prem clusters trusted by a workload identity pool.
   */
  public static workloadIdentityFederation(options: GcpWorkloadIdentityFederationAuthOptions): GcpAuth {
    return new GcpAuth(undefined, undefined, { variant: 'serviceAccount', options: options ?? {} });
  }

  /** Workload identity federation from an `external_account` credential configuration in a ConfigMap (`credConfig`). */
  public static workloadIdentityFederationCredConfig(options: GcpCredConfigAuthOptions): GcpAuth {
    return new GcpAuth(undefined, undefined, { variant: 'credConfig', options: options ?? {} });
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
    /** @internal */ public readonly _federation?: Federation,
  ) {}

  /** @internal */
  public _render(ctx: StoreContext): ClusterSecretStoreSpecProviderGcpsmAuth | undefined {
    const p = 'spec.provider.gcpsm.auth';
    if (this._workloadIdentity) {
      const wi = this._workloadIdentity;
      assertShape(ctx.path, `${p}.workloadIdentity`, wi, {
        'serviceAccount': 'object', 'clusterLocation?': 'string', 'clusterName?': 'string', 'clusterProjectId?': 'string', 'audiences?': 'array',
      });
      const prop = `${p}.workloadIdentity.serviceAccountRef`;
      checkIdentity(ctx, prop, wi.serviceAccount, IdentityKind.GCP_WORKLOAD_IDENTITY, 'GKE workload identity');
      if (wi.clusterProjectId !== undefined) {
        assertProjectId(ctx.path, `${p}.workloadIdentity.clusterProjectID`, wi.clusterProjectId);
      }
      if (wi.clusterLocation !== undefined && !isUnresolved(wi.clusterLocation)
        && !isGcpRegion(wi.clusterLocation) && !isGcpZone(wi.clusterLocation)) {
        throw invalidGcpLocation(ctx.path, `${p}.workloadIdentity.clusterLocation`, wi.clusterLocation,
          'the GKE cluster\'s region ("europe-west1") or zone ("europe-west1-b")');
      }
      return {
        workloadIdentity: {
          serviceAccountRef: ctx.serviceAccountRef(prop, wi.serviceAccount, wi.audiences),
          clusterLocation: wi.clusterLocation,
          clusterName: wi.clusterName,
          clusterProjectId: wi.clusterProjectId,
        },
      };
    }
    if (this._federation) {
      return { workloadIdentityFederation: renderFederation(ctx, `${p}.workloadIdentityFederation`, this._federation) };
    }
    if (this._key) {
      return { secretRef: { secretAccessKeySecretRef: ctx.secretRef(`${p}.secretRef.secretAccessKeySecretRef`, this._key) } };
    }
    return undefined;
  }
}

function renderFederation(ctx: StoreContext, p: string, federation: Federation):
NonNullable<ClusterSecretStoreSpecProviderGcpsmAuth['workloadIdentityFederation']> {
  const f = federation.options;
  if (federation.variant === 'serviceAccount') {
    assertShape(ctx.path, p, f, {
      'serviceAccount': 'object', 'audience?': 'string', 'audiences?': 'array', 'googleServiceAccountEmail?': 'string',
    });
    // serviceAccountRef requires an audience (ESO rejects the store otherwise).
    if (typeof f.audience !== 'string' || (!isUnresolved(f.audience) && !AUDIENCE.test(f.audience))) {
      throw invalidWorkloadIdentityAudience(ctx.path, `${p}.audience`, f.audience);
    }
  } else {
    assertShape(ctx.path, p, f, {
      'credConfig': 'object', 'audience?': 'string', 'googleServiceAccountEmail?': 'string', 'externalTokenEndpoint?': 'string',
    });
    if (f.audience !== undefined && !isUnresolved(f.audience) && !AUDIENCE.test(f.audience)) {
      throw invalidWorkloadIdentityAudience(ctx.path, `${p}.audience`, f.audience);
    }
  }
  const email = f.googleServiceAccountEmail;
  if (email !== undefined && (typeof email !== 'string' || (!isUnresolved(email) && !GSA_EMAIL.test(email)))) {
    throw invalidGoogleServiceAccountEmail(ctx.path, `${p}.gcpServiceAccountEmail`, email);
  }
  const sa = f.serviceAccount;
  if (sa !== undefined) {
    checkIdentity(ctx, `${p}.serviceAccountRef`, sa, IdentityKind.GCP_WORKLOAD_IDENTITY_FEDERATION, 'Google workload identity federation');
  }
  const cc = f.credConfig;
  return {
    audience: f.audience,
    serviceAccountRef: sa ? ctx.serviceAccountRef(`${p}.serviceAccountRef`, sa, f.audiences) : undefined,
    credConfig: cc ? { name: cc.name, key: cc.key, namespace: ctx.refNamespace(`${p}.credConfig.namespace`, cc.namespace) } : undefined,
    gcpServiceAccountEmail: email,
    externalTokenEndpoint: f.externalTokenEndpoint,
  };
}

function checkIdentity(ctx: StoreContext, prop: string, sa: ServiceAccountReference, expected: IdentityKind, label: string): void {
  const kind = sa.identity?.kind;
  if (kind !== undefined && kind !== expected) {
    throw gcpAuthIdentityMismatch(ctx.path, prop, { name: sa.name, namespace: sa.namespace }, kind, label);
  }
}

function assertProjectId(path: string, prop: string, value: unknown): void {
  if (typeof value !== 'string' || (!isUnresolved(value) && !isGcpProjectId(value))) {
    throw invalidGcpProjectId(path, prop, value);
  }
}

/** Props of {@link SecretStoreProvider.googleSecretManager}. */
export interface GoogleSecretManagerProviderProps {
  /**
   * Project that holds the secrets. Set it outside GKE (there is no metadata server to ask).
   * @default - the project of the credentials (GKE metadata server)
   */
  readonly projectId?: string;
  /**
   * Region for regional secrets.
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
    'auth?': { instance: GcpAuth, name: 'a GcpAuth (GcpAuth.workloadIdentity(), workloadIdentityFederation(), workloadIdentityFederationCredConfig(), controllerIdentity() or serviceAccountKey())' },
    'secretVersionSelectionPolicy?': { enum: GcpSecretVersionSelectionPolicy, name: 'GcpSecretVersionSelectionPolicy' },
  });
  if (props.projectId !== undefined) {
    assertProjectId(ctx.path, `${p}.projectID`, props.projectId);
  }
  if (props.location !== undefined && !isUnresolved(props.location) && !isGcpRegion(props.location)) {
    throw invalidGcpLocation(ctx.path, `${p}.location`, props.location, 'a Google Cloud region such as "europe-west1" (regional secrets)');
  }
  return {
    projectId: props.projectId,
    location: props.location,
    auth: (props.auth ?? GcpAuth.controllerIdentity())._render(ctx),
    secretVersionSelectionPolicy: props.secretVersionSelectionPolicy,
  };
}
