/**
 * Engine-free compiler of the IAM identity policy an External Secrets Operator identity needs,
 * derived from what it is used for (read this secret, find by tags, push to this prefix...).
 *
 * Rules (see lib/aws/README.md for the table):
 * - Secrets Manager reads: GetSecretValue, DescribeSecret, ListSecretVersionIds, GetResourcePolicy on
 *   exactly the secret ARNs used (with the `-??????` suffix pattern).
 * - ListSecrets and BatchGetSecretValue on `*` only when a find is used (AWS has no resource-level
 *   permission for them; BatchGetSecretValue still needs GetSecretValue on each secret).
 * - SSM: GetParameter/GetParameters on exact ARNs, GetParametersByPath only for path finds,
 *   DescribeParameters + tag:GetResources only for tag finds.
 * - kms:Decrypt only on the keys used, only with `kms:ViaService` = the service in the region.
 * - Write actions only for pushes; DeleteSecret/DeleteParameter only on resources tagged
 *   `managed-by=external-secrets`; tagging only with that tag; resource-policy and replication
 *   actions only when asked for.
 * - User statements are added, never replace derived ones. A final self-check rejects any Allow
 *   statement with a data-plane action on every resource.
 *
 * The compiler is O(n log n) in the number of grants: grants go into sets, sorting happens once in
 * {@link AccessPolicyCompiler.compile}.
 */
import { invalidPolicyStatement } from '../../core/errors';
import { KmsViaService, viaServiceName } from '../arns';
import { IAwsGrantee } from './grantee';
import { assertNoWildcardDataPlane, isEveryResource } from './policy-guard';
import { normalizeStatement, policyDocument, PolicyDocumentJson, PolicyEffect, PolicyStatementJson } from './policy-document';

/** The tag ESO puts on what it creates, and the guard of every destructive action. */
export const ESO_MANAGED_BY_TAG = { key: 'managed-by', value: 'external-secrets' } as const;

/** The Sids of the derived statements, so reviewers and tests can find them. */
export const EsoPolicySids = {
  READ_SECRETS: 'ReadSecrets',
  READ_SECRETS_BY_GRANT_TAG: 'ReadSecretsByGrantTagUnderOwnedPrefix',
  FIND_SECRETS: 'FindRequiresWildcardListSecretsAndBatchGetSecretValueAwsHasNoResourceLevelPermission',
  READ_PARAMETERS: 'ReadParameters',
  FIND_PARAMETERS_BY_PATH: 'FindParametersByPath',
  FIND_PARAMETERS_BY_TAGS: 'FindByTagsRequiresWildcardDescribeParametersAndTagGetResourcesAwsHasNoResourceLevelPermission',
  KMS_DECRYPT: 'KmsDecryptOnlyViaService',
  PUSH_SECRETS_CREATE: 'PushSecretsCreateOnlyWithManagedByTag',
  PUSH_SECRETS_WRITE: 'PushSecretsWrite',
  PUSH_SECRETS_TAG: 'PushSecretsTagOnlyManagedByTag',
  PUSH_SECRETS_DELETE: 'PushSecretsDeleteOnlyManagedByExternalSecrets',
  PUSH_SECRETS_RESOURCE_POLICY: 'PushSecretsResourcePolicy',
  PUSH_SECRETS_REPLICATION: 'PushSecretsReplication',
  PUSH_SECRETS_KMS: 'PushSecretsKmsOnlyViaSecretsManager',
  PUSH_PARAMETERS_WRITE: 'PushParametersWrite',
  PUSH_PARAMETERS_TAG: 'PushParametersTagOnlyAllowedKeys',
  PUSH_PARAMETERS_DELETE: 'PushParametersDeleteOnlyManagedByExternalSecrets',
  PUSH_PARAMETERS_KMS: 'PushParametersKmsOnlyViaSsm',
} as const;

/** How a `find` selects secrets; both need the same wildcard list permissions. */
export enum SecretFindKind {
  /** `dataFrom.find.name.regexp` / `path`. */
  BY_NAME = 'ByName',
  /** `dataFrom.find.tags`. */
  BY_TAGS = 'ByTags',
}

/** Options of {@link AccessPolicyCompiler}. */
export interface AccessPolicyCompilerOptions {
  /**
   * Path used in error messages (a construct `node.path` or a declaration path).
   * @default "AccessPolicyCompiler"
   */
  readonly path?: string;
}

