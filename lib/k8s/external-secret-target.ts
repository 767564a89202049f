import { CreationPolicy, DeletionPolicy, TemplateMergePolicy, TemplateScope } from './enums';

/** Type of the Secret ESO writes (`target.template.type`). */
export class SecretType {
  /** `Opaque` (the Kubernetes default). */
  public static readonly OPAQUE = new SecretType('Opaque');
  /** `kubernetes.io/dockerconfigjson` (image pull secrets; key `.dockerconfigjson`). */
  public static readonly DOCKER_CONFIG_JSON = new SecretType('kubernetes.io/dockerconfigjson');
  /** `kubernetes.io/tls` (keys `tls.crt`, `tls.key`). */
  public static readonly TLS = new SecretType('kubernetes.io/tls');
  /** `kubernetes.io/basic-auth` (keys `username`, `password`). */
  public static readonly BASIC_AUTH = new SecretType('kubernetes.io/basic-auth');
  /** `kubernetes.io/ssh-auth` (key `ssh-privatekey`). */
  public static readonly SSH_AUTH = new SecretType('kubernetes.io/ssh-auth');

  /** Any other type, e.g. `bootstrap.kubernetes.io/token`. */
  public static of(type: string): SecretType {
    return new SecretType(type);
  }

  private constructor(/** The type string. */ public readonly value: string) {}
}

/** One item of a `templateFrom` ConfigMap or Secret. */
export interface TemplateFromItem {
  /** Key in the ConfigMap / Secret. */
  readonly key: string;
  /**
   * How the item is used.
   * @default - ESO's default (TemplateScope.VALUES)
   */
  readonly templateAs?: TemplateScope;
}

/** A ConfigMap or Secret (in the ExternalSecret's namespace) holding templates. */
export interface TemplateFromSource {
  /** Name of the ConfigMap or Secret. */
  readonly name: string;
  /** The items to use. */
  readonly items: TemplateFromItem[];
}

/** A template source (`target.template.templateFrom[]`): set one of configMap, secret, literal. */
export interface TemplateFrom {
  /**
   * Templates from a ConfigMap.
   * @default - none
   */
  readonly configMap?: TemplateFromSource;
  /**
   * Templates from a Secret.
   * @default - none
   */
  readonly secret?: TemplateFromSource;
  /**
   * An inline template.
   * @default - none
   */
  readonly literal?: string;
  /**
   * Where the output goes: `Data`, `Annotations` or `Labels`.
   * @default - ESO's default (`Data`)
   */
  readonly target?: string;
}

/** Labels and annotations of the generated Secret. */
export interface SecretTemplateMetadata {
  /**
   * Labels of the Secret (values are templates).
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations of the Secret (values are templates).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/** Shape of the generated Secret (`target.template`, engine v2). */
export interface ExternalSecretTemplate {
  /**
   * Secret type.
   * @default - Opaque
   */
  readonly type?: SecretType;
  /**
   * Secret keys and their Go templates (`{{ .password }}`).
   * @default - the fetched data as is
   */
  readonly data?: { [key: string]: string };
  /**
   * Labels and annotations of the Secret. Note that with a template, ESO no longer copies the
   * ExternalSecret's own labels and annotations onto the Secret.
   * @default - none
   */
  readonly metadata?: SecretTemplateMetadata;
  /**
   * How template output combines with fetched data.
   * @default - ESO's default (TemplateMergePolicy.REPLACE)
   */
  readonly mergePolicy?: TemplateMergePolicy;
  /**
   * Templates from ConfigMaps, Secrets or literals.
   * @default - none
   */
  readonly templateFrom?: TemplateFrom[];
  /**
   * Keys of `data` whose literal values look like secrets (a credential-like key with a literal
   * value, a private key, a token...) but are not, with the reason. Without it such values are an
   * error: the template is committed to Git with the manifests.
   * @default - none: secret-looking literals are rejected
   */
  readonly acknowledgeLiteralValues?: LiteralValuesAcknowledgement;
}

/** An explicit opt-in for literal values in `target.template.data` that look like secrets. */
export interface LiteralValuesAcknowledgement {
  /** The keys of `template.data` whose literal values are not secrets. */
  readonly keys: string[];
  /** Why they are not secrets (required, non-empty), for reviewers. */
  readonly reason: string;
}

/** The Secret an ExternalSecret writes (`spec.target`). */
export interface ExternalSecretTarget {
  /**
   * Name of the Secret.
   * @default - the ExternalSecret's name
   */
  readonly name?: string;
  /**
   * Who owns the Secret.
   * @default - ESO's default (CreationPolicy.OWNER)
   */
  readonly creationPolicy?: CreationPolicy;
  /**
   * What happens when the remote secret is deleted.
   * @default - ESO's default (DeletionPolicy.RETAIN)
   */
  readonly deletionPolicy?: DeletionPolicy;
  /**
   * Make the Secret immutable.
   * @default false
   */
  readonly immutable?: boolean;
  /**
   * Template of the Secret.
   * @default - no template: the fetched keys, with the ExternalSecret's labels and annotations
   */
  readonly template?: ExternalSecretTemplate;
}
