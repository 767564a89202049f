import { invalidString, migrateGeneratedCodeMismatch, migratePlanNotAllowed } from '../core/errors';
import { assertProps, assertType } from '../core/validation';
import { ConstructPlan, PLAN_SYMBOLS, planViolation, PlanExpression } from './construct-plan';

/** Options of {@link renderTypeScript}. */
export interface TypeScriptModuleOptions {
  /**
   * The package (or path) whose subpath entry points the generated code imports: `<importFrom>/k8s`
   * for the constructs, `<importFrom>/core` for `Duration`. Never the package root, which loads every
   * provider.
   * @default "cdk-external-secrets"
   */
  readonly importFrom?: string;
  /**
   * Name of the generated Chart class.
   * @default "MigratedSecretsChart"
   */
  readonly className?: string;
}

/**
 * Checks the package the generated module imports from (a name or path, printable, no trailing `/`).
 * @internal
 */
export function checkImportFrom(path: string, prop: string, value: string | undefined): void {
  if (value !== undefined && (!/^[\x21-\x7e]+$/.test(value) || value.endsWith('/'))) {
    throw invalidString(path, prop, value,
      'a package name or path without spaces, control characters or a trailing "/" (the generated code imports its /k8s and /core entry points)',
      'pass a name such as "cdk-external-secrets"');
  }
}

/**
 * One token of the generated module: what the emitter means to write, compared after parsing back.
 * @internal
 */
export interface Token {
  readonly kind: 'identifier' | 'string' | 'number' | 'punctuation';
  readonly value: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const PUNCTUATION = '{}()[],;:.=-';

/**
 * A TypeScript single-quoted string literal of any text: backslash, quote and every character outside
 * printable ASCII (line terminators, U+2028/2029, control characters, lone surrogates) as escapes, so
 * the literal holds exactly the input and nothing in it is code.
 * @internal
 */
export function stringLiteral(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x27) out += "\\'";
    else if (c === 0x0a) out += '\\n';
    else if (c >= 0x20 && c < 0x7f) out += text[i];
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}'`;
}

/** Writes the module and records the tokens it meant to write. */
class Emitter {
  public text = '';
  public readonly tokens: Token[] = [];

  /** A name from the emitter's own whitelist (keywords, library symbols, checked variables). */
  public id(name: string): this {
    if (!IDENTIFIER.test(name)) throw new Error(`emitter: ${JSON.stringify(name)} is not an identifier`);
    return this.token({ kind: 'identifier', value: name }, name);
  }

  public str(value: string): this {
    return this.token({ kind: 'string', value }, stringLiteral(value));
  }

  public num(value: number): this {
    if (value < 0) this.p('-');
    const text = String(Math.abs(value));
    return this.token({ kind: 'number', value: text }, text);
  }

  /** One or more punctuation characters, each its own token. */
  public p(chars: string): this {
    for (const c of chars) {
      if (!PUNCTUATION.includes(c)) throw new Error(`emitter: ${JSON.stringify(c)} is not punctuation`);
      this.token({ kind: 'punctuation', value: c }, c);
    }
    return this;
  }

  /** Spaces and line breaks only. */
  public ws(space: string): this {
    if (!/^[ \n]*$/.test(space)) throw new Error('emitter: whitespace expected');
    this.text += space;
    return this;
  }

  /** A fixed comment line (never input). */
  public comment(text: string): this {
    if (/[\n\r\u2028\u2029]/.test(text)) throw new Error('emitter: one-line comment expected');
    this.text += `// ${text}\n`;
    return this;
  }

  private token(token: Token, text: string): this {
    this.tokens.push(token);
    this.text += text;
    return this;
  }
}

/**
 * Reads the generated module back: the exact token set the emitter writes (identifiers, single-quoted
 * strings with the escapes {@link stringLiteral} uses, decimal numbers, punctuation, `//` comments).
 * Anything else is a mismatch (returned as a description).
 * @internal
 */
