#!/usr/bin/env bash
# Regenerate exports/: the graph of the sample article (tests/fixtures/day-987.txt) in
# every format of graph-build. A test (tests/integration/exports.rs) fails when exports/
# is stale.
#
#   scripts/export-sample.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build --release --quiet --bin graph-build
bin=target/release/graph-build
input=tests/fixtures/day-987.txt
tmp=$(mktemp -d exports.tmp.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# format:extension, as ExportFormat::extension() names them.
formats="turtle:ttl ntriples:nt nquads:nq trig:trig jsonld:jsonld rdfxml:rdf graphml:graphml gexf:gexf
    cypher:cypher json:json dot:dot geojson:geojson"
for spec in $formats; do
    "$bin" -q --format "${spec%%:*}" --output "$tmp/day-987.${spec#*:}" "$input"
done
for folder in csv neo4j; do
    "$bin" -q --format "$folder" --output "$tmp/$folder" "$input"
done
cp exports/README.md "$tmp/" 2>/dev/null || true
chmod 755 "$tmp"
rm -rf exports
mv "$tmp" exports
trap - EXIT
echo "exports/: $(find exports -type f | wc -l) files regenerated from $input"
