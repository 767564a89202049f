import {
  ClusterSecretStoreSpecProviderAws,
  ClusterSecretStoreSpecProviderAwsAuth,
  ClusterSecretStoreSpecProviderAwsService,
  ClusterSecretStoreSpecProviderAwsSessionTagsPolicy,
} from '../imports/external-secrets.io';
import {
  conflictingAwsOptions, invalidArn, wrongType, invalidAwsRegion, invalidExternalId, invalidSessionTag, podIdentityWithServiceAccountRef, serviceAccountWithoutIrsa,
} from '../../core/errors';
import { isAwsRegion, isIamRoleArn, isStsExternalId } from '../../core/cloud-names';
import { isUnresolved } from '../../core/tokens';
import { assertNumberInRange, assertShape, assertType } from '../../core/validation';
import { IdentityKind, IWorkloadIdentity } from '../../core/identity';
import { StoreContext } from '../private/context';
import { SecretKeySelector, ServiceAccountReference } from '../references';

/** How ESO builds STS session tags when it assumes `role` (ESO 2.5+). */
export enum AwsSessionTagsPolicy {
  /** Only `sessionTags` (the ESO default). */
  NONE = 'None',
  /** Adds `esoNamespace`, `esoStoreName` and `esoStoreKind` tags, for ABAC per namespace. */
  SIMPLE = 'Simple',
  /** Like SIMPLE, plus `customSessionTags`. */
  CUSTOM = 'Custom',
}

/** Options of {@link AwsAuth.serviceAccount}. */
export interface AwsServiceAccountAuthOptions {
  /**
   * The IRSA-annotated service account ESO requests a token for (`auth.jwt.serviceAccountRef`).
   * Pass a {@link WorkloadServiceAccount} so its identity is checked.
   */
  readonly serviceAccount: ServiceAccountReference;
  /**
   * Extra token audiences (ESO always requests `sts.amazonaws.com` or the SA's audience annotation).
   * @default - none
   */
  readonly audiences?: string[];
}

/** Options of {@link AwsAuth.fromWorkloadIdentity}. */
export interface AwsWorkloadIdentityAuthOptions {
  /**
   * The service account bound to the identity, for IRSA.
   * @default - none: the controller's own credentials are used (required for Pod Identity)
   */
  readonly serviceAccount?: ServiceAccountReference;
  /**
   * Extra token audiences for IRSA.
   * @default - none
   */
  readonly audiences?: string[];
}

/** Options of {@link AwsAuth.accessKeys}. */
export interface AwsAccessKeysAuthOptions {
  /** Secret key holding the access key ID. */
  readonly accessKeyId: SecretKeySelector;
  /** Secret key holding the secret access key. */
  readonly secretAccessKey: SecretKeySelector;
  /**
   * Secret key holding a session token.
   * @default - no session token
   */
  readonly sessionToken?: SecretKeySelector;
}

/**
 * How the AWS provider authenticates.
 *
 * - {@link AwsAuth.controllerIdentity}: no `auth` block; the AWS SDK default chain of the ESO
 *   controller pod (EKS Pod Identity, or IRSA on the controller service account).
 * - {@link AwsAuth.serviceAccount}: IRSA through `auth.jwt.serviceAccountRef`.
 * - {@link AwsAuth.fromWorkloadIdentity}: picks one of the above from an {@link IWorkloadIdentity}.
 * - {@link AwsAuth.accessKeys}: static keys in a Secret (avoid in EKS).
 */
export class AwsAuth {
  /** The ESO controller's own identity (Pod Identity or controller IRSA): no `auth` block. */
  public static controllerIdentity(): AwsAuth {
    return new AwsAuth(IdentityKind.NONE);
  }

  /**
   * EKS Pod Identity: the association binds the role to the ESO controller service account, so the
   * store has no `auth` block. Same output as {@link controllerIdentity}.
   */
  public static podIdentity(): AwsAuth {
    return new AwsAuth(IdentityKind.AWS_POD_IDENTITY);
  }

