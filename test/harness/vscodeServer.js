// Starts VS Code's server (from the code-server npm package) and a headless Debian
// chromium on it, the way VS Code's own browser integration tests run. Used by the
// integration runner, the e2e screenshots and `npm start`.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 30000;
const POLL_MS = 100;
// Chromium flags for a closed network, as root, with no GPU.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Installs (once) and returns the code-server package folder. */
function codeServerPackage() {
  if (process.env.CODE_SERVER_PKG) return process.env.CODE_SERVER_PKG;
  const out = execFileSync('bash', [path.join(__dirname, 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function responds(port) {
  return new Promise((resolve) => {
    http.get(`http://127.0.0.1:${port}/`, (r) => { r.resume(); resolve(r.statusCode < 500); }).on('error', () => resolve(false));
  });
}

/**
 * Starts VS Code server on 127.0.0.1 with throw-away user data. Returns { port, url(folder, payload), stop() }.
 * settings: user settings.json content.
 */
async function startServer({ settings = {}, port, logFile } = {}) {
  const pkg = codeServerPackage();
  const serverMain = path.join(pkg, 'lib', 'vscode', 'out', 'server-main.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-memo-vscode-'));
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'workbench.tips.enabled': false, ...settings,
  }, null, 2));
  const env = { ...process.env };
  // Keep the server's sockets, logs and caches out of $HOME and the shared /tmp.
  for (const [k, d] of [['XDG_DATA_HOME', 'xdg-data'], ['XDG_CONFIG_HOME', 'xdg-config'], ['XDG_CACHE_HOME', 'xdg-cache'], ['TMPDIR', 'tmp']]) {
    env[k] = path.join(tmp, d);
    fs.mkdirSync(env[k], { recursive: true });
  }
  const chosenPort = port ?? await freePort();
  const log = fs.openSync(logFile ?? path.join(tmp, 'server.log'), 'w');
  // server-main.js, not the code-server CLI: newer VS Code honours the test payload only with
  // --enable-smoke-test-driver, which the code-server CLI rejects.
  const server = spawn(process.execPath, [serverMain, '--host', '127.0.0.1', '--port', String(chosenPort), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', path.join(tmp, 'user-data'), '--server-data-dir', path.join(tmp, 'server-data'), '--extensions-dir', path.join(tmp, 'extensions')],
  { stdio: ['ignore', log, log], detached: true, env });
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (!(await responds(chosenPort))) {
    if (Date.now() > deadline || server.exitCode !== null) {
      stopGroup(server);
      throw new Error(`VS Code server did not start on port ${chosenPort}; see ${logFile ?? path.join(tmp, 'server.log')}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const authority = `127.0.0.1:${chosenPort}`;
  return {
    port: chosenPort,
    tmp,
    url(folder, payload = []) {
      return `http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    remote(p) {
      return `vscode-remote://${authority}${p}`;
    },
    async stop() {
      stopGroup(server);
      await new Promise((r) => setTimeout(r, 300));
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function stopGroup(child) {
  // The server runs in its own process group: end it with its file watcher and extension host.
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
}

async function launchBrowser(tmp) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (npm test does) or set CHROMIUM`);
  return chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 860 },
  });
}

/** A fresh workspace folder: the sample memo, and no sources (so the bundled sample is used). */
function makeWorkspace(extra = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-memo-ws-'));
  fs.copyFileSync(path.join(ROOT, 'media', 'sample', 'memo.md'), path.join(dir, 'memo.md'));
  for (const [name, content] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

module.exports = { ROOT, startServer, launchBrowser, makeWorkspace, codeServerPackage };
