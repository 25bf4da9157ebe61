#!/usr/bin/env bash
# A profile-guided build of graph-build: target/pgo/release/graph-build.
#
#   scripts/build-pgo.sh
#
# The same program as `cargo build --release`, laid out by the compiler for the paths a
# real run takes (its branches, calls and inlining weighed by how often they ran), which
# makes it faster on the same input (docs/performance.md gives the measurements). It
#  1. builds graph-build instrumented (`-Cprofile-generate`) under target/pgo-gen/;
#  2. runs it over the bundled sample, the evaluation articles when ../shared is beside
#     the checkout, and a 10 MB corpus from scripts/gen_corpus.py (cached under
#     target/bench/), in the formats users ask for most;
#  3. merges the profiles with llvm-profdata, from the toolchain's llvm-tools component
#     (`rustup component add llvm-tools`, run here when it is missing);
#  4. builds graph-build again with the merged profile (`-Cprofile-use`) under target/pgo/.
# Output is byte for byte that of the plain build. Both builds compile everything from
# scratch the first time (about twice a release build); later runs reuse their caches.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
    echo "build-pgo.sh: installing the llvm-tools component (for llvm-profdata)" >&2
    rustup component add llvm-tools >&2
fi
if [ ! -x "$profdata" ]; then
    echo "build-pgo.sh: llvm-profdata not found at $profdata; run: rustup component add llvm-tools" >&2
    exit 1
fi

root=$(pwd)
profiles=$root/target/pgo-profiles
rm -rf "$profiles"
mkdir -p "$profiles"

echo "build-pgo.sh: building the instrumented graph-build" >&2
RUSTFLAGS="-Cprofile-generate=$profiles" CARGO_TARGET_DIR=target/pgo-gen \
    cargo build --release --quiet --bin graph-build
gen=target/pgo-gen/release/graph-build

corpus=target/bench/corpus-10
if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    python3 scripts/gen_corpus.py --megabytes 10 --out "$corpus"
    touch "$corpus/.done"
fi
echo "build-pgo.sh: running it over the sample, the evaluation articles and $corpus" >&2
inputs=(tests/fixtures/day-987.txt)
if [ -d ../shared/eval/corpus ]; then inputs+=(../shared/eval/corpus); fi
for format in turtle json; do
    "$gen" -q -f "$format" -o /dev/null "${inputs[@]}"
done
"$gen" -q -f ntriples -o /dev/null "$corpus"
"$gen" -q -f nquads -o /dev/null "$corpus"

"$profdata" merge -o "$profiles/merged.profdata" "$profiles"

echo "build-pgo.sh: building graph-build with the profile" >&2
# (Functions the training never ran have no profile; that is expected, not worth a warning.)
RUSTFLAGS="-Cprofile-use=$profiles/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
    CARGO_TARGET_DIR=target/pgo cargo build --release --quiet --bin graph-build
echo "target/pgo/release/graph-build"
