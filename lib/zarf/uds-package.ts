import { BackendEndpoint, backendModel, ClusterDeclaration, EndpointProtocol, SecretsDeclaration } from '../core/declaration';
import { storeEndpointsUnknown, undeclaredReference, wrongType } from '../core/errors';
import { assertDeclaration, assertDnsSubdomain, assertShape } from '../core/validation';

/** Props of {@link UdsPackage}. */
export interface UdsPackageProps {
  /** The declaration (the same module both apps render). */
  readonly declaration: SecretsDeclaration;
  /** The cluster the package is for: its stores decide the egress. */
  readonly cluster: ClusterDeclaration;
  /**
   * Name of the `Package` object (in the ESO namespace of the declaration).
   * @default "external-secrets"
   */
  readonly name?: string;
  /**
   * Port the ESO webhook listens on (`webhook.port` of the release).
   * @default 10250 (the chart's default)
   */
  readonly webhookPort?: number;
}

/** One `spec.network.allow` entry of a UDS `Package` (`uds.dev/v1alpha1`). */
export interface UdsAllowRule {
  /** `Ingress` or `Egress`. */
  readonly direction: 'Ingress' | 'Egress';
  /** Description (part of the generated policy's name). */
  readonly description: string;
  /**
   * Pods of the package namespace the rule applies to.
   * @default - every pod of the namespace
   */
  readonly selector?: Readonly<Record<string, string>>;
  /**
   * A remote UDS Core generates (`KubeAPI`).
   * @default - none
   */
  readonly remoteGenerated?: 'KubeAPI';
  /**
   * Remote host (egress through the mesh).
   * @default - none
   */
  readonly remoteHost?: string;
  /**
   * Remote address range.
   * @default - none
   */
  readonly remoteCidr?: string;
  /**
   * Remote namespace (an in-cluster service).
   * @default - none
   */
  readonly remoteNamespace?: string;
  /**
   * Transport of a `remoteHost` rule.
   * @default - UDS Core's default (TLS for hosts, TCP otherwise)
   */
  readonly remoteProtocol?: 'TLS' | 'HTTP';
  /**
   * Port.
   * @default - every port
   */
  readonly port?: number;
}

/** The pod labels of the `external-secrets` chart's components (`app.kubernetes.io/name`). */
const CONTROLLER = { 'app.kubernetes.io/name': 'external-secrets' } as const;
const WEBHOOK = { 'app.kubernetes.io/name': 'external-secrets-webhook' } as const;

function egressRule(endpoint: BackendEndpoint, stores: readonly string[]): UdsAllowRule {
  const where = endpoint.host ?? endpoint.cidr ?? `namespace ${endpoint.namespace}`;
  const base = {
    direction: 'Egress' as const, selector: CONTROLLER, port: endpoint.port,
    description: `${endpoint.purpose} ${where} (stores ${stores.join(', ')})`,
  };
  if (endpoint.host !== undefined) {
    return { ...base, remoteHost: endpoint.host, remoteProtocol: endpoint.protocol === EndpointProtocol.HTTP ? 'HTTP' : 'TLS' };
  }
  return endpoint.cidr !== undefined ? { ...base, remoteCidr: endpoint.cidr } : { ...base, remoteNamespace: endpoint.namespace };
}

/**
 * The UDS Core `Package` CR (`uds.dev/v1alpha1`) of External Secrets Operator on one cluster, derived
 * from the declaration: egress from the controller pods to exactly the endpoints its stores on the
 * cluster need (each backend's API and token exchange, the EKS Pod Identity agent, a Vault server),
 * egress from every ESO pod to the Kubernetes API server, and ingress from the API server to the
 * webhook. UDS Core's operator turns it into NetworkPolicies and mesh authorization; everything else
 * stays denied.
 *
 * Engine-free: put {@link toJson} into a Zarf package (`ZarfManifests.fromObjects`) or a cdk8s chart
 * (`new ApiObject(chart, id, pkg.toJson())`).
 *
 * @see https://uds.defenseunicorns.com/reference/configuration/custom-resources/packages-v1alpha1-cr/
 */
export class UdsPackage {
  /** Name of the `Package` object. */
  public readonly name: string;
  /** Namespace of the `Package` object (the declaration's ESO namespace). */
  public readonly namespace: string;
  /** The `spec.network.allow` rules, sorted: API server first, then the stores' endpoints. */
  public readonly allow: readonly UdsAllowRule[];

  constructor(props: UdsPackageProps) {
    const path = 'UdsPackage';
    if (typeof props !== 'object' || props === null || Array.isArray(props)) {
      throw wrongType(path, 'props', props, 'a UdsPackageProps object ({ declaration, cluster })');
    }
    assertDeclaration(path, props.declaration);
    assertShape(path, '', props, { 'name?': 'string', 'webhookPort?': 'number' });
    const { declaration, cluster } = props;
    if (!declaration.isDeclared(cluster)) {
      throw undeclaredReference(path, 'cluster', String((cluster as { id?: unknown } | undefined)?.id), 'cluster', 'addEksCluster');
    }
    this.name = props.name ?? 'external-secrets';
    assertDnsSubdomain(path, 'name', this.name);
    this.namespace = declaration.esoController.namespace;
    const plan = declaration.plan();
    const byEndpoint = new Map<string, { endpoint: BackendEndpoint; stores: string[] }>();
    for (const store of declaration.stores.filter((s) => declaration.clustersOfStore(s).includes(cluster))) {
      const model = backendModel(store.provider);
      if (model.endpoints === undefined) {
        throw storeEndpointsUnknown(declaration.pathOf('stores', store.id), 'clusters', cluster.id, store.provider);
      }
      const kinds = plan.identities.filter((i) => i.stores.includes(store) && i.clusters.includes(cluster)).map((i) => i.kind);
      for (const endpoint of model.endpoints(store, kinds)) {
        const key = `${endpoint.host ?? ''}|${endpoint.cidr ?? ''}|${endpoint.namespace ?? ''}|${endpoint.port}|${endpoint.protocol}`;
        const entry = byEndpoint.get(key) ?? { endpoint, stores: [] };
        entry.stores.push(store.name);
        byEndpoint.set(key, entry);
      }
    }
    const egress = [...byEndpoint.entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([, { endpoint, stores }]) => egressRule(endpoint, [...new Set(stores)].sort()));
    this.allow = [
      { direction: 'Egress', remoteGenerated: 'KubeAPI', description: 'Kubernetes API server (ESO controller, webhook, cert controller)' },
      { direction: 'Ingress', remoteGenerated: 'KubeAPI', selector: WEBHOOK, port: props.webhookPort ?? 10250, description: 'Kubernetes API server to the ESO validating webhook' },
      ...egress,
    ];
  }

  /** The `Package` object. */
  public toJson(): { [key: string]: unknown } {
    return {
      apiVersion: 'uds.dev/v1alpha1',
      kind: 'Package',
      metadata: { name: this.name, namespace: this.namespace },
      spec: { network: { allow: this.allow.map((rule) => ({ ...rule })) } },
    };
  }
}
