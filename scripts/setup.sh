#!/usr/bin/env bash
# Installs everything Eligo needs to build, serve and test, from package registries only, idempotently:
# a second run with everything present takes seconds. Sourced by serve.sh and test.sh (not run by hand).
#
#   the Rust toolchain of rust-toolchain.toml with its wasm32 target, rustfmt, clippy, rust-src · trunk 0.21.14 ·
#   wasm-bindgen-cli (same version as wasm-bindgen in Cargo.lock) · cargo-deny · Debian chromium + chromium-driver ·
#   the build's npm tools (scripts/package.json: binaryen's wasm-opt, terser and csso for scripts/postbuild.mjs) ·
#   the tests' npm packages (tests/e2e/package.json: playwright-core, axe-core, lighthouse, jsQR)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"  # rust-toolchain.toml applies to the commands run from the repository
TRUNK_VERSION="0.21.14"
CARGO_DENY_VERSION="0.20.2"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"

export PATH="$ROOT/scripts/node_modules/.bin:$ROOT/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

version_of() { "$@" 2>/dev/null | head -n 1 || true; }

ensure_rust_targets() {
  # The pinned toolchain (rust-toolchain.toml): installed once; asking rustup for an installed pinned version
  # would still reach for the network, so only when it is missing.
  local channel
  channel="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$ROOT/rust-toolchain.toml")"
  if ! rustup toolchain list | grep -q "^$channel-"; then
    say "installing the Rust toolchain $channel (rust-toolchain.toml)"
    (cd "$ROOT" && rustup toolchain install "$channel" --profile minimal)
  fi
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local installed
  installed="$(rustup component list --installed)"
  # rust-src: the release build rebuilds the standard library for size (scripts/build.sh).
  for component in rustfmt clippy rust-src; do
    if ! grep -q "^$component" <<<"$installed"; then
      say "adding rustup component $component"
      rustup component add "$component"
    fi
  done
}

ensure_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # Arabic and Latin glyphs for the screenshots the tests take.
  dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
  if ((${#missing[@]})); then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
  fi
}

ensure_cargo_tools() {
  if [[ "$(version_of trunk --version)" != "trunk $TRUNK_VERSION" ]]; then
    say "installing trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  if [[ "$(version_of wasm-bindgen --version)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
    # Not --locked: the crate's own lock file pins dependencies that no longer build on this rustc.
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [[ "$(version_of cargo-deny --version)" != "cargo-deny $CARGO_DENY_VERSION" ]]; then
    say "installing cargo-deny $CARGO_DENY_VERSION (about 5 minutes, once)"
    cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
  fi
}

# npm ci in $1 when its package-lock.json changed since the last install (a stamp in node_modules).
ensure_npm_packages() {
  local dir="$ROOT/$1" stamp lock_sum
  stamp="$dir/node_modules/.eligo-lock.sha256"
  lock_sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sum" ]]; then
    say "installing the npm packages of $1 (from package-lock.json)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sum" >"$stamp"
  fi
}

ensure_crates_fetched() {
  # Trunk builds with --offline: every crate must already be in cargo's cache, the standard library's own
  # dependencies too (the release build rebuilds it, scripts/build.sh).
  (cd "$ROOT" && cargo fetch --locked -q)
  (cd "$ROOT" && RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort cargo fetch --locked -q --target wasm32-unknown-unknown)
}

ensure_rust_targets
ensure_debian_packages
ensure_cargo_tools
ensure_npm_packages scripts
ensure_npm_packages tests/e2e
ensure_crates_fetched
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | awk '{print $1, $2}')"
