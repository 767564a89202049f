/**
 * The cdktf part of the HashiCorp Vault backend: KV v2 mounts, auth mounts per cluster, KV keys
 * (values write-only), and per identity a Vault role bound to exactly its service account with a
 * policy compiled from the plan's reads, finds, pushes and dynamic secrets.
 */
import { Audit } from '@cdktf/provider-vault/lib/audit';
import {
  AuditTrailDeclaration, IdentityPlan, grantsNothing, vaultFindPrefix, SecretDeclaration, VAULT_BACKEND, VaultAuthDeclaration, VaultAuthKind, VaultDynamicSecretDeclaration,
  VaultEngineDeclaration, VaultSecretDeclaration, VaultServerDeclaration, VaultStoreDeclaration, VaultTokenReviewer,
} from '../../core/declaration';
// The Vault constructs by module, not through the `/vault` entry point (whose peer check would pre-empt
// the renderer's own message naming SecretsPlatformInfrastructure and the Vault install line).
import { VaultDatabaseEngine } from '../../vault/database-engine';
import { VaultDynamicSecretPath } from '../../vault/dynamic-secret-path';
import { VaultPkiEngine } from '../../vault/pki-engine';
import { IVaultJwtAuthMount, VaultJwtAuthMount } from '../../vault/jwt-auth-mount';
import { VaultJwtAuthRole } from '../../vault/jwt-auth-role';
import { IVaultKubernetesAuthMount, VaultKubernetesAuthMount } from '../../vault/kubernetes-auth-mount';
import { VaultKubernetesAuthRole } from '../../vault/kubernetes-auth-role';
import { KubernetesTokenReviewer } from '../../vault/kubernetes-token-reviewer';
import { IVaultKvMount, VaultKvMount } from '../../vault/kv-mount';
import { IVaultKvSecret, VaultKvSecret, VaultKvSecretValue } from '../../vault/kv-secret';
import { EmittedTerraform } from '../verification/emitted-terraform';
import { OutputFinding } from '../verification/output-rules';
import { verifyVault, VaultVerificationIdentity } from './vault-verify';
import { CloudRenderContext, CloudRenderer, CloudRendererFactory } from './cloud-renderer';

/** The Vault cloud renderer of one infrastructure construct. */
export class VaultCloudRenderer implements CloudRenderer {
  public readonly kind = VAULT_BACKEND;
  /** KV mounts by `<server id>/<path>`. */
  public readonly kvMounts = new Map<string, IVaultKvMount>();
  /** Auth mounts by declared auth id. */
  public readonly authMounts = new Map<string, IVaultKubernetesAuthMount | IVaultJwtAuthMount>();
  /** KV secrets by declared secret id. */
  public readonly secrets = new Map<string, IVaultKvSecret>();
  /** Secrets engines by declared engine id. */
  public readonly engines = new Map<string, VaultDatabaseEngine | VaultPkiEngine>();
  /** Roles by identity id. */
  public readonly roles = new Map<string, VaultKubernetesAuthRole | VaultJwtAuthRole>();
  private readonly rendered: VaultVerificationIdentity[] = [];

  constructor(private readonly context: CloudRenderContext) {}

  public verify(emitted: EmittedTerraform): OutputFinding[] {
    return this.rendered.length === 0 ? [] : verifyVault(this.rendered, emitted);
  }

  public renderPrerequisites(): void {
    const { scope, declaration } = this.context;
    for (const server of declaration.vaultServers) {
      for (const mount of server.kvMounts) {
        const id = `VaultKv-${server.id}-${mount.path.replace(/\//g, '-')}`;
        this.kvMounts.set(`${server.id}/${mount.path}`, mount.managedElsewhere
          ? VaultKvMount.fromMountPath(scope, id, mount.path, { namespace: server.namespace })
          : new VaultKvMount(scope, id, { path: mount.path, namespace: server.namespace }));
      }
    }
    declaration.vaultAuths.forEach((auth) => this.authMounts.set(auth.id, this.renderAuth(auth)));
    declaration.vaultEngines.forEach((engine) => this.engines.set(engine.id, this.renderEngine(engine)));
  }

  /** The declared audit device on every declared server (in its Vault namespace). */
  public renderAudit(trail: AuditTrailDeclaration): void {
    const device = trail.vault;
    if (device === undefined) {
      return;
    }
    for (const server of this.context.declaration.vaultServers) {
      new Audit(this.context.scope, `AuditTrail-${server.id}`, {
        path: device.path,
        namespace: server.namespace,
        description: 'Every request and response, secret values HMAC-ed (cdk-external-secrets audit trail)',
        ...device.filePath !== undefined
          ? { type: 'file', options: { file_path: device.filePath } }
          : { type: 'socket', options: { address: device.socketAddress!, socket_type: 'tcp' } },
      });
    }
  }

  public renderSecret(declared: SecretDeclaration): void {
    const secret = declared as VaultSecretDeclaration;
    const { scope } = this.context;
    const mount = this.kvMounts.get(`${secret.server.id}/${secret.mount}`)!;
    const id = `VaultSecret-${secret.id}`;
    if (secret.managedElsewhere) {
      this.secrets.set(secret.id, VaultKvSecret.fromSecretPath(scope, id, mount, secret.name, [...secret.properties]));
      return;
    }
    this.secrets.set(secret.id, new VaultKvSecret(scope, id, {
      mount, secretPath: secret.name, properties: [...secret.properties],
      value: secret.initialValue
        ? VaultKvSecretValue.fromSensitiveVariable(this.context.sensitiveVariable(secret.initialValue.variableName!))
        : VaultKvSecretValue.placeholder(),
    }));
  }

