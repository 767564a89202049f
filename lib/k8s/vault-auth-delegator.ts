import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { authDelegatorWithoutSubjects, missingNamespace } from '../core/errors';
import { ServiceAccountRef } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain, assertPropsObject } from '../core/validation';
import { buildMetadata, dropChartNamespace } from './private/metadata';
import { K8sObjectOptions } from './references';

/** The ClusterRole that lets a token call the TokenReview API. */
export const AUTH_DELEGATOR_CLUSTER_ROLE = 'system:auth-delegator';

/** Props of {@link VaultAuthDelegatorBinding}. */
export interface VaultAuthDelegatorBindingProps extends K8sObjectOptions {
  /**
   * The service accounts that log in to Vault's Kubernetes auth with their own JWT as reviewer
   * (the stores' `serviceAccountRef` accounts). Each needs a namespace.
   */
  readonly serviceAccounts: ServiceAccountRef[];
}

/**
 * A `ClusterRoleBinding` of `system:auth-delegator` to the service accounts that log in to a
 * Kubernetes auth mount configured with the client JWT as reviewer (Vault outside the cluster, no
 * `token_reviewer_jwt`): Vault sends each client's own token to the TokenReview API, which only
 * answers tokens allowed to create TokenReviews.
 *
 * The ESO chart binds its controller account itself (`serviceAccount` + `systemAuthDelegator`);
 * this construct covers the accounts stores reference with `serviceAccountRef`. Not needed with
 * JWT auth, a reviewer JWT, or Vault inside the cluster.
 */
export class VaultAuthDelegatorBinding extends Construct {
  /** The bound service accounts (sorted, deduplicated). */
  public readonly serviceAccounts: readonly ServiceAccountRef[];
  /** The L1 object. */
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: VaultAuthDelegatorBindingProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'VaultAuthDelegatorBindingProps');
    const path = this.node.path;
    const accounts = props.serviceAccounts ?? [];
    if (accounts.length === 0) {
      throw authDelegatorWithoutSubjects(path);
    }
    accounts.forEach((sa, i) => {
      if (sa.namespace === undefined || sa.namespace === '') {
        throw missingNamespace(path, `serviceAccounts[${i}].namespace`, 'a ClusterRoleBinding subject of kind ServiceAccount names its namespace');
      }
      assertDnsLabel(path, `serviceAccounts[${i}].namespace`, sa.namespace);
      assertDnsSubdomain(path, `serviceAccounts[${i}].name`, sa.name);
    });
    const unique = new Map(accounts.map((sa) => [`${sa.namespace}:${sa.name}`, { namespace: sa.namespace, name: sa.name }]));
    this.serviceAccounts = [...unique.keys()].sort().map((k) => unique.get(k)!);
    this.resource = new ApiObject(this, 'Resource', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: buildMetadata(path, props),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: AUTH_DELEGATOR_CLUSTER_ROLE },
      subjects: this.serviceAccounts.map((sa) => ({ kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace })),
    });
    dropChartNamespace(this.resource);
  }
}
