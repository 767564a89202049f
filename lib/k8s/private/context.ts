import { crossNamespaceStoreRef } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';
import { assertDnsLabel, assertDnsSubdomain, assertShape, assertType } from '../../core/validation';
import { assertSecretKey } from './external-secret-spec';
import { SecretStoreKind } from '../enums';
import { LabelSelector, SecretKeySelector, ServiceAccountReference } from '../references';

/**
 * What a provider needs to know about the store it is rendered into.
 * @internal
 */
export class StoreContext {
  constructor(
    /** Construct path of the store, for error messages. */
    public readonly path: string,
    /** Kind of the store. */
    public readonly kind: SecretStoreKind,
    /** Namespace of a namespaced store. */
    public readonly namespace: string | undefined,
  ) {}

  /** True for a ClusterSecretStore. */
  public get isCluster(): boolean {
    return this.kind === SecretStoreKind.CLUSTER_SECRET_STORE;
  }

  /**
   * Checks the namespace of a reference: a namespaced store may only reference its own namespace.
   * Returns the namespace to emit.
   */
  public refNamespace(prop: string, namespace: string | undefined): string | undefined {
    if (namespace === undefined || isUnresolved(namespace)) {
      return namespace;
    }
    assertDnsLabel(this.path, prop, namespace);
    if (this.isCluster) {
      return namespace;
    }
    if (this.namespace === undefined || namespace !== this.namespace) {
      throw crossNamespaceStoreRef(this.path, prop, namespace, this.namespace);
    }
    return namespace;
  }

  /** Renders a service account reference (`{name, namespace, audiences}`). */
  public serviceAccountRef(prop: string, sa: ServiceAccountReference, audiences?: string[]):
  { name: string; namespace?: string; audiences?: string[] } {
    assertShape(this.path, prop, sa, { 'name': 'nonEmptyString', 'namespace?': 'string' });
    assertDnsSubdomain(this.path, `${prop}.name`, sa.name);
    if (audiences !== undefined) {
      assertType(this.path, `${prop}.audiences`, audiences, { arrayOf: 'nonEmptyString' });
    }
    return {
      name: sa.name,
      namespace: this.refNamespace(`${prop}.namespace`, sa.namespace),
      audiences: audiences && audiences.length > 0 ? [...audiences] : undefined,
    };
  }

  /** Renders a secret key selector (`{name, key, namespace}`). */
  public secretRef(prop: string, ref: SecretKeySelector): { name: string; key?: string; namespace?: string } {
    assertShape(this.path, prop, ref, { 'name': 'nonEmptyString', 'key?': 'nonEmptyString', 'namespace?': 'string' });
    assertDnsSubdomain(this.path, `${prop}.name`, ref.name);
    if (ref.key !== undefined) {
      assertSecretKey(this.path, `${prop}.key`, ref.key);
    }
    return { name: ref.name, key: ref.key, namespace: this.refNamespace(`${prop}.namespace`, ref.namespace) };
  }
}

/** Renders a label selector in the L1 shape (the same for every kind). @internal */
export function renderLabelSelector(selector: LabelSelector): {
  matchLabels?: { [key: string]: string };
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
} {
  return {
    matchLabels: selector.matchLabels ? { ...selector.matchLabels } : undefined,
    matchExpressions: selector.matchExpressions?.map((e) => ({
      key: e.key, operator: e.operator, values: e.values ? [...e.values] : undefined,
    })),
  };
}
