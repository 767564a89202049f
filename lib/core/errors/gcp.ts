// Errors raised by lib/gcp (and the gcpsm store provider). Every factory builds its message with configurationError().
import { configurationError, ConfigurationError } from './format';

/** A Google Cloud project ID the Resource Manager rejects. */
export function invalidGcpProjectId(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a project ID: 6 to 30 lowercase letters, digits and "-", starting with a letter, not ending with "-"',
    fix: 'pass the project ID (gcloud projects describe <project> --format="value(projectId)"), not its display name or number',
  });
}

/** A Google Cloud project number that is not a decimal number. */
export function invalidGcpProjectNumber(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'the project number as a string of digits, such as "123456789012"',
    fix: 'pass the project number (gcloud projects describe <project> --format="value(projectNumber)"), or the number attribute of a DataGoogleProject; workload identity principals and service agents are named after it',
  });
}

/** A Secret Manager secret ID Google rejects. */
export function invalidGcpSecretId(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a secret ID: 1 to 255 letters, digits, "-" and "_"',
    fix: `rename it, for example ${JSON.stringify(suggestSecretId(value))}`,
  });
}

/** A location that is not a Google Cloud region (or zone, or Cloud KMS location, depending on `allowed`). */
export function invalidGcpLocation(path: string, prop: string, value: unknown, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value, allowed,
    fix: 'use a location code such as "europe-west1" (gcloud compute regions list), not a display name',
  });
}

/** A label key Google rejects. */
export function invalidGcpLabelKey(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a label key: 1 to 63 lowercase letters, digits, "_" and "-", starting with a lowercase letter (at most 128 bytes)',
    fix: 'rename the label key; uppercase letters, dots and slashes are not allowed in Google Cloud labels',
  });
}

/** A label value Google rejects. */
export function invalidGcpLabelValue(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a label value: 0 to 63 lowercase letters, digits, "_" and "-" (at most 128 bytes)',
    fix: 'lowercase the value and replace other characters with "-" or "_"; put free text in annotations instead',
  });
}

/** More labels than Google allows on one resource. */
export function tooManyGcpLabels(path: string, prop: string, count: number): ConfigurationError {
  return configurationError({
    path, prop, value: count,
    allowed: 'at most 64 labels',
    fix: 'drop labels, or move descriptive ones to annotations',
  });
}

/** User-managed replication without replicas, or with a location twice. */
export function invalidGcpReplicas(path: string, prop: string, value: unknown, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value, allowed,
    fix: 'list each replica region once, for example SecretReplication.userManaged([{ location: "europe-west1" }, { location: "europe-west4" }]), or use SecretReplication.automatic()',
  });
}

/** A CMEK key name that is not a Cloud KMS crypto key, or lives in another location than the replica it encrypts. */
export function invalidGcpCmekKey(path: string, prop: string, value: unknown, location: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a crypto key "projects/<project>/locations/${location}/keyRings/<ring>/cryptoKeys/<key>" (Secret Manager requires the key in the location of the replica it encrypts${location === 'global' ? '; "global" for automatic replication' : ''})`,
    fix: `create or pick a key ring in ${JSON.stringify(location)} and pass the key's id`,
  });
}

/** A secret value given as plain text instead of a sensitive Terraform variable. */
export function plaintextGoogleSecretValue(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: '<redacted plain value>',
    allowed: 'GoogleSecretValue.fromSensitiveVariable(<TerraformVariable with sensitive: true>), or no value (versions added out of band)',
    fix: 'declare a TerraformVariable with sensitive: true and pass it through GoogleSecretValue.fromSensitiveVariable(); plain values would land in the synthesized JSON and the Terraform state',
  });
}

/** A Terraform variable carrying a secret value that is not marked sensitive. */
export function nonSensitiveGoogleSecretVariable(path: string, prop: string, variablePath: string): ConfigurationError {
  return configurationError({
    path, prop, value: variablePath,
    allowed: 'a TerraformVariable declared with sensitive: true',
    fix: 'add sensitive: true to the TerraformVariable so Terraform redacts it from plans and logs',
  });
}

