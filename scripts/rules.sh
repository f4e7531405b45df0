#!/usr/bin/env bash
# The rules checker for CCAS staff, without knowing cargo:
#   bash scripts/rules.sh check packs/chenove/pack.toml
#   bash scripts/rules.sh test packs/chenove/pack.toml
#   bash scripts/rules.sh explain packs/chenove/pack.toml packs/chenove/examples/student-20.toml --lang fr
# (see engine/README.md for every command). The first run compiles the tool (about a minute).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
exec cargo run --quiet --release --locked -p eligo-engine --bin eligo-rules -- "$@"
