/**
 * The AWS backend (Secrets Manager and Parameter Store), engine-free part: its declarations and
 * their validation, how its identities federate with each cluster kind, and its access-matrix wording.
 * The cdktf part is `lib/platform/backends/aws-cloud.ts`, the cdk8s part `lib/platform/backends/aws-store.ts`.
 */
import { isIamRoleName, isSecretsManagerName, isSsmParameterName, isTerraformIdentifier } from '../../cloud-names';
import {
  cannotFederate, crossAccountReadWithoutGrant, federationNeedsServiceAccount, invalidDerivedName, invalidRotationLambdaArn,
  invalidIamRoleName, invalidSecretName, invalidSsmParameterName, podIdentityWithStoreServiceAccount, rotationUnsupported,
  selfAssumeRole, storeRegionMismatch, invalidDeclaredKmsAlias, invalidArn, regionMismatch,
} from '../../errors';
import type { DerivedNameInput } from '../../errors';
import { assertSecretProperties, assertType } from '../../validation';
import { IdentityKind, WorkloadIdentity } from '../../identity';
import { isUnresolved } from '../../tokens';
import type { AuditTrailDeclaration } from '../audit';
import { AuditCoverage, BackendEndpoint, BackendModel, EndpointProtocol, FederatedIdentity, IdentityRequest } from '../backend';
import { checkNoGrantTag, GRANT_SET_TAG_KEY, planAwsGrants } from './aws-grants';
import { checkAwsAccount, checkAwsRegion, requireDefaults } from '../checks';
import { claimOutput, DerivedNameClaims, DerivedNameContext } from '../derived-names';
import type { EksClusterDeclaration } from '../cluster-kinds/eks';
import { AwsIdentityMode, ClusterCloud, ClusterDeclaration } from '../clusters';
import type { DeclarationView } from '../view';
import { DeclarationMembers } from '../members';
import { awsPartition, parameterArn, roleArn, secretsManagerPolicyArn } from '../names';
import { roleArnOutputName } from '../outputs';
import type { IdentityPlan } from '../plan-types';
import { AwsSecretDeclaration, AwsSecretOptions, KmsKeyDeclaration, KmsKeyOptions, SecretBackend, SecretDeclaration } from '../secrets';
import { declareStoreBase } from '../store-base';
import { AwsStoreDeclaration, AwsStoreOptions, EsoAuthModel, StoreDeclaration } from '../stores';
import { checkInitialValue, parameterVariableName } from '../values';

/** Kind of the AWS backend module. */
export const AWS_BACKEND = 'aws';

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;

