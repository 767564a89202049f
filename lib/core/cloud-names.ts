/**
 * Engine-free rules for the names and IDs AWS and Azure accept, shared by the declaration layer and
 * the cdktf constructs (one rule each, so the two cannot disagree). Callers skip unresolved tokens.
 */

/** A 12-digit AWS account ID. */
export function isAwsAccountId(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^\d{12}$/.test(value);
}

/** An AWS region code (`eu-west-1`, `us-gov-west-1`, `cn-north-1`). */
export function isAwsRegion(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value);
}

/** A Secrets Manager secret name: 1-512 letters, digits and `/_+=.@-`. */
export function isSecretsManagerName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[A-Za-z0-9/_+=.@-]{1,512}$/.test(value);
}

/**
 * A Parameter Store name: 1-1011 letters, digits and `_.-/`; a hierarchy starts with `/`, has at
 * most 15 levels, no empty level and no trailing `/`; no `aws` or `ssm` prefix.
 */
export function isSsmParameterName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return value.length >= 1 && value.length <= 1011 && /^[A-Za-z0-9_.\-/]+$/.test(value) &&
    (!value.includes('/') || value.startsWith('/')) &&
    value.split('/').length - 1 <= 15 &&
    !/^\/?(aws|ssm)/i.test(value) &&
    !value.endsWith('/') && !value.includes('//');
}

/**
 * An IAM role name: 1-64 letters, digits and `+=,.@_-`, unique in the account regardless of case
 * (IAM API CreateRole `RoleName`; IAM User Guide, "IAM name requirements").
 */
export function isIamRoleName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[\w+=,.@-]{1,64}$/.test(value);
}

/** A Key Vault name: 3-24 letters, digits and `-`, starting with a letter, ending with a letter or digit, no `--`. */
export function isKeyVaultName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(value) && !value.includes('--');
}

/** A Key Vault secret, key or certificate name: 1-127 letters, digits and `-`. */
export function isKeyVaultObjectName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[0-9a-zA-Z-]{1,127}$/.test(value);
}

/**
 * A Terraform identifier (variable and output names): letters, digits, `_` and `-`, not starting with a
 * digit or `-` ("Identifiers can contain letters, digits, underscores (_), and hyphens (-). The first
 * character of an identifier must not be a digit": developer.hashicorp.com/terraform/language/syntax/configuration#identifiers;
 * HCL's ID_Start admits a letter or `_`).
 */
export function isTerraformIdentifier(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(value);
}

/**
 * Names a Terraform input variable cannot have (reserved for module-block meta-arguments:
 * developer.hashicorp.com/terraform/language/values/variables, "Declaring an input variable").
 */
export const TERRAFORM_RESERVED_VARIABLE_NAMES: readonly string[] = ['source', 'version', 'providers', 'count', 'for_each', 'lifecycle', 'depends_on', 'locals'];

/**
 * A user-assigned managed identity name: 3-128 letters, digits, `-` and `_`, starting with a letter or
 * digit (learn.microsoft.com/azure/templates/microsoft.managedidentity/userassignedidentities).
 */
export function isAzureIdentityName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/.test(value);
}

/**
 * A federated identity credential name: 3-120 letters, digits, `-` and `_`, starting with a letter or
 * digit (the 120-character limit the Azure portal and API enforce, see Azure/azure-workload-identity#372).
 */
export function isFederatedCredentialName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$/.test(value);
}

/**
 * A Vault ACL policy name as this library writes it: lowercase (Vault lowercases policy names),
 * letters, digits, `_`, `.` and `-`, at most 128 characters, not the built-in `root` or `default`.
 */
export function isVaultPolicyName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return value.length <= 128 && /^[a-z0-9]([a-z0-9_.-]*[a-z0-9])?$/.test(value) && value !== 'root' && value !== 'default';
}

/** A GUID (Entra tenant and client IDs). */
export function isGuid(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value);
}

/** An ARN of any AWS resource: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function isArn(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:[a-z0-9-]+:([a-z]{2}(-[a-z]+)+-\d+)?:(\d{12}|aws)?:[^\s*?]+$/.test(value);
}

/** An IAM role ARN (`arn:<partition>:iam::<account>:role/<path/><name>`), no wildcards. */
export function isIamRoleArn(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:iam::\d{12}:role\/([\u0021-\u007E]{1,510}\/)?[\w+=,.@-]{1,64}$/.test(value) && !/[*?]/.test(value);
}

