import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The core's import structure: no import circle in lib/core (a module that imports itself back sees
 * half-initialised exports), the core engine-free, and backend and rule modules depending on the plan's
 * types and the declaration's view only, never on `declaration.ts` or `plan.ts` (which import them).
 */
const CORE = path.join(__dirname, '..', '..', 'lib', 'core');

interface Edge {
  readonly to: string;
  readonly specifier: string;
  /** `import type` (or every imported name marked `type`): erased at compile time. */
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

/** The imports and re-exports of a file (relative ones resolved to files, packages as their name). */
function edgesOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const edges: Edge[] = [];
  for (const statement of source.statements) {
    let specifier: string | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && named !== undefined && ts.isNamedImports(named)
        && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifier = statement.moduleSpecifier.text;
      typeOnly = statement.isTypeOnly;
    }
    if (specifier !== undefined) {
      const to = specifier.startsWith('.') ? resolveRelative(file, specifier) ?? specifier : specifier;
      edges.push({ to, specifier, typeOnly });
    }
  }
  return edges;
}

/** Every import circle (as a list of files, first repeated at the end), found by a depth-first search. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  [...graph.keys()].sort().forEach((node) => { if (!state.has(node)) visit(node); });
  return cycles;
}

const files = sourceFiles(CORE);
const edges = new Map(files.map((f) => [f, edgesOf(f)]));
const relative = (file: string) => path.relative(CORE, file).split(path.sep).join('/');

describe('findCycles', () => {
  test('GIVEN a graph with a circle WHEN searched THEN the circle is reported', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  test('GIVEN a graph without circle (a diamond) WHEN searched THEN nothing is reported', () => {
    const graph = new Map([['a', ['b', 'c']], ['b', ['d']], ['c', ['d']], ['d', []]]);
    expect(findCycles(graph)).toEqual([]);
  });
});

describe('lib/core import structure', () => {
  test('the files are found and their imports parsed', () => {
    expect(files.length).toBeGreaterThan(50);
    const plan = edges.get(path.join(CORE, 'declaration', 'plan.ts'))!;
    expect(plan.some((e) => relative(e.to) === 'declaration/backends/index.ts' && !e.typeOnly)).toBe(true);
    const rule = edges.get(path.join(CORE, 'invariants', 'rule.ts'))!;
    expect(rule.every((e) => e.typeOnly)).toBe(true);
  });

  test('no import circle among the imports that remain at run time (type-only imports are erased)', () => {
    const graph = new Map(files.map((f) => [f, edges.get(f)!.filter((e) => !e.typeOnly && e.specifier.startsWith('.')).map((e) => e.to)]));
    expect(findCycles(graph).map((c) => c.map(relative).join(' -> '))).toEqual([]);
  });

  test('backend, cluster-kind and rule modules import neither declaration.ts nor plan.ts, not even for types', () => {
    const forbidden = new Set(['declaration/declaration.ts', 'declaration/plan.ts']);
    const modules = files.filter((f) => /^(declaration\/(backends|cluster-kinds)\/|declaration\/(backend|derived-names|view|plan-types)\.ts$|invariants\/(rules\/|rule\.ts$))/.test(relative(f)));
    expect(modules.length).toBeGreaterThan(10);
    const offending = modules.flatMap((f) => edges.get(f)!.filter((e) => forbidden.has(relative(e.to))).map((e) => `${relative(f)} imports ${e.specifier}`));
    expect(offending).toEqual([]);
  });

  test('the core is engine-free: no import of cdk8s, cdktf, a provider or a file outside lib/core', () => {
    const outside = files.flatMap((f) => edges.get(f)!
      .filter((e) => e.specifier.startsWith('.') ? !e.to.startsWith(CORE + path.sep) : /^(cdk8s|cdktf|@cdktf\/)/.test(e.specifier))
      .map((e) => `${relative(f)} imports ${e.specifier}`));
    expect(outside).toEqual([]);
  });
});
