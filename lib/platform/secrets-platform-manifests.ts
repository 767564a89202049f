import { Chart } from 'cdk8s';
import { kplus } from '../k8s/private/cdk8s-plus';
import { Construct } from 'constructs';
import {
  ApplyTimeValues, ClusterDeclaration, EsoAuthModel, ExternalSecretDeclaration, GeneratedSecretDeclaration, IdentityPlan,
  PushSecretDeclaration, SecretsDeclaration, StoreDeclaration, StoreScope, TenantDeclaration, anchor, backendModel, clientIdOutputName,
} from '../core/declaration';
import { missingAzureClientId, missingPlatformOutput, notOnCluster, trustedServiceAccountNotEmitted, untrustedIdentityUse, validationMessage } from '../core/errors';
import { IWorkloadIdentity } from '../core/identity';
import { ClusterSecretStore } from '../k8s/cluster-secret-store';
import { ExternalSecret } from '../k8s/external-secret';
import { LabelSelectorOperator } from '../k8s/enums';
import { ExternalSecretData, ExternalSecretDataFrom } from '../k8s/external-secret-data';
import { SecretType } from '../k8s/external-secret-target';
import { PushSecret, PushSecretSource } from '../k8s/push-secret';
import { ReloaderWiring, ReloaderWiringProps } from '../k8s/reloader';
import { SecretStoreProvider } from '../k8s/secret-store-provider';
import { ISecretStore } from '../k8s/secret-store-ref';
import { SecretStore } from '../k8s/secret-store';
import { WorkloadServiceAccount } from '../k8s/workload-service-account';
import { ExternalSecretsTenantAccess } from '../k8s/tenant-access';
import { SecretReaderAccess } from '../k8s/secret-reader-access';
import { StoreRenderRequest } from './backends/store-renderer';
import { allStoreRenderers, storeRenderer } from './backends/store-renderers';
import { GeneratorReference } from '../k8s/external-secret-data';
import { PlatformOutputs } from './platform-outputs';
import { verifyManifests } from './verification/verify-manifests';
import { generatedDataFrom, renderGeneratedSecret } from './generated-secrets';
import { renderedElsewhere, trackRendering } from '../k8s/private/rendering';
import { assertDeclaration, assertPropsObject } from '../core/validation';

/** Argo CD sync waves for the objects the renderer emits (CRDs come from the ESO release first). */
export interface PlatformSyncWaves {
  /**
   * Sync wave of service accounts and stores.
   * @default - no sync-wave annotation
   */
  readonly stores?: number;
  /**
   * Sync wave of ExternalSecrets and PushSecrets.
   * @default - no sync-wave annotation
   */
  readonly externalSecrets?: number;
}

/** Props of {@link SecretsPlatformManifests}. */
export interface SecretsPlatformManifestsProps {
  /** The declaration to render (the same module the cdktf app renders). */
  readonly declaration: SecretsDeclaration;
  /** The cluster whose objects to render. */
  readonly cluster: ClusterDeclaration;
  /**
   * Client IDs of the per-store Azure identities (`EsoAuthModel.STORE_SERVICE_ACCOUNT`), by identity id,
   * as written by the cloud side's `eso_client_id_<id>` outputs. Azure assigns them at apply time.
   * @default - none; required only for Azure stores with a per-store service account (or give `cloudOutputs`)
   */
  readonly azureClientIds?: Record<string, string>;
  /**
   * The cloud side's Terraform outputs after apply (`PlatformOutputs.fromFile('outputs.json', '<stack>')`
   * on the file `cdktf output <stack> --outputs-file outputs.json` writes): the values Entra assigns
   * at apply time (per-store Azure client IDs) come from there.
   * @default - none; `azureClientIds` or no apply-time value needed
   */
  readonly cloudOutputs?: PlatformOutputs;
  /**
   * Emit the Namespace objects of the ExternalSecrets (not the ESO namespace: the Helm release owns it).
   * @default false
   */
  readonly createNamespaces?: boolean;
  /**
   * Argo CD sync waves.
   * @default - no sync-wave annotations
   */
  readonly syncWaves?: PlatformSyncWaves;
}

/**
 * Renders a {@link SecretsDeclaration} for one cluster as Kubernetes objects (cdk8s): the service
 * accounts per-store identities use (annotated with the literal role ARN or client ID the cloud side
 * creates), ClusterSecretStores whose `conditions` admit only the namespaces that use them,
 * SecretStores per tenant namespace, ExternalSecrets and PushSecrets.
 *
 * Every service account carrying an identity annotation is checked at synth against the service
 * accounts the cloud side trusts for this cluster, and the reverse.
 */
