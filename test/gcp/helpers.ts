import { App, TerraformStack, Testing } from 'cdktf';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GcpProject, IGcpProject } from '../../lib/gcp';

/** A synthesized stack, typed loosely for semantic assertions. */
export interface Synthesized {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly output?: Record<string, { readonly value: unknown }>;
  readonly [key: string]: unknown;
}

/** A stack with a google provider (cdktf validations require one). */
export function googleStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app as App, 'test');
  new GoogleProvider(stack, 'google', {});
  return stack;
}

/** The project most tests use: `shop-prod`, number 123456789012. */
export function shopProject(stack: TerraformStack, id = 'Project'): IGcpProject {
  return GcpProject.fromProjectAttributes(stack, id, { projectId: 'shop-prod', projectNumber: '123456789012' });
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
export function ref(stack: TerraformStack, element: { terraformResourceType: string; node: unknown }, attribute: string): string {
  return `\${${element.terraformResourceType}.${stack.getLogicalId(element as never)}.${attribute}}`;
}

/** Terraform address `<type>.<logical id>`, as used in depends_on. */
export function address(stack: TerraformStack, element: { terraformResourceType: string; node: unknown }): string {
  return `${element.terraformResourceType}.${stack.getLogicalId(element as never)}`;
}

/** Every resource type whose name grants roles on a whole project, folder or organization. */
export function projectWideIamTypes(out: Synthesized): string[] {
  return Object.keys(out.resource ?? {}).filter((type) => /^google_(project|folder|organization)_iam_/.test(type));
}

/** Every IAM binding (any google_*_iam_member / _binding) whose role is a Secret Manager role, with its type. */
export function secretManagerBindings(out: Synthesized): Array<{ type: string; body: Record<string, unknown> }> {
  const found: Array<{ type: string; body: Record<string, unknown> }> = [];
  for (const [type, byId] of Object.entries(out.resource ?? {})) {
    if (!/_iam_(member|binding|policy)$/.test(type)) {
      continue;
    }
    for (const body of Object.values(byId)) {
      if (typeof body.role === 'string' && body.role.startsWith('roles/secretmanager.')) {
        found.push({ type, body });
      }
    }
  }
  return found;
}
