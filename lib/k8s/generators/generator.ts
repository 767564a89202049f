import { IConstruct } from 'constructs';
import { GeneratorReference } from '../external-secret-data';

/**
 * A generator object (`generators.external-secrets.io/v1alpha1`) created with this library: pass
 * it as `dataFrom[].generator` of an ExternalSecret or to `PushSecretSource.fromGenerator()`.
 * The reference is typed (kind and name come from the object), and an ExternalSecret checks that
 * the generator lives in its namespace (`generatorRef` has no namespace).
 */
export interface IGenerator extends IConstruct, GeneratorReference {
  /** `metadata.name` of the generator. */
  readonly name: string;
  /** Namespace of the generator (generators are namespaced). */
  readonly namespace: string;
}
