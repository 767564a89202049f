/**
 * The Vault ACL policy text, from an escaping serializer, and its parser (engine-free).
 *
 * A policy is a list of `path "<path>" { capabilities = [...] }` blocks. Path text is never spliced
 * into the HCL: every literal is an HCL string with `\\`, `\"` and control characters escaped, and
 * with Terraform's template sequences doubled (`$${`, `%%{`) because the policy travels as a string of
 * Terraform JSON, where `${…}` and `%{…}` would be evaluated. {@link parseVaultPolicyHcl} reads the text
 * back (undoing both layers) so a caller can check that the emitted policy is exactly the rules it
 * compiled before anything reaches Terraform.
 */

/** One `path` block of a Vault policy. */
export interface VaultPolicyBlock {
  /** The API path (as Vault receives it). */
  readonly path: string;
  /** The capabilities, in the order written. */
  readonly capabilities: readonly string[];
}

/** Options of {@link renderVaultPolicyHcl}. */
export interface VaultPolicyHclOptions {
  /**
   * Substrings to copy verbatim (the markers of values resolved later, such as cdktf string tokens):
   * they are neither escaped nor checked, and resolve to Terraform expressions on purpose.
   * @default - none: every character is escaped
   */
  readonly verbatim?: RegExp;
}

/** The error the parser throws on text that is not a policy of this grammar. */
export class VaultPolicyHclSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultPolicyHclSyntaxError';
  }
}

/** The HCL + Terraform-template escaping of a literal (no surrounding quotes). */
export function escapeVaultPolicyLiteral(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') {
      out += '\\\\';
    } else if (ch === '"') {
      out += '\\"';
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += ch;
    }
  }
  // Terraform JSON strings are templates: a literal "${" or "%{" must be doubled to stay literal.
  return out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** An HCL string literal of `value`, with the parts matching `verbatim` copied as they are. */
export function vaultPolicyString(value: string, verbatim?: RegExp): string {
  if (verbatim === undefined) {
    return `"${escapeVaultPolicyLiteral(value)}"`;
  }
  const pattern = new RegExp(verbatim.source, verbatim.flags.includes('g') ? verbatim.flags : `${verbatim.flags}g`);
  let out = '';
  let last = 0;
  for (const match of value.matchAll(pattern)) {
    out += escapeVaultPolicyLiteral(value.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return `"${out}${escapeVaultPolicyLiteral(value.slice(last))}"`;
}

/** The policy text of `blocks`, in the order given. */
export function renderVaultPolicyHcl(blocks: readonly VaultPolicyBlock[], options: VaultPolicyHclOptions = {}): string {
  return blocks.map((b) => `path ${vaultPolicyString(b.path, options.verbatim)} {\n`
    + `  capabilities = [${b.capabilities.map((c) => vaultPolicyString(c)).join(', ')}]\n}\n`).join('\n');
}

type HclToken = { readonly kind: 'ident' | 'string' | 'punct'; readonly text: string };

/** Reads a policy rendered by {@link renderVaultPolicyHcl} back into its blocks (both escaping layers undone). */
export function parseVaultPolicyHcl(text: string, options: VaultPolicyHclOptions = {}): VaultPolicyBlock[] {
  const verbatim = options.verbatim === undefined ? undefined
    : new RegExp(options.verbatim.source, `${options.verbatim.flags.replace(/[gy]/g, '')}y`);
  const tokens = tokenize(text, verbatim);
  const blocks: VaultPolicyBlock[] = [];
  let i = 0;
  const expect = (kind: HclToken['kind'], value?: string): HclToken => {
    const token = tokens[i];
    if (token === undefined || token.kind !== kind || (value !== undefined && token.text !== value)) {
      throw new VaultPolicyHclSyntaxError(`expected ${value ?? kind} at token ${i}, found ${token === undefined ? 'the end' : JSON.stringify(token.text)}`);
    }
    i++;
    return token;
  };
  while (i < tokens.length) {
    expect('ident', 'path');
    const path = expect('string').text;
    expect('punct', '{');
    expect('ident', 'capabilities');
    expect('punct', '=');
    expect('punct', '[');
    const capabilities: string[] = [];
    while (tokens[i]?.text !== ']' || tokens[i]?.kind !== 'punct') {
      capabilities.push(expect('string').text);
      if (tokens[i]?.kind === 'punct' && tokens[i]?.text === ',') {
        i++;
      }
    }
    expect('punct', ']');
    expect('punct', '}');
    blocks.push({ path, capabilities });
  }
  return blocks;
}

const ESCAPES: Readonly<Record<string, string>> = { 'n': '\n', 'r': '\r', 't': '\t', '"': '"', '\\': '\\' };

function tokenize(text: string, verbatim: RegExp | undefined): HclToken[] {
  const tokens: HclToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') {
      i++;
    } else if ('{}[]=,'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const start = i;
      while (i < text.length && /\w/.test(text[i])) {
        i++;
      }
      tokens.push({ kind: 'ident', text: text.slice(start, i) });
    } else if (ch === '"') {
      const [value, end] = readString(text, i + 1, verbatim);
      tokens.push({ kind: 'string', text: value });
      i = end;
    } else {
      throw new VaultPolicyHclSyntaxError(`unexpected ${JSON.stringify(ch)} at offset ${i}`);
    }
  }
  return tokens;
}

function readString(text: string, start: number, verbatim: RegExp | undefined): [string, number] {
  let out = '';
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    const kept = verbatim === undefined ? null : (verbatim.lastIndex = i, verbatim.exec(text));
    if (kept !== null && kept[0].length > 0) {
      out += kept[0];
      i += kept[0].length;
    } else if (ch === '"') {
      return [out, i + 1];
    } else if (ch === '\n') {
      throw new VaultPolicyHclSyntaxError(`newline inside a string at offset ${i}`);
    } else if (ch === '\\') {
      const next = text[i + 1];
      if (next === 'u' && /^[0-9a-f]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (next !== undefined && ESCAPES[next] !== undefined) {
        out += ESCAPES[next];
        i += 2;
      } else {
        throw new VaultPolicyHclSyntaxError(`invalid escape at offset ${i}`);
      }
    } else if ((ch === '$' || ch === '%') && text[i + 1] === ch && text[i + 2] === '{') {
      out += `${ch}{`;
      i += 3;
    } else if ((ch === '$' || ch === '%') && text[i + 1] === '{') {
      throw new VaultPolicyHclSyntaxError(`unescaped template sequence ${ch}{ at offset ${i}`);
    } else {
      out += ch;
      i++;
    }
  }
  throw new VaultPolicyHclSyntaxError('unterminated string');
}
