#!/usr/bin/env bash
# Fuzz the whole pipeline, from bytes to every export format, one target after the other.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s each; text html jsonl)
#
# Installs cargo-fuzz when missing; builds with RUSTC_BOOTSTRAP=1 (cargo-fuzz needs
# nightly compiler flags). Seeds each target with the bundled articles and the kept
# findings in tests/hostile/fuzz/; crashes land in fuzz/artifacts/TARGET/. Copy an
# interesting input into tests/hostile/fuzz/ to keep it as a regression test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html jsonl)
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
for target in "${targets[@]}"; do
    corpus=fuzz/corpus/$target
    mkdir -p "$corpus"
    cp tests/hostile/fuzz/* tests/hostile/inputs/* tests/fixtures/*.txt tests/fixtures/corpus/* "$corpus"/ 2>/dev/null || true
    cargo fuzz run -O "$target" "$corpus" -- \
        -max_total_time="$seconds" -max_len=16384 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
done
