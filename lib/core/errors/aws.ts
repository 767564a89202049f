// Errors raised by lib/aws. Every factory builds its message with configurationError().
import { configurationError, ConfigurationError } from './format';

/** What a Secrets Manager secret name may contain. */
const SECRET_NAME_ALLOWED = '1 to 512 characters among letters, digits and /_+=.@-';

/** A Secrets Manager secret name AWS would reject. */
export function invalidSecretName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: SECRET_NAME_ALLOWED,
    fix: 'rename the secret, for example "team/app/database"',
  });
}

/**
 * A secret name ending in a hyphen and six characters: AWS documents that such names confuse the
 * partial-ARN matching Secrets Manager does on its random `-XXXXXX` suffix.
 */
export function ambiguousSecretNameSuffix(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `${SECRET_NAME_ALLOWED}, not ending in a hyphen followed by six characters (Secrets Manager appends "-" and six random characters to every ARN, so such a name is mistaken for an ARN suffix)`,
    fix: 'change the end of the name, for example replace the last hyphen with "_" or "/"',
  });
}

/** A recovery window Secrets Manager rejects. */
export function recoveryWindowOutOfRange(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '0 (delete without recovery) or a whole number of days from 7 to 30',
    fix: 'pass Duration.days(n) with n = 0 or 7 <= n <= 30',
  });
}

/** A KMS key deletion window KMS rejects. */
export function deletionWindowOutOfRange(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of days from 7 to 30',
    fix: 'pass Duration.days(n) with 7 <= n <= 30',
  });
}

/** A KMS automatic rotation period KMS rejects. */
export function rotationPeriodOutOfRange(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of days from 90 to 2560',
    fix: 'pass Duration.days(n) with 90 <= n <= 2560 (365 is the AWS default)',
  });
}

/** A secret rotation schedule Secrets Manager rejects. */
export function secretRotationOutOfRange(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of days from 1 to 1000',
    fix: 'pass RotationSchedule.everyDays(n) with 1 <= n <= 1000, or RotationSchedule.expression("rate(...)"/"cron(...)")',
  });
}

/** A rotation schedule expression that is neither `rate(...)` nor `cron(...)`. */
export function invalidRotationExpression(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a schedule expression "rate(<n> days|hours)" or "cron(<6 fields>)"',
    fix: 'for example RotationSchedule.expression("rate(30 days)")',
  });
}

/** A TerraformVariable used as a secret value without `sensitive: true`. */
export function nonSensitiveVariable(path: string, prop: string, variableName: string): ConfigurationError {
  return configurationError({
    path, prop, value: false,
    allowed: `true: a variable holding a secret value must be declared sensitive (variable ${JSON.stringify(variableName)} is not)`,
    fix: 'declare the variable with new TerraformVariable(scope, id, { type: "string", sensitive: true })',
  });
}

/** Something else than a TerraformVariable passed where a sensitive variable is expected. The value is never echoed. */
export function notAVariable(path: string, prop: string, receivedType: string): ConfigurationError {
  return configurationError({
    path, prop, value: `<${receivedType}, value not shown>`,
    allowed: 'a TerraformVariable declared with sensitive: true',
    fix: 'never put a secret value in code: declare new TerraformVariable(scope, id, { type: "string", sensitive: true }) and pass the variable',
  });
}

/** A plain string (or any non-SecretValueSource) passed where a secret value source is expected. The value itself is never echoed. */
export function plaintextSecretValue(path: string, prop: string, receivedType: string): ConfigurationError {
  return configurationError({
    path, prop, value: `<${receivedType}, value not shown>`,
    allowed: 'a SecretValueSource: SecretValueSource.fromSensitiveVariable(variable) or SecretValueSource.generatedPassword(options)',
    fix: 'never put a secret value in code: declare a sensitive TerraformVariable and pass SecretValueSource.fromSensitiveVariable(variable)',
  });
}

/** A write-only version counter that is not a positive integer. */
export function invalidWriteOnlyVersion(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of 1 or more',
    fix: 'start at 1 and increase it each time the value must be written again',
  });
}

/** A generated password length Secrets Manager rejects. */
export function invalidPasswordLength(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number from 1 to 4096',
    fix: 'pass a length such as 32',
  });
}

/** A KMS alias name KMS rejects. */
export function invalidKmsAlias(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '"alias/" followed by 1 to 250 characters among letters, digits and /_-, not starting with "alias/aws/"',
    fix: 'for example "alias/eso/secrets"',
  });
}

/** An IAM role name IAM rejects. */
export function invalidIamRoleName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '1 to 64 characters among letters, digits and +=,.@_-',
    fix: 'shorten or rename the role, for example "eso-team-a"',
  });
}

