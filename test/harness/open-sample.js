#!/usr/bin/env node
// Serves VS Code with the extension loaded on a sample workspace and prints the URL to open.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, startServer } = require('./vscodeServer');

(async () => {
  // A fresh copy each run, so that sources/ left from a session before never hides the sample; a folder of one's own
  // (POLICY_MEMO_SAMPLE_DIR) is reused, and what it holds is said.
  const own = process.env.POLICY_MEMO_SAMPLE_DIR;
  const workspace = own ? path.resolve(own) : fs.mkdtempSync(path.join(os.tmpdir(), 'policy-memo-sample-'));
  fs.mkdirSync(workspace, { recursive: true });
  const memo = path.join(workspace, 'memo.md');
  if (!fs.existsSync(memo)) fs.copyFileSync(path.join(ROOT, 'media', 'sample', 'memo.md'), memo);
  if (own) {
    const sources = path.join(workspace, 'sources');
    const held = fs.existsSync(sources) ? fs.readdirSync(sources, { recursive: true }).filter((f) => /\.(txt|md|html?)$/i.test(String(f))) : [];
    console.log(held.length
      ? `Reusing ${workspace}: ${held.length} source(s) in sources/, so the bundled sample article is not used`
      : `Reusing ${workspace}: no sources/, so memos are checked against the bundled sample article`);
  }
  const port = Number(process.env.PORT || 8090);
  const server = await startServer({ port });
  const url = server.url(workspace, [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']]);
  console.log(`Policy Memo is running in VS Code on the sample workspace ${workspace}`);
  console.log(`Open: ${url}`);
  console.log('(served on 127.0.0.1 only; Ctrl+C stops it)');
  const stop = async () => {
    await server.stop();
    if (!own) fs.rmSync(workspace, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.POLICY_MEMO_EXIT_AFTER_START) await stop();
})().catch((error) => {
  console.error(`open-sample: ${error.message}`);
  process.exit(1);
});
