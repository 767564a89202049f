/**
 * The final self-check every identity policy of this library goes through: no statement may allow a
 * data-plane action (reading a secret value or decrypting) on every resource.
 */
import { isIamPrincipal } from '../../core/cloud-names';
import { wildcardAssumeRole, wildcardDataPlaneStatement, wildcardPrincipal } from '../../core/errors';
import { PolicyEffect, PolicyStatementJson } from './policy-document';

/** Actions that return secret material or decrypt it. */
export const DATA_PLANE_ACTIONS: readonly string[] = [
  'kms:Decrypt',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameterHistory',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
];

/** Resource types whose bare form (with only wildcards after it) means "every resource of the account". */
const RESOURCE_TYPES = ['secret', 'parameter', 'key', 'alias', 'role', 'user', 'policy'];

/** Actions that hand out another role's credentials. */
export const ASSUME_ROLE_ACTIONS: readonly string[] = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

const actionRegexCache = new Map<string, RegExp>();

function actionPattern(action: string): RegExp {
  let re = actionRegexCache.get(action);
  if (re === undefined) {
    const source = action.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${source}$`, 'i');
    actionRegexCache.set(action, re);
  }
  return re;
}

/** The first data-plane action an action (possibly with wildcards) allows, or undefined. */
export function matchDataPlaneAction(action: string): string | undefined {
  const re = actionPattern(action);
  return DATA_PLANE_ACTIONS.find((candidate) => re.test(candidate));
}

/**
 * True when a resource ARN (pattern) covers every secret, parameter, key or role of an account, or
 * everything: `*`, `arn:*`, any wildcard in the partition, service, region or account
 * (`arn:aws:secretsmanager:*:*:secret:x`), and a resource part made of its type and wildcards only
 * (`secret:*`, `secret:**`, `secret*`, `parameter/*`, `key/?*`, `role/*`).
 */
export function isEveryResource(resource: string): boolean {
  if (typeof resource !== 'string') {
    return true;
  }
  if (/^[*?]+$/.test(resource) || /^arn:[*?]/.test(resource)) {
    return true;
  }
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    return /[*?]/.test(resource);
  }
  if (parts.slice(1, 5).some((part) => /[*?]/.test(part))) {
    return true;
  }
  const rest = parts.slice(5).join(':');
  const bare = rest.replace(/[*?/:]+$/, '').replace(/[*?]+/g, '');
  if (bare === '' || RESOURCE_TYPES.includes(bare)) {
    return true;
  }
  // `secret:*x` or `parameter/*/x`: a wildcard right after the resource type still spans every name.
  return RESOURCE_TYPES.some((type) => new RegExp(`^${type}[:/]?[*?]`).test(rest));
}

/** The first assume-role action an action (possibly with wildcards) allows, or undefined. */
export function matchAssumeRoleAction(action: string): string | undefined {
  const re = actionPattern(action);
  return ASSUME_ROLE_ACTIONS.find((candidate) => re.test(candidate));
}

/**
 * Throws the library's error when an Allow statement grants a data-plane action on every resource
 * (`*`, `...:secret:*`, `parameter/*`, `key/*`) or has no Resource at all.
 */
export function assertNoWildcardDataPlane(statement: PolicyStatementJson, path: string, prop: string): void {
  if (statement.Effect !== PolicyEffect.ALLOW) {
    return;
  }
  const resources = statement.Resource ?? ['*'];
  const wild = resources.find(isEveryResource);
  if (wild === undefined) {
    return;
  }
  for (const action of statement.Action) {
    if (matchDataPlaneAction(action) !== undefined) {
      throw wildcardDataPlaneStatement(path, prop, action, wild);
    }
    if (matchAssumeRoleAction(action) !== undefined) {
      throw wildcardAssumeRole(path, prop, action, wild);
    }
  }
}

/**
 * Throws the library's error when an Allow statement of a resource policy (a KMS key policy) names a
 * wildcard principal: `"*"`, `{ AWS: "*" }`, or an ARN with `*`/`?` in it. Such a statement lets anyone
 * the rest of the policy does not stop use the key.
 */
export function assertNoWildcardPrincipal(statement: PolicyStatementJson, path: string, prop: string): void {
  if (statement.Effect !== PolicyEffect.ALLOW) {
    return;
  }
  const principal = statement.Principal as unknown;
  if (principal === undefined) {
    throw wildcardPrincipal(path, `${prop}.Principal`, 'no Principal (a key policy statement applies to its principals)');
  }
  if (typeof principal === 'string') {
    throw wildcardPrincipal(path, `${prop}.Principal`, principal);
  }
  for (const [kind, value] of Object.entries(principal as Record<string, unknown>)) {
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [value];
    list.forEach((v, i) => {
      const p = typeof value === 'string' ? `${prop}.Principal.${kind}` : `${prop}.Principal.${kind}[${i}]`;
      if (typeof v !== 'string') {
        throw wildcardPrincipal(path, p, String(v));
      }
      if (/[*?]/.test(v) || kind === 'AWS' && !/\$\{/.test(v) && !isIamPrincipal(v)) {
        throw wildcardPrincipal(path, p, v);
      }
    });
  }
}
