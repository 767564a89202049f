/**
 * Build step (not shipped): marks, in the emitted declaration files, every import of an optional peer
 * (a provider, cdktf, cdk8s, a cdk8s-plus line: `peerDependenciesMeta` in package.json) with
 * `// @ts-ignore`, so a project that installs only its own install line's peers type-checks without
 * `skipLibCheck`: the types of a peer it installs resolve as usual, those of a peer it does not
 * install (which its code cannot reach) do not fail the compilation.
 *
 *     node -r ./examples/register.js lib/mark-optional-peers.ts build/lib
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

/** The directive put before each import of an optional peer. */
export const OPTIONAL_PEER_MARK = '// @ts-ignore: optional peer, installed only by the install lines that use it';

/** The optional peers of the package: the names `peerDependenciesMeta` marks optional. */
export function optionalPeers(packageJson: { readonly peerDependenciesMeta?: Record<string, { readonly optional?: boolean }> }): string[] {
  return Object.entries(packageJson.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional === true).map(([name]) => name).sort();
}

/** `text` (a declaration file) with each import or re-export of one of `peers` (or a deep path into one) marked once. */
export function markOptionalPeerImports(text: string, peers: readonly string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const specifier = /^(?:import|export)\b.*\bfrom '([^']+)';$/.exec(line)?.[1];
    const isPeer = specifier !== undefined && peers.some((peer) => specifier === peer || specifier.startsWith(`${peer}/`));
    if (isPeer && lines[i - 1] !== OPTIONAL_PEER_MARK) {
      out.push(OPTIONAL_PEER_MARK);
    }
    out.push(line);
  });
  return out.join('\n');
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? declarationFiles(path) : entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  const peers = optionalPeers(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Parameters<typeof optionalPeers>[0]);
  let marked = 0;
  for (const file of declarationFiles(resolve(process.argv[2] ?? join(root, 'build', 'lib')))) {
    const text = readFileSync(file, 'utf8');
    const next = markOptionalPeerImports(text, peers);
    if (next !== text) {
      writeFileSync(file, next);
      marked += 1;
    }
  }
  process.stderr.write(`optional peer imports marked in ${marked} declaration files\n`);
}
