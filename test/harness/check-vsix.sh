#!/usr/bin/env bash
# Packages the extension and installs the .vsix into a throw-away VS Code (code-server) profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=$(bash test/harness/install-code-server.sh)
npm run --silent package >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The lazily loaded citation bundle and the CSL styles with their licence ship in it.
listing=$(python3 -m zipfile -l dist/policy-memo.vsix)
for f in extension/dist/citationLib.js extension/media/csl/apa.csl extension/media/csl/chicago-fullnote-bibliography.csl extension/media/csl/locales-en-US.xml extension/media/csl/LICENSE.md; do
  if ! grep -q "$f" <<<"$listing"; then echo "vsix: 0 passed, 1 failed ($f is not in dist/policy-memo.vsix)"; exit 1; fi
done
node "$pkg/out/node/entry.js" --extensions-dir "$tmp/ext" --user-data-dir "$tmp/ud" --install-extension dist/policy-memo.vsix >/dev/null
if node "$pkg/out/node/entry.js" --extensions-dir "$tmp/ext" --user-data-dir "$tmp/ud" --list-extensions | grep -qx 'policy-memo.policy-memo'; then
  echo "vsix: 1 passed, 0 failed"
else
  echo "vsix: 0 passed, 1 failed (dist/policy-memo.vsix did not install)"
  exit 1
fi
