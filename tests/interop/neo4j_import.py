"""A checker of the `neo4j-admin database import` CSV layout, after Neo4j's documented
rules (Operations Manual, "Import": "CSV header format" and the `database import full`
options), since no Neo4j server can be installed here.

Header fields are `<name>:<field_type>`; the name is a property key (or the property
that stores a node's id); the field types are `ID`, `ID(<id space>)`, `LABEL`,
`START_ID[(<id space>)]`, `END_ID[(<id space>)]`, `TYPE`, `IGNORE`, or a property type
among int, long, float, double, boolean, byte, short, char, string, point, date,
localtime, time, localdatetime, datetime, duration (with `[]` for arrays and, for
point and the temporal types, an optional `{...}` map); no type means string. Checked:
- every header field parses; property names are present and unique; node files have an
  ID; relationship files have exactly one START_ID, END_ID and TYPE, whose id spaces
  are declared by a node file;
- every data row (RFC 4180: quotes doubled, no backslash escapes, fields may span lines
  only when --multiline-fields=true) has as many fields as the header; ids are unique in
  their id space; relationship ends exist; typed values parse (int in 32 bits, long in
  64, float/double, boolean exactly true/false, date YYYY-MM-DD); array elements are
  split on the --array-delimiter; labels and types are not empty;
- import.sh passes the flags the data needs, and names files that exist.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import shlex
from pathlib import Path

PROPERTY_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
                  "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
MAP_TYPES = {"point", "localtime", "time", "localdatetime", "datetime", "date"}
FIELD = re.compile(
    r"^(?P<name>[^:]*)"
    r"(?::(?P<type>ID|START_ID|END_ID|LABEL|TYPE|IGNORE|[a-z]+)"
    r"(?:\((?P<space>[^()]*)\))?"
    r"(?P<array>\[\])?"
    r"(?P<options>\{.*\})?)?$"
)
INT_RANGES = {"byte": 8, "short": 16, "int": 32, "long": 64}


class HeaderError(ValueError):
    pass


def parse_header(line: str):
    fields = next(csv.reader([line]))
    out = []
    for f in fields:
        m = FIELD.match(f)
        if not m:
            raise HeaderError(f"malformed header field {f!r}")
        out.append({k: m.group(k) for k in ("name", "type", "space", "array", "options")} | {"raw": f})
    return out


def validate_header(fields, kind, id_spaces):
    names = set()
    special = {"ID", "START_ID", "END_ID", "LABEL", "TYPE", "IGNORE"}
    counts = {}
    for f in fields:
        t = f["type"]
        if t in special:
            counts[t] = counts.get(t, 0) + 1
            if f["array"]:
                raise HeaderError(f"{f['raw']}: {t} cannot be an array")
            if t in ("START_ID", "END_ID") and (f["space"] or "") not in id_spaces:
                raise HeaderError(f"{f['raw']}: id space {f['space']!r} is not declared by a node file")
            if t in ("LABEL", "TYPE", "START_ID", "END_ID", "IGNORE") and f["name"]:
                pass  # the name is ignored, as documented
            if t == "ID" and f["name"]:
                if f["name"] in names:
                    raise HeaderError(f"duplicate property {f['name']!r}")
                names.add(f["name"])
            continue
        if t is not None and t not in PROPERTY_TYPES:
            raise HeaderError(f"{f['raw']}: unknown type {t!r}")
        if f["options"] and t not in MAP_TYPES:
            raise HeaderError(f"{f['raw']}: options are only for point and temporal types")
        if f["space"]:
            raise HeaderError(f"{f['raw']}: only ID, START_ID and END_ID take an id space")
        if not f["name"]:
            raise HeaderError(f"{f['raw']}: a property needs a name")
        if f["name"] in names:
            raise HeaderError(f"duplicate property {f['name']!r}")
        names.add(f["name"])
    if kind == "nodes":
        if counts.get("ID", 0) < 1:
            raise HeaderError("a node file needs an :ID column for relationships to refer to")
        for t in ("START_ID", "END_ID", "TYPE"):
            if t in counts:
                raise HeaderError(f"a node file cannot have :{t}")
    else:
        for t in ("START_ID", "END_ID", "TYPE"):
            if counts.get(t, 0) != 1:
                raise HeaderError(f"a relationship file needs exactly one :{t}")
        for t in ("ID", "LABEL"):
            if t in counts:
                raise HeaderError(f"a relationship file cannot have :{t}")


def check_value(f, value, array_delimiter):
    t = f["type"] or "string"
    if t in ("ID", "START_ID", "END_ID", "IGNORE", "string", "char"):
        return
    if t == "LABEL":
        labels = value.split(array_delimiter)
        if not all(labels):
            raise ValueError(f"empty label in {value!r}")
        return
    if t == "TYPE":
        if not value:
            raise ValueError("empty relationship type")
        return
    for item in (value.split(array_delimiter) if f["array"] else [value]):
        if t in INT_RANGES:
            n = int(item)
            bits = INT_RANGES[t]
            if not -(2 ** (bits - 1)) <= n < 2 ** (bits - 1):
                raise ValueError(f"{item} does not fit {t}")
        elif t in ("float", "double"):
            float(item)
        elif t == "boolean":
            if item not in ("true", "false"):
                raise ValueError(f"boolean {item!r} is neither true nor false")
        elif t == "date":
            datetime.date.fromisoformat(item)


def import_flags(script: Path):
    """The options of the neo4j-admin command in import.sh."""
    text = script.read_text()
    m = re.search(r"neo4j-admin database import full(.*?)\"\$\{1:-neo4j\}\"", text, re.S)
    if not m:
        raise HeaderError("import.sh does not run neo4j-admin database import full")
    flags = {}
    for tok in shlex.split(m.group(1).replace("\\\n", " ")):
        if tok.startswith("--"):
            k, _, v = tok.partition("=")
            flags.setdefault(k, []).append(v)
    return flags


def unicode_flag(v: str) -> str:
    if re.fullmatch(r"U\+[0-9A-Fa-f]{4}", v):
        return chr(int(v[2:], 16))
    if v == "TAB" or v == "\\t":
        return "\t"
    if len(v) == 1:
        return v
    raise HeaderError(f"unsupported delimiter value {v!r}")


def check_folder(folder: Path):
    flags = import_flags(folder / "import.sh")
    delimiter = unicode_flag(flags.get("--delimiter", [","])[0])
    array_delimiter = unicode_flag(flags.get("--array-delimiter", [";"])[0])
    quote = flags.get("--quote", ['"'])[0]
    if array_delimiter == delimiter:
        raise HeaderError("--array-delimiter must differ from --delimiter")
    if quote != '"':
        raise HeaderError(f"--quote is {quote!r}, the files use \"")
    multiline = flags.get("--multiline-fields", ["false"])[0] == "true"
    files = {}
    for kind in ("--nodes", "--relationships"):
        for v in flags.get(kind, []):
            name = Path(v.replace('"', "").replace("$here/", "")).name
            if not (folder / name).is_file():
                raise HeaderError(f"import.sh names {name}, which is not in the folder")
            files.setdefault(kind[2:], []).append(folder / name)
    if set(files) != {"nodes", "relationships"}:
        raise HeaderError(f"import.sh imports {sorted(files)}")

    ids: dict[str, set] = {}
    typed = set()
    counts = {"nodes": 0, "relationships": 0}
    for kind in ("nodes", "relationships"):
        for path in files[kind]:
            raw = path.read_bytes().decode("utf-8")
            if raw.startswith("\ufeff"):
                raise HeaderError(f"{path.name} starts with a byte-order mark")
            header_line = raw.split("\n", 1)[0].rstrip("\r")
            fields = parse_header(header_line)
            validate_header(fields, kind, set(ids) if kind == "relationships" else set())
            for f in fields:
                if f["type"] and f["type"] not in ("ID", "START_ID", "END_ID", "LABEL", "TYPE"):
                    typed.add(f"{f['name']}:{f['type']}{f['array'] or ''}")
            body = raw.split("\n", 1)[1] if "\n" in raw else ""
            reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, quotechar='"',
                                doublequote=True, strict=True)
            for lineno, row in enumerate(reader, start=2):
                if len(row) != len(fields):
                    raise HeaderError(f"{path.name} record {lineno}: {len(row)} fields, header has {len(fields)}")
                for f, value in zip(fields, row):
                    if ("\n" in value or "\r" in value) and not multiline:
                        raise HeaderError(f"{path.name} record {lineno}: a field spans lines but --multiline-fields is not true")
                    if value == "":
                        continue
                    try:
                        check_value(f, value, array_delimiter)
                    except ValueError as e:
                        raise HeaderError(f"{path.name} record {lineno}, {f['raw']}: {e}") from e
                    if f["type"] == "ID":
                        space = ids.setdefault(f["space"] or "", set())
                        if value in space:
                            raise HeaderError(f"{path.name} record {lineno}: duplicate id {value!r}")
                        space.add(value)
                    if f["type"] in ("START_ID", "END_ID") and value not in ids.get(f["space"] or "", set()):
                        raise HeaderError(f"{path.name} record {lineno}: {f['type']} {value!r} is no node")
                counts[kind] += 1
    return {"nodes": counts["nodes"], "relationships": counts["relationships"], "typed": sorted(typed),
            "array_delimiter": f"U+{ord(array_delimiter):04X}"}
