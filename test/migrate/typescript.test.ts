import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import * as ts from 'typescript';
import { Chart, Testing } from 'cdk8s';
import * as cdk8s from 'cdk8s';
import * as constructs from 'constructs';
import { Construct } from 'constructs';
import * as libCore from '../../lib/core';
import * as libK8s from '../../lib/k8s';
import { ConstructPlan, ManifestObject, migrateManifests, PlanExpression, planConstructs, renderTypeScript } from '../../lib/migrate';
import { applyConstructPlan } from '../../lib/migrate/k8s';
import { stringLiteral, tokenize, verifyModule } from '../../lib/migrate/typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const KES_EXAMPLES = path.resolve(ROOT, '..', 'shared', 'upstream', 'kes', 'examples');

function migrated(): ReturnType<typeof migrateManifests> {
  const kes = fs.readdirSync(KES_EXAMPLES).sort().map((f) => ({ source: f, yaml: fs.readFileSync(path.join(KES_EXAMPLES, f), 'utf8') }));
  const v1beta1 = { source: 'v1beta1.yaml', yaml: fs.readFileSync(path.join(__dirname, 'fixtures', 'v1beta1.yaml'), 'utf8') };
  return migrateManifests([...kes, v1beta1], { awsRegion: 'eu-west-1', vaultServer: 'https://vault.example.com:8200', namespace: 'team-a' });
}

describe('renderTypeScript', () => {
  test('the generated module compiles with tsc against the library', () => {
    // GIVEN
    const plan = planConstructs(migrated().objects);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-ts-'));
    const file = path.join(dir, 'migrated.ts');
    // WHEN
    fs.writeFileSync(file, renderTypeScript(plan, { importFrom: path.join(ROOT, 'lib') }));
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, noUnusedLocals: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, skipLibCheck: true, types: ['node'],
      baseUrl: ROOT, paths: { '*': ['node_modules/*'] }, typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    // THEN
    expect(diagnostics).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  test('prints typed factories, enum members and store variables', () => {
    // GIVEN
    const plan = planConstructs(migrated().objects);
    // WHEN
    const source = renderTypeScript(plan, { className: 'Legacy' });
    // THEN
    expect(source).toContain("import { Duration } from 'cdk-external-secrets/core';");
    expect(source).toContain("} from 'cdk-external-secrets/k8s';");
    expect(source).not.toMatch(/from 'cdk-external-secrets';/);
    expect(source).toContain('export class Legacy extends Chart {');
    expect(source).toContain(`    const clusterSecretStore_kes_vault_kv_v2_my_kubernetes_vault_mount_point_my_vault_role = new ClusterSecretStore(this, 'ClusterSecretStore-kes-vault-kv-v2-my-kubernetes-vault-mount-point-my-vault-role', {
      name: 'kes-vault-kv-v2-my-kubernetes-vault-mount-point-my-vault-role',
      provider: SecretStoreProvider.vault({
        server: 'https://vault.example.com:8200',
        version: VaultKvVersion.V2,
        auth: VaultAuth.kubernetes({
          role: 'my-vault-role',
          mountPath: 'my-kubernetes-vault-mount-point',
        }),
      }),
      conditions: [
        {
          namespaces: [
            'team-a',
          ],
        },
      ],
    });`);
    expect(source).toContain('decodingStrategy: DecodingStrategy.BASE64,');
    expect(source).toContain('store: clusterSecretStore_kes_vault_kv_v2_my_kubernetes_vault_mount_point_my_vault_role,');
    expect(source).toContain('type: SecretType.TLS,');
    expect(source).toContain("Rewrite.regexp({\n");
  });

  test('the plan the module prints creates one construct per statement', () => {
    // GIVEN
    const plan = planConstructs(migrated().objects);
    const chart = new Chart(Testing.app(), 'c');
    // WHEN
    const constructs = applyConstructPlan(chart, plan);
    // THEN
    expect(constructs.map((c) => c.node.id)).toEqual(plan.statements.map((s) => s.id));
    expect(plan.statements.filter((s) => s.construct === 'ExternalSecret')).toHaveLength(13);
  });
});

/** Text an attacker puts in a manifest to break out of a string literal, a comment or a template. */
const HOSTILE = [
  "'); process.exit(1); ('",
  '"); process.exit(1); ("',
  '`${process.exit(1)}`',
  '${process.exit(1)}',
  '*/ process.exit(1); /*',
  '\\\'); process.exit(1); //',
  'line\u2028separator\u2029paragraph',
  '</script><script>process.exit(1)</script>',
  'new\nline\r\ncarriage\ttab\u0000nul',
  'lone \ud800 surrogate and emoji \ud83d\ude00',
];

/** Hostile values everywhere; with `validKeys`, only where the constructs accept them (keys stay valid). */
function hostileObjects(validKeys = false): ManifestObject[] {
  const annotations = Object.fromEntries(HOSTILE.map((h, i) => [`example.com/hostile-${i}`, h]));
  const data = Object.fromEntries(HOSTILE.map((h, i) => [`key-${i}`, h]));
  return [
    {
      apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'app', namespace: 'team-a', annotations },
      spec: {
        secretStoreRef: { kind: 'ClusterSecretStore', name: 'store' },
        target: { name: 'app', template: { data, metadata: { annotations: Object.fromEntries(validKeys ? [['example.com/k', HOSTILE[2]]] : [[HOSTILE[0], HOSTILE[2]], ['__proto__', 'p']]) } } },
        data: HOSTILE.map((h, i) => ({ secretKey: `k${i}`, remoteRef: { key: `path/${i}`, property: h } })),
      },
    },
  ];
}

/** Every string literal of a TypeScript source, in order, as the TypeScript parser reads it. */
function stringLiterals(source: string): string[] {
  const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Every string literal of a plan, in the order the emitter writes them. */
function planStrings(plan: ReturnType<typeof planConstructs>): string[] {
  const out: string[] = [];
  const walk = (e: PlanExpression): void => {
    switch (e.kind) {
      case 'literal': if (typeof e.value === 'string') out.push(e.value); break;
      case 'call': e.args.forEach(walk); break;
      case 'array': e.items.forEach(walk); break;
      case 'object': e.entries.forEach(([k, v]) => { if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) || k === '__proto__') out.push(k); walk(v); }); break;
      default: break;
    }
  };
  for (const s of plan.statements) {
    out.push(s.id);
    walk(s.props);
  }
  return out;
}

