/**
 * How each AWS identity's reads are granted: the smallest exact policy form within IAM's default
 * quotas, chosen per identity, deterministically, in the plan (so the renderer, the output verification
 * and the access matrix agree). Engine-free.
 *
 * 1. `arn-list`: every read as its exact ARN in the role's inline policy, while that fits.
 * 2. `tag-and-prefix`: the secrets the declaration creates under its owned name prefix carry the grant
 *    tag {@link GRANT_SET_TAG_KEY}, whose value names the exact set of tag-granted identities reading
 *    them; the identity reads `arn:…:secret:<prefix>*` only where the tag holds one of its values. The
 *    other reads stay exact ARNs.
 * 3. `managed-policies`: the exact ARN list split over managed policies (6,144 characters each), at
 *    most 10 per role minus those attached elsewhere.
 * Nothing fits: the plan refuses the declaration and says why.
 */
import { createHash } from 'node:crypto';
import { grantTooLarge, invalidManagedPoliciesAttachedElsewhere, invalidOwnedParameterPath, invalidOwnedSecretNamePrefix, reservedGrantTagKey } from '../../errors';
import { isSecretsManagerName } from '../../cloud-names';
import type { AwsGrantLayout, IdentityPlan, PolicyFormPlan } from '../plan-types';
import { AwsSecretDeclaration, SecretBackend, SecretDeclaration } from '../secrets';
import type { AwsDefaults, DeclarationView } from '../view';

/** Tag key the library sets on the secrets it creates under the owned prefix; its value names the identities that may read them. */
export const GRANT_SET_TAG_KEY = 'cdk-external-secrets/grant-set';

/** IAM's default limits the forms are measured against. */
export const IAM_POLICY_LIMITS = {
  /** Characters of inline policy per role (all inline policies together, whitespace excluded). */
  INLINE: 10240,
  /** Characters of one managed policy. */
  MANAGED: 6144,
  /** Managed policies attached to one role. */
  ATTACHMENTS: 10,
} as const;

/**
 * Characters of the inline policy kept free for everything but the reads (find listings, KMS,
 * pushes, assumed roles and the statement envelopes); the renderer checks the real size again.
 */
export const INLINE_RESERVE = 2048;
/** Characters of a managed read policy besides its ARNs (version, Sid, actions). */
const MANAGED_ENVELOPE = 256;
/** Characters of the tag statement besides its values and resource (Sid, actions, condition key). */
const TAG_STATEMENT_ENVELOPE = 320;

/** Checks the declaration's AWS grant options (owned prefix, managed policies attached elsewhere). */
export function checkAwsGrantOptions(path: string, aws: AwsDefaults): void {
  const prefix: unknown = aws.ownedSecretNamePrefix;
  if (prefix !== undefined && (typeof prefix !== 'string' || prefix.length < 2 || prefix.length > 256 || !prefix.endsWith('/')
    || /^\/+$/.test(prefix) || !isSecretsManagerName(prefix))) {
    throw invalidOwnedSecretNamePrefix(path, 'aws.ownedSecretNamePrefix', prefix);
  }
  const parameterPath: unknown = aws.ownedParameterPath;
  if (parameterPath !== undefined && (typeof parameterPath !== 'string' || !/^(\/[A-Za-z0-9_.-]+)+\/$/.test(parameterPath) || parameterPath.length > 1011
    || /^\/(aws|ssm)(\/|$)/i.test(parameterPath))) {
    throw invalidOwnedParameterPath(path, 'aws.ownedParameterPath', parameterPath);
  }
  const attached: unknown = aws.managedPoliciesAttachedElsewhere;
  if (attached !== undefined && (typeof attached !== 'number' || !Number.isInteger(attached) || attached < 0 || attached > IAM_POLICY_LIMITS.ATTACHMENTS - 1)) {
    throw invalidManagedPoliciesAttachedElsewhere(path, 'aws.managedPoliciesAttachedElsewhere', attached);
  }
}

/** Throws when declared tags use the grant tag's key (only the plan sets it). */
export function checkNoGrantTag(path: string, prop: string, tags: Readonly<Record<string, string>> | undefined): void {
  const key = tags !== undefined && typeof tags === 'object' ? Object.keys(tags).find((k) => k.toLowerCase() === GRANT_SET_TAG_KEY) : undefined;
  if (key !== undefined) {
    throw reservedGrantTagKey(path, `${prop}.${key}`, key);
  }
}

