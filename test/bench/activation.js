#!/usr/bin/env node
// node test/bench/activation.js [DIST...]: what activating the built extension costs, outside VS Code. Each run is a
// fresh Node process that times require('DIST/extension.js') (reading, compiling and running the bundles it loads)
// and activate() with a stand-in for the `vscode` module that accepts every call, then lists the files of DIST it
// loaded: the lazily loaded bundles (citationLib.js, docxLib.js, pdfjs.mjs, extractWorker.js) must not be among them.
// Prints the median of RUNS runs (default 15; the first run, with a cold file cache, is left out). The editor's own
// share of activation (creating views and providers) is not in it; what the bundles cost is.
// DIST defaults to ./dist; build it with `node esbuild.js --production` to measure what ships.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const RUNS = Number(process.env.RUNS ?? 15);
/** Bundles that must load only on first use, never at activation. */
const LAZY = ['citationLib.js', 'docxLib.js', 'pdfjs.mjs', 'extractWorker.js'];

/** One measurement, run in a child process so each starts with an empty module cache. */
function child(dist) {
  const Module = require('node:module');
  const loaded = new Set();
  const stub = () => {
    // A function target, so the stand-in can be called, constructed and extended (class X extends vscode.TreeItem).
    const get = (_t, prop) => (prop === Symbol.iterator ? function* empty() {} : prop === Symbol.toPrimitive ? () => '' : prop === 'then' ? undefined : proxy);
    // esbuild's __toESM copies a module's own properties onto an object whose prototype is the module's: this
    // prototype answers every name the copy lacks.
    const prototype = new Proxy({}, { get });
    const proxy = new Proxy(function vscode() {}, { get, set: () => true, apply: () => proxy, construct: () => proxy, getPrototypeOf: () => prototype });
    return proxy;
  };
  const vscode = stub();
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscode;
    const file = Module._resolveFilename(request, parent, isMain);
    if (file.startsWith(dist)) loaded.add(path.relative(dist, file));
    return load.apply(this, arguments);
  };
  const context = { subscriptions: [], extensionUri: vscode, logUri: vscode, extensionPath: dist };
  const start = process.hrtime.bigint();
  const extension = require(path.join(dist, 'extension.js'));
  const required = process.hrtime.bigint();
  const api = extension.activate(context);
  const activated = process.hrtime.bigint();
  process.stdout.write(JSON.stringify({
    requireMs: Number(required - start) / 1e6, activateMs: Number(activated - required) / 1e6,
    ok: api !== undefined, loaded: [...loaded].sort(),
  }));
  // activate() scheduled a refresh of the sources: not part of activation.
  process.exit(0);
}

if (process.argv[2] === '--child') {
  child(process.argv[3]);
} else {
  // Several DISTs (a build before and after a change) are measured in turn, run by run, so that the load of a busy
  // machine falls on each alike.
  const dists = (process.argv.length > 2 ? process.argv.slice(2) : ['dist']).map((d) => path.resolve(d));
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const results = new Map(dists.map((d) => [d, []]));
  for (let i = 0; i <= RUNS; i++) {
    for (const dist of dists) {
      const run = spawnSync(process.execPath, [__filename, '--child', dist], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`activation run failed: ${run.stderr.slice(-2000)}`);
      const result = JSON.parse(run.stdout);
      if (!result.ok) throw new Error(`${dist}: activate() returned undefined: it caught an error`);
      if (i > 0) results.get(dist).push(result);
    }
  }
  let lazyLoaded = false;
  for (const [dist, runs] of results) {
    const { loaded } = runs[0];
    const total = median(runs.map((r) => r.requireMs + r.activateMs));
    console.log(`activation (${dist}, median of ${RUNS}): ${total.toFixed(1)} ms (require ${median(runs.map((r) => r.requireMs)).toFixed(1)} ms, activate() ${median(runs.map((r) => r.activateMs)).toFixed(1)} ms); loaded ${loaded.join(', ')}`);
    const lazy = loaded.filter((f) => LAZY.includes(f));
    if (lazy.length) {
      console.error(`${dist}: activation loaded ${lazy.join(', ')}, which must load on first use only`);
      lazyLoaded = true;
    }
  }
  if (lazyLoaded) process.exit(1);
}
