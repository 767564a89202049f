import {
  emptyDataFromEntry, externalSecretWithoutData, forbiddenTargetPolicies, generatorWithExtractOrFind,
  invalidSecretKey, mutuallyExclusive, validationMessage,
} from '../../core/errors';
import { isUnresolved } from '../../core/tokens';
import { assertDnsSubdomain } from '../../core/validation';
import { CreationPolicy, DeletionPolicy, TemplateMergePolicy } from '../enums';
import { ExternalSecretData, ExternalSecretDataFrom, RemoteRef } from '../external-secret-data';
import { ExternalSecretSpecOptions } from '../external-secret-options';
import { ExternalSecretTemplate } from '../external-secret-target';
import * as l1 from '../imports/external-secrets.io';
import { ISecretStore } from '../secret-store-ref';

const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const DEFAULT_GENERATOR_API_VERSION = 'generators.external-secrets.io/v1alpha1';

/** Throws unless `key` is a valid Secret key. @internal */
export function assertSecretKey(path: string, prop: string, key: string): void {
  if (isUnresolved(key)) {
    return;
  }
  if (key.length > 253 || !SECRET_KEY.test(key)) {
    throw invalidSecretKey(path, prop, key);
  }
}

function storeRef(store: ISecretStore): { name: string; kind: string } {
  return { name: store.storeName, kind: store.storeKind };
}

/**
 * A copy of `value` without its undefined keys. Rendered specs are resolved and sanitized key by key
 * for every ExternalSecret at synth, so leaving unset fields out keeps large charts fast.
 */
function defined<T extends object>(value: T): T {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] !== undefined) {
      out[key] = value[key];
    }
  }
  return out as T;
}

function remoteRef(ref: RemoteRef): l1.ExternalSecretSpecDataRemoteRef {
  return defined({
    key: ref.key,
    property: ref.property,
    version: ref.version,
    decodingStrategy: ref.decodingStrategy as string as l1.ExternalSecretSpecDataRemoteRefDecodingStrategy | undefined,
    conversionStrategy: ref.conversionStrategy as string as l1.ExternalSecretSpecDataRemoteRefConversionStrategy | undefined,
    metadataPolicy: ref.metadataPolicy as string as l1.ExternalSecretSpecDataRemoteRefMetadataPolicy | undefined,
    nullBytePolicy: ref.nullBytePolicy as string as l1.ExternalSecretSpecDataRemoteRefNullBytePolicy | undefined,
  });
}

const FORBIDDEN_POLICIES: ReadonlySet<string> = new Set([
  `${CreationPolicy.MERGE}/${DeletionPolicy.DELETE}`,
  `${CreationPolicy.CREATE_OR_MERGE}/${DeletionPolicy.DELETE}`,
  `${CreationPolicy.NONE}/${DeletionPolicy.DELETE}`,
  `${CreationPolicy.NONE}/${DeletionPolicy.MERGE}`,
]);

/**
 * Mutable state of an ExternalSecret spec, validated as it is built and rendered lazily.
 * Shared by ExternalSecret and ClusterExternalSecret.
 * @internal
 */
export class ExternalSecretSpecBuilder {
  private readonly data: l1.ExternalSecretSpecData[] = [];
  private readonly dataFrom: l1.ExternalSecretSpecDataFrom[] = [];
  private readonly dataKeys: string[] = [];
  private readonly extraAnnotations: { [key: string]: string } = {};
  private readonly extraLabels: { [key: string]: string } = {};
  private hasExtraMetadata = false;
  private readonly template?: ExternalSecretTemplate;

  constructor(private readonly path: string, private readonly props: ExternalSecretSpecOptions, private readonly prefix = 'spec') {
    const target = props.target;
    assertDnsSubdomain(path, `${prefix}.target.name`, target?.name);
    const creation = target?.creationPolicy ?? CreationPolicy.OWNER;
    const deletion = target?.deletionPolicy ?? DeletionPolicy.RETAIN;
    if (FORBIDDEN_POLICIES.has(`${creation}/${deletion}`)) {
      throw forbiddenTargetPolicies(path, creation, deletion);
    }
    this.template = target?.template;
    for (const key of Object.keys(this.template?.data ?? {})) {
      assertSecretKey(path, `${prefix}.target.template.data.${key}`, key);
    }
    props.data?.forEach((d) => this.addData(d));
    props.dataFrom?.forEach((d) => this.addDataFrom(d));
  }

