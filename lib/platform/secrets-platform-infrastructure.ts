import type { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsSecretDeclaration, AWS_BACKEND, AZURE_KEY_VAULT_BACKEND, ClusterDeclaration, EsoAuthModel, GOOGLE_SECRET_MANAGER_BACKEND,
  GoogleSecretDeclaration, IdentityPlan, KeyVaultDeclaration,
  KmsKeyDeclaration, SecretsDeclaration, VAULT_BACKEND, VaultSecretDeclaration, auditCoverage, backendModelOfSecret,
} from '../core/declaration';
import { unknownBackend } from '../core/errors';
import { IWorkloadIdentity, WorkloadIdentity } from '../core/identity';
import { loadOptionalPeer } from '../core/optional-peer';
import type { EsoWorkloadRole } from '../aws/eso-workload-role';
import type { IKmsKey } from '../aws/kms-key';
import type { ISecretsManagerSecret } from '../aws/secrets-manager-secret';
import type { ISsmSecureParameter } from '../aws/ssm-secure-parameter';
import type { IAzureKeyVault } from '../azure/key-vault';
import type { KeyVaultWorkloadIdentity } from '../azure/workload-identity';
import type { AwsCloudRenderer } from './backends/aws-cloud';
import type { AzureCloudRenderer } from './backends/azure-cloud';
import { CloudRenderContext, CloudRenderer, CloudRendererFactory, CloudRendererRegistration, RenderedIdentity } from './backends/cloud-renderer';
import { CLOUD_RENDERERS } from './backends/cloud-renderers';
import type { GoogleCloudRenderer, GooglePlatformIdentity } from './backends/google-cloud';
import type { IGoogleSecretManagerSecret } from '../gcp/secret-manager-secret';
import type { KubernetesWorkloadIdentityPool } from '../gcp/workload-identity-pool';
import type { VaultCloudRenderer } from './backends/vault-cloud';
import { recordIdentityClusters } from './identity-clusters';
import { verifyInfrastructure } from './verification/verify-infrastructure';
import { PLACEMENT, PlatformPlacement } from './private/placement';
import type { VaultJwtAuthRole } from '../vault/jwt-auth-role';
import type { VaultKubernetesAuthRole } from '../vault/kubernetes-auth-role';
import type { IVaultKvSecret } from '../vault/kv-secret';
import { assertDeclaration, assertPropsObject } from '../core/validation';

/** Props of {@link SecretsPlatformInfrastructure}. */
export interface SecretsPlatformInfrastructureProps {
  /** The declaration to render (the same module the cdk8s app renders). */
  readonly declaration: SecretsDeclaration;
}

/** A cloud identity the renderer created for an identity plan. */
export type PlatformIdentity = EsoWorkloadRole | KeyVaultWorkloadIdentity | GooglePlatformIdentity | VaultKubernetesAuthRole | VaultJwtAuthRole;

/**
 * Renders a {@link SecretsDeclaration} as cloud resources (cdktf), in a stack whose AWS and/or azurerm
 * providers the caller configures:
 *
 * - rotating KMS keys, Secrets Manager secrets and SecureString parameters (values only through
 *   sensitive variables or generated passwords, via write-only attributes);
 * - the IAM OIDC providers of clusters in other accounts (cross-account IRSA);
 * - per identity plan: an IRSA or Pod Identity role (name derived, trust pinned on `:sub` and `:aud`,
 *   policy compiled from the exact secrets, keys and actions its ExternalSecrets need), or an Azure
 *   user-assigned identity with one federated credential per cluster and Key Vault Secrets User on
 *   each secret it reads or a find matches (a find also lists the vault through the vault's
 *   `KeyVaultSecretsListRole`, which reads no value);
 * - Key Vaults (RBAC, purge protection, default-deny firewall) and Key Vault secrets;
 * - outputs `eso_role_arn_<identity>` / `eso_client_id_<identity>`.
 *
 * The Kubernetes side (`SecretsPlatformManifests`) renders the same declaration with literal names
 * that match these resources.
 */
export class SecretsPlatformInfrastructure extends Construct {
  private readonly declaration: SecretsDeclaration;
  private readonly renderers = new Map<string, CloudRenderer>();
  private readonly identities = new Map<string, RenderedIdentity>();
  private readonly variables = new Map<Construct, Map<string, TerraformVariable>>();
  /** Scope of the element being rendered or verified (`this`, or a shard's platform construct). */
  private current: Construct = this;

