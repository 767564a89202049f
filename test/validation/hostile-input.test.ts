import { ConfigurationError } from '../../lib/core/errors';
import { checkManifests, MAX_MANIFEST_BYTES, MAX_MANIFEST_DEPTH, parseYamlDocuments, validateManifests } from '../../lib/validation';

const SECRET = 'hunter2-AKIAIOSFODNN7EXAMPLE';
const PLAIN = 'Allowed: plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it. ' +
  'Fix: pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves.';

function cm(data: unknown): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'team-a' }, data };
}

function messages(manifests: unknown[]): string[] {
  return checkManifests(manifests).map((p) => p.message);
}

describe('messages name paths and types, never values', () => {
  test('a secret in an unknown field, a wrong type, an enum and a pattern is never echoed', () => {
    // GIVEN an ExternalSecret carrying a secret-looking value in four bad places
    const es = {
      apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'db', namespace: 'team-a' },
      spec: {
        secretStoreRef: { name: 'aws', kind: SECRET }, password: SECRET, refreshPolicy: SECRET,
        data: [{ secretKey: 'k', remoteRef: { key: 'r', token: SECRET } }], target: { template: { data: { a: 5 } } },
      },
    };
    // WHEN
    const found = messages([es]);
    // THEN every problem is found and no message holds the value
    expect(found).toHaveLength(5);
    expect(found.join('\n')).not.toContain('hunter2');
    expect(found.join('\n')).not.toContain('AKIA');
    expect(found[0]).toBe('[ExternalSecret team-a/db] spec.password: received a string. Allowed: the fields the schema declares here: "data", "dataFrom", ' +
      '"refreshInterval", "refreshPolicy", "secretStoreRef", "syncWindows", "target". Fix: remove it (the API server would drop an unknown field silently).');
  });
});

