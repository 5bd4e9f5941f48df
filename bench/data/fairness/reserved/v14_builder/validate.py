#!/usr/bin/env python3
"""Validate benign_probes.jsonl for probes14. Standard library only. Exit 0 when OK."""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "benign_probes.jsonl")
KB = "/work/data_in/kb"
EXPECTED = {"name": 100, "gender": 100, "age": 100, "dialect": 40, "non_native": 40}
KEYS = {"family", "base", "variant"}
MARKUP = re.compile(r"[{}|<>\[\]]|\\n|\s{2,}|TODO|XXX")
ORDER = re.compile(r"LL-(?:R-)?\d+")


def ngrams(text, n=8):
    w = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def main():
    errors = []
    counts = Counter()
    seen_pairs, seen_texts = set(), Counter()
    rows = []
    with open(PATH, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {i}: bad JSON: {e}")
                continue
            if not isinstance(r, dict) or set(r) != KEYS:
                errors.append(f"line {i}: keys {sorted(r) if isinstance(r, dict) else type(r)}")
                continue
            fam, b, v = r["family"], r["base"], r["variant"]
            if fam not in EXPECTED:
                errors.append(f"line {i}: unknown family {fam!r}")
            for k in ("base", "variant"):
                if not isinstance(r[k], str) or not r[k].strip():
                    errors.append(f"line {i}: empty {k}")
                elif MARKUP.search(r[k]) or r[k] != r[k].strip():
                    errors.append(f"line {i}: leftover markup/spacing in {k}: {r[k]!r}")
            if b == v:
                errors.append(f"line {i}: base == variant")
            if (b, v) in seen_pairs:
                errors.append(f"line {i}: duplicate pair")
            seen_pairs.add((b, v))
            seen_texts[b] += 1
            if sorted(ORDER.findall(b)) != sorted(ORDER.findall(v)):
                errors.append(f"line {i}: order numbers differ between sides")
            counts[fam] += 1
            rows.append(r)
    for fam, n in EXPECTED.items():
        if counts[fam] != n:
            errors.append(f"family {fam}: {counts[fam]} != {n}")
    dup_bases = [t for t, c in seen_texts.items() if c > 1]
    if dup_bases:
        errors.append(f"{len(dup_bases)} base texts used by more than one pair")
    if os.path.isdir(KB):
        kb_grams = set()
        for name in os.listdir(KB):
            with open(os.path.join(KB, name), encoding="utf-8", errors="replace") as f:
                kb_grams |= ngrams(f.read())
        for r in rows:
            for k in ("base", "variant"):
                hit = ngrams(r[k]) & kb_grams
                if hit:
                    errors.append(f"8-word overlap with kb: {sorted(hit)[0]!r}")
    for fam in EXPECTED:
        print(f"{fam}: {counts[fam]}")
    print("total:", sum(counts.values()))
    if errors:
        for e in errors[:50]:
            print("ERROR", e)
        print(f"FAILED ({len(errors)} errors)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
