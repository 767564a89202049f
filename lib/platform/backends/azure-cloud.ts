/**
 * The cdktf part of the Azure Key Vault backend: vaults (RBAC, purge protection, default-deny
 * firewall), secrets, and per identity a user-assigned identity with one federated credential per
 * cluster and Key Vault roles on exactly the secrets it reads (directly or through a find) or writes;
 * a find also lists the vault through a custom role that reads no value.
 */
import type { MonitorDiagnosticSetting as MonitorDiagnosticSettingType } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { TerraformOutput } from 'cdktf';
import {
  AZURE_KEY_VAULT_BACKEND, AuditTrailDeclaration, AzureStoreDeclaration, SecretBackend, IdentityPlan, KeyVaultDeclaration, KeyVaultSecretDeclaration,
  SecretDeclaration, azureAssignments, azureFederatedCredentialName, azureSecretsPerVault, clientIdOutputName, clusterIssuerUrl,
} from '../../core/declaration';
import { Construct, IConstruct } from 'constructs';
import { grantKeyVaultRole } from '../../azure/private/grant';
import { IKeyVaultRoleDefinition, KeyVaultRole } from '../../azure/role-assignment';
import { AzureKeyVault, IAzureKeyVault } from '../../azure/key-vault';
import { secretsListRoleOf } from '../../azure/private/list-role';
import { AzureKeyVaultSecret, IAzureKeyVaultSecret, KeyVaultSecretValue } from '../../azure/key-vault-secret';
import { KeyVaultWorkloadIdentity } from '../../azure/workload-identity';
import { EmittedTerraform } from '../verification/emitted-terraform';
import { OutputFinding } from '../verification/output-rules';
import { verifyAzure } from './azure-verify';
import { CloudRenderContext, CloudRenderer, CloudRendererFactory, sameStack, secretsByOwner } from './cloud-renderer';

/** The Azure Key Vault cloud renderer of one infrastructure construct. */
export class AzureCloudRenderer implements CloudRenderer {
  public readonly kind = AZURE_KEY_VAULT_BACKEND;
  /** Vaults by declared vault id. */
  public readonly vaults = new Map<string, IAzureKeyVault>();
  /** Secrets by declared secret id. */
  public readonly secrets = new Map<string, IAzureKeyVaultSecret>();
  private readonly rendered: Array<{ readonly plan: IdentityPlan; readonly identity: KeyVaultWorkloadIdentity }> = [];
  private counts?: ReadonlyMap<KeyVaultDeclaration, number>;

  constructor(private readonly context: CloudRenderContext) {}

  public verify(emitted: EmittedTerraform): OutputFinding[] {
    if (this.rendered.length === 0) {
      return [];
    }
    return verifyAzure({
      scope: this.context.scope,
      identities: this.rendered.filter(({ identity }) => emitted.holds(identity)).map(({ plan, identity }) => ({ plan, principalId: identity.principalId, id: identity.resource.id })),
      secretScope: (id) => this.secrets.get(id)!.resourceId,
      vaultScope: (id) => this.vaults.get(id)!.vaultId,
      secretsPerVault: this.secretsPerVault(),
    }, emitted);
  }

  public renderPrerequisites(): void {
    const secretsOf = secretsByOwner(this.context.declaration.secrets,
      (secret) => (secret.backend === SecretBackend.AZURE_KEY_VAULT ? (secret as KeyVaultSecretDeclaration).vault.id : undefined));
    for (const vault of this.context.declaration.keyVaults) {
      // A vault whose secrets are all in one shard lives in that shard's stack (SecretsPlatformStacks).
      const scope = this.context.scopeOfSecrets(secretsOf.get(vault.id) ?? []);
      if (scope !== undefined) {
        this.vaults.set(vault.id, this.renderVault(vault, scope));
      }
    }
  }

  /** A diagnostic setting `eso-audit` (category `AuditEvent`) on every declared vault, to the declared destination. */
  public renderAudit(trail: AuditTrailDeclaration): void {
    const destination = trail.azure;
    if (destination === undefined) {
      return;
    }
    // Loaded here, like the Key Vault constructs load azurerm: a missing provider is reported where a vault needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { MonitorDiagnosticSetting } = require('@cdktf/provider-azurerm/lib/monitor-diagnostic-setting') as { MonitorDiagnosticSetting: typeof MonitorDiagnosticSettingType };
    for (const vault of this.context.declaration.keyVaults) {
      new MonitorDiagnosticSetting(this.context.scope, `AuditTrail-${vault.id}`, {
        name: 'eso-audit',
        targetResourceId: this.vaults.get(vault.id)!.vaultId,
        logAnalyticsWorkspaceId: destination.logAnalyticsWorkspaceId,
        storageAccountId: destination.storageAccountId,
        enabledLog: [{ category: 'AuditEvent' }],
      });
    }
  }

