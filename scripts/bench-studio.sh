#!/usr/bin/env bash
# Studio benchmark (a report, not a test): median time of a full re-check plus every case of the largest pack
# after an edit, in Chromium (tests/e2e/perf/studio.mjs; target <= 30 ms). Extra arguments go to it (--runs N).
# Set STUDIO_BENCH_NO_BUILD=1 to measure the dist/ already built.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
if [[ -z "${STUDIO_BENCH_NO_BUILD:-}" ]]; then
  bash "$here/setup.sh"
  bash "$here/build.sh"
fi
source "$here/env.sh"
node tests/e2e/perf/studio.mjs "$@"
