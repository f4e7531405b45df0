#!/usr/bin/env bash
# Builds the release bundle into dist/ (offline, with wasm-opt), then finishes it (CSP, no inline script).
# Run setup.sh once before.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
trunk build --release --offline
node scripts/postbuild.mjs dist
