/**
 * Hardened images: the ESO + Reloader platform pulling its images from an accredited registry
 * (Iron Bank, `registry1.dso.mil`). The registry credentials live in AWS Secrets Manager and ESO
 * delivers them as `kubernetes.io/dockerconfigjson` Secrets into the ESO and Reloader namespaces.
 *
 * Chicken-and-egg: ESO cannot pull its own image with a pull secret that ESO itself syncs. The ESO
 * namespace therefore also gets a bootstrap pull secret created once, out of band (see README.md);
 * ESO-synced pull secrets serve Reloader from the first install and every pod after a credential rotation.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import {
  Duration, InitialValue, SecretBackend, SecretsDeclaration,
} from '../../lib/core';

/** The accredited registry. */
export const REGISTRY = 'registry1.dso.mil';

/** Name of the ESO-synced pull Secret (same name in every namespace that pulls from the registry). */
export const PULL_SECRET_NAME = 'registry1-pull';

/** Name of the pull Secret created out of band in the ESO namespace before the first install. */
export const BOOTSTRAP_PULL_SECRET_NAME = 'registry1-pull-bootstrap';

/** Namespace of the Reloader release. */
export const RELOADER_NAMESPACE = 'reloader';

export const declaration = new SecretsDeclaration({
  name: 'hardened-platform',
  aws: { accountId: '111122223333', region: 'eu-west-1' },
});

export const cluster = declaration.addEksCluster('prod', {
  clusterName: 'gov-prod',
  oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
});

const secretsKey = declaration.addKmsKey('secrets', { alias: 'gov/secrets' });

/** Iron Bank robot account: `{"username": "...", "password": "<CLI secret>"}`. */
export const registryCredentials = declaration.addSecretsManagerSecret('registry-credentials', {
  name: 'platform/registry1/pull-credentials',
  description: 'Pull credentials of registry1.dso.mil (Iron Bank)',
  kmsKey: secretsKey,
  properties: ['username', 'password'],
  initialValue: InitialValue.sensitiveVariable('registry1_pull_credentials'),
});

export const store = declaration.addAwsStore('secrets-manager', {
  name: 'platform-secrets-manager',
  service: SecretBackend.AWS_SECRETS_MANAGER,
});

/** The `.dockerconfigjson` document ESO renders from the two fetched keys. */
export const DOCKER_CONFIG_TEMPLATE = `{"auths":{"${REGISTRY}":{"username":"{{ .username }}","password":"{{ .password }}",`
  + '"auth":"{{ printf "%s:%s" .username .password | b64enc }}"}}}';

function pullSecret(id: string, namespace: string) {
  return declaration.addExternalSecret(id, {
    name: PULL_SECRET_NAME,
    namespace,
    store,
    refreshInterval: Duration.hours(1),
    data: [
      { secretKey: 'username', secret: registryCredentials, property: 'username' },
      { secretKey: 'password', secret: registryCredentials, property: 'password' },
    ],
    template: {
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': DOCKER_CONFIG_TEMPLATE },
    },
  });
}

/** Pull secret of the ESO pods, for every pull after the first install (credential rotations included). */
export const esoPullSecret = pullSecret('eso-pull', declaration.esoController.namespace);

/** Pull secret of the Reloader pod. */
export const reloaderPullSecret = pullSecret('reloader-pull', RELOADER_NAMESPACE);
