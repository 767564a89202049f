import { assertDuration, ESO_INTERVAL_BOUNDS } from '../../core/duration';
import { isForbiddenTargetPolicyPair } from '../../core/eso-enums';
import {
  crossNamespaceGenerator, duplicateSecretKey, entryWithoutStore, emptyCollection, emptyDataFromEntry, externalSecretWithoutData, forbiddenTargetPolicies, generatorWithExtractOrFind,
  invalidMetadataKey, invalidSecretKey, literalSecretInTemplate, missingAcknowledgementReason, mutuallyExclusive, notAFactoryValue,
  validationMessage,
} from '../../core/errors';
import { RuleViolationError } from '../../core/invariants/messages';
import { esoRemovedTemplateFunction, removedTemplateFunction, removedTemplateFunctionViolation } from '../../core/invariants/rules/eso-removed-template-function';
import { secretMaterialDeclared, secretMaterialViolation } from '../../core/invariants/rules/secret-material-declared';
import { isUnresolved } from '../../core/tokens';
import {
  assertDnsSubdomain, assertGoTemplate, assertLabels, assertRe2, assertShape, assertType, credentialReason, isQualifiedName, literalSecretReason,
} from '../../core/validation';
import { CreationPolicy, DeletionPolicy, TemplateMergePolicy } from '../enums';
import { ExternalSecretData, ExternalSecretDataFrom, RemoteRef, Rewrite } from '../external-secret-data';
import { ExternalSecretSpecOptions } from '../external-secret-options';
import { ExternalSecretTemplate, SecretType } from '../external-secret-target';
import * as l1 from '../imports/external-secrets.io';
import { ISecretStore } from '../secret-store-ref';
import { DATA_ENTRY, DATA_FROM_ENTRY } from './shapes';


const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const DEFAULT_GENERATOR_API_VERSION = 'generators.external-secrets.io/v1alpha1';

