// Errors raised by the declaration layer (lib/core/declaration) and its renderers.
import { configurationError, ConfigurationError } from './format';

/** A declaration element refers to something declared in another declaration, or not at all. */
export function undeclaredReference(path: string, prop: string, value: string, kind: string, addMethod: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a ${kind} declared in this declaration`,
    fix: `declare it first with declaration.${addMethod}() and pass the returned object`,
  });
}

/** Two elements of the same kind share a name where the cloud or Kubernetes requires uniqueness. */
export function duplicateName(path: string, prop: string, value: string, otherPath: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `${prop === 'id' ? 'an id' : 'a name'} not already used by ${otherPath}`,
    fix: 'give each one its own name, or reuse the object already declared',
  });
}

/** IRSA declared without an OIDC issuer. */
export function missingOidcIssuer(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: 'an https OIDC issuer URL when identityMode is IRSA',
    fix: 'set oidcIssuerUrl, or use identityMode: AwsIdentityMode.POD_IDENTITY',
  });
}

/** A consumer reads a secret through a store of another backend. */
export function backendMismatch(path: string, prop: string, value: string, secretBackend: string, storeBackend: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a secret of the store's backend ${storeBackend} (this secret is ${secretBackend})`,
    fix: 'read it through a store of its backend, or move the secret',
  });
}

/** A consumer or push targets a cluster its store is not on. */
export function clusterNotServed(path: string, prop: string, value: string, storeName: string, storeClusters: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a cluster store "${storeName}" exists on: ${storeClusters.map((c) => JSON.stringify(c)).join(', ') || 'none'}`,
    fix: 'add the cluster to the store\'s clusters, or remove it from the consumer\'s clusters',
  });
}

/** A consumer's namespace is not admitted by its store. */
export function namespaceNotAdmitted(path: string, prop: string, value: string, storeName: string, namespaces: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a namespace store "${storeName}" admits: ${namespaces.map((n) => JSON.stringify(n)).join(', ')}`,
    fix: 'add the namespace to the store\'s namespaces, or use another store',
  });
}

/** An ExternalSecret that reads nothing. */
export function emptyExternalSecret(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'data/extract/find', value: [],
    allowed: 'at least one data, extract or find entry',
    fix: 'add a data entry ({ secretKey, secret }) or an extract entry ({ secret })',
  });
}

/** A property read that the secret does not declare. */
export function unknownSecretProperty(path: string, prop: string, value: string, secretName: string, properties: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a property secret "${secretName}" declares: ${properties.map((p) => JSON.stringify(p)).join(', ')}`,
    fix: 'fix the property name, or add it to the secret\'s properties',
  });
}

/** EKS Pod Identity combined with a per-store service account (serviceAccountRef). */
export function podIdentityWithStoreServiceAccount(path: string, prop: string, clusterId: string): ConfigurationError {
  return configurationError({
    path, prop, value: 'STORE_SERVICE_ACCOUNT',
    allowed: `EsoAuthModel.CONTROLLER on cluster "${clusterId}", which uses EKS Pod Identity: ESO supports Pod Identity only through the controller's own service account, never through serviceAccountRef`,
    fix: 'set authModel: EsoAuthModel.CONTROLLER (and scope: StoreScope.CLUSTER), or switch the cluster to AwsIdentityMode.IRSA',
  });
}

/** A declaration element that needs cloud defaults the declaration does not have. */
export function missingCloudDefaults(path: string, prop: string, cloud: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: `a value, or ${cloud} defaults on the declaration`,
    fix: `pass ${prop}, or set ${cloud === 'AWS' ? 'aws: { accountId, region }' : 'azure: { tenantId }'} on new SecretsDeclaration()`,
  });
}

/** A service account in the chart carries an identity of the declaration that does not trust it. */
export function untrustedIdentityUse(path: string, prop: string, value: string, trusted: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `the service account this identity trusts: ${JSON.stringify(trusted)} (STS or Entra ID would refuse the token of any other)`,
    fix: 'annotate only the trusted service account, or declare a store (StoreScope.NAMESPACED) for this namespace so it gets its own identity',
  });
}

/** The cloud side trusts a service account the Kubernetes side does not emit. */
export function trustedServiceAccountNotEmitted(path: string, prop: string, value: string, emitted: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `only service accounts this chart emits: every one the cloud side trusts on this cluster must be emitted (it emits: ${emitted.map((e) => JSON.stringify(e)).join(', ') || 'none'})`,
    fix: 'render the chart after the declaration is complete (a store or ExternalSecret was added after rendering), from the same declaration as the cloud side',
  });
}

