// Expected messages of cases-access.ts (access model readers): exact messages, reviewed one by one;
// each names the file (or argument) and what is wrong, never a value from the model.
export const ACCESS_EXPECTED: Readonly<Record<string, string>> = {
  "access: model not JSON":
    "[base.json] (file): received text that is not JSON (Expected double-quoted property name in JSON at position 57). Allowed: an access model written by synth (JSON). Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: model truncated to nothing":
    "[base.json] (file): received text that is not JSON (Unexpected end of JSON input). Allowed: an access model written by synth (JSON). Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: model of a newer version":
    "[head/shop.access-model.json] apiVersion: received \"cdk-external-secrets.io/access-model/v2\". Allowed: cdk-external-secrets.io/access-model/v1 (the version this cdk-external-secrets reads). Fix: synthesize base and head with the same cdk-external-secrets version, one that writes this version.",
  "access: a Kubernetes manifest instead of a model":
    "[dist/shop.k8s.yaml] apiVersion: received \"v1\". Allowed: cdk-external-secrets.io/access-model/v1 (the version this cdk-external-secrets reads). Fix: synthesize base and head with the same cdk-external-secrets version, one that writes this version.",
  "access: model a JSON array":
    "[base.json] (document): received an array. Allowed: a JSON object (an access model). Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: grant with an unknown route":
    "[head/shop.access-model.json] /identities/0/grants/0/how/0: received a string. Allowed: one of data, extract, find, dynamic, push, chained. Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: an unknown fact kind added":
    "[head/shop.access-model.json] /roleBindings: received an array. Allowed: only the properties of the access model schema. Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: identity without trust":
    "[head/shop.access-model.json] /identities/0/trust: received undefined. Allowed: the property trust (required by the access model schema). Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: secret value smuggled into a grant":
    "[head/shop.access-model.json] /identities/0/grants/0/value: received a string. Allowed: only the properties of the access model schema. Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: actions a string":
    "[head/shop.access-model.json] /identities/0/grants/0/actions: received a string. Allowed: an array. Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access: diffAccessModels given a model instead of a record":
    "[diffAccessModels] base: received undefined. Allowed: a record of access models by name ({ \"\": model } for one model each). Fix: pass { \"\": buildAccessModel(declaration) } or the models readAccessModel() returns.",
  "access: diffAccessModels given an edited object":
    "[diffAccessModels/head] /kind: received a string. Allowed: \"AccessModel\". Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
};
