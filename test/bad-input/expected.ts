// Expected messages of the bad-input corpus (cases.ts): the exact message, or for synth-time validations
// the exact line the validator reports. Reviewed one by one: each names the construct or declaration
// path and the prop the user typed, and never echoes a secret.
import { DECLARATION_EXPECTED } from './expected-declaration';
import { GCP_VAULT_EXPECTED } from './expected-gcp-vault';
import { TOOLS_EXPECTED } from './expected-tools';
import { HELM_EXPECTED } from './expected-helm';
import { NAMES_EXPECTED } from './expected-names';
import { GENERATORS_EXPECTED } from './expected-generators';
import { ACCESS_EXPECTED } from './expected-access';
import { SHARDING_EXPECTED } from './expected-sharding';
import { SOURCES_EXPECTED } from './expected-sources';
import { MIGRATE_EXPECTED } from './expected-migrate';
import { VALIDATOR_EXPECTED } from './expected-validator';
import { PRIVILEGE_EXPECTED } from './expected-privilege';
import { TENANCY_EXPECTED } from './expected-tenancy';
import { HARDENING_EXPECTED } from './expected-hardening';
import { PROPS_EXPECTED } from './expected-props';
import { ONPREM_EXPECTED } from './expected-onprem';
import { HOLES_EXPECTED } from './expected-holes';
import { GITOPS_EXPECTED } from './expected-gitops';
import { GRANTS_EXPECTED } from './expected-grants';
import { REPORT_EXPECTED } from './expected-report';

