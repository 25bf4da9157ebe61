"""Interop checks of newsgraph exports with the programs users load them into.

Run by tests/interop/run.sh in the .venv-interop/py virtualenv:

    check.py CASE DIR EXPECT_JSON

DIR holds every export of one input (graph.<ext> files, csv/ and neo4j/ folders, and the
outputs run.sh made with command-line tools: rapper counts, roqet results, dot JSON).
EXPECT_JSON names the rows the SPARQL and Cypher queries must return. Prints one line
per check, `PASS <case> <check>: <detail>` or `FAIL <case> <check>: <detail>`, and exits
1 if any check failed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path

import neo4j_import

CASE, DIR, EXPECT = sys.argv[1], Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text())
ROOT = Path(__file__).resolve().parents[2]
NG = "https://w3id.org/newsgraph/ontology#"
FAILED = 0


def check(name):
    """Run a check; print PASS with the detail it returns, or FAIL with the error."""

    def wrap(fn):
        global FAILED
        try:
            detail = fn()
            print(f"PASS {CASE} {name}: {detail}", flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is reported, none stops the suite
            FAILED += 1
            msg = f"{type(e).__name__}: {e}".replace("\n", " | ")
            print(f"FAIL {CASE} {name}: {msg[:600]}", flush=True)
            if os.environ.get("INTEROP_DEBUG"):
                traceback.print_exc()
        return fn

    return wrap


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


# The reference: the JSON export, loaded by networkx as DESIGN.md specifies.
import logging  # noqa: E402

import networkx as nx  # noqa: E402

# rdflib logs the ill-typed literal of the pyshacl self-test; that is expected.
logging.getLogger("rdflib").setLevel(logging.CRITICAL)


def xml_portable(s):
    """What any XML-based export can carry of a string (src/export/xml.rs): characters XML 1.0
    forbids become U+FFFD."""
    if s is None:
        return None
    ok = lambda c: c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD or ord(c) >= 0x10000
    return "".join(c if ok(c) else "\ufffd" for c in s)

JSON = json.loads((DIR / "graph.json").read_text(encoding="utf-8"))
N_NODES, N_EDGES = len(JSON["nodes"]), len(JSON["edges"])
NODES = {n["id"]: n for n in JSON["nodes"]}


@check("networkx-json")
def _():
    g = nx.node_link_graph(JSON, edges="edges")
    expect(g.number_of_nodes() == N_NODES and g.number_of_edges() == N_EDGES, "counts differ")
    expect(g.is_directed() and g.is_multigraph(), "not a directed multigraph")
    return f"node_link_graph loads {N_NODES} nodes, {N_EDGES} edges"


# ---------------------------------------------------------------- RDF

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402

RDF_SYNTAXES = {  # extension: (rdflib format, pyoxigraph format, is a dataset)
    "ttl": ("turtle", ox.RdfFormat.TURTLE, False),
    "nt": ("nt", ox.RdfFormat.N_TRIPLES, False),
    "nq": ("nquads", ox.RdfFormat.N_QUADS, True),
    "trig": ("trig", ox.RdfFormat.TRIG, True),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD, True),
    "rdf": ("xml", ox.RdfFormat.RDF_XML, False),
}


def rdflib_triples(ext):
    fmt, _, dataset = RDF_SYNTAXES[ext]
    path = str(DIR / f"graph.{ext}")
    if dataset:
        ds = rdflib.Dataset()
        ds.parse(path, format=fmt)
        quads = set(ds.quads((None, None, None, None)))
        triples = {(s, p, o) for s, p, o, _ in quads}
        graphs = {g for _, _, _, g in quads if g is not None and str(g) != str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)}
        return triples, len(quads), graphs
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    return set(g), len(g), set()


TRIPLES = {}
SIZES = {}


@check("rdflib-parse")
def _():
    details = []
    for ext in RDF_SYNTAXES:
        triples, n, graphs = rdflib_triples(ext)
        TRIPLES[ext] = triples
        SIZES[ext] = n
        details.append(f"{ext}={n}" + (f"/{len(graphs)}g" if RDF_SYNTAXES[ext][2] else ""))
        if RDF_SYNTAXES[ext][2]:
            docs = {n["id"] for n in JSON["nodes"] if n["type"] == "Document"}
            expect({str(g) for g in graphs} == docs, f"{ext}: named graphs {sorted(map(str, graphs))} != documents")
    reference = TRIPLES["ttl"]
    for ext, triples in TRIPLES.items():
        expect(triples == reference, f"{ext} has {len(triples - reference)} extra and {len(reference - triples)} missing triples vs Turtle")
    return "all six syntaxes give the same " + str(len(reference)) + " triples (" + ", ".join(details) + "; g = named graphs, one per document)"


@check("rapper-counts")
def _():
    counts = json.loads((DIR / "rapper.json").read_text())
    expect(set(counts) == {"ttl", "nt", "nq", "trig", "rdf"}, f"rapper parsed only {sorted(counts)}")
    for ext, n in counts.items():
        # Triple syntaxes hold the union of the graphs; N-Quads and TriG hold a triple once
        # per document graph that states it.
        expect(n == SIZES[ext], f"rapper counts {n} statements in graph.{ext}, rdflib {SIZES[ext]}")
    expect(counts["ttl"] == counts["nt"] == counts["rdf"] == len(TRIPLES["ttl"]), f"triple syntaxes differ: {counts}")
    expect(counts["nq"] == counts["trig"] >= counts["ttl"], f"quad syntaxes differ: {counts}")
    return "rapper parses " + ", ".join(f"{k}={v}" for k, v in counts.items()) + " statements (= rdflib)"


QUERY = (ROOT / "tests/interop/attacks.rq").read_text()


def row_key(attacker, place, killed, sentence):
    return (attacker, place, None if killed in (None, "") else int(killed), sentence)


OX_ROWS = None


@check("pyoxigraph-sparql")
def _():
    global OX_ROWS
    sizes = []
    for ext, (_, fmt, dataset) in RDF_SYNTAXES.items():
        store = ox.Store()
        store.load(path=str(DIR / f"graph.{ext}"), format=fmt)
        sizes.append(f"{ext}={len(store)}")
        rows = sorted(
            row_key(*[None if r[v] is None else r[v].value for v in ("attacker", "place", "killed", "sentence")])
            for r in store.query(QUERY, use_default_graph_as_union=True)
        )
        if OX_ROWS is None:
            OX_ROWS = rows
        expect(rows == OX_ROWS, f"{ext}: different answer")
    for e in EXPECT["attacks"]:
        expect(any(r[0] == e["attacker"] and r[1] == e["place"] and r[2] == e["killed"] and e["sentence"] in r[3] for r in OX_ROWS),
               f"no row {e}; rows: {[r[:3] for r in OX_ROWS]}")
    return f"{len(OX_ROWS)} rows, the same from every syntax ({', '.join(sizes)} quads), including " + "; ".join(
        f"{e['attacker']} attacked {e['place']}, {e['killed']} killed" for e in EXPECT["attacks"])


@check("roqet-sparql")
def _():
    import xml.etree.ElementTree as ET

    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.parse(DIR / "roqet.srx").getroot()
    rows = []
    for result in root.iterfind("r:results/r:result", ns):
        values = {b.get("name"): "".join(b.itertext()) for b in result.iterfind("r:binding", ns)}
        rows.append(row_key(*[values.get(v) for v in ("attacker", "place", "killed", "sentence")]))
    rows.sort()
    expect(rows == OX_ROWS, f"roqet {len(rows)} rows differ from pyoxigraph {len(OX_ROWS)}: {[r[:3] for r in rows][:6]}")
    return f"roqet answers the same {len(rows)} rows as pyoxigraph"


@check("pyshacl")
def _():
    import pyshacl

    shapes = rdflib.Graph().parse(str(ROOT / "ontology/shapes.ttl"), format="turtle")
    data = rdflib.Graph().parse(str(DIR / "graph.ttl"), format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    expect(conforms, text[:1500])
    # The shapes can fail: an event with an ill-typed date and an unknown property.
    bad = rdflib.Graph().parse(str(DIR / "graph.ttl"), format="turtle")
    event = next(bad.subjects(rdflib.RDF.type, rdflib.URIRef(NG + "Event")))
    bad.add((event, rdflib.URIRef(NG + "date"), rdflib.Literal("2024-13-45", datatype=rdflib.XSD.date)))
    bad.add((event, rdflib.URIRef(NG + "undeclared"), rdflib.Literal("x")))
    bad_conforms, _, bad_text = pyshacl.validate(bad, shacl_graph=shapes, inference="none")
    expect(not bad_conforms, "a broken graph conforms too: the shapes check nothing")
    violations = bad_text.count("Constraint Violation")
    return f"Turtle ({len(data)} triples) conforms to ontology/shapes.ttl; a corrupted copy gives {violations} violations (the other syntaxes hold the same triples)"


@check("ontology-terms")
def _():
    onto = rdflib.Graph().parse(str(ROOT / "ontology/newsgraph.ttl"), format="turtle")
    declared = {str(s) for s in onto.subjects(rdflib.RDF.type, None) if str(s).startswith(NG)}
    used = set()
    for s, p, o in TRIPLES["ttl"]:
        for t in (p, o):
            if isinstance(t, rdflib.URIRef) and str(t).startswith(NG):
                used.add(str(t))
    missing = used - declared
    expect(not missing, f"used but not declared: {sorted(missing)}")
    return f"all {len(used)} ng: terms the export uses are declared in ontology/newsgraph.ttl"


# ---------------------------------------------------------------- GraphML and GEXF

import igraph  # noqa: E402

TYPES = {"lat": float, "lon": float, "killed": int, "mentions": int, "quoted": bool, "label": str, "confidence": float}


def check_types(items, where):
    seen = {}
    for data in items:
        for k, t in TYPES.items():
            if k in data:
                expect(isinstance(data[k], t) and not (t is int and isinstance(data[k], bool)),
                       f"{where}: {k}={data[k]!r} is {type(data[k]).__name__}, not {t.__name__}")
                seen[k] = t.__name__
    return seen


@check("networkx-graphml")
def _():
    g = nx.read_graphml(DIR / "graph.graphml")
    expect((g.number_of_nodes(), g.number_of_edges()) == (N_NODES, N_EDGES),
           f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges != JSON {N_NODES}, {N_EDGES}")
    seen = check_types([d for _, d in g.nodes(data=True)] + [d for *_, d in g.edges(data=True)], "graphml")
    for iri, d in g.nodes(data=True):
        j = NODES[iri]
        expect(d.get("label") == j["label"], f"label of {iri}: {d.get('label')!r} != {j['label']!r}")
        expect(d.get("evidence") == xml_portable(j.get("evidence")), f"evidence of {iri} differs: {d.get('evidence')!r}")
    return f"{N_NODES} nodes, {N_EDGES} edges; types " + ", ".join(f"{k}:{v}" for k, v in sorted(seen.items())) + "; labels and evidence equal JSON's"


@check("igraph-graphml")
def _():
    g = igraph.Graph.Read_GraphML(str(DIR / "graph.graphml"))
    expect((g.vcount(), g.ecount()) == (N_NODES, N_EDGES), f"{g.vcount()} vertices, {g.ecount()} edges")
    expect(g.is_directed(), "not directed")
    lats = [v for v in g.vs["lat"] if v is not None and not (isinstance(v, float) and math.isnan(v))]
    expect(lats and all(isinstance(v, float) for v in lats), "lat is not numeric")
    killed = [v for v in g.vs["killed"] if not math.isnan(v)]
    expect(killed and all(isinstance(v, float) for v in killed), "killed is not numeric")
    expect(all(isinstance(v, str) for v in g.vs["label"]), "label is not a string")
    return f"{g.vcount()} vertices, {g.ecount()} edges, numeric lat/killed, string labels"


GEXF_G = None


@check("networkx-gexf")
def _():
    global GEXF_G
    g = nx.read_gexf(DIR / "graph.gexf")
    GEXF_G = g
    expect((g.number_of_nodes(), g.number_of_edges()) == (N_NODES, N_EDGES),
           f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges != JSON {N_NODES}, {N_EDGES}")
    expect(g.graph.get("mode") == "dynamic", "not dynamic")
    seen = check_types([d for _, d in g.nodes(data=True)] + [d for *_, d in g.edges(data=True)], "gexf")
    dated = [n for n, d in g.nodes(data=True) if "start" in d]
    events = [n for n, d in NODES.items() if d["type"] == "Event" and d.get("date")]
    expect(set(events) <= set(dated), "an event with a date has no start")
    for n in dated:
        expect(re.fullmatch(r"\d{4}-\d{2}-\d{2}", g.nodes[n]["start"]), f"start of {n} is not a date")
    kinds = {(u, v, d.get("label")) for u, v, d in g.edges(data=True)}
    return (f"{N_NODES} nodes, {N_EDGES} edges (parallel edges kept apart: {len(kinds)} distinct source/target/predicate); "
            f"{len(dated)} dated nodes on the timeline; types " + ", ".join(f"{k}:{v}" for k, v in sorted(seen.items())))


@check("igraph-gexf")
def _():
    # igraph has no GEXF reader: it takes the graph networkx read.
    g = igraph.Graph.from_networkx(GEXF_G)
    expect((g.vcount(), g.ecount()) == (N_NODES, N_EDGES), f"{g.vcount()} vertices, {g.ecount()} edges")
    return f"igraph.Graph.from_networkx(read_gexf(...)): {g.vcount()} vertices, {g.ecount()} edges"


@check("dot-render")
def _():
    data = json.loads((DIR / "dot.json").read_text(encoding="utf-8"))
    objects, edges = len(data.get("objects", [])), len(data.get("edges", []))
    expect((objects, edges) == (N_NODES, N_EDGES), f"dot drew {objects} nodes, {edges} edges")
    svg = (DIR / "graph.svg").read_bytes()
    expect(svg.count(b"<g id=\"node") == N_NODES, "SVG node count differs")
    return f"dot -Tsvg renders; dot -Tjson has {objects} nodes, {edges} edges"


# ---------------------------------------------------------------- CSV

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, strict=True))


@check("csv")
def _():
    nodes, edges = read_csv(DIR / "csv/nodes.csv"), read_csv(DIR / "csv/edges.csv")
    expect((len(nodes), len(edges)) == (N_NODES, N_EDGES), f"{len(nodes)} node rows, {len(edges)} edge rows")
    for row in nodes:
        j = NODES[row["id"]]
        expect(row["label"] == j["label"], f"label {row['label']!r} != {j['label']!r}")
        expect(row["evidence"] == j.get("evidence", ""), f"evidence of {row['id']} differs")
        aliases = json.loads(row["aliases"]) if row["aliases"] else []
        expect(aliases == j["aliases"], f"aliases {aliases} != {j['aliases']}")
        if row["lat"]:
            expect(float(row["lat"]) == j["lat"], "lat differs")
    ids = set(NODES)
    expect(all(r["source"] in ids and r["target"] in ids for r in edges), "an edge end is not a node")
    return f"nodes.csv {len(nodes)} rows, edges.csv {len(edges)} rows; labels, evidence, aliases (JSON arrays) equal JSON's"


# ---------------------------------------------------------------- Neo4j import layout

@check("neo4j-admin-layout")
def _():
    report = neo4j_import.check_folder(DIR / "neo4j")
    expect((report["nodes"], report["relationships"]) == (N_NODES, N_EDGES),
           f"{report['nodes']} nodes, {report['relationships']} relationships")
    return (f"headers and {report['nodes']} node rows, {report['relationships']} relationship rows follow neo4j-admin's rules "
            f"({', '.join(report['typed'])}; arrays split on {report['array_delimiter']}); import.sh flags match")


@check("neo4j-header-checker-can-fail")
def _():
    broken = {
        "id:ID(Node),:LABEL,killed:integer": "unknown type",
        "id:ID(Node),:LABEL,name,name": "duplicate",
        ":START_ID(Node),:END_ID(Other),:TYPE": "undeclared id space",
    }
    for header, why in broken.items():
        try:
            fields = neo4j_import.parse_header(header)
            kind = "relationships" if header.startswith(":START_ID") else "nodes"
            neo4j_import.validate_header(fields, kind, {"Node"})
        except neo4j_import.HeaderError:
            continue
        raise AssertionError(f"accepted a header with {why}: {header}")
    return f"rejects {len(broken)} broken headers"


# ---------------------------------------------------------------- GeoJSON

@check("geojson")
def _():
    data = json.loads((DIR / "graph.geojson").read_text(encoding="utf-8"))
    expect(data["type"] == "FeatureCollection", "not a FeatureCollection")
    located = {i for i, n in NODES.items() if n.get("lat") is not None and n.get("lon") is not None}
    events = set()
    for e in JSON["edges"]:
        if e["predicate"] == "place" and e["target"] in located:
            events.add(e["source"])
    ids = []
    for f in data["features"]:
        expect(f["type"] == "Feature" and f["geometry"]["type"] == "Point", f"bad feature {f.get('id')}")
        lon, lat = f["geometry"]["coordinates"]
        expect(-180 <= lon <= 180 and -90 <= lat <= 90, f"coordinates out of range: {lon}, {lat}")
        ids.append(f["id"])
        node = NODES[f["id"]]
        if f["id"] in located:
            expect((lon, lat) == (node["lon"], node["lat"]), f"coordinates of {f['id']} are not [lon, lat]")
    expect(set(ids) == located | events, f"{len(ids)} features != {len(located)} located nodes + {len(events - located)} events")
    return f"{len(ids)} Point features ({len(located)} places/countries, {len(events - located)} events) with valid [lon, lat]"


# ---------------------------------------------------------------- FalkorDB (openCypher)

def statements(text):
    """Split a Cypher script into statements, honouring quotes, backticks and comments."""
    out, cur, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if (text[j] == "\\" and c != "`") else 1
            cur.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c == ";":
            stmt = "".join(cur).strip()
            if stmt:
                out.append(stmt)
            cur, i = [], i + 1
        else:
            cur.append(c)
            i += 1
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


ATTACK_QUERY = (
    "MATCH (e:Event:AttackEvent)-[:AGENT]->(a:Node), (e)-[:PLACE]->(p:Node) "
    "WHERE e.killed IS NOT NULL RETURN a.label, p.label, e.killed, e.evidence ORDER BY p.label"
)


def falkor_graph_state(g):
    nodes = g.query("MATCH (n:Node) RETURN n.id, labels(n), properties(n) ORDER BY n.id").result_set
    rels = g.query("MATCH (a:Node)-[r]->(b:Node) RETURN a.id, type(r), r.key, b.id, properties(r) ORDER BY a.id, type(r), r.key, b.id").result_set
    return nodes, rels


def normalise_props(props):
    out = {}
    for k, v in props.items():
        if hasattr(v, "isoformat"):
            v = v.isoformat()
        out[k] = v
    return out


def same(a, b):
    """Equal, but floats only to single precision: FalkorDB's toFloat() (used by LOAD CSV
    scripts) parses strings as 32-bit floats, where Neo4j's parses 64-bit doubles."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=1e-6)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def first_difference(a, b):
    for x, y in zip(a, b):
        for u, v in zip(x, y):
            if not same(u, v):
                return f"{str(u)[:300]} != {str(v)[:300]}"
    return "different lengths"


