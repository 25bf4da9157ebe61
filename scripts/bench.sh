#!/usr/bin/env bash
# Throughput, peak memory and thread scaling of graph-build over a generated corpus.
#
#   scripts/bench.sh [MEGABYTES] [FORMAT]
#
# Generates (once, cached under target/bench/) a corpus of MEGABYTES (default 100) of
# text from the bundled articles with varied places, people and dates
# (scripts/gen_corpus.py), then runs `graph-build -f FORMAT` (default ntriples) over it
# with 1, 2, ... threads up to the number of cores, writing to a file under target/bench/,
# and prints a table: threads, seconds, MB/s, MB/s per thread, peak resident memory.
# With BENCH_DISCARD=1 the output goes to /dev/null (to time the work without the disk,
# or when the disk cannot hold it: N-Triples is about 40 times the text, Turtle 14). Peak memory
# comes from GNU time (installed with apt-get when missing). Results vary
# with the machine: run on an otherwise idle one. BENCH_PGO=1 times the profile-guided
# build (scripts/build-pgo.sh) instead of the plain release build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

megabytes=${1:-100}
format=${2:-ntriples}
bench=target/bench
corpus=$bench/corpus-$megabytes
mkdir -p "$bench"

if [ ! -x /usr/bin/time ]; then
    echo "bench.sh: installing GNU time (for peak memory)" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null; else sudo apt-get install -y -qq time >/dev/null; fi
fi

bin=$(scripts/bench-bin.sh)

if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    python3 scripts/gen_corpus.py --megabytes "$megabytes" --out "$corpus"
    touch "$corpus/.done"
fi
bytes=$(python3 - "$corpus" <<'EOF'
import json, os, sys
total = 0
for name in sorted(os.listdir(sys.argv[1])):
    if name.endswith(".jsonl"):
        with open(os.path.join(sys.argv[1], name), encoding="utf-8") as f:
            total += sum(len(json.loads(line)["text"].encode("utf-8")) for line in f if line.strip())
print(total)
EOF
)

cores=$(nproc)
case "$format" in csv | neo4j) out=$bench/out-$format ;; *) out=$bench/out.$format ;; esac
echo "corpus: $corpus, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of text; format $format; $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
printf '%-8s %9s %9s %12s %14s %12s\n' threads seconds MB/s MB/s/thread "peak memory" output
threads=1
while [ "$threads" -le "$cores" ]; do
    rm -rf "$out"
    # Without -o the output goes to standard output, discarded.
    to=(-o "$out")
    if [ "${BENCH_DISCARD:-0}" = 1 ]; then to=(); fi
    stats=$(/usr/bin/time -f '%e %M' "$bin" -q -j "$threads" -f "$format" "${to[@]}" "$corpus" 2>&1 >/dev/null | tail -1)
    size=$(du -sb "$out" 2>/dev/null | cut -f1 || true)
    size=${size:-0}
    seconds=${stats% *}
    kb=${stats#* }
    awk -v t="$threads" -v s="$seconds" -v b="$bytes" -v kb="$kb" -v o="$size" 'BEGIN {
        printf "%-8d %9.2f %9.1f %12.1f %11.0f MB %9.0f MB\n", t, s, b / 1e6 / s, b / 1e6 / s / t, kb / 1024, o / 1e6 }'
    if [ "$threads" -eq "$cores" ]; then break; fi
    threads=$((threads * 2 > cores ? cores : threads * 2))
done
rm -rf "$out"