/** A write-only version that is not a positive whole number. */
export function invalidGoogleSecretValueVersion(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of 1 or more',
    fix: 'start at 1 and increase it each time the variable holds a new value, so Terraform sends the write-only secret_data_wo again',
  });
}

/** A Google service account ID (the part before `@`) Google rejects. */
export function invalidGoogleServiceAccountId(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a service account ID: 6 to 30 lowercase letters, digits and "-", starting with a letter, not ending with "-"',
    fix: 'shorten or rename it; the e-mail becomes <id>@<project>.iam.gserviceaccount.com',
  });
}

/** A workload identity pool or provider ID Google rejects. */
export function invalidWorkloadIdentityPoolId(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '4 to 32 lowercase letters, digits and "-", not starting with the reserved prefix "gcp-"',
    fix: 'rename it, for example after the cluster ("onprem-rke2"); pool IDs cannot be reused for 30 days after deletion',
  });
}

/** An OIDC issuer that is not an https URL. */
export function invalidGcpIssuerUrl(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an https URL, exactly the "iss" claim of the cluster\'s service account tokens',
    fix: 'pass the cluster\'s service account issuer (kubectl get --raw /.well-known/openid-configuration | jq -r .issuer); without a public discovery endpoint, also pass jwksJson',
  });
}

/** A workload identity pool provider or Google service account that trusts no Kubernetes service account. */
export function noTrustedServiceAccounts(path: string, prop: string, what: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: `at least one Kubernetes service account: ${what}`,
    fix: 'pass serviceAccounts, or call addServiceAccount() for each service account that authenticates (the store\'s serviceAccountRef or the ESO controller)',
  });
}

/** The same Kubernetes service account trusted twice. */
export function duplicateGcpTrustedServiceAccount(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'each Kubernetes service account at most once',
    fix: 'remove the second addServiceAccount() call, or reuse the principal the first one returned',
  });
}

/** A federated subject longer than `google.subject` allows. */
export function gcpSubjectTooLong(path: string, prop: string, subject: string): ConfigurationError {
  return configurationError({
    path, prop, value: subject,
    allowed: 'a subject "system:serviceaccount:<namespace>:<name>" of at most 127 bytes (the limit of google.subject)',
    fix: 'shorten the namespace or the service account name',
  });
}

/** A Cloud KMS key ring or crypto key name Google rejects. */
export function invalidGcpKmsName(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '1 to 63 letters, digits, "_" and "-"',
    fix: 'rename it; key rings and keys cannot be deleted, so a name is never free again in its location',
  });
}

/** An existing key ring given by something else than its resource name, or in another location than the key's. */
export function invalidGcpKeyRingId(path: string, prop: string, value: unknown, location: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a key ring resource name "projects/<project>/locations/${location}/keyRings/<ring>" (the key ring must be in the key's location, the cluster's region)`,
    fix: `pass the id of a key ring in ${JSON.stringify(location)}, or keyRingName to create one there`,
  });
}

/** A Cloud KMS rotation period outside what Cloud KMS accepts. */
export function invalidGcpKmsRotationPeriod(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of seconds from 1 day (86400 s) to 100 years (3153600000 s)',
    fix: 'pass Duration.days(n), for example Duration.days(90) (the recommended maximum for symmetric keys)',
  });
}

/** GKE application-layer encryption with a key in another region than the cluster. */
export function gkeKeyLocationMismatch(path: string, prop: string, value: string, keyLocation: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a cluster in the key ring's region ${JSON.stringify(keyLocation)} (a regional cluster there, or a zonal cluster in one of its zones)`,
    fix: `create the key ring in ${JSON.stringify(value.replace(/-[a-z]$/, ''))}: GKE only accepts a Cloud KMS key in the cluster's region`,
  });
}

