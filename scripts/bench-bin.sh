#!/usr/bin/env bash
# Builds the graph-build a benchmark times and prints its path: the plain release build,
# or with BENCH_PGO=1 the profile-guided build of scripts/build-pgo.sh. Used by
# scripts/bench.sh and scripts/bench-spacy.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${BENCH_PGO:-0}" = 1 ]; then
    scripts/build-pgo.sh | tail -1
else
    cargo build --release --quiet --bin graph-build
    echo target/release/graph-build
fi
