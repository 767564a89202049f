// `npx cdk8s synth`: every example's cluster side, one YAML file per chart under dist/, and each
// example's access matrix (Markdown + Mermaid) under dist/access-matrix/<example>.md for reviewers, and the
// Zarf packages under dist/zarf/ (zarf.yaml, values/, manifests/), the UDS bundle and the SOPS files under dist/sops/.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App } from 'cdk8s';
import { renderAccessMatrix } from '../lib/core';
import { addAllCharts, allDeclarations, writeSopsFiles, writeZarfPackages } from './all';

const app = new App();
addAllCharts(app);
app.synth();

const matrices = join(app.outdir, 'access-matrix');
mkdirSync(matrices, { recursive: true });
for (const [example, declaration] of Object.entries(allDeclarations)) {
  writeFileSync(join(matrices, `${example}.md`), renderAccessMatrix(declaration));
}

writeZarfPackages(app.outdir);
writeSopsFiles(app.outdir);
