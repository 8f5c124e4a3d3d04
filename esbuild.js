// Bundles the extension, the CLI, the integration tests, the benchmarks (speed, memory, pathological input) and the
// perturbation harness.
// Type-checking is separate (`npm run typecheck`): esbuild only strips types.
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');
const withBench = process.argv.includes('--bench');
const withEval = process.argv.includes('--eval');

/** Reports build results in the shape of VS Code's $esbuild-watch problem matcher. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`\u2718 [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * esbuild escapes non-ASCII characters in strings but not in regular expression literals or comments
 * (wink-nlp has a few). One such character makes V8 keep the whole bundle's source as a two-byte string:
 * ~10 MB instead of ~5 MB for as long as the extension runs. A \uXXXX escape means the same in a regular
 * expression and is plain text in a comment.
 */
const asciiOutputPlugin = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const fs = require('fs');
      const outfile = build.initialOptions.outfile;
      if (!outfile || !fs.existsSync(outfile)) return;
      const code = fs.readFileSync(outfile, 'utf8');
      if (!/[^\x00-\x7f]/.test(code)) return;
      // A non-ASCII character already escaped by a backslash (wink-nlp writes /[\-\u2013]/ with the dash itself) loses
      // that backslash: "\\" before the new \uXXXX would make it a literal backslash and break the expression.
      const ascii = code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      fs.writeFileSync(outfile, ascii);
    });
  },
};

/**
 * citation-js and citeproc (src/core/citing/citationLib.ts) are a bundle of their own, dist/citationLib.js, loaded
 * by a require() the first time a memo has a bibliography or a CSL style is used (bibliography.ts): the extension's
 * bundle, read at every activation, does not carry them. Every other bundle requires it from beside itself.
 */
const CITATION_LIB = path.join(__dirname, 'src', 'core', 'citing', 'citationLib.ts');
const citationLibOutside = {
  name: 'citation-lib-outside',
  setup(build) {
    const outDir = path.dirname(build.initialOptions.outfile);
    build.onResolve({ filter: /^\.\/citationLib$/ }, (args) => {
      if (path.join(args.resolveDir, 'citationLib.ts') !== CITATION_LIB) return undefined;
      const relative = path.relative(outDir, path.join(__dirname, 'dist', 'citationLib.js')).split(path.sep).join('/');
      return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
    });
  },
};

/**
 * citation-js can fetch a URL or a DOI it is given (through sync-fetch and node-fetch). Policy Memo only ever hands
 * it BibTeX text, and makes no network access: in the bundle both modules are ones that throw.
 */
const NO_NETWORK = path.join(__dirname, 'scripts', 'no-network.js');

/**
 * pdf.js is bundled on its own (dist/pdfjs.mjs, an ES module as pdf.js is) and loaded only when a PDF is read:
 * every other bundle imports it from beside itself at run time.
 */
const pdfjsExternal = {
  name: 'pdfjs-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/pdfjs\.mjs$/ }, (args) => (/formats[\\/]pdf\.ts$/.test(args.importer) ? { path: './pdfjs.mjs', external: true } : undefined));
  },
};

/**
 * pdf.js tries to load @napi-rs/canvas (for drawing, which Policy Memo never does) through a require of its own,
 * and logs a warning on stdout when it is missing, as it is in the .vsix. It gets nothing instead: src/core/sources/
 * formats/pdfjsGlobals.mjs stands in for the classes it would take from it. The build fails if pdf.js changes there.
 */
const pdfjsNoCanvas = {
  name: 'pdfjs-no-canvas',
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, async (args) => {
      const code = await require('fs').promises.readFile(args.path, 'utf8');
      const needle = 'canvas = require("@napi-rs/canvas");';
      if (!code.includes(needle)) throw new Error(`pdfjs-no-canvas: "${needle}" not found in ${args.path}`);
      return { contents: code.replace(needle, 'canvas = {};'), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin, asciiOutputPlugin, citationLibOutside, pdfjsExternal],
};

async function main() {
  const builds = [
    ...(require('fs').existsSync('src/extension.ts') ? [{ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }] : []),
    { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js'},
    { ...common, entryPoints: ['src/worker/thread.ts'], outfile: 'dist/extractWorker.js' },
    { ...common, plugins: [problemMatcherPlugin, asciiOutputPlugin], entryPoints: [CITATION_LIB], outfile: 'dist/citationLib.js', alias: { 'sync-fetch': NO_NETWORK, 'node-fetch': NO_NETWORK } },
    { ...common, format: 'esm', entryPoints: ['src/core/sources/formats/pdfjs.mjs'], outfile: 'dist/pdfjs.mjs', plugins: [problemMatcherPlugin, asciiOutputPlugin, pdfjsNoCanvas] },
  ];
  if (withTests) {
    builds.push({ ...common, minify: false, entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] });
  }
  if (withBench) {
    builds.push({ ...common, minify: false, entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js' });
    builds.push({ ...common, minify: false, entryPoints: ['test/bench/memory.ts'], outfile: 'dist/benchMemory.js' });
    builds.push({ ...common, minify: false, entryPoints: ['test/bench/stress.ts'], outfile: 'dist/stress.js' });
  }
  if (withEval) {
    builds.push({ ...common, minify: false, entryPoints: ['test/eval/run.ts'], outfile: 'dist/eval.js' });
  }
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const c of contexts) {
    const result = await c.rebuild().catch(() => ({ errors: [1] }));
    if (result.errors.length) failed = true;
    await c.dispose();
  }
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
