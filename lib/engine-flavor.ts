/**
 * Build step (not shipped): the CDK Terrain (cdktn) flavor of the cloud side, from the same compiled
 * source. HashiCorp archived CDKTF; its community continuation, CDK Terrain, renamed the engine's
 * packages (`cdktf` → `cdktn`, `@cdktf/provider-X` → `@cdktn/provider-X`) and its internal symbols, so a
 * library compiled against one engine does not work with the other at run time.
 *
 * This is the one seam between the two: every module of `build/lib` that loads the engine (directly
 * or through another module) is written again under `build/cdktn/lib` with its engine and provider
 * specifiers mapped ({@link ENGINE_SPECIFIERS}) and its relative imports of engine-free modules (the
 * core, the cdk8s side, the validator) pointing back at the shared `build/lib` copy, so both flavors
 * share one declaration, one set of errors and one cluster side. Nothing else changes: the source is
 * compiled once, against cdktf.
 *
 *     node -r ./examples/register.js lib/engine-flavor.ts build/lib build/cdktn/lib
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/** The engine and provider package names of the cdktf flavor and their cdktn counterparts. */
export const ENGINE_SPECIFIERS: Readonly<Record<string, string>> = {
  'cdktf': 'cdktn',
  '@cdktf/provider-aws': '@cdktn/provider-aws',
  '@cdktf/provider-azurerm': '@cdktn/provider-azurerm',
  '@cdktf/provider-google': '@cdktn/provider-google',
  '@cdktf/provider-helm': '@cdktn/provider-helm',
  '@cdktf/provider-vault': '@cdktn/provider-vault',
};

/** The package; its entry points with a cdktn flavor are `cdk-external-secrets/cdktn/<entry>`. */
const PACKAGE = 'cdk-external-secrets';
/** The entry points of the cloud side, which have a cdktn flavor. */
export const FLAVORED_ENTRIES: readonly string[] = ['aws', 'azure', 'gcp', 'vault', 'helm', 'platform'];

/** The cdktn name of a module specifier (a package, or a deep path into one); undefined for other specifiers. */
export function mapEngineSpecifier(specifier: string): string | undefined {
  for (const [from, to] of Object.entries(ENGINE_SPECIFIERS)) {
    if (specifier === from || specifier.startsWith(`${from}/`)) {
      return to + specifier.slice(from.length);
    }
  }
  return undefined;
}

