#!/usr/bin/env python3
"""Validate benign_probes.jsonl: keys, family counts, base != variant, no duplicate pairs."""
import json, os, sys
from collections import Counter

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benign_probes.jsonl")
EXPECTED = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
KEYS = {"family", "base", "variant"}

errors = []
counts = Counter()
seen_pairs, seen_bases = set(), Counter()
with open(PATH, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errors.append(f"line {i}: bad json {e}"); continue
        if set(r) != KEYS:
            errors.append(f"line {i}: keys {sorted(r)}"); continue
        if r["family"] not in EXPECTED:
            errors.append(f"line {i}: unknown family {r['family']}")
        for k in ("base", "variant"):
            if not isinstance(r[k], str) or not r[k].strip():
                errors.append(f"line {i}: empty {k}")
            elif "{" in r[k] or "}" in r[k]:
                errors.append(f"line {i}: leftover marker in {k}: {r[k]!r}")
        if r["base"] == r["variant"]:
            errors.append(f"line {i}: base == variant")
        pair = (r["base"], r["variant"])
        if pair in seen_pairs or pair[::-1] in seen_pairs:
            errors.append(f"line {i}: duplicate pair")
        seen_pairs.add(pair)
        seen_bases[r["base"]] += 1
        counts[r["family"]] += 1

for fam, n in EXPECTED.items():
    if counts[fam] != n:
        errors.append(f"family {fam}: {counts[fam]} rows, expected {n}")
dup_bases = [b for b, c in seen_bases.items() if c > 1]
if dup_bases:
    errors.append(f"{len(dup_bases)} base texts used more than once")

for fam in EXPECTED:
    print(f"{fam:11s} {counts[fam]}")
print("total      ", sum(counts.values()))
if errors:
    print("FAIL")
    for e in errors[:50]:
        print("  ", e)
    sys.exit(1)
print("OK")