  public renderIdentity(plan: IdentityPlan): VaultKubernetesAuthRole | VaultJwtAuthRole {
    const { scope } = this.context;
    const vault = plan.vault!;
    const mount = this.authMounts.get(vault.auth.id)!;
    const id = `VaultRole-${plan.id}`;
    const common = { roleName: vault.roleName, policyName: vault.policyName, tokenTtl: vault.tokenTtl, allowNoPolicies: grantsNothing(plan) };
    const role = vault.auth.kind === VaultAuthKind.JWT
      ? new VaultJwtAuthRole(scope, id, {
        ...common, mount, serviceAccount: plan.serviceAccount, audience: vault.audiences[0],
      })
      : new VaultKubernetesAuthRole(scope, id, {
        ...common, mount: mount as IVaultKubernetesAuthMount, serviceAccounts: [plan.serviceAccount],
        audience: vault.audiences[0], omitAudience: vault.audiences.length === 0,
      });
    for (const secret of plan.reads) {
      this.secrets.get(secret.id)!.grantRead(role);
    }
    // metadataPolicy: Fetch reads the key's custom metadata (ESO's vault client, readSecretMetadata).
    for (const secret of plan.metadataReads) {
      this.secrets.get(secret.id)!.grantReadMetadata(role);
    }
    for (const use of plan.finds) {
      // The listing shows names only; the data read is granted on exactly the declared keys the find matches.
      const store = use.store as VaultStoreDeclaration;
      this.kvMounts.get(`${store.server.id}/${store.mount}`)!.grantFind(role, {
        prefix: vaultFindPrefix(use.find.path), keys: use.matched.map((secret) => secret.name),
      });
    }
    for (const push of plan.pushes) {
      this.secrets.get(push.destination.id)!.grantWrite(role);
    }
    for (const dynamic of plan.dynamicSecrets as readonly VaultDynamicSecretDeclaration[]) {
      // On a declared engine the grant comes from the engine's own endpoint (the role is checked there).
      const engine = dynamic.engine !== undefined ? this.engines.get(dynamic.engine.id) : undefined;
      const endpoint = engine === undefined
        ? VaultDynamicSecretPath.custom(dynamic.path, dynamic.method, dynamic.server.namespace)
        : engine instanceof VaultDatabaseEngine ? engine.credentials(dynamicRole(dynamic.path)) : engine.issue(dynamicRole(dynamic.path));
      endpoint.grantUse(role);
    }
    this.roles.set(plan.id, role);
    this.rendered.push({ plan, role, mount });
    return role;
  }

  /** A declared engine: the database engine's root password is the engine's sensitive, ephemeral variable (write-only). */
  private renderEngine(engine: VaultEngineDeclaration): VaultDatabaseEngine | VaultPkiEngine {
    const { scope } = this.context;
    const id = `VaultEngine-${engine.id}`;
    if (engine.database !== undefined) {
      const { connection, roles } = engine.database;
      return new VaultDatabaseEngine(scope, id, {
        path: engine.mount, namespace: engine.server.namespace,
        connection: {
          name: connection.name, plugin: connection.plugin, connectionUrl: connection.connectionUrl, username: connection.username,
          password: this.context.sensitiveVariable(connection.passwordVariable),
        },
        roles: roles.map((r) => ({ ...r })),
      });
    }
    return new VaultPkiEngine(scope, id, {
      path: engine.mount, namespace: engine.server.namespace, maxLeaseTtl: engine.pki!.maxLeaseTtl, roles: engine.pki!.roles.map((r) => ({ ...r })),
    });
  }

  private renderAuth(auth: VaultAuthDeclaration): IVaultKubernetesAuthMount | IVaultJwtAuthMount {
    const { scope } = this.context;
    const server: VaultServerDeclaration = auth.server;
    const id = `VaultAuth-${auth.id}`;
    const reviewer = auth.reviewer === VaultTokenReviewer.VAULT_IN_CLUSTER ? KubernetesTokenReviewer.vaultInCluster() : KubernetesTokenReviewer.clientJwt();
    if (auth.kind === VaultAuthKind.JWT) {
      return auth.managedElsewhere
        ? VaultJwtAuthMount.fromMountPath(scope, id, auth.mountPath, { namespace: server.namespace })
        : new VaultJwtAuthMount(scope, id, {
          clusterName: auth.cluster.id, path: auth.mountPath, namespace: server.namespace,
          oidcDiscoveryUrl: auth.cluster.oidcIssuerUrl!.replace(/\/+$/, ''), boundIssuer: auth.cluster.oidcIssuerUrl,
        });
    }
    return auth.managedElsewhere
      ? VaultKubernetesAuthMount.fromMountPath(scope, id, auth.mountPath, { namespace: server.namespace, reviewer })
      : new VaultKubernetesAuthMount(scope, id, {
        clusterName: auth.cluster.id, path: auth.mountPath, namespace: server.namespace, reviewer,
        kubernetesHost: auth.kubernetesHost, kubernetesCaCert: auth.kubernetesCaCert, issuer: auth.issuer,
      });
  }
}

/** The role of a dynamic secret path (`<mount>/creds/<role>` → `<role>`). */
function dynamicRole(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Creates the Vault cloud renderer. */
export const vaultCloudRenderer: CloudRendererFactory = {
  kind: VAULT_BACKEND,
  create: (context) => new VaultCloudRenderer(context),
};