describe('renderTypeScript: generated code never runs input', () => {
  test('hostile names, annotations, keys and templates stay string literals that parse back to exactly the input', () => {
    // GIVEN
    const plan = planConstructs(hostileObjects());
    expect(plan.issues).toEqual([]);
    // WHEN
    const source = renderTypeScript(plan);
    const file = ts.createSourceFile('m.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    // THEN: TypeScript parses it without a syntax error …
    expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    // … its string literals are the input, exactly and in order (after the three module specifiers) …
    expect(stringLiterals(source)).toEqual(['cdk8s', 'constructs', 'cdk-external-secrets/k8s', ...planStrings(plan)]);
    expect(planStrings(plan)).toEqual(expect.arrayContaining(HOSTILE));
    // A `__proto__` key is a computed key (defines the property instead of setting the prototype).
    expect(source).toContain("['__proto__']: 'p',");
    // … and the only calls are the library's constructors and factories.
    const calls: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node.expression.getText(file));
      ts.forEachChild(node, visit);
    };
    visit(file);
    expect([...new Set(calls)].sort()).toEqual(['ClusterSecretStore.fromClusterSecretStoreName', 'ExternalSecret', 'super']);
    // No raw line terminator or control character reaches the text; no template literal exists.
    expect(source).not.toMatch(/[\u2028\u2029\r]/);
    expect(source.includes(String.fromCharCode(0))).toBe(false);
    const templates: ts.Node[] = [];
    const findTemplates = (node: ts.Node): void => {
      if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) templates.push(node);
      ts.forEachChild(node, findTemplates);
    };
    findTemplates(file);
    expect(templates).toEqual([]);
  });

  test('the generated module, run, renders the same objects as the plan evaluated in-process', () => {
    // GIVEN
    const plan = planConstructs(hostileObjects(true));
    const source = renderTypeScript(plan, { importFrom: 'lib' });
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const modules: Record<string, unknown> = {
      'cdk8s': cdk8s, 'constructs': constructs, 'lib/k8s': libK8s, 'lib/core': libCore,
    };
    const module = { exports: {} as Record<string, unknown> };
    // WHEN
    vm.runInNewContext(js, { require: (m: string) => modules[m], module, exports: module.exports });
    const Generated = module.exports.MigratedSecretsChart as new (scope: Construct, id: string) => Chart;
    const generated = Testing.synth(new Generated(Testing.app(), 'c'));
    const direct = new Chart(Testing.app(), 'c');
    applyConstructPlan(direct, plan);
    // THEN
    expect(generated).toEqual(Testing.synth(direct));
    const es = generated.find((o) => o.kind === 'ExternalSecret');
    expect(Object.values(es.metadata.annotations)).toEqual(HOSTILE);
    expect(es.spec.data.map((d: { remoteRef: { property: string } }) => d.remoteRef.property)).toEqual(HOSTILE);
  });

  test.each([
    ['a callee outside the whitelist', { kind: 'call', callee: 'Duration.constructor', args: [{ kind: 'literal', value: 'process.exit(1)' }] },
      '[renderTypeScript] plan: received "statements[0].props.x: callee \\"Duration.constructor\\" is not a factory the library exports". Allowed: a plan built by planConstructs(): the library\'s own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.'],
    ['a member outside the whitelist', { kind: 'member', target: 'process.exit' },
      '[renderTypeScript] plan: received "statements[0].props.x: member \\"process.exit\\" is not one the library exports". Allowed: a plan built by planConstructs(): the library\'s own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.'],
    ['an undeclared variable', { kind: 'variable', name: 'process' },
      '[renderTypeScript] plan: received "statements[0].props.x: variable \\"process\\" is not declared by an earlier statement". Allowed: a plan built by planConstructs(): the library\'s own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.'],
  ])('a crafted plan with %s is refused by the printer and the evaluator', (_, x, message) => {
    // GIVEN
    const plan = { statements: [{ variable: 'externalSecret_a', construct: 'ExternalSecret', id: 'a', props: { kind: 'object', entries: [['x', x]] } }], issues: [] } as unknown as ConstructPlan;
    // WHEN / THEN
    expect(() => renderTypeScript(plan)).toThrow(message);
    expect(() => applyConstructPlan(new Chart(Testing.app(), 'c'), plan)).toThrow(message.replace('[renderTypeScript]', '[applyConstructPlan]'));
  });

  test('a statement variable that is not of the form <kind>_<name> is refused', () => {
    // GIVEN
    const plan = { statements: [{ variable: 'x = process.exit(1); const y', construct: 'ExternalSecret', id: 'a', props: { kind: 'object', entries: [] } }], issues: [] } as unknown as ConstructPlan;
    // WHEN / THEN
    expect(() => renderTypeScript(plan)).toThrow('[renderTypeScript] plan: received "statements[0].variable: \\"x = process.exit(1); const y\\" is not a new variable name of the form <kind>_<name>". Allowed: a plan built by planConstructs(): the library\'s own constructs, static factories and enum members, variables declared by earlier statements. Fix: pass the plan planConstructs() returns, unmodified.');
  });

  test('an importFrom with a space is refused', () => {
    expect(() => renderTypeScript(planConstructs([]), { importFrom: "x'; process.exit(1); '" })).toThrow(
      '[renderTypeScript] options.importFrom: received "x\'; process.exit(1); \'". Allowed: a package name or path without spaces, control characters or a trailing "/" (the generated code imports its /k8s and /core entry points). Fix: pass a name such as "cdk-external-secrets".');
  });
});

