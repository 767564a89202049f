import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { missingNamespace, untrustedServiceAccount, wrongType } from '../core/errors';
import { IWorkloadIdentity, ServiceAccountRef } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain, assertPropsObject } from '../core/validation';
import { K8sObjectOptions } from './references';
import { kplus } from './private/cdk8s-plus';
import { PlusServiceAccount } from './plus-types';

/** The props the installed line's `ServiceAccount` takes (those the library sets). */
interface PlusServiceAccountProps {
  readonly automountToken: boolean;
  readonly metadata: { readonly name?: string; readonly namespace?: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
}

/**
 * The installed cdk8s-plus line's `ServiceAccount`, typed structurally so that the declaration files
 * name no cdk8s-plus line (every line's `IServiceAccount` accepts the result).
 */
const PlusServiceAccountBase: new (scope: Construct, id: string, props: PlusServiceAccountProps) => PlusServiceAccount = kplus.ServiceAccount;

/** Props of {@link WorkloadServiceAccount}. */
export interface WorkloadServiceAccountProps extends K8sObjectOptions {
  /**
   * Namespace of the service account.
   * @default - the Chart's namespace (one of the two is required)
   */
  readonly namespace?: string;
  /**
   * The cloud identity: its `serviceAccountAnnotations` are put on the service account
   * (`eks.amazonaws.com/role-arn`, `azure.workload.identity/client-id` + `tenant-id`,
   * `iam.gke.io/gcp-service-account`). When the identity lists trusted service accounts, this one
   * must be among them.
   */
  readonly identity: IWorkloadIdentity;
  /**
   * Mount an API token into pods running as this service account.
   * @default false
   */
  readonly automountToken?: boolean;
}

/**
 * A core v1 ServiceAccount bound to a cloud identity, for stores (`serviceAccountRef`) and workloads.
 *
 * It is a `ServiceAccount` of the installed cdk8s-plus line, typed structurally
 * ({@link PlusServiceAccount}), so it can be given to a Deployment's `serviceAccount` of any 2.x line
 * from 28 to 34.
 */
export class WorkloadServiceAccount extends PlusServiceAccountBase {
  /** The cloud identity. */
  public readonly identity: IWorkloadIdentity;
  /** Namespace of the service account. */
  public readonly namespace: string;
  /** `{namespace, name}`, e.g. for IRSA trust or federated credential subjects. */
  public readonly serviceAccountRef: ServiceAccountRef;

  constructor(scope: Construct, id: string, props: WorkloadServiceAccountProps) {
    const constructPath = scope.node.path ? `${scope.node.path}/${id}` : id;
    assertPropsObject(constructPath, props, 'WorkloadServiceAccountProps');
    if (typeof props.identity !== 'object' || props.identity === null || typeof props.identity.serviceAccountAnnotations !== 'object') {
      throw wrongType(constructPath, 'identity', props.identity, 'an IWorkloadIdentity (an IrsaRole, PodIdentityRole, KeyVaultWorkloadIdentity, GoogleServiceAccountIdentity, …)');
    }
    const namespace = props.namespace ?? Chart.of(scope).namespace;
    super(scope, id, {
      automountToken: props.automountToken ?? false,
      metadata: {
        ...(props.name !== undefined ? { name: props.name } : {}),
        ...(namespace !== undefined ? { namespace } : {}),
        labels: props.labels,
        annotations: { ...props.annotations, ...props.identity.serviceAccountAnnotations },
      },
    });
    const path = this.node.path;
    assertDnsSubdomain(path, 'metadata.name', props.name);
    if (namespace === undefined) {
      throw missingNamespace(path, 'metadata.namespace', 'a service account bound to a cloud identity must live in a known namespace');
    }
    assertDnsLabel(path, 'metadata.namespace', namespace);
    this.identity = props.identity;
    this.namespace = namespace;
    this.serviceAccountRef = { namespace, name: this.name };
    const trusted = props.identity.trustedServiceAccounts;
    if (trusted.length > 0 && !trusted.some((t) => t.namespace === namespace && t.name === this.name)) {
      throw untrustedServiceAccount(path, `${namespace}/${this.name}`, trusted.map((t) => `${t.namespace}/${t.name}`));
    }
  }
}
