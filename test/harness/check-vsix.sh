#!/usr/bin/env bash
# Packages the extension and installs the .vsix into a throw-away VS Code (code-server) profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=$(bash test/harness/install-code-server.sh)
npm run --silent package >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node "$pkg/out/node/entry.js" --extensions-dir "$tmp/ext" --user-data-dir "$tmp/ud" --install-extension dist/policy-memo.vsix >/dev/null
if node "$pkg/out/node/entry.js" --extensions-dir "$tmp/ext" --user-data-dir "$tmp/ud" --list-extensions | grep -qx 'policy-memo.policy-memo'; then
  echo "vsix: 1 passed, 0 failed"
else
  echo "vsix: 0 passed, 1 failed (dist/policy-memo.vsix did not install)"
  exit 1
fi
