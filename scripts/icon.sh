#!/bin/bash
# Renders media/logo.svg to media/icon.png (128x128, the Marketplace and Extensions view icon) with headless chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium --headless --no-sandbox --disable-gpu --window-size=128,128 --default-background-color=00000000 \
  --screenshot="$PWD/media/icon.png" "file://$PWD/media/logo.svg" 2>/dev/null
echo "media/icon.png"
