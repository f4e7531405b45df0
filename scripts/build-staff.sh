#!/usr/bin/env bash
# Builds one staff page, staff/NAME/NAME.html (a crate of the workspace with its own bin), as a separate bundle
# of the release, and merges it into dist/: NAME.html at the top, its files under dist/NAME/, its start-up
# script as dist/NAME-boot-<hash>.js. The resident pages never fetch any of it (their service worker does not
# list it; the size report counts it apart). Run after build.sh's resident build (build.sh calls it).
#   bash scripts/build-staff.sh studio
# If staff/NAME/editor/editor.js exists, esbuild bundles it (with its npm
# packages from scripts/package.json) into staff/NAME/build/editor.js first, for the page to load.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
NAME="${1:?usage: build-staff.sh NAME (a folder of staff/)}"
[[ -f "staff/$NAME/$NAME.html" ]] || { echo "build-staff: staff/$NAME/$NAME.html is missing" >&2; exit 1; }
[[ -f dist/index.html ]] || { echo "build-staff: build the resident page first (bash scripts/build.sh)" >&2; exit 1; }
source "$ROOT/scripts/release-env.sh"

if [[ -f "staff/$NAME/editor/editor.js" ]]; then
  mkdir -p "staff/$NAME/build"
  # Its npm packages live in scripts/node_modules (scripts/package.json), not above staff/.
  NODE_PATH="$ROOT/scripts/node_modules" esbuild "staff/$NAME/editor/editor.js" --bundle --minify --format=iife --target=es2020 --legal-comments=none \
    --log-level=warning --outfile="staff/$NAME/build/editor.js"
fi

# Trunk empties its dist: a folder of its own, merged afterwards. Assets are referenced under ./NAME/.
OUT="$ROOT/target/staff/$NAME"
trunk build --release --offline --dist "$OUT" --public-url "./$NAME/" "staff/$NAME/$NAME.html"
node scripts/postbuild-staff.mjs "$NAME" "$OUT" dist
# Its wasm-bindgen snippets must not reach the next resident build (scripts/build.sh clears them too): the
# resident page would preload them.
rm -rf "$CARGO_TARGET_DIR/wasm-bindgen/release/snippets"