/** Throws unless `key` is a valid Secret key. @internal */
export function assertSecretKey(path: string, prop: string, key: string): void {
  if (isUnresolved(key)) {
    return;
  }
  assertType(path, prop, key, 'string');
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

/**
 * Mutable state of an ExternalSecret spec, validated as it is built and rendered lazily.
 * Shared by ExternalSecret and ClusterExternalSecret.
 * @internal
 */
export class ExternalSecretSpecBuilder {
  private readonly data: l1.ExternalSecretSpecData[] = [];
  private readonly dataFrom: l1.ExternalSecretSpecDataFrom[] = [];
  private readonly dataKeys: string[] = [];
  private readonly readEntries: Array<{ store: ISecretStore; key: string; prop: string }> = [];
  private readonly extraAnnotations: { [key: string]: string } = {};
  private readonly extraLabels: { [key: string]: string } = {};
  private hasExtraMetadata = false;
  private readonly template?: ExternalSecretTemplate;

  /**
   * @param namespace the ExternalSecret's namespace, when known: generators must live in it
   */
  constructor(private readonly path: string, private readonly props: ExternalSecretSpecOptions, private readonly prefix = 'spec',
    private readonly namespace?: string) {
    const target = props.target;
    assertDuration(path, `${prefix}.refreshInterval`, props.refreshInterval, {
      ...ESO_INTERVAL_BOUNDS, zeroMeaning: 'zero fetches once and never refreshes',
    });
    assertDnsSubdomain(path, `${prefix}.target.name`, target?.name);
    if (isForbiddenTargetPolicyPair(target?.creationPolicy, target?.deletionPolicy)) {
      throw forbiddenTargetPolicies(path, target?.creationPolicy ?? CreationPolicy.OWNER, target?.deletionPolicy ?? DeletionPolicy.RETAIN);
    }
    this.template = target?.template;
    if (this.template !== undefined) {
      this.checkTemplate(this.template, `${prefix}.target.template`);
    }
    props.data?.forEach((d) => this.addData(d));
    props.dataFrom?.forEach((d) => this.addDataFrom(d));
  }

  private checkTemplate(t: ExternalSecretTemplate, prop: string): void {
    const path = this.path;
    if (t.type !== undefined && !(t.type instanceof SecretType)) {
      throw notAFactoryValue(path, `${prop}.type`, t.type, 'SecretType.OPAQUE, SecretType.TLS, ... or SecretType.of("...")');
    }
    const ack = t.acknowledgeLiteralValues;
    if (ack !== undefined) {
      assertShape(path, `${prop}.acknowledgeLiteralValues`, ack, { keys: 'stringArray', reason: 'string' });
      if (ack.reason.trim().length === 0) {
        throw missingAcknowledgementReason(path, `${prop}.acknowledgeLiteralValues.reason`);
      }
    }
    for (const [key, value] of Object.entries(t.data ?? {})) {
      assertSecretKey(path, `${prop}.data.${key}`, key);
      assertGoTemplate(path, `${prop}.data.${key}`, value);
      const why = literalSecretReason(key, value);
      if (why !== undefined && !(ack?.keys ?? []).includes(key)) {
        throw literalSecretInTemplate(path, `${prop}.data.${key}`, why);
      }
      checkEsoTemplateRules(path, `${prop}.data.${key}`, key, value, false);
    }
    for (const kind of ['labels', 'annotations'] as const) {
      for (const [key, value] of Object.entries(t.metadata?.[kind] ?? {})) {
        if (!isUnresolved(key) && !isQualifiedName(key)) {
          throw invalidMetadataKey(path, `${prop}.metadata.${kind}.${key}`, key);
        }
        assertGoTemplate(path, `${prop}.metadata.${kind}.${key}`, value);
        checkEsoTemplateRules(path, `${prop}.metadata.${kind}.${key}`, key, value, true);
      }
    }
    t.templateFrom?.forEach((f, i) => {
      const p = `${prop}.templateFrom[${i}]`;
      const sources = [f.configMap, f.secret, f.literal].filter((x) => x !== undefined).length;
      if (sources !== 1) {
        throw emptyCollection(path, p, sources === 0 ? {} : '2 or more sources', 'exactly one of configMap, secret or literal',
          'set one source per templateFrom entry');
      }
      assertGoTemplate(path, `${p}.literal`, f.literal);
      if (typeof f.literal === 'string') {
        checkEsoTemplateRules(path, `${p}.literal`, 'literal', f.literal, true);
      }
      for (const [name, source] of [['configMap', f.configMap], ['secret', f.secret]] as const) {
        if (source !== undefined) {
          assertDnsSubdomain(path, `${p}.${name}.name`, source.name);
          if (source.items.length === 0) {
            throw emptyCollection(path, `${p}.${name}.items`, [], 'at least one item', 'list the keys of the ConfigMap or Secret that hold templates');
          }
        }
      }
    });
  }

  /** The store (undefined when every entry names its own source). */
  public get store(): ISecretStore | undefined {
    return this.props.store;
  }

  /** The store an entry reads from: its own, else the ExternalSecret's; an error when there is none. */
  private readStore(entryStore: ISecretStore | undefined, prop: string, key: string): ISecretStore {
    const store = entryStore ?? this.props.store;
    if (store === undefined) {
      throw entryWithoutStore(this.path, prop, key);
    }
    return store;
  }

  /** The remote keys read one by one or extracted, with the store each is read from. */
  public remoteReads(): Array<{ store: ISecretStore; key: string; prop: string }> {
    const out: Array<{ store: ISecretStore; key: string; prop: string }> = [];
    this.readEntries.forEach((r) => out.push(r));
    return out;
  }

  public addData(data: ExternalSecretData): void {
    const index = this.data.length;
    const prop = `${this.prefix}.data[${index}]`;
    assertShape(this.path, prop, data, DATA_ENTRY);
    assertSecretKey(this.path, `${prop}.secretKey`, data.secretKey);
    const store = this.readStore(data.store, `${prop}.remoteRef.key`, data.remoteRef.key);
    const first = this.dataKeys.indexOf(data.secretKey);
    if (first >= 0 && !isUnresolved(data.secretKey)) {
      throw duplicateSecretKey(this.path, `${prop}.secretKey`, data.secretKey, `${this.prefix}.data[${first}].secretKey`);
    }
    this.data.push(defined({
      secretKey: data.secretKey,
      remoteRef: remoteRef(data.remoteRef),
      sourceRef: data.store ? { storeRef: storeRef(data.store) as l1.ExternalSecretSpecDataSourceRefStoreRef } : undefined,
    }));
    this.dataKeys.push(data.secretKey);
    this.readEntries.push({ store, key: data.remoteRef.key, prop: `${prop}.remoteRef.key` });
  }

  public addDataFrom(entry: ExternalSecretDataFrom): void {
    const prop = `${this.prefix}.dataFrom[${this.dataFrom.length}]`;
    assertShape(this.path, prop, entry, DATA_FROM_ENTRY);
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
    const generatorNamespace = entry.generator?.namespace;
    if (entry.generator && generatorNamespace !== undefined && this.namespace !== undefined
      && !isUnresolved(generatorNamespace) && !isUnresolved(this.namespace) && generatorNamespace !== this.namespace) {
      throw crossNamespaceGenerator(this.path, `${prop}.sourceRef.generatorRef`, entry.generator.name, generatorNamespace, this.namespace);
    }
    const find = entry.find;
    if (find !== undefined) {
      this.readStore(entry.store, `${prop}.find`, find.nameRegexp ?? find.path ?? 'find');
      if (find.nameRegexp === undefined && find.tags === undefined && find.path === undefined) {
        throw emptyCollection(this.path, `${prop}.find`, {}, 'a search with nameRegexp, tags or path (an empty find fetches every secret the store can read)',
          'narrow the search; to fetch everything on purpose, say so with nameRegexp: ".*"');
      }
      if (find.tags !== undefined && Object.keys(find.tags).length === 0) {
        throw emptyCollection(this.path, `${prop}.find.tags`, {}, 'at least one tag (an empty tag filter matches every secret)', 'add a tag or remove tags');
      }
      assertRe2(this.path, `${prop}.find.name.regexp`, find.nameRegexp);
    }
    if (entry.generator !== undefined) {
      assertDnsSubdomain(this.path, `${prop}.sourceRef.generatorRef.name`, entry.generator.name);
    }
    entry.rewrite?.forEach((r, i) => {
      const p = `${prop}.rewrite[${i}]`;
      if (!(r instanceof Rewrite)) {
        throw notAFactoryValue(this.path, p, r, 'Rewrite.regexp(), Rewrite.transform() or Rewrite.merge()');
      }
      if (r._json.regexp !== undefined) {
        assertType(this.path, `${p}.regexp.source`, r._json.regexp.source, 'nonEmptyString');
        assertType(this.path, `${p}.regexp.target`, r._json.regexp.target, 'string');
        assertRe2(this.path, `${p}.regexp.source`, r._json.regexp.source);
      }
      if (r._json.transform !== undefined) {
        assertType(this.path, `${p}.transform.template`, r._json.transform.template, 'nonEmptyString');
        assertGoTemplate(this.path, `${p}.transform.template`, r._json.transform.template);
      }
    });
    if (entry.extract !== undefined) {
      this.readEntries.push({ store: this.readStore(entry.store, `${prop}.extract.key`, entry.extract.key), key: entry.extract.key, prop: `${prop}.extract.key` });
    }
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
    const prop = `${this.prefix}.target.template.metadata.annotations`;
    assertType(this.path, prop, value, 'string');
    if (!isUnresolved(key) && (typeof key !== 'string' || !isQualifiedName(key))) {
      throw invalidMetadataKey(this.path, `${prop}.${String(key)}`, String(key));
    }
    this.extraAnnotations[key] = value;
    this.hasExtraMetadata = true;
  }

  /** Adds a label to the generated Secret (creates a metadata-only template if needed). */
  public addSecretLabel(key: string, value: string): void {
    assertLabels(this.path, `${this.prefix}.target.template.metadata.labels`, { [key]: value });
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
      secretStoreRef: p.store ? storeRef(p.store) as l1.ExternalSecretSpecSecretStoreRef : undefined,
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

/**
 * The plan rules that apply to a template written directly on the construct, with the declaration's
 * messages: CES-ESO-4 (a function ESO's engine v2 removed) and, for metadata and `templateFrom`
 * literals, CES-SM-1 (a credential-looking literal; data keys have their own check above).
 */
function checkEsoTemplateRules(path: string, prop: string, key: string, value: string, secretMaterial: boolean): void {
  if (typeof value !== 'string') {
    return;
  }
  const fn = removedTemplateFunction(value);
  if (fn !== undefined) {
    throw new RuleViolationError(esoRemovedTemplateFunction, removedTemplateFunctionViolation(path, prop, fn, prop), 'construct');
  }
  const why = secretMaterial ? credentialReason(key, value) : undefined;
  if (why !== undefined) {
    throw new RuleViolationError(secretMaterialDeclared, secretMaterialViolation(path, prop, why, prop), 'construct');
  }
}
