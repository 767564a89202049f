/**
 * The cdktf part of the Google Secret Manager backend: secrets, and per identity its principals (the
 * GKE direct principal, a Google service account, or the principal of the cluster's workload identity
 * pool outside GKE) with Secret Manager roles on exactly the secrets it reads or writes, never on the project.
 */
import { Construct } from 'constructs';
import {
  ClusterDeclaration, GcpDefaults, GcpIdentityMode, GOOGLE_SECRET_MANAGER_BACKEND, GoogleSecretDeclaration, IdentityPlan,
  SecretBackend, SecretDeclaration, gcpMember, gcpPoolId, gkeProjectNumber, googleProjects, isGke,
} from '../../core/declaration';
import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { IdentityAnnotations, IdentityKind, IWorkloadIdentity, ServiceAccountRef } from '../../core/identity';
// The Google constructs by module, not through the `/gcp` entry point (whose peer check would pre-empt
// the renderer's own message naming SecretsPlatformInfrastructure and the Google install line).
import { GkeWorkloadPrincipal } from '../../gcp/gke-workload-principal';
import { GoogleServiceAccountIdentity } from '../../gcp/google-service-account-identity';
import type { IGcpPrincipal } from '../../gcp/principal';
import { GcpProject, IGcpProject } from '../../gcp/project';
import { GoogleSecretManagerSecret, GoogleSecretValue, IGoogleSecretManagerSecret, SecretManagerRole, SecretReplication } from '../../gcp/secret-manager-secret';
import { grantSecretRole } from '../../gcp/private/grant';
import { KubernetesWorkloadIdentityPool } from '../../gcp/workload-identity-pool';
import { EmittedTerraform } from '../verification/emitted-terraform';
import { OutputFinding } from '../verification/output-rules';
import { verifyGoogle } from './google-verify';
import { CloudRenderContext, CloudRenderer, CloudRendererFactory, sameStack } from './cloud-renderer';

/** The cloud identity of one Google identity plan: its principal on each cluster, and what its service account carries. */
export class GooglePlatformIdentity extends Construct implements IWorkloadIdentity {
  /** The principals granted (one per distinct member across the plan's clusters). */
  public readonly principals: IGcpPrincipal[] = [];

  /** @internal */
  constructor(scope: Construct, id: string,
    public readonly kind: IdentityKind,
    public readonly serviceAccountAnnotations: Readonly<Record<string, string>>,
    public readonly trustedServiceAccounts: readonly ServiceAccountRef[]) {
    super(scope, id);
  }

  /** None. */
  public get podLabels(): Readonly<Record<string, string>> {
    return {};
  }
}

/** The Google Secret Manager cloud renderer of one infrastructure construct. */
export class GoogleCloudRenderer implements CloudRenderer {
  public readonly kind = GOOGLE_SECRET_MANAGER_BACKEND;
  /** Secrets by declared secret id. */
  public readonly secrets = new Map<string, IGoogleSecretManagerSecret>();
  /** Workload identity pools by cluster id (clusters outside GKE). */
  public readonly pools = new Map<string, KubernetesWorkloadIdentityPool>();
  private readonly projects = new Map<string, IGcpProject>();
  private readonly principalsByMember = new Map<string, IGcpPrincipal>();
  private readonly rendered: Array<{ readonly plan: IdentityPlan; readonly construct: GooglePlatformIdentity }> = [];

  constructor(private readonly context: CloudRenderContext) {}

  public verify(emitted: EmittedTerraform): OutputFinding[] {
    if (this.rendered.length === 0 && this.secrets.size === 0) {
      return [];
    }
    return verifyGoogle({
      backend: SecretBackend.GOOGLE_SECRET_MANAGER,
      declaration: this.context.declaration,
      scope: this.context.scope,
      identities: this.rendered.filter(({ construct }) => emitted.holds(construct)),
      secretName: (id) => this.secrets.get(id)!.secretName,
      pool: (cluster) => {
        const pool = this.pools.get(cluster.id);
        return pool === undefined ? undefined : { construct: pool, name: pool.pool.name };
      },
    }, emitted);
  }

  public renderPrerequisites(): void {
    // Projects, pools and principals are created on first use.
  }

  /**
   * Data Access audit logs (`DATA_READ`) of Secret Manager on every project in use: reads
   * (`AccessSecretVersion`) are not logged otherwise. Authoritative for that service on the project.
   */
  public renderAudit(): void {
    const { scope, declaration } = this.context;
    const used = {
      secrets: declaration.secrets.filter((s) => s.backend === SecretBackend.GOOGLE_SECRET_MANAGER),
      stores: declaration.stores.filter((s) => s.provider === GOOGLE_SECRET_MANAGER_BACKEND),
    };
    for (const project of googleProjects(used)) {
      new ProjectIamAuditConfig(scope, `AuditTrail-${project}`, {
        project, service: 'secretmanager.googleapis.com', auditLogConfig: [{ logType: 'DATA_READ' }],
      });
    }
  }