export function tokenize(source: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\n') {
      i++;
    } else if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end + 1;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        const d = source[i];
        if (d === undefined || d === '\n') return `unterminated string at offset ${i}`;
        if (d === "'") break;
        if (d === '\\') {
          const e = source[i + 1];
          if (e === '\\' || e === "'") {
            value += e;
            i += 2;
          } else if (e === 'n') {
            value += '\n';
            i += 2;
          } else if (e === 'u' && /^[0-9a-f]{4}$/.test(source.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
            i += 6;
          } else {
            return `unexpected escape at offset ${i}`;
          }
        } else {
          const code = d.charCodeAt(0);
          if (code < 0x20 || code >= 0x7f) return `unescaped character U+${code.toString(16).padStart(4, '0')} in a string at offset ${i}`;
          value += d;
          i++;
        }
      }
      i++;
      tokens.push({ kind: 'string', value });
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'identifier', value: m });
      i += m.length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?/.exec(source.slice(i))![0];
      tokens.push({ kind: 'number', value: m });
      i += m.length;
    } else if (PUNCTUATION.includes(c)) {
      tokens.push({ kind: 'punctuation', value: c });
      i++;
    } else {
      return `unexpected character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} at offset ${i}`;
    }
  }
  return tokens;
}

/**
 * Throws unless the module text parses back to exactly the tokens the emitter meant to write.
 * @internal
 */
export function verifyModule(text: string, tokens: readonly Token[]): void {
  const parsed = tokenize(text);
  if (typeof parsed === 'string') {
    throw migrateGeneratedCodeMismatch('renderTypeScript', parsed);
  }
  const n = Math.max(parsed.length, tokens.length);
  for (let i = 0; i < n; i++) {
    const a = parsed[i];
    const b = tokens[i];
    if (a === undefined || b === undefined || a.kind !== b.kind || a.value !== b.value) {
      throw migrateGeneratedCodeMismatch('renderTypeScript', `token ${i} differs from what was emitted`);
    }
  }
}

function collect(expr: PlanExpression, names: Set<string>, variables: Set<string>): void {
  switch (expr.kind) {
    case 'call':
      names.add(expr.callee.split('.')[0]);
      expr.args.forEach((a) => collect(a, names, variables));
      break;
    case 'member':
      names.add(expr.target.split('.')[0]);
      break;
    case 'object':
      expr.entries.forEach(([, v]) => collect(v, names, variables));
      break;
    case 'array':
      expr.items.forEach((i) => collect(i, names, variables));
      break;
    case 'variable':
      variables.add(expr.name);
      break;
    default:
      break;
  }
}

/** `A.b.c` as identifier and `.` tokens. */
function dotted(out: Emitter, path: string): void {
  path.split('.').forEach((part, i) => {
    if (i > 0) out.p('.');
    out.id(part);
  });
}

function emitKey(out: Emitter, key: string): void {
  if (IDENTIFIER.test(key) && key !== '__proto__') {
    out.id(key);
  } else if (key === '__proto__') {
    // A quoted `__proto__` key would set the prototype; a computed key defines the property.
    out.p('[').str(key).p(']');
  } else {
    out.str(key);
  }
}

function emit(out: Emitter, expr: PlanExpression, indent: string): void {
  const inner = `${indent}  `;
  switch (expr.kind) {
    case 'literal':
      if (typeof expr.value === 'string') out.str(expr.value);
      else if (typeof expr.value === 'number') out.num(expr.value);
      else out.id(expr.value ? 'true' : 'false');
      return;
    case 'member':
      dotted(out, expr.target);
      return;
    case 'scope':
      out.id('this');
      return;
    case 'variable':
      out.id(expr.name);
      return;
    case 'call':
      dotted(out, expr.callee);
      out.p('(');
      expr.args.forEach((a, i) => {
        if (i > 0) out.p(',').ws(' ');
        emit(out, a, indent);
      });
      out.p(')');
      return;
    case 'array':
      out.p('[');
      if (expr.items.length > 0) {
        out.ws('\n');
        for (const item of expr.items) {
          out.ws(inner);
          emit(out, item, inner);
          out.p(',').ws('\n');
        }
        out.ws(indent);
      }
      out.p(']');
      return;
    case 'object':
      out.p('{');
      if (expr.entries.length > 0) {
        out.ws('\n');
        for (const [k, v] of expr.entries) {
          out.ws(inner);
          emitKey(out, k);
          out.p(':').ws(' ');
          emit(out, v, inner);
          out.p(',').ws('\n');
        }
        out.ws(indent);
      }
      out.p('}');
      return;
  }
}

