// Expected messages of cases-names.ts (derived names, Terraform variable names, Reloader pause period):
// exact messages, reviewed one by one; each names the input the user typed.
export const NAMES_EXPECTED: Readonly<Record<string, string>> = {
  "reloader: pausePeriod zero":
    "[c/reload] pausePeriod: received Duration.ZERO (0s). Allowed: a duration greater than zero (a zero pause resumes the Deployment at once: leave pausePeriod out for no pause). Fix: pass at least Duration.seconds(1).",
  "reloader: pausePeriod sub-second":
    "[c/reload] pausePeriod: received Duration.millis(250) (250ms). Allowed: a duration of at least 1s. Fix: pass at least Duration.seconds(1).",
  "reloader: pausePeriod fractional seconds":
    "[c/reload] pausePeriod: received Duration.millis(2500) (2s500ms). Allowed: a whole number of seconds (the consumer counts in seconds). Fix: pass Duration.seconds(3).",
  "reloader: pausePeriod NaN":
    "[c/reload] pausePeriod: received Duration.minutes(NaN). Allowed: a Go duration: the amount is NaN. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "reloader: pausePeriod past Go's range":
    "[c/reload] pausePeriod: received Duration.hours(3000000). Allowed: a Go duration: at most 2562047h47m16.854775807s (Go's int64 nanoseconds). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "reloader: pausePeriod a number":
    "[c/reload] pausePeriod: received a number (300). Allowed: a Duration (Duration.seconds(), minutes(), hours(), days() or parse()). Fix: pass a Duration (Duration.seconds(), minutes(), hours(), days() or parse()).",
  "reloader: pausePeriod on a StatefulSet":
    "[c/reload] pausePeriod: received \"5m\". Allowed: a pause period on a Deployment only (Reloader pauses a Deployment's rollouts; workload \"web\" is a StatefulSet, which cannot be paused). Fix: remove pausePeriod for this workload.",
  "names: two namespaced stores derive one identity id":
    "[shop/stores/a-b] id: received \"a-b\". Allowed: a value whose derived identity id \"store-a-b-c\" (with namespace \"c\") is not also derived from shop/stores/a id \"a\" (namespace \"b-c\"): the two would be merged into one identity (one role or identity trusting only the first service account, construct ids and outputs shared). Fix: rename one of the two so the derived ids differ.",
  "names: a store and an existing service account derive one IAM role":
    "[shop/stores/team-a] id: received \"team-a\". Allowed: a value whose derived IAM role name \"shop-team-a-eso\" is not also derived from shop/stores/b serviceAccount.name \"a\" (namespace \"team\"): IAM role names are unique in account 111122223333 regardless of case, so the second role could not be created. Fix: rename one of the two so the derived role names differ.",
  "names: IAM role name over 64 characters":
    "[shop/stores/a-very-long-store-identifier-that-makes-the-role-name-too-long] id: received \"a-very-long-store-identifier-that-makes-the-role-name-too-long\". Allowed: a value whose derived IAM role name \"shop-a-very-long-store-identifier-that-makes-the-role-name-too-long-eso\" is valid: 1 to 64 characters among letters, digits and +=,.@_-. Fix: choose a shorter store id (or declaration name).",
  "names: two store ids derive one Terraform output":
    "[shop/stores/a.b] id: received \"a.b\". Allowed: a value whose derived Terraform output \"eso_role_arn_store_a_b\" is not also derived from shop/stores/a-b id \"a-b\": Terraform keeps one output of a name, so the other identity's value would be lost. Fix: rename one of the two so their ids differ in more than \".\" and \"-\".",
  "names: Entra identity name with a dot":
    "[shop/stores/kv.a] id: received \"kv.a\". Allowed: a value whose derived Entra user-assigned identity name \"shop-kv.a-eso\" is valid: 3 to 128 letters, digits, \"-\" and \"_\", starting with a letter or digit. Fix: use a value without \".\" (Azure identity names allow only letters, digits, \"-\" and \"_\").",
  "names: two long store ids truncated to one Entra identity":
    "[shop/stores/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-two] id: received \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-two\". Allowed: a value whose derived Entra user-assigned identity name \"shop-kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\" is not also derived from shop/stores/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-one id \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-one\": Azure names identities uniquely in resource group \"rg\" (regardless of case), so both would share one identity and its federated credentials. Fix: choose a shorter store id (or declaration name) so the first 128 characters of the derived names differ.",
  "names: federated credential name with a dot":
    "[shop/stores/kv] name: received \"kv.team-a\". Allowed: a value whose derived federated credential name \"aks-external-secrets-eso-kv.team-a\" (with cluster \"aks\", service account external-secrets/eso-kv.team-a) is valid: 3 to 120 letters, digits, \"-\" and \"_\", starting with a letter or digit (the name is <cluster id>-<namespace>-<service account>). Fix: use a value without \".\" (credential names allow only letters, digits, \"-\" and \"_\").",
  "names: two stores derive one Google service account":
    "[shop/stores/a.b] id: received \"a.b\". Allowed: a value whose derived Google service account ID \"shop-a-b-eso\" is not also derived from shop/stores/a-b id \"a-b\": a project holds one service account of an ID, so both would share shop-a-b-eso@platform-prod-4711.iam.gserviceaccount.com. Fix: rename one of the two so the derived IDs differ (IDs keep only lowercase letters, digits and \"-\").",
  "names: two clusters derive one workload identity pool":
    "[shop/clusters/on.prem] id: received \"on.prem\". Allowed: a value whose derived workload identity pool ID \"shop-on-prem\" is not also derived from shop/clusters/on-prem id \"on-prem\": one pool would trust two clusters' issuers under one provider, so one cluster's tokens would be rejected. Fix: rename one of the two clusters so the derived pool IDs differ (IDs keep only lowercase letters, digits and \"-\").",
  "names: pinned Vault role on a namespaced store in two namespaces":
    "[lab/stores/vault] role: received \"eso\". Allowed: a value whose derived Vault role \"kubernetes-rke2/eso\" (with namespace \"team-b\") is not also derived from lab/stores/vault role \"eso\" (namespace \"team-a\"): Vault keeps one role of a name on an auth mount, so the second would replace the first one's bound service accounts. Fix: pin a role per store (a namespaced store has an identity per namespace: leave role unset there).",
  "names: one pinned Vault role on two stores":
    "[lab/stores/two] role: received \"eso\". Allowed: a value whose derived Vault role \"kubernetes-rke2/eso\" is not also derived from lab/stores/one role \"eso\": Vault keeps one role of a name on an auth mount, so the second would replace the first one's bound service accounts. Fix: pin a role per store (a namespaced store has an identity per namespace: leave role unset there).",
  "names: pinned Vault role giving an invalid policy name":
    "[lab/stores/vault] role: received \"eso@team-a\". Allowed: a value whose derived Vault policy name \"kubernetes-rke2-eso@team-a\" is valid: lowercase letters, digits, \"_\", \".\" and \"-\", starting and ending with a letter or digit, at most 128 characters (the name is <auth mount>-<role>). Fix: use a role name of letters, digits, \"_\", \".\" and \"-\" only.",
  "names: stores sharing the controller pin two Vault roles":
    "[lab/stores/two] role: received \"eso-two\". Allowed: the role of the identity this store shares with lab/stores/one (the controller's service account on one cluster is one Vault role: \"eso-one\"); a second pinned role would be ignored. Fix: pin \"eso-one\" here too, or give this store its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT).",
  "names: variable name with a space":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"db password\"). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "names: variable name reserved":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"count\"). Allowed: a Terraform variable name other than source, version, providers, count, for_each, lifecycle, depends_on and locals (reserved for module blocks). Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "names: variable name undefined":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(undefined). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "names: derived parameter variable with a dot":
    "[shop/secrets/db.main] id: received \"db.main\". Allowed: a value whose derived Terraform variable name \"parameter_db.main\" is valid: letters, digits, \"_\" and \"-\", starting with a letter or \"_\" (a Parameter Store SecureString without initialValue is created from the sensitive variable parameter_<id>). Fix: use an id without \".\", or pass initialValue: InitialValue.sensitiveVariable(\"<name>\").",
  "names: variable name taken by a parameter's derived variable":
    "[shop/secrets/other] initialValue: received InitialValue.sensitiveVariable(\"parameter_db\"). Allowed: a value whose derived Terraform variable \"parameter_db\" is not also derived from shop/secrets/db id \"db\": a Parameter Store SecureString without initialValue is created from its own variable parameter_<id>, so the two secrets would silently get one value. Fix: name another variable in InitialValue.sensitiveVariable(), or give the parameter its own initialValue.",
};
