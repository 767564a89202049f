// Findings of lib/migrate (KES and ESO v1beta1 manifests to ESO v1). Each is a ConfigurationError
// whose path names the source object; the migration reports them instead of throwing.
import { cliArgument } from './cli';
import { configurationError, ConfigurationError, DescribedValue } from './format';

/** A YAML document that is not valid YAML. */
export function migrateYamlError(path: string, detail: string): ConfigurationError {
  return configurationError({
    path, prop: 'document', value: detail,
    allowed: 'YAML documents separated by ---',
    fix: 'fix the YAML syntax at the position given',
  });
}

/** A document that is not a Kubernetes object. */
export function migrateNotAnObject(path: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop: 'document', value: Array.isArray(value) ? 'a list' : value === null ? null : typeof value,
    allowed: 'a Kubernetes object with apiVersion, kind and metadata.name',
    fix: 'remove the document or give it apiVersion, kind and metadata.name',
  });
}

/** An ESO apiVersion the migration cannot read. */
export function migrateUnsupportedApiVersion(path: string, apiVersion: string): ConfigurationError {
  return configurationError({
    path, prop: 'apiVersion', value: apiVersion,
    allowed: 'kubernetes-client.io/v1 (KES) or external-secrets.io/v1beta1 / v1 (ESO)',
    fix: apiVersion === 'external-secrets.io/v1alpha1'
      ? 'v1alpha1 ExternalSecrets (dataFrom[].key) predate v1beta1: rewrite dataFrom entries as extract: { key } first'
      : 'convert the object by hand',
  });
}

/** A KES backend ESO v1 has no provider for. */
export function migrateBackendWithoutProvider(path: string, backendType: string, why: string): ConfigurationError {
  return configurationError({
    path, prop: 'spec.backendType', value: backendType,
    allowed: `a backend ESO v1 serves (${why})`,
    fix: 'move the secrets to a supported backend, or keep this ExternalSecret on a separate path until then',
  });
}

/** A KES backend that needs a setting KES read from its controller's environment. */
export function migrateMissingSetting(path: string, backendType: string, setting: string, option: string): ConfigurationError {
  return configurationError({
    path, prop: 'spec.backendType', value: backendType,
    allowed: `a known ${setting}: KES read it from its controller's environment, the ExternalSecret does not carry it`,
    fix: `pass ${option}`,
  });
}

/** A field the migration does not know. */
export function migrateUnknownField(path: string, field: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop: field, value,
    allowed: 'the fields of the kubernetes-client.io/v1 ExternalSecret CRD',
    fix: 'remove the field, or convert its meaning by hand',
  });
}

/** A field whose meaning has no ESO equivalent. */
export function migrateUnconvertible(path: string, field: string, value: unknown, why: string, fix: string): ConfigurationError {
  return configurationError({ path, prop: field, value, allowed: why, fix });
}

/** A KES lodash template ESO's Go templates cannot express. */
export function migrateLodashTemplate(path: string, field: string, value: string): ConfigurationError {
  return configurationError({
    path, prop: field, value,
    allowed: 'a lodash template the migration can translate to an ESO Go template: literal text and <%= data.KEY %> or <%= JSON.parse(data.KEY).a.b %> expressions',
    fix: 'write the ESO template by hand (Go text/template with Sprig, e.g. {{ .KEY | fromJson }})',
  });
}

/** A field of an ESO v1beta1 object that ESO v1 removed. */
export function migrateRemovedInV1(path: string, field: string): ConfigurationError {
  return configurationError({
    path, prop: field, value: '{…}',
    allowed: 'fields served by external-secrets.io/v1 (this provider was removed from ESO before v1)',
    fix: 'move the secrets to a provider ESO v1 serves and point the store at it',
  });
}

/** A field of an ESO v1beta1 object that ESO v1 requires and the object lacks. */
export function migrateRequiredInV1(path: string, field: string): ConfigurationError {
  return configurationError({
    path, prop: field, value: undefined,
    allowed: 'a value: external-secrets.io/v1 requires this field',
    fix: `set ${field} before migrating`,
  });
}

