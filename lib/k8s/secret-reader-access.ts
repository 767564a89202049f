import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { defaultServiceAccountReader, duplicateValue, emptyCollection } from '../core/errors';
import { assertDnsLabel, assertDnsSubdomain, assertProps } from '../core/validation';

/** Props of {@link SecretReaderAccess}. */
export interface SecretReaderAccessProps {
  /** Namespace of the workload and of the Secrets it reads (a DNS-1123 label). */
  readonly namespace: string;
  /** The service account the workload's pods run as (not `default`, which every pod naming none runs as). */
  readonly serviceAccountName: string;
  /** Names of the Secrets the workload may `get`: exactly these, no list, no watch, no other Secret. */
  readonly secretNames: string[];
  /**
   * Name of the Role and RoleBinding.
   * @default `<serviceAccountName>-secret-reader`
   */
  readonly name?: string;
  /**
   * Extra labels on the Role and RoleBinding.
   * @default - only `app.kubernetes.io/part-of: external-secrets`
   */
  readonly labels?: Record<string, string>;
}

/**
 * Kubernetes RBAC for a workload that reads its Secrets through the API (a client library, a sidecar
 * that watches its credentials): a Role allowing `get` on exactly the named Secrets in one namespace,
 * bound to the workload's service account. Pods that only mount the Secret or read it as environment
 * variables need none of this (the kubelet reads it for them).
 */
export class SecretReaderAccess extends Construct {
  /** The Role. */
  public readonly role: ApiObject;
  /** The RoleBinding. */
  public readonly roleBinding: ApiObject;
  /** Name of the Role and RoleBinding. */
  public readonly objectName: string;

  constructor(scope: Construct, id: string, props: SecretReaderAccessProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'SecretReaderAccessProps', {
      'namespace': 'string', 'serviceAccountName': 'string', 'secretNames': 'stringArray', 'name?': 'string', 'labels?': 'object',
    });
    assertDnsLabel(path, 'namespace', props.namespace);
    assertDnsSubdomain(path, 'serviceAccountName', props.serviceAccountName);
    if (props.serviceAccountName === 'default') {
      throw defaultServiceAccountReader(path, 'serviceAccountName');
    }
    if (props.secretNames.length === 0) {
      throw emptyCollection(path, 'secretNames', [], 'at least one Secret name (a Role without resourceNames would allow get on every Secret of the namespace)',
        'list the Secrets the workload reads');
    }
    props.secretNames.forEach((name, i) => {
      assertDnsSubdomain(path, `secretNames[${i}]`, name);
      const first = props.secretNames.indexOf(name);
      if (first !== i) {
        throw duplicateValue(path, `secretNames[${i}]`, name, `secretNames[${first}]`, 'list each Secret once');
      }
    });
    this.objectName = props.name ?? `${props.serviceAccountName}-secret-reader`;
    assertDnsSubdomain(path, 'name', this.objectName);
    const metadata = {
      name: this.objectName, namespace: props.namespace,
      labels: { 'app.kubernetes.io/part-of': 'external-secrets', ...props.labels },
    };
    this.role = new ApiObject(this, 'Role', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata,
      rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: [...props.secretNames].sort(), verbs: ['get'] }],
    });
    this.roleBinding = new ApiObject(this, 'RoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.objectName },
      subjects: [{ kind: 'ServiceAccount', name: props.serviceAccountName, namespace: props.namespace }],
    });
  }
}