function emitImport(out: Emitter, names: readonly string[], from: string, multiline: boolean): void {
  out.id('import').ws(' ').p('{').ws(multiline ? '\n' : ' ');
  names.forEach((n, i) => {
    if (multiline) out.ws('  ').id(n).p(',').ws('\n');
    else out.id(n).p(i < names.length - 1 ? ',' : '').ws(' ');
  });
  out.p('}').ws(' ').id('from').ws(' ').str(from).p(';').ws('\n');
}

/**
 * Prints a construct plan as a TypeScript module: one cdk8s Chart class that creates the library's
 * typed constructs, imported from the subpath entry points (`cdk-external-secrets/k8s`, `/core`).
 * Engine-free. The module comes from a token emitter, never from text concatenation: every input
 * value is a string literal (escaped so it holds exactly the input), every name comes from the plan
 * whitelist, and the text is parsed back and compared token by token before it is returned.
 */
export function renderTypeScript(plan: ConstructPlan, options: TypeScriptModuleOptions = {}): string {
  assertType('renderTypeScript', 'plan', plan, { shape: { statements: 'array' }, name: 'a ConstructPlan (from planConstructs())' });
  assertProps('renderTypeScript', options, 'TypeScriptModuleOptions', { 'importFrom?': 'nonEmptyString', 'className?': 'string' });
  if (options.className !== undefined && !/^[A-Z][A-Za-z0-9_]*$/.test(options.className)) {
    throw invalidString('renderTypeScript', 'options.className', options.className,
      'a TypeScript class name in PascalCase (a letter first, then letters, digits and "_")', 'pass a name such as "MigratedSecretsChart"');
  }
  checkImportFrom('renderTypeScript', 'options.importFrom', options.importFrom);
  const violation = planViolation(plan);
  if (violation !== undefined) {
    throw migratePlanNotAllowed('renderTypeScript', violation);
  }
  const names = new Set<string>();
  const referenced = new Set<string>();
  for (const s of plan.statements) {
    names.add(s.construct);
    collect(s.props, names, referenced);
  }
  const base = options.importFrom ?? 'cdk-external-secrets';
  const byEntry = (entry: 'core' | 'k8s') => [...names].filter((n) => PLAN_SYMBOLS[n] === entry).sort();
  const out = new Emitter();
  out.comment('Generated by cdk-external-secrets migrate --typescript: the migrated objects as typed constructs.');
  out.comment('Objects the typed API cannot express are listed in the migration report and stay YAML-only.');
  emitImport(out, ['Chart', 'ChartProps'], 'cdk8s', false);
  emitImport(out, ['Construct'], 'constructs', false);
  const core = byEntry('core');
  if (core.length > 0) emitImport(out, core, `${base}/core`, false);
  const k8s = byEntry('k8s');
  if (k8s.length > 0) emitImport(out, k8s, `${base}/k8s`, true);
  out.ws('\n').comment('The migrated ESO objects.');
  out.id('export').ws(' ').id('class').ws(' ').id(options.className ?? 'MigratedSecretsChart').ws(' ').id('extends').ws(' ').id('Chart').ws(' ').p('{').ws('\n');
  out.ws('  ').id('constructor').p('(').id('scope').p(':').ws(' ').id('Construct').p(',').ws(' ').id('id').p(':').ws(' ').id('string').p(',').ws(' ')
    .id('props').p(':').ws(' ').id('ChartProps').ws(' ').p('=').ws(' ').p('{}').p(')').ws(' ').p('{').ws('\n');
  out.ws('    ').id('super').p('(').id('scope').p(',').ws(' ').id('id').p(',').ws(' ').id('props').p(')').p(';').ws('\n');
  for (const s of plan.statements) {
    out.ws('    ');
    if (referenced.has(s.variable)) out.id('const').ws(' ').id(s.variable).ws(' ').p('=').ws(' ');
    out.id('new').ws(' ').id(s.construct).p('(').id('this').p(',').ws(' ').str(s.id).p(',').ws(' ');
    emit(out, s.props, '    ');
    out.p(')').p(';').ws('\n');
  }
  out.ws('  ').p('}').ws('\n').p('}').ws('\n');
  verifyModule(out.text, out.tokens);
  return out.text;
}