  /** The store. */
  public get store(): ISecretStore {
    return this.props.store;
  }

  public addData(data: ExternalSecretData): void {
    const index = this.data.length;
    assertSecretKey(this.path, `${this.prefix}.data[${index}].secretKey`, data.secretKey);
    this.data.push(defined({
      secretKey: data.secretKey,
      remoteRef: remoteRef(data.remoteRef),
      sourceRef: data.store ? { storeRef: storeRef(data.store) as l1.ExternalSecretSpecDataSourceRefStoreRef } : undefined,
    }));
    this.dataKeys.push(data.secretKey);
  }

  public addDataFrom(entry: ExternalSecretDataFrom): void {
    const prop = `${this.prefix}.dataFrom[${this.dataFrom.length}]`;
    if (entry.generator && (entry.extract || entry.find)) {
      throw generatorWithExtractOrFind(this.path, `${prop}.sourceRef.generatorRef`, entry.generator.name);
    }
    if (entry.generator && entry.store) {
      throw mutuallyExclusive(this.path, `${prop}.sourceRef.generatorRef`, entry.generator.name, `${prop}.sourceRef.storeRef`,
        'read from a generator or from another store, not both');
    }
    if (!entry.generator && !entry.extract && !entry.find) {
      throw emptyDataFromEntry(this.path, prop);
    }
    const find = entry.find;
    this.dataFrom.push({
      extract: entry.extract ? remoteRef(entry.extract) as l1.ExternalSecretSpecDataFromExtract : undefined,
      find: find ? {
        name: find.nameRegexp !== undefined ? { regexp: find.nameRegexp } : undefined,
        tags: find.tags ? { ...find.tags } : undefined,
        path: find.path,
        conversionStrategy: find.conversionStrategy as string as l1.ExternalSecretSpecDataFromFindConversionStrategy | undefined,
        decodingStrategy: find.decodingStrategy as string as l1.ExternalSecretSpecDataFromFindDecodingStrategy | undefined,
        nullBytePolicy: find.nullBytePolicy as string as l1.ExternalSecretSpecDataFromFindNullBytePolicy | undefined,
      } : undefined,
      rewrite: entry.rewrite?.length ? entry.rewrite.map((r) => r._json as l1.ExternalSecretSpecDataFromRewrite) : undefined,
      sourceRef: entry.generator ? {
        generatorRef: {
          apiVersion: entry.generator.apiVersion ?? DEFAULT_GENERATOR_API_VERSION,
          kind: entry.generator.kind as string as l1.ExternalSecretSpecDataFromSourceRefGeneratorRefKind,
          name: entry.generator.name,
        },
      } : entry.store ? { storeRef: storeRef(entry.store) as l1.ExternalSecretSpecDataFromSourceRefStoreRef } : undefined,
    });
  }

  /** Adds an annotation to the generated Secret (creates a metadata-only template if needed). */
  public addSecretAnnotation(key: string, value: string): void {
    this.extraAnnotations[key] = value;
    this.hasExtraMetadata = true;
  }

  /** Adds a label to the generated Secret (creates a metadata-only template if needed). */
  public addSecretLabel(key: string, value: string): void {
    this.extraLabels[key] = value;
    this.hasExtraMetadata = true;
  }

  /**
   * The keys the Secret will hold, or undefined when they depend on the provider
   * (dataFrom, templateFrom).
   */
  public knownKeys(): string[] | undefined {
    const t = this.template;
    const templated = t && (Object.keys(t.data ?? {}).length > 0 || (t.templateFrom?.length ?? 0) > 0);
    if (templated) {
      if (t.templateFrom?.length) {
        return undefined;
      }
      const keys = new Set(Object.keys(t.data ?? {}));
      if (t.mergePolicy === TemplateMergePolicy.MERGE) {
        if (this.dataFrom.length > 0) {
          return undefined;
        }
        this.dataKeys.forEach((k) => keys.add(k));
      }
      return [...keys].sort();
    }
    if (this.dataFrom.length > 0) {
      return undefined;
    }
    return [...new Set(this.dataKeys)].sort();
  }