describe('hostile objects get a library error with a path, never a raw error or a hang', () => {
  test.each<[string, () => unknown, string]>([
    ['a getter that throws', () => cm(Object.defineProperty({}, 'password', { get() { throw new TypeError(SECRET); }, enumerable: true })), 'data.password: received a getter or setter'],
    ['a proxy that throws', () => cm(new Proxy({}, { ownKeys() { throw new RangeError(SECRET); } })), 'data: received a proxy'],
    ['a revoked proxy', () => { const p = Proxy.revocable({}, {}); p.revoke(); return cm(p.proxy); }, 'data: received a proxy'],
    ['a class instance', () => cm(new Map([['a', SECRET]])), 'data: received an instance of Map'],
    ['a Date', () => cm({ when: new Date(0) }), 'data.when: received an instance of Date'],
    ['a symbol value', () => cm({ a: Symbol(SECRET) }), 'data.a: received a symbol'],
    ['a symbol key', () => cm({ [Symbol('k')]: SECRET }), 'data: received a property keyed by a symbol'],
    ['a bigint', () => cm({ a: 10n }), 'data.a: received a bigint'],
    ['a function', () => cm({ a: () => SECRET }), 'data.a: received a function'],
    ['NaN', () => cm({ a: NaN }), 'data.a: received a number that is not finite (NaN or Infinity)'],
    ['an array hole', () => { const a: unknown[] = [1]; a[2] = 3; return cm({ a }); }, 'data.a[1]: received an empty array slot'],
    ['undefined in an array', () => cm({ a: [undefined] }), 'data.a[0]: received undefined'],
    ['an object that contains itself', () => { const o: Record<string, unknown> = {}; o.self = o; return cm(o); }, 'data.self: received an object that contains itself'],
    ['an Array subclass', () => cm({ a: new (class Items extends Array {})() }), 'data.a: received an instance of Items'],
  ])('%s', (_name, build, expected) => {
    // GIVEN a hostile value inside a manifest / WHEN checked
    let found: ConfigurationError[] = [];
    expect(() => { found = checkManifests([build()]); }).not.toThrow();
    // THEN one library error at the path, naming what it is
    expect(found.map((p) => p.message)).toEqual([`[ConfigMap team-a/c] ${expected}. ${PLAIN}`]);
    expect(found[0]).toBeInstanceOf(ConfigurationError);
  });

  test('a hostile manifest, getters on kind and a proxy argument', () => {
    // GIVEN a proxy as a manifest, a getter on kind, a getter on an array slot, and a proxy as the list
    const getterKind = Object.defineProperty({ apiVersion: 'v1' }, 'kind', { get() { throw new Error(SECRET); }, enumerable: true });
    const list: unknown[] = [new Proxy({}, {}), getterKind];
    Object.defineProperty(list, 2, { get() { throw new Error(SECRET); }, enumerable: true });
    // WHEN / THEN
    expect(messages(list)).toEqual([
      `[manifest 0] manifest: received a proxy. ${PLAIN}`,
      `[manifest 1] kind: received a getter or setter. ${PLAIN}`,
      `[checkManifests] manifests[2]: received a getter or setter. ${PLAIN}`,
    ]);
    expect(() => checkManifests(new Proxy([], {}))).toThrow(`[checkManifests] manifests: received a proxy. ${PLAIN}`);
  });

  test('nesting deeper than the limit is an error at the depth where it stops', () => {
    // GIVEN data nested 10000 levels deep
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    // WHEN / THEN
    const [problem] = messages([cm(deep)]);
    expect(MAX_MANIFEST_DEPTH).toBe(64);
    expect(problem).toBe(`[ConfigMap team-a/c] data${'.a'.repeat(63)}: received a value nested more than 64 levels deep. ` +
      'Allowed: at most 64 levels of nesting (no Kubernetes or ESO schema nests half as deep). Fix: remove the nesting: an object this deep is not a Kubernetes object.');
  });

  test('huge strings, huge arrays and shared subtrees that expand past 1.5 MiB are refused without expanding them', () => {
    // GIVEN a 2 MB string, a million-item array, and a 2^40-node DAG (one object referenced twice per level)
    let dag: unknown = { leaf: 'x' };
    for (let i = 0; i < 40; i++) dag = { l: dag, r: dag };
    const expected = `[ConfigMap team-a/c] manifest: received an object larger than ${MAX_MANIFEST_BYTES} bytes of JSON. ` +
      `Allowed: an object of at most ${MAX_MANIFEST_BYTES} bytes (1.5 MiB, etcd's default request limit: the API server cannot store a larger object). ` +
      'Fix: split the data over several objects, or keep large files out of manifests.';
    // WHEN
    const started = Date.now();
    const found = messages([cm({ big: 'x'.repeat(2_000_000) }), cm({ list: new Array(1_000_000).fill('a') }), cm({ dag })]);
    // THEN
    expect(found).toEqual([expected, expected, expected]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('an argument that is not an array is described, never echoed', () => {
    expect(() => validateManifests(SECRET as never)).toThrow('[checkManifests] manifests: received a string. Allowed: an array of Kubernetes objects (for example chart.toJson()). ' +
      'Fix: pass an array of Kubernetes objects (for example chart.toJson()).');
    expect(messages([SECRET])).toEqual(['[manifest 0] manifest: received a string. Allowed: a Kubernetes object with string apiVersion and kind, as returned by chart.toJson(). ' +
      'Fix: pass the objects of chart.toJson() (or of every chart of the app).']);
  });

  test('a "__proto__" key stays data and never changes a prototype', () => {
    // GIVEN JSON text with a __proto__ key, as JSON.parse returns it
    const manifest = JSON.parse('{"apiVersion":"external-secrets.io/v1","kind":"ExternalSecret","metadata":{"name":"e"},"spec":{"__proto__":{"polluted":"yes"}}}') as unknown;
    // WHEN / THEN reported as an unknown field, and nothing polluted
    expect(messages([manifest])).toEqual(['[ExternalSecret e] spec.__proto__: received an object. Allowed: the fields the schema declares here: "data", "dataFrom", ' +
      '"refreshInterval", "refreshPolicy", "secretStoreRef", "syncWindows", "target". Fix: remove it (the API server would drop an unknown field silently).']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseYamlDocuments', () => {
  test('reads YAML as kubectl does: 1.1 booleans and octal, merge keys, timestamps as strings, empty documents skipped', () => {
    // GIVEN
    const text = 'base: &b {x: 1}\nm:\n  <<: *b\n  z: 2\nflag: yes\nmode: 0644\nwhen: 2001-12-14\n---\n# only a comment\n---\nkind: Second\n';
    // WHEN
    const docs = parseYamlDocuments(text, 'a.yaml');
    // THEN
    expect(docs).toEqual([
      { source: 'a.yaml#0', index: 0, value: { base: { x: 1 }, m: { x: 1, z: 2 }, flag: true, mode: 420, when: '2001-12-14' } },
      { source: 'a.yaml#2', index: 2, value: { kind: 'Second' } },
    ]);
  });

  test('an alias bomb stops at the alias limit with a library error', () => {
    // GIVEN a "billion laughs" document
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    // WHEN / THEN
    expect(parseYamlDocuments(bomb, 'bomb.yaml').map((d) => d.error?.message)).toEqual([
      '[bomb.yaml#0] document: received YAML whose aliases (*name) expand past the limit. Allowed: at most 100 alias expansions per document (the yaml parser\'s maxAliasCount). ' +
      'Fix: write the repeated values out, or use fewer aliases: a document that expands this much is an alias bomb.',
    ]);
  });

  test('syntax errors give a position and a code, never the text; deep nesting and bad arguments are library errors', () => {
    // GIVEN a duplicate key holding a secret, and 100000 nested flow sequences
    const docs = parseYamlDocuments(`password: ${SECRET}\npassword: other\n`, 's.yaml');
    const deep = parseYamlDocuments(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.yaml');
    // WHEN / THEN
    expect(docs.map((d) => d.error?.message)).toEqual([
      '[s.yaml#0] document: received YAML that does not parse (DUPLICATE_KEY at line 2, column 1). Allowed: YAML documents separated by ---, as kubectl reads them. Fix: fix the YAML syntax at the position given.',
    ]);
    expect(deep).toHaveLength(1);
    expect(deep[0].error).toBeInstanceOf(ConfigurationError);
    expect(() => parseYamlDocuments(42 as never)).toThrow('[parseYamlDocuments <input>] text: received a number. Allowed: a string of YAML. Fix: pass the file contents as a string (fs.readFileSync(file, "utf8")).');
  });
});

describe('names from the input cannot forge message lines', () => {
  test('a kind or name with a line break or brackets is quoted in the path', () => {
    // GIVEN a name that tries to add a fake "all good" line to the thrown error
    const forged = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x\n  [ConfigMap ok] fine' }, data: { a: 1 } };
    // WHEN
    const found = messages([forged]);
    // THEN the name is shown JSON-quoted, on one line
    expect(found).toEqual([
      '[ConfigMap "x\\n  [ConfigMap ok] fine"] metadata.name: received "x\\n  [ConfigMap ok] fine". Allowed: a DNS-1123 subdomain. Fix: change the value to one the schema of the served version accepts.',
      '[ConfigMap "x\\n  [ConfigMap ok] fine"] data.a: received an integer. Allowed: a string. Fix: change the value to one the schema of the served version accepts.',
    ]);
    expect(found.every((m) => !m.includes('\n'))).toBe(true);
  });
});
