// Expected messages of cases-grants.ts (AWS grant forms): exact messages, reviewed one by one; each
// names the input the user typed.
export const GRANTS_EXPECTED: Readonly<Record<string, string>> = {
  "grants: owned prefix without a trailing slash (covers look-alikes)":
    "[shop] aws.ownedSecretNamePrefix: received \"app\". Allowed: a Secrets Manager name prefix of 2 to 256 characters among letters, digits and /_+=.@-, ending in \"/\" and not made of \"/\" only (without the final \"/\", a prefix \"app\" would also cover look-alike names such as \"app2/db\"). Fix: pass the folder your declaration owns, for example \"shop/\".",
  "grants: owned prefix \"*\"":
    "[shop] aws.ownedSecretNamePrefix: received \"shop/*\". Allowed: a Secrets Manager name prefix of 2 to 256 characters among letters, digits and /_+=.@-, ending in \"/\" and not made of \"/\" only (without the final \"/\", a prefix \"app\" would also cover look-alike names such as \"app2/db\"). Fix: pass the folder your declaration owns, for example \"shop/\".",
  "grants: owned prefix \"/\" only":
    "[shop] aws.ownedSecretNamePrefix: received \"//\". Allowed: a Secrets Manager name prefix of 2 to 256 characters among letters, digits and /_+=.@-, ending in \"/\" and not made of \"/\" only (without the final \"/\", a prefix \"app\" would also cover look-alike names such as \"app2/db\"). Fix: pass the folder your declaration owns, for example \"shop/\".",
  "grants: owned prefix empty":
    "[shop] aws.ownedSecretNamePrefix: received \"\". Allowed: a Secrets Manager name prefix of 2 to 256 characters among letters, digits and /_+=.@-, ending in \"/\" and not made of \"/\" only (without the final \"/\", a prefix \"app\" would also cover look-alike names such as \"app2/db\"). Fix: pass the folder your declaration owns, for example \"shop/\".",
  "grants: owned prefix a number":
    "[shop] aws.ownedSecretNamePrefix: received 42. Allowed: a Secrets Manager name prefix of 2 to 256 characters among letters, digits and /_+=.@-, ending in \"/\" and not made of \"/\" only (without the final \"/\", a prefix \"app\" would also cover look-alike names such as \"app2/db\"). Fix: pass the folder your declaration owns, for example \"shop/\".",
  "grants: owned prefix with a space":
    "[shop] aws.ownedSecretNamePrefix: received \"my shop/\". Allowed: a Secrets Manager name prefix of 2 to 256 characters among letters, digits and /_+=.@-, ending in \"/\" and not made of \"/\" only (without the final \"/\", a prefix \"app\" would also cover look-alike names such as \"app2/db\"). Fix: pass the folder your declaration owns, for example \"shop/\".",
  "grants: owned parameter path without a trailing slash (covers look-alikes)":
    "[shop] aws.ownedParameterPath: received \"/shop\". Allowed: a Parameter Store path of at most 1,011 letters, digits and _.-/, starting and ending in \"/\", with no empty level and not under \"/aws\" or \"/ssm\" (without the final \"/\", \"/app\" would also cover \"/app2/\u2026\"). Fix: pass the hierarchy your declaration owns, for example \"/shop/\".",
  "grants: owned parameter path \"/\" (every parameter)":
    "[shop] aws.ownedParameterPath: received \"/\". Allowed: a Parameter Store path of at most 1,011 letters, digits and _.-/, starting and ending in \"/\", with no empty level and not under \"/aws\" or \"/ssm\" (without the final \"/\", \"/app\" would also cover \"/app2/\u2026\"). Fix: pass the hierarchy your declaration owns, for example \"/shop/\".",
  "grants: owned parameter path not starting with a slash":
    "[shop] aws.ownedParameterPath: received \"shop/\". Allowed: a Parameter Store path of at most 1,011 letters, digits and _.-/, starting and ending in \"/\", with no empty level and not under \"/aws\" or \"/ssm\" (without the final \"/\", \"/app\" would also cover \"/app2/\u2026\"). Fix: pass the hierarchy your declaration owns, for example \"/shop/\".",
  "grants: owned parameter path with an empty level":
    "[shop] aws.ownedParameterPath: received \"/shop//a/\". Allowed: a Parameter Store path of at most 1,011 letters, digits and _.-/, starting and ending in \"/\", with no empty level and not under \"/aws\" or \"/ssm\" (without the final \"/\", \"/app\" would also cover \"/app2/\u2026\"). Fix: pass the hierarchy your declaration owns, for example \"/shop/\".",
  "grants: owned parameter path under /aws":
    "[shop] aws.ownedParameterPath: received \"/aws/service/\". Allowed: a Parameter Store path of at most 1,011 letters, digits and _.-/, starting and ending in \"/\", with no empty level and not under \"/aws\" or \"/ssm\" (without the final \"/\", \"/app\" would also cover \"/app2/\u2026\"). Fix: pass the hierarchy your declaration owns, for example \"/shop/\".",
  "grants: owned parameter path with a wildcard":
    "[shop] aws.ownedParameterPath: received \"/shop/*/\". Allowed: a Parameter Store path of at most 1,011 letters, digits and _.-/, starting and ending in \"/\", with no empty level and not under \"/aws\" or \"/ssm\" (without the final \"/\", \"/app\" would also cover \"/app2/\u2026\"). Fix: pass the hierarchy your declaration owns, for example \"/shop/\".",
  "grants: managed policies attached elsewhere 10":
    "[shop] aws.managedPoliciesAttachedElsewhere: received 10. Allowed: a whole number from 0 to 9 (IAM attaches at most 10 managed policies to a role by default). Fix: count the managed policies your organization attaches to every ESO role, or leave it out for 0.",
  "grants: managed policies attached elsewhere negative":
    "[shop] aws.managedPoliciesAttachedElsewhere: received -1. Allowed: a whole number from 0 to 9 (IAM attaches at most 10 managed policies to a role by default). Fix: count the managed policies your organization attaches to every ESO role, or leave it out for 0.",
  "grants: managed policies attached elsewhere fractional":
    "[shop] aws.managedPoliciesAttachedElsewhere: received 1.5. Allowed: a whole number from 0 to 9 (IAM attaches at most 10 managed policies to a role by default). Fix: count the managed policies your organization attaches to every ESO role, or leave it out for 0.",
  "grants: managed policies attached elsewhere a string":
    "[shop] aws.managedPoliciesAttachedElsewhere: received \"2\". Allowed: a whole number from 0 to 9 (IAM attaches at most 10 managed policies to a role by default). Fix: count the managed policies your organization attaches to every ESO role, or leave it out for 0.",
  "grants: the grant tag on a declared secret":
    "[shop/secrets/db] tags.cdk-external-secrets/grant-set: received \"cdk-external-secrets/grant-set\". Allowed: a tag key other than the library's grant tag (its value decides which identities read a secret; the plan alone sets it). Fix: rename the tag key; to let an identity read the secret, declare an ExternalSecret that reads it.",
  "grants: the grant tag in other case on a declared secret":
    "[shop/secrets/db] tags.CDK-External-Secrets/Grant-Set: received \"CDK-External-Secrets/Grant-Set\". Allowed: a tag key other than the library's grant tag (its value decides which identities read a secret; the plan alone sets it). Fix: rename the tag key; to let an identity read the secret, declare an ExternalSecret that reads it.",
  "grants: the grant tag in the declaration tags":
    "[shop] tags.cdk-external-secrets/grant-set: received \"cdk-external-secrets/grant-set\". Allowed: a tag key other than the library's grant tag (its value decides which identities read a secret; the plan alone sets it). Fix: rename the tag key; to let an identity read the secret, declare an ExternalSecret that reads it.",
  "grants: 1,000 secrets on one identity without an owned prefix":
    "[shop/stores/sm] grants: received \"identity controller-prod reading 1000 secrets\". Allowed: an exact grant within IAM's default quotas (inline policy 10,240 characters per role; managed policies 6,144 characters each, at most 10 per role): 79000 characters of exact ARNs need 14 managed policies of 10 available, and the declaration owns no name prefix to grant by tag. Fix: set aws.ownedSecretNamePrefix to the folder your secrets live in (e.g. \"shop/\") so created secrets are granted by tag, or split the consumers over several stores (one identity each).",
  "grants: 1,000 secrets outside the owned prefix":
    "[shop/stores/sm] grants: received \"identity controller-prod reading 1000 secrets\". Allowed: an exact grant within IAM's default quotas (inline policy 10,240 characters per role; managed policies 6,144 characters each, at most 10 per role): 74000 characters of exact ARNs need 13 managed policies of 10 available, and only 0 of them are created under the owned prefix \"shop/\" (the tag form covers no others). Fix: create the secrets under \"shop/\" with the declaration, or split the consumers over several stores (one identity each).",
  "grants: 300 secrets with 8 managed policies attached elsewhere":
    "[shop/stores/sm] grants: received \"identity controller-prod reading 300 secrets\". Allowed: an exact grant within IAM's default quotas (inline policy 10,240 characters per role; managed policies 6,144 characters each, at most 10 per role): 22200 characters of exact ARNs need 4 managed policies of 2 available, and the declaration owns no name prefix to grant by tag. Fix: set aws.ownedSecretNamePrefix to the folder your secrets live in (e.g. \"shop/\") so created secrets are granted by tag, or split the consumers over several stores (one identity each).",
  "grants: guardrail for a declaration without owned prefix":
    "[shop] aws.ownedSecretNamePrefix: received undefined. Allowed: a declaration with aws.ownedSecretNamePrefix or aws.ownedParameterPath (the guardrail protects them and the grant tag). Fix: set aws.ownedSecretNamePrefix (for example \"shop/\") or aws.ownedParameterPath (for example \"/shop/\") on the SecretsDeclaration.",
  "grants: guardrail without deployers":
    "[shop] deployerRoleArns: received []. Allowed: a non-empty list of IAM role ARNs without wildcards (the roles that run `cdktf deploy`: aws:PrincipalArn of an assumed-role session is its role ARN). Fix: list the deployer roles, for example [\"arn:aws:iam::111122223333:role/terraform-deployer\"].",
  "grants: guardrail with a wildcard deployer":
    "[shop] deployerRoleArns: received [\"arn:aws:iam::111122223333:role/*\"]. Allowed: a non-empty list of IAM role ARNs without wildcards (the roles that run `cdktf deploy`: aws:PrincipalArn of an assumed-role session is its role ARN). Fix: list the deployer roles, for example [\"arn:aws:iam::111122223333:role/terraform-deployer\"].",
  "grants: guardrail with a user as deployer":
    "[shop] deployerRoleArns: received [\"arn:aws:iam::111122223333:user/alice\"]. Allowed: a non-empty list of IAM role ARNs without wildcards (the roles that run `cdktf deploy`: aws:PrincipalArn of an assumed-role session is its role ARN). Fix: list the deployer roles, for example [\"arn:aws:iam::111122223333:role/terraform-deployer\"].",
};