/** Two objects of the same kind, namespace and name (the later one replaces the earlier when applied). */
export function migrateDuplicateObject(path: string, firstSource: string): ConfigurationError {
  return configurationError({
    path, prop: 'metadata.name', value: firstSource,
    allowed: 'one object per kind, namespace and name (this one replaces the object of the same name when applied)',
    fix: 'rename one of them, or remove the one that is not wanted',
  });
}

/** A converted field the library's typed constructs cannot express (the object stays YAML-only). */
export function migrateNoTypedConstruct(path: string, field: string, detail: string): ConfigurationError {
  return configurationError({
    path, prop: field, value: detail,
    allowed: 'fields the library\'s typed constructs express',
    fix: 'apply this object from the YAML output; the TypeScript module leaves it out',
  });
}

/** A command-line argument the migrate command does not accept. */
export function migrateCliArgument(arg: string, value: unknown, allowed: string): ConfigurationError {
  return cliArgument('migrate', arg, value, allowed);
}

/** A construct plan that names something outside the library's whitelisted factories, members and constructs. */
export function migratePlanNotAllowed(path: string, detail: string): ConfigurationError {
  return configurationError({
    path, prop: 'plan', value: detail,
    allowed: 'a plan built by planConstructs(): the library\'s own constructs, static factories and enum members, variables declared by earlier statements',
    fix: 'pass the plan planConstructs() returns, unmodified',
  });
}

/** Generated TypeScript that does not parse back to the tokens the emitter wrote (an escaping bug: nothing is written). */
export function migrateGeneratedCodeMismatch(path: string, detail: string): ConfigurationError {
  return configurationError({
    path, prop: 'generated module', value: detail,
    allowed: 'generated TypeScript whose tokens parse back exactly as emitted (string literals holding the input, nothing else)',
    fix: 'report this as a bug of cdk-external-secrets with the input manifests; the module was not written',
  });
}

/**
 * A KES field that becomes a host, account, role, project or path of the migrated store and is not a
 * valid one for its backend (a crafted Key Vault name would send the controller's token to any host).
 */
export function migrateInvalidBackendValue(path: string, field: string, value: unknown, allowed: string): ConfigurationError {
  return configurationError({
    path, prop: field, value,
    allowed,
    fix: 'correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else)',
  });
}

/** A KES SSM path that covers the whole parameter store (`/` or empty): a find over every parameter. */
export function migrateWholeStoreFind(path: string, field: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop: field, value,
    allowed: 'a path below the root (e.g. /team-a/app/): a find over the whole store would read and be granted every parameter',
    fix: 'set path to the folder that holds this application\'s parameters, or list the parameters as data items',
  });
}

/** A literal value in a KES template: converting it would commit the value (possibly a secret) to Git. */
export function migrateLiteralTemplateValue(path: string, field: string): ConfigurationError {
  return configurationError({
    path, prop: field, value: new DescribedValue('a literal value'),
    allowed: 'template values that reference fetched data (<%= data.KEY %>): a literal ends up in the ExternalSecret in Git, and it may be a secret',
    fix: 'store the value in the backend and reference it through data, or add it to the generated Secret by hand after reviewing it; the migration left it out',
  });
}

/** A KES object without a namespace: the store's conditions cannot admit it. */
export function migrateNamespaceUnknown(path: string, option: string): ConfigurationError {
  return configurationError({
    path, prop: 'metadata.namespace', value: undefined,
    allowed: 'a namespace: the migrated ClusterSecretStore admits only the namespaces of the objects that use it',
    fix: `set metadata.namespace, or pass ${option} with the namespace the object is applied to`,
  });
}

/** A migration result whose issues were not produced by migrateManifests() (assertMigrationComplete cannot rethrow them). */
export function migrateForeignIssue(path: string, prop: string, message: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(`an issue not produced by migrateManifests() (${JSON.stringify(message.slice(0, 200))})`),
    allowed: 'the MigrationResult migrateManifests() returned',
    fix: 'pass the result of migrateManifests() unmodified',
  });
}
