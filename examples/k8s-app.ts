// `npx cdk8s synth`: every example's cluster side, one YAML file per chart under dist/, and each
// example's access matrix (Markdown + Mermaid) under dist/access-matrix/<example>.md for reviewers, next to
// it its access model (dist/access-matrix/<example>.access-model.json, for `cdk-external-secrets access diff`), the
// Zarf packages under dist/zarf/ (zarf.yaml, values/, manifests/), and the shared-clusters example's GitOps
// repository under dist/gitops/ (one directory per cluster, the Argo CD ApplicationSet, the Flux Kustomizations),
// the UDS bundle (dist/uds-bundle.yaml) and the on-prem-vault example's SOPS files under dist/sops/.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App } from 'cdk8s';
import { buildAccessModel, renderAccessModel } from '../lib/access';
import { renderAccessMatrix } from '../lib/core';
import { addAllCharts, allDeclarations, writeSopsFiles, writeZarfPackages } from './all';
import { writeSharedClustersGitOps } from './shared-clusters/gitops';

const app = new App();
addAllCharts(app);
app.synth();

const matrices = join(app.outdir, 'access-matrix');
mkdirSync(matrices, { recursive: true });
for (const [example, declaration] of Object.entries(allDeclarations)) {
  writeFileSync(join(matrices, `${example}.md`), renderAccessMatrix(declaration));
  writeFileSync(join(matrices, `${example}.access-model.json`), renderAccessModel(buildAccessModel(declaration)));
}

writeZarfPackages(app.outdir);
writeSopsFiles(app.outdir);

writeSharedClustersGitOps(join(app.outdir, 'gitops'));
