#!/usr/bin/env bash
# Sets up everything needed (idempotently), builds the release bundle and serves it at http://127.0.0.1:8080
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/build.sh"
source "$here/env.sh"
exec node scripts/serve-dist.mjs --dir dist --port "${PORT:-8080}" --host 127.0.0.1
