#!/usr/bin/env python3
"""Validate benign_probes.jsonl: keys, families, counts, base != variant, no duplicates,
and (as a guard) no long word overlap with the help-centre articles."""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "benign_probes.jsonl")
KB = "/work/data_in/kb"
EXPECTED = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
NGRAM = 8

errors = []
rows = []
with open(PATH, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line.strip():
            errors.append("line %d: empty line" % i)
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append("line %d: bad JSON: %s" % (i, e))
            continue
        if not isinstance(r, dict) or set(r) != {"family", "base", "variant"}:
            errors.append("line %d: keys must be exactly family, base, variant" % i)
            continue
        if r["family"] not in EXPECTED:
            errors.append("line %d: unknown family %r" % (i, r["family"]))
        for k in ("base", "variant"):
            if not isinstance(r[k], str) or not r[k].strip():
                errors.append("line %d: %s empty or not a string" % (i, k))
            elif r[k] != r[k].strip() or "  " in r[k] or "[" in r[k] or "|" in r[k]:
                errors.append("line %d: %s has stray whitespace or marker characters" % (i, k))
        if r["base"] == r["variant"]:
            errors.append("line %d: base == variant" % i)
        rows.append((i, r))

counts = collections.Counter(r["family"] for _, r in rows)
for fam, n in EXPECTED.items():
    if counts.get(fam, 0) != n:
        errors.append("family %s: %d rows, expected %d" % (fam, counts.get(fam, 0), n))

seen_pairs, seen_texts = {}, {}
for i, r in rows:
    key = frozenset((r["base"], r["variant"]))
    if key in seen_pairs:
        errors.append("line %d: duplicate pair of line %d" % (i, seen_pairs[key]))
    seen_pairs[key] = i
    for k in ("base", "variant"):
        t = r[k].lower()
        if t in seen_texts and seen_texts[t] != i:
            errors.append("line %d: %s text repeats line %d" % (i, k, seen_texts[t]))
        seen_texts.setdefault(t, i)


def words(s):
    return re.findall(r"[a-z0-9']+", s.lower())


kb_grams = set()
for p in glob.glob(os.path.join(KB, "*")):
    w = words(re.sub(r"<[^>]+>", " ", open(p, encoding="utf-8").read()))
    kb_grams.update(tuple(w[j:j + NGRAM]) for j in range(len(w) - NGRAM + 1))
copied = 0
for i, r in rows:
    for k in ("base", "variant"):
        w = words(r[k])
        if any(tuple(w[j:j + NGRAM]) in kb_grams for j in range(len(w) - NGRAM + 1)):
            copied += 1
            errors.append("line %d: %s shares %d consecutive words with a KB article" % (i, k, NGRAM))

print("rows:", len(rows))
for fam in EXPECTED:
    print("  %-10s %d (expected %d)" % (fam, counts.get(fam, 0), EXPECTED[fam]))
print("unique pairs:", len(seen_pairs), " KB %d-gram overlaps: %d" % (NGRAM, copied))
if errors:
    print("ERRORS (%d):" % len(errors))
    for e in errors[:50]:
        print("  " + e)
    sys.exit(1)
print("OK")
