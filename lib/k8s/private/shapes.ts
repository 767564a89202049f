import { Duration } from '../../core/duration';
import { Shape, TypeRule } from '../../core/validation';
import {
  ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, GeneratorKind, LabelSelectorOperator, MetadataPolicy,
  NullBytePolicy, PushSecretConversionStrategy, PushSecretDeletionPolicy, PushSecretUpdatePolicy, RefreshPolicy, SecretStoreKind,
  TemplateMergePolicy, TemplateScope,
} from '../enums';

/**
 * Type rules of the k8s props, so JavaScript callers (and casts) get the library's error instead of a
 * TypeError. Value checks (names, keys, templates...) happen where each value is used.
 * @internal
 */
export const DURATION: TypeRule = { instance: Duration, name: 'a Duration (Duration.seconds(), minutes(), hours(), days() or parse())' };

/** @internal */
export const STORE_REF: TypeRule = {
  shape: { 'storeName': 'nonEmptyString', 'storeKind': { enum: SecretStoreKind, name: 'SecretStoreKind' }, 'namespace?': 'string' },
  name: 'a store (SecretStore, ClusterSecretStore, or one imported with fromSecretStoreName())',
};

/** @internal */
export const LABEL_SELECTOR: TypeRule = {
  shape: {
    'matchLabels?': 'stringMap',
    'matchExpressions?': { arrayOf: { shape: { key: 'nonEmptyString', operator: { enum: LabelSelectorOperator, name: 'LabelSelectorOperator' }, 'values?': 'stringArray' } } },
  },
  name: 'a label selector ({ matchLabels, matchExpressions })',
};

/** @internal */
export const METADATA_SHAPE: Shape = {
  'name?': 'string',
  'labels?': 'stringMap',
  'annotations?': 'stringMap',
  'syncWave?': 'number',
  'namespace?': 'string',
};

/** @internal */
export const REMOTE_REF: TypeRule = {
  shape: {
    'key': 'nonEmptyString',
    'property?': 'string',
    'version?': 'string',
    'decodingStrategy?': { enum: DecodingStrategy, name: 'DecodingStrategy' },
    'conversionStrategy?': { enum: ConversionStrategy, name: 'ConversionStrategy' },
    'metadataPolicy?': { enum: MetadataPolicy, name: 'MetadataPolicy' },
    'nullBytePolicy?': { enum: NullBytePolicy, name: 'NullBytePolicy' },
  },
  name: 'a remote reference ({ key, property?, version? })',
};

/** @internal */
export const GENERATOR_REF: TypeRule = {
  shape: { 'kind': { enum: GeneratorKind, name: 'GeneratorKind' }, 'name': 'nonEmptyString', 'apiVersion?': 'string' },
  name: 'a generator reference ({ kind, name })',
};

/** @internal */
export const DATA_ENTRY: Shape = {
  'secretKey': 'nonEmptyString',
  'remoteRef': REMOTE_REF,
  'store?': STORE_REF,
};

/** @internal */
export const DATA_FROM_ENTRY: Shape = {
  'extract?': REMOTE_REF,
  'find?': {
    shape: {
      'nameRegexp?': 'string',
      'tags?': 'stringMap',
      'path?': 'string',
      'conversionStrategy?': { enum: ConversionStrategy, name: 'ConversionStrategy' },
      'decodingStrategy?': { enum: DecodingStrategy, name: 'DecodingStrategy' },
      'nullBytePolicy?': { enum: NullBytePolicy, name: 'NullBytePolicy' },
    },
  },
  'generator?': GENERATOR_REF,
  'rewrite?': 'array',
  'store?': STORE_REF,
};

const TEMPLATE_FROM_SOURCE: TypeRule = {
  shape: {
    name: 'nonEmptyString',
    items: { arrayOf: { shape: { 'key': 'nonEmptyString', 'templateAs?': { enum: TemplateScope, name: 'TemplateScope' } } } },
  },
};

/** @internal */
export const TARGET: TypeRule = {
  shape: {
    'name?': 'string',
    'creationPolicy?': { enum: CreationPolicy, name: 'CreationPolicy' },
    'deletionPolicy?': { enum: DeletionPolicy, name: 'DeletionPolicy' },
    'immutable?': 'boolean',
    'template?': {
      shape: {
        'type?': 'object',
        'data?': 'stringMap',
        'metadata?': { shape: { 'labels?': 'stringMap', 'annotations?': 'stringMap' } },
        'mergePolicy?': { enum: TemplateMergePolicy, name: 'TemplateMergePolicy' },
        'templateFrom?': { arrayOf: { shape: { 'configMap?': TEMPLATE_FROM_SOURCE, 'secret?': TEMPLATE_FROM_SOURCE, 'literal?': 'string', 'target?': 'string' } } },
        'acknowledgeLiteralValues?': 'object',
      },
    },
  },
  name: 'a target ({ name?, creationPolicy?, template? })',
};

/** @internal */
export const EXTERNAL_SECRET_SPEC: Shape = {
  'store?': STORE_REF,
  'refreshInterval?': DURATION,
  'refreshPolicy?': { enum: RefreshPolicy, name: 'RefreshPolicy' },
  'target?': TARGET,
  'data?': { arrayOf: { shape: DATA_ENTRY } },
  'dataFrom?': { arrayOf: { shape: DATA_FROM_ENTRY } },
};

/** @internal */
export const PUSH_SECRET_DATA: Shape = {
  'secretKey?': 'string',
  'remoteKey': 'nonEmptyString',
  'property?': 'string',
  'conversionStrategy?': { enum: PushSecretConversionStrategy, name: 'PushSecretConversionStrategy' },
};

/** @internal */
export const PUSH_SECRET_ENUMS: Shape = {
  'deletionPolicy?': { enum: PushSecretDeletionPolicy, name: 'PushSecretDeletionPolicy' },
  'updatePolicy?': { enum: PushSecretUpdatePolicy, name: 'PushSecretUpdatePolicy' },
};