  /** IRSA: ESO requests a token for the given service account (`auth.jwt.serviceAccountRef`). */
  public static serviceAccount(options: AwsServiceAccountAuthOptions): AwsAuth {
    const auth = new AwsAuth(IdentityKind.AWS_IRSA, options?.serviceAccount, options?.audiences);
    auth._requiresServiceAccount = true;
    return auth;
  }

  /**
   * From a cloud identity: IRSA uses `serviceAccount` (required), Pod Identity uses the controller
   * identity and rejects a `serviceAccount`.
   */
  public static fromWorkloadIdentity(identity: IWorkloadIdentity, options: AwsWorkloadIdentityAuthOptions = {}): AwsAuth {
    const auth = new AwsAuth(identity?.kind, options?.serviceAccount, options?.audiences);
    auth._identity = identity;
    return auth;
  }

  /** Static access keys read from a Secret (`auth.secretRef`). */
  public static accessKeys(options: AwsAccessKeysAuthOptions): AwsAuth {
    return new AwsAuth(IdentityKind.NONE, undefined, undefined, options ?? ({} as AwsAccessKeysAuthOptions));
  }

  /** @internal */ public _requiresServiceAccount = false;
  /** @internal */ public _identity?: IWorkloadIdentity;

  private constructor(
    /** @internal */ public readonly _kind: IdentityKind,
    /** @internal */ public readonly _serviceAccount?: ServiceAccountReference,
    /** @internal */ public readonly _audiences?: string[],
    /** @internal */ public readonly _keys?: AwsAccessKeysAuthOptions,
  ) {}

  /** @internal */
  public _render(ctx: StoreContext): ClusterSecretStoreSpecProviderAwsAuth | undefined {
    const prop = 'spec.provider.aws.auth.jwt.serviceAccountRef';
    const sa = this._serviceAccount;
    if (this._identity !== undefined || this._kind === undefined) {
      assertType(ctx.path, 'spec.provider.aws.auth (AwsAuth.fromWorkloadIdentity identity)', this._identity,
        { shape: { kind: { enum: IdentityKind, name: 'IdentityKind' } }, name: 'an IWorkloadIdentity (an IrsaRole, a PodIdentityRole or WorkloadIdentity.awsIrsa())' });
    }
    if (this._requiresServiceAccount && sa === undefined) {
      throw wrongType(ctx.path, prop, sa, 'a service account reference ({ name, namespace? } or a WorkloadServiceAccount)');
    }
    if (this._keys) {
      assertShape(ctx.path, 'spec.provider.aws.auth.secretRef', this._keys, { accessKeyId: 'object', secretAccessKey: 'object', 'sessionToken?': 'object' });
      const p = 'spec.provider.aws.auth.secretRef';
      return {
        secretRef: {
          accessKeyIdSecretRef: ctx.secretRef(`${p}.accessKeyIDSecretRef`, this._keys.accessKeyId),
          secretAccessKeySecretRef: ctx.secretRef(`${p}.secretAccessKeySecretRef`, this._keys.secretAccessKey),
          sessionTokenSecretRef: this._keys.sessionToken
            ? ctx.secretRef(`${p}.sessionTokenSecretRef`, this._keys.sessionToken) : undefined,
        },
      };
    }
    if (sa === undefined) {
      return undefined;
    }
    const saKind = sa.identity?.kind;
    if (this._kind === IdentityKind.AWS_POD_IDENTITY || saKind === IdentityKind.AWS_POD_IDENTITY) {
      throw podIdentityWithServiceAccountRef(ctx.path, prop, { name: sa.name, namespace: sa.namespace });
    }
    if (saKind !== undefined && saKind !== IdentityKind.AWS_IRSA) {
      throw serviceAccountWithoutIrsa(ctx.path, prop, { name: sa.name, namespace: sa.namespace }, saKind);
    }
    return { jwt: { serviceAccountRef: ctx.serviceAccountRef(prop, sa, this._audiences) } };
  }
}

