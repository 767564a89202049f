/**
 * Engine-free IAM policy JSON types and helpers. Documents are plain data, rendered with
 * `JSON.stringify` once, and normalized (sorted, de-duplicated) so output is deterministic.
 */
import { invalidPolicyStatement } from '../../core/errors';
import { assertShape } from '../../core/validation';

/** The IAM policy language version every document of this library uses. */
export const IAM_POLICY_VERSION = '2012-10-17';

/** Effect of a statement. */
export enum PolicyEffect {
  /** The statement grants the actions. */
  ALLOW = 'Allow',
  /** The statement denies the actions (wins over any Allow). */
  DENY = 'Deny',
}

/** Condition block: operator (e.g. `StringEquals`) to condition key to value(s). */
export interface PolicyConditions {
  readonly [operator: string]: { readonly [conditionKey: string]: string | readonly string[] };
}

/** Principal block of a resource or trust policy. */
export interface PolicyPrincipalJson {
  /**
   * IAM principals (account root, role or user ARNs).
   * @default - none
   */
  readonly AWS?: string | readonly string[];
  /**
   * Service principals, e.g. "pods.eks.amazonaws.com".
   * @default - none
   */
  readonly Service?: string | readonly string[];
  /**
   * Federated principals, e.g. an IAM OIDC provider ARN.
   * @default - none
   */
  readonly Federated?: string | readonly string[];
}

/** One IAM policy statement, in the JSON shape IAM reads. */
export interface PolicyStatementJson {
  /**
   * Statement ID: letters and digits only.
   * @default - no Sid
   */
  readonly Sid?: string;
  /** Allow or Deny. */
  readonly Effect: PolicyEffect;
  /**
   * Who the statement applies to (resource and trust policies only).
   * @default - none (identity policies)
   */
  readonly Principal?: PolicyPrincipalJson;
  /** Actions, e.g. `secretsmanager:GetSecretValue`. */
  readonly Action: readonly string[];
  /**
   * Resource ARNs or patterns.
   * @default - none (trust policies)
   */
  readonly Resource?: readonly string[];
  /**
   * Conditions.
   * @default - unconditional
   */
  readonly Condition?: PolicyConditions;
}

/** An IAM policy document. */
export interface PolicyDocumentJson {
  /** Always {@link IAM_POLICY_VERSION}. */
  readonly Version: string;
  /** The statements, in a deterministic order. */
  readonly Statement: readonly PolicyStatementJson[];
}

const SID = /^[A-Za-z0-9]*$/;

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function normalizePrincipal(principal: PolicyPrincipalJson): PolicyPrincipalJson {
  if (typeof principal === 'string') {
    return principal;
  }
  const out: { AWS?: string | string[]; Service?: string | string[]; Federated?: string | string[] } = {};
  for (const key of ['AWS', 'Federated', 'Service'] as const) {
    const value = principal[key];
    if (value === undefined) {
      continue;
    }
    out[key] = typeof value === 'string' ? value : sortedUnique(value);
  }
  return out;
}

/** Sorts condition operators, keys and list values so equal conditions serialize equally. */
export function normalizeConditions(conditions: PolicyConditions): PolicyConditions {
  const out: Record<string, Record<string, string | string[]>> = {};
  for (const operator of Object.keys(conditions).sort()) {
    const block = conditions[operator];
    const sortedBlock: Record<string, string | string[]> = {};
    for (const key of Object.keys(block).sort()) {
      const value = block[key];
      if (typeof value === 'string') {
        sortedBlock[key] = value;
      } else {
        const list = sortedUnique(value);
        sortedBlock[key] = list.length === 1 ? list[0] : list;
      }
    }
    out[operator] = sortedBlock;
  }
  return out;
}

/**
 * Returns a normalized copy of a statement: sorted, de-duplicated actions, resources and
 * condition values; keys in the order Sid, Effect, Principal, Action, Resource, Condition.
 * Throws the library's error for an empty action list, an empty resource list or a bad Sid.
 */
export function normalizeStatement(statement: PolicyStatementJson, path: string, prop: string): PolicyStatementJson {
  assertShape(path, prop, statement, {
    'Sid?': 'string',
    'Effect': { enum: PolicyEffect, name: 'PolicyEffect' },
    'Principal?': { oneOf: ['string', { shape: { 'AWS?': { oneOf: ['string', 'stringArray'], name: 'a string or an array of strings' }, 'Service?': { oneOf: ['string', 'stringArray'], name: 'a string or an array of strings' }, 'Federated?': { oneOf: ['string', 'stringArray'], name: 'a string or an array of strings' } } }], name: 'a principal block ({ AWS, Service, Federated })' },
    'Action': 'stringArray',
    'Resource?': 'stringArray',
    'Condition?': 'object',
  });
  for (const key of ['NotAction', 'NotResource', 'NotPrincipal'] as const) {
    if ((statement as unknown as Record<string, unknown>)[key] !== undefined) {
      throw invalidPolicyStatement(path, `${prop}.${key}`, (statement as unknown as Record<string, unknown>)[key],
        'Action, Resource and Principal only (NotAction, NotResource and NotPrincipal grant everything except what they list)', `list what is granted with ${key.slice(3)}`);
    }
  }
  if (statement.Sid !== undefined && !SID.test(statement.Sid)) {
    throw invalidPolicyStatement(path, `${prop}.Sid`, statement.Sid, 'letters and digits only', 'remove spaces, dashes and underscores from the Sid');
  }
  if (!Array.isArray(statement.Action) || statement.Action.length === 0) {
    throw invalidPolicyStatement(path, `${prop}.Action`, statement.Action, 'a non-empty list of actions', 'list the actions, e.g. ["secretsmanager:GetSecretValue"]');
  }
  if (statement.Resource !== undefined && (!Array.isArray(statement.Resource) || statement.Resource.length === 0)) {
    throw invalidPolicyStatement(path, `${prop}.Resource`, statement.Resource, 'a non-empty list of resource ARNs', 'list the ARNs the actions apply to');
  }
  const out: {
    Sid?: string; Effect: PolicyEffect; Principal?: PolicyPrincipalJson; Action: string[];
    Resource?: string[]; Condition?: PolicyConditions;
  } = { Effect: statement.Effect, Action: [] };
  if (statement.Sid !== undefined && statement.Sid !== '') {
    out.Sid = statement.Sid;
  }
  out.Effect = statement.Effect;
  if (statement.Principal !== undefined) {
    out.Principal = normalizePrincipal(statement.Principal);
  }
  out.Action = sortedUnique(statement.Action);
  if (statement.Resource !== undefined) {
    out.Resource = sortedUnique(statement.Resource);
  }
  if (statement.Condition !== undefined && Object.keys(statement.Condition).length > 0) {
    out.Condition = normalizeConditions(statement.Condition);
  }
  // Rebuild in canonical key order.
  const ordered: Record<string, unknown> = {};
  for (const key of ['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition'] as const) {
    if (out[key] !== undefined) {
      ordered[key] = out[key];
    }
  }
  return ordered as unknown as PolicyStatementJson;
}

/** Builds a policy document from statements (kept in the given order). */
export function policyDocument(statements: readonly PolicyStatementJson[]): PolicyDocumentJson {
  return { Version: IAM_POLICY_VERSION, Statement: [...statements] };
}
