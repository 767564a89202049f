import { readFileSync } from 'fs';
import { join } from 'path';
import { checkEntryPeers, checkRootPeers, INSTALL_LINES, installCommand, installHint, loadOptionalPeer, OPTIONAL_PROVIDER_PEERS } from '../../lib/core/optional-peer';

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- x.js`), { code: 'MODULE_NOT_FOUND' });
}

/** A `require.resolve` that finds only `installed`. */
function resolveOnly(...installed: string[]): (id: string) => string {
  return (id) => {
    if (!installed.includes(id)) {
      throw notFound(id);
    }
    return `/project/node_modules/${id}/index.js`;
  };
}

const EVERY_PEER = ['constructs', 'cdk8s', 'cdk8s-plus-33', 'cdktf', ...Object.keys(OPTIONAL_PROVIDER_PEERS)];

describe('optional provider peers', () => {
  test('the ranges are the optional peers of package.json', () => {
    // GIVEN the manifest
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    // WHEN / THEN
    for (const [name, range] of Object.entries(OPTIONAL_PROVIDER_PEERS)) {
      expect([name, pkg.peerDependencies[name], pkg.peerDependenciesMeta[name]?.optional]).toEqual([name, range, true]);
    }
    expect(Object.keys(pkg.peerDependencies).filter((n) => n.startsWith('@cdktf/provider-')).sort()).toEqual(Object.keys(OPTIONAL_PROVIDER_PEERS).sort());
  });

  test('every install line is in the README, and every provider is in exactly one line of its own or in every cloud line', () => {
    // GIVEN the README
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    // WHEN / THEN
    for (const line of INSTALL_LINES) {
      expect(readme).toContain(installCommand(line));
    }
    expect(installHint('@cdktf/provider-google')).toBe(
      'the Google install line: npm install cdk-external-secrets constructs cdktf @cdktf/provider-google @cdktf/provider-helm');
    expect(installHint('@cdktf/provider-helm')).toBe('every cloud\'s install line has it: AWS, Azure, HashiCorp Vault, Google; '
      + 'for example npm install cdk-external-secrets constructs cdktf @cdktf/provider-aws @cdktf/provider-helm');
  });

  test('returns what the loader returns', () => {
    // GIVEN / WHEN / THEN
    expect(loadOptionalPeer('stack/Prod', '@cdktf/provider-aws', 'HelmConnection.fromEks', () => 42)).toBe(42);
  });

  test('a provider that is not installed fails with the install command and its install line', () => {
    // GIVEN a loader whose package is missing
    // WHEN / THEN
    expect(() => loadOptionalPeer('stack/Prod', '@cdktf/provider-azurerm', 'HelmConnection.fromAks', () => {
      throw notFound('@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster');
    })).toThrow('[stack/Prod] peerDependencies["@cdktf/provider-azurerm"]: received not installed. Allowed: @cdktf/provider-azurerm ^14.23.1 installed '
      + '(HelmConnection.fromAks uses it). Fix: npm install @cdktf/provider-azurerm (the Azure install line: '
      + 'npm install cdk-external-secrets constructs cdktf @cdktf/provider-azurerm @cdktf/provider-helm).');
  });

  test('other load failures propagate unchanged', () => {
    // GIVEN a provider whose own dependency is missing
    // WHEN / THEN
    expect(() => loadOptionalPeer('stack/Prod', '@cdktf/provider-aws', 'x', () => {
      throw notFound('cdktf');
    })).toThrow("Cannot find module 'cdktf'");
  });
});

describe('the package root\'s peers', () => {
  test('with every peer installed (any one cdk8s-plus line), the check passes', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkRootPeers(resolveOnly(...EVERY_PEER))).not.toThrow();
  });

  test('in a project built from the AWS install line, it names every missing peer and the entry points to import from', () => {
    // GIVEN the AWS install line's peers only
    // WHEN / THEN
    expect(() => checkRootPeers(resolveOnly('constructs', 'cdktf', '@cdktf/provider-aws', '@cdktf/provider-helm'))).toThrow(
      '[cdk-external-secrets] peerDependencies: received cdk8s, one of cdk8s-plus-28, cdk8s-plus-29, cdk8s-plus-30, cdk8s-plus-31, cdk8s-plus-32, '
      + 'cdk8s-plus-33, cdk8s-plus-34, @cdktf/provider-azurerm, @cdktf/provider-google, @cdktf/provider-vault not installed. '
      + 'Allowed: the package root with every peer installed (it re-exports every layer: cdk8s, cdktf and every provider). '
      + 'Fix: import from the entry point of your layer instead (cdk-external-secrets/core, /k8s, /platform/k8s, /platform, /aws, /azure, /gcp, /vault, '
      + '/helm, /validation, /migrate, /migrate/k8s, /zarf, /access), which loads only the peers of its install line; or install every peer.');
  });

  test('a resolution failure other than a missing package propagates', () => {
    // GIVEN a resolver that fails for another reason
    const broken = (): string => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    // WHEN / THEN
    expect(() => checkRootPeers(broken)).toThrow('EACCES: permission denied');
  });
});

describe('checkEntryPeers (the first import of each subpath entry point)', () => {
  test('with its peers installed, the entry loads', () => {
    expect(() => checkEntryPeers('cdk-external-secrets/aws', ['constructs', 'cdktf', '@cdktf/provider-aws'], resolveOnly('constructs', 'cdktf', '@cdktf/provider-aws'))).not.toThrow();
  });

  test('a missing provider names the install line that brings it', () => {
    // GIVEN an Azure project that imports the AWS entry point
    const azure = resolveOnly('constructs', 'cdktf', '@cdktf/provider-azurerm', '@cdktf/provider-helm');
    // WHEN / THEN
    expect(() => checkEntryPeers('cdk-external-secrets/aws', ['constructs', 'cdktf', '@cdktf/provider-aws'], azure)).toThrow(
      '[cdk-external-secrets/aws] peerDependencies: received @cdktf/provider-aws not installed. Allowed: cdk-external-secrets/aws with its peers installed: @cdktf/provider-aws. '
      + 'Fix: npm install @cdktf/provider-aws (the AWS install line: npm install cdk-external-secrets constructs cdktf @cdktf/provider-aws @cdktf/provider-helm).');
  });

  test('a cluster-only project importing a cdktf entry point is told every missing peer', () => {
    // GIVEN the cluster-side install line
    const cluster = resolveOnly('constructs', 'cdk8s', 'cdk8s-plus-33');
    // WHEN / THEN
    expect(() => checkEntryPeers('cdk-external-secrets/vault', ['constructs', 'cdktf', '@cdktf/provider-vault'], cluster)).toThrow(
      '[cdk-external-secrets/vault] peerDependencies: received cdktf, @cdktf/provider-vault not installed. Allowed: cdk-external-secrets/vault with its peers installed: cdktf, @cdktf/provider-vault. '
      + 'Fix: npm install cdktf @cdktf/provider-vault (the HashiCorp Vault install line: npm install cdk-external-secrets constructs cdktf @cdktf/provider-vault @cdktf/provider-helm).');
    expect(() => checkEntryPeers('cdk-external-secrets/k8s', ['constructs', 'cdk8s'], resolveOnly('constructs', 'cdktf'))).toThrow(
      'Fix: npm install cdk8s (the cluster side only install line: npm install cdk-external-secrets constructs cdk8s cdk8s-plus-33).');
  });
});
