#!/usr/bin/env python3
"""Validate benign_probes_v7.jsonl: keys, counts per family, base != variant."""
import json, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "benign_probes_v7.jsonl")
EXPECT = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
KEYS = {"family", "base", "variant"}

errors = []
counts = collections.Counter()
seen = set()
with open(PATH, encoding="utf-8") as f:
    lines = f.read().splitlines()
for i, line in enumerate(lines, 1):
    try:
        r = json.loads(line)
    except Exception as e:
        errors.append("line %d: bad json %s" % (i, e)); continue
    if set(r) != KEYS:
        errors.append("line %d: keys %s" % (i, sorted(r)))
        continue
    if r["family"] not in EXPECT:
        errors.append("line %d: family %r" % (i, r["family"]))
    for k in ("base", "variant"):
        if not isinstance(r[k], str) or not r[k].strip():
            errors.append("line %d: empty %s" % (i, k))
        elif re.search(r"[{}]", r[k]):
            errors.append("line %d: leftover brace in %s" % (i, k))
        elif "  " in r[k]:
            errors.append("line %d: double space in %s" % (i, k))
    if r["base"] == r["variant"]:
        errors.append("line %d: base == variant" % i)
    key = (r["base"], r["variant"])
    if key in seen:
        errors.append("line %d: duplicate pair" % i)
    seen.add(key)
    counts[r["family"]] += 1

for fam, n in EXPECT.items():
    if counts[fam] != n:
        errors.append("family %s: %d rows, expected %d" % (fam, counts[fam], n))
if len(lines) != sum(EXPECT.values()):
    errors.append("total %d lines, expected %d" % (len(lines), sum(EXPECT.values())))

print("total", len(lines))
for fam in EXPECT:
    print("  %-11s %d" % (fam, counts[fam]))
bases = collections.Counter(json.loads(l)["base"] for l in lines)
print("  distinct bases", len(bases))
if errors:
    print("ERRORS:"); [print("  " + e) for e in errors]; sys.exit(1)
print("OK")
