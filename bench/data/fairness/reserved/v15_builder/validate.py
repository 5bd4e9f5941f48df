#!/usr/bin/env python3
"""Validate benign_probes.jsonl: JSON, keys, counts per family, non-empty, base != variant,
no duplicate pairs, no leftover markup, and (if the KB is present) no 8-word sequence copied
from the help articles. Standard library only."""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "benign_probes.jsonl")
EXPECTED = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
KB = "/work/data_in/kb"

errors = []
counts = {}
seen_pairs = set()
seen_base = {}
rows = []
with open(PATH, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errors.append(f"line {i}: bad JSON ({e})")
            continue
        if not isinstance(r, dict) or set(r) != {"family", "base", "variant"}:
            errors.append(f"line {i}: keys must be exactly family/base/variant")
            continue
        fam, b, v = r["family"], r["base"], r["variant"]
        if fam not in EXPECTED:
            errors.append(f"line {i}: unknown family {fam!r}")
        for k in ("base", "variant"):
            s = r[k]
            if not isinstance(s, str) or not s.strip():
                errors.append(f"line {i}: empty {k}")
            elif re.search(r"[\[\]{}|<>]|\{|\}", s) or "  " in s or s != s.strip():
                errors.append(f"line {i}: leftover markup/spacing in {k}: {s!r}")
        if b == v:
            errors.append(f"line {i}: base == variant")
        key = (b, v)
        if key in seen_pairs:
            errors.append(f"line {i}: duplicate pair")
        seen_pairs.add(key)
        if b in seen_base:
            errors.append(f"line {i}: base text repeats line {seen_base[b]}")
        seen_base.setdefault(b, i)
        counts[fam] = counts.get(fam, 0) + 1
        rows.append(r)

if counts != EXPECTED:
    errors.append(f"counts {counts} != expected {EXPECTED}")

# 8-word overlap with the help articles
def words(t):
    return re.findall(r"[a-z0-9']+", t.lower())

if os.path.isdir(KB):
    grams = set()
    for p in glob.glob(os.path.join(KB, "*")):
        w = words(open(p, encoding="utf-8", errors="ignore").read())
        grams.update(tuple(w[j:j + 8]) for j in range(len(w) - 7))
    for r in rows:
        for k in ("base", "variant"):
            w = words(r[k])
            for j in range(len(w) - 7):
                if tuple(w[j:j + 8]) in grams:
                    errors.append(f"8-gram copied from KB in {k}: {' '.join(w[j:j+8])}")
                    break

print("counts:", counts, "total:", sum(counts.values()))
if errors:
    for e in errors[:50]:
        print("ERROR:", e)
    print(f"FAILED ({len(errors)} errors)")
    sys.exit(1)
print("OK")
