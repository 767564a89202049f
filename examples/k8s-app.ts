// `npx cdk8s synth`: every example's cluster side, one YAML file per chart under dist/, and each
// declaration's access matrix (Markdown + Mermaid) under dist/access-matrix/ for reviewers.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App } from 'cdk8s';
import { renderAccessMatrix } from '../lib/core';
import { addAllCharts, allDeclarations } from './all';

const app = new App();
addAllCharts(app);
app.synth();

const matrices = join(app.outdir, 'access-matrix');
mkdirSync(matrices, { recursive: true });
for (const declaration of allDeclarations) {
  writeFileSync(join(matrices, `${declaration.name}.md`), renderAccessMatrix(declaration));
}
