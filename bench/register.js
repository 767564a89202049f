// Transpile-only TypeScript for the bench's processes, as examples/register.js does (sucrase, modern
// syntax kept native as in the compiled library), with each file's output cached under
// bench/results/transpiled/ by path and content: the bench starts about a hundred processes, and each
// would otherwise transpile the same sources again (2.5 MB of generated ESO bindings alone take seconds).
// run.ts empties the cache when it starts, so it holds exactly the sources of one run.
const { createHash } = require('crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('fs');
const Module = require('module');
const { join } = require('path');
const { transform } = require('sucrase');
const { version } = require('sucrase/package.json');

const OPTIONS = { transforms: ['typescript', 'imports'], disableESTransforms: true };
const CACHE = join(__dirname, 'results', 'transpiled');
mkdirSync(CACHE, { recursive: true });

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(`${version}\0${filename}\0`).update(source).digest('hex');
  const cached = join(CACHE, `${key}.js`);
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    code = transform(source, { ...OPTIONS, filePath: filename }).code;
    // Written under a temporary name and renamed: concurrent processes never read a partial file.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  }
  module._compile(code, filename);
};
