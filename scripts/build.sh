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
# Yew's server renderer is for the build step below only: the wasm must not carry it (Cargo unifies features
# only within one build, and Trunk builds the `eligo` package alone; this fails if that ever changes).
native=(env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES
  -u CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS CARGO_TARGET_DIR="$ROOT/target")
yew_features=$("${native[@]}" cargo tree --offline --locked -p eligo --target wasm32-unknown-unknown -e normal -f '{p} {f}' -i yew | head -1)
if [[ "$yew_features" != "yew v0.23"* || "$yew_features" == *ssr* ]]; then
  echo "build: the wasm build of eligo would get yew's ssr feature (cargo tree: $yew_features)" >&2
  exit 1
fi
# The start screen rendered at build time by the app's own views (tools/prerender), for index.html: a native
# debug build in target/ (the tests' build), without the release's build-std settings.
"${native[@]}" cargo run --quiet --offline --locked -p eligo-prerender > "$CARGO_TARGET_DIR/prerender.html"
node scripts/postbuild.mjs dist --pack-manifest "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/eligo-packs.json" \
  --prerender "$CARGO_TARGET_DIR/prerender.html"

# The staff pages: separate bundles merged into dist/ after the resident page is finished (its service
# worker never lists them; the size report counts them apart). Convention: docs/architecture.md.
for page in staff/*/; do
  bash scripts/build-staff.sh "$(basename "$page")"
done
