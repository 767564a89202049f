/**
 * Shared across clusters: one primary Secrets Manager store (in the shared-services account) synced
 * into two EKS clusters in two other accounts. The primary store's role trusts both clusters' OIDC
 * providers (registered in the secrets account); secrets only one cluster needs stay cluster-local:
 * they are read through that cluster's controller identity, and the other cluster gets no grant.
 */
import { Duration, EsoAuthModel, SecretBackend, SecretsDeclaration } from '../../lib/core';

export const declaration = new SecretsDeclaration({
  name: 'platform',
  aws: { accountId: '999988887777', region: 'eu-central-1' },
});

export const blue = declaration.addEksCluster('blue', {
  clusterName: 'apps-blue',
  accountId: '111122223333',
  oidcIssuerUrl: 'https://oidc.eks.eu-central-1.amazonaws.com/id/BLUE0000000000000000000000000000',
});

export const green = declaration.addEksCluster('green', {
  clusterName: 'apps-green',
  accountId: '444455556666',
  oidcIssuerUrl: 'https://oidc.eks.eu-central-1.amazonaws.com/id/GREEN000000000000000000000000000',
});

const key = declaration.addKmsKey('shared', { alias: 'platform/shared-secrets' });

export const registry = declaration.addSecretsManagerSecret('registry', {
  name: 'platform/registry-pull',
  kmsKey: key,
  properties: ['dockerconfigjson'],
});

export const tlsWildcard = declaration.addSecretsManagerSecret('tls-wildcard', {
  name: 'platform/tls/wildcard',
  kmsKey: key,
  properties: ['tls.crt', 'tls.key'],
});

export const blueOnly = declaration.addSecretsManagerSecret('blue-canary-token', {
  name: 'platform/blue/canary-token',
});

export const primary = declaration.addAwsStore('primary', {
  name: 'primary',
  service: SecretBackend.AWS_SECRETS_MANAGER,
  authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT,
});

export const blueLocal = declaration.addAwsStore('blue-local', {
  name: 'cluster-local',
  service: SecretBackend.AWS_SECRETS_MANAGER,
  clusters: [blue],
});

export const registryPull = declaration.addExternalSecret('registry', {
  name: 'registry-pull',
  namespace: 'apps',
  store: primary,
  refreshInterval: Duration.hours(6),
  data: [{ secretKey: '.dockerconfigjson', secret: registry, property: 'dockerconfigjson' }],
  template: { type: 'kubernetes.io/dockerconfigjson' },
});

export const wildcardTls = declaration.addExternalSecret('tls', {
  name: 'wildcard-tls',
  namespace: 'ingress',
  store: primary,
  data: [
    { secretKey: 'tls.crt', secret: tlsWildcard, property: 'tls.crt' },
    { secretKey: 'tls.key', secret: tlsWildcard, property: 'tls.key' },
  ],
  template: { type: 'kubernetes.io/tls' },
});

export const canaryToken = declaration.addExternalSecret('canary', {
  name: 'canary-token',
  namespace: 'apps',
  store: blueLocal,
  data: [{ secretKey: 'token', secret: blueOnly }],
});
