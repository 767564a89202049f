import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Duration } from '../../core/duration';
import { invalidString, invalidVaultMethod, invalidVaultRoleName, missingNamespace, missingProp, vaultDynamicPathNotEngine, vaultParametersForMethod } from '../../core/errors';
import { assertPropsObject, assertType } from '../../core/validation';
import { isUnresolved } from '../../core/tokens';
import { capabilityForMethod, databaseCredentialsPath, pkiIssuePath, vaultCredentialEndpoint, VaultHttpMethod } from '../../core/vault-engines';
import { GeneratorKind, SecretStoreKind } from '../enums';
import * as l1 from '../imports/generators.external-secrets.io';
import { StoreContext } from '../private/context';
import { buildMetadata } from '../private/metadata';
import { renderVaultProvider, VaultProviderProps } from '../providers/vault';
import { K8sObjectOptions } from '../references';
import { IGenerator } from './generator';
import { DefaultedVaultDynamicSecret } from '../private/defaulted-objects';

const ROLE_NAME = /^\w([\w.@-]*\w)?$/;

/** Throws unless a Vault role name is one Vault accepts (it becomes a path segment). */
function checkRole(scope: Construct, id: string, role: unknown): void {
  const path = `${scope.node.path}/${id}`.replace(/^\//, '');
  if (typeof role !== 'string' || role.length > 128 || !ROLE_NAME.test(role)) {
    throw invalidVaultRoleName(path, 'role', typeof role === 'string' ? role : String(role));
  }
}

/** Which part of Vault's response the generator returns (`resultType`). */
export enum VaultDynamicSecretResultType {
  /** The `data` section (database credentials, certificates): ESO's default. */
  DATA = 'Data',
  /** The `auth` section (e.g. `auth/token/create`). */
  AUTH = 'Auth',
  /** The raw response. */
  RAW = 'Raw',
}

/** Options shared by the {@link VaultDynamicSecret} factories and props. */
export interface VaultDynamicSecretOptions extends K8sObjectOptions {
  /**
   * Namespace of the generator (the namespace of the ExternalSecrets that use it).
   * @default - the Chart's namespace (one of the two is required)
   */
  readonly namespace?: string;
  /**
   * How ESO reaches and authenticates to Vault: the same block as a store's `vault` provider
   * (server with the `http://` check, Kubernetes/JWT auth, CA, Vault namespace). References are
   * resolved in the generator's namespace.
   */
  readonly provider: VaultProviderProps;
  /**
   * Do not fail on an empty response (`allowEmptyResponse`).
   * @default false
   */
  readonly allowEmptyResponse?: boolean;
}

/** Props of {@link VaultDynamicSecret}. */
export interface VaultDynamicSecretProps extends VaultDynamicSecretOptions {
  /** The engine path, e.g. `database/creds/netbox` or `pki/issue/web`. */
  readonly path: string;
  /**
   * The HTTP method.
   * @default VaultHttpMethod.GET
   */
  readonly method?: VaultHttpMethod;
  /**
   * JSON body of a write (POST/PUT), e.g. `{ common_name: "web.example.com" }`.
   * @default - none
   */
  readonly parameters?: Record<string, unknown>;
  /**
   * Query-string parameters of a GET.
   * @default - none
   */
  readonly getParameters?: Record<string, string[]>;
  /**
   * Which part of the response to return.
   * @default VaultDynamicSecretResultType.DATA
   */
  readonly resultType?: VaultDynamicSecretResultType;
}

/** Options of {@link VaultDynamicSecret.databaseCredentials}. */
export interface VaultDatabaseCredentialsOptions extends VaultDynamicSecretOptions {
  /** The database role (`database/creds/<role>`). */
  readonly role: string;
  /**
   * Mount path of the database engine.
   * @default "database"
   */
  readonly mount?: string;
}

/** Options of {@link VaultDynamicSecret.pkiCertificate}. */
export interface VaultPkiCertificateOptions extends VaultDynamicSecretOptions {
  /** The PKI role (`pki/issue/<role>`). */
  readonly role: string;
  /** The certificate's common name. */
  readonly commonName: string;
  /**
   * Subject alternative names (DNS).
   * @default - none
   */
  readonly altNames?: string[];
  /**
   * Requested certificate TTL (must not exceed the PKI role's max TTL).
   * @default - the PKI role's TTL
   */
  readonly ttl?: Duration;
  /**
   * Mount path of the PKI engine.
   * @default "pki"
   */
  readonly mount?: string;
}

/**
 * An ESO `VaultDynamicSecret` generator (`generators.external-secrets.io/v1alpha1`): dynamic
 * credentials from a Vault secrets engine, consumed by an ExternalSecret through
 * `dataFrom: [{ generator }]`.
 *
 * Lease trap: the generator never renews or revokes leases, and Vault revokes the leases of a
 * token when the token expires. Keep the ESO role's token TTL at least the engine role's lease TTL
 * and the ExternalSecret's `refreshInterval` below both (the declaration checks it).
 *
 * @example
 * const creds = VaultDynamicSecret.databaseCredentials(chart, 'NetboxDb', {
 *   role: 'netbox', provider: { server: 'https://vault.example.com:8200', auth: VaultAuth.kubernetes({ ... }) },
 * });
 * new ExternalSecret(chart, 'Db', { store, dataFrom: [{ generator: creds }], refreshInterval: Duration.minutes(30) });
 */
export class VaultDynamicSecret extends Construct implements IGenerator {
  /** Dynamic database credentials: `GET <mount>/creds/<role>`. */
  public static databaseCredentials(scope: Construct, id: string, options: VaultDatabaseCredentialsOptions): VaultDynamicSecret {
    const { role, mount, ...rest } = options ?? ({} as VaultDatabaseCredentialsOptions);
    checkRole(scope, id, role);
    return new VaultDynamicSecret(scope, id, { ...rest, path: databaseCredentialsPath(role, mount), method: VaultHttpMethod.GET });
  }

  /** A certificate with a new key: `POST <mount>/issue/<role>` with `common_name`. */
  public static pkiCertificate(scope: Construct, id: string, options: VaultPkiCertificateOptions): VaultDynamicSecret {
    const { role, mount, commonName, altNames, ttl, ...rest } = options ?? ({} as VaultPkiCertificateOptions);
    checkRole(scope, id, role);
    const path = `${scope.node.path}/${id}`.replace(/^\//, '');
    if (typeof commonName !== 'string' || commonName.trim() === '') {
      throw invalidString(path, 'commonName', String(commonName), 'a non-empty common name (the certificate\'s subject)', 'pass the common name, for example "app.example.com"');
    }
    assertType(path, 'altNames', altNames ?? [], 'stringArray');
    const parameters: Record<string, unknown> = { common_name: commonName };
    if (altNames !== undefined && altNames.length > 0) {
      parameters.alt_names = altNames.join(',');
    }
    if (ttl !== undefined) {
      parameters.ttl = ttl.toGoString();
    }
    return new VaultDynamicSecret(scope, id, { ...rest, path: pkiIssuePath(role, mount), method: VaultHttpMethod.POST, parameters });
  }

  public readonly kind = GeneratorKind.VAULT_DYNAMIC_SECRET;
  public readonly apiVersion = 'generators.external-secrets.io/v1alpha1';
  public readonly name: string;
  public readonly namespace: string;
  /** The engine path. */
  public readonly path: string;
  /** The HTTP method. */
  public readonly method: VaultHttpMethod;
  /** The Vault policy capability the path needs (`read` for GET, `update` for POST/PUT). */
  public readonly capability: string;
  /** The Vault store-provider props used (server, auth, Vault namespace). */
  public readonly provider: VaultProviderProps;
  /** The L1 object. */
  public readonly resource: l1.VaultDynamicSecret;

  constructor(scope: Construct, id: string, props: VaultDynamicSecretProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'VaultDynamicSecretProps');
    const path = this.node.path;
    const namespace = props.namespace ?? Chart.of(scope).namespace;
    if (namespace === undefined) {
      throw missingNamespace(path, 'metadata.namespace', 'generators are namespaced and ExternalSecrets use those of their own namespace');
    }
    if (props.path === undefined || props.path === '') {
      throw missingProp(path, 'spec.path', 'pass the engine path, for example "database/creds/app"');
    }
    const method = props.method ?? VaultHttpMethod.GET;
    if (!Object.values(VaultHttpMethod).includes(method)) {
      throw invalidVaultMethod(path, 'spec.method', String(method));
    }
    const write = method === VaultHttpMethod.POST || method === VaultHttpMethod.PUT;
    if (props.parameters !== undefined && !write) {
      throw vaultParametersForMethod(path, 'spec.parameters', method);
    }
    assertType(path, 'spec.getParameters', props.getParameters ?? {}, 'object');
    for (const [key, values] of Object.entries(props.getParameters ?? {})) {
      assertType(path, `spec.getParameters.${key}`, values, 'stringArray');
    }
    if (props.getParameters !== undefined && method !== VaultHttpMethod.GET) {
      throw vaultParametersForMethod(path, 'spec.getParameters', method);
    }
    // The same engine endpoints the policy compiler grants: never Vault's own mounts, a glob or "..".
    if (typeof props.path !== 'string' || (!isUnresolved(props.path) && vaultCredentialEndpoint(props.path) === undefined)) {
      throw vaultDynamicPathNotEngine(path, 'spec.path', String(props.path));
    }
    const ctx = new StoreContext(path, SecretStoreKind.SECRET_STORE, namespace);
    const provider = renderVaultProvider(ctx, props.provider, 'spec.provider');
    this.resource = new DefaultedVaultDynamicSecret(this, 'Resource', {
      metadata: buildMetadata(path, { ...props, namespace }),
      spec: {
        path: props.path,
        method,
        parameters: props.parameters ? { ...props.parameters } : undefined,
        getParameters: props.getParameters ? Object.fromEntries(Object.entries(props.getParameters).map(([k, v]) => [k, [...v]])) : undefined,
        resultType: props.resultType as string as l1.VaultDynamicSecretSpecResultType | undefined,
        allowEmptyResponse: props.allowEmptyResponse,
        provider: provider as unknown as l1.VaultDynamicSecretSpecProvider,
      },
    });
    this.name = this.resource.name;
    this.namespace = namespace;
    this.path = props.path;
    this.method = method;
    this.capability = capabilityForMethod(method);
    this.provider = props.provider;
  }
}