  public renderSecret(declared: SecretDeclaration): void {
    const secret = declared as KeyVaultSecretDeclaration;
    const { scope } = this.context;
    const vault = this.vaults.get(secret.vault.id)!;
    const id = `Secret-${secret.id}`;
    if (secret.managedElsewhere) {
      this.secrets.set(secret.id, AzureKeyVaultSecret.fromSecretName(scope, id, vault, secret.name));
      return;
    }
    this.secrets.set(secret.id, new AzureKeyVaultSecret(scope, id, {
      vault, secretName: secret.name, contentType: secret.contentType, tags: { ...secret.tags },
      value: secret.initialValue
        ? KeyVaultSecretValue.fromSensitiveVariable(this.context.sensitiveVariable(secret.initialValue.variableName!))
        : KeyVaultSecretValue.placeholder(),
    }));
  }

  public renderIdentity(plan: IdentityPlan): KeyVaultWorkloadIdentity {
    const { scope, declaration } = this.context;
    const vault = (plan.stores[0] as AzureStoreDeclaration).vault;
    const identity = new KeyVaultWorkloadIdentity(scope, `Identity-${plan.id}`, {
      identityName: plan.azure!.identityName,
      resourceGroupName: vault.resourceGroupName,
      location: vault.location,
      tenantId: plan.azure!.tenantId,
      tags: { ...declaration.tags },
    });
    for (const cluster of plan.clusters) {
      identity.addFederatedCredential({ serviceAccount: plan.serviceAccount, issuerUrl: clusterIssuerUrl(cluster)!, name: azureFederatedCredentialName(cluster, plan.serviceAccount) });
    }
    // A find lists the vault, then reads each match (ESO's GetAllSecrets): list without values through the
    // vault's custom role, and Key Vault Secrets User on exactly the declared secrets the find matches
    // (the plan refuses a find that matches none), never on the whole vault unless the vault is exclusive
    // and every secret in it is read (azureAssignments). A secret both read and matched gets one assignment.
    const assignments = azureAssignments(plan, this.secretsPerVault());
    // Beside the target (the construct's own grant) when the identity is in its stack, else in the identity's stack.
    const assign = (target: IConstruct, targetId: string, local: () => unknown, role: KeyVaultRole | IKeyVaultRoleDefinition, scope: string) => {
      if (sameStack(target, identity)) {
        local();
      } else {
        grantKeyVaultRole(this.grantScope(identity, targetId), identity, role, scope);
      }
    };
    assignments.secretReads.forEach(({ id }) => {
      const secret = this.secrets.get(id)!;
      assign(secret, id, () => identity.grantReadSecret(secret), KeyVaultRole.SECRETS_USER, secret.resourceId);
    });
    assignments.vaultReads.forEach(({ id }) => {
      const vault = this.vaults.get(id)!;
      assign(vault, id, () => identity.grantReadSecrets(vault), KeyVaultRole.SECRETS_USER, vault.vaultId);
    });
    assignments.vaultLists.forEach(({ id }) => {
      const vault = this.vaults.get(id)!;
      assign(vault, id, () => identity.grantListSecrets(vault), secretsListRoleOf(vault), vault.vaultId);
    });
    assignments.secretWrites.forEach(({ id }) => {
      const secret = this.secrets.get(id)!;
      assign(secret, id, () => identity.grantWriteSecret(secret), KeyVaultRole.SECRETS_OFFICER, secret.resourceId);
    });
    this.rendered.push({ plan, identity });
    const output = new TerraformOutput(scope, `ClientId-${plan.id}`, { value: identity.clientId, description: `Client ID of ESO identity ${plan.id}` });
    output.overrideLogicalId(clientIdOutputName(plan.id));
    return identity;
  }

  /** Declared secrets per vault, counted once per renderer. */
  private secretsPerVault(): ReadonlyMap<KeyVaultDeclaration, number> {
    this.counts ??= azureSecretsPerVault(this.context.declaration.secrets);
    return this.counts;
  }

  /** Where the grants of an identity on a secret or vault of another stack go: under the identity, in its stack. */
  private grantScope(identity: KeyVaultWorkloadIdentity, targetId: string): Construct {
    return (identity.node.tryFindChild(`Grants-${targetId}`) as Construct | undefined) ?? new Construct(identity, `Grants-${targetId}`);
  }

  private renderVault(vault: KeyVaultDeclaration, scope: Construct): IAzureKeyVault {
    const { declaration } = this.context;
    if (vault.existingVaultId !== undefined) {
      return AzureKeyVault.fromVaultAttributes(scope, `KeyVault-${vault.id}`, { vaultId: vault.existingVaultId, vaultName: vault.name });
    }
    return new AzureKeyVault(scope, `KeyVault-${vault.id}`, {
      vaultName: vault.name, resourceGroupName: vault.resourceGroupName, location: vault.location, tenantId: vault.tenantId,
      networkAcls: { allowedSubnetIds: [...vault.allowedSubnetIds], allowedIpRules: [...vault.allowedIpRules] },
      tags: { ...declaration.tags },
    });
  }
}

/** Creates the Azure Key Vault cloud renderer. */
export const azureCloudRenderer: CloudRendererFactory = {
  kind: AZURE_KEY_VAULT_BACKEND,
  create: (context) => new AzureCloudRenderer(context),
};
