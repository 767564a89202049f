import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { clusterWideTenantGroup, duplicateValue, emptyTenantList, invalidTenantGroup } from '../core/errors';
import { clusterWideGroupReason } from '../core/tenants';
import { assertDnsLabel, assertProps } from '../core/validation';

/** The ESO API group. */
const ESO_GROUP = 'external-secrets.io';
/** Verbs of a resource the tenant manages. */
const MANAGE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
/** Verbs of a resource the tenant only sees. */
const READ = ['get', 'list', 'watch'];

/** Props of {@link ExternalSecretsTenantAccess}. */
export interface ExternalSecretsTenantAccessProps {
  /** Name of the tenant (a DNS-1123 label): the Role and RoleBinding are `external-secrets-<tenant>`. */
  readonly tenant: string;
  /** The tenant's namespaces: one Role and one RoleBinding in each, nothing cluster-wide. */
  readonly namespaces: string[];
  /** The groups (as the API server authenticates them) of the team that manages the tenant's ExternalSecrets. */
  readonly groups: string[];
  /**
   * Also let the team manage PushSecrets (writes to the backends, through the stores its namespaces may use).
   * @default false
   */
  readonly allowPushSecrets?: boolean;
  /**
   * Extra labels on the Roles and RoleBindings.
   * @default - `app.kubernetes.io/part-of: external-secrets-tenants` and `external-secrets.io/tenant: <tenant>`
   */
  readonly labels?: Record<string, string>;
}

/**
 * Kubernetes RBAC of one tenant: in each of its namespaces, a Role letting the team's groups manage
 * ExternalSecrets (and PushSecrets when allowed) and see the SecretStores there, bound to those
 * groups by a RoleBinding. Nothing cluster-wide: no ClusterRole, no access to ClusterSecretStores,
 * SecretStores or generators beyond reading the namespace's stores, and no access to Secrets.
 *
 * Which stores the tenant's ExternalSecrets may reference is decided elsewhere: a namespaced
 * SecretStore only serves its own namespace, and a ClusterSecretStore only the namespaces its
 * `conditions` admit. Since the team cannot create or change stores, it cannot widen that.
 */
export class ExternalSecretsTenantAccess extends Construct {
  /** The Roles, one per namespace, in the order of `namespaces`. */
  public readonly roles: readonly ApiObject[];
  /** The RoleBindings, one per namespace, in the order of `namespaces`. */
  public readonly roleBindings: readonly ApiObject[];
  /** Name of every Role and RoleBinding: `external-secrets-<tenant>`. */
  public readonly objectName: string;

  constructor(scope: Construct, id: string, props: ExternalSecretsTenantAccessProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'ExternalSecretsTenantAccessProps', {
      'tenant': 'nonEmptyString', 'namespaces': 'stringArray', 'groups': 'stringArray', 'allowPushSecrets?': 'boolean', 'labels?': 'stringMap',
    });
    assertDnsLabel(path, 'tenant', props.tenant);
    if (props.namespaces.length === 0) {
      throw emptyTenantList(path, 'namespaces', 'namespace');
    }
    if (props.groups.length === 0) {
      throw emptyTenantList(path, 'groups', 'group');
    }
    props.namespaces.forEach((ns, i) => {
      assertDnsLabel(path, `namespaces[${i}]`, ns);
      const first = props.namespaces.indexOf(ns);
      if (first !== i) {
        throw duplicateValue(path, `namespaces[${i}]`, ns, `namespaces[${first}]`, 'list each namespace once');
      }
    });
    props.groups.forEach((group, i) => {
      if (typeof group !== 'string' || group.trim() === '') {
        throw invalidTenantGroup(path, `groups[${i}]`, group);
      }
      // A cluster-wide group would hand the tenant's Role to every user, service account or node.
      const why = clusterWideGroupReason(group, props.namespaces);
      if (why !== undefined) {
        throw clusterWideTenantGroup(path, `groups[${i}]`, group, why);
      }
    });

    this.objectName = `external-secrets-${props.tenant}`;
    const labels = {
      'app.kubernetes.io/part-of': 'external-secrets-tenants',
      'external-secrets.io/tenant': props.tenant,
      ...props.labels,
    };
    const rules = [
      { apiGroups: [ESO_GROUP], resources: ['externalsecrets'], verbs: MANAGE },
      ...(props.allowPushSecrets ? [{ apiGroups: [ESO_GROUP], resources: ['pushsecrets'], verbs: MANAGE }] : []),
      { apiGroups: [ESO_GROUP], resources: ['secretstores'], verbs: READ },
    ];
    const roles: ApiObject[] = [];
    const bindings: ApiObject[] = [];
    for (const namespace of props.namespaces) {
      const metadata = { name: this.objectName, namespace, labels };
      roles.push(new ApiObject(this, `Role-${namespace}`, {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata,
        rules: rules.map((r) => ({ ...r, apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...r.verbs] })),
      }));
      bindings.push(new ApiObject(this, `RoleBinding-${namespace}`, {
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata,
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.objectName },
        subjects: props.groups.map((name) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name })),
      }));
    }
    this.roles = roles;
    this.roleBindings = bindings;
  }
}