  public renderSecret(declared: SecretDeclaration): void {
    const secret = declared as GoogleSecretDeclaration;
    const { scope } = this.context;
    const id = `Secret-${secret.id}`;
    const project = this.project(secret.project);
    if (secret.managedElsewhere) {
      this.secrets.set(secret.id, GoogleSecretManagerSecret.fromSecretId(scope, id, project, secret.name));
      return;
    }
    this.secrets.set(secret.id, new GoogleSecretManagerSecret(scope, id, {
      project, secretId: secret.name, labels: { ...secret.labels },
      replication: secret.replicaLocations
        ? SecretReplication.userManaged(secret.replicaLocations.map((location) => ({ location })))
        : SecretReplication.automatic(),
      value: secret.initialValue
        ? GoogleSecretValue.fromSensitiveVariable(this.context.sensitiveVariable(secret.initialValue.variableName!))
        : undefined,
    }));
  }

  public renderIdentity(plan: IdentityPlan): GooglePlatformIdentity {
    const { scope, declaration } = this.context;
    const google = plan.gcp!;
    const annotations: Record<string, string> = google.email !== undefined ? { [IdentityAnnotations.GCP_SERVICE_ACCOUNT]: google.email } : {};
    const identity = new GooglePlatformIdentity(scope, `Identity-${plan.id}`, plan.kind, annotations, [plan.serviceAccount]);
    let gsa: GoogleServiceAccountIdentity | undefined;
    for (const cluster of plan.clusters) {
      const member = gcpMember(declaration, plan, cluster);
      let principal = this.principalsByMember.get(member);
      if (principal === undefined) {
        if (!isGke(cluster)) {
          principal = this.pool(cluster, google.project).addServiceAccount(plan.serviceAccount);
        } else if (google.mode === GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT) {
          gsa ??= new GoogleServiceAccountIdentity(identity, 'ServiceAccount', {
            project: this.project(google.project), accountId: google.accountId!,
            clusterProject: this.project({ projectId: cluster.projectId, projectNumber: gkeProjectNumber(declaration, cluster) ?? google.project.projectNumber }),
            serviceAccounts: [plan.serviceAccount],
          });
          principal = gsa;
        } else {
          principal = new GkeWorkloadPrincipal(identity, `Principal-${cluster.id}`, {
            clusterProject: this.project({ projectId: cluster.projectId, projectNumber: gkeProjectNumber(declaration, cluster)! }),
            serviceAccount: plan.serviceAccount,
          });
        }
        this.principalsByMember.set(member, principal);
      }
      if (!identity.principals.includes(principal)) {
        identity.principals.push(principal);
      }
    }
    this.rendered.push({ plan, construct: identity });
    for (const principal of identity.principals) {
      plan.reads.forEach((secret) => this.grantTo(identity, secret.id).grantRead(principal));
      plan.pushes.forEach((push) => this.grantTo(identity, push.destination.id).grantPush(principal));
    }
    return identity;
  }

  /**
   * What grants on a secret: the secret itself (its IAM members beside it), or when the identity is in
   * another stack (`SecretsPlatformStacks`), the same grants created in the identity's stack, so a
   * shared stack never refers to a shard's identities.
   */
  private grantTo(identity: GooglePlatformIdentity, secretId: string): Pick<IGoogleSecretManagerSecret, 'grantRead' | 'grantPush'> {
    const secret = this.secrets.get(secretId)!;
    if (sameStack(secret, identity)) {
      return secret;
    }
    const target = (identity.node.tryFindChild(`Grants-${secretId}`) as Construct | undefined) ?? new Construct(identity, `Grants-${secretId}`);
    return {
      grantRead: (principal) => grantSecretRole(target, secret.secretName, principal, SecretManagerRole.SECRET_ACCESSOR),
      grantPush: (principal) => [SecretManagerRole.VIEWER, SecretManagerRole.SECRET_ACCESSOR, SecretManagerRole.SECRET_VERSION_ADDER]
        .map((role) => grantSecretRole(target, secret.secretName, principal, role)),
    };
  }

  /** The project construct of a project (created once per project ID). */
  public project(project: GcpDefaults): IGcpProject {
    let found = this.projects.get(project.projectId);
    if (found === undefined) {
      found = GcpProject.fromProjectAttributes(this.context.sharedScope, `GcpProject-${project.projectId}`, project);
      this.projects.set(project.projectId, found);
    }
    return found;
  }

  private pool(cluster: ClusterDeclaration, project: GcpDefaults): KubernetesWorkloadIdentityPool {
    let pool = this.pools.get(cluster.id);
    if (pool === undefined) {
      pool = new KubernetesWorkloadIdentityPool(this.context.sharedScope, `Pool-${cluster.id}`, {
        project: this.project(project), poolId: gcpPoolId(this.context.declaration, cluster), issuerUrl: cluster.oidcIssuerUrl!,
        displayName: `ESO ${cluster.id}`.slice(0, 32),
      });
      this.pools.set(cluster.id, pool);
    }
    return pool;
  }
}

/** Creates the Google Secret Manager cloud renderer. */
export const googleCloudRenderer: CloudRendererFactory = {
  kind: GOOGLE_SECRET_MANAGER_BACKEND,
  create: (context) => new GoogleCloudRenderer(context),
};
