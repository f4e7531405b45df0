#!/usr/bin/env bash
# Sets up everything needed (idempotently) and runs every test layer:
#   style and lints (native and wasm32) · native engine and pack tests · component tests in headless Chromium
#   (wasm-bindgen-test) · release build and size budgets · Lighthouse · end-to-end tests with Playwright in Chromium.
# Stops at the first failing layer.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
source "$here/env.sh"

# Every temporary file of the run (Chromium profiles, served copies of the site, Lighthouse and CLI outputs) goes
# under one folder of the checkout, emptied at the start and removed at the end: a CI machine once ran out of
# disk in the end-to-end layer, with the temporary folders of earlier runs still on it.
export TMPDIR="$ROOT/target/test-tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"
# CI builds once from a clean checkout: incremental compilation caches (1.3 GB here) would never be reused.
if [[ -n "${CI:-}" ]]; then export CARGO_INCREMENTAL=0; fi
cleanup() { rm -rf "$TMPDIR" 2>/dev/null || true; }
trap cleanup EXIT

# Each step prints the free disk space, so that a run that fails for want of it says so.
step() { printf '\n\033[1m== %s ==\033[0m (disk free: %s)\n' "$*" "$(df -h --output=avail "$ROOT" | tail -1 | tr -d ' ')"; }

step "format"
cargo fmt --all --check

step "lints (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "lints (wasm32)"
cargo clippy --target wasm32-unknown-unknown -p eligo --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p eligo-studio --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p eligo-engine --no-default-features --lib --locked -- -D warnings

step "dependency policy (licences, bans, sources; advisories need the network: see README)"
cargo deny --locked check licenses bans sources

step "layer 1: native tests (engine, packs and their cases)"
cargo test --workspace --locked

step "release build"
bash scripts/build.sh
# The size report's first visit is a cold visit that lasts 30 s (scripts/first-visit.mjs) and needs the CPU for
# its first seconds only: it runs beside the component tests (its figures are bytes, not timings), and is
# judged below.
mkdir -p reports
node scripts/size-report.mjs >reports/size-report.txt 2>&1 &
size_report=$!
trap 'kill "$size_report" 2>/dev/null || true; cleanup' EXIT

step "layer 2: component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown -p eligo --locked

step "size budgets (first load; first visit, as the network sees it)"
size_status=0
wait "$size_report" || size_status=$?
cat reports/size-report.txt
if ((size_status != 0)); then exit "$size_status"; fi
# The gates themselves must be able to fail: a budget below the total has to be refused (the first visit
# judged again from the log the report just wrote, without a second visit).
if node scripts/size-report.mjs --budget 1000 >/dev/null 2>&1; then
  echo "size report: the budget gate did not fail with a 1000 B budget" >&2
  exit 1
fi
if node scripts/size-report.mjs --from-log reports/first-visit.json --first-visit-budget 1000 >/dev/null 2>&1; then
  echo "size report: the first-visit gate did not fail with a 1000 B budget" >&2
  exit 1
fi

step "performance audit (Lighthouse, mobile)"
node tests/e2e/perf/lighthouse.mjs

step "layer 3: end-to-end tests in Chromium (Playwright)"
(cd tests/e2e && npm test --silent)

step "all test layers passed"
