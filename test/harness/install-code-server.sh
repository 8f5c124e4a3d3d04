#!/usr/bin/env bash
# Installs VS Code server (from the code-server npm package) into a cache folder, so
# integration tests and the sample workspace run in a real VS Code without downloading
# anything but npm and Debian packages. Idempotent: a finished install is reused.
#
# Why each step exists (each one was a hard failure without it on an offline Debian box):
#  - native modules have no reachable prebuilds, so node-gyp builds them: needs the -dev packages;
#  - @vscode/ripgrep's postinstall downloads rg from GitHub: we seed its cache with Debian's rg;
#  - node-pty's postinstall runs `npx node-gyp`, which an npmrc with yes=false cancels;
#  - code-server's postinstall refuses to run as root without unsafe-perm.
# Usage: install-code-server.sh   (prints the package folder on its last line)
set -euo pipefail
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${POLICY_MEMO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/policy-memo}"
DEST="$CACHE/code-server-$VERSION"
PKG="$DEST/node_modules/code-server"
APT_PACKAGES=(chromium build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep)

need_apt=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p"); done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-code-server: missing Debian packages: ${need_apt[*]} (run as root or install them)" >&2; exit 2
  fi
  echo "install-code-server: apt-get install ${need_apt[*]}" >&2
  apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f "$DEST/.complete" ] && [ -f "$PKG/lib/vscode/out/server-main.js" ]; then
  echo "$PKG"; exit 0
fi

echo "install-code-server: installing code-server $VERSION into $DEST (about a minute)" >&2
rm -rf "$DEST"; mkdir -p "$DEST"
export TMPDIR="$DEST/.tmp"; mkdir -p "$TMPDIR"
for v in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  d="$TMPDIR/vscode-ripgrep-cache-$v"; mkdir -p "$d"
  tar czf "$d/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
done
cd "$DEST"
echo '{"name":"policy-memo-code-server","private":true}' > package.json
npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION" >&2
test -f "$PKG/lib/vscode/out/server-main.js"
rm -rf "$TMPDIR"
touch "$DEST/.complete"
echo "$PKG"
