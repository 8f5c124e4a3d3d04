// Bundles the extension, the CLI, the engine they share, the integration tests, the benchmarks (speed, memory, pathological input) and the
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
 * A library bundled on its own and loaded by a require() on first use, which every other bundle makes from beside
 * itself: the bundles read at every activation (the extension's, the engine's) do not carry it.
 * - citation-js and citeproc (src/core/citing/citationLib.ts, dist/citationLib.js): the first time a memo has a
 *   bibliography or a CSL style is used (bibliography.ts);
 * - jszip and mammoth (src/core/sources/formats/docxLib.ts, dist/docxLib.js): the first Word document (docx.ts).
 */
const CITATION_LIB = path.join(__dirname, 'src', 'core', 'citing', 'citationLib.ts');
const DOCX_LIB = path.join(__dirname, 'src', 'core', 'sources', 'formats', 'docxLib.ts');
const LAZY_LIBS = [CITATION_LIB, DOCX_LIB];
const lazyLibsOutside = {
  name: 'lazy-libs-outside',
  setup(build) {
    const outDir = path.dirname(build.initialOptions.outfile);
    for (const lib of LAZY_LIBS) {
      const name = path.basename(lib, '.ts');
      build.onResolve({ filter: new RegExp(`^\\./${name}$`) }, (args) => {
        if (path.join(args.resolveDir, `${name}.ts`) !== lib) return undefined;
        const relative = path.relative(outDir, path.join(__dirname, 'dist', `${name}.js`)).split(path.sep).join('/');
        return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
      });
    }
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

/**
 * The engine (src/core with wink-nlp, its model, chrono-node, …) is a bundle of its own, dist/engine.js, built from
 * src/engine.ts: the extension, the CLI and the extraction worker require it from beside themselves at run time, so
 * the .vsix carries it once instead of once per entry point (issue 13). A thread that loads engine.js has one copy of
 * every module-level cache (the NLP model, interned strings) whichever bundles use it. Each import of a src/core
 * module from outside src/core becomes a one-line module that asks dist/engine.js for that module's namespace;
 * a module src/engine.ts does not list stops the build, so nothing of the engine is bundled into an entry point by
 * accident. src/engine.ts loads each module on first request, so an entry point runs only the engine it imports.
 */
const ENGINE_ENTRY = path.join(__dirname, 'src', 'engine.ts');
const ENGINE_FILE = 'engine.js';
const CORE_DIR = path.join(__dirname, 'src', 'core');
/** `sources/library` -> `sources_library`, as src/engine.ts names the function that loads a module. */
const engineName = (module) => module.replace(/\//g, '_');
const ENGINE_MODULES = new Map([...require('fs').readFileSync(ENGINE_ENTRY, 'utf8').matchAll(/^export (?:\* as (\w+) from '\.\/core\/([\w/]+)'|const (\w+) = \(\): typeof import\('\.\/core\/([\w/]+)'\) => require\('\.\/core\/\4'\));$/gm)]
  .map(([, eagerName, eagerModule, lazyName, lazyModule]) => {
    const [name, module] = eagerName ? [eagerName, eagerModule] : [lazyName, lazyModule];
    if (name !== engineName(module)) throw new Error(`src/engine.ts: ${module} must be exported as ${engineName(module)}`);
    return [module, { lazy: !eagerName }];
  }));
const engineOutside = {
  name: 'engine-outside',
  setup(build) {
    const outDir = path.dirname(build.initialOptions.outfile);
    const relative = path.relative(outDir, path.join(__dirname, 'dist', ENGINE_FILE)).split(path.sep).join('/');
    const enginePath = relative.startsWith('.') ? relative : `./${relative}`;
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace === 'engine') return { path: args.path, external: true };
      const inCore = (file) => file === CORE_DIR || file.startsWith(CORE_DIR + path.sep);
      const target = path.resolve(args.resolveDir, args.path);
      if (inCore(args.importer) || !inCore(target)) return undefined;
      const module = path.relative(CORE_DIR, target).split(path.sep).join('/').replace(/\.ts$/, '').replace(/\/index$/, '');
      if (!ENGINE_MODULES.has(module)) {
        return { errors: [{ text: `${args.importer} imports src/core/${module}, which src/engine.ts does not export: add \`export * as ${engineName(module)} from './core/${module}';\` there` }] };
      }
      return { path: module, namespace: 'engine' };
    });
    build.onLoad({ filter: /.*/, namespace: 'engine' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(enginePath)}).${engineName(args.path)}${ENGINE_MODULES.get(args.path).lazy ? '()' : ''};`,
      loader: 'js',
      resolveDir: outDir,
    }));
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
  plugins: [problemMatcherPlugin, asciiOutputPlugin, lazyLibsOutside, pdfjsExternal],
};

async function main() {
  const builds = [
    ...(require('fs').existsSync('src/extension.ts') ? [{ ...common, plugins: [...common.plugins, engineOutside], entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }] : []),
    { ...common, plugins: [...common.plugins, engineOutside], entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' },
    { ...common, plugins: [...common.plugins, engineOutside], entryPoints: ['src/worker/thread.ts'], outfile: 'dist/extractWorker.js' },
    { ...common, entryPoints: [ENGINE_ENTRY], outfile: `dist/${ENGINE_FILE}` },
    { ...common, plugins: [problemMatcherPlugin, asciiOutputPlugin], entryPoints: [CITATION_LIB], outfile: 'dist/citationLib.js', alias: { 'sync-fetch': NO_NETWORK, 'node-fetch': NO_NETWORK } },
    { ...common, plugins: [problemMatcherPlugin, asciiOutputPlugin], entryPoints: [DOCX_LIB], outfile: 'dist/docxLib.js' },
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
    builds.push({ ...common, minify: false, entryPoints: ['test/eval/fit.ts'], outfile: 'dist/fit.js' });
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
