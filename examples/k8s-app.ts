import { App, Chart, ApiObject } from 'cdk8s';
const app = new App();
const c = new Chart(app, 'probe');
new ApiObject(c, 'x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
app.synth();
