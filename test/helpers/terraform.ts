import { TerraformStack, Testing } from 'cdktf';

/** A synthesized Terraform JSON document (cdk.tf.json). */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly ephemeral?: Record<string, Record<string, Record<string, unknown>>>;
  readonly [key: string]: unknown;
}

/** Full synth of a stack with validations on, parsed. */
export function synthTerraform(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack, true)) as TerraformJson;
}

/** All resources of a type, as a list of their bodies (order of the synthesized JSON). */
export function resourcesOf(json: TerraformJson, type: string): Array<Record<string, unknown>> {
  return Object.values(json.resource?.[type] ?? {});
}

/** The one resource of a type whose attribute equals a value. */
export function resourceWhere(json: TerraformJson, type: string, attribute: string, value: unknown): Record<string, unknown> {
  const found = resourcesOf(json, type).filter((r) => r[attribute] === value);
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${type} with ${attribute}=${JSON.stringify(value)}, found ${found.length}`);
  }
  return found[0];
}

/** The values object of the helm_release named `name`. */
export function helmValues(json: TerraformJson, name: string): Record<string, unknown> {
  const release = resourceWhere(json, 'helm_release', 'name', name);
  const values = release.values as string[];
  return JSON.parse(values[0]) as Record<string, unknown>;
}

/** A parsed IAM policy document attribute (`policy`, `assume_role_policy`). */
export interface PolicyJson {
  readonly Statement: Array<{ Sid?: string; Effect: string; Action: string | string[]; Resource?: string | string[]; Principal?: unknown; Condition?: Record<string, Record<string, unknown>> }>;
}

/** Parses an IAM policy JSON string. */
export function parsePolicy(policy: unknown): PolicyJson {
  return JSON.parse(policy as string) as PolicyJson;
}

/**
 * Attribute names through which a secret value could reach the synthesized output or the state: any of
 * them present in a resource is a leak (write-only `*_wo` attributes are the allowed path).
 */
export const VALUE_ATTRIBUTES = ['secret_string', 'secret_binary', 'value', 'password', 'content', 'sensitive_content'];

/** Every (type, id, attribute) where a value attribute is set, and every variable with a default. */
export function valueLeaks(json: TerraformJson): string[] {
  const leaks: string[] = [];
  for (const [type, byId] of Object.entries(json.resource ?? {})) {
    for (const [id, body] of Object.entries(byId)) {
      for (const attribute of VALUE_ATTRIBUTES) {
        if (attribute in body) {
          leaks.push(`${type}.${id}.${attribute}`);
        }
      }
    }
  }
  for (const [name, variable] of Object.entries(json.variable ?? {})) {
    if (variable.sensitive === true && 'default' in variable) {
      leaks.push(`variable.${name}.default`);
    }
  }
  return leaks;
}
