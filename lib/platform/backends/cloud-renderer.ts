/**
 * The cdktf side of a backend: its secrets, its identities and their grants. One implementation per
 * backend (`aws-cloud.ts`, `azure-cloud.ts`, …), registered once in `cloud-renderers.ts` and loaded
 * (with its provider) only when a declaration uses the backend; `SecretsPlatformInfrastructure`
 * dispatches through it and holds no per-backend branch.
 */
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AuditTrailDeclaration, IdentityPlan, SecretDeclaration, SecretsDeclaration } from '../../core/declaration';
import { IWorkloadIdentity } from '../../core/identity';
import { EmittedTerraform } from '../verification/emitted-terraform';
import { OutputFinding } from '../verification/output-rules';

/** What the infrastructure construct shares with every backend's cloud renderer. */
export interface CloudRenderContext {
  /**
   * Scope of the element being rendered or verified: the `SecretsPlatformInfrastructure`, or with
   * `SecretsPlatformStacks` the platform construct of the element's stack.
   */
  readonly scope: Construct;
  /**
   * Scope of the resources several identities or secrets share, created on first use (IAM OIDC
   * providers, Google projects and workload identity pools): the `SecretsPlatformInfrastructure`,
   * in the shared stack when sharded.
   */
  readonly sharedScope: Construct;
  /** The declaration being rendered. */
  readonly declaration: SecretsDeclaration;
  /**
   * Scope of a resource only some secrets use (a KMS key, a Key Vault): with `SecretsPlatformStacks`,
   * the stack of those secrets when they are all in one shard, else the shared stack; undefined when
   * that shard is not built. Without sharding, the `SecretsPlatformInfrastructure`.
   */
  scopeOfSecrets(secrets: readonly SecretDeclaration[]): Construct | undefined;
  /** The sensitive, ephemeral variable `name` (declared once, shared by every backend). */
  sensitiveVariable(name: string): TerraformVariable;
}

/** A cloud identity a renderer created (an IAM role, an Entra identity, …). */
export type RenderedIdentity = IWorkloadIdentity & Construct;

/** The cdktf part of a backend, created once per `SecretsPlatformInfrastructure`. */
export interface CloudRenderer {
  /** Kind of the backend module (`BackendModel.kind`). */
  readonly kind: string;
  /** Renders what the backend's secrets need first (KMS keys, vaults). */
  renderPrerequisites(): void;
  /** Renders (or imports) one declared secret of this backend. */
  renderSecret(secret: SecretDeclaration): void;
  /** Renders one identity of this backend, its trust and its grants (exactly the plan's reads, finds and pushes). */
  renderIdentity(plan: IdentityPlan): RenderedIdentity;
  /**
   * Output verification, at synth: reads back what this backend emitted (grants, trusts) and returns
   * every difference with the plan of the identities it rendered (emitted grants ⊆ planned grants,
   * emitted trust = planned trust). The expected side is derived from the plan, not from the renderer.
   */
  verify(emitted: EmittedTerraform): OutputFinding[];
  /**
   * Renders what makes every read of this backend's secrets land in an audit log (the declaration's
   * `auditTrail()`, its coverage already checked). Absent when the provider needs nothing rendered.
   */
  renderAudit?(trail: AuditTrailDeclaration): void;
}

/** Creates a backend's cloud renderer for one infrastructure construct. */
export interface CloudRendererFactory {
  /** Kind of the backend module. */
  readonly kind: string;
  /** A renderer bound to the context. */
  create(context: CloudRenderContext): CloudRenderer;
}

/**
 * A backend's cloud renderer as registered: what the infrastructure knows before loading it. The
 * module (and the provider it imports) is loaded only for a declaration that uses the backend.
 */
export interface CloudRendererRegistration {
  /** Kind of the backend module (`BackendModel.kind`). */
  readonly kind: string;
  /** What the backend is called in messages (`Azure Key Vault`). */
  readonly title: string;
  /** The optional provider peer the renderer creates its resources with (`@cdktf/provider-azurerm`). */
  readonly provider: string;
  /**
   * Whether the declaration declares resources of the backend besides its secrets, stores and
   * identities (KMS keys, Key Vaults, Vault servers).
   */
  declaresResources(declaration: SecretsDeclaration): boolean;
  /** Loads the renderer's module (`require`); called at most once per process. */
  load(): CloudRendererFactory;
}

/**
 * Whether two constructs are in the same stack. A grant a cloud attaches to a secret (an Azure role
 * assignment, a Google IAM member) is created beside the secret when its identity is in the same stack,
 * else in the identity's stack (`SecretsPlatformStacks`), so a shared stack never refers to a shard.
 */
export function sameStack(a: IConstruct, b: IConstruct): boolean {
  return TerraformStack.of(a) === TerraformStack.of(b);
}

/** Declared secrets grouped by the resource they belong to (their Key Vault, their KMS key), in declaration order. */
export function secretsByOwner(secrets: readonly SecretDeclaration[], owner: (secret: SecretDeclaration) => string | undefined): Map<string, SecretDeclaration[]> {
  const grouped = new Map<string, SecretDeclaration[]>();
  for (const secret of secrets) {
    const id = owner(secret);
    if (id !== undefined) {
      const list = grouped.get(id) ?? [];
      list.push(secret);
      grouped.set(id, list);
    }
  }
  return grouped;
}