  constructor(scope: Construct, id: string, props: SecretsPlatformInfrastructureProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'SecretsPlatformInfrastructureProps');
    assertDeclaration(this.node.path, props.declaration);
    this.declaration = props.declaration;
    props.declaration.markRendered(this.node.path);
    const placement = (props as { readonly [PLACEMENT]?: PlatformPlacement })[PLACEMENT];
    const plan = props.declaration.plan();
    const current = () => this.current;
    const context: CloudRenderContext = {
      get scope() { return current(); },
      sharedScope: this,
      scopeOfSecrets: (secrets) => (placement ? placement.scopeOfSecrets(secrets, this) : this),
      declaration: props.declaration,
      sensitiveVariable: (name) => this.sensitiveVariable(name),
    };
    // Only the backends the declaration uses are loaded (each with its provider, an optional peer).
    const used = new Set<string>([
      ...props.declaration.secrets.map((secret) => backendModelOfSecret(secret.backend).kind),
      ...props.declaration.stores.map((store) => store.provider),
      ...plan.identities.map((identity) => identity.provider),
    ]);
    for (const registration of CLOUD_RENDERERS) {
      if (used.has(registration.kind) || registration.declaresResources(props.declaration)) {
        this.renderers.set(registration.kind, this.load(registration).create(context));
      }
    }
    this.renderers.forEach((renderer) => renderer.renderPrerequisites());
    for (const secret of props.declaration.secrets) {
      this.within(placement ? placement.secretScope(secret, this) : this, () => this.renderer(backendModelOfSecret(secret.backend).kind).renderSecret(secret));
    }
    for (const identity of plan.identities) {
      this.within(placement ? placement.identityScope(identity, this) : this, () => {
        const rendered = this.renderer(identity.provider).renderIdentity(identity);
        recordIdentityClusters(rendered, identity.clusters.map((c) => c.id));
        this.identities.set(identity.id, rendered);
      });
    }
    // The audit trail: checked against every backend in use, then rendered by each.
    const trail = props.declaration.audit;
    if (trail !== undefined) {
      auditCoverage(props.declaration, trail, `${props.declaration.name}/auditTrail`);
      this.renderers.forEach((renderer) => renderer.renderAudit?.(trail));
    }
    // Verified output: at synth, what was emitted is read back and compared with the plan (each stack on its own).
    this.node.addValidation({ validate: () => verifyInfrastructure(this, [...this.renderers.values()]) });
    for (const root of placement?.shardScopes ?? []) {
      root.node.addValidation({ validate: () => this.within(root, () => verifyInfrastructure(root, [...this.renderers.values()])) ?? [] });
    }
  }

  /** The cloud identity created for an identity plan (`declaration.plan().identities`). */
  public identity(plan: IdentityPlan): PlatformIdentity {
    return this.identities.get(plan.id)! as PlatformIdentity;
  }

  /**
   * The identity the ESO controller's service account carries on a cluster (stores with
   * `EsoAuthModel.CONTROLLER` or `CONTROLLER_SERVICE_ACCOUNT`), to pass to `EsoClusterAddons` /
   * `ExternalSecretsOperatorRelease`. When several backends use the controller's service account,
   * their identities are combined (every annotation, every pod label).
   * @returns undefined when no store on the cluster uses the controller's service account
   */
  public controllerIdentity(cluster: ClusterDeclaration): IWorkloadIdentity | undefined {
    const identities = this.declaration.plan().identities
      .filter((i) => i.authModel === EsoAuthModel.CONTROLLER && i.clusters.includes(cluster) && this.identities.has(i.id))
      .map((i) => this.identities.get(i.id)!);
    if (identities.length <= 1) {
      return identities[0];
    }
    const combined = WorkloadIdentity.combine(identities);
    recordIdentityClusters(combined, [cluster.id]);
    return combined;
  }

  /**
   * The IAM OIDC provider registered for a cluster's issuer (clusters outside the declaration's
   * account, and AKS/GKE/generic clusters that AWS identities trust).
   * @returns undefined when no provider was registered for the cluster
   */
  public oidcProvider(cluster: ClusterDeclaration): IamOpenidConnectProvider | undefined {
    return this.rendered<AwsCloudRenderer>(AWS_BACKEND)?.oidcProviders.get(cluster.id);
  }

  /** The KMS key rendered for a declared key. */
  public kmsKey(key: KmsKeyDeclaration): IKmsKey {
    return this.rendered<AwsCloudRenderer>(AWS_BACKEND)?.keys.get(key.id) as IKmsKey;
  }

  /** The Secrets Manager secret or SSM parameter rendered for a declared AWS secret. */
  public awsSecret(secret: AwsSecretDeclaration): ISecretsManagerSecret | ISsmSecureParameter {
    return this.rendered<AwsCloudRenderer>(AWS_BACKEND)?.secrets.get(secret.id) as ISecretsManagerSecret | ISsmSecureParameter;
  }

  /** The Key Vault rendered (or imported) for a declared vault. */
  public keyVault(vault: KeyVaultDeclaration): IAzureKeyVault {
    return this.rendered<AzureCloudRenderer>(AZURE_KEY_VAULT_BACKEND)?.vaults.get(vault.id) as IAzureKeyVault;
  }

  /** The Secret Manager secret rendered (or imported) for a declared Google secret. */
  public googleSecret(secret: GoogleSecretDeclaration): IGoogleSecretManagerSecret {
    return this.rendered<GoogleCloudRenderer>(GOOGLE_SECRET_MANAGER_BACKEND)?.secrets.get(secret.id) as IGoogleSecretManagerSecret;
  }

  /**
   * The workload identity pool created for a cluster outside GKE that Google Secret Manager stores serve.
   * @returns undefined when no Google identity federates the cluster
   */
  public googlePool(cluster: ClusterDeclaration): KubernetesWorkloadIdentityPool | undefined {
    return this.rendered<GoogleCloudRenderer>(GOOGLE_SECRET_MANAGER_BACKEND)?.pools.get(cluster.id);
  }

  /** The Vault KV key rendered (or imported) for a declared Vault secret. */
  public vaultSecret(secret: VaultSecretDeclaration): IVaultKvSecret {
    return this.rendered<VaultCloudRenderer>(VAULT_BACKEND)?.secrets.get(secret.id) as IVaultKvSecret;
  }

  /** The sensitive variable declared for `InitialValue.sensitiveVariable(name)` (with `SecretsPlatformStacks`, the first stack's). */
  public variable(name: string): TerraformVariable | undefined {
    return [...this.variables.values()].find((declared) => declared.has(name))?.get(name);
  }

  /** Runs a rendering step with `scope` as the scope of what it creates; skipped when the scope is not built. */
  private within<T>(scope: Construct | undefined, step: () => T): T | undefined {
    if (scope === undefined) {
      return undefined;
    }
    const previous = this.current;
    this.current = scope;
    try {
      return step();
    } finally {
      this.current = previous;
    }
  }

  /** The renderer of a backend the declaration uses, or undefined (the backend is not loaded). */
  private rendered<T extends CloudRenderer>(kind: string): T | undefined {
    return this.renderers.get(kind) as T | undefined;
  }

  private renderer(kind: string): CloudRenderer {
    const renderer = this.renderers.get(kind);
    if (!renderer) {
      throw unknownBackend(this.node.path, 'provider', kind, CLOUD_RENDERERS.map((r) => r.kind));
    }
    return renderer;
  }

  /** Loads a backend's renderer module; a missing provider fails with the install line that brings it. */
  private load(registration: CloudRendererRegistration): CloudRendererFactory {
    return loadOptionalPeer(this.node.path, registration.provider, `the ${registration.title} backend of SecretsPlatformInfrastructure`, () => registration.load());
  }

  private sensitiveVariable(name: string): TerraformVariable {
    // One variable per name in each stack that needs it (the stack of the secret being rendered).
    const declared = this.variables.get(this.current) ?? new Map<string, TerraformVariable>();
    this.variables.set(this.current, declared);
    let variable = declared.get(name);
    if (!variable) {
      variable = new TerraformVariable(this.current, `Variable-${name}`, {
        type: 'string', sensitive: true, nullable: false,
        description: `Initial value of a secret declared in ${this.declaration.name}; write-only, kept out of the state`,
      });
      variable.overrideLogicalId(name);
      // Ephemeral (Terraform >= 1.10) as well as sensitive: only write-only attributes read it, so
      // neither the state nor a saved plan holds the value.
      variable.addOverride('ephemeral', true);
      declared.set(name, variable);
    }
    return variable;
  }
}