/** A gcpsm store's service account bound to an identity of the wrong mechanism. */
export function gcpAuthIdentityMismatch(path: string, prop: string, serviceAccount: { name: string; namespace?: string }, kind: string, expected: string): ConfigurationError {
  return configurationError({
    path, prop, value: serviceAccount,
    allowed: `a service account whose identity is ${expected} (this one is ${kind})`,
    fix: 'use GcpAuth.workloadIdentity() for GKE (direct principal or Google service account) and GcpAuth.workloadIdentityFederation() for a workload identity pool outside GKE',
  });
}

/** A Google service account e-mail ESO rejects (`gcpServiceAccountEmail`). */
export function invalidGoogleServiceAccountEmail(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Google service account e-mail "<id>@<project>.iam.gserviceaccount.com"',
    fix: 'pass the e-mail of the Google service account to impersonate (GoogleServiceAccountIdentity.email)',
  });
}

/** A workload identity federation audience that is not a pool provider's resource name. */
export function invalidWorkloadIdentityAudience(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'the full provider resource name "//iam.googleapis.com/projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>"',
    fix: 'pass the audience of the KubernetesWorkloadIdentityPool (pool.audience); ESO requests service account tokens for it and Google STS checks it',
  });
}

/** An IAM member string of an unknown form. */
export function invalidGcpMember(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an IAM member "serviceAccount:<e-mail>", "group:<e-mail>", "user:<e-mail>", "principal://…" or "principalSet://…"',
    fix: 'use the principal of a construct (GkeWorkloadPrincipal, GoogleServiceAccountIdentity, KubernetesWorkloadIdentityPool.addServiceAccount()); allUsers, allAuthenticatedUsers and domain-wide members are refused',
  });
}

/** A `principalSet` over a workload identity pool given as a member (every workload of the pool). */
export function poolWidePrincipalSet(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'one principal of a workload identity pool ("principal://…/subject/<subject>"), never a "principalSet://…/workloadIdentityPools/…" member: it names every workload the pool admits (every namespace and service account of every cluster federated into it)',
    fix: 'grant the exact service account: GkeWorkloadPrincipal, KubernetesWorkloadIdentityPool.addServiceAccount(), or a "principal://…/subject/…" member',
  });
}

/** A Google secret or store in a declaration without Google Cloud defaults. */
export function missingGcpDefaults(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'gcp', value: undefined,
    allowed: 'a declaration with Google Cloud defaults: the project of its Secret Manager secrets',
    fix: 'set gcp: { projectId, projectNumber } on new SecretsDeclaration()',
  });
}

/** A GKE cluster whose project number is unknown, for a direct principal (named after the number). */
export function missingGkeProjectNumber(path: string, prop: string, clusterId: string, projectId: string): ConfigurationError {
  return configurationError({
    path, prop, value: clusterId,
    allowed: `GKE clusters whose project number is known: the direct principal of cluster "${clusterId}" is named after the number of project "${projectId}"`,
    fix: `set projectNumber on cluster "${clusterId}" (gcloud projects describe ${projectId} --format="value(projectNumber)"), or use GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT`,
  });
}

/** The Google service account mode on a cluster outside GKE. */
export function gcpModeOutsideGke(path: string, prop: string, value: string, clusterId: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `GcpIdentityMode.DIRECT_PRINCIPAL on cluster "${clusterId}", which is not a GKE cluster (it federates through a workload identity pool, whose principal is granted directly)`,
    fix: `use GcpIdentityMode.DIRECT_PRINCIPAL, or remove cluster "${clusterId}" from the store's clusters`,
  });
}

/** A find on a Google Secret Manager store (listing secrets needs a project-wide permission). */
export function gcpFindUnsupported(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'data and extract of declared secrets: Google Secret Manager has no per-secret list permission, and this library never grants secretmanager.secrets.list on the project',
    fix: 'list the secrets explicitly (data / extract)',
  });
}

/** Turns a string into a secret ID suggestion. */
function suggestSecretId(value: unknown): string {
  const cleaned = (typeof value === 'string' ? value : '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 255);
  return cleaned.length > 0 ? cleaned : 'my-secret';
}
