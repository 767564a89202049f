// Generates the validator's schema data (lib/validation/data, git-ignored) when missing or older
// than its generator, so `npx jest <file>` works on a fresh checkout. `npm run schemas` does the same.
const { execFileSync } = require('child_process');
const { existsSync, statSync } = require('fs');
const { join } = require('path');

module.exports = function globalSetup() {
  const root = join(__dirname, '..');
  const files = ['eso-crds.json', 'chart-values.json', 'gitops-crds.json'].map((f) => join(root, 'lib/validation/data', f));
  const generator = join(root, 'lib/validation/generate-data.ts');
  if (files.some((data) => !existsSync(data) || statSync(data).mtimeMs < statSync(generator).mtimeMs)) {
    execFileSync(process.execPath, ['-r', './examples/register.js', generator], { cwd: root, stdio: 'inherit' });
  }
};
