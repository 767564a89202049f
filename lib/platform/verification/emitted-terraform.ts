/**
 * Read-back of a stack's synthesized resources for output verification: each resource's configuration
 * as `cdk.tf.json` holds it (attributes, overrides included, references resolved to Terraform
 * expressions such as `${aws_kms_key.x.arn}`), indexed by resource type in one pass over the stack.
 * References stay symbolic: the expected side resolves the plan's constructs the same way, so a grant
 * on `${aws_secretsmanager_secret.x.arn}` is compared with the secret the plan names, never skipped.
 */
import { App, DefaultTokenResolver, StringConcat, TerraformOutput, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/** The resolver cdktf's synth uses (tokens become Terraform expressions, strings concatenated). */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** One synthesized resource. */
export interface EmittedResource {
  /** `<type>.<logical id>`, as Terraform addresses it. */
  readonly address: string;
  /** Its configuration, resolved (what `cdk.tf.json` holds under `resource.<type>.<id>`). */
  readonly body: Readonly<Record<string, unknown>>;
}

/** The synthesized resources of one stack, read back once per validation. */
export class EmittedTerraform {
  /** The read-back of the stack holding `scope`. */
  public static of(scope: IConstruct): EmittedTerraform {
    return new EmittedTerraform(TerraformStack.of(scope));
  }

  private byType?: Map<string, TerraformResource[]>;
  private references?: ReadonlyMap<string, string>;
  private readonly bodies = new Map<TerraformResource, EmittedResource>();

  private constructor(private readonly stack: TerraformStack) {}

  /** Every resource of a Terraform type in the stack, in construct order. */
  /** Whether a construct is in the stack read (with `SecretsPlatformStacks`, each stack is verified on its own). */
  public holds(construct: IConstruct): boolean {
    return TerraformStack.of(construct) === this.stack;
  }

  public resources(type: string): EmittedResource[] {
    return (this.index().get(type) ?? []).map((r) => this.read(r));
  }

  /** Every resource of a Terraform type under a construct. */
  public under(scope: IConstruct, type: string): EmittedResource[] {
    return scope.node.findAll()
      .filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === type)
      .map((r) => this.read(r));
  }

  /** A value (a token, a list, an object) resolved the way the synthesized JSON holds it. */
  public resolve(value: unknown): unknown {
    return this.resolveIn(value);
  }

  /** A string value resolved; `undefined` stays undefined. */
  public text(value: string | undefined): string | undefined {
    return value === undefined ? undefined : String(this.resolveIn(value));
  }

  private resolveIn(value: unknown): unknown {
    const resolved: unknown = Tokenization.resolve(value, { scope: this.stack, preparing: false, resolver: RESOLVER });
    const references = this.crossStackReferences();
    return references.size === 0 ? resolved : withOriginReferences(resolved, references);
  }

  /**
   * With `SecretsPlatformStacks`, a shard refers to the shared stack's resources through cdktf's
   * cross-stack references (`data.terraform_remote_state.<input>.outputs.<output>`): each output name
   * here maps to the expression it carries in its own stack (`aws_kms_key.<id>.arn`), so emitted and
   * planned references compare as the same resource attribute wherever they were resolved.
   */
  private crossStackReferences(): ReadonlyMap<string, string> {
    if (this.references === undefined) {
      const references = new Map<string, string>();
      if (this.stack.node.children.some((c) => c.node.id.startsWith('cross-stack-reference-input-'))) {
        for (const stack of App.of(this.stack).node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c) && c !== this.stack)) {
          for (const output of stack.node.children.filter((c): c is TerraformOutput => c instanceof TerraformOutput && c.node.id.startsWith('cross-stack-output-'))) {
            const expression = String(Tokenization.resolve(output.value, { scope: stack, preparing: false, resolver: RESOLVER }));
            references.set(output.friendlyUniqueId, expression.replace(/^\$\{(.*)\}$/, '$1'));
          }
        }
      }
      this.references = references;
    }
    return this.references;
  }

  private index(): Map<string, TerraformResource[]> {
    if (this.byType === undefined) {
      this.byType = new Map();
      for (const construct of this.stack.node.findAll()) {
        if (construct instanceof TerraformResource) {
          const list = this.byType.get(construct.terraformResourceType) ?? [];
          list.push(construct);
          this.byType.set(construct.terraformResourceType, list);
        }
      }
    }
    return this.byType;
  }

  private read(resource: TerraformResource): EmittedResource {
    let found = this.bodies.get(resource);
    if (found === undefined) {
      const json = this.resolveIn(resource.toTerraform()) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
      const body = json.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId] ?? {};
      found = { address: `${resource.terraformResourceType}.${resource.friendlyUniqueId}`, body };
      this.bodies.set(resource, found);
    }
    return found;
  }
}

/** A string attribute of an emitted body, or `undefined`. */
export function stringAttribute(body: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** A list attribute of an emitted body as strings (a single string counts as a list of one). */
export function stringList(body: Readonly<Record<string, unknown>>, name: string): string[] {
  const value = body[name];
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

const REMOTE_OUTPUT = /data\.terraform_remote_state\.[A-Za-z0-9_-]+\.outputs\.([A-Za-z0-9_-]+)/g;

/** A resolved value with each cross-stack output reference replaced by the expression it carries in its stack. */
function withOriginReferences(value: unknown, references: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    return value.includes('terraform_remote_state') ? value.replace(REMOTE_OUTPUT, (found, output: string) => references.get(output) ?? found) : value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => withOriginReferences(v, references));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withOriginReferences(v, references)]));
  }
  return value;
}
