// Transpile-only TypeScript for the example apps (cdk8s.yaml, cdktf.json) and the bench: sucrase,
// keeping modern syntax (optional chaining, ??, class fields) native instead of helper calls, as the
// compiled library (target ES2022) has it.
require('sucrase/dist/register').addHook('.ts', { transforms: ['typescript', 'imports'], disableESTransforms: true });
