#!/usr/bin/env bash
# Benchmarks of the rules engine (reports, not timed tests): the median µs per full evaluation of every aid of
# the largest pack over random partial answer sets, natively and in headless Chromium (wasm, release build).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
source "$here/env.sh"
largest="$(for pack in packs/*/pack.toml; do echo "$(grep -c '^\[\[aid\]\]' "$pack") $pack"; done | sort -rn | head -n 1 | cut -d' ' -f2)"
echo "== native (release) =="
cargo run --quiet --release --locked -p eligo-engine --bin eligo-rules -- bench "$largest" --runs 20000
echo "== in Chromium (wasm, release) =="
cargo test --release --locked --target wasm32-unknown-unknown -p eligo --test browser_bench -- --include-ignored --nocapture 2>&1 \
  | grep -E 'in-browser benchmark|test result|panicked|error' 