/** An IAM principal ARN usable in a resource policy: an account root, role, user or an account ID. No wildcards. */
export function isIamPrincipal(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return !/[*?]/.test(value) && (/^\d{12}$/.test(value)
    || /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:(iam|sts)::\d{12}:(root|role\/\S+|user\/\S+|assumed-role\/\S+|federated-user\/\S+)$/.test(value));
}

/** An STS external ID: 2-1224 characters among letters, digits and `+=,.@:/-`. */
export function isStsExternalId(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[\w+=,.@:/-]{2,1224}$/.test(value);
}


/** A Google Cloud project ID: 6-30 lowercase letters, digits and `-`, starting with a letter, not ending with `-`. */
export function isGcpProjectId(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(value);
}

/** A Google Cloud project number: a positive decimal number (usually 12 digits), no leading zero. */
export function isGcpProjectNumber(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[1-9][0-9]{0,18}$/.test(value);
}

/** A Secret Manager secret ID: 1-255 letters, digits, `-` and `_`. */
export function isGcpSecretId(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[A-Za-z0-9_-]{1,255}$/.test(value);
}

/** A Google Cloud region (`europe-west1`, `us-central1`, `northamerica-northeast2`). */
export function isGcpRegion(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-z]+-[a-z]+[0-9]+$/.test(value);
}

/** A Google Cloud zone (`europe-west1-b`). */
export function isGcpZone(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-z]+-[a-z]+[0-9]+-[a-z]$/.test(value);
}

/** The region of a zone (`europe-west1-b` → `europe-west1`), or the value itself for a region. */
export function gcpRegionOf(location: string): string {
  return isGcpZone(location) ? location.slice(0, location.lastIndexOf('-')) : location;
}

/**
 * A Cloud KMS location: a region, `global`, a multi-region (`asia`, `europe`, `us`) or a dual-region
 * such as `eur4` or `nam4`.
 */
export function isGcpKmsLocation(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return isGcpRegion(value) || /^(global|asia|europe|us|(asia|eur|nam)[0-9]+)$/.test(value);
}

/**
 * A Google Cloud label key: 1-63 characters, lowercase letters (any script), digits, `_` and `-`,
 * starting with a lowercase letter; at most 128 bytes in UTF-8.
 */
export function isGcpLabelKey(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u.test(value) && utf8Length(value) <= 128;
}

/** A Google Cloud label value: 0-63 lowercase letters (any script), digits, `_` and `-`; at most 128 bytes. */
export function isGcpLabelValue(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u.test(value) && utf8Length(value) <= 128;
}

/**
 * A Google service account ID (the part before `@`): 6-30 lowercase letters, digits and `-`, starting with
 * a letter, not ending with `-` (IAM API projects.serviceAccounts.create `accountId`: `[a-z]([-a-z0-9]*[a-z0-9])`).
 */
export function isGoogleServiceAccountId(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(value);
}

/**
 * A workload identity pool or pool provider ID: 4-32 lowercase letters, digits and `-`; the `gcp-` prefix is
 * reserved (IAM API projects.locations.workloadIdentityPools.create `workloadIdentityPoolId`).
 */
export function isWorkloadIdentityPoolId(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[a-z0-9-]{4,32}$/.test(value) && !value.startsWith('gcp-');
}

/** A Cloud KMS key ring or crypto key name: 1-63 letters, digits, `_` and `-`. */
export function isGcpKmsName(value: string): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return /^[A-Za-z0-9_-]{1,63}$/.test(value);
}

/** A Cloud KMS crypto key resource name: `projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>`. */
/** A Cloud KMS key ring's resource name: `projects/<p>/locations/<l>/keyRings/<r>`. */
export const GCP_KMS_KEY_RING_NAME = /^projects\/([a-z][-a-z0-9]{4,28}[a-z0-9])\/locations\/([a-z0-9-]+)\/keyRings\/([A-Za-z0-9_-]{1,63})$/;

export const GCP_KMS_KEY_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/keyRings\/([^/]+)\/cryptoKeys\/([^/]+)$/;

function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}