/** Matches a quoted module specifier in emitted JavaScript (`require("x")`) or declarations (`from 'x'`, `import("x")`). */
const SPECIFIER = /(require\(|from |import\()(["'])([^"']+)\2/g;
/** Matches a string literal naming an engine package or an entry point (the peer checks' arguments). */
const PACKAGE_LITERAL = new RegExp(`(["'])((?:cdktf|@cdktf/provider-[a-z]+)(?:/[^"']*)?|${PACKAGE}/(?:${FLAVORED_ENTRIES.join('|')}))\\1`, 'g');

/** The specifiers a compiled module (or declaration file) imports. */
export function specifiersOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[3]);
}

/**
 * The modules that load an engine: those importing an engine or provider package, and those importing
 * such a module, to the fixpoint. `modules` maps each module (path without extension, relative to the
 * build root, `/`-separated) to the specifiers it imports.
 */
export function engineModules(modules: ReadonlyMap<string, readonly string[]>): Set<string> {
  // The peer checks of the flavored entries name the engine's packages: each flavor checks its own.
  const engine = new Set<string>(FLAVORED_ENTRIES.map((entry) => `${entry}/peers`).filter((m) => modules.has(m)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const [module, specifiers] of modules) {
      if (engine.has(module)) {
        continue;
      }
      const loadsEngine = specifiers.some((s) => mapEngineSpecifier(s) !== undefined || (s.startsWith('.') && isEngine(engine, module, s)));
      if (loadsEngine) {
        engine.add(module);
        changed = true;
      }
    }
  }
  return engine;
}

/** Whether the relative `specifier` of `module` names an engine module (a file, or a folder's index). */
function isEngine(engine: ReadonlySet<string>, module: string, specifier: string): boolean {
  const target = join(dirname(module), specifier).split('\\').join('/');
  return engine.has(target) || engine.has(`${target}/index`);
}

/**
 * The cdktn text of one engine module: engine and provider specifiers mapped, relative specifiers of
 * engine-free modules pointing at the shared tree, engine packages and entry points named in string
 * literals (the peer checks) mapped too.
 *
 * @param text the module's JavaScript or declaration text
 * @param module the module (relative to the build root, no extension)
 * @param engine every engine module
 * @param sharedFromFlavor the shared build root, relative to the flavor root (`../../lib`)
 */
export function flavorText(text: string, module: string, engine: ReadonlySet<string>, sharedFromFlavor: string): string {
  const mapped = text.replace(SPECIFIER, (whole, prefix: string, quote: string, specifier: string) => {
    const engineName = mapEngineSpecifier(specifier);
    if (engineName !== undefined) {
      return `${prefix}${quote}${engineName}${quote}`;
    }
    if (!specifier.startsWith('.')) {
      return whole;
    }
    if (isEngine(engine, module, specifier)) {
      return whole;
    }
    const target = join(dirname(module), specifier).split('\\').join('/');
    // An engine-free module: the flavor shares the cdktf flavor's copy (one declaration, one set of classes).
    let shared = relative(dirname(module), join(sharedFromFlavor, target)).split('\\').join('/');
    shared = shared.startsWith('.') ? shared : `./${shared}`;
    return `${prefix}${quote}${shared}${quote}`;
  });
  return mapped.replace(PACKAGE_LITERAL, (_whole, quote: string, name: string) => {
    if (name.startsWith(`${PACKAGE}/`)) {
      return `${quote}${PACKAGE}/cdktn/${name.slice(PACKAGE.length + 1)}${quote}`;
    }
    return `${quote}${mapEngineSpecifier(name) ?? name}${quote}`;
  });
}

/** The engine modules the flavored entries load (the package root, say, has no cdktn flavor). */
export function reachable(modules: ReadonlyMap<string, readonly string[]>, engine: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (module: string) => {
    if (seen.has(module) || !engine.has(module)) {
      return;
    }
    seen.add(module);
    for (const specifier of modules.get(module) ?? []) {
      if (specifier.startsWith('.')) {
        const target = join(dirname(module), specifier).split('\\').join('/');
        visit(engine.has(target) ? target : `${target}/index`);
      }
    }
  };
  FLAVORED_ENTRIES.forEach((entry) => visit(`${entry}/index`));
  return seen;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes the cdktn flavor of every engine module of `buildRoot` under `flavorRoot`; returns the modules written. */
export function writeFlavor(buildRoot: string, flavorRoot: string): string[] {
  const sources = filesUnder(buildRoot).filter((f) => f.endsWith('.js'));
  const modules = new Map(sources.map((file) => [
    relative(buildRoot, file).split('\\').join('/').replace(/\.js$/, ''), specifiersOf(readFileSync(file, 'utf8')),
  ]));
  const engine = reachable(modules, engineModules(modules));
  const sharedFromFlavor = relative(flavorRoot, buildRoot).split('\\').join('/');
  for (const module of engine) {
    for (const extension of ['.js', '.d.ts']) {
      const from = join(buildRoot, `${module}${extension}`);
      const text = readFileSync(from, 'utf8');
      const to = join(flavorRoot, `${module}${extension}`);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, flavorText(text, module, engine, sharedFromFlavor));
    }
  }
  return [...engine].sort();
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  const buildRoot = resolve(process.argv[2] ?? join(root, 'build', 'lib'));
  const flavorRoot = resolve(process.argv[3] ?? join(root, 'build', 'cdktn', 'lib'));
  const written = writeFlavor(buildRoot, flavorRoot);
  process.stderr.write(`cdktn flavor: ${written.length} engine modules written to ${relative(root, flavorRoot)}\n`);
}