/** The declared secrets an AWS identity reads directly (data, extract) and through its finds, sorted by id. */
export function awsReadsOf(identity: IdentityPlan): AwsSecretDeclaration[] {
  const all = new Map<string, SecretDeclaration>();
  identity.reads.forEach((s) => all.set(s.id, s));
  identity.finds.forEach((use) => use.matched.forEach((s) => all.set(s.id, s)));
  return [...all.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as AwsSecretDeclaration[];
}

/** `arn:<partition>:secretsmanager:<region>:<account>:secret:<prefix>*`: the bound of every tag statement. */
export function ownedPrefixArn(secret: AwsSecretDeclaration, prefix: string): string {
  return `arn:${secret.partition}:secretsmanager:${secret.region}:${secret.accountId}:secret:${prefix}*`;
}

/**
 * Whether the tag form may cover a secret: Secrets Manager, created by the declaration in its own
 * account and region, under the owned prefix.
 */
export function isTaggable(secret: AwsSecretDeclaration, aws: AwsDefaults | undefined): boolean {
  const prefix = aws?.ownedSecretNamePrefix;
  return prefix !== undefined && secret.backend === SecretBackend.AWS_SECRETS_MANAGER && !secret.managedElsewhere && secret.name.startsWith(prefix)
    && secret.accountId === aws!.accountId && secret.region === aws!.region;
}

/**
 * The Parameter Store directories (`/a/b/`) under the owned path, with the number of declared
 * parameters below each, counted once per declaration: a directory may be granted as `parameter/a/b/*`
 * to an identity that reads every one of them.
 */
function declaredParameterDirectories(declaration: DeclarationView): Map<string, number> {
  const owned = declaration.aws?.ownedParameterPath;
  const counts = new Map<string, number>();
  if (owned === undefined) {
    return counts;
  }
  for (const secret of declaration.secrets as readonly AwsSecretDeclaration[]) {
    if (secret.backend === SecretBackend.AWS_PARAMETER_STORE && secret.name.startsWith(owned)) {
      directoriesOf(secret, owned).forEach((dir) => counts.set(dir, (counts.get(dir) ?? 0) + 1));
    }
  }
  return counts;
}

/** The directories of a parameter from the owned path down, as `<account>/<region>:<dir>`, outermost first. */
function directoriesOf(secret: AwsSecretDeclaration, owned: string): string[] {
  const dirs: string[] = [];
  for (let end = secret.name.indexOf('/', owned.length - 1); end !== -1; end = secret.name.indexOf('/', end + 1)) {
    dirs.push(`${secret.accountId}/${secret.region}:${secret.name.slice(0, end + 1)}`);
  }
  return dirs;
}

/**
 * The path grants of an identity: for each parameter it reads under the owned path, the outermost
 * directory every declared parameter below which it reads (none when even its own directory holds a
 * parameter it does not read). Returns the ARN patterns and the parameters they cover.
 */
function parameterPathGrants(reads: readonly AwsSecretDeclaration[], declared: ReadonlyMap<string, number>, owned: string | undefined): {
  patterns: string[]; covered: Set<string>;
} {
  const patterns = new Map<string, string>();
  const covered = new Set<string>();
  if (owned === undefined) {
    return { patterns: [], covered };
  }
  const under = reads.filter((s) => s.backend === SecretBackend.AWS_PARAMETER_STORE && s.name.startsWith(owned));
  const readCounts = new Map<string, number>();
  under.forEach((s) => directoriesOf(s, owned).forEach((dir) => readCounts.set(dir, (readCounts.get(dir) ?? 0) + 1)));
  for (const secret of under) {
    const dir = directoriesOf(secret, owned).find((d) => readCounts.get(d) === declared.get(d));
    if (dir !== undefined) {
      covered.add(secret.id);
      patterns.set(dir, `arn:${secret.partition}:ssm:${secret.region}:${secret.accountId}:parameter/${dir.slice(dir.indexOf(':') + 1).replace(/^\//, '')}*`);
    }
  }
  return { patterns: [...patterns.values()].sort(), covered };
}

/** Characters an ARN takes in a JSON list (quotes and comma). */
function arnCost(secret: AwsSecretDeclaration): number {
  return secret.arnForPolicies.length + 3;
}

/** The result of {@link planAwsGrants}: each identity's form and layout, and the grant tag of each tagged secret. */
export interface AwsGrantPlan {
  /** By identity id. */
  readonly identities: ReadonlyMap<string, { readonly policyForm: PolicyFormPlan; readonly layout: AwsGrantLayout }>;
  /** Grant tag value by secret id (secrets read through the tag form only). */
  readonly secretTags: ReadonlyMap<string, string>;
}

interface Candidate {
  readonly identity: IdentityPlan;
  readonly reads: AwsSecretDeclaration[];
  readonly arnChars: number;
  /** Reads covered by the grant tag. */
  readonly tagged: AwsSecretDeclaration[];
  /** Reads left as exact ARNs. */
  readonly exact: AwsSecretDeclaration[];
  /** Characters of the exact ARNs and the path patterns. */
  readonly exactChars: number;
  readonly paths: { readonly patterns: string[]; readonly covered: Set<string> };
}

/**
 * Chooses the form of every AWS identity (see the module comment). Linear in the number of reads
 * (plus sorting): each read is measured once, each tagged secret hashed once.
 */
export function planAwsGrants(declaration: DeclarationView, identities: readonly IdentityPlan[]): AwsGrantPlan {
  const aws = declaration.aws;
  const prefix = aws?.ownedSecretNamePrefix;
  const managedSlots = IAM_POLICY_LIMITS.ATTACHMENTS - (aws?.managedPoliciesAttachedElsewhere ?? 0);
  const inlineBudget = IAM_POLICY_LIMITS.INLINE - INLINE_RESERVE;
  const declaredDirectories = declaredParameterDirectories(declaration);
  const result = new Map<string, { policyForm: PolicyFormPlan; layout: AwsGrantLayout }>();
  const compressed: Candidate[] = [];
  for (const identity of identities) {
    if (identity.aws === undefined) {
      continue;
    }
    const reads = awsReadsOf(identity);
    const arnChars = reads.reduce((sum, s) => sum + arnCost(s), 0);
    if (arnChars <= inlineBudget) {
      result.set(identity.id, {
        policyForm: { form: 'arn-list', reason: `${reads.length} exact ARNs (${arnChars} characters) fit the inline policy (${inlineBudget} of ${IAM_POLICY_LIMITS.INLINE} characters for reads)` },
        layout: { taggedSecrets: [], tagValues: [], managedPolicies: [], parameterPaths: [], pathSecrets: [] },
      });
      continue;
    }
    const paths = parameterPathGrants(reads, declaredDirectories, aws?.ownedParameterPath);
    const tagged = reads.filter((s) => isTaggable(s, aws));
    const exact = reads.filter((s) => !paths.covered.has(s.id) && !isTaggable(s, aws));
    const exactChars = exact.reduce((sum, s) => sum + arnCost(s), 0) + paths.patterns.reduce((sum, p) => sum + p.length + 3, 0);
    // The tag statement's size is bounded by its values; measured once the values are known, below.
    if (exact.length < reads.length && exactChars + (tagged.length > 0 ? TAG_STATEMENT_ENVELOPE : 0) <= inlineBudget) {
      compressed.push({ identity, reads, arnChars, tagged, exact, exactChars, paths });
      continue;
    }
    result.set(identity.id, managedLayout(declaration, identity, reads, arnChars, managedSlots));
  }
  const secretTags = assignGrantSets(compressed);
  for (const { identity, reads, arnChars, tagged, exact, exactChars, paths } of compressed) {
    const tagValues = [...new Set(tagged.map((s) => secretTags.get(s.id)!))].sort();
    const taggedResource = tagged.length > 0 ? ownedPrefixArn(tagged[0], prefix!) : undefined;
    const tagChars = taggedResource === undefined ? 0 : TAG_STATEMENT_ENVELOPE + taggedResource.length + tagValues.reduce((sum, v) => sum + v.length + 3, 0);
    if (exactChars + tagChars > inlineBudget) {
      result.set(identity.id, managedLayout(declaration, identity, reads, arnChars, managedSlots));
      continue;
    }
    const parts = [
      ...tagged.length > 0 ? [`${tagged.length} secrets created under the owned prefix "${prefix}" are read by tag ${GRANT_SET_TAG_KEY} (${tagValues.length} value${tagValues.length === 1 ? '' : 's'})`] : [],
      ...paths.patterns.length > 0 ? [`${paths.covered.size} parameters by ${paths.patterns.length} path${paths.patterns.length === 1 ? '' : 's'} under the owned path "${aws!.ownedParameterPath}" whose every declared parameter the identity reads`] : [],
      `${exact.length} by exact ARN`,
    ];
    result.set(identity.id, {
      policyForm: {
        form: tagged.length > 0 ? 'tag-and-prefix' : 'path-hierarchy',
        reason: `${reads.length} exact ARNs (${arnChars} characters) exceed the inline policy (${inlineBudget} characters for reads): ${parts.join(', ')}`,
      },
      layout: {
        taggedSecrets: tagged, taggedResource, tagValues, managedPolicies: [],
        parameterPaths: paths.patterns, pathSecrets: reads.filter((s) => paths.covered.has(s.id)),
      },
    });
  }
  // Secrets whose tag no identity ended up reading by are not tagged.
  const used = new Set<string>();
  result.forEach(({ layout }) => layout.taggedSecrets.forEach((s) => used.add(s.id)));
  return { identities: result, secretTags: new Map([...secretTags].filter(([id]) => used.has(id))) };
}

/**
 * The grant-set value of every secret read by tag: a digest of the sorted ids of the tag-granted
 * identities reading it, so a secret carries exactly one value and an identity's policy lists the values
 * of the sets it belongs to.
 */
function assignGrantSets(candidates: readonly Candidate[]): Map<string, string> {
  const readers = new Map<string, string[]>();
  for (const { identity, tagged } of candidates) {
    tagged.forEach((s) => {
      const list = readers.get(s.id);
      if (list === undefined) {
        readers.set(s.id, [identity.id]);
      } else {
        list.push(identity.id);
      }
    });
  }
  // 128 bits of SHA-256: two different sets sharing a value is not a practical event.
  const bySet = new Map<string, string>();
  const tags = new Map<string, string>();
  for (const [secretId, ids] of readers) {
    const set = JSON.stringify([...ids].sort());
    let value = bySet.get(set);
    if (value === undefined) {
      value = `gs-${createHash('sha256').update(set).digest('hex').slice(0, 32)}`;
      bySet.set(set, value);
    }
    tags.set(secretId, value);
  }
  return tags;
}

function managedLayout(declaration: DeclarationView, identity: IdentityPlan, reads: readonly AwsSecretDeclaration[], arnChars: number, slots: number): {
  policyForm: PolicyFormPlan; layout: AwsGrantLayout;
} {
  const perPolicy = IAM_POLICY_LIMITS.MANAGED - MANAGED_ENVELOPE;
  // Secrets Manager and Parameter Store reads go to separate policies (their actions differ).
  const chunks: AwsSecretDeclaration[][] = [];
  for (const backend of [SecretBackend.AWS_SECRETS_MANAGER, SecretBackend.AWS_PARAMETER_STORE]) {
    let chunk: AwsSecretDeclaration[] = [];
    let size = 0;
    for (const secret of reads.filter((s) => s.backend === backend)) {
      if (size + arnCost(secret) > perPolicy && chunk.length > 0) {
        chunks.push(chunk);
        chunk = [];
        size = 0;
      }
      chunk.push(secret);
      size += arnCost(secret);
    }
    if (chunk.length > 0) {
      chunks.push(chunk);
    }
  }
  const prefix = declaration.aws?.ownedSecretNamePrefix;
  if (chunks.length > slots) {
    const taggable = reads.filter((s) => isTaggable(s, declaration.aws)).length;
    throw grantTooLarge(declaration.pathOf('stores', identity.stores[0].id), 'grants', identity.id, reads.length,
      `${arnChars} characters of exact ARNs need ${chunks.length} managed policies of ${slots} available` +
      (prefix === undefined ? ', and the declaration owns no name prefix to grant by tag' : `, and only ${taggable} of them are created under the owned prefix "${prefix}" (the tag form covers no others)`),
      prefix === undefined
        ? 'set aws.ownedSecretNamePrefix to the folder your secrets live in (e.g. "shop/") so created secrets are granted by tag, or split the consumers over several stores (one identity each)'
        : `create the secrets under "${prefix}" with the declaration, or split the consumers over several stores (one identity each)`);
  }
  return {
    policyForm: {
      form: 'managed-policies',
      reason: `${reads.length} exact ARNs (${arnChars} characters) exceed the inline policy` +
        `${prefix === undefined ? ' and the declaration owns no name prefix' : ` and too few of them are created under the owned prefix "${prefix}"`}: ` +
        `split over ${chunks.length} managed policies (at most ${IAM_POLICY_LIMITS.MANAGED} characters each, ${slots} available)`,
    },
    layout: { taggedSecrets: [], tagValues: [], managedPolicies: chunks, parameterPaths: [], pathSecrets: [] },
  };
}
