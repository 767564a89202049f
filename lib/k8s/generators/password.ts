import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { checkPasswordRules, PasswordRules } from '../../core/declaration/generators';
import { invalidPasswordSecretKeys, missingNamespace } from '../../core/errors';
import { GeneratorKind } from '../enums';
import * as l1 from '../imports/generators.external-secrets.io';
import { buildMetadata } from '../private/metadata';
import { K8sObjectOptions } from '../references';
import { IGenerator } from './generator';
import { DefaultedPassword } from '../private/defaulted-objects';
import { assertPropsObject } from '../../core/validation';

/** Encoding of generated passwords (`encoding`). */
export enum PasswordEncoding {
  /** No encoding (the default). */
  RAW = 'raw',
  /** Standard base64. */
  BASE64 = 'base64',
  /** URL-safe base64. */
  BASE64URL = 'base64url',
  /** Base32. */
  BASE32 = 'base32',
  /** Hexadecimal. */
  HEX = 'hex',
}

/** Props of {@link Password}. */
export interface PasswordProps extends K8sObjectOptions, PasswordRules {
  /**
   * Namespace of the generator.
   * @default - the Chart's namespace (one of the two is required)
   */
  readonly namespace?: string;
  /**
   * Output keys, each with its own password.
   * @default ["password"]
   */
  readonly secretKeys?: string[];
  /**
   * Encoding of the output.
   * @default PasswordEncoding.RAW
   */
  readonly encoding?: PasswordEncoding;
}

const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * An ESO `Password` generator (`generators.external-secrets.io/v1alpha1`): random passwords for
 * an ExternalSecret (`dataFrom: [{ generator: password }]`) or a PushSecret that seeds a store.
 */
export class Password extends Construct implements IGenerator {
  public readonly kind = GeneratorKind.PASSWORD;
  public readonly apiVersion = 'generators.external-secrets.io/v1alpha1';
  public readonly name: string;
  public readonly namespace: string;
  /** The keys the generator outputs. */
  public readonly secretKeys: readonly string[];
  /** The L1 object. */
  public readonly resource: l1.Password;

  constructor(scope: Construct, id: string, props: PasswordProps = {}) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'PasswordProps');
    const path = this.node.path;
    const namespace = props.namespace ?? Chart.of(scope).namespace;
    if (namespace === undefined) {
      throw missingNamespace(path, 'metadata.namespace', 'generators are namespaced and ExternalSecrets use those of their own namespace');
    }
    const length = checkPasswordRules(path, 'spec.', props);
    const keys = props.secretKeys ?? ['password'];
    if (keys.length === 0 || new Set(keys).size !== keys.length || keys.some((k) => !SECRET_KEY.test(k) || k.length > 253)) {
      throw invalidPasswordSecretKeys(path, 'spec.secretKeys', keys);
    }
    this.resource = new DefaultedPassword(this, 'Resource', {
      metadata: buildMetadata(path, { ...props, namespace }),
      spec: {
        length,
        digits: props.digits,
        symbols: props.symbols,
        symbolCharacters: props.symbolCharacters,
        noUpper: props.noUpper ?? false,
        allowRepeat: props.allowRepeat ?? false,
        secretKeys: props.secretKeys ? [...props.secretKeys] : undefined,
        encoding: props.encoding as string as l1.PasswordSpecEncoding | undefined,
      },
    });
    this.name = this.resource.name;
    this.namespace = namespace;
    this.secretKeys = [...keys];
  }
}