describe('the emitter\'s string literals and the parse-back tokenizer', () => {
  test('every string, including every UTF-16 code unit alone, round-trips through a literal, for the tokenizer and for TypeScript', () => {
    // GIVEN: all 65536 code units one by one, and the hostile strings
    const inputs = [...HOSTILE, ...Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c))];
    for (const text of inputs) {
      // WHEN
      const literal = stringLiteral(text);
      // THEN: printable ASCII only, one string token holding exactly the input
      expect(literal).toMatch(/^'[\x20-\x7e]*'$/);
      expect(tokenize(literal)).toEqual([{ kind: 'string', value: text }]);
    }
    const file = ts.createSourceFile('m.ts', `const a = [${inputs.map(stringLiteral).join(', ')}];`, ts.ScriptTarget.ES2022, true);
    expect(stringLiterals(file.getFullText())).toEqual(inputs);
  });

  test.each([
    ["'a\u2028b'", 'unescaped character U+2028 in a string at offset 2'],
    ["'a\nb'", 'unterminated string at offset 2'],
    ["'a\\xb'", 'unexpected escape at offset 2'],
    ['`x${y}`', 'unexpected character U+0060 at offset 0'],
    ['a + b', 'unexpected character U+002b at offset 2'],
    ['/* c */', 'unexpected character U+002f at offset 0'],
  ])('the tokenizer refuses text the emitter never writes: %j', (source, message) => {
    expect(tokenize(source)).toBe(message);
  });
});

describe('verifyModule (the last step of renderTypeScript)', () => {
  const MISMATCH = 'Allowed: generated TypeScript whose tokens parse back exactly as emitted (string literals holding the input, nothing else). Fix: report this as a bug of cdk-external-secrets with the input manifests; the module was not written.';

  test('a string that broke out of its literal is caught: the text has more tokens than were emitted', () => {
    // GIVEN: what naive concatenation would print for the value "'); process.exit(1); ('"
    const text = "f(''); process.exit(1); ('')";
    // WHEN / THEN
    expect(() => verifyModule(text, [{ kind: 'identifier', value: 'f' }, { kind: 'punctuation', value: '(' }, { kind: 'string', value: "'); process.exit(1); ('" }, { kind: 'punctuation', value: ')' }]))
      .toThrow(`[renderTypeScript] generated module: received "token 2 differs from what was emitted". ${MISMATCH}`);
  });

  test('text the tokenizer cannot read is caught', () => {
    expect(() => verifyModule('f(`x`)', [])).toThrow(`[renderTypeScript] generated module: received "unexpected character U+0060 at offset 2". ${MISMATCH}`);
  });

  test('the exact emitted tokens pass', () => {
    expect(() => verifyModule("f('a\\'b')", [{ kind: 'identifier', value: 'f' }, { kind: 'punctuation', value: '(' }, { kind: 'string', value: "a'b" }, { kind: 'punctuation', value: ')' }])).not.toThrow();
  });
});
