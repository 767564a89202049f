// Expected messages of the migration bad-input corpus (cases-migrate.ts), reviewed one by one: each
// names the object (file and KES object, or the API function) and the field, and never echoes a secret.
export const MIGRATE_EXPECTED: Readonly<Record<string, string>> = {
  "migrate: Key Vault name is another host":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.keyVaultName: received \"attacker.example.com/\". Allowed: a Key Vault name: 3-24 letters, digits and \"-\", starting with a letter, ending with a letter or digit, no \"--\" (the store URL is exactly https://<name>.vault.azure.net/). Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: Key Vault name ends in a lookalike domain":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.keyVaultName: received \"team.vault.azure.net.evil\". Allowed: a Key Vault name: 3-24 letters, digits and \"-\", starting with a letter, ending with a letter or digit, no \"--\" (the store URL is exactly https://<name>.vault.azure.net/). Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: Key Vault name with userinfo":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.keyVaultName: received \"x@attacker\". Allowed: a Key Vault name: 3-24 letters, digits and \"-\", starting with a letter, ending with a letter or digit, no \"--\" (the store URL is exactly https://<name>.vault.azure.net/). Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: AWS region is a host":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.region: received \"us-east-1.attacker.example.com\". Allowed: an AWS region code such as \"eu-west-1\" (the AWS SDK builds the endpoint host from it). Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: AWS role ARN with a wildcard":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.roleArn: received \"arn:aws:iam::123456789012:role/*\". Allowed: an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>), no wildcards. Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: Vault mount climbs to sys/":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.vaultMountPoint: received \"../../sys\". Allowed: a Vault auth mount path: segments of letters, digits, \"_\", \"-\" and \".\" separated by \"/\", never \".\" or \"..\" (ESO logs in at auth/<mount>/login). Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: Vault role with a path":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.vaultRole: received \"app/../../admin\". Allowed: a Vault role name: letters, digits, \"_\", \"-\", \".\" and \"@\" (at most 128). Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: Vault KV version 0":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.kvVersion: received 0. Allowed: 1 or 2 (the KV secrets engine version). Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: GCP project ID is a path":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.projectId: received \"team/../../other-project\". Allowed: a Google Cloud project ID: 6-30 lowercase letters, digits and \"-\", starting with a letter. Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).",
  "migrate: http:// Vault without the opt-in":
    "[migrateManifests] options.vaultServer: received \"http://vault.internal:8200\". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: serve Vault over TLS (https://); a store with an http:// server sends the Vault token in clear text (options.allowInsecureHttp accepts it where the network already encrypts).",
  "migrate: Vault address with credentials":
    "[migrateManifests] options.vaultServer: received \"https://***@vault.example.com\". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: remove the credentials from the URL and give them to the consumer through its auth settings (credentials in a URL end up in Git and logs).",
  "migrate: default Vault mount climbs out of auth/":
    "[migrateManifests] options.vaultDefaultMountPoint: received \"../sys\". Allowed: a Vault auth mount path: segments of letters, digits, \"_\", \"-\" and \".\" separated by \"/\", never \".\" or \"..\". Fix: pass the mount path, such as \"kubernetes\".",
  "migrate: default Vault role with a space":
    "[migrateManifests] options.vaultDefaultRole: received \"app admin\". Allowed: a Vault role name: letters, digits, \"_\", \"-\", \".\" and \"@\" (at most 128). Fix: pass the role name, such as \"external-secrets\".",
  "migrate: allowInsecureHttp a string":
    "[migrateManifests] allowInsecureHttp: received a string. Allowed: true or false. Fix: pass true or false.",
  "migrate: namespace option uppercase":
    "[migrateManifests] options.namespace: received \"Team-A\". Allowed: a namespace name: at most 63 lowercase letters, digits and \"-\", starting and ending with a letter or digit. Fix: pass the namespace the KES objects were applied to.",
  "migrate: SSM path / (whole store find)":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.data[0].path: received \"/\". Allowed: a path below the root (e.g. /team-a/app/): a find over the whole store would read and be granted every parameter. Fix: set path to the folder that holds this application's parameters, or list the parameters as data items.",
  "migrate: SSM path /// (whole store find)":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.data[0].path: received \"///\". Allowed: a path below the root (e.g. /team-a/app/): a find over the whole store would read and be granted every parameter. Fix: set path to the folder that holds this application's parameters, or list the parameters as data items.",
  "migrate: object without a namespace (store would admit every namespace)":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret app] metadata.namespace: received undefined. Allowed: a namespace: the migrated ClusterSecretStore admits only the namespaces of the objects that use it. Fix: set metadata.namespace, or pass namespace (--namespace) with the namespace the object is applied to.",
  "migrate: literal password in template stringData":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.template.stringData[\"password\"]: received a literal value. Allowed: template values that reference fetched data (<%= data.KEY %>): a literal ends up in the ExternalSecret in Git, and it may be a secret. Fix: store the value in the backend and reference it through data, or add it to the generated Secret by hand after reviewing it; the migration left it out.",
  "migrate: base64 literal in template data":
    "[kes.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app] spec.template.data[\"token\"]: received a literal value. Allowed: template values that reference fetched data (<%= data.KEY %>): a literal ends up in the ExternalSecret in Git, and it may be a secret. Fix: store the value in the backend and reference it through data, or add it to the generated Secret by hand after reviewing it; the migration left it out.",
  "migrate: YAML alias bomb":
    "[kes.yaml#0] document: received \"Excessive alias count indicates a resource exhaustion attack\". Allowed: YAML documents separated by ---. Fix: fix the YAML syntax at the position given.",
  "migrate: v1beta1 object the v1 schema refuses":
    "[ExternalSecret team-a/app] spec.target.creationPolicy: received a string. Allowed: one of \"Owner\", \"Orphan\", \"Merge\", \"None\", \"CreateOrMerge\". Fix: change the value to one the schema of the served version accepts.",
  "migrate: assertMigrationComplete(undefined)":
    "[assertMigrationComplete] result: received undefined. Allowed: a MigrationResult (from migrateManifests()). Fix: set result to a MigrationResult (from migrateManifests()).",
  "migrate: assertMigrationComplete with a forged issue":
    "[assertMigrationComplete] result.issues[0]: received an issue not produced by migrateManifests() (\"forged\"). Allowed: the MigrationResult migrateManifests() returned. Fix: pass the result of migrateManifests() unmodified.",
  "migrate: code in an object name through the typed constructs":
    "[c/ExternalSecret-team-a-'); process.exit(1); ('] metadata.name: received \"'); process.exit(1); ('\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"process.exit-1\".",
  "migrate: code in a label key through the typed constructs":
    "[c/ExternalSecret-team-a-app] metadata.labels.`${process.exit(1)}`: received \"`${process.exit(1)}`\". Allowed: a qualified name: an optional DNS-1123 subdomain prefix (at most 253 characters) and \"/\", then a name of 1-63 characters among letters, digits, \"-\", \"_\" and \".\", starting and ending with a letter or digit. Fix: rename the key, for example \"example.com/my-key\" or \"my-key\".",
  "migrate: crafted plan calls Function through Duration.constructor":
    "[renderTypeScript] plan: received \"statements[0].props.x: callee \\\"Duration.constructor\\\" is not a factory the library exports\". Allowed: a plan built by planConstructs(): the library's own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.",
  "migrate: crafted plan evaluated with Duration.constructor":
    "[applyConstructPlan] plan: received \"statements[0].props.x: callee \\\"Duration.constructor\\\" is not a factory the library exports\". Allowed: a plan built by planConstructs(): the library's own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.",
  "migrate: crafted plan names process.exit":
    "[renderTypeScript] plan: received \"statements[0].props.x: member \\\"process.exit\\\" is not one the library exports\". Allowed: a plan built by planConstructs(): the library's own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.",
  "migrate: crafted plan variable with code":
    "[renderTypeScript] plan: received \"statements[0].variable: \\\"a = require(\\\\\\\"child_process\\\\\\\"); const b\\\" is not a new variable name of the form <kind>_<name>\". Allowed: a plan built by planConstructs(): the library's own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.",
  "migrate: crafted plan construct outside the library":
    "[renderTypeScript] plan: received \"statements[0].construct: \\\"Function\\\" is not a construct of the plan\". Allowed: a plan built by planConstructs(): the library's own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.",
  "migrate: crafted plan with an infinite number":
    "[renderTypeScript] plan: received \"statements[0].props.x: a number that is not finite\". Allowed: a plan built by planConstructs(): the library's own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.",
  "migrate: importFrom closes the string":
    "[renderTypeScript] options.importFrom: received \"x'; require('child_process').execSync('id'); '\". Allowed: a package name or path without spaces, control characters or a trailing \"/\" (the generated code imports its /k8s and /core entry points). Fix: pass a name such as \"cdk-external-secrets\".",
  "migrate: importFrom with a line separator":
    "[renderTypeScript] options.importFrom: received \"x\u2028y\". Allowed: a package name or path without spaces, control characters or a trailing \"/\" (the generated code imports its /k8s and /core entry points). Fix: pass a name such as \"cdk-external-secrets\".",
};
