# Sourced by the other scripts: the tools that setup.sh installs, first on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/scripts/node_modules/.bin:$ROOT/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH=/usr/bin/chromium
cd "$ROOT"
