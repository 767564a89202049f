// API reference (`npm run docs`, part of `npm test`): TypeDoc over the package root (which re-exports
// every entry point), warnings as errors, written to docs/api/ (git-ignored).
const { OptionDefaults } = require('typedoc');

module.exports = {
  entryPoints: ['lib/index.ts'],
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  name: 'cdk-external-secrets',
  readme: 'README.md',
  treatWarningsAsErrors: true,
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
