#!/usr/bin/env bash
# Builds a staff page apart from the resident app and merges it into dist/ (run after scripts/build.sh):
#   bash scripts/build-staff.sh NAME
# The page is staff/NAME/NAME.html with its crate in staff/NAME/ (a Trunk target of its own). Trunk builds it
# into target/staff/NAME/, then scripts/postbuild-staff.mjs moves Trunk's inline start-up script into a file,
# sets the page's Content-Security-Policy, names every file of the page NAME-… and copies them into dist/ beside
# the resident app's (never over one of them).
# No resident page references them: the resident first load and the service worker's lists (written before)
# stay as they are, and scripts/size-report.mjs lists the staff pages' bytes apart.
set -euo pipefail
name="${1:?usage: build-staff.sh NAME (a staff page: staff/NAME/NAME.html)}"
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
page="staff/$name/$name.html"
if [[ ! -f "$page" ]]; then
  echo "build-staff: no $page" >&2
  exit 2
fi
if [[ ! -f dist/index.html ]]; then
  echo "build-staff: build the resident app first (bash scripts/build.sh): dist/index.html is missing" >&2
  exit 2
fi
# The same size options as the resident app (scripts/build.sh says why), in the same target folder: the
# dependencies they share are compiled once.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
export CARGO_TARGET_DIR="$ROOT/target/bundle"
out="$ROOT/target/staff/$name"
trunk build "$page" --release --offline --dist "$out"
node scripts/postbuild-staff.mjs "$out" "$name" dist
# Its snippets must not reach the next resident build (scripts/build.sh clears them too).
rm -rf "$CARGO_TARGET_DIR/wasm-bindgen/release/snippets"
