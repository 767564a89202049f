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
import { grantTooLarge, invalidManagedPoliciesAttachedElsewhere, invalidOwnedSecretNamePrefix, reservedGrantTagKey } from '../../errors';
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

/** Whether the tag form may cover a secret: Secrets Manager, created by the declaration, under the owned prefix. */
export function isTaggable(secret: AwsSecretDeclaration, prefix: string | undefined): boolean {
  return prefix !== undefined && secret.backend === SecretBackend.AWS_SECRETS_MANAGER && !secret.managedElsewhere && secret.name.startsWith(prefix);
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
  const result = new Map<string, { policyForm: PolicyFormPlan; layout: AwsGrantLayout }>();
  const tagged: Candidate[] = [];
  for (const identity of identities) {
    if (identity.aws === undefined) {
      continue;
    }
    const reads = awsReadsOf(identity);
    const arnChars = reads.reduce((sum, s) => sum + arnCost(s), 0);
    if (arnChars <= inlineBudget) {
      result.set(identity.id, {
        policyForm: { form: 'arn-list', reason: `${reads.length} exact ARNs (${arnChars} characters) fit the inline policy (${inlineBudget} of ${IAM_POLICY_LIMITS.INLINE} characters for reads)` },
        layout: { taggedSecrets: [], tagValues: [], managedPolicies: [] },
      });
      continue;
    }
    const untaggedChars = reads.filter((s) => !isTaggable(s, prefix)).reduce((sum, s) => sum + arnCost(s), 0);
    // The tag statement's size is bounded by its values; measured once the values are known, below.
    if (prefix !== undefined && untaggedChars + TAG_STATEMENT_ENVELOPE <= inlineBudget && untaggedChars < arnChars) {
      tagged.push({ identity, reads, arnChars });
      continue;
    }
    result.set(identity.id, managedLayout(declaration, identity, reads, arnChars, managedSlots, prefix));
  }
  const secretTags = assignGrantSets(tagged, prefix);
  for (const { identity, reads, arnChars } of tagged) {
    const taggedSecrets = reads.filter((s) => isTaggable(s, prefix!));
    const tagValues = [...new Set(taggedSecrets.map((s) => secretTags.get(s.id)!))].sort();
    const untaggedChars = arnChars - taggedSecrets.reduce((sum, s) => sum + arnCost(s), 0);
    const tagChars = TAG_STATEMENT_ENVELOPE + ownedPrefixArn(taggedSecrets[0], prefix!).length + tagValues.reduce((sum, v) => sum + v.length + 3, 0);
    if (untaggedChars + tagChars > inlineBudget) {
      result.set(identity.id, managedLayout(declaration, identity, reads, arnChars, managedSlots, prefix));
      continue;
    }
    result.set(identity.id, {
      policyForm: {
        form: 'tag-and-prefix',
        reason: `${reads.length} exact ARNs (${arnChars} characters) exceed the inline policy (${inlineBudget} characters for reads): ` +
          `${taggedSecrets.length} secrets created under the owned prefix "${prefix}" are read by tag ${GRANT_SET_TAG_KEY} ` +
          `(${tagValues.length} value${tagValues.length === 1 ? '' : 's'}), ${reads.length - taggedSecrets.length} by exact ARN`,
      },
      layout: { taggedSecrets, taggedResource: ownedPrefixArn(taggedSecrets[0], prefix!), tagValues, managedPolicies: [] },
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
function assignGrantSets(tagged: readonly Candidate[], prefix: string | undefined): Map<string, string> {
  const readers = new Map<string, string[]>();
  for (const { identity, reads } of tagged) {
    reads.filter((s) => isTaggable(s, prefix)).forEach((s) => {
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

function managedLayout(declaration: DeclarationView, identity: IdentityPlan, reads: readonly AwsSecretDeclaration[], arnChars: number, slots: number, prefix: string | undefined): {
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
  if (chunks.length > slots) {
    const taggable = reads.filter((s) => isTaggable(s, prefix)).length;
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
    layout: { taggedSecrets: [], tagValues: [], managedPolicies: chunks },
  };
}