/** Declares a customer-managed KMS key (see {@link SecretsDeclaration.addKmsKey}). */
export function declareKmsKey(members: DeclarationMembers, declaration: DeclarationView, id: string, options: KmsKeyOptions): KmsKeyDeclaration {
  const path = members.register('kmsKeys', id);
  const aws = requireDefaults(path, 'region', 'AWS', declaration.aws);
  const region = options.region ?? aws.region;
  checkAwsRegion(path, 'region', region);
  assertType(path, 'alias', options.alias, 'nonEmptyString');
  if (!/^(alias\/)?[A-Za-z0-9/_-]{1,250}$/.test(options.alias) || /^(alias\/)?aws\//i.test(options.alias)) {
    throw invalidDeclaredKmsAlias(path, 'alias', options.alias);
  }
  if (options.existingKeyArn !== undefined && !isUnresolved(options.existingKeyArn)) {
    const arnRegion = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:(key|alias)\/\S+$/.exec(options.existingKeyArn)?.[1];
    if (arnRegion === undefined) {
      throw invalidArn(path, 'existingKeyArn', options.existingKeyArn, 'a KMS key', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    }
    if (arnRegion !== region) {
      throw regionMismatch(path, 'existingKeyArn', options.existingKeyArn, 'the key declaration', region,
        'declare the key with the region of the existing key, or point at a key of that region');
    }
  }
  const key: KmsKeyDeclaration = {
    id, alias: options.alias.replace(/^alias\//, ''), accountId: aws.accountId, region,
    description: options.description ?? `Encrypts ${options.alias} secrets read by External Secrets Operator`,
    existingKeyArn: options.existingKeyArn,
  };
  members.claimUnique(path, 'alias', `kms-alias:${key.accountId}:${region}:${key.alias}`, key.alias);
  return members.adopt('kmsKeys', key);
}

/** Declares a Secrets Manager secret or a Parameter Store SecureString. */
export function declareAwsSecret(
  members: DeclarationMembers, declaration: DeclarationView, id: string, options: AwsSecretOptions,
  backend: SecretBackend.AWS_SECRETS_MANAGER | SecretBackend.AWS_PARAMETER_STORE,
): AwsSecretDeclaration {
  const path = members.register('secrets', id);
  const aws = requireDefaults(path, 'accountId', 'AWS', declaration.aws);
  const accountId = options.accountId ?? aws.accountId;
  const region = options.region ?? aws.region;
  checkAwsAccount(path, 'accountId', accountId);
  checkAwsRegion(path, 'region', region);
  if (backend === SecretBackend.AWS_SECRETS_MANAGER && !isSecretsManagerName(options.name)) {
    throw invalidSecretName(path, 'name', options.name);
  }
  if (backend === SecretBackend.AWS_PARAMETER_STORE && !isSsmParameterName(options.name)) {
    throw invalidSsmParameterName(path, 'name', options.name);
  }
  if (options.kmsKey) {
    members.checkDeclared(path, 'kmsKey', options.kmsKey, 'KMS key', 'addKmsKey');
    if (options.kmsKey.region !== region) {
      throw regionMismatch(path, 'kmsKey', options.kmsKey.alias, `the secret (${options.name})`, region,
        'encrypt the secret with a KMS key of its own region (Secrets Manager and Parameter Store only use keys of their region)');
    }
  }
  if (options.rotation !== undefined) {
    if (backend !== SecretBackend.AWS_SECRETS_MANAGER) {
      throw rotationUnsupported(path, 'rotation', backend);
    }
    if (!isUnresolved(options.rotation.rotationLambdaArn) && !LAMBDA_ARN.test(options.rotation.rotationLambdaArn)) {
      throw invalidRotationLambdaArn(path, 'rotation.rotationLambdaArn', options.rotation.rotationLambdaArn);
    }
    const roleName = options.rotation.functionRoleName;
    if (roleName !== undefined && !isUnresolved(roleName) && !isIamRoleName(roleName)) {
      throw invalidIamRoleName(path, 'rotation.functionRoleName', roleName);
    }
  }
  checkInitialValue(path, 'initialValue', options.initialValue);
  assertSecretProperties(path, 'properties', options.properties);
  checkNoGrantTag(path, 'tags', options.tags);
  if (backend === SecretBackend.AWS_PARAMETER_STORE && !options.managedElsewhere && options.initialValue === undefined
    && !isTerraformIdentifier(parameterVariableName(id))) {
    throw invalidDerivedName({ path, prop: 'id', value: id }, 'Terraform variable name', parameterVariableName(id),
      'letters, digits, "_" and "-", starting with a letter or "_" (a Parameter Store SecureString without initialValue is created from the sensitive variable parameter_<id>)',
      'use an id without ".", or pass initialValue: InitialValue.sensitiveVariable("<name>")');
  }
  members.claimUnique(path, 'name', `${backend}:${accountId}:${region}:${options.name}`, options.name);
  const partition = awsPartition(region);
  return members.adopt<AwsSecretDeclaration>('secrets', {
    id, backend, name: options.name, accountId, region, partition, description: options.description,
    kmsKey: options.kmsKey, managedElsewhere: options.managedElsewhere ?? false, initialValue: options.initialValue,
    properties: options.properties ? [...options.properties] : undefined,
    tags: { ...declaration.tags, ...options.tags }, rotation: options.rotation,
    arnForPolicies: backend === SecretBackend.AWS_SECRETS_MANAGER
      ? secretsManagerPolicyArn(partition, region, accountId, options.name)
      : parameterArn(partition, region, accountId, options.name),
  });
}

/** Declares a store on Secrets Manager or Parameter Store (see {@link SecretsDeclaration.addAwsStore}). */
export function declareAwsStore(members: DeclarationMembers, declaration: DeclarationView, id: string, options: AwsStoreOptions): AwsStoreDeclaration {
  const path = members.register('stores', id);
  const aws = requireDefaults(path, 'region', 'AWS', declaration.aws);
  const region = options.region ?? aws.region;
  checkAwsRegion(path, 'region', region);
  const base = declareStoreBase(members, path, id, options);
  return members.adopt<AwsStoreDeclaration>('stores', {
    ...base, provider: AWS_BACKEND, cloud: ClusterCloud.AWS, backend: options.service, region,
    assumeRoleArn: options.assumeRoleArn, externalId: options.externalId,
  });
}

/** Whether an EKS cluster gives its pods AWS credentials through EKS Pod Identity. */
function isPodIdentityCluster(cluster: ClusterDeclaration): boolean {
  return cluster.cloud === ClusterCloud.AWS && (cluster as EksClusterDeclaration).identityMode === AwsIdentityMode.POD_IDENTITY;
}

function federate(request: IdentityRequest): FederatedIdentity {
  const { declaration, store, cluster, storePath, authModel, baseName } = request;
  const onEks = cluster.cloud === ClusterCloud.AWS;
  const podIdentity = isPodIdentityCluster(cluster);
  if (podIdentity && authModel === EsoAuthModel.STORE_SERVICE_ACCOUNT) {
    throw podIdentityWithStoreServiceAccount(storePath, 'authModel', cluster.id);
  }
  if (podIdentity && authModel !== EsoAuthModel.CONTROLLER) {
    throw federationNeedsServiceAccount(storePath, 'authModel', authModel, cluster.id, 'EKS Pod Identity (no serviceAccountRef in stores)');
  }
  if (!podIdentity && cluster.oidcIssuerUrl === undefined) {
    throw cannotFederate(storePath, 'clusters', cluster.id, store.name, 'AWS IAM',
      'IAM web identity needs the cluster\'s public OIDC issuer, registered as an IAM OIDC provider');
  }
  const awsStore = store as AwsStoreDeclaration;
  const accountId = declaration.aws!.accountId;
  const partition = awsPartition(awsStore.region);
  const arn = roleArn(partition, accountId, baseName);
  if (awsStore.assumeRoleArn !== undefined && awsStore.assumeRoleArn === arn) {
    throw selfAssumeRole(storePath, 'assumeRoleArn', awsStore.assumeRoleArn);
  }
  return {
    // Off EKS: web identity federation of the cluster's issuer, the same trust shape and
    // service-account annotation as IRSA, with the store naming the service account (auth.jwt).
    kind: podIdentity ? IdentityKind.AWS_POD_IDENTITY : IdentityKind.AWS_IRSA,
    referencesServiceAccount: authModel !== EsoAuthModel.CONTROLLER || !onEks,
    details: { aws: { roleName: baseName, roleArn: arn, accountId, partition } },
  };
}

function checkSecretRef(declaration: DeclarationView, path: string, prop: string, secret: SecretDeclaration, store: StoreDeclaration): void {
  const aws = secret as AwsSecretDeclaration;
  const awsStore = store as AwsStoreDeclaration;
  if (aws.region !== awsStore.region) {
    throw storeRegionMismatch(path, prop, aws.name, aws.region, store.name, awsStore.region);
  }
  if (aws.accountId !== declaration.aws!.accountId && !aws.managedElsewhere && awsStore.assumeRoleArn === undefined) {
    throw crossAccountReadWithoutGrant(path, prop, aws.name, aws.accountId, declaration.aws!.accountId);
  }
}

const READ_ACTIONS: Record<string, string> = {
  [SecretBackend.AWS_SECRETS_MANAGER]: 'GetSecretValue, DescribeSecret',
  [SecretBackend.AWS_PARAMETER_STORE]: 'GetParameter(s)',
};

const PUSH_ACTIONS: Record<string, string> = {
  [SecretBackend.AWS_SECRETS_MANAGER]: 'CreateSecret, PutSecretValue, TagResource; DeleteSecret only if tagged managed-by',
  [SecretBackend.AWS_PARAMETER_STORE]: 'PutParameter, AddTagsToResource, DeleteParameter',
};

function checkDerivedNames(context: DerivedNameContext): void {
  if (context.identity.aws === undefined) {
    return;
  }
  claimOutput(context, roleArnOutputName(context.identity.id));
  checkIamRole(context.claims, context.identity, context.input, context.shorten);
}

function checkIamRole(claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput, shorten: string): void {
  const { roleName, accountId } = identity.aws!;
  if (!isIamRoleName(roleName)) {
    throw invalidDerivedName(input, 'IAM role name', roleName, '1 to 64 characters among letters, digits and +=,.@_-', `choose ${shorten}`);
  }
  claims.claim(`iam-role:${accountId}:${roleName.toLowerCase()}`, input, 'IAM role name', roleName,
    `IAM role names are unique in account ${accountId} regardless of case, so the second role could not be created`,
    'rename one of the two so the derived role names differ');
}

/** DNS suffix of AWS service endpoints in a region's partition. */
function awsDnsSuffix(region: string): string {
  if (region.startsWith('cn-')) return 'amazonaws.com.cn';
  if (region.startsWith('us-isob-')) return 'sc2s.sgov.gov';
  if (region.startsWith('us-iso-')) return 'c2s.ic.gov';
  return 'amazonaws.com';
}

/**
 * What ESO calls for an AWS store: the service's regional endpoint, STS for web identity (IRSA, other
 * clusters' issuers) and role chaining, and the EKS Pod Identity agent on the node.
 */
function awsEndpoints(store: StoreDeclaration, kinds: readonly IdentityKind[]): readonly BackendEndpoint[] {
  const aws = store as AwsStoreDeclaration;
  const suffix = awsDnsSuffix(aws.region);
  const service = aws.backend === SecretBackend.AWS_PARAMETER_STORE ? ['ssm', 'AWS Systems Manager Parameter Store'] : ['secretsmanager', 'AWS Secrets Manager'];
  const endpoints: BackendEndpoint[] = [{ host: `${service[0]}.${aws.region}.${suffix}`, port: 443, protocol: EndpointProtocol.TLS, purpose: service[1] }];
  if (kinds.some((k) => k !== IdentityKind.AWS_POD_IDENTITY) || aws.assumeRoleArn !== undefined) {
    endpoints.push({ host: `sts.${aws.region}.${suffix}`, port: 443, protocol: EndpointProtocol.TLS, purpose: 'AWS STS (web identity, role chaining)' });
  }
  if (kinds.includes(IdentityKind.AWS_POD_IDENTITY)) {
    endpoints.push({ cidr: '169.254.170.23/32', port: 80, protocol: EndpointProtocol.TCP, purpose: 'EKS Pod Identity agent (on the node)' });
  }
  return endpoints;
}

/** CloudTrail records every read as a management event; the optional alarm watches reads by other roles. */
function awsAuditCoverage(trail: AuditTrailDeclaration): AuditCoverage {
  const alarm = trail.aws.alarmTopicArn;
  return {
    backend: 'AWS Secrets Manager / Parameter Store',
    log: 'CloudTrail management events (event history: 90 days; a trail for longer)'
      + (alarm !== undefined ? `; EventBridge rule eso-audit-unexpected-reads notifies ${isUnresolved(alarm) ? 'the alarm topic' : alarm} when a declared secret is read by a role other than the ESO identities` : ''),
    records: 'GetSecretValue, BatchGetSecretValue, GetParameter, GetParameters with userIdentity.sessionContext.sessionIssuer.arn = the ESO role; '
      + 'check: aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=GetSecretValue',
  };
}

/** The AWS backend model. */
export const awsBackend: BackendModel = {
  kind: AWS_BACKEND,
  secretBackends: [SecretBackend.AWS_SECRETS_MANAGER, SecretBackend.AWS_PARAMETER_STORE],
  isNative: (cluster) => cluster.cloud === ClusterCloud.AWS,
  defaultClusters: (_store, clusters) => clusters.filter((c) => c.cloud === ClusterCloud.AWS),
  defaultClustersWording: 'every EKS cluster',
  checkSecretRef,
  inFindScope: (secret, store, find) => (secret as AwsSecretDeclaration).region === (store as AwsStoreDeclaration).region
    && (find.tags === undefined || Object.entries(find.tags).every(([k, v]) => (secret as AwsSecretDeclaration).tags?.[k] === v)),
  // Secrets Manager finds and Parameter Store finds by tags are granted on exactly the declared secrets
  // they match; a Parameter Store find by path is granted GetParametersByPath on the whole path.
  findGrantBeyondMatches: (use) => {
    const store = use.store as AwsStoreDeclaration;
    return store.backend === SecretBackend.AWS_PARAMETER_STORE && use.find.path !== undefined
      ? `ssm:GetParametersByPath on ${JSON.stringify(use.find.path)} returns (and decrypts) every parameter under the path in ${store.region}, declared or not`
      : undefined;
  },
  checkDerivedNames,
  planGrantForms: (declaration, identities) => {
    const planned = planAwsGrants(declaration, identities);
    const byId = new Map(identities.map((i) => [i.id, i]));
    return {
      identities: new Map([...planned.identities].map(([id, { policyForm, layout }]) => [id, {
        // The ARN list needs no layout: the identity's reads are it.
        policyForm, details: policyForm.form === 'arn-list' ? {} : { aws: { ...byId.get(id)!.aws!, grants: layout } },
      }])),
      secretTags: new Map([...planned.secretTags].map(([id, value]) => [id, { [GRANT_SET_TAG_KEY]: value }])),
    };
  },
  derivedVariableName: (secret) => secret.backend === SecretBackend.AWS_PARAMETER_STORE && !secret.managedElsewhere && secret.initialValue === undefined
    ? parameterVariableName(secret.id) : undefined,
  chainedRole: (store) => (store as AwsStoreDeclaration).assumeRoleArn,
  endpoints: awsEndpoints,
  auditCoverage: awsAuditCoverage,
  federate,
  workloadIdentity: (identity) => {
    const options = { trustedServiceAccounts: [identity.serviceAccount] };
    return {
      identity: identity.kind === IdentityKind.AWS_POD_IDENTITY
        ? WorkloadIdentity.awsPodIdentity(options)
        : WorkloadIdentity.awsIrsa(identity.aws!.roleArn, options),
    };
  },
  wording: {
    readActions: (secret) => READ_ACTIONS[secret.backend],
    pushActions: (secret) => PUSH_ACTIONS[secret.backend],
    decryptNote: (secret) => {
      const key = (secret as AwsSecretDeclaration).kmsKey;
      if (!key) {
        return '';
      }
      const service = secret.backend === SecretBackend.AWS_PARAMETER_STORE ? 'ssm' : 'secretsmanager';
      return `; kms:Decrypt on ${key.alias} via ${service} only`;
    },
    findListing: () => 'ListSecrets and BatchGetSecretValue on *, then ',
    findScope: (store) => store.backend === SecretBackend.AWS_SECRETS_MANAGER
      ? { where: `Secrets Manager secret declared in ${(store as AwsStoreDeclaration).region}`, declare: 'addSecretsManagerSecret({ name })' }
      : { where: `Parameter Store parameter declared in ${(store as AwsStoreDeclaration).region}`, declare: 'addParameter({ name })' },
    principal: (identity: IdentityPlan) => `role ${identity.aws!.roleName}`,
    mechanism: (kind) => kind === IdentityKind.AWS_POD_IDENTITY ? 'EKS Pod Identity' : 'AWS web identity (IRSA; :sub and :aud pinned)',
  },
};
