#!/usr/bin/env bash
# Interaction benchmark (a report, not a test): Chenôve and Besançon journeys at 4x CPU slowdown, click to next
# paint by the Event Timing API, and a cold first visit on Slow 4G + 4x CPU to the start screen painted; median
# and p90 over at least 5 runs (tests/e2e/perf/interaction.mjs). Extra arguments go to it (--runs N).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/build.sh"
source "$here/env.sh"
node tests/e2e/perf/interaction.mjs "$@"