export class SecretsPlatformManifests extends Construct {
  /** The rendered cluster. */
  public readonly cluster: ClusterDeclaration;
  private readonly declaration: SecretsDeclaration;
  private readonly stores = new Map<string, ISecretStore>();
  private readonly externalSecretsById = new Map<string, ExternalSecret>();
  private readonly generatedSecretsById = new Map<string, ExternalSecret>();
  private readonly values: ApplyTimeValues;
  private readonly tenantAccess = new Map<string, ExternalSecretsTenantAccess>();
  private readonly cloudOutputs?: PlatformOutputs;

  constructor(scope: Construct, id: string, props: SecretsPlatformManifestsProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'SecretsPlatformManifestsProps');
    assertDeclaration(this.node.path, props.declaration);
    this.declaration = props.declaration;
    this.cluster = props.cluster;
    this.cloudOutputs = props.cloudOutputs;
    const clientIds = new Map(Object.entries(props.azureClientIds ?? {}).map(([id, value]) => [clientIdOutputName(id), value]));
    this.values = { output: (name) => clientIds.get(name) ?? props.cloudOutputs?.output(name) };
    props.declaration.markRendered(this.node.path);
    const plan = props.declaration.plan();
    const onCluster = <T extends { readonly store: StoreDeclaration; readonly clusters?: readonly ClusterDeclaration[] }>(items: readonly T[]) =>
      items.filter((item) => props.declaration.clustersOf(item).includes(props.cluster));

    const generatedHere = props.declaration.generatedSecrets.filter((gs) => gs.clusters.includes(props.cluster));
    if (props.createNamespaces) {
      const namespaces = new Set([...onCluster(props.declaration.externalSecrets), ...onCluster(props.declaration.pushSecrets), ...generatedHere]
        .map((c) => c.namespace));
      namespaces.delete(props.declaration.esoController.namespace);
      [...namespaces].sort().forEach((ns) => new kplus.Namespace(this, `Namespace-${ns}`, { metadata: { name: ns } }));
    }

