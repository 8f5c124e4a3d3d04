#!/usr/bin/env bash
# Opens Policy Memo in a real VS Code (VS Code server from the code-server npm package, in your
# browser) on a sample workspace: the bundled sample article and a sample memo. Installs what it
# needs on first run. Prints the URL; Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node esbuild.js
exec node test/harness/open-sample.js "$@"
