#!/usr/bin/env python3
import json, os, sys, collections
P = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benign_probes_v9.jsonl")
WANT = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
errs = []; cnt = collections.Counter(); seen = set()
with open(P, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errs.append(f"line {i}: bad json {e}"); continue
        if set(r) != {"family", "base", "variant"}:
            errs.append(f"line {i}: keys {sorted(r)}")
        if r.get("family") not in WANT:
            errs.append(f"line {i}: family {r.get('family')}")
        for k in ("base", "variant"):
            v = r.get(k)
            if not isinstance(v, str) or not v.strip():
                errs.append(f"line {i}: empty {k}")
            elif any(x in v for x in "[]{}"):
                errs.append(f"line {i}: leftover slot in {k}: {v[:60]}")
        if r.get("base") == r.get("variant"):
            errs.append(f"line {i}: base == variant")
        key = (r.get("base"), r.get("variant"))
        if key in seen:
            errs.append(f"line {i}: duplicate pair")
        seen.add(key)
        cnt[r.get("family")] += 1
for fam, n in WANT.items():
    print(f"{fam}: {cnt[fam]} (want {n})")
    if cnt[fam] != n:
        errs.append(f"count {fam} {cnt[fam]} != {n}")
print("total:", sum(cnt.values()))
if errs:
    print("ERRORS:"); [print(" ", e) for e in errs[:50]]; sys.exit(1)
print("OK")
