#!/usr/bin/env python3
"""Validate pii6 files: format, ids, offsets, spans sorted/non-overlapping/no edge whitespace, label set, counts."""
import json, os, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {'PERSON','EMAIL','PHONE','ADDRESS','POSTCODE','DATE_OF_BIRTH','CARD','CARD_SECURITY','IBAN','BANK_ACCOUNT',
          'NATIONAL_ID','PASSPORT','DRIVER_LICENSE','IP_ADDRESS','URL','USERNAME','CREDENTIAL'}
LANGS = {'en','de','fr','es','it','nl','pt','pl','sv','da','no','fi','et'}
SPEC = {'dev': (300, 1), 'test': (600, 1001)}
errors = []
def err(m):
    errors.append(m)
for name, (n, id0) in SPEC.items():
    path = os.path.join(HERE, f'{name}.jsonl')
    rows = []
    with open(path, encoding='utf-8') as fh:
        for ln, line in enumerate(fh, 1):
            try: rows.append(json.loads(line))
            except Exception as e: err(f'{name}:{ln}: bad json {e}')
    if len(rows) != n: err(f'{name}: {len(rows)} rows, expected {n}')
    ids = [r.get('id') for r in rows]
    exp = [f'p6-{id0+i:04d}' for i in range(n)]
    if ids != exp: err(f'{name}: ids not p6-{id0:04d}.. in order')
    labc, langc, nopii, texts = collections.Counter(), collections.Counter(), 0, set()
    for r in rows:
        rid = r.get('id')
        if set(r) != {'id','lang','text','spans'}: err(f'{rid}: keys {sorted(r)}')
        if r.get('lang') not in LANGS: err(f'{rid}: lang {r.get("lang")}')
        t = r.get('text')
        if not isinstance(t, str) or not t.strip(): err(f'{rid}: empty text'); continue
        if t in texts: err(f'{rid}: duplicate text')
        texts.add(t)
        if '{' in t and '}' in t and '{-' in t: err(f'{rid}: unrendered token')
        langc[r['lang']] += 1
        prev = 0
        if not r['spans']: nopii += 1
        for s in r['spans']:
            if set(s) != {'start','end','type'}: err(f'{rid}: span keys {s}'); continue
            a, b, ty = s['start'], s['end'], s['type']
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(t)): err(f'{rid}: bad offsets {s}'); continue
            if a < prev: err(f'{rid}: unsorted/overlapping {s}')
            prev = b
            if ty not in LABELS: err(f'{rid}: label {ty}')
            frag = t[a:b]
            if frag != frag.strip(): err(f'{rid}: edge whitespace {frag!r}')
            labc[ty] += 1
    print(f'== {name}: {len(rows)} messages, {sum(labc.values())} spans, no-PII messages {nopii} ({100*nopii/max(1,len(rows)):.1f}%)')
    en = langc['en']
    print(f'   languages: en {en} ({100*en/max(1,len(rows)):.0f}%), ' + ', '.join(f'{k} {v}' for k, v in sorted(langc.items()) if k != 'en'))
    for lab in sorted(LABELS):
        print(f'   {lab:15s} {labc[lab]}')
        if name == 'test' and labc[lab] < 20: err(f'test: label {lab} used {labc[lab]} < 20 times')
    missing = LABELS - set(labc)
    if missing: err(f'{name}: labels never used {missing}')
if errors:
    print('ERRORS:'); [print(' ', e) for e in errors[:50]]
    sys.exit(1)
print('OK')
