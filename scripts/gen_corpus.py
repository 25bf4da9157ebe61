#!/usr/bin/env python3
"""Generate a synthetic news corpus of a given size for benchmarks.

Each document is one of the bundled articles (tests/fixtures/*.txt and
tests/fixtures/corpus/*.txt, or the .txt files of --articles DIR) with its places,
people and dates varied, so that a large corpus holds many distinct entities, events
and dates, as an archive does:
- every city named in the article (a place of ontology/gazetteer/places.tsv) becomes
  another city of the same gazetteer (one choice per document, used for every mention);
- every person of ontology/people.tsv named in the article becomes a new name made of
  first and last names of different people of that file (unknown to the gazetteer, so
  the pipeline has to find them by their titles and context);
- every date (`8 November 2024`, `November 8, 2024`, `Friday, November 8`) moves by the
  same random number of days.

The output is JSON Lines shards of about 64 MB (`corpus-0001.jsonl`, ...), one article
per line with `id` and `text` (the date is the article's own), or with --files, one .txt file per article in
folders of 1000. The corpus is a function of --seed and the size: the same command gives
the same files.

    scripts/gen_corpus.py --megabytes 100 --out target/bench/corpus-100
"""

import argparse
import datetime
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = "|".join(MONTHS)
WEEKDAY = "|".join(WEEKDAYS)
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (%s) (\d{4})\b" % MONTH)
MONTH_DAY_YEAR = re.compile(r"\b(%s) (\d{1,2}), (\d{4})\b" % MONTH)
WEEKDAY_MONTH_DAY = re.compile(r"\b(%s), (%s) (\d{1,2})\b(?!,? \d{4})" % (WEEKDAY, MONTH))
SHARD_BYTES = 64 << 20


def rows(path):
    """The rows of a TSV file of the gazetteer (comments skipped), as dicts."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


def load_pools():
    places = rows(os.path.join(ROOT, "ontology/gazetteer/places.tsv"))
    # Cities large enough that the gazetteer keeps them, with plain one- or two-word names.
    cities = sorted({p["name"] for p in places
                     if p.get("population", "0").isdigit() and int(p["population"]) >= 100000
                     and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", p["name"])})
    people = [p["name"] for p in rows(os.path.join(ROOT, "ontology/people.tsv"))]
    firsts = sorted({n.split()[0] for n in people if len(n.split()) >= 2})
    lasts = sorted({n.split()[-1] for n in people if len(n.split()) >= 2})
    return cities, people, firsts, lasts


def articles(folder):
    paths = []
    if folder:
        paths = [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".txt")]
    else:
        for d in ("tests/fixtures", "tests/fixtures/corpus"):
            full = os.path.join(ROOT, d)
            paths += [os.path.join(full, f) for f in sorted(os.listdir(full)) if f.endswith(".txt")]
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    if not texts:
        sys.exit("gen_corpus.py: no .txt articles found")
    return texts


def year_of(text):
    m = re.search(r"\b(19|20)\d{2}\b", text)
    return int(m.group(0)) if m else 2024


def shift_dates(text, days, year):
    def dmy(m):
        d = datetime.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))) + datetime.timedelta(days)
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)

    def mdy(m):
        d = datetime.date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2))) + datetime.timedelta(days)
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)

    def wmd(m):
        try:
            d = datetime.date(year, MONTHS.index(m.group(2)) + 1, int(m.group(3))) + datetime.timedelta(days)
        except ValueError:
            return m.group(0)
        return "%s, %s %d" % (WEEKDAYS[d.weekday()], MONTHS[d.month - 1], d.day)

    for pattern, f in ((DAY_MONTH_YEAR, dmy), (MONTH_DAY_YEAR, mdy), (WEEKDAY_MONTH_DAY, wmd)):
        try:
            text = pattern.sub(f, text)
        except ValueError:
            pass
    return text


class Varier:
    """Varies the places, people and dates of one article."""

    def __init__(self, text, cities, people, firsts, lasts):
        self.text = text
        self.year = year_of(text)
        self.cities = cities
        self.firsts, self.lasts = firsts, lasts
        city_set = set(cities)
        words = set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text))
        self.found_cities = sorted(c for c in city_set if c in words)
        self.found_people = sorted(p for p in people if p in text)
        names = self.found_people + self.found_cities
        self.pattern = re.compile(r"\b(%s)\b" % "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None

    def vary(self, rng):
        mapping = {c: rng.choice(self.cities) for c in self.found_cities}
        for p in self.found_people:
            mapping[p] = "%s %s" % (rng.choice(self.firsts), rng.choice(self.lasts))
        text = self.pattern.sub(lambda m: mapping[m.group(1)], self.text) if self.pattern else self.text
        days = rng.randint(-3000, 3000)
        return shift_dates(text, days, self.year)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--megabytes", type=float, required=True, help="size of the corpus, in MB (10^6 bytes) of text")
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--articles", help="folder of .txt articles to vary (default: the bundled ones)")
    ap.add_argument("--files", action="store_true", help="one .txt file per article instead of JSON Lines shards")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    cities, people, firsts, lasts = load_pools()
    variers = [Varier(t, cities, people, firsts, lasts) for t in articles(args.articles)]
    os.makedirs(args.out, exist_ok=True)
    target = int(args.megabytes * 1e6)
    written = 0
    n = 0
    shard = None
    shard_bytes = 0
    shards = 0
    while written < target:
        v = variers[n % len(variers)]
        text = v.vary(rng)
        data = text.encode("utf-8")
        n += 1
        if args.files:
            folder = os.path.join(args.out, "%04d" % (n // 1000))
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "article-%07d.txt" % n), "wb") as f:
                f.write(data)
        else:
            if shard is None or shard_bytes >= SHARD_BYTES:
                if shard:
                    shard.close()
                shards += 1
                shard = open(os.path.join(args.out, "corpus-%04d.jsonl" % shards), "w", encoding="utf-8")
                shard_bytes = 0
            line = json.dumps({"id": "article-%07d" % n, "text": text}, ensure_ascii=False)
            shard.write(line + "\n")
            shard_bytes += len(line) + 1
        written += len(data)
    if shard:
        shard.close()
    print("gen_corpus.py: %d articles, %.1f MB of text in %s" % (n, written / 1e6, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
