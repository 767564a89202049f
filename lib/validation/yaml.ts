/**
 * `parseYamlDocuments()`: YAML text into plain JSON data, as kubectl reads it (sigs.k8s.io/yaml, YAML
 * 1.1: `yes`/`no` booleans, `0644` octal, `<<` merge keys; timestamps stay strings), safe against
 * hostile input: alias bombs stop at the yaml parser's `maxAliasCount`, every document goes through
 * the same depth and size bounds as `checkManifests()`, and a syntax error is reported by position and
 * error code, never by quoting the text.
 */
import { parseAllDocuments, Tags } from 'yaml';
import { ConfigurationError, yamlAliasLimit, yamlDocumentError, yamlNotAString } from '../core/errors';
import { readPlainData } from './plain-data';

/** Alias expansions allowed per document (the yaml package's default `maxAliasCount`). */
export const MAX_YAML_ALIASES = 100;

/** One document of a YAML text: its plain data, or why it could not be read. */
export interface YamlDocument {
  /** `<source>#<index>`: where the document comes from. */
  readonly source: string;
  /** Position of the document in the text (0-based, empty documents counted). */
  readonly index: number;
  /**
   * The document as plain JSON data (objects, arrays, strings, numbers, booleans, null).
   * @default - undefined when `error` is set
   */
  readonly value?: unknown;
  /**
   * Why the document could not be read (syntax, alias bomb, depth, size, a value that is not JSON).
   * @default - undefined when the document was read
   */
  readonly error?: ConfigurationError;
}

/** YAML 1.1 as go-yaml v2 resolves it: no timestamps or sexagesimal numbers (they stay strings). */
function kubectlTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    const t = tag as { tag?: string; format?: string };
    return t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME';
  });
}

function read(doc: ReturnType<typeof parseAllDocuments>[number], source: string): unknown {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message) && /resource exhaustion/.test(e.message)) {
      return { error: yamlAliasLimit(source, MAX_YAML_ALIASES) };
    }
    if (e instanceof ReferenceError) {
      return { error: yamlDocumentError(source, 'UNRESOLVED_ALIAS', undefined, undefined) };
    }
    if (e instanceof RangeError) {
      return { error: yamlDocumentError(source, 'NESTED_TOO_DEEP', undefined, undefined) };
    }
    throw e;
  }
}

/**
 * Parses YAML text (one or more documents separated by `---`) into plain data, one entry per
 * non-empty document. Never throws for bad YAML: each document carries its value or its error.
 *
 * @param text - the YAML text
 * @param source - the name shown in messages (a file name, `<stdin>`)
 */
export function parseYamlDocuments(text: string, source = '<input>'): YamlDocument[] {
  if (typeof text !== 'string') {
    throw yamlNotAString(`parseYamlDocuments ${source}`, text === null ? 'null' : typeof text === 'object' ? 'an object' : `a ${typeof text}`);
  }
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    const parsed = parseAllDocuments(text, { version: '1.1', customTags: kubectlTags });
    docs = Array.isArray(parsed) ? parsed : [parsed];
  } catch (e) {
    if (e instanceof RangeError) {
      return [{ source: `${source}#0`, index: 0, error: yamlDocumentError(`${source}#0`, 'NESTED_TOO_DEEP', undefined, undefined) }];
    }
    throw e;
  }
  const out: YamlDocument[] = [];
  docs.forEach((doc, index) => {
    const where = `${source}#${index}`;
    if (doc.errors.length > 0) {
      const first = doc.errors[0];
      out.push({ source: where, index, error: yamlDocumentError(where, first.code, first.linePos?.[0].line, first.linePos?.[0].col) });
      return;
    }
    const result = read(doc, where) as { value?: unknown; error?: ConfigurationError };
    if (result.error !== undefined) {
      out.push({ source: where, index, error: result.error });
      return;
    }
    if (result.value === null || result.value === undefined) {
      return; // an empty (or null) document: kubectl skips it
    }
    const plain = readPlainData(result.value, where, 'document');
    out.push(plain.error !== undefined ? { source: where, index, error: plain.error } : { source: where, index, value: plain.value });
  });
  return out;
}
