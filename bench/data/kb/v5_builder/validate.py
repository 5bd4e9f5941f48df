#!/usr/bin/env python3
"""Validate questions.jsonl against the KB in /work/data_in/kb.

Re-parses the KB (Markdown front matter id + '## ' headings; HTML
trustdesk:id meta + <h2>; faq.csv question column), then checks keys,
kinds, counts, splits, that every answerable (article_id, section) exists,
that every public article is covered, and that no answerable row points to
an internal page. Exits non-zero on any failure. Standard library only.
"""
import csv
import html
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.environ.get("KB_DIR", "/work/data_in/kb")
KEYS = {"question", "article_id", "section", "kind", "split"}
WANT = {"answerable": 160, "unanswerable_on_topic": 50, "off_topic": 50}

errors = []


def err(msg):
    errors.append(msg)


def parse_kb():
    sections = {}      # id -> set of headings
    visibility = {}    # id -> public/internal
    for name in sorted(os.listdir(KB)):
        path = os.path.join(KB, name)
        text = open(path, encoding="utf-8").read()
        if name.endswith(".md"):
            m = re.match(r"---\n(.*?)\n---\n", text, re.S)
            if not m:
                err(f"{name}: no front matter")
                continue
            fm = dict(l.split(":", 1) for l in m.group(1).splitlines() if ":" in l)
            aid = fm["id"].strip()
            visibility[aid] = fm.get("visibility", "public").strip()
            body = text[m.end():]
            sections[aid] = {l[3:].strip() for l in body.splitlines()
                             if l.startswith("## ")}
        elif name.endswith(".html"):
            m = re.search(r'<meta name="trustdesk:id" content="([^"]+)"', text)
            v = re.search(r'<meta name="trustdesk:visibility" content="([^"]+)"', text)
            aid = m.group(1)
            visibility[aid] = v.group(1) if v else "public"
            sections[aid] = {html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
                             for h in re.findall(r"<h2[^>]*>(.*?)</h2>", text, re.S)}
        elif name == "faq.csv":
            with open(path, encoding="utf-8", newline="") as f:
                sections["faq"] = {r["question"].strip() for r in csv.DictReader(f)}
            visibility["faq"] = "public"
    return sections, visibility


def main():
    sections, visibility = parse_kb()
    rows = []
    with open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"line {n}: bad json {e}")
                continue
            if set(r) != KEYS:
                err(f"line {n}: keys {sorted(r)}")
            if not all(isinstance(r.get(k), str) for k in KEYS):
                err(f"line {n}: non-string value")
            rows.append(r)

    kinds = Counter(r.get("kind") for r in rows)
    if dict(kinds) != WANT:
        err(f"kind counts {dict(kinds)} != {WANT}")
    if len(rows) != 260:
        err(f"{len(rows)} rows, want 260")

    qs = Counter(r["question"].strip().lower() for r in rows)
    for q, c in qs.items():
        if c > 1:
            err(f"duplicate question: {q!r}")
        if not q:
            err("empty question")

    split_counts = defaultdict(Counter)
    covered = Counter()
    for n, r in enumerate(rows, 1):
        k = r.get("kind")
        split_counts[k][r.get("split")] += 1
        if r.get("split") not in ("dev", "test"):
            err(f"line {n}: split {r.get('split')!r}")
        if k == "answerable":
            aid, sec = r["article_id"], r["section"]
            if aid not in sections:
                err(f"line {n}: unknown article_id {aid!r}")
            elif sec not in sections[aid]:
                err(f"line {n}: section {sec!r} not in {aid}")
            elif visibility.get(aid) != "public":
                err(f"line {n}: answerable row points at non-public {aid}")
            covered[aid] += 1
        elif k in ("unanswerable_on_topic", "off_topic"):
            if r["article_id"] != "" or r["section"] != "":
                err(f"line {n}: {k} must have empty article_id/section")

    for k, want in WANT.items():
        dev = split_counts[k]["dev"]
        exp = round(want * 0.4)
        if dev != exp:
            err(f"{k}: {dev} dev rows, want {exp}")

    public = sorted(a for a, v in visibility.items() if v == "public")
    internal = sorted(a for a, v in visibility.items() if v != "public")
    for a in public:
        if covered[a] == 0:
            err(f"public article not covered: {a}")

    # side file: internal probes must be unanswerable rows and point at real internal sections
    pp = os.path.join(HERE, "internal_probes.json")
    probes = json.load(open(pp, encoding="utf-8")) if os.path.exists(pp) else []
    unans = {r["question"] for r in rows if r["kind"] == "unanswerable_on_topic"}
    for p in probes:
        if p["question"] not in unans:
            err(f"probe not an unanswerable row: {p['question'][:50]}")
        if p["internal_article_id"] not in internal or \
                p["internal_section"] not in sections.get(p["internal_article_id"], ()):
            err(f"probe bad target {p['internal_article_id']}|{p['internal_section']}")

    all_secs = sum(len(sections[a]) for a in public)
    hit_secs = {(r["article_id"], r["section"]) for r in rows if r["kind"] == "answerable"}
    print("rows:", len(rows))
    for k in WANT:
        print(f"  {k}: {kinds[k]} (dev {split_counts[k]['dev']}, test {split_counts[k]['test']})")
    print(f"public articles: {len(public)}, all covered: {all(covered[a] for a in public)}")
    print(f"internal articles (not used as answers): {internal}; probes: {len(probes)}")
    print(f"public sections hit: {len(hit_secs)}/{all_secs}")
    print("per-article answerable counts:", dict(sorted(covered.items())))
    missing = sorted((a, s) for a in public for s in sections[a] if (a, s) not in hit_secs)
    if missing:
        print("sections without a question:", missing)
    if errors:
        print("\nERRORS:")
        for e in errors:
            print(" -", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
