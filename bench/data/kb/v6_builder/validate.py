#!/usr/bin/env python3
"""Validate questions.jsonl for kbq6 against the knowledge base in /work/data_in/kb.

Re-parses the KB itself (Markdown front matter + '## ' headings, HTML trustdesk meta + <h2>, faq.csv questions),
then checks keys, types, counts per kind, dev/test split per kind, answerable targets exist and are public,
empty targets for the other kinds, no duplicate questions, every public article covered, and warns about
long word overlaps with the article text (copying). Exit code 1 on any error.
Usage: python3 validate.py [questions.jsonl] [kb_dir]
"""
import csv
import json
import os
import re
import sys
from collections import Counter
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
QFILE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "questions.jsonl")
KB = sys.argv[2] if len(sys.argv) > 2 else "/work/data_in/kb"

KEYS = ["question", "article_id", "section", "kind", "split"]
EXPECTED = {"answerable": 160, "unanswerable_on_topic": 50, "off_topic": 50}
DEV_SHARE = 0.4


def parse_md(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    meta = {}
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip()] = v.strip()
        body = text[m.end():]
    else:
        body = text
    heads = [l[3:].strip() for l in body.splitlines() if l.startswith("## ")]
    return meta.get("id"), meta.get("visibility", "public"), heads, body


class H(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.h2, self.cur, self.text = {}, [], None, []
        self.skip = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name", "").startswith("trustdesk:"):
            self.meta[a["name"][10:]] = a.get("content", "")
        if tag == "h2":
            self.cur = []
        if tag in ("script", "style"):
            self.skip = True

    def handle_endtag(self, tag):
        if tag == "h2" and self.cur is not None:
            self.h2.append(" ".join("".join(self.cur).split()))
            self.cur = None
        if tag in ("script", "style"):
            self.skip = False

    def handle_data(self, d):
        if self.cur is not None:
            self.cur.append(d)
        if not self.skip:
            self.text.append(d)


def load_kb():
    arts = {}  # id -> (visibility, set(headings), text)
    for fn in sorted(os.listdir(KB)):
        p = os.path.join(KB, fn)
        if fn.endswith(".md"):
            i, vis, heads, body = parse_md(p)
            arts[i] = (vis, set(heads), body)
        elif fn.endswith((".html", ".htm")):
            h = H()
            h.feed(open(p, encoding="utf-8").read())
            arts[h.meta.get("id")] = (h.meta.get("visibility", "public"), set(h.h2), " ".join(h.text))
        elif fn.endswith(".csv"):
            with open(p, encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            arts["faq"] = ("public", {r["question"].strip() for r in rows},
                           " ".join(r["question"] + " " + r["answer"] for r in rows))
    return arts


def words(s):
    return re.findall(r"[a-z0-9£$€%]+", s.lower())


def main():
    arts = load_kb()
    errors, warnings = [], []
    rows = []
    with open(QFILE, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f"line {n}: blank line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: bad JSON {e}")
                continue
            if list(r.keys()) != KEYS:
                errors.append(f"line {n}: keys {list(r.keys())} != {KEYS}")
            if not all(isinstance(r.get(k), str) for k in KEYS):
                errors.append(f"line {n}: non-string value")
                continue
            if not r["question"].strip():
                errors.append(f"line {n}: empty question")
            r["_n"] = n
            rows.append(r)

    kinds = Counter(r["kind"] for r in rows)
    for k, v in EXPECTED.items():
        if kinds.get(k, 0) != v:
            errors.append(f"kind {k}: {kinds.get(k, 0)} rows, expected {v}")
    for k in kinds:
        if k not in EXPECTED:
            errors.append(f"unknown kind {k!r}")

    for k, total in EXPECTED.items():
        sp = Counter(r["split"] for r in rows if r["kind"] == k)
        want_dev = round(total * DEV_SHARE)
        if sp.get("dev", 0) != want_dev or sp.get("test", 0) != total - want_dev or set(sp) - {"dev", "test"}:
            errors.append(f"kind {k}: split {dict(sp)}, expected dev={want_dev} test={total - want_dev}")

    covered = Counter()
    for r in rows:
        n = r["_n"]
        if r["kind"] == "answerable":
            a = arts.get(r["article_id"])
            if a is None:
                errors.append(f"line {n}: unknown article_id {r['article_id']!r}")
                continue
            if a[0] != "public":
                errors.append(f"line {n}: article {r['article_id']} is {a[0]}, not public")
            if r["section"] not in a[1]:
                errors.append(f"line {n}: section {r['section']!r} not in {r['article_id']}")
            covered[r["article_id"]] += 1
        else:
            if r["article_id"] != "" or r["section"] != "":
                errors.append(f"line {n}: {r['kind']} must have empty article_id and section")

    public = sorted(i for i, a in arts.items() if a[0] == "public")
    for i in public:
        if covered[i] == 0:
            errors.append(f"public article {i} has no answerable question")
    sections_public = {(i, s) for i in public for s in arts[i][1]}
    sections_used = {(r["article_id"], r["section"]) for r in rows if r["kind"] == "answerable"}

    norm = Counter(" ".join(words(r["question"])) for r in rows)
    for q, c in norm.items():
        if c > 1:
            errors.append(f"duplicate question ({c}x): {q}")

    # copy check: any 7-word run shared with the KB text
    kb_grams = set()
    for a in arts.values():
        w = words(a[2])
        kb_grams.update(tuple(w[i:i + 7]) for i in range(len(w) - 6))
    for r in rows:
        w = words(r["question"])
        hits = [" ".join(w[i:i + 7]) for i in range(len(w) - 6) if tuple(w[i:i + 7]) in kb_grams]
        if hits:
            warnings.append(f"line {r['_n']}: 7-word overlap with KB: {hits[0]!r}")

    print(f"rows: {len(rows)}")
    for k in EXPECTED:
        sp = Counter(r["split"] for r in rows if r["kind"] == k)
        print(f"  {k}: {kinds.get(k, 0)} (dev {sp.get('dev', 0)}, test {sp.get('test', 0)})")
    print(f"public articles (incl. faq): {len(public)}, covered: {sum(1 for i in public if covered[i])}")
    print(f"public sections: {len(sections_public)}, used by answerable: {len(sections_used & sections_public)}")
    print(f"internal articles in KB: {sorted(i for i, a in arts.items() if a[0] != 'public')}")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"FAILED ({len(errors)} errors)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
