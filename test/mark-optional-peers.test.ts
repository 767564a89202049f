import { readFileSync } from 'fs';
import { join } from 'path';
import { OPTIONAL_PEER_MARK, markOptionalPeerImports, optionalPeers } from '../lib/mark-optional-peers';

const PEERS = ['@cdktf/provider-aws', 'cdk8s', 'cdk8s-plus-28', 'cdktf'];

describe('markOptionalPeerImports (declaration files of the build)', () => {
  test('marks imports and re-exports of optional peers and deep paths into them, nothing else', () => {
    // GIVEN a declaration file importing peers, a required peer (constructs) and local modules
    const text = [
      "import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';",
      "import { Construct } from 'constructs';",
      "import { TerraformVariable } from 'cdktf';",
      "export { Chart } from 'cdk8s';",
      "import { cdk8sPlus } from 'cdk8s-plus-280';",
      "import { Duration } from '../core/duration';",
      'export declare const x: number;',
    ].join('\n');
    // WHEN
    const marked = markOptionalPeerImports(text, PEERS);
    // THEN
    expect(marked.split('\n')).toEqual([
      OPTIONAL_PEER_MARK,
      "import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';",
      "import { Construct } from 'constructs';",
      OPTIONAL_PEER_MARK,
      "import { TerraformVariable } from 'cdktf';",
      OPTIONAL_PEER_MARK,
      "export { Chart } from 'cdk8s';",
      "import { cdk8sPlus } from 'cdk8s-plus-280';",
      "import { Duration } from '../core/duration';",
      'export declare const x: number;',
    ]);
  });

  test('is idempotent: a second build step adds no second mark', () => {
    const once = markOptionalPeerImports("import { App } from 'cdktf';\n", PEERS);
    expect(markOptionalPeerImports(once, PEERS)).toBe(once);
  });

  test('the optional peers are those package.json marks optional: providers, engines and plus lines, not constructs', () => {
    // GIVEN the repository's package.json
    const peers = optionalPeers(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')));
    // THEN
    expect(peers).toEqual(expect.arrayContaining(['@cdktf/provider-aws', '@cdktf/provider-google', 'cdk8s', 'cdk8s-plus-28', 'cdk8s-plus-34', 'cdktf']));
    expect(peers).not.toContain('constructs');
    expect(optionalPeers({ peerDependenciesMeta: { a: { optional: false }, b: { optional: true } } })).toEqual(['b']);
    expect(optionalPeers({})).toEqual([]);
  });
});