/** A secret ESO reads (ExternalSecret `data[].remoteRef.key`). */
export interface ReadSecretOptions {
  /** `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-??????` (see `secretArnForPolicies`). */
  readonly arnForPolicies: string;
  /**
   * ARN of the customer-managed KMS key the secret is encrypted with.
   * @default - the AWS managed key `aws/secretsmanager`: no kms statement is needed
   */
  readonly kmsKeyArn?: string;
  /** Region of the secret (used for `kms:ViaService`). */
  readonly region: string;
}

/**
 * Secrets read by the grant tag the library sets on them, bounded by a name prefix the declaration owns
 * (the `tag-and-prefix` policy form).
 */
export interface ReadSecretsByTagOptions {
  /** The owned prefix as an ARN pattern: `arn:<partition>:secretsmanager:<region>:<account>:secret:<prefix>*` (a prefix ending in "/"). */
  readonly prefixArn: string;
  /** The tag key (the library's grant tag). */
  readonly tagKey: string;
  /** The tag values the identity may read (at least one). */
  readonly tagValues: readonly string[];
}

/** A `dataFrom.find` against Secrets Manager. */
export interface FindSecretsOptions {
  /** By name or by tags. */
  readonly kind: SecretFindKind;
  /**
   * ARN patterns of the secrets the find may return; GetSecretValue is granted on them (AWS checks
   * it on each secret a batch returns). Use a name prefix, e.g. `...:secret:team-a/*`: every secret
   * of the account (`...:secret:*`) is rejected.
   */
  readonly readableArns: readonly string[];
  /**
   * KMS keys those secrets use.
   * @default - none (AWS managed key)
   */
  readonly kmsKeyArns?: readonly string[];
  /** Region of the secrets. */
  readonly region: string;
}

/** An SSM parameter ESO reads. */
export interface ReadParameterOptions {
  /** `arn:<partition>:ssm:<region>:<account>:parameter/<name>` (see `ssmParameterArn`). */
  readonly parameterArn: string;
  /**
   * KMS key of the SecureString.
   * @default - the AWS managed key `aws/ssm`: no kms statement is needed
   */
  readonly kmsKeyArn?: string;
  /** Region of the parameter. */
  readonly region: string;
}

/** A `dataFrom.find.path` against Parameter Store. */
export interface FindParametersByPathOptions {
  /** ARN of the path, e.g. `arn:aws:ssm:eu-west-1:111122223333:parameter/team-a`. */
  readonly pathArn: string;
  /**
   * KMS keys of the parameters under the path.
   * @default - none (AWS managed key)
   */
  readonly kmsKeyArns?: readonly string[];
  /** Region of the parameters. */
  readonly region: string;
}

/** A `dataFrom.find.tags` against Parameter Store. */
export interface FindParametersByTagsOptions {
  /** ARN patterns of the parameters the find may return; GetParameter(s) is granted on them. */
  readonly readableArns: readonly string[];
  /**
   * KMS keys of those parameters.
   * @default - none (AWS managed key)
   */
  readonly kmsKeyArns?: readonly string[];
  /** Region of the parameters. */
  readonly region: string;
}

/** A PushSecret to Secrets Manager. */
export interface PushSecretAccessOptions {
  /** ARN pattern of the secrets ESO may create and write, e.g. `...:secret:team-a/pushed/*` or an exact `arnForPolicies`. */
  readonly namePrefixArn: string;
  /**
   * KMS key the pushed secrets are encrypted with.
   * @default - the AWS managed key
   */
  readonly kmsKeyArn?: string;
  /** Region of the secrets. */
  readonly region: string;
  /**
   * The PushSecret sets a resource policy (`metadata.spec.resourcePolicy`).
   * @default false
   */
  readonly usesResourcePolicy?: boolean;
  /**
   * The PushSecret replicates the secret to other regions.
   * @default false
   */
  readonly usesReplication?: boolean;
  /**
   * Tag keys the PushSecret writes besides `managed-by`.
   * @default - only `managed-by`
   */
  readonly tagKeys?: readonly string[];
}

/** A PushSecret to Parameter Store. */
export interface PushParameterAccessOptions {
  /** ARN (or prefix pattern) of the parameters ESO may write. */
  readonly parameterArn: string;
  /**
   * KMS key of the SecureStrings.
   * @default - the AWS managed key
   */
  readonly kmsKeyArn?: string;
  /** Region of the parameters. */
  readonly region: string;
  /**
   * Tag keys the PushSecret writes besides `managed-by`.
   * @default - only `managed-by`
   */
  readonly tagKeys?: readonly string[];
}

