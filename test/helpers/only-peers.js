// Preload (`node -r`) that makes a process behave as a project that installed only some peers: every
// `require` / `require.resolve` of a peer package (constructs, cdk8s, cdk8s-plus-*, cdktf,
// @cdktf/provider-*) not listed in ONLY_PEERS (space-separated) fails as Node fails for a package that
// is not installed. Used by test/entry-points/*.test.ts to load each entry point with one install line.
const Module = require('module');

const PEER = /^(constructs|cdk8s|cdk8s-plus-\d+|cdktf|@cdktf\/provider-[a-z]+)(\/|$)/;
const installed = new Set((process.env.ONLY_PEERS ?? '').split(/\s+/).filter(Boolean));
const resolve = Module._resolveFilename;

Module._resolveFilename = function resolveInstalledOnly(request, parent, ...rest) {
  const peer = PEER.exec(request);
  if (peer && !installed.has(peer[1])) {
    const from = parent && parent.filename ? parent.filename : '<eval>';
    throw Object.assign(new Error(`Cannot find module '${request}'\nRequire stack:\n- ${from}`), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, parent, ...rest);
};
