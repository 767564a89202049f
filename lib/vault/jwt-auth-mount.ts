import { JwtAuthBackend } from '@cdktf/provider-vault/lib/jwt-auth-backend';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { mutuallyExclusive, vaultJwtUrlNotHttps, vaultJwtWithoutIssuer, vaultJwtWithoutKeys } from '../core/errors';
import { assertDnsLabel, assertProps, escapeTerraformText } from '../core/validation';
import { IVaultAuthMount, VaultAuthMethod } from './auth-mount';
import { assertMountPath, assertPem, checkNamespace, derivedMountPath } from './private/validation';

/** A JWT auth mount, created here or existing. */
export type IVaultJwtAuthMount = IVaultAuthMount;

/** Options of {@link VaultJwtAuthMount.fromMountPath}. */
export interface VaultJwtAuthMountImportOptions {
  /**
   * Vault Enterprise / HCP namespace of the mount.
   * @default - root namespace
   */
  readonly namespace?: string;
}

/** Props of {@link VaultJwtAuthMount}. */
export interface VaultJwtAuthMountProps {
  /** Name of the cluster (a DNS label): one mount per issuer. */
  readonly clusterName: string;
  /**
   * Mount path (without `auth/`).
   * @default `jwt-<clusterName>`
   */
  readonly path?: string;
  /**
   * Vault Enterprise / HCP namespace.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * The cluster's public OIDC issuer (`oidc_discovery_url`), e.g. the EKS/AKS/GKE issuer URL.
   * Exactly one of `oidcDiscoveryUrl`, `jwksUrl` and `jwtValidationPubkeys`.
   * @default - none
   */
  readonly oidcDiscoveryUrl?: string;
  /**
   * A JWKS URL (`jwks_url`).
   * @default - none
   */
  readonly jwksUrl?: string;
  /**
   * PEM public keys of the service account issuer (`jwt_validation_pubkeys`), for clusters without a public issuer.
   * @default - none
   */
  readonly jwtValidationPubkeys?: string[];
  /**
   * Issuer the tokens must carry (`bound_issuer`).
   * Required with `jwksUrl` or `jwtValidationPubkeys` (keys alone would accept any issuer); never empty.
   * @default - the discovery document's issuer (with `oidcDiscoveryUrl`)
   */
  readonly boundIssuer?: string;
  /**
   * PEM CA of the discovery URL (`oidc_discovery_ca_pem`).
   * @default - system roots
   */
  readonly oidcDiscoveryCaPem?: string;
  /**
   * Description of the mount.
   * @default "JWT auth for cluster <clusterName>"
   */
  readonly description?: string;
}

class ImportedJwtAuthMount extends Construct implements IVaultJwtAuthMount {
  public readonly method = VaultAuthMethod.JWT;
  public readonly namespace?: string;

  constructor(scope: Construct, id: string, public readonly mountPath: string, options: VaultJwtAuthMountImportOptions) {
    super(scope, id);
    assertMountPath(this.node.path, 'mountPath', mountPath);
    this.namespace = checkNamespace(this.node.path, 'namespace', options.namespace);
  }
}

/**
 * JWT auth for a cluster with a public OIDC issuer (`vault_jwt_auth_backend`): Vault verifies
 * service account tokens against the issuer's keys, so no TokenReview, no reviewer token and no
 * `system:auth-delegator` binding are needed. Create roles with {@link VaultJwtAuthRole}.
 */
export class VaultJwtAuthMount extends Construct implements IVaultJwtAuthMount {
  /** References an existing JWT auth mount (nothing is created). */
  public static fromMountPath(scope: Construct, id: string, mountPath: string, options: VaultJwtAuthMountImportOptions = {}): IVaultJwtAuthMount {
    return new ImportedJwtAuthMount(scope, id, mountPath, options);
  }

  public readonly method = VaultAuthMethod.JWT;
  public readonly mountPath: string;
  public readonly namespace?: string;
  /** The cluster. */
  public readonly clusterName: string;
  /** The `vault_jwt_auth_backend` resource. */
  public readonly resource: JwtAuthBackend;

  constructor(scope: Construct, id: string, props: VaultJwtAuthMountProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultJwtAuthMountProps', {
      'clusterName': 'string', 'path?': 'string', 'namespace?': 'string', 'oidcDiscoveryUrl?': 'string', 'jwksUrl?': 'string',
      'jwtValidationPubkeys?': 'stringArray', 'boundIssuer?': 'string', 'oidcDiscoveryCaPem?': 'string', 'description?': 'string',
    });
    assertDnsLabel(path, 'clusterName', props.clusterName);
    this.clusterName = props.clusterName;
    this.mountPath = props.path ?? derivedMountPath('jwt', props.clusterName);
    assertMountPath(path, 'path', this.mountPath);
    this.namespace = checkNamespace(path, 'namespace', props.namespace);
    const sources = ([
      ['oidcDiscoveryUrl', props.oidcDiscoveryUrl],
      ['jwksUrl', props.jwksUrl],
      ['jwtValidationPubkeys', props.jwtValidationPubkeys],
    ] as Array<[string, unknown]>).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    if (sources.length === 0) {
      throw vaultJwtWithoutKeys(path);
    }
    if (sources.length > 1) {
      throw mutuallyExclusive(path, sources[0][0], sources[0][1], sources[1][0], 'set exactly one way to verify the tokens');
    }
    for (const [prop, url] of [['oidcDiscoveryUrl', props.oidcDiscoveryUrl], ['jwksUrl', props.jwksUrl]] as Array<[string, string | undefined]>) {
      if (url !== undefined && !Token.isUnresolved(url) && !url.startsWith('https://')) {
        throw vaultJwtUrlNotHttps(path, prop, url);
      }
    }
    (props.jwtValidationPubkeys ?? []).forEach((key, i) => assertPem(path, `jwtValidationPubkeys[${i}]`, key, 'public key'));
    // OIDC discovery checks the issuer itself; keys alone (JWKS, PEM) accept any issuer unless one is bound.
    if ((props.boundIssuer !== undefined && props.boundIssuer.trim() === '') || (props.boundIssuer === undefined && props.oidcDiscoveryUrl === undefined)) {
      throw vaultJwtWithoutIssuer(path, 'boundIssuer', props.boundIssuer);
    }
    assertPem(path, 'oidcDiscoveryCaPem', props.oidcDiscoveryCaPem, 'certificate');
    this.resource = new JwtAuthBackend(this, 'Resource', {
      type: 'jwt',
      path: this.mountPath,
      namespace: this.namespace,
      description: escapeTerraformText(props.description ?? `JWT auth for cluster ${props.clusterName}`),
      oidcDiscoveryUrl: props.oidcDiscoveryUrl,
      oidcDiscoveryCaPem: props.oidcDiscoveryCaPem,
      jwksUrl: props.jwksUrl,
      jwtValidationPubkeys: props.jwtValidationPubkeys,
      boundIssuer: props.boundIssuer,
    });
  }
}
