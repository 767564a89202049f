/**
 * A small IAM policy evaluator for tests: enough of IAM's documented evaluation logic to simulate the
 * identity policies this library emits (and the service control policy it documents) against real
 * requests. Explicit Deny wins, then any Allow, else implicit deny. Actions match case-insensitively
 * with `*`/`?`; resources match case-sensitively with `*`/`?`. Conditions: String(Not)Equals(IgnoreCase),
 * String(Not)Like, Arn(Not)Equals, Arn(Not)Like, with the `ForAllValues:` / `ForAnyValue:` set
 * qualifiers; keys `aws:ResourceTag/<k>`, `secretsmanager:ResourceTag/<k>`, `ssm:resourceTag/<k>`,
 * `aws:RequestTag/<k>`, `aws:TagKeys`, `aws:PrincipalArn` and any other context key given (condition
 * key names and tag keys in them match case-insensitively, values case-sensitively unless IgnoreCase).
 */

/** One statement as IAM reads it (only what this library emits is supported). */
export interface EvalStatement {
  readonly Effect: string;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A policy document. */
export interface EvalPolicy {
  readonly Statement: readonly EvalStatement[];
}

/** A request to evaluate. */
export interface EvalRequest {
  /** `service:Action`. */
  readonly action: string;
  /** The resource ARN (for Secrets Manager: with its random 6-character suffix). */
  readonly resource: string;
  /** Tags on the resource. */
  readonly resourceTags?: Readonly<Record<string, string>>;
  /** Tags in the request (CreateSecret, TagResource). */
  readonly requestTags?: Readonly<Record<string, string>>;
  /** Tag keys in the request (UntagResource); defaults to the request tags' keys. */
  readonly tagKeys?: readonly string[];
  /** The caller. */
  readonly principalArn?: string;
  /** Other context keys. */
  readonly context?: Readonly<Record<string, string>>;
}

/** The outcome. */
export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

function list(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

const compiled = new Map<string, RegExp>();

function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = compiled.get(cacheKey);
  if (re === undefined) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    compiled.set(cacheKey, re);
  }
  return re.test(value);
}

/** The values a condition key has in the request (undefined when absent). */
function contextValues(request: EvalRequest, key: string): string[] | undefined {
  const lower = key.toLowerCase();
  const tag = /^(aws|secretsmanager|ssm):resourcetag\/(.+)$/.exec(lower);
  const find = (tags: Readonly<Record<string, string>> | undefined, wanted: string) => {
    const hit = Object.entries(tags ?? {}).find(([k]) => k.toLowerCase() === wanted);
    return hit === undefined ? undefined : [hit[1]];
  };
  if (tag !== null) {
    return find(request.resourceTags, tag[2]);
  }
  const requestTag = /^aws:requesttag\/(.+)$/.exec(lower);
  if (requestTag !== null) {
    return find(request.requestTags, requestTag[1]);
  }
  if (lower === 'aws:tagkeys') {
    const keys = [...request.tagKeys ?? Object.keys(request.requestTags ?? {})];
    return keys.length === 0 ? undefined : keys;
  }
  if (lower === 'aws:principalarn') {
    return request.principalArn === undefined ? undefined : [request.principalArn];
  }
  const hit = Object.entries(request.context ?? {}).find(([k]) => k.toLowerCase() === lower);
  return hit === undefined ? undefined : [hit[1]];
}

function operatorMatches(base: string, policyValue: string, value: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
    case 'ArnEquals':
    case 'ArnNotEquals':
      return policyValue === value;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return policyValue.toLowerCase() === value.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
    case 'ArnLike':
    case 'ArnNotLike':
      return wildcard(policyValue, value, false);
    default:
      throw new Error(`condition operator ${base} is not supported by the test evaluator`);
  }
}

function conditionHolds(operator: string, key: string, policyValues: string[], request: EvalRequest): boolean {
  const [qualifier, base] = operator.includes(':') ? operator.split(':') : ['', operator];
  const negated = /Not/.test(base);
  const values = contextValues(request, key);
  const matchesOne = (value: string) => policyValues.some((p) => operatorMatches(base, p, value));
  if (qualifier === 'ForAllValues') {
    // Every request value in the policy's set (true when the key is absent, as IAM documents).
    return values === undefined || values.every((v) => (negated ? !matchesOne(v) : matchesOne(v)));
  }
  if (qualifier === 'ForAnyValue') {
    return values !== undefined && values.some((v) => (negated ? !matchesOne(v) : matchesOne(v)));
  }
  if (values === undefined) {
    // A negated operator holds when the key is absent; a positive one does not.
    return negated;
  }
  return negated ? !values.some(matchesOne) : values.some(matchesOne);
}

function statementApplies(statement: EvalStatement, request: EvalRequest): boolean {
  if (!list(statement.Action).some((a) => wildcard(a, request.action, true))) {
    return false;
  }
  if (!list(statement.Resource ?? '*').some((r) => wildcard(r, request.resource, false))) {
    return false;
  }
  for (const [operator, byKey] of Object.entries(statement.Condition ?? {})) {
    for (const [key, value] of Object.entries(byKey)) {
      if (!conditionHolds(operator, key, list(value), request)) {
        return false;
      }
    }
  }
  return true;
}

/** Evaluates identity policies (and optional guardrail policies that only Deny, like an SCP) for one request. */
export function evaluate(identityPolicies: readonly EvalPolicy[], request: EvalRequest, guardrails: readonly EvalPolicy[] = []): Decision {
  const statements = [...identityPolicies, ...guardrails].flatMap((p) => p.Statement);
  if (statements.some((s) => s.Effect === 'Deny' && statementApplies(s, request))) {
    return 'explicit-deny';
  }
  return identityPolicies.flatMap((p) => p.Statement).some((s) => s.Effect === 'Allow' && statementApplies(s, request)) ? 'allow' : 'implicit-deny';
}
