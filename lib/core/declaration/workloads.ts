/**
 * Workloads that read their Secrets through the Kubernetes API: each gets a Role allowing `get` on
 * exactly the Secrets its declared ExternalSecrets produce, bound to its own service account.
 */
import { defaultServiceAccountReader, duplicateValue, emptyCollection, workloadReadsOtherNamespace } from '../errors';
import { assertDnsLabel, assertDnsSubdomain, assertShape } from '../validation';
import type { ExternalSecretDeclaration } from './consumers';
import { DeclarationMembers } from './members';

/** Props of {@link SecretsDeclaration.addWorkload}. */
export interface WorkloadOptions {
  /** Name of the workload (Deployment, StatefulSet, …), for names and the access matrix. */
  readonly name: string;
  /** Namespace of the workload: the namespace of the ExternalSecrets it reads. */
  readonly namespace: string;
  /**
   * The service account its pods run as (not `default`).
   * @default - the workload's name
   */
  readonly serviceAccountName?: string;
  /**
   * ExternalSecrets whose target Secrets the workload reads through the Kubernetes API: its service
   * account gets a Role allowing `get` on exactly those Secrets, on every cluster they are on.
   */
  readonly reads: ExternalSecretDeclaration[];
}

/** A workload in a declaration that reads its Secrets through the Kubernetes API. */
export interface WorkloadDeclaration {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly serviceAccountName: string;
  /** The ExternalSecrets it reads, in declaration order. */
  readonly reads: readonly ExternalSecretDeclaration[];
}

/** Validates and registers a workload (see {@link SecretsDeclaration.addWorkload}). */
export function declareWorkload(members: DeclarationMembers, id: string, options: WorkloadOptions): WorkloadDeclaration {
  const path = members.register('workloads', id);
  assertShape(path, '', options, { 'name': 'string', 'namespace': 'string', 'serviceAccountName?': 'string', 'reads': 'array' });
  assertDnsSubdomain(path, 'name', options.name);
  assertDnsLabel(path, 'namespace', options.namespace);
  const serviceAccountName = options.serviceAccountName ?? options.name;
  assertDnsSubdomain(path, 'serviceAccountName', serviceAccountName);
  if (serviceAccountName === 'default') {
    throw defaultServiceAccountReader(path, 'serviceAccountName');
  }
  if (options.reads.length === 0) {
    throw emptyCollection(path, 'reads', [], 'at least one ExternalSecret whose Secret the workload reads (a workload reading none needs no Role)',
      'list the ExternalSecrets whose Secrets it reads, or do not declare the workload');
  }
  options.reads.forEach((es, i) => {
    members.checkDeclared(path, `reads[${i}]`, es, 'ExternalSecret', 'addExternalSecret');
    if (es.namespace !== options.namespace) {
      throw workloadReadsOtherNamespace(path, `reads[${i}]`, es.name, es.namespace, options.namespace);
    }
    const first = options.reads.indexOf(es);
    if (first !== i) {
      throw duplicateValue(path, `reads[${i}]`, es.name, `reads[${first}]`, 'list each ExternalSecret once');
    }
  });
  members.claimUnique(path, 'serviceAccountName', `workload-sa:${options.namespace}:${serviceAccountName}`, serviceAccountName);
  return members.adopt<WorkloadDeclaration>('workloads', {
    id, name: options.name, namespace: options.namespace, serviceAccountName, reads: [...options.reads],
  });
}
