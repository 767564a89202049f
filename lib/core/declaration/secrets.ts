import { InitialValue } from './values';

/** Which cloud secret service holds a declared secret. */
export enum SecretBackend {
  /** AWS Secrets Manager. */
  AWS_SECRETS_MANAGER = 'AWS_SECRETS_MANAGER',
  /** AWS Systems Manager Parameter Store (SecureString). */
  AWS_PARAMETER_STORE = 'AWS_PARAMETER_STORE',
  /** Azure Key Vault secrets. */
  AZURE_KEY_VAULT = 'AZURE_KEY_VAULT',
  /** Google Cloud Secret Manager. */
  GOOGLE_SECRET_MANAGER = 'GOOGLE_SECRET_MANAGER',
  /** HashiCorp Vault KV version 2. */
  VAULT_KV = 'VAULT_KV',
}

/** A customer-managed KMS key declared for secrets. */
export interface KmsKeyDeclaration {
  /** Declaration-unique id. */
  readonly id: string;
  /** Alias without the `alias/` prefix. */
  readonly alias: string;
  /** Description of the key. */
  readonly description: string;
  /** Account of the key. */
  readonly accountId: string;
  /** Region of the key. */
  readonly region: string;
  /**
   * ARN of an existing key managed elsewhere.
   * @default - undefined: the cloud side creates the key
   */
  readonly existingKeyArn?: string;
}

/** Props of {@link SecretsDeclaration.addKmsKey}. */
export interface KmsKeyOptions {
  /** Alias, without the `alias/` prefix (`shop/secrets`). */
  readonly alias: string;
  /**
   * Description.
   * @default - "Encrypts <alias> secrets read by External Secrets Operator"
   */
  readonly description?: string;
  /**
   * ARN of an existing key managed elsewhere (the cloud side then creates nothing for it).
   * @default - the cloud side creates a rotating key
   */
  readonly existingKeyArn?: string;
  /**
   * Region of the key.
   * @default - the declaration's AWS region
   */
  readonly region?: string;
}

/** Automatic rotation of a Secrets Manager secret by a rotation Lambda. */
export interface SecretRotationDeclaration {
  /** ARN of the rotation Lambda (`arn:<partition>:lambda:<region>:<account>:function:<name>`). */
  readonly rotationLambdaArn: string;
  /**
   * Rotate every this many days (1-1000).
   * @default 30
   */
  readonly afterDays?: number;
  /**
   * Rotate on a schedule expression (`rate(4 hours)`, `cron(0 16 1,15 * ? *)`) instead of every `afterDays`.
   * @default - every `afterDays` days
   */
  readonly scheduleExpression?: string;
  /**
   * Rotate as soon as rotation is configured.
   * @default true
   */
  readonly rotateImmediately?: boolean;
}

/** Props shared by AWS secrets (Secrets Manager and Parameter Store). */
export interface AwsSecretOptions {
  /** Name of the secret (Secrets Manager) or parameter (Parameter Store, starting with `/`). */
  readonly name: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Customer-managed KMS key. Its decrypt grant is derived: only for the identities that read the
   * secret, only through the secrets service.
   * @default - the AWS managed key (`aws/secretsmanager` or `aws/ssm`)
   */
  readonly kmsKey?: KmsKeyDeclaration;
  /**
   * JSON properties the secret holds (`username`, `password`). Consumers that read a `property`
   * not listed are rejected at synth.
   * @default - not checked: every property may be read
   */
  readonly properties?: string[];
  /**
   * The secret exists already and is managed elsewhere: the cloud side creates nothing but grants
   * read access to it.
   * @default false
   */
  readonly managedElsewhere?: boolean;
  /**
   * Initial value. Never a literal.
   * @default - the container is created empty; the value is set out of band
   */
  readonly initialValue?: InitialValue;
  /**
   * Tags on the secret.
   * @default - only the `managed-by: cdk-external-secrets` tag
   */
  readonly tags?: Record<string, string>;
  /**
   * Automatic rotation (Secrets Manager only). ExternalSecrets reading the secret pick the new value up
   * within their refresh interval; wire Reloader to roll the workloads.
   * @default - no rotation
   */
  readonly rotation?: SecretRotationDeclaration;
  /**
   * Account that holds the secret.
   * @default - the declaration's AWS account
   */
  readonly accountId?: string;
  /**
   * Region that holds the secret.
   * @default - the declaration's AWS region
   */
  readonly region?: string;
}

/** Props of {@link SecretsDeclaration.addKeyVaultSecret}. */
export interface KeyVaultSecretOptions {
  /** The vault holding the secret. */
  readonly vault: KeyVaultDeclaration;
  /** Secret name (1-127 alphanumerics and hyphens). */
  readonly name: string;
  /**
   * Content type recorded on the secret.
   * @default - none
   */
  readonly contentType?: string;
  /**
   * The secret exists already and is managed elsewhere.
   * @default false
   */
  readonly managedElsewhere?: boolean;
  /**
   * Initial value (sensitive variable only for Key Vault). Never a literal.
   * @default - created empty; the value is set out of band
   */
  readonly initialValue?: InitialValue;
  /**
   * JSON properties the secret holds; consumers reading others are rejected at synth.
   * @default - not checked
   */
  readonly properties?: string[];
  /**
   * Tags on the secret, on top of the declaration's tags. A `find` with `tags` matches the declared
   * secrets carrying them (for a secret managed elsewhere, declare the tags it carries).
   * @default - the declaration's tags only
   */
  readonly tags?: Record<string, string>;
}

