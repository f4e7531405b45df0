# Sourced by build.sh and build-staff.sh (after env.sh): how the release wasm is compiled.
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  echo "build: the rust-src component is missing (the release build rebuilds the standard library): run bash scripts/setup.sh" >&2
  exit 1
fi

# The standard library is rebuilt for size with the app (the rust-src component, setup.sh adds it), and a
# panic is an immediate abort: no panic messages, locations or formatting code in the wasm (18 KB gzip of the
# first load). A panic then is a bare wasm trap: the start-up script shows the apology
# (src/panic_screen.rs). These are unstable options of the stable 1.95 compiler, enabled for this build
# only by RUSTC_BOOTSTRAP; a compiler that changes them fails here, loudly, never silently.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
# Its own target folder: these flags would otherwise rebuild the tests' wasm dependencies and back.
export CARGO_TARGET_DIR="$ROOT/target/bundle"