/** An IAM path IAM rejects. */
export function invalidIamPath(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '"/" or a path of at most 512 characters that starts and ends with "/" (printable ASCII without spaces)',
    fix: 'for example "/eso/"',
  });
}

/** A role max session duration IAM rejects. */
export function maxSessionDurationOutOfRange(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of seconds from 3600 (1 hour) to 43200 (12 hours)',
    fix: 'pass Duration.hours(n) with 1 <= n <= 12',
  });
}

/** An OIDC issuer that is not an https URL. */
export function invalidOidcIssuer(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'the cluster OIDC issuer as an https URL, e.g. "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123"',
    fix: 'pass the cluster\'s identity[0].oidc[0].issuer (it starts with "https://")',
  });
}

/** An IAM OIDC provider ARN that does not have the `:oidc-provider/` form. */
export function invalidOidcProviderArn(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an IAM OIDC provider ARN "arn:<partition>:iam::<account>:oidc-provider/<issuer host and path>"',
    fix: 'pass the arn of the aws_iam_openid_connect_provider created for the cluster',
  });
}

/** A workload role whose trust was never given any service account or association. */
export function noTrustedServiceAccount(path: string, prop: string, fix: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: 'at least one trusted service account',
    fix,
  });
}

/** A store that asks the pod's own role to assume itself. */
export function selfAssumeRole(path: string, prop: string, value: string,
  fix = 'drop the store "role" (the pod already holds that role), or point it at the separate target role to chain to'): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an ARN of a different role (a role cannot assume itself; ESO fails with AccessDenied)',
    fix,
  });
}

/** An identity-policy statement that allows a data-plane action on every resource. */
export function wildcardDataPlaneStatement(path: string, prop: string, action: string, resource: string): ConfigurationError {
  return configurationError({
    path, prop, value: { action, resource },
    allowed: 'data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on "*", ":secret:*", "parameter/*" or "key/*"',
    fix: 'grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as "arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*"',
  });
}

/** A policy statement the compiler cannot accept (empty actions or resources, bad Sid). */
export function invalidPolicyStatement(path: string, prop: string, value: unknown, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}

/** A compiled policy with nothing in it (IAM rejects an empty Statement list). */
export function emptyAccessPolicy(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: 'at least one statement',
    fix: 'grant something first (secret.grantRead(role), compiler.readSecret(...)), or do not create the policy',
  });
}

/** An SSM parameter name Parameter Store rejects. */
export function invalidSsmParameterName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '1 to 1011 characters among letters, digits and _.-/; a name with "/" must start with "/" and have at most 15 levels; no "aws" or "ssm" prefix',
    fix: 'use a path such as "/team-a/app/db-password"',
  });
}

/** An AWS region that does not look like one. */
export function invalidAwsRegion(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an AWS region code such as "eu-west-1" or "us-gov-west-1"',
    fix: 'pass the region code, not its display name',
  });
}

/** An AWS account ID that is not 12 digits. */
export function invalidAwsAccount(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a 12-digit AWS account ID',
    fix: 'pass the account ID as a string, keeping leading zeros, e.g. "012345678901"',
  });
}

/** A rendered identity policy bigger than IAM accepts. */
export function policyTooLarge(path: string, prop: string, length: number, limit: number): ConfigurationError {
  return configurationError({
    path, prop, value: length,
    allowed: `at most ${limit} characters (IAM limit, whitespace excluded)`,
    fix: 'grant on name prefixes instead of many single secrets, split consumers over several identities, or use PolicyAttachmentKind.INLINE (10240) instead of MANAGED (6144)',
  });
}

/** An ARN that is malformed or of the wrong resource type. */
export function invalidArn(path: string, prop: string, value: string, kind: string, example: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `${kind} ARN such as ${JSON.stringify(example)}`,
    fix: 'pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern',
  });
}

/** A principal or resource wide enough to mean "anyone" or "everything". */
export function wildcardPrincipal(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an exact principal (an account root, role or user ARN, or a service principal); "*" and wildcard ARNs make the key usable by anyone the rest of the policy lets through',
    fix: 'name the role or account that needs the key, for example "arn:aws:iam::123456789012:role/eks-cluster"',
  });
}

/** `sts:AssumeRole` (or another STS action) allowed on every role. */
export function wildcardAssumeRole(path: string, prop: string, action: string, resource: string): ConfigurationError {
  return configurationError({
    path, prop, value: `${action} on ${resource}`,
    allowed: 'role assumption only on exact role ARNs',
    fix: 'list the ARNs of the roles that may be assumed',
  });
}

/** An STS external ID AWS rejects. */
export function invalidExternalId(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '2 to 1224 characters among letters, digits and +=,.@:/-',
    fix: 'use the external ID agreed with the role owner',
  });
}

/** Session tags AWS rejects. */
export function invalidSessionTag(path: string, prop: string, value: string, allowed: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix: 'shorten the tag or remove the other characters' });
}

