import { checkManifests, parseYamlDocuments } from '../../lib/validation';
import { servedSchema } from '../../lib/validation/schema-defaults';
import { ACCEPTED, REJECTED } from './eso-snippets/snippets';

/** The exact messages for each rejected snippet (reviewed one by one against its upstream text). */
const REJECTIONS: Readonly<Record<string, readonly string[]>> = {
  "docs/snippets/getallsecrets-find-by-tags.yaml": [
    "[ExternalSecret find-by-tags] apiVersion: received \"external-secrets.io/v1beta1\". Allowed: a served version: \"external-secrets.io/v1\". Fix: emit \"external-secrets.io/v1\".",
  ],
  "docs/snippets/passworddepot-secret-store.yaml": [
    "[ClusterSecretStore external-secrets-store] apiVersion: received \"external-secrets.io/v1alpha1\". Allowed: a served version: \"external-secrets.io/v1\". Fix: emit \"external-secrets.io/v1\".",
  ],
  "docs/snippets/template-v2-push-secret.yaml": [
    "[PushSecret template] apiVersion: received \"external-secrets.io/v1beta1\". Allowed: a served version: \"external-secrets.io/v1alpha1\". Fix: emit \"external-secrets.io/v1alpha1\".",
  ],
  "docs/snippets/multiline-template-v1-external-secret.yaml": [
    "[ExternalSecret template] spec.target.engineVersion: received a string. Allowed: the fields the schema declares here: \"creationPolicy\", \"deletionPolicy\", \"immutable\", \"manifest\", \"name\", \"template\". Fix: remove it (the API server would drop an unknown field silently).",
  ],
  "docs/snippets/oracle-instance-principal.yaml": [
    "[SecretStore my-secret-store] spec.provider.oracle.region: received undefined. Allowed: a value: the schema requires this field. Fix: set it.",
    "[SecretStore my-secret-store] spec.provider.oracle.vault: received undefined. Allowed: a value: the schema requires this field. Fix: set it.",
  ],
  "docs/snippets/github-secret-store.yaml": [
    "[SecretStore github] spec.provider.github.appID: received a string. Allowed: an integer. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore github] spec.provider.github.installationID: received a string. Allowed: an integer. Fix: change the value to one the schema of the served version accepts.",
  ],
  "docs/snippets/gcpsm-sa-secret-store.yaml": [
    "[SecretStore demo/demo-store] spec.provider.gcpsm.projectID: received an array. Allowed: a string. Fix: change the value to one the schema of the served version accepts.",
  ],
  "docs/snippets/ngrok-push-secret.yaml": [
    "[PushSecret ngrok-push-secret-example] spec.selector.secret.name: received a string. Allowed: a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$. Fix: change the value to one the schema of the served version accepts.",
  ],
  "docs/snippets/generator-gcr.yaml": [
    "[GCRAccessToken gcr-gen] spec.auth.secretRef.secretAccessKeySecretRef.key: received a string. Allowed: a string of at least 1 character. Fix: change the value to one the schema of the served version accepts.",
    "[GCRAccessToken gcr-gen] spec.auth.secretRef.secretAccessKeySecretRef.key: received a string. Allowed: a string matching ^[-._a-zA-Z0-9]+$. Fix: change the value to one the schema of the served version accepts.",
    "[GCRAccessToken gcr-gen] spec.auth.secretRef.secretAccessKeySecretRef.name: received a string. Allowed: a string of at least 1 character. Fix: change the value to one the schema of the served version accepts.",
    "[GCRAccessToken gcr-gen] spec.auth.secretRef.secretAccessKeySecretRef.name: received a string. Allowed: a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$. Fix: change the value to one the schema of the served version accepts.",
    "[GCRAccessToken gcr-gen] spec.auth.workloadIdentity.serviceAccountRef.name: received a string. Allowed: a string of at least 1 character. Fix: change the value to one the schema of the served version accepts.",
    "[GCRAccessToken gcr-gen] spec.auth.workloadIdentity.serviceAccountRef.name: received a string. Allowed: a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$. Fix: change the value to one the schema of the served version accepts.",
  ],
  "docs/snippets/onboardbase-generic-secret-store.yaml": [
    "[SecretStore onboardbase-external-secret-store] spec.provider.onboardbase.auth.apiKeyRef: received undefined. Allowed: a value: the schema requires this field. Fix: set it.",
    "[SecretStore onboardbase-external-secret-store] spec.provider.onboardbase.auth.passcodeRef: received undefined. Allowed: a value: the schema requires this field. Fix: set it.",
    "[SecretStore onboardbase-external-secret-store] spec.provider.onboardbase.auth.apiKey: received an object. Allowed: the fields the schema declares here: \"apiKeyRef\", \"passcodeRef\". Fix: rename it to \"apiKeyRef\" (the API server would drop an unknown field silently).",
    "[SecretStore onboardbase-external-secret-store] spec.provider.onboardbase.auth.passcode: received an object. Allowed: the fields the schema declares here: \"apiKeyRef\", \"passcodeRef\". Fix: rename it to \"passcodeRef\" (the API server would drop an unknown field silently).",
  ],
  "docs/snippets/vault-mtls-store.yaml": [
    "[SecretStore example/vault-backend] spec.provider.vault.auth: received a string. Allowed: an object. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore example/vault-backend] spec.provider.vault.caBundle: received a string. Allowed: base64-encoded bytes. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore example/vault-backend] spec.provider.vault.tls.clientCert: received an object. Allowed: the fields the schema declares here: \"certSecretRef\", \"keySecretRef\". Fix: remove it (the API server would drop an unknown field silently).",
    "[SecretStore example/vault-backend] spec.provider.vault.tls.secretRef: received an object. Allowed: the fields the schema declares here: \"certSecretRef\", \"keySecretRef\". Fix: rename it to \"keySecretRef\" (the API server would drop an unknown field silently).",
  ],
  "docs/snippets/full-secret-store.yaml": [
    "[SecretStore example-ns/example] spec.provider: received an object. Allowed: an object with at most 1 field. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore example-ns/example] spec.provider.vault.auth.cert.clientCert.namespace: received a string. Allowed: a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore example-ns/example] spec.provider.vault.auth.cert.secretRef.namespace: received a string. Allowed: a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore example-ns/example] spec.provider.vault.caBundle: received a string. Allowed: base64-encoded bytes. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore example-ns/example] spec.provider.vault.tls.certSecretRef.namespace: received a string. Allowed: a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$. Fix: change the value to one the schema of the served version accepts.",
    "[SecretStore example-ns/example] spec.provider.vault.tls.keySecretRef.namespace: received a string. Allowed: a string matching ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$. Fix: change the value to one the schema of the served version accepts.",
  ],
  "docs/snippets/full-external-secret.yaml": [
    "[full-external-secret.yaml#0] document: received YAML that does not parse (DUPLICATE_KEY at line 123, column 3). Allowed: YAML documents separated by ---, as kubectl reads them. Fix: fix the YAML syntax at the position given.",
  ],
  "docs/snippets/filtercertchain-template-v2-external-secret.yaml": [
    "[filtercertchain-template-v2-external-secret.yaml#0] document: received YAML that does not parse (UNEXPECTED_TOKEN at line 13, column 44). Allowed: YAML documents separated by ---, as kubectl reads them. Fix: fix the YAML syntax at the position given.",
  ],
};

