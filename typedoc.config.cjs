// API reference (`npm run docs`, part of `npm test`): TypeDoc over every subpath entry point of
// package.json `exports`, one module each, named by its import path (`@module cdk-external-secrets/core`
// in the entry's index), so each symbol shows where to import it from. The package root re-exports
// them all and is left out (it would list every symbol twice). Warnings as errors, written to
// docs/api/ (git-ignored).
const { OptionDefaults } = require('typedoc');
const { exports: entryPoints } = require('./package.json');

module.exports = {
  entryPoints: Object.entries(entryPoints)
    .filter(([subpath, target]) => subpath !== '.' && typeof target === 'object')
    .map(([, target]) => target.default.replace(/^\.\/build\//, '').replace(/\.js$/, '.ts')),
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  name: 'cdk-external-secrets',
  readme: 'README.md',
  treatWarningsAsErrors: true,
  // No source links: the package has no repository URL to link to, and asking git for a remote
  // fails the build (warnings are errors) in a checkout without one.
  disableSources: true,
  // `@schema` is the tag `cdk8s import` writes on the generated ESO bindings (lib/k8s/imports).
  blockTags: [...OptionDefaults.blockTags, '@schema'],
  // Symbols of the engines link to their own references.
  externalSymbolLinkMappings: {
    cdktf: { '*': 'https://developer.hashicorp.com/terraform/cdktf/api-reference/typescript' },
    cdk8s: { '*': 'https://cdk8s.io/docs/latest/reference/cdk8s/typescript/' },
    'cdk8s-plus-28': { '*': 'https://cdk8s.io/docs/latest/reference/cdk8s-plus-28/typescript/' },
    constructs: { '*': 'https://github.com/aws/constructs' },
  },
  // The generated ESO bindings (base classes of the L2 constructs) are documented by their CRDs, not
  // here; the other two are internal shapes referenced from public signatures.
  intentionallyNotExported: [
    'lib/k8s/imports/external-secrets.io.ts:ClusterExternalSecret',
    'lib/k8s/imports/external-secrets.io.ts:ClusterSecretStore',
    'lib/k8s/imports/external-secrets.io.ts:ExternalSecret',
    'lib/k8s/imports/external-secrets.io.ts:ExternalSecretProps',
    'lib/k8s/imports/external-secrets.io.ts:PushSecret',
    'lib/k8s/imports/external-secrets.io.ts:SecretStore',
    'lib/k8s/imports/generators.external-secrets.io.ts:Password',
    'lib/k8s/imports/generators.external-secrets.io.ts:VaultDynamicSecret',
    'lib/vault/private/auth-role.ts:RenderedTokenSettings',
    'lib/core/declaration/members.ts:DeclarationMembers',
    'lib/core/declaration/derived-names.ts:DerivedNameContext',
    'lib/platform/backends/google-cloud.ts:GooglePlatformIdentity',
  ],
  excludePrivate: true,
  excludeInternal: true,
  logLevel: 'Warn',
};
