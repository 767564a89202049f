// `npx cdktf synth`: every example's cloud side, one stack folder each under cdktf.out/stacks/.
import { App } from 'cdktf';
import { addAllStacks } from './all';

const app = new App();
addAllStacks(app);
app.synth();
