#!/usr/bin/env bash
# Score graph-build on the development set (../shared/eval) with the project's scorer.
# usage: scripts/score.sh [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$eval_dir"/corpus/*.txt; do
  ./target/release/graph-build --format json "$f" > "$out/$(basename "$f" .txt).json"
done
python3 "$eval_dir/score.py" "$eval_dir/gold" "$out" "$@"
