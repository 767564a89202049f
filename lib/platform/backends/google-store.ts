/**
 * The cdk8s part of the Google Secret Manager backend: `spec.provider.gcpsm`, with GKE workload
 * identity on GKE clusters and workload identity federation (the cluster's pool audience) elsewhere.
 */
import {
  GOOGLE_SECRET_MANAGER_BACKEND, GoogleStoreDeclaration, gcpPoolAudience, isGke,
} from '../../core/declaration';
import { GcpAuth } from '../../k8s/providers/gcp';
import { SecretStoreProvider } from '../../k8s/secret-store-provider';
import { StoreRenderer, StoreRenderRequest } from './store-renderer';

/** Renders Google Secret Manager stores. */
export const googleStoreRenderer: StoreRenderer = {
  kind: GOOGLE_SECRET_MANAGER_BACKEND,
  provider({ store, cluster, serviceAccount, declaration }: StoreRenderRequest): SecretStoreProvider {
    const google = store as GoogleStoreDeclaration;
    const projectId = google.project.projectId;
    if (serviceAccount === undefined) {
      // GKE, controller identity: the metadata server gives the controller its own credentials.
      return SecretStoreProvider.googleSecretManager({ projectId, auth: GcpAuth.controllerIdentity() });
    }
    // The mechanism follows the cluster (one identity may span GKE and other clusters), so the
    // service account is passed by name only.
    const ref = { name: serviceAccount.name, namespace: serviceAccount.namespace };
    if (isGke(cluster)) {
      return SecretStoreProvider.googleSecretManager({
        projectId,
        auth: GcpAuth.workloadIdentity({
          serviceAccount: ref, clusterName: cluster.clusterName, clusterLocation: cluster.location,
          clusterProjectId: cluster.projectId,
        }),
      });
    }
    return SecretStoreProvider.googleSecretManager({
      projectId,
      auth: GcpAuth.workloadIdentityFederation({ serviceAccount: ref, audience: gcpPoolAudience(declaration, google.project, cluster) }),
    });
  },
  identityFields: ({ store }) => ({ 'gcpsm.projectID': (store as GoogleStoreDeclaration).project.projectId }),
  remoteKey: (secret) => secret.name,
};
