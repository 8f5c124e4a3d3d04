#!/usr/bin/env node
// Serves VS Code with the extension loaded on a sample workspace and prints the URL to open.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, startServer } = require('./vscodeServer');

(async () => {
  const workspace = path.join(process.env.POLICY_MEMO_SAMPLE_DIR || path.join(os.homedir(), 'policy-memo-sample'));
  fs.mkdirSync(workspace, { recursive: true });
  const memo = path.join(workspace, 'memo.md');
  if (!fs.existsSync(memo)) fs.copyFileSync(path.join(ROOT, 'media', 'sample', 'memo.md'), memo);
  const port = Number(process.env.PORT || 8090);
  const server = await startServer({ port });
  const url = server.url(workspace, [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']]);
  console.log(`Policy Memo is running in VS Code on the sample workspace ${workspace}`);
  console.log(`Open: ${url}`);
  console.log('(served on 127.0.0.1 only; Ctrl+C stops it)');
  const stop = async () => { await server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.POLICY_MEMO_EXIT_AFTER_START) await stop();
})().catch((error) => {
  console.error(`open-sample: ${error.message}`);
  process.exit(1);
});
