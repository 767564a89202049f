// `npx cdk8s synth`: every example's cluster side, one YAML file per chart under dist/.
import { App } from 'cdk8s';
import { addAllCharts } from './all';

const app = new App();
addAllCharts(app);
app.synth();
