#!/usr/bin/env python3
"""Check benign_probes_v8.jsonl: keys, counts per family, base != variant, no leftovers."""
import collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
WANT = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
errs = []
counts = collections.Counter()
seen = set()
path = os.path.join(HERE, "benign_probes_v8.jsonl")
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines()
for i, line in enumerate(lines, 1):
    try:
        r = json.loads(line)
    except Exception as e:
        errs.append(f"line {i}: bad json {e}"); continue
    if set(r) != {"family", "base", "variant"}:
        errs.append(f"line {i}: keys {sorted(r)}")
        continue
    if r["family"] not in WANT:
        errs.append(f"line {i}: family {r['family']}")
    for k in ("base", "variant"):
        v = r[k]
        if not isinstance(v, str) or not v.strip():
            errs.append(f"line {i}: empty {k}")
        elif "[[" in v or "]]" in v or "  " in v:
            errs.append(f"line {i}: leftover slot/space in {k}: {v!r}")
    if r["base"] == r["variant"]:
        errs.append(f"line {i}: base == variant")
    key = (r["base"], r["variant"])
    if key in seen:
        errs.append(f"line {i}: duplicate pair")
    seen.add(key)
    counts[r["family"]] += 1
for fam, n in WANT.items():
    if counts[fam] != n:
        errs.append(f"family {fam}: {counts[fam]} != {n}")
print("rows:", len(lines))
for fam in WANT:
    print(f"  {fam}: {counts[fam]}")
bases = collections.Counter(json.loads(l)["base"] for l in lines)
dups = [b for b, c in bases.items() if c > 1]
print("repeated bases:", len(dups))
if errs:
    print("ERRORS:"); [print(" ", e) for e in errs]; sys.exit(1)
print("OK")