/** Props of {@link SecretsDeclaration.addKeyVault}. */
export interface KeyVaultOptions {
  /** Vault name (3-24 alphanumerics and hyphens, globally unique). */
  readonly name: string;
  /** Resource group of the vault. */
  readonly resourceGroupName: string;
  /** Azure region of the vault. */
  readonly location: string;
  /**
   * Entra tenant of the vault.
   * @default - the declaration's Azure tenant
   */
  readonly tenantId?: string;
  /**
   * The vault exists already and is managed elsewhere (give its resource ID).
   * @default - the cloud side creates the vault
   */
  readonly existingVaultId?: string;
  /**
   * Subnets allowed through the vault firewall (the AKS node subnets, so ESO can read).
   * @default - none: only trusted Azure services pass the default-deny firewall
   */
  readonly allowedSubnetIds?: string[];
  /**
   * IP ranges (CIDR) allowed through the vault firewall (e.g. the cluster's egress IPs).
   * @default - none
   */
  readonly allowedIpRules?: string[];
  /**
   * The vault URL exactly as the stores should carry it (`https://<name>.vault.azure.net`, with or
   * without the trailing `/`; sovereign clouds `vault.azure.cn`, `vault.usgovcloudapi.net`). It must
   * name this vault.
   * @default - `https://<name>.vault.azure.net/`
   */
  readonly vaultUrl?: string;
  /**
   * Only this declaration creates secrets in the vault: no one else holds a role that writes secrets
   * in it (Key Vault Secrets Officer, Administrator, Owner). An identity that reads every secret of
   * such a vault, which the cloud side creates, gets one role assignment at vault scope instead of one
   * per secret (exact, because the vault holds only declared secrets), which keeps large estates
   * within the subscription's role assignment limit. Keep others' write access off the vault (an
   * Azure Policy denying role assignments on it, or review) when you set this.
   * @default false - every read is assigned per secret
   */
  readonly exclusive?: boolean;
}

/** A Key Vault in a declaration. */
export interface KeyVaultDeclaration {
  readonly id: string;
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tenantId: string;
  /**
   * Resource ID of an existing vault managed elsewhere.
   * @default - undefined: the cloud side creates the vault
   */
  readonly existingVaultId?: string;
  readonly allowedSubnetIds: readonly string[];
  readonly allowedIpRules: readonly string[];
  /** The literal vault URL the YAML side uses (`https://<name>.vault.azure.net/`). */
  readonly vaultUrl: string;
  /** Whether only the declaration creates secrets in the vault ({@link KeyVaultOptions.exclusive}). */
  readonly exclusive: boolean;
}

/** A secret in a declaration (any backend). */
export interface SecretDeclaration {
  /** Declaration-unique id. */
  readonly id: string;
  /** The backend holding the secret. */
  readonly backend: SecretBackend;
  /** Name in the backend (the `remoteRef.key` ExternalSecrets use). */
  readonly name: string;
  /**
   * JSON properties, when declared.
   * @default - undefined: properties are not checked
   */
  readonly properties?: readonly string[];
  /** True when the secret exists already and the cloud side only grants access. */
  readonly managedElsewhere: boolean;
  /**
   * Initial value source.
   * @default - undefined: the container is created empty
   */
  readonly initialValue?: InitialValue;
}

/** An AWS secret (Secrets Manager or Parameter Store) in a declaration. */
export interface AwsSecretDeclaration extends SecretDeclaration {
  readonly backend: SecretBackend.AWS_SECRETS_MANAGER | SecretBackend.AWS_PARAMETER_STORE;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Customer-managed key.
   * @default - undefined: the AWS managed key
   */
  readonly kmsKey?: KmsKeyDeclaration;
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Automatic rotation.
   * @default - undefined: no rotation
   */
  readonly rotation?: SecretRotationDeclaration;
  /**
   * The ARN used in IAM policies: `arn:<p>:secretsmanager:<r>:<a>:secret:<name>-??????` for Secrets
   * Manager (AWS appends six random characters), `arn:<p>:ssm:<r>:<a>:parameter/<name>` for parameters.
   */
  readonly arnForPolicies: string;
}

/** An Azure Key Vault secret in a declaration. */
export interface KeyVaultSecretDeclaration extends SecretDeclaration {
  readonly backend: SecretBackend.AZURE_KEY_VAULT;
  readonly vault: KeyVaultDeclaration;
  /** Tags of the secret: the declaration's, then its own. */
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Content type recorded on the secret.
   * @default - none
   */
  readonly contentType?: string;
}
