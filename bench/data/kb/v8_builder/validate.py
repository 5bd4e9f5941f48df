#!/usr/bin/env python3
"""Validate kbq8 questions.jsonl against the help centre in /work/data_in/kb. Standard library only."""
import csv, json, os, re, sys
from collections import Counter, defaultdict
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "/work/data_in/kb"
DATA = os.path.join(HERE, "questions.jsonl")
KEYS = ["question", "article_id", "section", "kind", "split"]
WANT = {"answerable": 160, "unanswerable_on_topic": 50, "off_topic": 50}

def parse_md(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    fm = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            k, v = line.split(":", 1); fm[k.strip()] = v.strip()
    body = text[m.end():]
    heads = [h.strip() for h in re.findall(r"^## (.+)$", body, re.M)]
    return fm.get("id"), fm.get("visibility", "public"), heads, body

class H(HTMLParser):
    def __init__(self):
        super().__init__(); self.meta = {}; self.h2 = []; self.in_h2 = False; self.buf = ""; self.text = []; self.skip = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and "name" in a: self.meta[a["name"]] = a.get("content", "")
        if tag == "h2": self.in_h2 = True; self.buf = ""
        if tag in ("script", "style"): self.skip = True
    def handle_endtag(self, tag):
        if tag == "h2": self.in_h2 = False; self.h2.append(self.buf.strip())
        if tag in ("script", "style"): self.skip = False
    def handle_data(self, d):
        if self.in_h2: self.buf += d
        if not self.skip: self.text.append(d)

def load_kb():
    sections, texts = {}, []
    for fn in sorted(os.listdir(KB)):
        p = os.path.join(KB, fn)
        if fn.endswith(".md"):
            aid, vis, heads, body = parse_md(p)
            texts.append(body)
            if vis != "internal": sections[aid] = set(heads)
        elif fn.endswith(".html"):
            h = H(); h.feed(open(p, encoding="utf-8").read())
            texts.append(" ".join(h.text))
            if h.meta.get("trustdesk:visibility", "public") != "internal":
                sections[h.meta["trustdesk:id"]] = set(h.h2)
        elif fn == "faq.csv":
            rows = list(csv.DictReader(open(p, encoding="utf-8")))
            sections["faq"] = {r["question"] for r in rows}
            for r in rows: texts.append(r["question"] + " " + r["answer"])
    return sections, texts

def words(s):
    return re.findall(r"[a-z0-9']+", s.lower())

def main():
    sections, texts = load_kb()
    kb_grams = set()
    for t in texts:
        w = words(t)
        for i in range(len(w) - 5): kb_grams.add(tuple(w[i:i+6]))
    errs = []
    rows = [json.loads(l) for l in open(DATA, encoding="utf-8") if l.strip()]
    kinds = Counter(); splits = defaultdict(Counter); covered = set(); seen = set()
    for n, r in enumerate(rows, 1):
        if list(r.keys()) != KEYS: errs.append(f"line {n}: keys {list(r.keys())}"); continue
        q = r["question"]
        if not isinstance(q, str) or not q.strip(): errs.append(f"line {n}: empty question")
        if q.lower() in seen: errs.append(f"line {n}: duplicate question")
        seen.add(q.lower())
        if r["kind"] not in WANT: errs.append(f"line {n}: bad kind {r['kind']}")
        if r["split"] not in ("dev", "test"): errs.append(f"line {n}: bad split {r['split']}")
        kinds[r["kind"]] += 1; splits[r["kind"]][r["split"]] += 1
        if r["kind"] == "answerable":
            aid, sec = r["article_id"], r["section"]
            if aid not in sections: errs.append(f"line {n}: article {aid!r} missing or not public")
            elif sec not in sections[aid]: errs.append(f"line {n}: section {sec!r} not in {aid}")
            else: covered.add((aid, sec))
        else:
            if r["article_id"] != "" or r["section"] != "": errs.append(f"line {n}: non-answerable must have empty ids")
        w = words(q)
        for i in range(len(w) - 5):
            if tuple(w[i:i+6]) in kb_grams:
                errs.append(f"line {n}: copies 6 words from KB: {' '.join(w[i:i+6])}"); break
    for k, v in WANT.items():
        if kinds[k] != v: errs.append(f"kind {k}: {kinds[k]} != {v}")
        dev = round(v * 0.4)
        if splits[k]["dev"] != dev or splits[k]["test"] != v - dev:
            errs.append(f"kind {k}: split {dict(splits[k])} want dev {dev} test {v - dev}")
    allsec = {(a, s) for a, ss in sections.items() for s in ss}
    missing = sorted(allsec - covered)
    for m in missing: errs.append(f"section not covered: {m}")
    print("rows:", len(rows))
    for k in WANT: print(f"  {k}: {kinds[k]} (dev {splits[k]['dev']}, test {splits[k]['test']})")
    print("public articles:", len(sections), "public sections:", len(allsec), "covered:", len(covered & allsec))
    if errs:
        for e in errs: print("ERROR", e)
        sys.exit(1)
    print("OK")

if __name__ == "__main__":
    main()
