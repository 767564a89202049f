// Expected messages of cases-report.ts (what a JavaScript caller passes to renderAccessReport): exact messages,
// reviewed one by one; none echoes a model's content.
export const REPORT_EXPECTED: Readonly<Record<string, string>> = {
  "access report: the declaration instead of its model":
    "[renderAccessReport] model: received an instance of SecretsDeclaration. Allowed: an access model: buildAccessModel(declaration), or readAccessModel(file, text) of a synth's <declaration>.access-model.json. Fix: pass the access model itself, not the declaration or a value derived from it.",
  "access report: the model's JSON text instead of the model":
    "[renderAccessReport] model: received a string. Allowed: an access model: buildAccessModel(declaration), or readAccessModel(file, text) of a synth's <declaration>.access-model.json. Fix: pass the access model itself, not the declaration or a value derived from it.",
  "access report: a model with a cycle":
    "[renderAccessReport] model: received an object. Allowed: an access model: buildAccessModel(declaration), or readAccessModel(file, text) of a synth's <declaration>.access-model.json. Fix: pass the access model itself, not the declaration or a value derived from it.",
  "access report: a base of a newer version":
    "[renderAccessReport options.base] apiVersion: received \"cdk-external-secrets.io/access-model/v2\". Allowed: cdk-external-secrets.io/access-model/v1 (the version this cdk-external-secrets reads). Fix: synthesize base and head with the same cdk-external-secrets version, one that writes this version.",
  "access report: a base with an extra property":
    "[renderAccessReport options.base] /values: received an object. Allowed: only the properties of the access model schema. Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.",
  "access report: the base as the second argument":
    "[renderAccessReport] options: received an object with \"apiVersion\", \"kind\", \"declaration\", \"clusters\" and 6 more keys. Allowed: an object ({ base?: AccessModel }) or nothing. Fix: pass { base: baseModel } to compare with a base, or leave the options out.",
  "access report: options null":
    "[renderAccessReport] options: received null. Allowed: an object ({ base?: AccessModel }) or nothing. Fix: pass { base: baseModel } to compare with a base, or leave the options out.",
};