/** Decrypt with one key through one service. */
export interface DecryptOptions {
  /** ARN of the KMS key. */
  readonly keyArn: string;
  /** The service the decryption must go through. */
  readonly viaService: KmsViaService;
  /** Region of that service. */
  readonly region: string;
}

type KeyUse = Map<string, Set<string>>;

function addToKeyUse(map: KeyUse, keyArn: string, via: string): void {
  let set = map.get(keyArn);
  if (set === undefined) {
    set = new Set();
    map.set(keyArn, set);
  }
  set.add(via);
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/**
 * Compiles the ESO identity policy from usage. Implements {@link IAwsGrantee}, so
 * `secret.grantRead(compiler)` works without any construct.
 */
export class AccessPolicyCompiler implements IAwsGrantee {
  /** Path used in error messages. */
  public readonly path: string;

  private readonly secretReads = new Set<string>();
  /** Tag key → prefix ARN → values. */
  private readonly secretTagReads = new Map<string, Map<string, Set<string>>>();
  private secretFind = false;
  private readonly parameterReads = new Set<string>();
  private readonly parameterPaths = new Set<string>();
  private parameterTagFind = false;
  private readonly decryptKeys: KeyUse = new Map();
  private readonly secretPushes = new Set<string>();
  private readonly secretPushTagKeys = new Set<string>();
  private readonly secretPushResourcePolicy = new Set<string>();
  private readonly secretPushReplication = new Set<string>();
  private readonly secretPushKeys: KeyUse = new Map();
  private readonly parameterPushes = new Set<string>();
  private readonly parameterPushTagKeys = new Set<string>();
  private readonly parameterPushKeys: KeyUse = new Map();
  private readonly userStatements = new Map<string, PolicyStatementJson>();

  constructor(options: AccessPolicyCompilerOptions = {}) {
    this.path = options.path ?? 'AccessPolicyCompiler';
  }

  /** The compiler itself receives grants. */
  public get grantPolicy(): AccessPolicyCompiler {
    return this;
  }

  /** True when nothing was granted yet (an empty policy cannot be rendered). */
  public get isEmpty(): boolean {
    return this.secretReads.size === 0 && this.secretTagReads.size === 0 && !this.secretFind && this.parameterReads.size === 0 &&
      this.parameterPaths.size === 0 && !this.parameterTagFind && this.decryptKeys.size === 0 &&
      this.secretPushes.size === 0 && this.parameterPushes.size === 0 && this.userStatements.size === 0;
  }

  /** Read one Secrets Manager secret. */
  public readSecret(options: ReadSecretOptions): this {
    this.secretReads.add(options.arnForPolicies);
    if (options.kmsKeyArn !== undefined) {
      addToKeyUse(this.decryptKeys, options.kmsKeyArn, viaServiceName(KmsViaService.SECRETS_MANAGER, options.region));
    }
    return this;
  }

  /** Read the secrets under an owned prefix that carry one of the given values of a grant tag. */
  public readSecretsByTag(options: ReadSecretsByTagOptions): this {
    if (!/:secret:[A-Za-z0-9/_+=.@-]*[A-Za-z0-9_+=.@-]\/\*$/.test(options.prefixArn) || isEveryResource(options.prefixArn)) {
      throw invalidPolicyStatement(this.path, 'prefixArn', options.prefixArn, 'an ARN pattern of a name prefix ending in "/" followed by "*" (arn:aws:secretsmanager:<region>:<account>:secret:<prefix>/*)',
        'pass the owned prefix, for example arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/*');
    }
    if (options.tagValues.length === 0) {
      throw invalidPolicyStatement(this.path, 'tagValues', options.tagValues, 'at least one tag value (an empty list would match no secret)', 'pass the grant-set values the identity reads');
    }
    let byPrefix = this.secretTagReads.get(options.tagKey);
    if (byPrefix === undefined) {
      byPrefix = new Map();
      this.secretTagReads.set(options.tagKey, byPrefix);
    }
    const values = byPrefix.get(options.prefixArn) ?? new Set<string>();
    options.tagValues.forEach((v) => values.add(v));
    byPrefix.set(options.prefixArn, values);
    return this;
  }

  /** A `find` (by name or tags): the wildcard list permissions plus reads on the secrets it may return. */
  public findSecrets(options: FindSecretsOptions): this {
    this.secretFind = true;
    for (const arn of options.readableArns) {
      this.secretReads.add(arn);
    }
    for (const key of options.kmsKeyArns ?? []) {
      addToKeyUse(this.decryptKeys, key, viaServiceName(KmsViaService.SECRETS_MANAGER, options.region));
    }
    return this;
  }

  /** Read one SSM parameter. */
  public readParameter(options: ReadParameterOptions): this {
    this.parameterReads.add(options.parameterArn);
    if (options.kmsKeyArn !== undefined) {
      addToKeyUse(this.decryptKeys, options.kmsKeyArn, viaServiceName(KmsViaService.SSM, options.region));
    }
    return this;
  }

  /** A `find.path` on Parameter Store: GetParametersByPath on the path and everything below it. */
  public findParametersByPath(options: FindParametersByPathOptions): this {
    const pathArn = options.pathArn.replace(/\/+$/, '');
    this.parameterPaths.add(pathArn);
    this.parameterPaths.add(`${pathArn}/*`);
    for (const key of options.kmsKeyArns ?? []) {
      addToKeyUse(this.decryptKeys, key, viaServiceName(KmsViaService.SSM, options.region));
    }
    return this;
  }

  /** A `find.tags` on Parameter Store: DescribeParameters + tag:GetResources on `*`, reads on the returned ARNs. */
  public findParametersByTags(options: FindParametersByTagsOptions): this {
    this.parameterTagFind = true;
    for (const arn of options.readableArns) {
      this.parameterReads.add(arn);
    }
    for (const key of options.kmsKeyArns ?? []) {
      addToKeyUse(this.decryptKeys, key, viaServiceName(KmsViaService.SSM, options.region));
    }
    return this;
  }

  /** Decrypt with a key through a service only (what `kmsKey.grantDecrypt()` feeds). */
  public decrypt(options: DecryptOptions): this {
    addToKeyUse(this.decryptKeys, options.keyArn, viaServiceName(options.viaService, options.region));
    return this;
  }

  /** A PushSecret to Secrets Manager. */
  public pushSecret(options: PushSecretAccessOptions): this {
    this.secretPushes.add(options.namePrefixArn);
    for (const key of options.tagKeys ?? []) {
      this.secretPushTagKeys.add(key);
    }
    if (options.usesResourcePolicy === true) {
      this.secretPushResourcePolicy.add(options.namePrefixArn);
    }
    if (options.usesReplication === true) {
      this.secretPushReplication.add(options.namePrefixArn);
    }
    if (options.kmsKeyArn !== undefined) {
      addToKeyUse(this.secretPushKeys, options.kmsKeyArn, viaServiceName(KmsViaService.SECRETS_MANAGER, options.region));
    }
    return this;
  }

  /** A PushSecret to Parameter Store. */
  public pushParameter(options: PushParameterAccessOptions): this {
    this.parameterPushes.add(options.parameterArn);
    for (const key of options.tagKeys ?? []) {
      this.parameterPushTagKeys.add(key);
    }
    if (options.kmsKeyArn !== undefined) {
      addToKeyUse(this.parameterPushKeys, options.kmsKeyArn, viaServiceName(KmsViaService.SSM, options.region));
    }
    return this;
  }

  /**
   * Adds a user statement next to the derived ones (never replacing them). Checked at once:
   * a data-plane action on every resource is rejected.
   */
  public addStatement(statement: PolicyStatementJson): this {
    const prop = `statements[${this.userStatements.size}]`;
    const normalized = normalizeStatement(statement, this.path, prop);
    assertNoWildcardDataPlane(normalized, this.path, prop);
    const key = JSON.stringify(normalized);
    if (!this.userStatements.has(key)) {
      this.userStatements.set(key, normalized);
    }
    return this;
  }

  /** Copies every grant of another compiler into this one. */
  public merge(other: AccessPolicyCompiler): this {
    const copySet = (from: Set<string>, to: Set<string>) => from.forEach((v) => to.add(v));
    const copyKeys = (from: KeyUse, to: KeyUse) => from.forEach((vias, key) => vias.forEach((via) => addToKeyUse(to, key, via)));
    copySet(other.secretReads, this.secretReads);
    other.secretTagReads.forEach((byPrefix, tagKey) => byPrefix.forEach((values, prefixArn) =>
      this.readSecretsByTag({ prefixArn, tagKey, tagValues: [...values] })));
    this.secretFind = this.secretFind || other.secretFind;
    copySet(other.parameterReads, this.parameterReads);
    copySet(other.parameterPaths, this.parameterPaths);
    this.parameterTagFind = this.parameterTagFind || other.parameterTagFind;
    copyKeys(other.decryptKeys, this.decryptKeys);
    copySet(other.secretPushes, this.secretPushes);
    copySet(other.secretPushTagKeys, this.secretPushTagKeys);
    copySet(other.secretPushResourcePolicy, this.secretPushResourcePolicy);
    copySet(other.secretPushReplication, this.secretPushReplication);
    copyKeys(other.secretPushKeys, this.secretPushKeys);
    copySet(other.parameterPushes, this.parameterPushes);
    copySet(other.parameterPushTagKeys, this.parameterPushTagKeys);
    copyKeys(other.parameterPushKeys, this.parameterPushKeys);
    other.userStatements.forEach((statement, key) => {
      if (!this.userStatements.has(key)) {
        this.userStatements.set(key, statement);
      }
    });
    return this;
  }

  /**
   * The policy document: derived statements in a fixed order, then user statements in the order
   * they were added; actions, resources and condition values sorted. Runs the self-check.
   */
  public compile(): PolicyDocumentJson {
    const statements: PolicyStatementJson[] = [];
    const allow = (Sid: string, Action: string[], Resource: string[], Condition?: PolicyStatementJson['Condition']) => {
      const statement: PolicyStatementJson = Condition === undefined
        ? { Sid, Effect: PolicyEffect.ALLOW, Action: Action.sort(), Resource }
        : { Sid, Effect: PolicyEffect.ALLOW, Action: Action.sort(), Resource, Condition };
      statements.push(statement);
    };
    const managedByEquals = { [`aws:RequestTag/${ESO_MANAGED_BY_TAG.key}`]: ESO_MANAGED_BY_TAG.value };

    if (this.secretReads.size > 0) {
      allow(EsoPolicySids.READ_SECRETS, ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy',
        'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'], sorted(this.secretReads));
    }
    const tagStatements = [...this.secretTagReads].flatMap(([tagKey, byPrefix]) => [...byPrefix].map(([prefixArn, values]) => ({ tagKey, prefixArn, values })))
      .sort((a, b) => (a.prefixArn + a.tagKey < b.prefixArn + b.tagKey ? -1 : 1));
    tagStatements.forEach(({ tagKey, prefixArn, values }, i) => {
      allow(tagStatements.length === 1 ? EsoPolicySids.READ_SECRETS_BY_GRANT_TAG : `${EsoPolicySids.READ_SECRETS_BY_GRANT_TAG}${i + 1}`,
        ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
        [prefixArn], { StringEquals: { [`secretsmanager:ResourceTag/${tagKey}`]: values.size === 1 ? [...values][0] : sorted(values) } });
    });
    if (this.secretFind) {
      allow(EsoPolicySids.FIND_SECRETS, ['secretsmanager:BatchGetSecretValue', 'secretsmanager:ListSecrets'], ['*']);
    }
    if (this.parameterReads.size > 0) {
      allow(EsoPolicySids.READ_PARAMETERS, ['ssm:GetParameter', 'ssm:GetParameters'], sorted(this.parameterReads));
    }
    if (this.parameterPaths.size > 0) {
      allow(EsoPolicySids.FIND_PARAMETERS_BY_PATH, ['ssm:GetParametersByPath'], sorted(this.parameterPaths));
    }
    if (this.parameterTagFind) {
      allow(EsoPolicySids.FIND_PARAMETERS_BY_TAGS, ['ssm:DescribeParameters', 'tag:GetResources'], ['*']);
    }
    this.keyStatements(this.decryptKeys, EsoPolicySids.KMS_DECRYPT, ['kms:Decrypt'], allow);

    if (this.secretPushes.size > 0) {
      const pushArns = sorted(this.secretPushes);
      allow(EsoPolicySids.PUSH_SECRETS_CREATE, ['secretsmanager:CreateSecret'], pushArns,
        { StringEquals: managedByEquals });
      allow(EsoPolicySids.PUSH_SECRETS_WRITE, ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue'], pushArns);
      allow(EsoPolicySids.PUSH_SECRETS_TAG, ['secretsmanager:TagResource'], pushArns, {
        'ForAllValues:StringEquals': { 'aws:TagKeys': sorted(new Set([ESO_MANAGED_BY_TAG.key, ...this.secretPushTagKeys])) },
        StringEquals: managedByEquals,
      });
      allow(EsoPolicySids.PUSH_SECRETS_DELETE, ['secretsmanager:DeleteSecret'], pushArns,
        { StringEquals: { [`secretsmanager:ResourceTag/${ESO_MANAGED_BY_TAG.key}`]: ESO_MANAGED_BY_TAG.value } });
      if (this.secretPushResourcePolicy.size > 0) {
        allow(EsoPolicySids.PUSH_SECRETS_RESOURCE_POLICY, ['secretsmanager:DeleteResourcePolicy',
          'secretsmanager:GetResourcePolicy', 'secretsmanager:PutResourcePolicy'], sorted(this.secretPushResourcePolicy));
      }
      if (this.secretPushReplication.size > 0) {
        allow(EsoPolicySids.PUSH_SECRETS_REPLICATION, ['secretsmanager:RemoveRegionsFromReplication',
          'secretsmanager:ReplicateSecretToRegions'], sorted(this.secretPushReplication));
      }
      this.keyStatements(this.secretPushKeys, EsoPolicySids.PUSH_SECRETS_KMS, ['kms:Decrypt', 'kms:GenerateDataKey'], allow);
    }
    if (this.parameterPushes.size > 0) {
      const pushArns = sorted(this.parameterPushes);
      allow(EsoPolicySids.PUSH_PARAMETERS_WRITE, ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListTagsForResource',
        'ssm:PutParameter'], pushArns);
      allow(EsoPolicySids.PUSH_PARAMETERS_TAG, ['ssm:AddTagsToResource'], pushArns, {
        'ForAllValues:StringEquals': { 'aws:TagKeys': sorted(new Set([ESO_MANAGED_BY_TAG.key, ...this.parameterPushTagKeys])) },
      });
      allow(EsoPolicySids.PUSH_PARAMETERS_DELETE, ['ssm:DeleteParameter'], pushArns,
        { StringEquals: { [`ssm:resourceTag/${ESO_MANAGED_BY_TAG.key}`]: ESO_MANAGED_BY_TAG.value } });
      this.keyStatements(this.parameterPushKeys, EsoPolicySids.PUSH_PARAMETERS_KMS, ['kms:Encrypt', 'kms:GenerateDataKey'], allow);
    }

    const derivedSids = new Set(statements.map((s) => s.Sid));
    let index = 0;
    for (const statement of this.userStatements.values()) {
      if (statement.Sid !== undefined && derivedSids.has(statement.Sid)) {
        throw invalidPolicyStatement(this.path, `statements[${index}].Sid`, statement.Sid,
          'a Sid that no derived statement uses', 'rename the Sid of your statement');
      }
      statements.push(statement);
      index++;
    }
    statements.forEach((statement, i) => assertNoWildcardDataPlane(statement, this.path, `Statement[${i}]`));
    return policyDocument(statements);
  }

  /** One statement per distinct set of `kms:ViaService` values (keys grouped by it), Sids numbered when several. */
  private keyStatements(
    keys: KeyUse, sid: string, actions: string[],
    allow: (Sid: string, Action: string[], Resource: string[], Condition?: PolicyStatementJson['Condition']) => void,
  ): void {
    if (keys.size === 0) {
      return;
    }
    const groups = new Map<string, { vias: string[]; keys: string[] }>();
    keys.forEach((vias, key) => {
      const viaList = sorted(vias);
      const groupKey = viaList.join('\n');
      let group = groups.get(groupKey);
      if (group === undefined) {
        group = { vias: viaList, keys: [] };
        groups.set(groupKey, group);
      }
      group.keys.push(key);
    });
    const ordered = [...groups.keys()].sort();
    ordered.forEach((groupKey, i) => {
      const group = groups.get(groupKey)!;
      allow(ordered.length === 1 ? sid : `${sid}${i + 1}`, [...actions], group.keys.sort(), {
        StringEquals: { 'kms:ViaService': group.vias.length === 1 ? group.vias[0] : group.vias },
      });
    });
  }
}
