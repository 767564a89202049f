// Expected messages of cases-sources.ts (rotation end to end, AWS workloads outside Kubernetes, Vault engines):
// exact messages, reviewed one by one; each names the input the user typed.
export const SOURCES_EXPECTED: Readonly<Record<string, string>> = {
  "rotation: function role given as an ARN":
    "[shop/secrets/db] rotation.functionRoleName: received \"arn:aws:iam::111122223333:role/rotate-db\". Allowed: 1 to 64 characters among letters, digits and +=,.@_-. Fix: shorten or rename the role, for example \"eso-team-a\".",
  "rotation: refreshed slower than a rate(6 hours) schedule":
    "[shop/externalSecrets/db] refreshInterval: received \"12h\". Allowed: an interval shorter than the rotation period of secret \"db\" (rate(6 hours)). Fix: set refreshInterval to at most an hour (the default), well under the rotation period (rule CES-ESO-2).",
  "aws consumer: options missing":
    "[shop/awsConsumers/fn] options: received undefined. Allowed: an object of type AwsConsumerOptions. Fix: pass the AwsConsumerOptions object as the second argument of addAwsConsumer().",
  "aws consumer: role as an ARN string":
    "[shop/awsConsumers/fn] role: received a string. Allowed: a value built with AwsConsumerRole.existing(\"arn:aws:iam::<account>:role/<name>\") or AwsConsumerRole.create(AwsComputeService.LAMBDA | ECS_TASKS | EC2). Fix: build it with AwsConsumerRole.existing(\"arn:aws:iam::<account>:role/<name>\") or AwsConsumerRole.create(AwsComputeService.LAMBDA | ECS_TASKS | EC2).",
  "aws consumer: role ARN of a user":
    "[shop/awsConsumers/fn] role: received \"arn:aws:iam::111122223333:user/deploy\". Allowed: an IAM role ARN such as \"arn:aws:iam::111122223333:role/billing-lambda\". Fix: pass the full ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not a name or a pattern.",
  "aws consumer: role of another account":
    "[shop/awsConsumers/fn] role: received \"arn:aws:iam::444455556666:role/fn\". Allowed: a role of account 111122223333 in partition aws (the grant is an inline policy the declaration's AWS provider attaches to the role). Fix: pass a role of the declaration's account, or declare the consumer in a declaration of the role's account.",
  "aws consumer: created for a service it cannot be":
    "[shop/awsConsumers/fn] role.service: received \"eks.amazonaws.com\". Allowed: one of AwsComputeService.LAMBDA, AwsComputeService.ECS_TASKS, AwsComputeService.EC2. Fix: pass one of AwsComputeService.LAMBDA, AwsComputeService.ECS_TASKS, AwsComputeService.EC2.",
  "aws consumer: derived role name over 64 characters":
    "[shop/awsConsumers/ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff] id: received \"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\". Allowed: a value whose derived IAM role name \"shop-ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\" is valid: 1 to 64 characters among letters, digits and +=,.@_-. Fix: choose a shorter id (or declaration name).",
  "aws consumer: no secrets":
    "[shop/awsConsumers/fn] secrets: received []. Allowed: at least one declared secret (a workload reading nothing needs no grant). Fix: list the secrets the workload reads, or remove the consumer.",
  "aws consumer: secrets not an array":
    "[shop/awsConsumers/fn] secrets: received an object. Allowed: an array of declared AWS secrets. Fix: pass an array of declared AWS secrets.",
  "aws consumer: a secret of another declaration":
    "[shop/awsConsumers/fn] secrets[0]: received \"db\". Allowed: a secret declared in this declaration. Fix: declare it first with declaration.addSecretsManagerSecret() and pass the returned object.",
  "aws consumer: a Key Vault secret":
    "[shop/awsConsumers/fn] secrets[0]: received \"db\". Allowed: a Secrets Manager secret or a Parameter Store parameter (an IAM role reads only those), not a secret of backend AZURE_KEY_VAULT. Fix: list secrets declared with addSecretsManagerSecret or addParameter.",
  "aws consumer: the same secret twice":
    "[shop/awsConsumers/fn] secrets[1]: received \"shop/db\". Allowed: a value different from the one at secrets[0] (it must be unique). Fix: list each secret once.",
  "aws consumer: a secret of another account":
    "[shop/awsConsumers/fn] secrets[0]: received \"shop/db\". Allowed: secrets of the role's account 111122223333; a secret of account 444455556666 also needs a resource policy on the secret and a key policy on its CMK, which this declaration cannot create there. Fix: declare the consumer in a declaration of the secret's account, or keep a copy of the secret in the role's account.",
  "aws consumer: a tenant of another declaration":
    "[shop/awsConsumers/fn] tenant: received \"a\". Allowed: a tenant declared in this declaration. Fix: declare it first with declaration.addTenant() and pass the returned object.",
  "aws consumer: a tenant's Lambda reading another tenant's secret":
    "[shop/awsConsumers/fn] secrets[1]: received \"b/db\". Allowed: secrets of tenant \"a\" or of no tenant: secret \"b-db\" belongs to tenant \"b\". Fix: remove the secret, or have its owner issue a copy the workload's tenant owns (rule CES-LP-11).",
  "aws consumer: runs as the ESO controller role":
    "[shop/awsConsumers/fn] role: received \"arn:aws:iam::111122223333:role/shop-prod-eso-controller\". Allowed: a role of its own: this is the role of ESO identity \"controller-prod\", which the clusters' service accounts assume, so the workload and ESO would each get the other's secrets. Fix: give the workload its own role (AwsConsumerRole.create, or an existing role ESO does not use) (rule CES-TR-3).",
  "vault engine: literal password in the connection URL":
    "[lab/vaultEngines/db] connection.connectionUrl: received a connection URL with a literal password. Allowed: a URL whose credentials are the templates {{username}} and {{password}} (Vault fills them from the connection's username and its write-only password). Fix: write the URL as \"postgresql://{{username}}:{{password}}@host:5432/db\" and pass the root password as a sensitive variable.",
  "vault engine: password in the URL query":
    "[lab/vaultEngines/db] connection.connectionUrl: received a connection URL with a literal password. Allowed: a URL whose credentials are the templates {{username}} and {{password}} (Vault fills them from the connection's username and its write-only password). Fix: write the URL as \"postgresql://{{username}}:{{password}}@host:5432/db\" and pass the root password as a sensitive variable.",
  "vault engine: unknown plugin":
    "[lab/vaultEngines/db] connection.plugin: received \"oracle\". Allowed: one of VaultDatabasePlugin.POSTGRESQL, VaultDatabasePlugin.MYSQL. Fix: pass one of VaultDatabasePlugin.POSTGRESQL, VaultDatabasePlugin.MYSQL.",
  "vault engine: mount on Vault's sys":
    "[lab/vaultEngines/db] mount: received \"sys\". Allowed: a mount path of segments of letters, digits, \"_\", \"-\" and \".\" separated by single \"/\", without leading or trailing \"/\" (and not \"sys\", \"auth\", \"identity\" or \"cubbyhole\", which Vault reserves). Fix: use a path such as \"secret\".",
  "vault engine: mount on the KV mount":
    "[lab/vaultEngines/db] mount: received \"secret\". Allowed: a mount path free on Vault server \"vault\" (the KV mount \"secret\" is mounted there; Vault mounts one engine per path). Fix: mount the engine at its own path, for example \"database\" or \"pki-internal\".",
  "vault engine: no roles":
    "[lab/vaultEngines/db] roles: received []. Allowed: at least one role (an engine without roles issues nothing). Fix: declare the roles the dynamic secrets use.",
  "vault engine: role name with a slash":
    "[lab/vaultEngines/db] roles[0].name: received \"app/admin\". Allowed: a Vault role name: letters, digits, \"_\", \"-\", \".\" and \"@\", starting and ending with a letter, digit or \"_\", at most 128 characters. Fix: use a name such as \"external-secrets\".",
  "vault engine: max TTL below the TTL":
    "[lab/vaultEngines/db] roles[0].maxTtl: received \"1h\". Allowed: a max TTL of at least the role's TTL \"2h\". Fix: keep ttl <= maxTtl <= the mount's maxLeaseTtl (Vault caps every lease at the larger bound).",
  "vault engine: role without creation statements":
    "[lab/vaultEngines/db] roles[0].creationStatements: received []. Allowed: at least one SQL statement creating the user. Fix: pass the CREATE ROLE / CREATE USER statement with {{name}} and {{password}}.",
  "vault engine: role TTL missing":
    "[lab/vaultEngines/db] roles[0].defaultTtl: received undefined. Allowed: a Duration (Duration.hours(), minutes(), ...). Fix: set roles[0].defaultTtl to a Duration (Duration.hours(), minutes(), ...).",
  "vault engine: two engines on one mount":
    "[lab/vaultEngines/pki] mount: received \"database\". Allowed: a mount path free on Vault server \"vault\" (engine \"db\" is mounted there; Vault mounts one engine per path). Fix: mount the engine at its own path, for example \"database\" or \"pki-internal\".",
  "vault engine: PKI wildcard domain":
    "[lab/vaultEngines/pki] roles[0].allowedDomains[0]: received \"*.example.com\". Allowed: a DNS name (letters, digits, \"-\" and \".\" labels), no wildcard and no glob: certificates are issued for exactly these domains (and their subdomains with allowSubdomains). Fix: list the domains, for example \"internal.example.com\", and set allowSubdomains for names below them.",
  "vault engine: PKI role outliving the mount":
    "[lab/vaultEngines/pki] roles[0].ttl: received \"48h\". Allowed: at most the mount's maxLeaseTtl \"24h\". Fix: keep ttl <= maxTtl <= the mount's maxLeaseTtl (Vault caps every lease at the larger bound).",
  "vault engine: dynamic secret naming an undeclared role":
    "[lab/dynamicSecrets/x] role: received \"admin\". Allowed: a role declared on engine \"database\": \"app\". Fix: declare the role in the engine's roles, or use one of those.",
  "vault engine: dynamic secret with engine and path":
    "[lab/dynamicSecrets/x] path: received \"database/creds/admin\". Allowed: path or engine, not both. Fix: drop path: it derives from the engine and its role.",
  "vault engine: dynamic secret with neither engine nor path":
    "[lab/dynamicSecrets/x] path: received undefined. Allowed: a non-empty value. Fix: pass engine and role (a declared engine), or the path of an engine declared elsewhere, for example \"database/creds/app\".",
  "vault engine: hand-typed path to an undeclared role of a declared engine":
    "[lab/dynamicSecrets/x] path: received \"database/creds/admin\". Allowed: a declared role of engine \"db\" mounted at \"database\": \"database/creds/app\". Fix: declare the role on the engine and pass engine and role instead of path (rule CES-LP-12).",
  "vault engine: role no dynamic secret reads":
    "[lab/vaultEngines/db] roles[0].name: received \"app\". Allowed: a role some dynamic secret reads (\"database/creds/app\" is read by none). Fix: remove the role, or declare the dynamic secret that uses it (rule CES-LP-13; or, if the exception is intended, declaration.acknowledge({ ruleId: 'CES-LP-13', reason: '\u2026', appliesTo: ['db/app'] })).",
};
