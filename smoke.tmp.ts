import { allDeclarations } from './examples/all';
import { buildAccessModel, renderAccessModel } from './lib/access/build-model';
for (const [n, d] of Object.entries(allDeclarations)) { const t = Date.now(); const m = renderAccessModel(buildAccessModel(d)); console.log(n, m.length, Date.now() - t); }
console.log(renderAccessModel(buildAccessModel(allDeclarations['multi-cloud-tenants' as keyof typeof allDeclarations])).slice(0, 5000));
