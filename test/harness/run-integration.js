#!/usr/bin/env node
// Runs the integration suite (test/integration, bundled to dist/test/integration/index.js)
// inside the Node extension host of a real VS Code server, driven by headless chromium.
// The suite's run() is the same one @vscode/test-electron's runTests would load on a desktop.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { format } = require('node:util');
const { ROOT, startServer, launchBrowser, makeWorkspace } = require('./vscodeServer');

const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 240000);
// The workbench logs its own start-up (and the marketplace it cannot reach here); only the tests' output matters.
const WORKBENCH_NOISE = /open-vsx\.org|ServiceWorker|Creating a socket|connection token|ChatSessionStore|builtin extensions cache|workbench\.js:\d+|^\s*at /;

(async () => {
  const testsPath = path.join(ROOT, 'dist', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsPath)) {
    console.error('run-integration: dist/test/integration/index.js is missing; run `node esbuild.js --tests` first');
    process.exit(2);
  }
  const workspace = makeWorkspace();
  const server = await startServer();
  let exitCode = 1;
  let browser;
  try {
    browser = await launchBrowser(server.tmp);
    const page = browser.pages()[0] ?? await browser.newPage();
    const finished = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = format(...args);
        if (!WORKBENCH_NOISE.test(text)) (console[type] ?? console.log)(text);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(server.url(workspace, [
      ['extensionDevelopmentPath', server.remote(ROOT)],
      ['extensionTestsPath', server.remote(testsPath)],
      ['skipWelcome', 'true'],
    ]));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
    const result = await Promise.race([finished, timeout]);
    if (result === 'timeout') {
      console.error(`run-integration: no result after ${TIMEOUT_MS} ms`);
      fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'integration-timeout.png') }).catch(() => {});
    } else {
      exitCode = result;
    }
  } catch (error) {
    console.error('run-integration:', error);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  process.exit(exitCode);
})();
