// Which chart cdk8s is rendering, so that checks of other charts are not repeated for it and an
// object verified for the output is serialized once.
//
// cdk8s renders a chart with `Chart.toJson()`, which validates the whole app (every validation of
// every chart) and then serializes the chart's objects; `App.synth()` and `App.synthYaml()` validate
// once more before rendering the charts one by one. In an app of N charts (one per cluster) each
// validation therefore runs N + 1 times, and the output verification of a cluster's manifests, which
// serializes all of its objects, made synth quadratic in the number of clusters.
//
// For a chart whose rendering is tracked (`trackRendering`), its `toJson()` and its app's `synth()`
// and `synthYaml()` mark, while they run, what is being rendered. Then:
// - `renderedElsewhere(scope)`: a validation of a construct outside the chart being rendered may skip
//   its work, as none of its objects is emitted by that rendering. Direct `node.validate()` calls and
//   the app-wide validation before the charts render still run everything; every object is verified in
//   the rendering that emits it.
// - `renderOnce(object, render)`: the first serialization of an object during a synth (the output
//   verification's) is kept and returned to every later one of that synth, the emission included:
//   the emitted object is exactly the verified one, even if a later validation changed the object.
//   Kept objects live only until the outermost tracked `synth()`, `synthYaml()` or `toJson()` returns.
import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

interface Rendering {
  /** The chart being rendered, or the app being synthesized. */
  readonly root: Chart | App;
  readonly rendered: Map<ApiObject, Record<string, unknown>>;
}

/** Renderings in progress, outermost first (an app's synth renders its charts inside it). */
const renderings: Rendering[] = [];
const tracked = new WeakSet<object>();

/** Wraps a method of one chart or app instance so that a rendering of `root` is in progress while it runs. */
function track(root: Chart | App, method: 'toJson' | 'synth' | 'synthYaml'): void {
  const original = (root as unknown as Record<string, (this: unknown) => unknown>)[method];
  Object.defineProperty(root, method, {
    configurable: true,
    writable: true,
    value: function rendering(this: unknown): unknown {
      renderings.push({ root, rendered: new Map() });
      try {
        return original.call(this);
      } finally {
        renderings.pop();
      }
    },
  });
}

/** Tracks the renderings of `chart` and the synths of its app (idempotent); their behaviour is unchanged. */
export function trackRendering(chart: Chart): void {
  if (!tracked.has(chart)) {
    tracked.add(chart);
    track(chart, 'toJson');
  }
  const app = chart.node.root;
  if (app instanceof App && !tracked.has(app)) {
    tracked.add(app);
    track(app, 'synth');
    track(app, 'synthYaml');
  }
}

/** True while a tracked chart renders that does not contain `scope`: none of `scope`'s objects is being emitted. */
export function renderedElsewhere(scope: IConstruct): boolean {
  const charts = renderings.filter((r) => r.root instanceof Chart);
  const current = charts[charts.length - 1];
  return current !== undefined && !scope.node.scopes.includes(current.root);
}

/**
 * The object's serialization: during a tracked synth of its app or rendering of its chart, the first
 * one is kept and returned again (the output verification's to the emission); otherwise `render()`.
 */
export function renderOnce(object: ApiObject, render: () => Record<string, unknown>): Record<string, unknown> {
  const owner = renderings.find((r) => (r.root instanceof App ? object.node.root === r.root : Chart.of(object) === r.root));
  if (owner === undefined) {
    return render();
  }
  let json = owner.rendered.get(object);
  if (json === undefined) {
    json = render();
    owner.rendered.set(object, json);
  }
  return json;
}