@check("falkordb")
def _():
    import falkordb_server

    with falkordb_server.start(import_folder=DIR / "neo4j") as db:
        script = db.select_graph("script")
        for s in statements((DIR / "graph.cypher").read_text(encoding="utf-8")):
            script.query(s)
        loaded = db.select_graph("csv")
        load = statements((DIR / "neo4j/load.cypher").read_text(encoding="utf-8"))
        for s in load:
            loaded.query(s)
        results = {}
        for name, g in (("graph.cypher", script), ("load.cypher", loaded)):
            nodes, rels = falkor_graph_state(g)
            expect((len(nodes), len(rels)) == (N_NODES, N_EDGES), f"{name}: {len(nodes)} nodes, {len(rels)} relationships")
            for iri, labels, props in nodes:
                j = NODES[iri]
                expect(props.get("label") == j["label"], f"{name}: label {props.get('label')!r} != {j['label']!r}")
                expect(props.get("evidence") == j.get("evidence"), f"{name}: evidence of {iri} {props.get('evidence')!r} != {j.get('evidence')!r}")
                expect(props.get("aliases", []) == j["aliases"], f"{name}: aliases {props.get('aliases')} != {j['aliases']}")
                expect(props.get("killed") == j.get("killed"), f"{name}: killed differs")
                expect("Node" in labels and j["type"] in labels + ["Event"], f"{name}: labels {labels}")
            results[name] = ([(i, sorted(l), normalise_props(p)) for i, l, p in nodes],
                             [(a, t, k, b, normalise_props(p)) for a, t, k, b, p in rels])
            rows = g.query(ATTACK_QUERY).result_set
            for e in EXPECT["attacks"]:
                expect(any(r[0] == e["attacker"] and r[1] == e["place"] and r[2] == e["killed"] and e["sentence"] in r[3] for r in rows),
                       f"{name}: no row for {e}: {[r[:3] for r in rows]}")
        expect(same(results["graph.cypher"], results["load.cypher"]), "the Cypher script and load.cypher give different graphs: "
               + first_difference(results["graph.cypher"], results["load.cypher"]))
        # Idempotence: running the script again changes nothing.
        for s in statements((DIR / "graph.cypher").read_text(encoding="utf-8")):
            script.query(s)
        again = falkor_graph_state(script)
        expect((len(again[0]), len(again[1])) == (N_NODES, N_EDGES), "running the script twice duplicated nodes or relationships")
    return (f"graph.cypher and load.cypher (LOAD CSV over nodes.csv, relationships.csv) each build {N_NODES} nodes, "
            f"{N_EDGES} relationships with identical labels and properties; the attack query returns "
            + "; ".join(f"{e['attacker']} -> {e['place']} ({e['killed']} killed)" for e in EXPECT["attacks"]))


sys.exit(1 if FAILED else 0)
