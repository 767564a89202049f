// Test helpers for lib/vault: a stack with a Vault provider, synth with validations, semantic lookups.
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { synthTerraform, TerraformJson } from '../helpers/terraform';

/** A fresh stack with a default Vault provider. */
export function vaultStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new VaultProvider(stack, 'vault', { address: 'https://vault.example.com:8200' });
  return stack;
}

/** Full synth with validations on. */
export function synth(stack: TerraformStack): TerraformJson {
  return synthTerraform(stack);
}

/** Resources of a type, by body. */
export function all(json: TerraformJson, type: string): Array<Record<string, unknown>> {
  return Object.values(json.resource?.[type] ?? {});
}

/** The one resource of a type whose attribute equals a value. */
export function one(json: TerraformJson, type: string, attribute: string, value: unknown): Record<string, unknown> {
  const found = all(json, type).filter((r) => r[attribute] === value);
  if (found.length !== 1) {
    throw new Error(`expected one ${type} with ${attribute}=${JSON.stringify(value)}, found ${found.length}`);
  }
  return found[0];
}

/** Parses the HCL a `vault_policy` holds back into `{path: capabilities}` (the compiler's own format). */
export function policyRules(hcl: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of String(hcl).matchAll(/path "([^"]+)" \{\n {2}capabilities = \[([^\]]*)\]\n\}/g)) {
    out[m[1]] = m[2].split(', ').map((c) => c.replace(/"/g, ''));
  }
  return out;
}

/** The validation errors of a construct tree (what `Testing.synth(stack, true)` would throw). */
export function validationErrors(stack: TerraformStack): string[] {
  try {
    Testing.synth(stack, true);
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}
