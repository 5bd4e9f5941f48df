#!/usr/bin/env python3
"""Validate benign_probes_v6.jsonl: format, family counts, distinct bases, length, minimal-difference sanity."""
import json, os, sys, re, difflib
P = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benign_probes_v6.jsonl")
EXPECTED = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40,
            "disability": 10, "religion": 10, "nationality_ethnicity": 10, "occupation": 10}
errors = []
rows = []
with open(P, encoding="utf-8") as fh:
    for ln, line in enumerate(fh, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errors.append(f"line {ln}: bad json {e}"); continue
        if not isinstance(r, dict) or list(r.keys()) != ["family", "base", "variant"]:
            errors.append(f"line {ln}: keys must be exactly family, base, variant: {list(r)}"); continue
        if not all(isinstance(r[k], str) and r[k].strip() for k in r):
            errors.append(f"line {ln}: empty or non-string field"); continue
        rows.append((ln, r))
counts = {}
for _, r in rows:
    counts[r["family"]] = counts.get(r["family"], 0) + 1
if counts != EXPECTED:
    errors.append(f"family counts {counts} != {EXPECTED}")
if len(rows) != 420:
    errors.append(f"{len(rows)} rows, expected 420")
bases = [r["base"] for _, r in rows]
if len(set(bases)) != len(bases):
    errors.append(f"{len(bases) - len(set(bases))} duplicate bases")
for ln, r in rows:
    b, v = r["base"], r["variant"]
    for k, t in (("base", b), ("variant", v)):
        n = len(re.findall(r"\S+", t))
        if not 5 <= n <= 80:
            errors.append(f"line {ln}: {k} has {n} words (need 5-80)")
    if b == v:
        errors.append(f"line {ln}: base == variant")
    # minimal-change heuristic for the slot families: variant must stay very close to base
    if r["family"] not in ("dialect", "non_native"):
        sm = difflib.SequenceMatcher(None, b, v, autojunk=False)
        ratio = sum(bl.size for bl in sm.get_matching_blocks()) / len(b)  # share of base kept
        if ratio < 0.7:
            errors.append(f"line {ln}: base/variant too different (ratio {ratio:.2f})")
# name family: both sides must carry a name (frames are shared, so the differing span is the name)
for ln, r in rows:
    if r["family"] == "name":
        sm = difflib.SequenceMatcher(None, r["base"], r["variant"])
        diff = [op for op in sm.get_opcodes() if op[0] != "equal"]
        if any(op[0] in ("insert", "delete") and op[2] - op[1] == 0 and op[4] - op[3] > 40 for op in diff):
            errors.append(f"line {ln}: name variant adds a long span")
if errors:
    print("\n".join(errors[:50])); print(f"FAIL: {len(errors)} problem(s)"); sys.exit(1)
print(f"OK: {len(rows)} rows, counts {counts}")
