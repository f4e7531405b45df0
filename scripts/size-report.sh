#!/usr/bin/env bash
# Builds the release bundle and prints its size per file and in total (raw, gzip -9, brotli);
# fails when the first load is over the budget of size-budget.json. Extra arguments go to size-report.mjs.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/build.sh"
source "$here/env.sh"
node scripts/size-report.mjs "$@"