function problems(yaml: string, source: string): string[] {
  const docs = parseYamlDocuments(yaml, source);
  return [
    ...docs.flatMap((d) => d.error !== undefined ? [d.error.message] : []),
    ...checkManifests(docs.filter((d) => d.error === undefined).map((d) => d.value)).map((p) => p.message),
  ];
}

describe('ESO documentation snippets at v2.9.0', () => {
  test('the corpus has accepted and rejected snippets, every rejection with its messages', () => {
    expect(ACCEPTED.length).toBe(31);
    expect(REJECTED.length).toBe(14);
    expect(Object.keys(REJECTIONS).sort()).toEqual(REJECTED.map((s) => s.file).sort());
  });

  test('ESO\'s Password examples without allowRepeat are accepted because the CRD default applies before the required check', () => {
    // GIVEN the upstream example, whose spec omits allowRepeat, a required field with a schema default
    const example = ACCEPTED.find((s) => s.file.endsWith('generator-password-example.yaml'))!;
    expect(example.yaml).not.toContain('allowRepeat');
    // WHEN checked THEN accepted; without the field's default the same object is missing a required field
    expect(problems(example.yaml, 'password')).toEqual([]);
    const spec = (servedSchema('generators.external-secrets.io/v1alpha1', 'Password')!.properties!.spec) as { required?: string[]; properties: Record<string, { default?: unknown }> };
    expect(spec.required).toContain('allowRepeat');
    expect(spec.properties.allowRepeat.default).toBe(false);
  });

  test.each(ACCEPTED.map((s) => [s.file, s.yaml]))('%s is accepted', (file, yaml) => {
    // GIVEN an upstream snippet / WHEN parsed and checked / THEN no problem
    const docs = parseYamlDocuments(yaml, file);
    expect(docs.length).toBeGreaterThan(0);
    expect(problems(yaml, file)).toEqual([]);
  });

  test.each(REJECTED.map((s) => [s.file, s.reason, s.yaml]))('%s is rejected: %s', (file, _reason, yaml) => {
    // GIVEN an upstream snippet with a known defect / WHEN checked / THEN exactly the messages for that defect
    expect(problems(yaml, file.replace('docs/snippets/', ''))).toEqual(REJECTIONS[file]);
  });
});
