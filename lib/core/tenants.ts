/**
 * Tenants, engine-free: a tenant is a team that owns a set of namespaces and the secrets its
 * ExternalSecrets may read. {@link TenantDirectory} holds them and answers the two questions every
 * renderer asks: which tenant owns a namespace, and may this namespace use this secret.
 */
import { crossTenantRead, emptyTenantList, invalidTenantGroup, namespaceInTwoTenants, secretInTwoTenants } from './errors';
import { assertDnsLabel } from './validation';

/** One tenant. */
export interface TenantSpec {
  /** Name of the tenant (a DNS-1123 label), used in RBAC object names and messages. */
  readonly name: string;
  /** The tenant's namespaces (each belongs to one tenant only). */
  readonly namespaces: readonly string[];
  /** Groups of the team, bound to the tenant's Role in each namespace. */
  readonly groups: readonly string[];
}

/** A registered tenant with the secrets it owns. */
export interface Tenant<S> extends TenantSpec {
  /** The secrets the tenant's ExternalSecrets may read, in the order added. */
  readonly secrets: readonly S[];
}

/** Tenants and the secrets they own; `S` is the caller's secret handle (compared by identity). */
export class TenantDirectory<S> {
  private readonly tenants: Array<{ spec: TenantSpec; path: string; secrets: S[] }> = [];
  private readonly byNamespace = new Map<string, TenantSpec>();
  private readonly bySecret = new Map<S, TenantSpec>();

  /** Every tenant, in the order added. */
  public get all(): ReadonlyArray<Tenant<S>> {
    return this.tenants.map((t) => ({ ...t.spec, secrets: [...t.secrets] }));
  }

  /**
   * Adds a tenant. Throws when it has no namespace or group, a bad name, or a namespace of another tenant.
   * @param path declaration path of the tenant, for messages
   */
  public add(path: string, spec: TenantSpec): TenantSpec {
    assertDnsLabel(path, 'name', spec.name);
    if (spec.namespaces.length === 0) {
      throw emptyTenantList(path, 'namespaces', 'namespace');
    }
    if (spec.groups.length === 0) {
      throw emptyTenantList(path, 'groups', 'group');
    }
    spec.groups.forEach((group, i) => {
      if (typeof group !== 'string' || group.trim() === '') {
        throw invalidTenantGroup(path, `groups[${i}]`, group);
      }
    });
    spec.namespaces.forEach((namespace, i) => {
      assertDnsLabel(path, `namespaces[${i}]`, namespace);
      const other = this.byNamespace.get(namespace);
      if (other !== undefined) {
        throw namespaceInTwoTenants(path, `namespaces[${i}]`, namespace, spec.name, other.name);
      }
    });
    const frozen: TenantSpec = { name: spec.name, namespaces: [...spec.namespaces], groups: [...spec.groups] };
    for (const namespace of frozen.namespaces) {
      this.byNamespace.set(namespace, frozen);
    }
    this.tenants.push({ spec: frozen, path, secrets: [] });
    return frozen;
  }

  /**
   * Gives a secret to a tenant. Throws when another tenant owns it.
   * @param label how messages name the secret (its declaration id)
   */
  public addSecret(path: string, tenant: TenantSpec, secret: S, label: string): void {
    const other = this.bySecret.get(secret);
    if (other !== undefined && other !== tenant) {
      throw secretInTwoTenants(path, 'secrets', label, tenant.name, other.name);
    }
    if (other === undefined) {
      this.bySecret.set(secret, tenant);
      this.tenants.find((t) => t.spec === tenant)!.secrets.push(secret);
    }
  }

  /** The tenant owning a namespace, if any. */
  public tenantOfNamespace(namespace: string): TenantSpec | undefined {
    return this.byNamespace.get(namespace);
  }

  /** The tenant owning a secret, if any. */
  public ownerOf(secret: S): TenantSpec | undefined {
    return this.bySecret.get(secret);
  }

  /**
   * Checks that an object in `namespace` may use `secret`: a secret owned by a tenant may only be used
   * from that tenant's namespaces. Secrets of no tenant are shared (platform secrets).
   * Throws naming both tenants otherwise.
   */
  public checkUse(path: string, prop: string, namespace: string, secret: S, label: string): void {
    const owner = this.bySecret.get(secret);
    if (owner === undefined) {
      return;
    }
    const reader = this.byNamespace.get(namespace);
    if (reader !== owner) {
      throw crossTenantRead(path, prop, label, reader?.name, namespace, owner.name);
    }
  }
}

/**
 * Why a group bound to a tenant's Role is not the team's own but cluster-wide (`system:authenticated`,
 * `system:serviceaccounts`, `system:masters`, any `system:` group except `system:serviceaccounts:<ns>` of
 * one of the tenant's own namespaces), or undefined when it is the team's. Used by rule CES-TEN-6 and by
 * the `ExternalSecretsTenantAccess` construct.
 */
export function clusterWideGroupReason(group: string, ownNamespaces: readonly string[]): string | undefined {
  const normalized = group.trim().toLowerCase();
  if (!normalized.startsWith('system:')) {
    return undefined;
  }
  const prefix = 'system:serviceaccounts:';
  if (normalized.startsWith(prefix)) {
    return ownNamespaces.includes(group.trim().slice(prefix.length)) ? undefined : 'the service accounts of a namespace of another tenant or of the platform';
  }
  const known: Record<string, string> = {
    'system:authenticated': 'every authenticated user and service account',
    'system:unauthenticated': 'every anonymous request',
    'system:serviceaccounts': 'every service account of the cluster',
    'system:masters': 'the cluster administrators',
    'system:nodes': 'every node (kubelet)',
    'system:bootstrappers': 'every node bootstrap token',
  };
  return known[normalized] ?? 'a group the Kubernetes API server or a cluster component assigns (system:*)';
}
