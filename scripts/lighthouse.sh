#!/usr/bin/env bash
# Builds the release bundle and audits it with Lighthouse (mobile, simulated throttling): start and results pages.
# Prints the four category scores and the key metrics; writes reports/lighthouse-*.json; fails under the thresholds
# (performance ≥ 95, accessibility = 100, best practices ≥ 95).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
bash "$here/build.sh"
source "$here/env.sh"
node tests/e2e/perf/lighthouse.mjs