    for (const store of props.declaration.stores.filter((s) => props.declaration.clustersOfStore(s).includes(props.cluster))) {
      this.renderStore(store, plan.namespacesOf(store), props);
    }
    for (const renderer of allStoreRenderers()) {
      renderer.clusterObjects?.(this, plan.identities.filter((i) => i.provider === renderer.kind && i.clusters.includes(props.cluster)), props.cluster);
    }
    for (const es of onCluster(props.declaration.externalSecrets)) {
      this.externalSecretsById.set(es.id, this.renderExternalSecret(es, props.syncWaves?.externalSecrets, props));
    }
    for (const push of onCluster(props.declaration.pushSecrets)) {
      this.renderPushSecret(push, props.syncWaves?.externalSecrets);
    }
    for (const gs of generatedHere) {
      this.generatedSecretsById.set(gs.id, renderGeneratedSecret(this, gs, props.syncWaves?.externalSecrets));
    }
    // Workloads reading their Secrets through the API: get on exactly the Secrets of their ExternalSecrets here.
    for (const workload of props.declaration.workloads) {
      const secretNames = onCluster(workload.reads).map((es) => es.targetSecretName);
      if (secretNames.length > 0) {
        new SecretReaderAccess(this, `Workload-${workload.id}`, {
          namespace: workload.namespace, serviceAccountName: workload.serviceAccountName, secretNames, name: `${workload.name}-secret-reader`,
        });
      }
    }
    // Tenant RBAC in the tenant namespaces this cluster serves (those with ExternalSecrets or PushSecrets here).
    const served = new Set([...onCluster(props.declaration.externalSecrets), ...onCluster(props.declaration.pushSecrets)].map((c) => c.namespace));
    for (const tenant of props.declaration.tenants) {
      const namespaces = tenant.namespaces.filter((ns) => served.has(ns));
      if (namespaces.length > 0) {
        this.tenantAccess.set(tenant.id, new ExternalSecretsTenantAccess(this, `Tenant-${tenant.id}`, {
          tenant: tenant.id, namespaces, groups: [...tenant.groups], allowPushSecrets: tenant.allowPushSecrets,
        }));
      }
    }
    // Checked when this chart renders (not again for each other chart cdk8s renders, see k8s/private/rendering.ts).
    trackRendering(Chart.of(this));
    this.node.addValidation({ validate: () => (renderedElsewhere(this) ? [] : this.validateTrust()) });
    // Verified output: at synth, the emitted objects are read back and compared with the plan.
    this.node.addValidation({
      validate: () => (renderedElsewhere(this) ? [] : verifyManifests({
        scope: this, declaration: props.declaration, plan, cluster: props.cluster,
        externalSecrets: onCluster(props.declaration.externalSecrets), pushSecrets: onCluster(props.declaration.pushSecrets), generatedSecrets: generatedHere,
        tenants: props.declaration.tenants.filter((t) => this.tenantAccess.has(t.id))
          .map((tenant) => ({ tenant, scope: this.tenantAccess.get(tenant.id)!, namespaces: tenant.namespaces.filter((ns) => served.has(ns)) })),
        remoteKey: (store, secret) => storeRenderer(store.provider).remoteKey(secret),
        annotations: (identity) => backendModel(identity.provider).workloadIdentity(identity, this.values).identity?.serviceAccountAnnotations,
        identityFields: (store, identity) => storeRenderer(store.provider).identityFields({ declaration: props.declaration, store, identity, cluster: props.cluster }),
      })),
    });
  }

  /**
   * The RBAC rendered for a tenant on this cluster (a Role and RoleBinding per tenant namespace served here).
   * @returns undefined when none of the tenant's namespaces has an ExternalSecret or PushSecret on this cluster
   */
  public tenant(declared: TenantDeclaration): ExternalSecretsTenantAccess | undefined {
    return this.tenantAccess.get(declared.id);
  }

  /** The ExternalSecret rendered for a declared one (use `.secret` in cdk8s-plus workloads). */
  public externalSecret(declared: ExternalSecretDeclaration): ExternalSecret {
    const found = this.externalSecretsById.get(declared.id);
    if (!found) {
      throw notOnCluster(this.node.path, 'externalSecret', declared.id, this.cluster.id);
    }
    return found;
  }

  /** The ExternalSecret rendered for a declared generated secret (use `.secret` in cdk8s-plus workloads). */
  public generatedSecret(declared: GeneratedSecretDeclaration): ExternalSecret {
    const found = this.generatedSecretsById.get(declared.id);
    if (!found) {
      throw notOnCluster(this.node.path, 'generatedSecret', declared.id, this.cluster.id);
    }
    return found;
  }

  /** The store rendered for a declared store (in `namespace` for namespaced stores). */
  public store(declared: StoreDeclaration, namespace?: string): ISecretStore {
    return this.storeFor(declared, namespace ?? this.declaration.esoController.namespace);
  }

  /**
   * Wires Reloader on a workload so it rolls when any of the given ExternalSecrets' Secrets change
   * (see {@link ReloaderWiring}; the Secret names are derived, never retyped).
   */
  public reloadOnChange(workload: ReloaderWiringProps['workload'], externalSecrets: ExternalSecretDeclaration[], options: Omit<ReloaderWiringProps, 'workload' | 'externalSecrets'> = {}): ReloaderWiring {
    return new ReloaderWiring(this, `Reloader-${workload.node.id}`, {
      ...options, workload, externalSecrets: externalSecrets.map((es) => this.externalSecret(es)),
    });
  }

  private renderStore(store: StoreDeclaration, namespaces: readonly string[], props: SecretsPlatformManifestsProps): void {
    const plan = this.declaration.plan();
    const syncWave = props.syncWaves?.stores;
    if (store.scope === StoreScope.CLUSTER) {
      const identity = plan.identityFor(store, this.cluster, this.declaration.esoController.namespace);
      const provider = this.provider(store, identity, this.declaration.esoController.namespace, props);
      const resource = new ClusterSecretStore(this, `Store-${store.id}`, {
        name: store.name, provider, refreshInterval: store.refreshInterval, syncWave,
        // An empty conditions list would admit every namespace: a store nobody uses admits none
        // (every namespace carries kubernetes.io/metadata.name, so DoesNotExist never matches).
        // admitAllNamespaces: no conditions at all (an acknowledged exception, rule CES-LP-15).
        conditions: store.admitAllNamespaces === true ? undefined : namespaces.length > 0
          ? [{ namespaces: [...namespaces] }]
          : [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: LabelSelectorOperator.DOES_NOT_EXIST }] } }],
      });
      this.stores.set(this.storeKey(store, this.declaration.esoController.namespace), resource);
      return;
    }
    for (const namespace of namespaces) {
      const identity = plan.identityFor(store, this.cluster, namespace);
      const resource = new SecretStore(this, `Store-${store.id}-${namespace}`, {
        name: store.name, namespace, provider: this.provider(store, identity, namespace, props), refreshInterval: store.refreshInterval, syncWave,
      });
      this.stores.set(this.storeKey(store, namespace), resource);
    }
  }

  private provider(store: StoreDeclaration, identity: IdentityPlan, namespace: string, props: SecretsPlatformManifestsProps): SecretStoreProvider {
    return storeRenderer(store.provider).provider(this.renderRequest(store, identity, namespace, props));
  }

  private renderRequest(store: StoreDeclaration, identity: IdentityPlan, namespace: string, props: SecretsPlatformManifestsProps): StoreRenderRequest {
    const references = this.declaration.plan().referencesServiceAccount(store, this.cluster, namespace);
    const serviceAccount = !references ? undefined
      : identity.authModel === EsoAuthModel.STORE_SERVICE_ACCOUNT ? this.serviceAccountFor(identity, props)
        : { name: identity.serviceAccount.name, namespace: store.scope === StoreScope.CLUSTER ? identity.serviceAccount.namespace : undefined };
    return { declaration: this.declaration, store, identity, cluster: this.cluster, serviceAccount };
  }

  private serviceAccountFor(identity: IdentityPlan, props: SecretsPlatformManifestsProps): WorkloadServiceAccount {
    const id = `ServiceAccount-${identity.id}`;
    const existing = this.node.tryFindChild(id);
    if (existing) {
      return existing as WorkloadServiceAccount;
    }
    const account = new WorkloadServiceAccount(this, id, {
      name: identity.serviceAccount.name,
      namespace: identity.serviceAccount.namespace,
      identity: this.workloadIdentity(identity),
      automountToken: false,
      annotations: props.syncWaves?.stores !== undefined ? { 'argocd.argoproj.io/sync-wave': String(props.syncWaves.stores) } : undefined,
    });
    return account;
  }

  private workloadIdentity(identity: IdentityPlan): IWorkloadIdentity {
    const resolved = backendModel(identity.provider).workloadIdentity(identity, this.values);
    if (resolved.identity === undefined) {
      // Name the prop the user set: the outputs file lacks the output, or no source of the value was given.
      if (this.cloudOutputs !== undefined) {
        throw missingPlatformOutput(this.node.path, 'cloudOutputs', resolved.missingOutput!, this.cloudOutputs.source, this.cloudOutputs.stack);
      }
      throw missingAzureClientId(this.node.path, 'azureClientIds', identity.id, resolved.missingOutput!);
    }
    return resolved.identity;
  }

  private renderExternalSecret(es: ExternalSecretDeclaration, syncWave: number | undefined, props: SecretsPlatformManifestsProps): ExternalSecret {
    const keys = storeRenderer(es.store.provider);
    const generators = es.dynamicSecrets.map((dynamic) => {
      const id = `Generator-${dynamic.id}-${es.namespace}`;
      const existing = this.node.tryFindChild(id);
      if (existing) {
        return existing as unknown as GeneratorReference;
      }
      const identity = this.declaration.plan().identityFor(es.store, this.cluster, es.namespace);
      return keys.dynamicSecret!(this, id, this.renderRequest(es.store, identity, es.namespace, props), dynamic, es.namespace);
    });
    const data: ExternalSecretData[] = es.data.map((d) => ({
      secretKey: d.secretKey,
      remoteRef: {
        key: keys.remoteKey(d.secret), property: d.property, version: d.version, decodingStrategy: d.decodingStrategy,
        conversionStrategy: d.conversionStrategy, metadataPolicy: d.metadataPolicy, nullBytePolicy: d.nullBytePolicy,
      },
    }));
    const dataFrom: ExternalSecretDataFrom[] = [
      ...es.extract.map((e) => ({
        extract: {
          key: keys.remoteKey(e.secret), version: e.version, decodingStrategy: e.decodingStrategy,
          conversionStrategy: e.conversionStrategy, nullBytePolicy: e.nullBytePolicy,
        },
      })),
      ...es.find.map((f) => ({
        find: {
          nameRegexp: f.nameRegexp !== undefined ? anchor(f.nameRegexp) : undefined, tags: f.tags, path: f.path,
          decodingStrategy: f.decodingStrategy, conversionStrategy: f.conversionStrategy, nullBytePolicy: f.nullBytePolicy,
        },
      })),
      ...generators.map((generator) => ({ generator })),
      ...es.generated.map((g) => generatedDataFrom(this, g, es.namespace)),
    ];
    const template = es.template;
    return new ExternalSecret(this, `ExternalSecret-${es.id}`, {
      name: es.name,
      namespace: es.namespace,
      store: this.storeFor(es.store, es.namespace),
      refreshInterval: es.refreshInterval,
      refreshPolicy: es.refreshPolicy,
      syncWave,
      target: {
        name: es.targetSecretName,
        creationPolicy: es.creationPolicy,
        deletionPolicy: es.deletionPolicy,
        immutable: es.immutable,
        template: template ? {
          type: template.type !== undefined ? SecretType.of(template.type) : undefined,
          data: template.data,
          mergePolicy: template.mergePolicy,
          metadata: template.labels || template.annotations ? { labels: template.labels, annotations: template.annotations } : undefined,
        } : undefined,
      },
      data: data.length > 0 ? data : undefined,
      dataFrom: dataFrom.length > 0 ? dataFrom : undefined,
    });
  }

  private renderPushSecret(push: PushSecretDeclaration, syncWave: number | undefined): PushSecret {
    const resource = new PushSecret(this, `PushSecret-${push.id}`, {
      name: push.name,
      namespace: push.namespace,
      stores: [this.storeFor(push.store, push.namespace)],
      source: PushSecretSource.fromSecret(kplus.Secret.fromSecretName(this, `PushSource-${push.id}`, push.sourceSecretName)),
      syncWave,
    });
    resource.addData({ remoteKey: storeRenderer(push.store.provider).remoteKey(push.destination) });
    return resource;
  }

  private storeFor(store: StoreDeclaration, namespace: string): ISecretStore {
    const key = store.scope === StoreScope.CLUSTER ? this.storeKey(store, this.declaration.esoController.namespace) : this.storeKey(store, namespace);
    const found = this.stores.get(key);
    if (!found) {
      throw notOnCluster(this.node.path, 'store', `${store.id}/${namespace}`, this.cluster.id);
    }
    return found;
  }

  private storeKey(store: StoreDeclaration, namespace: string): string {
    return store.scope === StoreScope.CLUSTER ? store.id : `${store.id}/${namespace}`;
  }

  /**
   * Identity-bearing service accounts must match what the cloud side trusts on this cluster: every
   * trusted one (besides the controller's, which the Helm release creates) is emitted here, and every
   * WorkloadServiceAccount in the chart annotated with an identity of this declaration (a derived role
   * ARN or a per-store client ID) is one that identity trusts, or its pods would be refused at runtime.
   */
  private validateTrust(): string[] {
    const plan = this.declaration.plan();
    const controller = `${this.declaration.esoController.namespace}:${this.declaration.esoController.name}`;
    const trusted = plan.trustedServiceAccounts(this.cluster).filter((sa) => sa !== controller);
    // An emitted service account belongs to an identity when it carries all of that identity's
    // annotations (role ARN, client ID, …); identities whose values are known only after apply and
    // were not given are skipped.
    const known = plan.identities
      .filter((i) => i.clusters.includes(this.cluster))
      .flatMap((identity) => {
        const annotations = backendModel(identity.provider).workloadIdentity(identity, this.values).identity?.serviceAccountAnnotations ?? {};
        return Object.keys(annotations).length > 0 ? [{ identity, annotations }] : [];
      });
    // Identities that need no annotation (GKE direct principals, workload identity pool principals)
    // are the service account itself: emitting a service account of that name satisfies them.
    const unannotated = new Set(plan.identities
      .filter((i) => i.clusters.includes(this.cluster))
      .filter((identity) => {
        const resolved = backendModel(identity.provider).workloadIdentity(identity, this.values).identity;
        return resolved !== undefined && Object.keys(resolved.serviceAccountAnnotations).length === 0;
      })
      .map((identity) => `${identity.serviceAccount.namespace}:${identity.serviceAccount.name}`));
    const errors: string[] = [];
    const emitted = new Set<string>();
    for (const account of Chart.of(this).node.findAll().filter((c): c is WorkloadServiceAccount => c instanceof WorkloadServiceAccount)) {
      const ref = `${account.serviceAccountRef.namespace}:${account.serviceAccountRef.name}`;
      const annotations = account.identity.serviceAccountAnnotations;
      const match = known.find((k) => Object.entries(k.annotations).every(([key, value]) => annotations[key] === value));
      if (!match) {
        if (unannotated.has(ref)) {
          emitted.add(ref);
        }
        continue;
      }
      const identity = match.identity;
      emitted.add(ref);
      const expected = `${identity.serviceAccount.namespace}:${identity.serviceAccount.name}`;
      if (ref !== expected) {
        errors.push(validationMessage(this.node.path, untrustedIdentityUse(this.node.path, `${account.node.path}.identity`, ref, expected)));
      }
    }
    for (const ref of trusted) {
      if (!emitted.has(ref)) {
        errors.push(validationMessage(this.node.path, trustedServiceAccountNotEmitted(this.node.path, 'trustedServiceAccounts', ref, [...emitted].sort())));
      }
    }
    return errors;
  }
}
