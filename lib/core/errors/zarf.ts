// Errors raised by lib/zarf (Zarf package builder).
import { configurationError, ConfigurationError } from './format';

/** A Zarf package, component or manifest name Zarf rejects. */
export function invalidZarfName(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'lowercase letters, digits and hyphens, starting with a letter or digit (Zarf\'s ^[a-z0-9][a-z0-9-]*$)',
    fix: 'use a name such as "external-secrets"',
  });
}

/** A package without a version. */
export function missingZarfVersion(path: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop: 'version', value,
    allowed: 'a non-empty package version (Zarf names the package archive after it)',
    fix: 'pass version, for example "1.0.0"',
  });
}

/** Helm values that still hold a Terraform token (a value only known at apply time). */
export function zarfValuesWithToken(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: '${TfToken[…]}',
    allowed: 'literal Helm values: a Zarf package is built before anything is applied, so values known only after terraform apply cannot be packaged',
    fix: 'derive the value from the declaration (names are deterministic), or pass it as a literal',
  });
}

/** Two charts, components or manifests of the same name. */
export function duplicateZarfName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'unique names (Zarf addresses charts, components and manifests by name)',
    fix: 'give the second one another name',
  });
}

/** A package with nothing to deploy. */
export function emptyZarfPackage(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'charts', value: [],
    allowed: 'at least one chart or manifest collection',
    fix: 'pass charts (ZarfHelmChart.externalSecrets / .reloader) or manifests',
  });
}

/** An image reference Zarf cannot pin. */
export function invalidZarfImage(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an image reference with a repository and a tag or digest (registry/repository:tag[@sha256:…])',
    fix: 'set image.repository and image.tag (or image.digest) in the chart values',
  });
}
