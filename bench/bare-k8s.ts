/**
 * Bare cdk8s variant: the same manifests as SecretsPlatformManifests, built with the generated L1
 * classes (lib/k8s/imports) and ApiObject for service accounts, straight from the spec. The fields the
 * API server defaults (and the library therefore renders: `target.creationPolicy`,
 * `target.deletionPolicy`, the AWS provider's `sessionTagsPolicy`) are written out by hand, as a
 * team avoiding GitOps drift would, so both variants emit the same manifests.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ClusterSecretStore, ClusterSecretStoreSpecProviderAwsService, ClusterSecretStoreSpecProviderAwsSessionTagsPolicy, ExternalSecret,
  ExternalSecretSpecSecretStoreRefKind, ExternalSecretSpecTargetCreationPolicy, ExternalSecretSpecTargetDeletionPolicy,
  SecretStore, SecretStoreSpecProviderAwsService, SecretStoreSpecProviderAwsSessionTagsPolicy,
} from '../lib/k8s/imports/external-secrets.io';
import { buildModel, ESO_NAMESPACE, storeServiceAccountName } from './model';
import { REGION, Spec } from './spec';

function serviceAccount(scope: Construct, id: string, namespace: string, name: string, roleArn: string): void {
  new ApiObject(scope, id, {
    apiVersion: 'v1', kind: 'ServiceAccount',
    metadata: { name, namespace, annotations: { 'eks.amazonaws.com/role-arn': roleArn } },
    automountServiceAccountToken: false,
  });
}

/** Adds one chart per cluster to a cdk8s app. */
export function addBareCharts(app: App, spec: Spec): void {
  const model = buildModel(spec);
  const roleArn = new Map(model.identities.map((i) => [i.id, i.roleArn]));
  for (const cluster of spec.clusters) {
    const chart = new Chart(app, cluster.id);
    const scope = new Construct(chart, 'platform');
    for (const store of spec.stores.filter((s) => s.clusters.includes(cluster.id))) {
      const namespaces = model.storeNamespaces.get(store.id) ?? [];
      if (store.kind === 'namespaced') {
        for (const namespace of namespaces) {
          const saName = storeServiceAccountName(store);
          serviceAccount(scope, `ServiceAccount-${store.id}-${namespace}`, namespace, saName, roleArn.get(`store-${store.id}-${namespace}`)!);
          new SecretStore(scope, `Store-${store.id}-${namespace}`, {
            metadata: { name: store.name, namespace },
            spec: {
              provider: {
                aws: {
                  region: REGION, service: SecretStoreSpecProviderAwsService.SECRETS_MANAGER,
                  auth: { jwt: { serviceAccountRef: { name: saName, namespace } } },
                  sessionTagsPolicy: SecretStoreSpecProviderAwsSessionTagsPolicy.NONE,
                },
              },
            },
          });
        }
        continue;
      }
      let auth: { jwt: { serviceAccountRef: { name: string; namespace: string } } } | undefined;
      if (store.kind === 'cluster-sa') {
        const saName = storeServiceAccountName(store);
        serviceAccount(scope, `ServiceAccount-${store.id}`, ESO_NAMESPACE, saName, roleArn.get(`store-${store.id}`)!);
        auth = { jwt: { serviceAccountRef: { name: saName, namespace: ESO_NAMESPACE } } };
      }
      new ClusterSecretStore(scope, `Store-${store.id}`, {
        metadata: { name: store.name },
        spec: {
          conditions: [{ namespaces: [...namespaces] }],
          provider: {
            aws: {
              region: REGION, service: ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER, auth,
              sessionTagsPolicy: ClusterSecretStoreSpecProviderAwsSessionTagsPolicy.NONE,
            },
          },
        },
      });
    }
    for (const es of spec.externalSecrets.filter((e) => e.store.clusters.includes(cluster.id))) {
      new ExternalSecret(scope, `ExternalSecret-${es.id}`, {
        metadata: { name: es.name, namespace: es.namespace },
        spec: {
          data: [
            { secretKey: 'username', remoteRef: { key: es.secret.name, property: 'username' } },
            { secretKey: 'password', remoteRef: { key: es.secret.name, property: 'password' } },
          ],
          refreshInterval: '1h',
          secretStoreRef: {
            kind: es.store.kind === 'namespaced' ? ExternalSecretSpecSecretStoreRefKind.SECRET_STORE : ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE,
            name: es.store.name,
          },
          target: { name: es.name, creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER, deletionPolicy: ExternalSecretSpecTargetDeletionPolicy.RETAIN },
        },
      });
    }
  }
}
