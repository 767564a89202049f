/** The library variant's input: the benchmark workload (spec.ts) as a SecretsDeclaration. */
import {
  Duration, EksClusterDeclaration, EsoAuthModel, KmsKeyDeclaration, SecretBackend, SecretsDeclaration,
  StoreDeclaration, StoreScope,
} from '../lib/core';
import { ACCOUNT, NAME, OWNED_PREFIX, REGION, Spec } from './spec';

/** The declaration and its clusters. */
export interface Generated {
  readonly declaration: SecretsDeclaration;
  readonly clusters: readonly EksClusterDeclaration[];
}

/** Builds the declaration of a workload. */
export function generateDeclaration(spec: Spec): Generated {
  const declaration = new SecretsDeclaration({ name: NAME, aws: { accountId: ACCOUNT, region: REGION, ownedSecretNamePrefix: OWNED_PREFIX } });
  const clusters = spec.clusters.map((c) => declaration.addEksCluster(c.id, { clusterName: c.clusterName, oidcIssuerUrl: c.issuer }));
  const clusterById = new Map(clusters.map((c) => [c.id, c]));
  const keys: KmsKeyDeclaration[] = spec.keys.map((alias, i) => declaration.addKmsKey(`key-${i}`, { alias }));
  const stores = new Map<string, StoreDeclaration>();
  const used = new Set(spec.externalSecrets.map((es) => es.store));
  for (const store of spec.stores.filter((s) => used.has(s))) {
    stores.set(store.id, declaration.addAwsStore(store.id, {
      name: store.name,
      service: SecretBackend.AWS_SECRETS_MANAGER,
      scope: store.kind === 'namespaced' ? StoreScope.NAMESPACED : StoreScope.CLUSTER,
      authModel: store.kind === 'controller' ? EsoAuthModel.CONTROLLER : EsoAuthModel.STORE_SERVICE_ACCOUNT,
      clusters: store.clusters.map((id) => clusterById.get(id)!),
    }));
  }
  const secrets = spec.secrets.map((s) => declaration.addSecretsManagerSecret(s.id, {
    name: s.name, kmsKey: s.key !== undefined ? keys[s.key] : undefined, properties: ['username', 'password'],
  }));
  spec.externalSecrets.forEach((es, i) => declaration.addExternalSecret(es.id, {
    name: es.name,
    namespace: es.namespace,
    store: stores.get(es.store.id)!,
    refreshInterval: Duration.hours(1),
    data: [
      { secretKey: 'username', secret: secrets[i], property: 'username' },
      { secretKey: 'password', secret: secrets[i], property: 'password' },
    ],
  }));
  return { declaration, clusters };
}
