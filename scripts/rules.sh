#!/usr/bin/env bash
# The rules checker for CCAS staff, without knowing cargo:
#   bash scripts/rules.sh check packs/chenove/pack.toml
#   bash scripts/rules.sh test packs/chenove/pack.toml
#   bash scripts/rules.sh explain packs/chenove/pack.toml packs/chenove/examples/student-20.toml --lang fr
# (see engine/README.md for every command). The first run compiles the tool (about a minute): it says so.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Say so before a (re)compilation, which is silent otherwise: the tool is missing, or its sources changed.
bin="${CARGO_TARGET_DIR:-target}/release/eligo-rules"
if [ ! -x "$bin" ] || [ -n "$(find engine/src engine/Cargo.toml Cargo.lock -newer "$bin" -print -quit 2>/dev/null)" ]; then
  if [ -x "$bin" ]; then why="its sources changed"; else why="first run"; fi
  echo "eligo-rules: compiling the checker ($why): about a minute on a small machine, then instant." >&2
fi
exec cargo run --quiet --release --locked -p eligo-engine --bin eligo-rules -- "$@"
