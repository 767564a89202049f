/**
 * Translates the KES (lodash) templates that have a direct ESO (Go text/template + Sprig) equivalent:
 * literal text, `<%= data.KEY %>` and `<%= JSON.parse(data.KEY).a.b %>`. Anything else (code blocks,
 * function calls, `<%- %>` HTML escaping) returns undefined and is reported by the caller.
 */

const TAG = /<%([=-]?)([\s\S]*?)%>/g;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATA_REF = /^data(?:\.([A-Za-z_$][A-Za-z0-9_$]*)|\[\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*\])$/;
const JSON_PARSE = /^JSON\.parse\(\s*(data(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\s*(?:'[^'\\]*'|"[^"\\]*")\s*\]))\s*\)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;

/** True when the text contains lodash tags. */
export function isLodashTemplate(text: string): boolean {
  return /<%[\s\S]*?%>/.test(text);
}

function keyOf(ref: string): string | undefined {
  const m = DATA_REF.exec(ref.trim());
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function goRef(key: string): string {
  return IDENT.test(key) ? `.${key}` : `(index . ${JSON.stringify(key)})`;
}

function translateExpression(expression: string): string | undefined {
  const expr = expression.trim();
  const direct = keyOf(expr);
  if (direct !== undefined) {
    return `{{ ${goRef(direct).replace(/^\((.*)\)$/, '$1')} }}`;
  }
  const parsed = JSON_PARSE.exec(expr);
  if (parsed) {
    const key = keyOf(parsed[1]);
    if (key === undefined) return undefined;
    return `{{ (${goRef(key)} | fromJson)${parsed[2]} }}`;
  }
  return undefined;
}

function escapeLiteral(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

/** The Go template for a lodash template, or undefined when it has no direct equivalent. */
export function lodashToGoTemplate(text: string): string | undefined {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    out += escapeLiteral(text.slice(last, m.index));
    if (m[1] !== '=') {
      return undefined;
    }
    const go = translateExpression(m[2]);
    if (go === undefined) {
      return undefined;
    }
    out += go;
    last = m.index! + m[0].length;
  }
  return out + escapeLiteral(text.slice(last));
}

/** A literal value as a Go template (only `{{` needs escaping). */
export function literalGoTemplate(text: string): string {
  return escapeLiteral(text);
}