/** A literal where a declaration accepts only an InitialValue. */
export function plaintextInitialValue(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: '<literal, value not shown>',
    allowed: 'InitialValue.sensitiveVariable(name) or InitialValue.generatedPassword(); never a literal, which would land in the synthesized output and the Terraform state',
    fix: 'declare the value with InitialValue.sensitiveVariable("name") and pass it at apply time (TF_VAR_name)',
  });
}

/** A per-store Azure identity whose client ID the Kubernetes side was not given. */
export function missingAzureClientId(path: string, prop: string, identityId: string, outputName: string): ConfigurationError {
  return configurationError({
    path, prop, value: identityId,
    allowed: 'the client ID of the user-assigned identity the cloud side created for this store (Azure assigns it at apply time, so it cannot be derived)',
    fix: `pass azureClientIds: { ${JSON.stringify(identityId)}: <client id> }, read from \`cdktf output\` (output "${outputName}"), or use EsoAuthModel.CONTROLLER, where the Helm release carries the client ID`,
  });
}

/** An initial value kind a backend cannot take. */
export function unsupportedInitialValue(path: string, prop: string, value: string, backend: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `InitialValue.sensitiveVariable() for ${backend}`,
    fix: 'pass the value through a sensitive variable, or leave initialValue unset and set the value out of band',
  });
}

/** A cluster that needs a cloud identity the addons were not given. */
export function missingControllerIdentity(path: string, prop: string, clusterId: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: `the controller identity of cluster "${clusterId}" (its client ID is known only to the cloud side)`,
    fix: 'pass identity: infrastructure.controllerIdentity(cluster) from the SecretsPlatformInfrastructure in the same stack',
  });
}

/** An element asked of a renderer that renders another cluster. */
export function notOnCluster(path: string, prop: string, value: string, clusterId: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `an element declared on cluster "${clusterId}"`,
    fix: 'ask the renderer of a cluster the element is on, or add the cluster to its clusters',
  });
}

/**
 * A store on a cluster of another cloud that authenticates as the ESO controller: the controller's
 * service account there gets no web-identity environment for the store's cloud.
 */
export function crossCloudControllerIdentity(path: string, prop: string, storeCloud: string, clusterId: string, clusterCloud: string): ConfigurationError {
  return configurationError({
    path, prop, value: 'CONTROLLER',
    allowed: `EsoAuthModel.STORE_SERVICE_ACCOUNT: the store reads ${storeCloud} from cluster "${clusterId}" (${clusterCloud}), `
      + `where the ESO controller gets no ${storeCloud} web-identity environment, so the store must name its own `
      + 'service account (serviceAccountRef), whose token ESO exchanges through the cluster\'s OIDC issuer',
    fix: `set authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, or limit the store's clusters to ${storeCloud} clusters`,
  });
}

/** A store reaches its cloud from a cluster of another cloud whose OIDC issuer is not declared. */
export function crossCloudWithoutIssuer(path: string, prop: string, storeCloud: string, clusterId: string): ConfigurationError {
  return configurationError({
    path, prop, value: clusterId,
    allowed: `a cluster with an oidcIssuerUrl: ${storeCloud} federates the store's service account through the issuer of cluster "${clusterId}"`,
    fix: `set oidcIssuerUrl on cluster "${clusterId}", or remove it from the store's clusters`,
  });
}

/** A rotation Lambda ARN that is not a Lambda function ARN. */
export function invalidRotationLambdaArn(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Lambda function ARN "arn:<partition>:lambda:<region>:<account>:function:<name>"',
    fix: 'pass the ARN of the rotation function (for RDS, the SecretsManagerRDS*Rotation* application\'s function)',
  });
}

/** Rotation declared where the backend has none. */
export function rotationUnsupported(path: string, prop: string, backend: string): ConfigurationError {
  return configurationError({
    path, prop, value: backend,
    allowed: 'rotation on AWS Secrets Manager secrets only',
    fix: 'remove rotation, or keep the value in Secrets Manager (addSecretsManagerSecret)',
  });
}

/** A consumer reads an AWS secret of another region than its store's: ESO stores are regional. */
export function storeRegionMismatch(path: string, prop: string, value: string, secretRegion: string, storeName: string, storeRegion: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a secret in the region of store "${storeName}" (${storeRegion}); this secret is in ${secretRegion} and the store cannot reach it`,
    fix: `read it through a store declared with region: "${secretRegion}", or move the secret`,
  });
}

/** A consumer reads a secret of another AWS account with no way for the declaration to grant it. */
export function crossAccountReadWithoutGrant(path: string, prop: string, value: string, secretAccount: string, roleAccount: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `secrets of the roles' account ${roleAccount}; a secret of account ${secretAccount} needs a grant in that account (resource policy on the secret, key policy on its CMK) that this declaration cannot create`,
    fix: 'declare the secret with managedElsewhere: true once its owner grants the ESO role, or read it through a store with assumeRoleArn set to a role in the owning account',
  });
}