/** A session tag ESO sets when it assumes `role`. */
export interface AwsSessionTag {
  /** Tag key. */
  readonly key: string;
  /** Tag value. */
  readonly value: string;
}

/** Props shared by the AWS Secrets Manager and Parameter Store providers. */
export interface AwsProviderOptions {
  /** AWS region of the secrets, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * How ESO authenticates.
   * @default AwsAuth.controllerIdentity() - no auth block (Pod Identity or controller IRSA)
   */
  readonly auth?: AwsAuth;
  /**
   * IAM role ARN ESO assumes after authenticating (role chaining). Leave unset with IRSA unless the
   * IRSA role may assume it; a role cannot assume itself.
   * @default - no AssumeRole
   */
  readonly role?: string;
  /**
   * Roles assumed in order before `role`.
   * @default - none
   */
  readonly additionalRoles?: string[];
  /**
   * External ID for the AssumeRole call.
   * @default - none
   */
  readonly externalId?: string;
  /**
   * Prefix ESO adds to every remote key.
   * @default - none
   */
  readonly prefix?: string;
  /**
   * Session tags for AssumeRole.
   * @default - none
   */
  readonly sessionTags?: AwsSessionTag[];
  /**
   * Session tag keys that stay on chained role sessions.
   * @default - none
   */
  readonly transitiveTagKeys?: string[];
  /**
   * How ESO adds its own session tags (ESO 2.5+).
   * @default - ESO's default (None)
   */
  readonly sessionTagsPolicy?: AwsSessionTagsPolicy;
  /**
   * Extra session tags with `AwsSessionTagsPolicy.CUSTOM`.
   * @default - none
   */
  readonly customSessionTags?: { [key: string]: string };
}

/** Props of {@link SecretStoreProvider.awsSecretsManager}. */
export interface AwsSecretsManagerProviderProps extends AwsProviderOptions {
  /**
   * Delete without recovery window when a PushSecret deletes a secret.
   * @default - ESO's default (false)
   */
  readonly forceDeleteWithoutRecovery?: boolean;
  /**
   * Recovery window (7 to 30 days) when a PushSecret deletes a secret.
   * @default - the AWS default (30)
   */
  readonly recoveryWindowInDays?: number;
}

/** Props of {@link SecretStoreProvider.awsParameterStore}. */
export type AwsParameterStoreProviderProps = AwsProviderOptions;

/** @internal */
export function renderAwsProvider(ctx: StoreContext, service: ClusterSecretStoreSpecProviderAwsService,
  props: AwsSecretsManagerProviderProps): ClusterSecretStoreSpecProviderAws {
  checkAwsProvider(ctx.path, props);
  const auth = props.auth ?? AwsAuth.controllerIdentity();
  const sm = props.forceDeleteWithoutRecovery !== undefined || props.recoveryWindowInDays !== undefined
    ? { forceDeleteWithoutRecovery: props.forceDeleteWithoutRecovery, recoveryWindowInDays: props.recoveryWindowInDays }
    : undefined;
  return {
    service,
    region: props.region,
    auth: auth._render(ctx),
    role: props.role,
    additionalRoles: props.additionalRoles ? [...props.additionalRoles] : undefined,
    externalId: props.externalId,
    prefix: props.prefix,
    sessionTags: props.sessionTags?.map((t) => ({ key: t.key, value: t.value })),
    transitiveTagKeys: props.transitiveTagKeys ? [...props.transitiveTagKeys] : undefined,
    sessionTagsPolicy: props.sessionTagsPolicy as string as ClusterSecretStoreSpecProviderAwsSessionTagsPolicy | undefined,
    customSessionTags: props.customSessionTags ? { ...props.customSessionTags } : undefined,
    secretsManager: sm,
  };
}