export const EXPECTED: Readonly<Record<string, string>> = {
  "es: refreshInterval Duration.seconds(-5)":
    "[c/es] spec.refreshInterval: received Duration.seconds(-5). Allowed: a Go duration: zero or more (a negative duration is never valid here). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "es: refreshInterval Duration.minutes(NaN)":
    "[c/es] spec.refreshInterval: received Duration.minutes(NaN). Allowed: a Go duration: the amount is NaN. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "es: refreshInterval Duration.hours(Infinity)":
    "[c/es] spec.refreshInterval: received Duration.hours(Infinity). Allowed: a Go duration: the amount is infinite; Go durations hold at most about 2562047 hours. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "es: refreshInterval Duration.hours(-Infinity)":
    "[c/es] spec.refreshInterval: received Duration.hours(-Infinity). Allowed: a Go duration: the amount is infinite; Go durations hold at most about 2562047 hours. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "es: refreshInterval sub-second":
    "[c/es] spec.refreshInterval: received Duration.millis(500) (500ms). Allowed: zero or a duration of at least 1s. Fix: pass at least Duration.seconds(1), or Duration.ZERO.",
  "es: refreshInterval past Go's int64":
    "[c/es] spec.refreshInterval: received Duration.days(200000). Allowed: a Go duration: at most 2562047h47m16.854775807s (Go's int64 nanoseconds). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "es: refreshInterval unparsable string":
    "[c/es] spec.refreshInterval: received Duration.parse(\"1 day\"). Allowed: a Go duration: a string such as \"30s\", \"15m\", \"1h\" or \"1h30m\" (units ns, us, ms, s, m, h), or \"0\"; no sign, no spaces, no day unit. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "es: refreshInterval parse past Go range":
    "[c/es] spec.refreshInterval: received Duration.parse(\"9999999h\"). Allowed: a Go duration: at most 2562047h47m16.854775807s (Go's int64 nanoseconds). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "es: refreshInterval a string":
    "[c/es] refreshInterval: received a string. Allowed: a Duration (Duration.seconds(), minutes(), hours(), days() or parse()). Fix: pass a Duration (Duration.seconds(), minutes(), hours(), days() or parse()).",
  "es: refreshInterval a number":
    "[c/es] refreshInterval: received a number (3600). Allowed: a Duration (Duration.seconds(), minutes(), hours(), days() or parse()). Fix: pass a Duration (Duration.seconds(), minutes(), hours(), days() or parse()).",
  "es: refreshInterval Duration.seconds(\"10\")":
    "[c/es] spec.refreshInterval: received Duration.seconds(\"10\"). Allowed: a Go duration: the amount is not a number. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "ces: refreshTime zero":
    "[c/ces] spec.refreshTime: received Duration.ZERO (0s). Allowed: a duration greater than zero. Fix: pass at least Duration.seconds(1).",
  "push: refreshInterval negative":
    "[c/push] spec.refreshInterval: received Duration.minutes(-1). Allowed: a Go duration: zero or more (a negative duration is never valid here). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "store: refreshInterval sub-second":
    "[c/s] spec.refreshInterval: received Duration.millis(10) (10ms). Allowed: a duration of at least 1s. Fix: pass at least Duration.seconds(1).",
  "store: retryInterval NaN":
    "[c/s] spec.retrySettings.retryInterval: received Duration.seconds(NaN). Allowed: a Go duration: the amount is NaN. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "kms: deletionWindow 3 days":
    "[s/Key] deletionWindow: received 3. Allowed: a whole number of days from 7 to 30. Fix: pass Duration.days(n) with 7 <= n <= 30.",
  "kms: deletionWindow 7.5 days":
    "[s/Key] deletionWindow: received Duration.hours(180) (180h). Allowed: a whole number of days (the consumer counts in days). Fix: pass Duration.days(8).",
  "kms: rotationPeriod negative":
    "[s/Key] rotationPeriod: received Duration.days(-1). Allowed: a Go duration: zero or more (a negative duration is never valid here). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "secret: recoveryWindow 3 days":
    "[s/Secret] recoveryWindow: received 3. Allowed: 0 (delete without recovery) or a whole number of days from 7 to 30. Fix: pass Duration.days(n) with n = 0 or 7 <= n <= 30.",
  "secret: recoveryWindow 45 days":
    "[s/Secret] recoveryWindow: received 45. Allowed: 0 (delete without recovery) or a whole number of days from 7 to 30. Fix: pass Duration.days(n) with n = 0 or 7 <= n <= 30.",
  "secret: recoveryWindow half a day":
    "[s/Secret] recoveryWindow: received Duration.hours(12) (12h). Allowed: a whole number of days (the consumer counts in days). Fix: pass Duration.days(1).",
  "irsa: maxSessionDuration 13h":
    "[s/Role] maxSessionDuration: received 46800. Allowed: a whole number of seconds from 3600 (1 hour) to 43200 (12 hours). Fix: pass Duration.hours(n) with 1 <= n <= 12.",
  "irsa: maxSessionDuration NaN":
    "[s/Role] maxSessionDuration: received Duration.hours(NaN). Allowed: a Go duration: the amount is NaN. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "eso release: timeout sub-second":
    "[s/Eso] timeout: received Duration.millis(100) (100ms). Allowed: a duration of at least 1s. Fix: pass at least Duration.seconds(1).",
  "eso release: timeout negative":
    "[s/Eso] timeout: received Duration.minutes(-10). Allowed: a Go duration: zero or more (a negative duration is never valid here). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "kms: environment account 12345":
    "[s/Key] environment.account: received \"12345\". Allowed: a 12-digit AWS account ID. Fix: pass the account ID as a string, keeping leading zeros, e.g. \"012345678901\".",
  "kms: environment region EU-WEST-1":
    "[s/Key] environment.region: received \"EU-WEST-1\". Allowed: an AWS region code such as \"eu-west-1\" or \"us-gov-west-1\". Fix: pass the region code, not its display name.",
  "secret: environment partition mismatch":
    "[s/Secret] environment.partition: received \"aws-cn\". Allowed: the partition of the region: \"aws\". Fix: leave partition out: it is derived from the region.",
  "secret: environment a plain object":
    "[s/Secret] environment: received an object. Allowed: an AwsEnvironment (AwsEnvironment.of({ account, region }) or fromProvider()). Fix: pass an AwsEnvironment (AwsEnvironment.of({ account, region }) or fromProvider()).",
  "secret: rotation every 0 days":
    "[s/Secret] rotation.schedule.days: received 0. Allowed: a whole number of days from 1 to 1000. Fix: pass RotationSchedule.everyDays(n) with 1 <= n <= 1000, or RotationSchedule.expression(\"rate(...)\"/\"cron(...)\").",
  "secret: rotation every NaN days":
    "[s/Secret] rotation.schedule.days: received NaN. Allowed: a whole number of days from 1 to 1000. Fix: pass RotationSchedule.everyDays(n) with 1 <= n <= 1000, or RotationSchedule.expression(\"rate(...)\"/\"cron(...)\").",
  "secret: rotation expression":
    "[s/Secret] rotation.schedule.expression: received \"daily\". Allowed: a schedule expression \"rate(<n> days|hours)\" or \"cron(<6 fields>)\". Fix: for example RotationSchedule.expression(\"rate(30 days)\").",
  "secret: rotation lambda ARN":
    "[s/Secret] rotation.rotationLambdaArn: received \"rotate-db\". Allowed: a Lambda function ARN such as \"arn:aws:lambda:eu-west-1:111122223333:function:rotate-db\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "secret: value a plain string":
    "[s/Secret] value: received \"<a plain string, value not shown>\". Allowed: a SecretValueSource: SecretValueSource.fromSensitiveVariable(variable) or SecretValueSource.generatedPassword(options). Fix: never put a secret value in code: declare a sensitive TerraformVariable and pass SecretValueSource.fromSensitiveVariable(variable).",
  "secret: value from a non-sensitive variable":
    "[s/Secret] value (variable s/pw).sensitive: received false. Allowed: true: a variable holding a secret value must be declared sensitive (variable \"pw\" is not). Fix: declare the variable with new TerraformVariable(scope, id, { type: \"string\", sensitive: true }).",
  "secret: generated password length 5000":
    "[s/Secret] value.length: received 5000. Allowed: a whole number from 1 to 4096. Fix: pass a length such as 32.",
  "secret: generated password version 0":
    "[s/Secret] value.version: received 0. Allowed: a whole number of 1 or more. Fix: start at 1 and increase it each time the value must be written again.",
  "ssm: value undefined":
    "[s/Param] value: received \"<undefined, value not shown>\". Allowed: a SecretValueSource: SecretValueSource.fromSensitiveVariable(variable) or SecretValueSource.generatedPassword(options). Fix: never put a secret value in code: declare a sensitive TerraformVariable and pass SecretValueSource.fromSensitiveVariable(variable).",
  "ssm: value a number":
    "[s/Param] value: received \"<number, value not shown>\". Allowed: a SecretValueSource: SecretValueSource.fromSensitiveVariable(variable) or SecretValueSource.generatedPassword(options). Fix: never put a secret value in code: declare a sensitive TerraformVariable and pass SecretValueSource.fromSensitiveVariable(variable).",
  "es: props undefined":
    "[c/es] props: received undefined. Allowed: an object of type ExternalSecretProps. Fix: pass the ExternalSecretProps object as the third argument.",
  "es: props null":
    "[c/es] props: received null. Allowed: an object of type ExternalSecretProps. Fix: pass the ExternalSecretProps object as the third argument.",
  "es: store missing":
    "[c/es] spec.data[0].remoteRef.key: received \"r\". Allowed: an entry that reads from a store only when the ExternalSecret has a store or the entry names one; without a store, only generator entries (dataFrom[].generator). Fix: set store on the ExternalSecret (or on this entry), or produce this value with a generator.",
  "es: store a string":
    "[c/es] store: received a string. Allowed: a store (SecretStore, ClusterSecretStore, or one imported with fromSecretStoreName()). Fix: pass a store (SecretStore, ClusterSecretStore, or one imported with fromSecretStoreName()).",
  "es: data not an array":
    "[c/es] data: received an object. Allowed: an array of objects. Fix: pass an array of objects.",
  "es: data entry null":
    "[c/es] data[0]: received null. Allowed: an object. Fix: set data[0] to an object.",
  "es: data remoteRef missing":
    "[c/es] data[0].remoteRef: received undefined. Allowed: a remote reference ({ key, property?, version? }). Fix: set data[0].remoteRef to a remote reference ({ key, property?, version? }).",
  "es: remoteRef key a number":
    "[c/es] data[0].remoteRef.key: received a number (5). Allowed: a non-empty string. Fix: pass a non-empty string.",
  "es: decodingStrategy unknown":
    "[c/es] data[0].remoteRef.decodingStrategy: received \"base64\". Allowed: one of \"Auto\", \"Base64\", \"Base64URL\", \"None\" (DecodingStrategy). Fix: pass one of \"Auto\", \"Base64\", \"Base64URL\", \"None\" (DecodingStrategy).",
  "es: refreshPolicy unknown":
    "[c/es] refreshPolicy: received \"Always\". Allowed: one of \"CreatedOnce\", \"Periodic\", \"OnChange\" (RefreshPolicy). Fix: pass one of \"CreatedOnce\", \"Periodic\", \"OnChange\" (RefreshPolicy).",
  "es: creationPolicy unknown":
    "[c/es] target.creationPolicy: received \"owner\". Allowed: one of \"Owner\", \"Orphan\", \"Merge\", \"None\", \"CreateOrMerge\" (CreationPolicy). Fix: pass one of \"Owner\", \"Orphan\", \"Merge\", \"None\", \"CreateOrMerge\" (CreationPolicy).",
  "es: labels not strings":
    "[c/es] labels.team: received a number (1). Allowed: a string. Fix: pass a string.",
  "es: name a number":
    "[c/es] name: received a number (42). Allowed: a string. Fix: pass a string.",
  "es: template data not strings":
    "[c/es] target.template.data.k: received a number (1). Allowed: a string. Fix: pass a string.",
  "ces: namespaceSelectors missing":
    "[c/ces] namespaceSelectors: received undefined. Allowed: an array of label selector ({ matchLabels, matchExpressions })s. Fix: set namespaceSelectors to an array of label selector ({ matchLabels, matchExpressions })s.",
  "ces: namespaceSelectors a selector":
    "[c/ces] namespaceSelectors: received an object. Allowed: an array of label selector ({ matchLabels, matchExpressions })s. Fix: pass an array of label selector ({ matchLabels, matchExpressions })s.",
  "store: provider missing":
    "[c/s] provider: received undefined. Allowed: a SecretStoreProvider (SecretStoreProvider.awsSecretsManager(), azureKeyVault(), vault()...). Fix: set provider to a SecretStoreProvider (SecretStoreProvider.awsSecretsManager(), azureKeyVault(), vault()...).",
  "store: provider a plain object":
    "[c/s] provider: received an object. Allowed: a SecretStoreProvider (SecretStoreProvider.awsSecretsManager(), azureKeyVault(), vault()...). Fix: pass a SecretStoreProvider (SecretStoreProvider.awsSecretsManager(), azureKeyVault(), vault()...).",
  "css: props undefined":
    "[c/css] props: received undefined. Allowed: an object of type ClusterSecretStoreProps. Fix: pass the ClusterSecretStoreProps object as the third argument.",
  "aws provider: props undefined":
    "[c/ps] spec.provider.aws: received undefined. Allowed: an object. Fix: set spec.provider.aws to an object.",
  "aws provider: region missing":
    "[c/ps] spec.provider.aws.region: received undefined. Allowed: a non-empty string. Fix: set spec.provider.aws.region to a non-empty string.",
  "aws provider: auth a string":
    "[c/ps] spec.provider.aws.auth: received a string. Allowed: an AwsAuth (AwsAuth.serviceAccount(), podIdentity(), controllerIdentity()...). Fix: pass an AwsAuth (AwsAuth.serviceAccount(), podIdentity(), controllerIdentity()...).",
  "aws auth: serviceAccount() without options":
    "[c/ps] spec.provider.aws.auth.jwt.serviceAccountRef: received undefined. Allowed: a service account reference ({ name, namespace? } or a WorkloadServiceAccount). Fix: set spec.provider.aws.auth.jwt.serviceAccountRef to a service account reference ({ name, namespace? } or a WorkloadServiceAccount).",
  "aws auth: serviceAccount name missing":
    "[c/ps] spec.provider.aws.auth.jwt.serviceAccountRef.name: received undefined. Allowed: a non-empty string. Fix: set spec.provider.aws.auth.jwt.serviceAccountRef.name to a non-empty string.",
  "aws auth: fromWorkloadIdentity(undefined)":
    "[c/ps] spec.provider.aws.auth (AwsAuth.fromWorkloadIdentity identity): received undefined. Allowed: an IWorkloadIdentity (an IrsaRole, a PodIdentityRole or WorkloadIdentity.awsIrsa()). Fix: set spec.provider.aws.auth (AwsAuth.fromWorkloadIdentity identity) to an IWorkloadIdentity (an IrsaRole, a PodIdentityRole or WorkloadIdentity.awsIrsa()).",
  "azure provider: props undefined":
    "[c/ps] spec.provider.azurekv: received undefined. Allowed: an object. Fix: set spec.provider.azurekv to an object.",
  "azure auth: workloadIdentity() without options":
    "[c/ps] spec.provider.azurekv.serviceAccountRef: received undefined. Allowed: a service account reference ({ name, namespace? } or a WorkloadServiceAccount). Fix: set spec.provider.azurekv.serviceAccountRef to a service account reference ({ name, namespace? } or a WorkloadServiceAccount).",
  "vault provider: auth missing":
    "[c/ps] spec.provider.vault.auth: received undefined. Allowed: a VaultAuth (VaultAuth.kubernetes(), jwt(), appRole() or token()). Fix: set spec.provider.vault.auth to a VaultAuth (VaultAuth.kubernetes(), jwt(), appRole() or token()).",
  "vault auth: kubernetes role missing":
    "[c/ps] spec.provider.vault.auth.kubernetes.role: received undefined. Allowed: a non-empty string. Fix: set spec.provider.vault.auth.kubernetes.role to a non-empty string.",
  "vault auth: appRole without role id":
    "[c/ps] spec.provider.vault.auth.appRole.roleId: received undefined. Allowed: a role ID (roleId, or roleRef to a Secret key). Fix: set spec.provider.vault.auth.appRole.roleId to a role ID (roleId, or roleRef to a Secret key).",
  "push: stores missing":
    "[c/push] stores: received undefined. Allowed: an array of store (SecretStore, ClusterSecretStore, or one imported with fromSecretStoreName())s. Fix: set stores to an array of store (SecretStore, ClusterSecretStore, or one imported with fromSecretStoreName())s.",
  "push: source a string":
    "[c/push] source: received a string. Allowed: a PushSecretSource (PushSecretSource.fromSecret(), fromSecretSelector() or fromGenerator()). Fix: pass a PushSecretSource (PushSecretSource.fromSecret(), fromSecretSelector() or fromGenerator()).",
  "push: data remoteKey missing":
    "[c/push] data[0].remoteKey: received undefined. Allowed: a non-empty string. Fix: set data[0].remoteKey to a non-empty string.",
  "kms: props null":
    "[s/Key] props: received null. Allowed: an object of type KmsKeyProps. Fix: pass the KmsKeyProps object as the third argument.",
  "kms: multiRegion \"yes\"":
    "[s/Key] multiRegion: received a string. Allowed: true or false. Fix: pass true or false.",
  "kms: tags not strings":
    "[s/Key] tags.team: received a number (5). Allowed: a string. Fix: pass a string.",
  "eks key: props undefined":
    "[s/K] props: received undefined. Allowed: an object of type EksSecretsEncryptionKeyProps. Fix: pass the EksSecretsEncryptionKeyProps object as the third argument.",
  "eks key: clusterName missing":
    "[s/EksKey] clusterName: received undefined. Allowed: a non-empty string. Fix: set clusterName to a non-empty string.",
  "secret: props undefined":
    "[s/Secret] props: received undefined. Allowed: an object of type SecretsManagerSecretProps. Fix: pass the SecretsManagerSecretProps object as the third argument.",
  "secret: secretName a number":
    "[s/Secret] secretName: received a number (5). Allowed: a non-empty string. Fix: pass a non-empty string.",
  "secret: encryptionKey a string":
    "[s/Secret] encryptionKey: received a string. Allowed: a KMS key (KmsKey or KmsKey.fromKeyArn()). Fix: pass a KMS key (KmsKey or KmsKey.fromKeyArn()).",
  "secret: replicaRegions a string":
    "[s/Secret] replicaRegions: received a string. Allowed: an array of objects. Fix: pass an array of objects.",
  "ssm: tier unknown":
    "[s/Param] tier: received \"Premium\". Allowed: one of \"Standard\", \"Advanced\", \"Intelligent-Tiering\" (SsmParameterTier). Fix: pass one of \"Standard\", \"Advanced\", \"Intelligent-Tiering\" (SsmParameterTier).",
  "irsa: trustedClusters an object":
    "[s/Role] trustedClusters: received an object. Allowed: an array of trusted clusters { oidcProviderArn, issuerUrl, serviceAccounts }. Fix: pass an array of trusted clusters { oidcProviderArn, issuerUrl, serviceAccounts }.",
  "pod identity: associations a string":
    "[s/Pod] associations: received a string. Allowed: an array of associations { clusterName, serviceAccount }. Fix: pass an array of associations { clusterName, serviceAccount }.",
  "irsa: trustedClusters entry null":
    "[s/Role] trustedClusters[0]: received null. Allowed: an object. Fix: set trustedClusters[0] to an object.",
  "irsa: serviceAccounts missing":
    "[s/Role] trustedClusters[0].serviceAccounts: received undefined. Allowed: an array of objects. Fix: set trustedClusters[0].serviceAccounts to an array of objects.",
  "irsa: policyAttachment unknown":
    "[s/Role] policyAttachment: received \"inline\". Allowed: one of \"Inline\", \"Managed\" (PolicyAttachmentKind). Fix: pass one of \"Inline\", \"Managed\" (PolicyAttachmentKind).",
  "pod identity: serviceAccount missing":
    "[s/Pod] associations[0].serviceAccount: received undefined. Allowed: an object. Fix: set associations[0].serviceAccount to an object.",
  "pod identity: clusterName a number":
    "[s/Pod] associations[0].clusterName: received a number (1). Allowed: a non-empty string. Fix: pass a non-empty string.",
  "policy: Action a string":
    "[s/Role] statements[0].Action: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "policy: Effect unknown":
    "[s/Role] statements[0].Effect: received \"allow\". Allowed: one of \"Allow\", \"Deny\" (PolicyEffect). Fix: pass one of \"Allow\", \"Deny\" (PolicyEffect).",
  "policy: NotResource":
    "[s/Role] statements[0].NotResource: received [\"arn:aws:s3:::b/*\"]. Allowed: Action, Resource and Principal only (NotAction, NotResource and NotPrincipal grant everything except what they list). Fix: list what is granted with Resource.",
  "vault: props undefined":
    "[s/V] props: received undefined. Allowed: an object of type AzureKeyVaultProps. Fix: pass the AzureKeyVaultProps object as the third argument.",
  "vault: sku unknown":
    "[s/Vault] sku: received \"gold\". Allowed: one of \"standard\", \"premium\" (KeyVaultSku). Fix: pass one of \"standard\", \"premium\" (KeyVaultSku).",
  "vault: networkAcls.allowedIpRules a string":
    "[s/Vault] networkAcls.allowedIpRules: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "eso release: replicaCount a string":
    "[s/Eso] values.replicaCount: received \"2\". Allowed: an integer of 0 or more. Fix: pass a whole number of at least 0.",
  "aws provider: region EU-WEST-1":
    "[c/ps] spec.provider.aws.region: received \"EU-WEST-1\". Allowed: an AWS region code such as \"eu-west-1\" or \"us-gov-west-1\". Fix: pass the region code, not its display name.",
  "aws provider: region a display name":
    "[c/ps] spec.provider.aws.region: received \"Ireland\". Allowed: an AWS region code such as \"eu-west-1\" or \"us-gov-west-1\". Fix: pass the region code, not its display name.",
  "aws provider: role not an ARN":
    "[c/ps] spec.provider.aws.role: received \"eso-reader\". Allowed: an IAM role ARN such as \"arn:aws:iam::123456789012:role/eso-reader\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "aws provider: role wildcard":
    "[c/ps] spec.provider.aws.role: received \"arn:aws:iam::111122223333:role/*\". Allowed: an IAM role ARN such as \"arn:aws:iam::123456789012:role/eso-reader\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "aws provider: additionalRoles account id short":
    "[c/ps] spec.provider.aws.additionalRoles[0]: received \"arn:aws:iam::1:role/b\". Allowed: an IAM role ARN such as \"arn:aws:iam::123456789012:role/eso-reader\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "aws provider: externalId with spaces":
    "[c/ps] spec.provider.aws.externalId: received \"my external id\". Allowed: 2 to 1224 characters among letters, digits and +=,.@:/-. Fix: use the external ID agreed with the role owner.",
  "aws provider: externalId without role":
    "[c/ps] spec.provider.aws.externalId: received \"shop\". Allowed: externalId, sessionTags and transitiveTagKeys only with role (they apply to the AssumeRole call). Fix: set role, or remove them.",
  "aws provider: recoveryWindowInDays 3":
    "[c/ps] spec.provider.aws.secretsManager.recoveryWindowInDays: received 3. Allowed: an integer from 7 to 30. Fix: pass an integer from 7 to 30.",
  "aws provider: recovery window and force delete":
    "[c/ps] spec.provider.aws.secretsManager.recoveryWindowInDays: received 7. Allowed: recoveryWindowInDays or forceDeleteWithoutRecovery, not both (Secrets Manager rejects the pair). Fix: remove one of them.",
  "aws provider: customSessionTags without CUSTOM":
    "[c/ps] spec.provider.aws.customSessionTags: received {\"team\":\"a\"}. Allowed: customSessionTags only with sessionTagsPolicy AwsSessionTagsPolicy.CUSTOM (ESO ignores them otherwise). Fix: set sessionTagsPolicy: AwsSessionTagsPolicy.CUSTOM, or remove customSessionTags.",
  "azure provider: vaultUrl http":
    "[c/ps] spec.provider.azurekv.vaultUrl: received \"http://kv.vault.azure.net\". Allowed: a Key Vault URL (https://<vault>.vault.azure.net): an absolute https:// URL with a host and no user or password. Fix: use https://.",
  "azure provider: vaultUrl with credentials":
    "[c/ps] spec.provider.azurekv.vaultUrl: received \"https://***@kv.vault.azure.net\". Allowed: a Key Vault URL (https://<vault>.vault.azure.net): an absolute https:// URL with a host and no user or password. Fix: remove the credentials from the URL and give them to the consumer through its auth settings (credentials in a URL end up in Git and logs).",
  "azure provider: vaultUrl not a URL":
    "[c/ps] spec.provider.azurekv.vaultUrl: received \"kv-team-a\". Allowed: a Key Vault URL (https://<vault>.vault.azure.net): an absolute https:// URL with a host and no user or password. Fix: pass a full URL such as \"https://host.example.com\".",
  "azure provider: tenantId not a GUID":
    "[c/ps] spec.provider.azurekv.tenantId: received \"contoso\". Allowed: a GUID such as \"00000000-0000-0000-0000-000000000000\". Fix: pass the Entra tenant ID (az account show --query tenantId), or the tenant_id attribute of a DataAzurermClientConfig.",
  "vault provider: http server":
    "[c/ps] spec.provider.vault.server: received \"http://vault.example.com:8200\". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: serve Vault over TLS (https://), or set allowInsecureHttp: true for a local development server.",
  "vault provider: server with token in userinfo":
    "[c/ps] spec.provider.vault.server: received \"https://***@vault.example.com\". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: remove the credentials from the URL and give them to the consumer through its auth settings (credentials in a URL end up in Git and logs).",
  "vault provider: server with a path":
    "[c/ps] spec.provider.vault.server: received \"https://vault.example.com/v1/secret\". Allowed: a Vault server URL: an absolute https:// URL with a host and no path, query or fragment and no user or password. Fix: keep only https://vault.example.com.",
  "vault provider: caProvider name invalid":
    "[c/ps] spec.provider.vault.caProvider.name: received \"Vault CA\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"vault-ca\".",
  "kubernetes provider: remoteNamespace uppercase":
    "[c/ps] spec.provider.kubernetes.remoteNamespace: received \"Team-A\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"team-a\".",
  "gcp provider: projectId uppercase":
    "[c/ps] spec.provider.gcpsm.projectID: received \"My-Project\". Allowed: a project ID: 6 to 30 lowercase letters, digits and \"-\", starting with a letter, not ending with \"-\". Fix: pass the project ID (gcloud projects describe <project> --format=\"value(projectId)\"), not its display name or number.",
  "gcp provider: location a zone":
    "[c/ps] spec.provider.gcpsm.location: received \"europe-west1-b\". Allowed: a Google Cloud region such as \"europe-west1\" (regional secrets). Fix: use a location code such as \"europe-west1\" (gcloud compute regions list), not a display name.",
  "store: secretRef name invalid":
    "[c/ps] spec.provider.vault.auth.tokenSecretRef.name: received \"Vault_Token\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"vault-token\".",
  "store: secretRef key invalid":
    "[c/ps] spec.provider.vault.auth.tokenSecretRef.key: received \"a key\". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as \"a_key\".",
  "store: serviceAccount namespace of another namespace":
    "[c/ps] spec.provider.aws.auth.jwt.serviceAccountRef.namespace: received \"team-b\". Allowed: no namespace, or the store's own namespace \"team-a\" (ESO rejects other namespaces for a namespaced SecretStore). Fix: move the referenced object into the store's namespace, or use a ClusterSecretStore.",
  "store: serviceAccount namespace uppercase":
    "[c/css] spec.provider.aws.auth.jwt.serviceAccountRef.namespace: received \"Team-B\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"team-b\".",
  "template: unterminated {{":
    "[c/es] spec.target.template.data.password: received a template. Allowed: a Go text/template ESO can parse: unclosed action at offset 0 (\"{{\" without \"}}\"). Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "template: unclosed {{ if }}":
    "[c/es] spec.target.template.data.config: received a template. Allowed: a Go text/template ESO can parse: unclosed {{if}} (missing {{end}}). Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "template: stray {{ end }}":
    "[c/es] spec.target.template.data.config: received a template. Allowed: a Go text/template ESO can parse: unexpected {{end}} at offset 1. Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "template: unterminated string":
    "[c/es] spec.target.template.data.config: received a template. Allowed: a Go text/template ESO can parse: unterminated quoted string in the action at offset 0. Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "template: unclosed comment":
    "[c/es] spec.target.template.data.config: received a template. Allowed: a Go text/template ESO can parse: unclosed comment at offset 0. Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "template: literal password":
    "[c/es] spec.target.template.data.password: received a literal value. Allowed: templates that reference fetched data ({{ .password }}); a literal secret in the template ends up in Git (the key \"password\" names a credential and its value is a literal, not a template). Fix: store the value in the provider and reference it with {{ .key }}, or, if it is not a secret, list the key in template.acknowledgeLiteralValues with a reason.",
  "template: literal AWS key":
    "[c/es] spec.target.template.data.config: received a literal value. Allowed: templates that reference fetched data ({{ .password }}); a literal secret in the template ends up in Git (it contains an AWS access key ID). Fix: store the value in the provider and reference it with {{ .key }}, or, if it is not a secret, list the key in template.acknowledgeLiteralValues with a reason.",
  "template: private key":
    "[c/es] spec.target.template.data.tls.key: received a literal value. Allowed: templates that reference fetched data ({{ .password }}); a literal secret in the template ends up in Git (it contains a PEM private key). Fix: store the value in the provider and reference it with {{ .key }}, or, if it is not a secret, list the key in template.acknowledgeLiteralValues with a reason.",
  "template: acknowledged without reason":
    "[c/es] spec.target.template.acknowledgeLiteralValues.reason: received an empty reason. Allowed: a non-empty reason explaining why the risk is accepted. Fix: pass a reason, for example \"break-glass credentials, rotated by the platform team\".",
  "template: metadata label key invalid":
    "[c/es] spec.target.template.metadata.labels.bad key: received \"bad key\". Allowed: a qualified name: an optional DNS-1123 subdomain prefix (at most 253 characters) and \"/\", then a name of 1-63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: rename the key, for example \"example.com/my-key\" or \"my-key\".",
  "template: templateFrom literal unterminated":
    "[c/es] spec.target.template.templateFrom[0].literal: received a template. Allowed: a Go text/template ESO can parse: unclosed action at offset 0 (\"{{\" without \"}}\"). Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "template: templateFrom with two sources":
    "[c/es] spec.target.template.templateFrom[0]: received \"2 or more sources\". Allowed: exactly one of configMap, secret or literal. Fix: set one source per templateFrom entry.",
  "template: secret key invalid":
    "[c/es] spec.target.template.data.a/b: received \"a/b\". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as \"a_b\".",
  "es: target name uppercase":
    "[c/es] spec.target.name: received \"My-Secret\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"my-secret\".",
  "es: namespace uppercase":
    "[c/es] metadata.namespace: received \"Team-A\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"team-a\".",
  "es: label key invalid":
    "[c/es] metadata.labels.example.com/bad/key: received \"example.com/bad/key\". Allowed: a qualified name: an optional DNS-1123 subdomain prefix (at most 253 characters) and \"/\", then a name of 1-63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: rename the key, for example \"example.com/my-key\" or \"my-key\".",
  "es: label value too long":
    "[c/es] metadata.labels.team: received \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\". Allowed: a label value: empty, or at most 63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: shorten the value or replace the other characters, or use an annotation for free text.",
  "es: label value with space":
    "[c/es] metadata.labels.team: received \"team a\". Allowed: a label value: empty, or at most 63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: shorten the value or replace the other characters, or use an annotation for free text.",
  "es: annotation key empty name":
    "[c/es] metadata.annotations.example.com/: received \"example.com/\". Allowed: a qualified name: an optional DNS-1123 subdomain prefix (at most 253 characters) and \"/\", then a name of 1-63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: rename the key, for example \"example.com/my-key\" or \"my-key\".",
  "es: addSecretLabel invalid value":
    "[c/es] spec.target.template.metadata.labels.team: received \"a/b\". Allowed: a label value: empty, or at most 63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: shorten the value or replace the other characters, or use an annotation for free text.",
  "es: find regexp with lookahead (not RE2)":
    "[c/es] spec.dataFrom[0].find.name.regexp: received \"^(?!prod).*\". Allowed: a regular expression in RE2 syntax (Go's regexp package, as ESO compiles it; no lookaround or backreferences): error parsing regexp: invalid or unsupported Perl syntax: `(?!`. Fix: rewrite the expression in RE2 syntax, for example \"^team-.*$\".",
  "es: find regexp unbalanced":
    "[c/es] spec.dataFrom[0].find.name.regexp: received \"team-(a\". Allowed: a regular expression in RE2 syntax (Go's regexp package, as ESO compiles it; no lookaround or backreferences): error parsing regexp: missing closing ): `team-(a`. Fix: rewrite the expression in RE2 syntax, for example \"^team-.*$\".",
  "es: find with nothing":
    "[c/es] spec.dataFrom[0].find: received {}. Allowed: a search with nameRegexp, tags or path (an empty find fetches every secret the store can read). Fix: narrow the search; to fetch everything on purpose, say so with nameRegexp: \".*\".",
  "es: find with empty tags":
    "[c/es] spec.dataFrom[0].find.tags: received {}. Allowed: at least one tag (an empty tag filter matches every secret). Fix: add a tag or remove tags.",
  "es: rewrite regexp with backreference":
    "[c/es] spec.dataFrom[0].rewrite[0].regexp.source: received \"(a)\\\\1\". Allowed: a regular expression in RE2 syntax (Go's regexp package, as ESO compiles it; no lookaround or backreferences): error parsing regexp: invalid escape sequence: `\\1`. Fix: rewrite the expression in RE2 syntax, for example \"^team-.*$\".",
  "es: rewrite transform unterminated":
    "[c/es] spec.dataFrom[0].rewrite[0].transform.template: received a template. Allowed: a Go text/template ESO can parse: unclosed action at offset 0 (\"{{\" without \"}}\"). Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "es: rewrite a plain object":
    "[c/es] spec.dataFrom[0].rewrite[0]: received an object. Allowed: a value built with Rewrite.regexp(), Rewrite.transform() or Rewrite.merge(). Fix: build it with Rewrite.regexp(), Rewrite.transform() or Rewrite.merge().",
  "es: generator name uppercase":
    "[c/es] spec.dataFrom[0].sourceRef.generatorRef.name: received \"My-Password\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"my-password\".",
  "es: generator kind unknown":
    "[c/es] dataFrom[0].generator.kind: received \"Random\". Allowed: one of \"ACRAccessToken\", \"BeyondtrustWorkloadCredentialsDynamicSecret\", \"ClusterGenerator\", \"CloudsmithAccessToken\", \"ECRAuthorizationToken\", \"Fake\", \"GCRAccessToken\", \"GithubAccessToken\", \"GitlabDeployToken\", \"QuayAccessToken\", \"Password\", \"SSHKey\", \"STSSessionToken\", \"UUID\", \"VaultDynamicSecret\", \"Webhook\", \"Grafana\", \"MFA\" (GeneratorKind). Fix: pass one of \"ACRAccessToken\", \"BeyondtrustWorkloadCredentialsDynamicSecret\", \"ClusterGenerator\", \"CloudsmithAccessToken\", \"ECRAuthorizationToken\", \"Fake\", \"GCRAccessToken\", \"GithubAccessToken\", \"GitlabDeployToken\", \"QuayAccessToken\", \"Password\", \"SSHKey\", \"STSSessionToken\", \"UUID\", \"VaultDynamicSecret\", \"Webhook\", \"Grafana\", \"MFA\" (GeneratorKind).",
  "css: condition namespace uppercase":
    "[c/css] spec.conditions[0].namespaces[0]: received \"Team-A\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"team-a\".",
  "css: condition namespaceRegex not RE2":
    "[c/css] spec.conditions[0].namespaceRegexes[0]: received \"^(?=team).*$\". Allowed: a regular expression (RE2 syntax, as Go regexp.MatchString compiles it): error parsing regexp: invalid or unsupported Perl syntax: `(?=`. Fix: escape special characters, for example \"^team-a-.*$\".",
  "css: condition selector key invalid":
    "[c/css] spec.conditions[0].namespaceSelector.matchLabels.bad key: received \"bad key\". Allowed: a qualified name: an optional DNS-1123 subdomain prefix (at most 253 characters) and \"/\", then a name of 1-63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: rename the key, for example \"example.com/my-key\" or \"my-key\".",
  "css: namespace on a cluster-scoped store":
    "[c/css] metadata.namespace: received \"team-a\". Allowed: no namespace: the object is cluster-scoped. Fix: remove the namespace.",
  "ces: externalSecretLabels value invalid":
    "[c/ces] spec.externalSecretMetadata.labels.team: received \"a b\". Allowed: a label value: empty, or at most 63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: shorten the value or replace the other characters, or use an annotation for free text.",
  "ces: selector In without values":
    "[c/ces] spec.namespaceSelectors[0].matchExpressions[0].values: received []. Allowed: at least one value for operator \"In\". Fix: list the label values to match.",
  "ces: selector Exists with values":
    "[c/ces] spec.namespaceSelectors[0].matchExpressions[0].values: received [\"a\"]. Allowed: no values for operator \"Exists\". Fix: remove values.",
  "push: generator name invalid":
    "[c/push] spec.selector.generatorRef.name: received \"Pass Word\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"pass-word\".",
  "kms: alias alias/aws/...":
    "[s/Key] alias: received \"alias/aws/secretsmanager\". Allowed: \"alias/\" followed by 1 to 250 characters among letters, digits and /_-, not starting with \"alias/aws/\". Fix: for example \"alias/eso/secrets\".",
  "kms: alias without prefix":
    "[s/Key] alias: received \"eso\". Allowed: \"alias/\" followed by 1 to 250 characters among letters, digits and /_-, not starting with \"alias/aws/\". Fix: for example \"alias/eso/secrets\".",
  "kms: fromKeyArn not an ARN":
    "[s/K] keyArn: received \"alias/eso\". Allowed: a KMS key ARN such as \"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "kms: tag key aws:":
    "[s/Key] tags.aws:team: received \"aws:team\". Allowed: a tag key of 1 to 128 letters, digits, spaces and _.:/=+-@, not starting with \"aws:\". Fix: rename the tag key.",
  "eks key: clusterName with spaces":
    "[s/EksKey] clusterName: received \"prod cluster\". Allowed: an EKS cluster name: 1 to 100 letters, digits, \"-\" and \"_\", starting with a letter or digit. Fix: pass the name of the cluster (aws_eks_cluster.name).",
  "eks key: clusterRoleArn not a role":
    "[s/EksKey] clusterRoleArn: received \"arn:aws:iam::111122223333:user/bob\". Allowed: an IAM role ARN such as \"arn:aws:iam::111122223333:role/eks-cluster\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "secret: name with spaces":
    "[s/Secret] secretName: received \"team app\". Allowed: 1 to 512 characters among letters, digits and /_+=.@-. Fix: rename the secret, for example \"team/app/database\".",
  "secret: replica region uppercase":
    "[s/Secret] replicaRegions[0].region: received \"EU-CENTRAL-1\". Allowed: an AWS region code such as \"eu-west-1\" or \"us-gov-west-1\". Fix: pass the region code, not its display name.",
  "secret: replica region is the primary":
    "[s/Secret] replicaRegions[0].region: received \"eu-west-1\". Allowed: a value different from the one at the secret's own region (it must be unique). Fix: list each replica region once, and not the primary region.",
  "secret: replica region twice":
    "[s/Secret] replicaRegions[1].region: received \"eu-central-1\". Allowed: a value different from the one at replicaRegions[0].region (it must be unique). Fix: list each replica region once, and not the primary region.",
  "ssm: name starting with aws":
    "[s/Param] parameterName: received \"/aws/app\". Allowed: 1 to 1011 characters among letters, digits and _.-/; a name with \"/\" must start with \"/\" and have at most 15 levels; no \"aws\" or \"ssm\" prefix. Fix: use a path such as \"/team-a/app/db-password\".",
  "irsa: issuer http":
    "[s/Role] trustedClusters[0].issuerUrl: received \"http://oidc.eks.eu-west-1.amazonaws.com/id/AAAA\". Allowed: the cluster OIDC issuer as an https URL, e.g. \"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123\". Fix: pass the cluster's identity[0].oidc[0].issuer (it starts with \"https://\").",
  "irsa: issuer with credentials":
    "[s/Role] trustedClusters[0].issuerUrl: received \"https://***@oidc.example.com/id/1\". Allowed: the cluster OIDC issuer as an https URL, e.g. \"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123\". Fix: pass the cluster's identity[0].oidc[0].issuer (it starts with \"https://\").",
  "irsa: issuer with a query":
    "[s/Role] trustedClusters[0].issuerUrl: received \"https://oidc.example.com/id/1?x=1\". Allowed: the cluster OIDC issuer as an https URL, e.g. \"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123\". Fix: pass the cluster's identity[0].oidc[0].issuer (it starts with \"https://\").",
  "irsa: provider ARN of another issuer":
    "[s/Role] trustedClusters[0].oidcProviderArn: received \"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/BBBB\". Allowed: the provider registered for the issuer: an ARN ending in \"oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/AAAA\" (IAM names the provider, and its <provider>:sub and <provider>:aud condition keys, after the issuer URL without \"https://\", trailing slash included). Fix: pass the arn of the aws_iam_openid_connect_provider whose url is exactly the token's iss claim.",
  "irsa: AKS provider without the trailing slash":
    "[s/Role] trustedClusters[0].oidcProviderArn: received \"arn:aws:iam::111122223333:oidc-provider/westeurope.oic.prod-aks.azure.com/tenant/cluster\". Allowed: the provider registered for the issuer: an ARN ending in \"oidc-provider/westeurope.oic.prod-aks.azure.com/tenant/cluster/\" (IAM names the provider, and its <provider>:sub and <provider>:aud condition keys, after the issuer URL without \"https://\", trailing slash included). Fix: pass the arn of the aws_iam_openid_connect_provider whose url is exactly the token's iss claim.",
  "irsa: service account namespace uppercase":
    "[s/Role] trustedClusters[0].serviceAccounts[0].namespace: received \"External-Secrets\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"external-secrets\".",
  "irsa: empty serviceAccounts":
    "[s/Role] trustedClusters[0].serviceAccounts: received []. Allowed: at least one service account (the :sub condition pins the trust to them). Fix: list the service accounts that may assume the role.",
  "irsa: roleName with spaces":
    "[s/Role] roleName: received \"eso role\". Allowed: 1 to 64 characters among letters, digits and +=,.@_-. Fix: shorten or rename the role, for example \"eso-team-a\".",
  "irsa: permissionsBoundaryArn not a policy":
    "[s/Role] permissionsBoundaryArn: received \"arn:aws:iam::111122223333:role/boundary\". Allowed: an IAM managed policy ARN such as \"arn:aws:iam::111122223333:policy/eso-boundary\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "irsa: description with control characters":
    "[s/Role] description: received \"line\\u0007bell\". Allowed: at most 1000 printable Latin-1 characters (IAM role descriptions). Fix: shorten the description or remove the other characters.",
  "pod identity: clusterName with spaces":
    "[s/Pod] associations[0].clusterName: received \"prod cluster\". Allowed: an EKS cluster name: 1 to 100 letters, digits, \"-\" and \"_\", starting with a letter or digit. Fix: pass the name of the cluster (aws_eks_cluster.name).",
  "pod identity: targetRoleArn wildcard":
    "[s/Pod] associations[0].targetRoleArn: received \"arn:aws:iam::444455556666:role/*\". Allowed: an IAM role ARN such as \"arn:aws:iam::444455556666:role/eso-reader\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "vault: name too short":
    "[s/Vault] vaultName: received \"kv\". Allowed: 3 to 24 characters, letters, digits and \"-\", starting with a letter, ending with a letter or digit, no consecutive \"-\". Fix: rename the vault; the name is also the global DNS label <name>.vault.azure.net, so it must be unique across Azure.",
  "vault: resourceGroupName ending with a dot":
    "[s/Vault] resourceGroupName: received \"rg.\". Allowed: a resource group name: 1 to 90 letters, digits and -_.(), not ending with \".\". Fix: pass the name of the resource group (azurerm_resource_group.name).",
  "vault: tenantId not a GUID":
    "[s/Vault] tenantId: received \"contoso.onmicrosoft.com\". Allowed: a GUID such as \"00000000-0000-0000-0000-000000000000\". Fix: pass the Entra tenant ID (az account show --query tenantId), or the tenant_id attribute of a DataAzurermClientConfig.",
  "vault: subnet id not a resource id":
    "[s/Vault] networkAcls.allowedSubnetIds[0]: received \"subnet-1\". Allowed: a subnet resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>). Fix: pass azurerm_subnet.id.",
  "eso release: namespace uppercase":
    "[s/Eso] namespace: received \"External-Secrets\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"external-secrets\".",
  "eso release: quantity invalid":
    "[s/Eso] values.resources.requests.cpu: received \"lots\". Allowed: a Kubernetes quantity such as \"100m\", \"0.5\", \"128Mi\" or \"1Gi\". Fix: use millicores for CPU and binary suffixes (Ki, Mi, Gi) for memory.",
  "reloader release: namespace uppercase":
    "[s/Reloader] namespace: received \"Reloader\". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: rename it, for example \"reloader\".",
  "ces: namespaceSelectors [{}]":
    "[c/ces] spec.namespaceSelectors[0]: received {}. Allowed: a selector with at least one matchLabels entry or matchExpressions requirement (an empty selector matches every object). Fix: add matchLabels or matchExpressions; to select every namespace on purpose, use ClusterExternalSecret.ALL_NAMESPACES.",
  "ces: namespaceSelectors []":
    "[c/ces] spec.namespaceSelectors: received []. Allowed: at least one label selector (selectors are ORed). Fix: pass namespaceSelectors, for example [{ matchLabels: { \"team\": \"a\" } }].",
  "ces: selector with empty matchLabels":
    "[c/ces] spec.namespaceSelectors[0]: received {}. Allowed: a selector with at least one matchLabels entry or matchExpressions requirement (an empty selector matches every object). Fix: add matchLabels or matchExpressions; to select every namespace on purpose, use ClusterExternalSecret.ALL_NAMESPACES.",
  "css: conditions []":
    "[c/css] spec.conditions: received []. Allowed: at least one condition; leave conditions out (undefined) to admit every namespace explicitly. Fix: add a condition such as { namespaces: [\"team-a\"] }, or remove the conditions prop.",
  "css: conditions [{}]":
    "[c/css] spec.conditions[0]: received {}. Allowed: a condition with namespaces, namespaceRegexes or namespaceSelector. Fix: set at least one of them, or drop the condition.",
  "css: condition with empty selector":
    "[c/css] spec.conditions[0].namespaceSelector: received {}. Allowed: a selector with at least one matchLabels entry or matchExpressions requirement (an empty selector matches every object). Fix: add matchLabels or matchExpressions; to select every namespace on purpose, use ClusterExternalSecret.ALL_NAMESPACES.",
  "push: fromSecretSelector({})":
    "[c/push] spec.selector.secret.selector: received {}. Allowed: a label selector with at least one matchLabels entry or matchExpressions requirement (an empty one pushes every Secret of the namespace). Fix: select the Secrets with labels, or push one Secret with PushSecretSource.fromSecret().",
  "push: stores []":
    "[c/push] spec.secretStoreRefs: received []. Allowed: at least one SecretStore or ClusterSecretStore. Fix: pass stores: [store].",
  "es: dataFrom entry {}":
    "[c/es] spec.dataFrom[0]: received {}. Allowed: an entry with extract, find or generator. Fix: set extract (one remote secret), find (a search) or generator.",
  "irsa: no trusted cluster (synth)":
    "[s/Role] trustedClusters: received []. Allowed: at least one trusted service account. Fix: pass trustedClusters or call addTrustedCluster({ oidcProviderArn, issuerUrl, serviceAccounts }).",
  "es: no data (synth)":
    "[c/es] spec.data: received []. Allowed: at least one entry in data or dataFrom. Fix: pass data or dataFrom in the props, or call addData() or addDataFrom().",
  "kms: statement Principal \"*\"":
    "[s/Key] policyStatements[0].Principal: received \"*\". Allowed: an exact principal (an account root, role or user ARN, or a service principal); \"*\" and wildcard ARNs make the key usable by anyone the rest of the policy lets through. Fix: name the role or account that needs the key, for example \"arn:aws:iam::123456789012:role/eks-cluster\".",
  "kms: statement Principal AWS \"*\"":
    "[s/Key] policyStatements[0].Principal.AWS: received \"*\". Allowed: an exact principal (an account root, role or user ARN, or a service principal); \"*\" and wildcard ARNs make the key usable by anyone the rest of the policy lets through. Fix: name the role or account that needs the key, for example \"arn:aws:iam::123456789012:role/eks-cluster\".",
  "kms: statement Principal AWS wildcard ARN":
    "[s/Key] policyStatements[0].Principal.AWS: received \"arn:aws:iam::111122223333:role/*\". Allowed: an exact principal (an account root, role or user ARN, or a service principal); \"*\" and wildcard ARNs make the key usable by anyone the rest of the policy lets through. Fix: name the role or account that needs the key, for example \"arn:aws:iam::123456789012:role/eks-cluster\".",
  "kms: statement without Principal":
    "[s/Key] policyStatements[0].Principal: received \"no Principal (a key policy statement applies to its principals)\". Allowed: an exact principal (an account root, role or user ARN, or a service principal); \"*\" and wildcard ARNs make the key usable by anyone the rest of the policy lets through. Fix: name the role or account that needs the key, for example \"arn:aws:iam::123456789012:role/eks-cluster\".",
  "kms: addToKeyPolicy AWS [\"*\"]":
    "[s/Key] policyStatements[0].Principal.AWS[0]: received \"*\". Allowed: an exact principal (an account root, role or user ARN, or a service principal); \"*\" and wildcard ARNs make the key usable by anyone the rest of the policy lets through. Fix: name the role or account that needs the key, for example \"arn:aws:iam::123456789012:role/eks-cluster\".",
  "eks key: clusterRoleArn \"*\"":
    "[s/EksKey] clusterRoleArn: received \"*\". Allowed: an exact principal (an account root, role or user ARN, or a service principal); \"*\" and wildcard ARNs make the key usable by anyone the rest of the policy lets through. Fix: name the role or account that needs the key, for example \"arn:aws:iam::123456789012:role/eks-cluster\".",
  "secret: resource policy Principal \"*\"":
    "[s/Secret] resourcePolicy.Statement[0].Principal.AWS: received \"*\". Allowed: an exact principal (an account root, role or user ARN, or a service principal); \"*\" and wildcard ARNs make the key usable by anyone the rest of the policy lets through. Fix: name the role or account that needs the key, for example \"arn:aws:iam::123456789012:role/eks-cluster\".",
  "policy: GetSecretValue on secret:**":
    "[s/Role] statements[0]: received {\"action\":\"secretsmanager:GetSecretValue\",\"resource\":\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:**\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: GetSecretValue on *":
    "[s/Role] statements[0]: received {\"action\":\"secretsmanager:GetSecretValue\",\"resource\":\"*\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: secretsmanager:Get* in any region":
    "[s/Role] statements[0]: received {\"action\":\"secretsmanager:Get*\",\"resource\":\"arn:aws:secretsmanager:*:111122223333:secret:team/app-??????\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: wildcard account":
    "[s/Role] statements[0]: received {\"action\":\"secretsmanager:GetSecretValue\",\"resource\":\"arn:aws:secretsmanager:eu-west-1:*:secret:team/app-??????\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: partial wildcard in service":
    "[s/Role] statements[0]: received {\"action\":\"secretsmanager:GetSecretValue\",\"resource\":\"arn:aws:secrets*:eu-west-1:111122223333:secret:team/app\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: partition wildcard":
    "[s/Role] statements[0]: received {\"action\":\"ssm:GetParameter\",\"resource\":\"arn:*:ssm:eu-west-1:111122223333:parameter/app\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: parameter/* ":
    "[s/Role] statements[0]: received {\"action\":\"ssm:GetParameters\",\"resource\":\"arn:aws:ssm:eu-west-1:111122223333:parameter/*\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: kms:Decrypt on key/*":
    "[s/Role] statements[0]: received {\"action\":\"kms:Decrypt\",\"resource\":\"arn:aws:kms:eu-west-1:111122223333:key/*\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: * action on *":
    "[s/Role] statements[0]: received {\"action\":\"*\",\"resource\":\"*\"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on \"*\", \":secret:*\", \"parameter/*\" or \"key/*\". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*\".",
  "policy: sts:AssumeRole on *":
    "[s/Role] statements[0]: received \"sts:AssumeRole on *\". Allowed: role assumption only on exact role ARNs. Fix: list the ARNs of the roles that may be assumed.",
  "policy: sts:AssumeRole on role/*":
    "[s/Role] statements[0]: received \"sts:AssumeRole on arn:aws:iam::111122223333:role/*\". Allowed: role assumption only on exact role ARNs. Fix: list the ARNs of the roles that may be assumed.",
  "policy: sts:* without Resource":
    "[s/Role] statements[0]: received \"sts:* on *\". Allowed: role assumption only on exact role ARNs. Fix: list the ARNs of the roles that may be assumed.",
  "vault: network rule 0.0.0.0/0":
    "[s/Vault] networkAcls.allowedIpRules[0]: received \"0.0.0.0/0\". Allowed: an IPv4 address or CIDR range with a prefix of /1 or longer (a /0 rule such as 0.0.0.0/0 admits the whole internet). Fix: list the egress addresses that need the vault, e.g. \"203.0.113.0/24\"; to open the vault on purpose, set defaultAction: KeyVaultNetworkAction.ALLOW.",
  "vault: network rule 10.0.0.0/0":
    "[s/Vault] networkAcls.allowedIpRules[0]: received \"10.0.0.0/0\". Allowed: an IPv4 address or CIDR range with a prefix of /1 or longer (a /0 rule such as 0.0.0.0/0 admits the whole internet). Fix: list the egress addresses that need the vault, e.g. \"203.0.113.0/24\"; to open the vault on purpose, set defaultAction: KeyVaultNetworkAction.ALLOW.",
  "vault: network rule 0.0.0.0/00":
    "[s/Vault] networkAcls.allowedIpRules[0]: received \"0.0.0.0/00\". Allowed: an IPv4 address or CIDR range with a prefix of /1 or longer (a /0 rule such as 0.0.0.0/0 admits the whole internet). Fix: list the egress addresses that need the vault, e.g. \"203.0.113.0/24\"; to open the vault on purpose, set defaultAction: KeyVaultNetworkAction.ALLOW.",
  "vault: network rule ::/0":
    "[s/Vault] networkAcls.allowedIpRules[0]: received \"::/0\". Allowed: an IPv4 address or CIDR range with a prefix of /1 or longer (a /0 rule such as 0.0.0.0/0 admits the whole internet). Fix: list the egress addresses that need the vault, e.g. \"203.0.113.0/24\"; to open the vault on purpose, set defaultAction: KeyVaultNetworkAction.ALLOW.",
  "vault: network rule *":
    "[s/Vault] networkAcls.allowedIpRules[0]: received \"*\". Allowed: an IPv4 address or CIDR range with a prefix of /1 or longer (a /0 rule such as 0.0.0.0/0 admits the whole internet). Fix: list the egress addresses that need the vault, e.g. \"203.0.113.0/24\"; to open the vault on purpose, set defaultAction: KeyVaultNetworkAction.ALLOW.",
  "eso release: AWS keys in extraValues":
    "[s/Eso] extraValues.env.AWS_SECRET_ACCESS_KEY: received a literal value. Allowed: no credentials in Helm values (they are stored in plain text in the Terraform plan and state, and usually in Git). Fix: use a workload identity (IRSA, Pod Identity, Azure workload identity) or a Kubernetes Secret the chart references; if the key is not a secret, list it in acknowledgeExtraValues with a reason.",
  "eso release: env list with a password":
    "[s/Eso] extraValues.extraEnv[0].value: received a literal value. Allowed: no credentials in Helm values (they are stored in plain text in the Terraform plan and state, and usually in Git). Fix: use a workload identity (IRSA, Pod Identity, Azure workload identity) or a Kubernetes Secret the chart references; if the key is not a secret, list it in acknowledgeExtraValues with a reason.",
  "eso release: extraValues acknowledged without reason":
    "[s/Eso] acknowledgeExtraValues.reason: received an empty reason. Allowed: a non-empty reason explaining why the risk is accepted. Fix: pass a reason, for example \"break-glass credentials, rotated by the platform team\".",
  "eso release: CPU request above limit":
    "[s/Eso] values.resources.requests.cpu: received \"2\". Allowed: a request no larger than the limit \"500m\" (the API server rejects pods whose request exceeds their limit). Fix: lower the request or raise the limit.",
  "eso release: memory request above limit":
    "[s/Eso] values.resources.requests.memory: received \"1Gi\". Allowed: a request no larger than the limit \"512Mi\" (the API server rejects pods whose request exceeds their limit). Fix: lower the request or raise the limit.",
  "eso release: 3 replicas without leader election":
    "[s/Eso] values.replicaCount: received 3. Allowed: a single replica when leaderElect is false (without leader election every replica reconciles the same objects). Fix: remove leaderElect: false (leader election is turned on for several replicas), or run one replica.",
  "pod identity: session tags disabled":
    "[s/Pod] associations[0].disableSessionTags: received true. Allowed: session tags on (the role trust is pinned to the namespace, service account and cluster through the tags EKS sets). Fix: remove disableSessionTags.",
  "secret: KMS key of another region":
    "[s/Secret] encryptionKey: received \"us-east-1\". Allowed: a KMS key in the secret's region \"eu-west-1\" (Secrets Manager only uses keys of its own region). Fix: create the key in the same region as the secret, or use a multi-Region replica key of that region.",
  "secret: replica key of another region":
    "[s/Secret] replicaRegions[0].encryptionKey: received \"us-east-1\". Allowed: a KMS key in the secret's region \"eu-central-1\" (Secrets Manager only uses keys of its own region). Fix: create the key in the same region as the secret, or use a multi-Region replica key of that region.",
  "es: duplicate secretKey":
    "[c/es] spec.data[1].secretKey: received \"k\". Allowed: a secretKey not already written by spec.data[0].secretKey (ESO silently keeps only one value per key). Fix: give each data entry its own secretKey.",
  "es: target policies Merge + Delete":
    "[c/es] spec.target.deletionPolicy: received \"Delete\". Allowed: a deletionPolicy compatible with creationPolicy \"Merge\" (ESO rejects deletionPolicy \"Delete\" with creationPolicy \"Merge\", \"CreateOrMerge\" or \"None\", and deletionPolicy \"Merge\" with creationPolicy \"None\"). Fix: use DeletionPolicy.RETAIN, or CreationPolicy.OWNER if the Secret must be deleted with the ExternalSecret.",
  "push: loop back to the source (synth)":
    "[c/push] spec.data[0].match.remoteRef.remoteKey: received \"team/app\". Allowed: a remote key other than the one c/src reads at spec.data[0].remoteRef.key from the same store (pushing a Secret back to its own source is a loop: each refresh rewrites the source). Fix: push to another remote key or another store, or remove the PushSecret.",
  "push: same remote key twice":
    "[c/push] spec.data[1].match.remoteRef: received \"a\". Allowed: a remote key and property not already written by spec.data[0].match.remoteRef. Fix: give each entry its own remoteKey or property.",
  "declaration: KMS alias alias/aws/...":
    "[shop/kmsKeys/key] alias: received \"alias/aws/secretsmanager\". Allowed: \"alias/\" (optional) followed by 1 to 250 characters among letters, digits and /_-, not starting with \"aws/\" (reserved for AWS managed keys). Fix: for example \"alias/eso/secrets\".",
  "declaration: KMS key of another region than its secret":
    "[shop/secrets/db] kmsKey: received \"shop\". Allowed: the region of the secret (shop/db): \"eu-west-1\". Fix: encrypt the secret with a KMS key of its own region (Secrets Manager and Parameter Store only use keys of their region).",
  "declaration: existing key ARN of another region":
    "[shop/kmsKeys/key] existingKeyArn: received \"arn:aws:kms:us-east-1:111122223333:key/abc\". Allowed: the region of the key declaration: \"eu-west-1\". Fix: declare the key with the region of the existing key, or point at a key of that region.",
  "declaration: EKS issuer of another region":
    "[shop/clusters/prod] oidcIssuerUrl: received \"https://oidc.eks.us-east-1.amazonaws.com/id/AAAA\". Allowed: the region of the cluster (prod): \"eu-west-1\". Fix: pass the issuer of this cluster (aws eks describe-cluster --query cluster.identity.oidc.issuer), or the cluster's region.",
  "declaration: issuer with credentials":
    "[shop/clusters/prod] oidcIssuerUrl: received \"https://***@oidc.example.com/id/1\". Allowed: the cluster OIDC issuer as an https URL, e.g. \"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123\". Fix: pass the cluster's identity[0].oidc[0].issuer (it starts with \"https://\").",
  "declaration: region EU-WEST-1":
    "[shop] aws.region: received \"EU-WEST-1\". Allowed: an AWS region code such as \"eu-west-1\" or \"us-gov-west-1\". Fix: pass the region code, not its display name.",
  "declaration: account a number":
    "[shop] aws.accountId: received a number (111122223333). Allowed: a 12-digit AWS account ID as a string. Fix: pass a 12-digit AWS account ID as a string.",
  "declaration: props undefined":
    "[SecretsDeclaration] props: received undefined. Allowed: an object of type SecretsDeclarationProps. Fix: pass the SecretsDeclarationProps object as the third argument.",
  "declaration: ExternalSecret duplicate secretKey":
    "[shop/externalSecrets/app] data[1].secretKey: received \"pw\". Allowed: a secretKey not already written by data[0].secretKey (ESO silently keeps only one value per key). Fix: give each data entry its own secretKey.",
  "declaration: two ExternalSecrets write one Secret":
    "[shop/externalSecrets/two] targetSecretName: received \"db\". Allowed: a target Secret not already written by shop/externalSecrets/one in the same namespace and cluster (two ExternalSecrets owning one Secret overwrite each other on every refresh). Fix: give one of them another targetSecretName, or merge their data into one ExternalSecret.",
  "declaration: PushSecret writes back what an ExternalSecret reads":
    "[shop/pushSecrets/back] destination: received \"shop/db\". Allowed: a destination other than the secret shop/externalSecrets/app reads into the pushed Secret (a loop: each refresh rewrites its own source). Fix: push to another secret, or push a Secret that no ExternalSecret of this declaration writes from the destination.",
  "declaration: template with a literal password":
    "[shop/externalSecrets/app] template.data.password: received a literal value. Allowed: templates that reference fetched data ({{ .password }}); a literal secret in the template ends up in Git (the key \"password\" names a credential and its value is a literal, not a template). Fix: store the value in the provider and reference it with {{ .key }}, or, if it is not a secret, list the key in template.acknowledgeLiteralValues with a reason.",
  "declaration: template unterminated":
    "[shop/externalSecrets/app] template.data.url: received a template. Allowed: a Go text/template ESO can parse: unclosed action at offset 11 (\"{{\" without \"}}\"). Fix: close every \"{{\" with \"}}\" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}.",
  "declaration: refreshInterval sub-second":
    "[shop/externalSecrets/app] refreshInterval: received Duration.millis(1) (1ms). Allowed: zero or a duration of at least 1s. Fix: pass at least Duration.seconds(1), or Duration.ZERO.",
  "declaration: find regexp not RE2":
    "[shop/externalSecrets/app] find[0].nameRegexp: received \"(?<=shop/).*\". Allowed: a regular expression in RE2 syntax (Go's regexp package, as ESO compiles it; no lookaround or backreferences): error parsing regexp: invalid named capture: `(?<=shop/).*`. Fix: rewrite the expression in RE2 syntax, for example \"^team-.*$\".",
  "declaration: store name too long for its service account":
    "[shop/stores/aws] name: received \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\". Allowed: a value whose derived service account name \"eso-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is valid: a DNS-1123 subdomain of at most 253 characters (\"eso-\" and the store name). Fix: use a store name of at most 249 characters.",
  ...GCP_VAULT_EXPECTED,
  ...DECLARATION_EXPECTED,
  "declaration: Azure find matching no declared secret":
    "[shop/externalSecrets/flags] find[0]: received {\"nameRegexp\":\"flag-.*\"}. Allowed: a find that matches at least one secret declared in Key Vault shop-kv (by nameRegexp, path and tags): the store's identity may read only the declared secrets a find matches, so a find matching none is granted nothing and delivers nothing. Fix: declare the secrets the find should read with addKeyVaultSecret({ vault, name }) (managedElsewhere: true for secrets created outside this declaration), or change the find to match them (rule CES-LP-1).",
  "declaration: Secrets Manager find matching no declared secret":
    "[shop/externalSecrets/flags] find[0]: received {\"nameRegexp\":\"shop/flags/.*\"}. Allowed: a find that matches at least one Secrets Manager secret declared in eu-west-1 (by nameRegexp, path and tags): the store's identity may read only the declared secrets a find matches, so a find matching none is granted nothing and delivers nothing. Fix: declare the secrets the find should read with addSecretsManagerSecret({ name }) (managedElsewhere: true for secrets created outside this declaration), or change the find to match them (rule CES-LP-1).",
  "azure: KeyVaultSecretsListRole resourceGroupId a subscription":
    "[s/Lister] resourceGroupId: received \"/subscriptions/s\". Allowed: a resource group ID (/subscriptions/<id>/resourceGroups/<name>): custom roles are defined at a management group, subscription or resource group, and the vault's resource group is the narrowest. Fix: pass the resource group's id (azurerm_resource_group.id), or leave resourceGroupId out to use the vault's.",
  "azure: KeyVaultSecretsListRole props undefined":
    "[s/Lister] props: received undefined. Allowed: an object of type KeyVaultSecretsListRoleProps. Fix: pass the KeyVaultSecretsListRoleProps object as the third argument.",
  ...TOOLS_EXPECTED,
  ...HELM_EXPECTED,
  ...NAMES_EXPECTED,
  ...GENERATORS_EXPECTED,
  ...GITOPS_EXPECTED,
  ...ACCESS_EXPECTED,
  ...MIGRATE_EXPECTED,
  ...VALIDATOR_EXPECTED,
  ...PRIVILEGE_EXPECTED,
  ...TENANCY_EXPECTED,
  ...HARDENING_EXPECTED,
  ...PROPS_EXPECTED,
  ...SOURCES_EXPECTED,
  ...HOLES_EXPECTED,
  ...GRANTS_EXPECTED,
  ...SHARDING_EXPECTED,
  ...REPORT_EXPECTED,
  ...ONPREM_EXPECTED,
};
