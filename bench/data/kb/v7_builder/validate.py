#!/usr/bin/env python3
"""Validate kbq7/questions.jsonl against the help centre in /work/data_in/kb (standard library only)."""
import csv
import html.parser
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "questions.jsonl")
KB = "/work/data_in/kb"
KEYS = ["question", "article_id", "section", "kind", "split"]
EXPECTED = {"answerable": 160, "unanswerable_on_topic": 50, "off_topic": 50}
NGRAM = 6


def words(t):
    return re.findall(r"[a-z0-9]+", t.lower())


def ngrams(ws, n=NGRAM):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


class H2Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.h2, self.text = {}, [], []
        self._in_h2 = False
        self._skip = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and "name" in a:
            self.meta[a["name"]] = a.get("content", "")
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")
        if tag in ("script", "style"):
            self._skip = True

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False
        if tag in ("script", "style"):
            self._skip = False

    def handle_data(self, d):
        if self._in_h2:
            self.h2[-1] += d
        if not self._skip:
            self.text.append(d)


def load_kb():
    public, internal, kb_text = {}, set(), []
    for fn in sorted(os.listdir(KB)):
        path = os.path.join(KB, fn)
        raw = open(path, encoding="utf-8").read()
        if fn.endswith(".md"):
            m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
            if not m:
                sys.exit("no front matter in " + fn)
            fm = dict(re.findall(r"^(\w+):\s*(.*)$", m.group(1), re.M))
            body = m.group(2)
            kb_text.append(body)
            secs = [s.strip() for s in re.findall(r"^## (.+)$", body, re.M)]
            if fm.get("visibility", "").strip() == "internal":
                internal.add(fm["id"].strip())
            else:
                public[fm["id"].strip()] = set(secs)
        elif fn.endswith(".html"):
            p = H2Parser()
            p.feed(raw)
            kb_text.append(" ".join(p.text))
            aid = p.meta.get("trustdesk:id")
            secs = {s.strip() for s in p.h2}
            if p.meta.get("trustdesk:visibility", "public") == "internal":
                internal.add(aid)
            else:
                public[aid] = secs
        elif fn == "faq.csv":
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            public["faq"] = {r["question"].strip() for r in rows}
            kb_text.extend(r["question"] + " " + r["answer"] for r in rows)
    return public, internal, kb_text


def main():
    public, internal, kb_text = load_kb()
    kb_grams = set()
    for t in kb_text:
        kb_grams |= ngrams(words(t))
    errors = []
    rows = []
    with open(DATA, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except ValueError as e:
                errors.append("line %d: bad json %s" % (ln, e))
                continue
            if list(r.keys()) != KEYS:
                errors.append("line %d: keys %s" % (ln, list(r.keys())))
            rows.append((ln, r))
    kinds = Counter(r.get("kind") for _, r in rows)
    splits = Counter((r.get("kind"), r.get("split")) for _, r in rows)
    covered = set()
    seen = set()
    for ln, r in rows:
        q = r.get("question", "")
        if not isinstance(q, str) or not q.strip():
            errors.append("line %d: empty question" % ln)
        if q.strip().lower() in seen:
            errors.append("line %d: duplicate question" % ln)
        seen.add(q.strip().lower())
        if r.get("kind") not in EXPECTED:
            errors.append("line %d: bad kind %r" % (ln, r.get("kind")))
        if r.get("split") not in ("dev", "test"):
            errors.append("line %d: bad split %r" % (ln, r.get("split")))
        if r.get("kind") == "answerable":
            aid, sec = r.get("article_id"), r.get("section")
            if aid in internal:
                errors.append("line %d: internal article %s" % (ln, aid))
            elif aid not in public:
                errors.append("line %d: unknown article %r" % (ln, aid))
            elif sec not in public[aid]:
                errors.append("line %d: section %r not in %s" % (ln, sec, aid))
            else:
                covered.add((aid, sec))
        else:
            if r.get("article_id") != "" or r.get("section") != "":
                errors.append("line %d: non-answerable row must have empty article_id/section" % ln)
        overlap = ngrams(words(q)) & kb_grams
        if overlap:
            errors.append("line %d: copies %d-word run from KB: %s" % (ln, NGRAM, " ".join(sorted(overlap)[0])))
    for k, n in EXPECTED.items():
        if kinds.get(k, 0) != n:
            errors.append("kind %s: %d rows, expected %d" % (k, kinds.get(k, 0), n))
        want_dev = round(n * 0.4)
        if splits.get((k, "dev"), 0) != want_dev or splits.get((k, "test"), 0) != n - want_dev:
            errors.append("kind %s: dev/test %d/%d, expected %d/%d" % (
                k, splits.get((k, "dev"), 0), splits.get((k, "test"), 0), want_dev, n - want_dev))
    all_secs = {(a, s) for a, ss in public.items() for s in ss}
    missing = sorted(all_secs - covered)
    for a, s in missing:
        errors.append("public section not covered: %s | %s" % (a, s))
    print("rows: %d" % len(rows))
    for k in EXPECTED:
        print("  %-22s %3d  (dev %d / test %d)" % (k, kinds.get(k, 0), splits.get((k, "dev"), 0),
                                                  splits.get((k, "test"), 0)))
    print("public articles: %d (+ faq rows), internal skipped: %s" % (len(public) - 1, ", ".join(sorted(internal))))
    print("public sections: %d, covered: %d" % (len(all_secs), len(covered & all_secs)))
    if errors:
        for e in errors:
            print("ERROR:", e)
        print("FAILED (%d errors)" % len(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
