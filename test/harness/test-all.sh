#!/usr/bin/env bash
# Every test, from a fresh clone: installs what it needs (npm ci; Debian's chromium, pandoc and the native
# build packages; VS Code server from the code-server npm package), then runs type-check, lint,
# unit tests (plain Node), integration tests (inside a real VS Code) and the browser e2e.
set -euo pipefail
cd "$(dirname "$0")/../.."
step() { printf '\n== %s\n' "$*"; }
passed=0
# Runs a suite, echoing its output, and adds up the "N passed, M failed" / "N passing" line it ends with.
suite() {
  local out
  out=$(mktemp)
  "$@" 2>&1 | tee "$out"
  local status=${PIPESTATUS[0]}
  local n
  n=$(grep -Eo '([0-9]+) (passing|passed)' "$out" | tail -1 | grep -Eo '^[0-9]+' || echo 0)
  rm -f "$out"
  passed=$((passed + n))
  if [ "$status" -ne 0 ]; then echo "all: $passed passed, 1 failed (suite failed: $*)"; exit "$status"; fi
}

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi
step "VS Code server and chromium"
bash test/harness/install-code-server.sh >/dev/null
# Debian's pandoc (~30 s to install): the unit tests render memos with pandoc --citeproc (test/unit/pandoc.test.ts).
if ! command -v pandoc >/dev/null 2>&1; then
  step "pandoc"
  if [ "$(id -u)" != 0 ]; then echo "test-all: pandoc is missing (run as root or apt-get install pandoc)" >&2; exit 2; fi
  apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends pandoc >/dev/null
fi
step "type-check"
npx tsc --noEmit -p .
step "lint"
npx eslint src test
step "build"
node esbuild.js --tests
step "unit tests"
suite npx mocha
step "integration tests (real VS Code)"
suite node test/harness/run-integration.js
step "browser end-to-end (screenshots in test-results/)"
suite node test/harness/run-e2e.js
step "package: the .vsix installs into VS Code"
suite bash test/harness/check-vsix.sh
echo
echo "all: $passed passed, 0 failed"
