#!/usr/bin/env bash
# Builds the release bundle into dist/ (offline, with wasm-opt), then finishes it (CSP, no inline script).
# Run setup.sh once before (serve.sh and test.sh do).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

source "$ROOT/scripts/release-env.sh"

# wasm-bindgen's output folder is shared with the staff pages' builds (the same target folder): their JS
# snippets left there would be preloaded by the resident page. The resident app has none of its own.
rm -rf "$CARGO_TARGET_DIR/wasm-bindgen/release/snippets"
trunk build --release --offline
node scripts/postbuild.mjs dist --pack-manifest "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/eligo-packs.json"

# The staff pages: separate bundles merged into dist/ after the resident page is finished (its service
# worker never lists them; the size report counts them apart). Convention: docs/architecture.md.
for page in staff/*/; do
  bash scripts/build-staff.sh "$(basename "$page")"
done
