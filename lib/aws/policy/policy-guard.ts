/**
 * The final self-check every identity policy of this library goes through: no statement may allow a
 * data-plane action (reading a secret value or decrypting) on every resource.
 */
import { wildcardDataPlaneStatement } from '../../core/errors';
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

/** Resource parts (after `arn:partition:service:region:account:`) that mean "every resource". */
const EVERY_RESOURCE = new Set(['*', 'secret:*', 'secret*', 'parameter*', 'parameter/*', 'key*', 'key/*', 'alias*', 'alias/*']);

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

/** True when a resource ARN (pattern) covers every secret, parameter or key of an account, or everything. */
export function isEveryResource(resource: string): boolean {
  if (resource === '*' || resource === 'arn:*') {
    return true;
  }
  const parts = resource.split(':');
  if (parts.length < 6) {
    return resource.includes('*');
  }
  return EVERY_RESOURCE.has(parts.slice(5).join(':'));
}

/**
 * Throws the library's error when an Allow statement grants a data-plane action on every resource
 * (`*`, `...:secret:*`, `parameter/*`, `key/*`) or has no Resource at all.
 */
export function assertNoWildcardDataPlane(statement: PolicyStatementJson, path: string, prop: string): void {
  if (statement.Effect !== PolicyEffect.ALLOW) {
    return;
  }
  for (const action of statement.Action) {
    const dataPlane = matchDataPlaneAction(action);
    if (dataPlane === undefined) {
      continue;
    }
    const resources = statement.Resource ?? ['*'];
    const wild = resources.find(isEveryResource);
    if (wild !== undefined) {
      throw wildcardDataPlaneStatement(path, prop, action, wild);
    }
  }
}