/** Options that AWS refuses together. */
export function conflictingAwsOptions(path: string, prop: string, value: unknown, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}

/** A KMS key in another region than the secret it encrypts (Secrets Manager needs a key of its own region). */
export function kmsKeyRegionMismatch(path: string, prop: string, keyRegion: string, secretRegion: string): ConfigurationError {
  return configurationError({
    path, prop, value: keyRegion,
    allowed: `a KMS key in the secret's region ${JSON.stringify(secretRegion)} (Secrets Manager only uses keys of its own region)`,
    fix: 'create the key in the same region as the secret, or use a multi-Region replica key of that region',
  });
}

/** EKS Pod Identity session tags disabled although the role trust relies on them. */
export function podIdentitySessionTagsDisabled(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: true,
    allowed: 'session tags on (the role trust is pinned to the namespace, service account and cluster through the tags EKS sets)',
    fix: 'remove disableSessionTags',
  });
}

/** An AWS partition that does not exist or does not hold the region. */
export function invalidAwsPartition(path: string, prop: string, value: string, expected: string | undefined): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: expected !== undefined ? `the partition of the region: ${JSON.stringify(expected)}` : 'an AWS partition: "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f" or "aws-eusc"',
    fix: 'leave partition out: it is derived from the region',
  });
}

/** An IAM OIDC provider ARN that is not the one registered for the issuer URL. */
export function oidcProviderIssuerMismatch(path: string, prop: string, value: string, expectedSuffix: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `the provider registered for the issuer: an ARN ending in "oidc-provider/${expectedSuffix}" (IAM names the provider, and its <provider>:sub and <provider>:aud condition keys, after the issuer URL without "https://", trailing slash included)`,
    fix: 'pass the arn of the aws_iam_openid_connect_provider whose url is exactly the token\'s iss claim',
  });
}

/** An owned Secrets Manager name prefix that would not bound grants to the declaration's own secrets. */
export function invalidOwnedSecretNamePrefix(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Secrets Manager name prefix of 2 to 256 characters among letters, digits and /_+=.@-, ending in "/" and not made of "/" only (without the final "/", a prefix "app" would also cover look-alike names such as "app2/db")',
    fix: 'pass the folder your declaration owns, for example "shop/"',
  });
}

/** A count of managed policies attached elsewhere outside what IAM allows per role. */
export function invalidManagedPoliciesAttachedElsewhere(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number from 0 to 9 (IAM attaches at most 10 managed policies to a role by default)',
    fix: 'count the managed policies your organization attaches to every ESO role, or leave it out for 0',
  });
}

/** An identity whose exact grant fits no policy form within the IAM quotas. */
export function grantTooLarge(path: string, prop: string, identity: string, reads: number, detail: string, fix: string): ConfigurationError {
  return configurationError({
    path, prop, value: `identity ${identity} reading ${reads} secrets`,
    allowed: `an exact grant within IAM's default quotas (inline policy 10,240 characters per role; managed policies 6,144 characters each, at most 10 per role): ${detail}`,
    fix,
  });
}

/** A declared tag using the key of the library's grant tag (it would grant the secret to other identities). */
export function reservedGrantTagKey(path: string, prop: string, key: string): ConfigurationError {
  return configurationError({
    path, prop, value: key,
    allowed: 'a tag key other than the library\'s grant tag (its value decides which identities read a secret; the plan alone sets it)',
    fix: 'rename the tag key; to let an identity read the secret, declare an ExternalSecret that reads it',
  });
}

/** A guardrail policy asked for a declaration that owns no name prefix. */
export function guardrailWithoutOwnedPrefix(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: 'a declaration with aws.ownedSecretNamePrefix or aws.ownedParameterPath (the guardrail protects them and the grant tag)',
    fix: 'set aws.ownedSecretNamePrefix (for example "shop/") or aws.ownedParameterPath (for example "/shop/") on the SecretsDeclaration',
  });
}

/** The principals allowed to create and tag under the owned prefix, missing or not IAM role ARNs. */
export function invalidGuardrailDeployers(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a non-empty list of IAM role ARNs without wildcards (the roles that run `cdktf deploy`: aws:PrincipalArn of an assumed-role session is its role ARN)',
    fix: 'list the deployer roles, for example ["arn:aws:iam::111122223333:role/terraform-deployer"]',
  });
}

/** An owned Parameter Store path that is not a hierarchy the declaration can own. */
export function invalidOwnedParameterPath(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Parameter Store path of at most 1,011 letters, digits and _.-/, starting and ending in "/", with no empty level and not under "/aws" or "/ssm" (without the final "/", "/app" would also cover "/app2/…")',
    fix: 'pass the hierarchy your declaration owns, for example "/shop/"',
  });
}
