#!/usr/bin/env bash
# Packages the extension and installs the .vsix into a throw-away VS Code (code-server) profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=$(bash test/harness/install-code-server.sh)
npm run --silent package >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The engine, the lazily loaded citation and Word bundles, and the CSL styles with their licence ship in it.
listing=$(python3 -m zipfile -l dist/policy-memo.vsix)
for f in extension/dist/citationLib.js extension/dist/docxLib.js extension/dist/engine.js extension/media/csl/apa.csl extension/media/csl/chicago-fullnote-bibliography.csl extension/media/csl/locales-en-US.xml extension/media/csl/LICENSE.md; do
  if ! grep -q "$f" <<<"$listing"; then echo "vsix: 0 passed, 1 failed ($f is not in dist/policy-memo.vsix)"; exit 1; fi
done
# The engine ships once, in dist/engine.js (esbuild.js, issue 13): a string of src/core, one of wink-nlp and one of its
# model's lexicon are each in exactly that one file of the .vsix, and each entry bundle stays small. 200 KB is ~4x the
# extension's bundle today (51 KB: the editor adapters) and less than any piece of the engine worth shipping twice
# (the antonym table alone is ~250 KB, wink-nlp's model ~3 MB); a single core module copied in is caught by the markers.
if ! python3 - dist/policy-memo.vsix <<'PY'
import sys, zipfile
ENGINE = 'extension/dist/engine.js'
ENTRY_BUNDLES = ['extension/dist/extension.js', 'extension/dist/cli.js', 'extension/dist/extractWorker.js']
ENTRY_BUNDLE_MAX_BYTES = 200 * 1024
MARKERS = {
    'src/core (a diagnostic code)': 'conflict/attribution',
    'wink-nlp (an error message)': 'wink-nlp: invalid model',
    "wink-nlp's English model (its lexicon)": '"lexeme","lexical","lexicalisation"',
}
with zipfile.ZipFile(sys.argv[1]) as vsix:
    code = {n: vsix.read(n).decode('utf-8', 'replace') for n in vsix.namelist() if n.startswith('extension/dist/') and n.endswith(('.js', '.mjs'))}
problems = []
for what, marker in MARKERS.items():
    holders = sorted(n for n, text in code.items() if marker in text)
    if holders != [ENGINE]:
        problems.append(f'{what} ("{marker}") is in {", ".join(holders) or "no file"}, not in {ENGINE} alone')
for name in ENTRY_BUNDLES:
    if name not in code:
        problems.append(f'{name} is missing')
        continue
    size = len(code[name].encode())
    if size > ENTRY_BUNDLE_MAX_BYTES:
        problems.append(f'{name} is {size} bytes, over {ENTRY_BUNDLE_MAX_BYTES}: does it carry engine code?')
    if 'require("./engine.js")' not in code[name]:
        problems.append(f'{name} does not require ./engine.js')
for p in problems:
    print(f'vsix: {p}', file=sys.stderr)
sys.exit(1 if problems else 0)
PY
then echo "vsix: 0 passed, 1 failed (the engine is not shipped once in dist/engine.js)"; exit 1; fi
# From the packaged layout alone (no node_modules, no src/): memo-check checks the sample memo and reads a Word
# document (engine.js and docxLib.js beside it), and the extraction worker answers a request.
python3 -m zipfile -e dist/policy-memo.vsix "$tmp/unpacked"
packaged="$tmp/unpacked/extension"
# Exit status 1 is "conflicts found", as the sample memo has.
checked=$(node "$packaged/dist/cli.js" "$packaged/media/sample/memo.md" 2>/dev/null || true)
if ! grep -q 'conflict/number' <<<"$checked"; then
  echo "vsix: 0 passed, 1 failed (the packaged memo-check finds no conflict/number in the sample memo)"; exit 1
fi
extracted=$(node "$packaged/dist/cli.js" extract --format json test/fixtures/formats/flood-draft.docx)
if ! grep -q '"Peter Glas"' <<<"$extracted"; then
  echo "vsix: 0 passed, 1 failed (the packaged memo-check does not read a Word document)"; exit 1
fi
if ! node -e '
  const { Worker } = require("node:worker_threads");
  const worker = new Worker(process.argv[1]);
  const text = require("node:fs").readFileSync(process.argv[2], "utf8");
  worker.on("message", (m) => {
    if (m === "ready") return worker.postMessage({ id: 1, path: process.argv[2], text, isSample: false });
    process.exitCode = m.id === 1 && m.extraction && JSON.parse(m.extraction.json).quotes.length > 0 ? 0 : 1;
    void worker.terminate();
  });
  worker.on("error", (e) => { console.error(e); process.exitCode = 1; });
' "$packaged/dist/extractWorker.js" "$packaged/media/sample/rutte-sudani-the-hague.txt"; then
  echo "vsix: 0 passed, 1 failed (the packaged extraction worker did not extract the sample)"; exit 1
fi
node "$pkg/out/node/entry.js" --extensions-dir "$tmp/ext" --user-data-dir "$tmp/ud" --install-extension dist/policy-memo.vsix >/dev/null
if node "$pkg/out/node/entry.js" --extensions-dir "$tmp/ext" --user-data-dir "$tmp/ud" --list-extensions | grep -qx 'policy-memo.policy-memo'; then
  echo "vsix: 1 passed, 0 failed"
else
  echo "vsix: 0 passed, 1 failed (dist/policy-memo.vsix did not install)"
  exit 1
fi
