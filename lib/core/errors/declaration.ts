// Errors raised by the declaration layer (lib/core/declaration) and its renderers.
import { configurationError, ConfigurationError, DescribedValue, describeType } from './format';

/** A declaration element refers to something declared in another declaration, or not at all. */
export function undeclaredReference(path: string, prop: string, value: string | DescribedValue, kind: string, addMethod: string): ConfigurationError {
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
    fix: 'emit it in this chart as a WorkloadServiceAccount carrying the identity (stores with EsoAuthModel.EXISTING_SERVICE_ACCOUNT leave that to you), and render the chart from the same, complete declaration as the cloud side',
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
    fix: `pass cloudOutputs: PlatformOutputs.fromFile(<file>, <stack>) after running cdktf output <stack> --outputs-file <file> (output "${outputName}"), or azureClientIds: { ${JSON.stringify(identityId)}: <client id> }, or use EsoAuthModel.CONTROLLER, where the Helm release carries the client ID`,
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

/** An identity trusted on other clusters, given to the add-ons of a cluster it does not trust. */
export function identityOfOtherCluster(path: string, prop: string, value: string, clusterId: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(value),
    allowed: `the controller identity of cluster "${clusterId}": the service account has the same namespace and name on every cluster, but the cloud trusts only the token of the clusters the identity was planned for`,
    fix: `pass identity: infrastructure.controllerIdentity(cluster) for cluster "${clusterId}", or leave identity out where the declaration derives it`,
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

/** An element added to a declaration after a renderer rendered it: that renderer's output would miss it. */
export function declarationAlreadyRendered(path: string, prop: string, value: string, rendererPath: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `elements added before the first renderer (here ${rendererPath}) renders the declaration`,
    fix: 'declare every cluster, secret, store and consumer first (in the shared declaration module), then create the renderers',
  });
}

/** A store whose clusters resolve to none: it would be rendered nowhere. */
export function storeServesNoCluster(path: string, prop: string, storeName: string, defaultWording: string): ConfigurationError {
  return configurationError({
    path, prop, value: storeName,
    allowed: `a store on at least one declared cluster (by default ${defaultWording}; none is declared)`,
    fix: 'declare a cluster it can serve, or pass clusters: [...] with the clusters it should exist on',
  });
}

/** An explicit empty list where the element would then be rendered nowhere or mean "everything". */
export function emptyList(path: string, prop: string, meaning: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: `a non-empty list (${meaning})`,
    fix: `list the elements, or leave ${prop} out for the default`,
  });
}

/** A (cluster, store) pair that cannot federate: no identity of the store's backend can trust the cluster. */
export function cannotFederate(path: string, prop: string, clusterId: string, storeName: string, backend: string, requirement: string): ConfigurationError {
  return configurationError({
    path, prop, value: clusterId,
    allowed: `clusters whose workloads ${backend} can trust: store "${storeName}" cannot federate with cluster "${clusterId}" (${requirement})`,
    fix: `give the cluster an oidcIssuerUrl, or remove cluster "${clusterId}" from the store's clusters`,
  });
}

/** A federation that needs the store to name its service account, with an auth model that does not. */
export function federationNeedsServiceAccount(path: string, prop: string, value: string, clusterId: string, mechanism: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `an auth model whose service account ${mechanism} supports on cluster "${clusterId}"`,
    fix: 'use EsoAuthModel.CONTROLLER on that cluster, or another identity mode for the cluster',
  });
}

/** A service-account choice that does not fit the store's scope. */
export function serviceAccountChoice(path: string, prop: string, value: unknown, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}

/** The options of an addX() method missing or not an object (JavaScript callers). */
export function missingDeclarationOptions(path: string, value: unknown, interfaceName: string, method: string): ConfigurationError {
  return configurationError({
    path, prop: 'options', value: describeType(value),
    allowed: `an object of type ${interfaceName}`,
    fix: `pass the ${interfaceName} object as the second argument of ${method}()`,
  });
}

/** A GKE cluster name that GKE rejects (it is also part of the cluster's issuer URL). */
export function invalidGkeClusterName(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a GKE cluster name: 1 to 40 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit',
    fix: 'pass the cluster\'s name as gcloud container clusters list shows it',
  });
}

