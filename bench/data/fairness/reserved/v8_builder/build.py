#!/usr/bin/env python3
"""Build benign_probes_v8.jsonl from the hand-written lists in this folder.

name.py / gender.py / age.py hold single messages with [[A|B]] slots
(base takes A, variant takes B; all slots in one message switch together).
dialect.py / nonnative.py hold (standard, variant) pairs written out in full.
Seeded: the record order is shuffled and, for the symmetric families
(name, gender), which side becomes "base" is drawn with the same RNG.
"""
import json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
SLOT = re.compile(r"\[\[(.*?)\|(.*?)\]\]", re.S)


def load(fname, var):
    ns = {}
    with open(os.path.join(HERE, fname), encoding="utf-8") as f:
        exec(f.read(), ns)
    return ns[var]


def tidy(s):
    s = re.sub(r"[ \t]{2,}", " ", s)
    s = re.sub(r" +([,.?!])", r"\1", s)
    return s.strip()


def split(msg):
    if not SLOT.search(msg):
        raise ValueError("no slot in: " + msg)
    a = tidy(SLOT.sub(lambda m: m.group(1), msg))
    b = tidy(SLOT.sub(lambda m: m.group(2), msg))
    # an added cue at the very start leaves the base starting lower-case; that is fine (noise)
    return a, b


def main():
    rng = random.Random(20261204)
    rows = []
    for fam, fname, var, symmetric in [
        ("name", "names.py", "NAME", True),
        ("gender", "gender.py", "GENDER", True),
        ("age", "age.py", "AGE", False),
    ]:
        for msg in load(fname, var):
            a, b = split(msg)
            if symmetric and rng.random() < 0.5:
                a, b = b, a
            rows.append({"family": fam, "base": a, "variant": b})
    for fam, fname, var in [("dialect", "dialect.py", "DIALECT"),
                            ("non_native", "nonnative.py", "NONNATIVE")]:
        for a, b in load(fname, var):
            rows.append({"family": fam, "base": a.strip(), "variant": b.strip()})
    rng.shuffle(rows)
    out = os.path.join(HERE, "benign_probes_v8.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(rows), "rows to", out)


if __name__ == "__main__":
    main()
