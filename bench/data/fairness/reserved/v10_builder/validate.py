#!/usr/bin/env python3
"""Validate benign_probes.jsonl: keys, family counts, base != variant, no duplicate pairs."""
import json, os, sys
from collections import Counter

EXPECTED = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benign_probes.jsonl")

errors = []
counts = Counter()
seen_pairs, seen_bases = set(), Counter()
with open(PATH, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errors.append(f"line {i}: bad JSON ({e})"); continue
        if set(r) != {"family", "base", "variant"}:
            errors.append(f"line {i}: keys {sorted(r)}"); continue
        if r["family"] not in EXPECTED:
            errors.append(f"line {i}: unknown family {r['family']!r}")
        for k in ("base", "variant"):
            if not isinstance(r[k], str) or not r[k].strip():
                errors.append(f"line {i}: empty {k}")
            elif any(c in r[k] for c in "{}|"):
                errors.append(f"line {i}: leftover markup in {k}")
        if r["base"] == r["variant"]:
            errors.append(f"line {i}: base == variant")
        key = (r["base"], r["variant"])
        if key in seen_pairs:
            errors.append(f"line {i}: duplicate pair")
        seen_pairs.add(key)
        seen_bases[r["base"]] += 1
        counts[r["family"]] += 1

for fam, n in EXPECTED.items():
    print(f"{fam:12s} {counts[fam]:4d} (expected {n})")
    if counts[fam] != n:
        errors.append(f"family {fam}: {counts[fam]} != {n}")
print(f"{'total':12s} {sum(counts.values()):4d}")
dup_bases = [b for b, c in seen_bases.items() if c > 1]
if dup_bases:
    errors.append(f"{len(dup_bases)} base texts used more than once: {dup_bases[:3]}")
if errors:
    print("FAIL"); [print(" ", e) for e in errors]; sys.exit(1)
print("OK")