/** A GKE project ID that Google rejects. */
export function invalidGkeProjectId(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Google Cloud project ID: 6 to 30 lowercase letters, digits or hyphens, starting with a letter, not ending with a hyphen',
    fix: 'pass the project ID (gcloud projects list, column PROJECT_ID), not its name or number',
  });
}

/** A GKE location that is neither a region nor a zone. */
export function invalidGkeLocation(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Google Cloud region ("europe-west1") or zone ("europe-west1-b")',
    fix: 'pass the cluster\'s location as gcloud container clusters list shows it',
  });
}

/** A Terraform outputs file without the output the Kubernetes side needs. */
export function missingPlatformOutput(path: string, prop: string, value: string, file: string, stack: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `an output "${value}" of stack "${stack}" in ${file}`,
    fix: `apply the cloud side first, then run: cdktf output ${stack} --outputs-file ${file}`,
  });
}

/** A Key Vault URL that does not name the declared vault. */
export function keyVaultUrlMismatch(path: string, prop: string, value: string, vaultName: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `the URL of vault "${vaultName}": https://${vaultName}.vault.azure.net (or vault.azure.cn, vault.usgovcloudapi.net), optionally ending with "/"`,
    fix: 'leave vaultUrl out to derive it, or correct the vault name or URL',
  });
}

/** A store or secret of a backend no module is registered for. */
export function unknownBackend(path: string, prop: string, value: string, known: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a registered backend: ${known.join(', ')}`,
    fix: 'declare stores and secrets with the declaration\'s add methods, which set the backend',
  });
}

/** An outputs file that is not the JSON `cdktf output --outputs-file` writes, or lacks the stack. */
export function invalidOutputsFile(path: string, prop: string, file: string, stack: string): ConfigurationError {
  return configurationError({
    path, prop, value: file,
    allowed: `the JSON written by cdktf output ${stack} --outputs-file <file>, holding the outputs of stack "${stack}"`,
    fix: `run: cdktf output ${stack} --outputs-file <file>, and pass that file with the stack's name`,
  });
}

/** A declared element whose region disagrees with the region of an element it uses. */
export function regionMismatch(path: string, prop: string, value: string, otherWhat: string, otherRegion: string, fix: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `the region of ${otherWhat}: ${JSON.stringify(otherRegion)}`,
    fix,
  });
}

/** Two ExternalSecrets writing the same Kubernetes Secret on the same cluster. */
export function duplicateTargetSecret(path: string, prop: string, value: string, otherPath: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a target Secret not already written by ${otherPath} in the same namespace and cluster (two ExternalSecrets owning one Secret overwrite each other on every refresh)`,
    fix: 'give one of them another targetSecretName, or merge their data into one ExternalSecret',
  });
}

/** A PushSecret writing back the secret an ExternalSecret reads into the Secret it pushes. */
export function pushSecretReadLoop(path: string, prop: string, value: string, otherPath: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a destination other than the secret ${otherPath} reads into the pushed Secret (a loop: each refresh rewrites its own source)`,
    fix: 'push to another secret, or push a Secret that no ExternalSecret of this declaration writes from the destination',
  });
}

/** A reserved or malformed KMS alias. */
export function invalidDeclaredKmsAlias(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '"alias/" (optional) followed by 1 to 250 characters among letters, digits and /_-, not starting with "aws/" (reserved for AWS managed keys)',
    fix: 'for example "alias/eso/secrets"',
  });
}

/** A workload reading its Secrets as the namespace's `default` service account. */
export function defaultServiceAccountReader(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: 'default',
    allowed: 'a service account of the workload\'s own: every pod of the namespace that names none runs as "default", and would read the Secrets too',
    fix: 'create a service account for the workload and name it here',
  });
}

/** A workload reading an ExternalSecret's Secret of another namespace. */
export function workloadReadsOtherNamespace(path: string, prop: string, value: string, esNamespace: string, namespace: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `an ExternalSecret of the workload's namespace "${namespace}" (this one's Secret is in "${esNamespace}"; a Role grants in its own namespace only)`,
    fix: `declare the ExternalSecret in "${namespace}", or the workload in "${esNamespace}"`,
  });
}
