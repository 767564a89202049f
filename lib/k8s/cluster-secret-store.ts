import { Construct } from 'constructs';
import { clusterScopedNamespace, emptyStoreCondition, emptyStoreConditions, invalidNamespaceRegex } from '../core/errors';
import { assertDnsLabel, re2Error } from '../core/validation';
import { assertLabelSelector } from './private/selectors';
import { LABEL_SELECTOR } from './private/shapes';
import { assertStoreProps } from './private/store-spec';
import { isUnresolved } from '../core/tokens';
import { SecretStoreKind } from './enums';
import * as l1 from './imports/external-secrets.io';
import { renderLabelSelector, StoreContext } from './private/context';
import { buildMetadata, dropChartNamespace } from './private/metadata';
import { renderStoreSpec } from './private/store-spec';
import { LabelSelector } from './references';
import { SecretStoreCommonProps } from './secret-store';
import { SecretStoreProvider } from './secret-store-provider';
import { ImportedSecretStore, ISecretStore } from './secret-store-ref';
import { DefaultedClusterSecretStore } from './private/defaulted-objects';

/**
 * Which namespaces may use a ClusterSecretStore. Within a condition, and across conditions,
 * everything is ORed.
 */
export interface ClusterSecretStoreCondition {
  /**
   * Namespace names.
   * @default - none
   */
  readonly namespaces?: string[];
  /**
   * Regular expressions on namespace names. ESO matches them unanchored; the library anchors each
   * one with `^…$` (unless it already is) so `team-a` does not admit `team-a-sandbox`.
   * @default - none
   */
  readonly namespaceRegexes?: string[];
  /**
   * Label selector on namespaces.
   * @default - none
   */
  readonly namespaceSelector?: LabelSelector;
}

/** Props of {@link ClusterSecretStore}. */
export interface ClusterSecretStoreProps extends SecretStoreCommonProps {
  /**
   * Namespaces allowed to use the store.
   * @default - every namespace
   */
  readonly conditions?: ClusterSecretStoreCondition[];
}

/**
 * Anchors a Go regexp with `^…$` (ESO uses unanchored `regexp.MatchString`).
 * @internal
 */
export function anchorRegex(regex: string): string {
  const start = regex.startsWith('^') ? '' : '^';
  const escapedEnd = /(^|[^\\])(\\\\)*\\\$$/.test(regex);
  const end = regex.endsWith('$') && !escapedEnd ? '' : '$';
  return `${start}${regex}${end}`;
}

/**
 * A cluster-scoped ESO `ClusterSecretStore` (`external-secrets.io/v1`).
 *
 * References without a namespace resolve in each ExternalSecret's namespace ("referent auth"); set
 * the namespace of the service account explicitly to use one identity for every namespace.
 *
 * @see https://external-secrets.io/latest/api/clustersecretstore/
 */
export class ClusterSecretStore extends Construct implements ISecretStore {
  /** Imports a ClusterSecretStore by name. */
  public static fromClusterSecretStoreName(scope: Construct, id: string, storeName: string): ISecretStore {
    return new ImportedSecretStore(scope, id, storeName, SecretStoreKind.CLUSTER_SECRET_STORE);
  }

  /** The L1 object. */
  public readonly resource: l1.ClusterSecretStore;
  /** `metadata.name`. */
  public readonly storeName: string;
  /** Always `SecretStoreKind.CLUSTER_SECRET_STORE`. */
  public readonly storeKind = SecretStoreKind.CLUSTER_SECRET_STORE;
  /** Always undefined: the store is cluster-scoped. */
  public readonly namespace?: string = undefined;
  /** The provider. */
  public readonly provider: SecretStoreProvider;

  constructor(scope: Construct, id: string, props: ClusterSecretStoreProps) {
    super(scope, id);
    const path = this.node.path;
    assertStoreProps(path, props, 'ClusterSecretStoreProps', {
      'conditions?': { arrayOf: { shape: { 'namespaces?': 'stringArray', 'namespaceRegexes?': 'stringArray', 'namespaceSelector?': LABEL_SELECTOR } } },
    });
    if ((props as { namespace?: unknown }).namespace !== undefined) {
      throw clusterScopedNamespace(path, 'metadata.namespace', (props as { namespace?: unknown }).namespace);
    }
    if (props.conditions !== undefined && props.conditions.length === 0) {
      throw emptyStoreConditions(path, 'spec.conditions');
    }
    this.provider = props.provider;
    const metadata = buildMetadata(path, props);
    const spec = renderStoreSpec(new StoreContext(path, SecretStoreKind.CLUSTER_SECRET_STORE, undefined), props);
    const conditions = props.conditions?.map((c, i) => this.renderCondition(c, i));
    this.resource = new DefaultedClusterSecretStore(this, 'Resource', {
      metadata,
      spec: { ...spec, conditions: conditions && conditions.length > 0 ? conditions : undefined },
    });
    dropChartNamespace(this.resource);
    this.storeName = this.resource.name;
  }

  private renderCondition(c: ClusterSecretStoreCondition, index: number): l1.ClusterSecretStoreSpecConditions {
    const prop = `spec.conditions[${index}]`;
    if (!c.namespaces?.length && !c.namespaceRegexes?.length && !c.namespaceSelector) {
      throw emptyStoreCondition(this.node.path, prop);
    }
    c.namespaces?.forEach((ns, j) => assertDnsLabel(this.node.path, `${prop}.namespaces[${j}]`, ns));
    const regexes = c.namespaceRegexes?.map((r, j) => {
      if (isUnresolved(r)) {
        return r;
      }
      const error = re2Error(r);
      if (error !== undefined) {
        throw invalidNamespaceRegex(this.node.path, `${prop}.namespaceRegexes[${j}]`, r, error);
      }
      return anchorRegex(r);
    });
    if (c.namespaceSelector !== undefined) {
      assertLabelSelector(this.node.path, `${prop}.namespaceSelector`, c.namespaceSelector);
    }
    return {
      namespaces: c.namespaces?.length ? [...c.namespaces] : undefined,
      namespaceRegexes: regexes?.length ? regexes : undefined,
      namespaceSelector: c.namespaceSelector ? renderLabelSelector(c.namespaceSelector) : undefined,
    };
  }
}
