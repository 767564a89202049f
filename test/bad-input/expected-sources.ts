// Expected messages of cases-sources.ts (rotation end to end, AWS workloads outside Kubernetes):
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
};
