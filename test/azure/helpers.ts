import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';

/** A synthesized stack, typed loosely for semantic assertions. */
export interface Synthesized {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly output?: Record<string, { readonly value: unknown }>;
}

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const VAULT_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-shared';

/** A stack with an azurerm provider (cdktf validations require one). */
export function azureStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app as App, 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Synthesizes with validations on and parses the JSON. */
export function synth(stack: TerraformStack): Synthesized {
  return JSON.parse(Testing.synth(stack, true)) as Synthesized;
}

/** All resources of a type. */
export function resources(out: Synthesized, type: string): Record<string, unknown>[] {
  return Object.values(out.resource?.[type] ?? {});
}

/** The one resource of a type matching the predicate; fails when zero or several match. */
export function findResource(out: Synthesized, type: string, predicate: (r: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const matches = resources(out, type).filter(predicate);
  if (matches.length !== 1) {
    throw new Error(`expected one ${type} matching, found ${matches.length}`);
  }
  return matches[0];
}

/** Terraform reference to an attribute of a construct's resource: `${<type>.<logical id>.<attr>}`. */
export function ref(stack: TerraformStack, element: { terraformResourceType: string } & ConstructLike, attribute: string): string {
  return `\${${element.terraformResourceType}.${stack.getLogicalId(element as never)}.${attribute}}`;
}

/** Terraform address `<type>.<logical id>`, as used in depends_on. */
export function address(stack: TerraformStack, element: { terraformResourceType: string } & ConstructLike): string {
  return `${element.terraformResourceType}.${stack.getLogicalId(element as never)}`;
}

interface ConstructLike {
  readonly node: unknown;
}

/** Every key of every object in a JSON tree, recursively. */
export function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(allKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
  }
  return [];
}

/** Adds an output holding `value`, so a test can read what a token resolves to with {@link outputValue}. */
export function expose(stack: TerraformStack, name: string, value: unknown): void {
  new TerraformOutput(stack, name, { value });
}

/** The resolved value of an output added with {@link expose}. */
export function outputValue(out: Synthesized, name: string): unknown {
  return out.output?.[name]?.value;
}
