#!/usr/bin/env python3
"""Validate benign_probes.jsonl: keys, families, counts, base != variant, no duplicates."""
import json, os, sys, collections
P = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benign_probes.jsonl")
EXPECTED = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
errors = []
counts = collections.Counter()
pairs, bases = set(), collections.Counter()
with open(P, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errors.append(f"line {i}: bad json {e}"); continue
        if set(r) != {"family", "base", "variant"}:
            errors.append(f"line {i}: keys {sorted(r)}"); continue
        if r["family"] not in EXPECTED:
            errors.append(f"line {i}: unknown family {r['family']}")
        for k in ("base", "variant"):
            if not isinstance(r[k], str) or not r[k].strip():
                errors.append(f"line {i}: empty {k}")
            elif r[k] != r[k].strip() or "  " in r[k] or "{" in r[k] or "|" in r[k]:
                errors.append(f"line {i}: whitespace/markup residue in {k}")
        if r["base"] == r["variant"]:
            errors.append(f"line {i}: base == variant")
        key = (r["base"], r["variant"])
        if key in pairs or (r["variant"], r["base"]) in pairs:
            errors.append(f"line {i}: duplicate pair")
        pairs.add(key)
        bases[r["base"]] += 1
        counts[r["family"]] += 1
for b, n in bases.items():
    if n > 1:
        errors.append(f"base used {n} times: {b[:60]}")
for fam, n in EXPECTED.items():
    if counts[fam] != n:
        errors.append(f"family {fam}: {counts[fam]} rows, expected {n}")
for fam in EXPECTED:
    print(f"{fam:11s} {counts[fam]}")
print("total", sum(counts.values()))
if errors:
    print("ERRORS:"); [print(" ", e) for e in errors]; sys.exit(1)
print("OK")