  /** Errors for state built with addX(). */
  public validate(): string[] {
    if (this.data.length === 0 && this.dataFrom.length === 0) {
      return [validationMessage(this.path, externalSecretWithoutData(this.path))];
    }
    return [];
  }

  /**
   * Renders the spec.
   * @param ownMetadata the ExternalSecret's own labels/annotations: ESO copies them onto the Secret
   * only when there is no template, so they are carried over when a template must be created.
   */
  public render(ownMetadata: () => { labels?: { [k: string]: string }; annotations?: { [k: string]: string } }): l1.ExternalSecretSpec {
    const p = this.props;
    const t = p.target;
    return defined({
      secretStoreRef: storeRef(p.store) as l1.ExternalSecretSpecSecretStoreRef,
      refreshInterval: p.refreshInterval?.toGoString(),
      refreshPolicy: p.refreshPolicy as string as l1.ExternalSecretSpecRefreshPolicy | undefined,
      target: defined({
        name: t?.name,
        creationPolicy: t?.creationPolicy as string as l1.ExternalSecretSpecTargetCreationPolicy | undefined,
        deletionPolicy: t?.deletionPolicy as string as l1.ExternalSecretSpecTargetDeletionPolicy | undefined,
        immutable: t?.immutable,
        template: this.renderTemplate(ownMetadata),
      }),
      data: this.data.length > 0 ? this.data : undefined,
      dataFrom: this.dataFrom.length > 0 ? this.dataFrom : undefined,
    });
  }

  private renderTemplate(ownMetadata: () => { labels?: { [k: string]: string }; annotations?: { [k: string]: string } }):
  l1.ExternalSecretSpecTargetTemplate | undefined {
    const t = this.template;
    if (!t && !this.hasExtraMetadata) {
      return undefined;
    }
    // Without a user template, ESO would have copied the ExternalSecret's own metadata: keep doing so,
    // except the GitOps tooling's own annotations (Argo CD sync waves...), which describe the ExternalSecret.
    const base = t ? t.metadata ?? {} : withoutToolingAnnotations(ownMetadata());
    const labels = { ...base.labels, ...this.extraLabels };
    const annotations = { ...base.annotations, ...this.extraAnnotations };
    const hasMetadata = Object.keys(labels).length > 0 || Object.keys(annotations).length > 0;
    return {
      engineVersion: l1.ExternalSecretSpecTargetTemplateEngineVersion.V2,
      type: t?.type?.value,
      data: t?.data ? { ...t.data } : undefined,
      mergePolicy: t?.mergePolicy as string as l1.ExternalSecretSpecTargetTemplateMergePolicy | undefined,
      metadata: hasMetadata ? {
        labels: Object.keys(labels).length > 0 ? labels : undefined,
        annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
      } : undefined,
      templateFrom: t?.templateFrom?.map((f) => ({
        configMap: f.configMap ? { name: f.configMap.name, items: f.configMap.items.map((i) => ({ key: i.key, templateAs: i.templateAs })) } : undefined,
        secret: f.secret ? { name: f.secret.name, items: f.secret.items.map((i) => ({ key: i.key, templateAs: i.templateAs })) } : undefined,
        literal: f.literal,
        target: f.target,
      })) as l1.ExternalSecretSpecTargetTemplateTemplateFrom[] | undefined,
    };
  }
}

/** Annotation prefixes that belong to the object they are on (GitOps tooling), never copied to the Secret. */
const TOOLING_ANNOTATION_PREFIXES = ['argocd.argoproj.io/', 'kustomize.toolkit.fluxcd.io/'];

function withoutToolingAnnotations(metadata: { labels?: { [k: string]: string }; annotations?: { [k: string]: string } }) {
  const annotations = Object.fromEntries(Object.entries(metadata.annotations ?? {})
    .filter(([key]) => !TOOLING_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix))));
  return { labels: metadata.labels, annotations };
}