function checkAwsProvider(path: string, props: AwsSecretsManagerProviderProps): void {
  const p = 'spec.provider.aws';
  assertShape(path, p, props, {
    'region': 'nonEmptyString',
    'auth?': { instance: AwsAuth, name: 'an AwsAuth (AwsAuth.serviceAccount(), podIdentity(), controllerIdentity()...)' },
    'role?': 'string',
    'additionalRoles?': 'stringArray',
    'externalId?': 'string',
    'prefix?': 'string',
    'sessionTags?': { arrayOf: { shape: { key: 'nonEmptyString', value: 'string' } } },
    'transitiveTagKeys?': 'stringArray',
    'sessionTagsPolicy?': { enum: AwsSessionTagsPolicy, name: 'AwsSessionTagsPolicy' },
    'customSessionTags?': 'stringMap',
    'forceDeleteWithoutRecovery?': 'boolean',
    'recoveryWindowInDays?': 'integer',
  });
  if (!isUnresolved(props.region) && !isAwsRegion(props.region)) {
    throw invalidAwsRegion(path, `${p}.region`, props.region);
  }
  const roles: Array<[string, string | undefined]> = [[`${p}.role`, props.role],
    ...(props.additionalRoles ?? []).map((r, i): [string, string] => [`${p}.additionalRoles[${i}]`, r])];
  for (const [prop, arn] of roles) {
    if (arn !== undefined && !isUnresolved(arn) && !isIamRoleArn(arn)) {
      throw invalidArn(path, prop, arn, 'an IAM role', 'arn:aws:iam::123456789012:role/eso-reader');
    }
  }
  if (props.externalId !== undefined && !isUnresolved(props.externalId) && !isStsExternalId(props.externalId)) {
    throw invalidExternalId(path, `${p}.externalId`, props.externalId);
  }
  if ((props.externalId !== undefined || props.sessionTags !== undefined || props.transitiveTagKeys !== undefined) && props.role === undefined) {
    throw conflictingAwsOptions(path, props.externalId !== undefined ? `${p}.externalId` : `${p}.sessionTags`, props.externalId ?? props.sessionTags ?? props.transitiveTagKeys,
      'externalId, sessionTags and transitiveTagKeys only with role (they apply to the AssumeRole call)', 'set role, or remove them');
  }
  props.sessionTags?.forEach((t, i) => {
    if (!isUnresolved(t.key) && !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(t.key)) {
      throw invalidSessionTag(path, `${p}.sessionTags[${i}].key`, t.key, '1 to 128 letters, digits, spaces and _.:/=+-@');
    }
    if (!isUnresolved(t.value) && !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u.test(t.value)) {
      throw invalidSessionTag(path, `${p}.sessionTags[${i}].value`, t.value, 'at most 256 letters, digits, spaces and _.:/=+-@');
    }
  });
  if (props.customSessionTags !== undefined && props.sessionTagsPolicy !== AwsSessionTagsPolicy.CUSTOM) {
    throw conflictingAwsOptions(path, `${p}.customSessionTags`, props.customSessionTags,
      'customSessionTags only with sessionTagsPolicy AwsSessionTagsPolicy.CUSTOM (ESO ignores them otherwise)', 'set sessionTagsPolicy: AwsSessionTagsPolicy.CUSTOM, or remove customSessionTags');
  }
  assertNumberInRange(path, `${p}.secretsManager.recoveryWindowInDays`, props.recoveryWindowInDays, { min: 7, max: 30, integer: true });
  if (props.forceDeleteWithoutRecovery === true && props.recoveryWindowInDays !== undefined) {
    throw conflictingAwsOptions(path, `${p}.secretsManager.recoveryWindowInDays`, props.recoveryWindowInDays,
      'recoveryWindowInDays or forceDeleteWithoutRecovery, not both (Secrets Manager rejects the pair)', 'remove one of them');
  }
}
