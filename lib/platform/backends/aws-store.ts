/** The cdk8s part of the AWS backend: `spec.provider.aws` (Secrets Manager or Parameter Store). */
import { AwsIdentityMode, AwsStoreDeclaration, AWS_BACKEND, EksClusterDeclaration, SecretBackend } from '../../core/declaration';
import { ClusterCloud } from '../../core/declaration/clusters';
import { AwsAuth } from '../../k8s/providers/aws';
import { SecretStoreProvider } from '../../k8s/secret-store-provider';
import { StoreRenderer, StoreRenderRequest } from './store-renderer';

/** Renders AWS stores. */
export const awsStoreRenderer: StoreRenderer = {
  kind: AWS_BACKEND,
  provider({ store, cluster, serviceAccount }: StoreRenderRequest): SecretStoreProvider {
    const aws = store as AwsStoreDeclaration;
    const podIdentity = cluster.cloud === ClusterCloud.AWS && (cluster as EksClusterDeclaration).identityMode === AwsIdentityMode.POD_IDENTITY;
    // Off EKS (or when the store names its service account): web identity through auth.jwt.
    const auth = serviceAccount
      ? AwsAuth.serviceAccount({ serviceAccount })
      : podIdentity ? AwsAuth.podIdentity() : AwsAuth.controllerIdentity();
    const options = { region: aws.region, auth, role: aws.assumeRoleArn, externalId: aws.externalId };
    return aws.backend === SecretBackend.AWS_PARAMETER_STORE
      ? SecretStoreProvider.awsParameterStore(options)
      : SecretStoreProvider.awsSecretsManager(options);
  },
  identityFields: ({ store }) => ({
    'aws.region': (store as AwsStoreDeclaration).region,
    'aws.role': (store as AwsStoreDeclaration).assumeRoleArn,
  }),
  remoteKey: (secret) => secret.name,
};
