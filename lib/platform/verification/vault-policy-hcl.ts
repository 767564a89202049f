/**
 * A parser for the subset of HCL a Vault ACL policy uses, to read emitted policies back (output
 * verification parses the text, never trusts the generator): `path "<glob>" { capabilities = [...] }`
 * blocks, other attributes (`allowed_parameters = { … }`, `min_wrapping_ttl = "1s"`, …) kept as
 * present, `#`, `//` and `/* … *\/` comments, quoted strings with HCL escapes (`\"`, `\\`, `\n`, `\t`,
 * `\r`, `\uXXXX`, `\UXXXXXXXX`). Anything else is a parse error: an unparseable policy is never
 * accepted as verified.
 *
 * The policy reaches Vault through a Terraform string, where `${…}` and `%{…}` are live templates
 * (`$${` and `%%{` are their escapes): {@link terraformStringToText} undoes the escapes and reports a
 * live template, which no policy of the platform contains.
 *
 * Linear in the length of the text.
 */

/** One `path` block. */
export interface ParsedPolicyRule {
  /** The path (glob) as Vault reads it. */
  readonly path: string;
  /** Its capabilities, as written. */
  readonly capabilities: readonly string[];
  /** Other attributes of the block (`allowed_parameters`, …), by name. */
  readonly attributes: readonly string[];
}

/** A policy text that is not the expected HCL subset. */
export class PolicyParseError extends Error {
  constructor(message: string, public readonly offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'PolicyParseError';
  }
}

/**
 * The text a Terraform string attribute holds after Terraform's template evaluation, when it has no
 * live template: `$${` → `${`, `%%{` → `%{`.
 * @throws PolicyParseError on a live `${` or `%{` template
 */
export function terraformStringToText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if ((c === '$' || c === '%') && value[i + 1] === c && value[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
    } else if ((c === '$' || c === '%') && value[i + 1] === '{') {
      throw new PolicyParseError(`a live Terraform template "${c}{"`, i);
    } else {
      out += c;
    }
  }
  return out;
}

type Token = { readonly kind: 'string' | 'ident' | 'number' | 'punct'; readonly value: string; readonly offset: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new PolicyParseError('an unterminated comment', i);
      i = end + 2;
    } else if (c === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length || text[i] === '\n') throw new PolicyParseError('an unterminated string', start);
        const d = text[i];
        if (d === '"') { i++; break; }
        if (d === '\\') {
          const e = text[i + 1];
          const simple: Record<string, string> = { 'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\' };
          if (e in simple) {
            value += simple[e];
            i += 2;
          } else if (e === 'u' || e === 'U') {
            const length = e === 'u' ? 4 : 8;
            const hex = text.slice(i + 2, i + 2 + length);
            if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) throw new PolicyParseError('a bad unicode escape', i);
            const code = parseInt(hex, 16);
            if (code > 0x10ffff) throw new PolicyParseError('a bad unicode escape', i);
            value += String.fromCodePoint(code);
            i += 2 + length;
          } else {
            throw new PolicyParseError('an unknown string escape', i);
          }
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', value, offset: start });
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_-]/.test(text[i])) i++;
      tokens.push({ kind: 'ident', value: text.slice(start, i), offset: start });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < text.length && /[0-9.]/.test(text[i])) i++;
      tokens.push({ kind: 'number', value: text.slice(start, i), offset: start });
    } else if ('{}[]=,:'.includes(c)) {
      tokens.push({ kind: 'punct', value: c, offset: i });
      i++;
    } else {
      throw new PolicyParseError(`an unexpected character ${JSON.stringify(c)}`, i);
    }
  }
  return tokens;
}

/** Parses a Vault policy (the text Vault receives). */
export function parseVaultPolicy(text: string): ParsedPolicyRule[] {
  const tokens = tokenize(text);
  let p = 0;
  const peek = () => tokens[p];
  const end = () => (tokens.length > 0 ? tokens[tokens.length - 1].offset + 1 : 0);
  const expect = (kind: Token['kind'], value?: string): Token => {
    const token = tokens[p];
    if (token === undefined || token.kind !== kind || (value !== undefined && token.value !== value)) {
      throw new PolicyParseError(`expected ${value !== undefined ? JSON.stringify(value) : `a ${kind}`}`, token?.offset ?? end());
    }
    p++;
    return token;
  };
  // A value: string, number, identifier (true/false), list or object; returns the strings of a list.
  const value = (depth: number): string[] | undefined => {
    if (depth > 16) throw new PolicyParseError('nesting deeper than 16', peek()?.offset ?? end());
    const token = peek();
    if (token === undefined) throw new PolicyParseError('expected a value', end());
    if (token.kind === 'string' || token.kind === 'number' || token.kind === 'ident') {
      p++;
      return undefined;
    }
    if (token.value === '[') {
      p++;
      const items: string[] = [];
      while (peek()?.value !== ']') {
        const item = peek();
        if (item?.kind === 'string') {
          items.push(item.value);
          p++;
        } else {
          value(depth + 1);
        }
        if (peek()?.value === ',') p++;
        else break;
      }
      expect('punct', ']');
      return items;
    }
    if (token.value === '{') {
      p++;
      body(depth + 1);
      expect('punct', '}');
      return undefined;
    }
    throw new PolicyParseError('expected a value', token.offset);
  };
  // Attributes and nested blocks until '}'; returns them by name with their list values.
  const body = (depth: number): Map<string, string[][]> => {
    const attributes = new Map<string, string[][]>();
    while (peek() !== undefined && peek().value !== '}') {
      const name = peek().kind === 'string' || peek().kind === 'ident' ? tokens[p++].value : expect('ident').value;
      const lists = attributes.get(name) ?? [];
      if (peek()?.value === '=' || peek()?.value === ':') {
        p++;
        lists.push(value(depth) ?? []);
      } else {
        while (peek()?.kind === 'string') p++;
        expect('punct', '{');
        body(depth + 1);
        expect('punct', '}');
      }
      attributes.set(name, lists);
      if (peek()?.value === ',') p++;
    }
    return attributes;
  };
  const rules: ParsedPolicyRule[] = [];
  while (p < tokens.length) {
    const keyword = expect('ident');
    if (keyword.value !== 'path') {
      throw new PolicyParseError(`a top-level "${keyword.value}" (only path blocks are allowed)`, keyword.offset);
    }
    const path = expect('string').value;
    expect('punct', '{');
    const attributes = body(1);
    expect('punct', '}');
    rules.push({
      path,
      capabilities: (attributes.get('capabilities') ?? []).flat(),
      attributes: [...attributes.keys()].filter((k) => k !== 'capabilities').sort(),
    });
  }
  return rules;
}
