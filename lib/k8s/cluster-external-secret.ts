import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { clusterScopedNamespace, missingNamespaceSelectors } from '../core/errors';
import { assertDuration, Duration } from '../core/duration';
import { assertAnnotations, assertDnsSubdomain, assertLabels, assertProps, assertType } from '../core/validation';
import { assertLabelSelector } from './private/selectors';
import { DURATION, EXTERNAL_SECRET_SPEC, LABEL_SELECTOR, METADATA_SHAPE } from './private/shapes';
import { LabelSelectorOperator } from './enums';
import { ExternalSecretData, ExternalSecretDataFrom } from './external-secret-data';
import { ExternalSecretSpecOptions } from './external-secret-options';
import * as l1 from './imports/external-secrets.io';
import { renderLabelSelector } from './private/context';
import { ExternalSecretSpecBuilder } from './private/external-secret-spec';
import { buildMetadata, dropChartNamespace } from './private/metadata';
import { K8sObjectOptions, LabelSelector, SyncWaveOptions } from './references';
import { DefaultedClusterExternalSecret } from './private/defaulted-objects';

/** Props of {@link ClusterExternalSecret}. */
export interface ClusterExternalSecretProps extends ExternalSecretSpecOptions, K8sObjectOptions, SyncWaveOptions {
  /** Namespaces that get an ExternalSecret (selectors are ORed). */
  readonly namespaceSelectors: LabelSelector[];
  /**
   * Name of the ExternalSecrets created in each namespace.
   * @default - the ClusterExternalSecret's name
   */
  readonly externalSecretName?: string;
  /**
   * Labels of the ExternalSecrets created in each namespace.
   * @default - none
   */
  readonly externalSecretLabels?: { [key: string]: string };
  /**
   * Annotations of the ExternalSecrets created in each namespace.
   * @default - none
   */
  readonly externalSecretAnnotations?: { [key: string]: string };
  /**
   * How often namespaces are re-evaluated.
   * @default - ESO's default (1m)
   */
  readonly refreshTime?: Duration;
}

/**
 * An ESO `ClusterExternalSecret` (`external-secrets.io/v1`): one ExternalSecret per selected namespace.
 *
 * Only `namespaceSelectors` is emitted; the deprecated `namespaceSelector` and `namespaces` are not.
 *
 * @see https://external-secrets.io/latest/api/clusterexternalsecret/
 */
export class ClusterExternalSecret extends Construct {
  /**
   * Selects every namespace, on purpose (`kubernetes.io/metadata.name Exists`): an empty selector is
   * rejected so that "all namespaces" is always written down explicitly.
   */
  public static readonly ALL_NAMESPACES: LabelSelector = {
    matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: LabelSelectorOperator.EXISTS }],
  };

  /** The L1 object. */
  public readonly resource: l1.ClusterExternalSecret;
  /** `metadata.name`. */
  public readonly clusterExternalSecretName: string;
  /** Name of the ExternalSecrets created in each namespace. */
  public readonly externalSecretName: string;
  /** Name of the Secret written in each namespace. */
  public readonly targetSecretName: string;

  private readonly builder: ExternalSecretSpecBuilder;

  constructor(scope: Construct, id: string, props: ClusterExternalSecretProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'ClusterExternalSecretProps', {
      ...METADATA_SHAPE, ...EXTERNAL_SECRET_SPEC,
      'namespaceSelectors': { arrayOf: LABEL_SELECTOR },
      'externalSecretName?': 'string',
      'externalSecretLabels?': 'stringMap',
      'externalSecretAnnotations?': 'stringMap',
      'refreshTime?': DURATION,
    });
    if ((props as { namespace?: unknown }).namespace !== undefined) {
      throw clusterScopedNamespace(path, 'metadata.namespace', (props as { namespace?: unknown }).namespace);
    }
    const metadata = buildMetadata(path, props);
    assertDnsSubdomain(path, 'spec.externalSecretName', props.externalSecretName);
    assertLabels(path, 'spec.externalSecretMetadata.labels', props.externalSecretLabels);
    assertAnnotations(path, 'spec.externalSecretMetadata.annotations', props.externalSecretAnnotations);
    assertDuration(path, 'spec.refreshTime', props.refreshTime, { min: Duration.seconds(1), allowZero: false });
    if (props.namespaceSelectors.length === 0) {
      throw missingNamespaceSelectors(path);
    }
    props.namespaceSelectors.forEach((selector, i) => assertLabelSelector(path, `spec.namespaceSelectors[${i}]`, selector));
    this.builder = new ExternalSecretSpecBuilder(path, props, 'spec.externalSecretSpec');
    const esMetadata = props.externalSecretLabels || props.externalSecretAnnotations
      ? { labels: props.externalSecretLabels, annotations: props.externalSecretAnnotations } : undefined;
    this.resource = new DefaultedClusterExternalSecret(this, 'Resource', {
      metadata,
      spec: {
        // Same schema as ExternalSecret.spec; the generated types differ only in name.
        externalSecretSpec: Lazy.any({ produce: () => this.builder.render(() => esMetadata ?? {}) }) as unknown as l1.ClusterExternalSecretSpecExternalSecretSpec,
        externalSecretName: props.externalSecretName,
        externalSecretMetadata: esMetadata,
        namespaceSelectors: props.namespaceSelectors.map(renderLabelSelector) as l1.ClusterExternalSecretSpecNamespaceSelectors[],
        refreshTime: props.refreshTime?.toGoString(),
      },
    });
    dropChartNamespace(this.resource);
    this.clusterExternalSecretName = this.resource.name;
    this.externalSecretName = props.externalSecretName ?? this.clusterExternalSecretName;
    this.targetSecretName = props.target?.name ?? this.externalSecretName;
    this.node.addValidation({ validate: () => this.builder.validate() });
  }

  /** Adds a key fetched from one remote value. */
  public addData(data: ExternalSecretData): this {
    this.builder.addData(data);
    return this;
  }

  /** Adds keys fetched in bulk. */
  public addDataFrom(dataFrom: ExternalSecretDataFrom): this {
    this.builder.addDataFrom(dataFrom);
    return this;
  }

  /** Adds an annotation to the generated Secrets (see ExternalSecret.addSecretAnnotation). */
  public addSecretAnnotation(key: string, value: string): void {
    assertType(this.node.path, 'addSecretAnnotation(key)', key, 'nonEmptyString');
    this.builder.addSecretAnnotation(key, value);
  }
}
