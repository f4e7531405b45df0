# Sourced by the other scripts: the tools that setup.sh installs, first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/scripts/node_modules/.bin:$ROOT/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH=/usr/bin/chromium
cd "$ROOT"
# wasm-bindgen-test-runner gives the whole component suite 20 s by default, then reports "it might have timed
# out": the suite takes about 20 s on a 2-core machine (the kiosk memory test alone runs 480 sessions), more on
# a loaded CI machine. A real hang still ends the run, after 5 minutes.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
