#!/usr/bin/env python3
"""Validate pii5 dev/test files: format, ids, counts, offsets, labels. Prints counts per label and split."""
import json, os, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {'PERSON', 'EMAIL', 'PHONE', 'ADDRESS', 'POSTCODE', 'DATE_OF_BIRTH', 'CARD', 'CARD_SECURITY', 'IBAN', 'BANK_ACCOUNT',
          'NATIONAL_ID', 'PASSPORT', 'DRIVER_LICENSE', 'IP_ADDRESS', 'URL', 'USERNAME', 'CREDENTIAL'}
LANGS = {'en', 'es', 'fr', 'de', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'no', 'fi', 'et'}
SPEC = {'dev': (300, 1), 'test': (600, 1001)}
errors = []
def err(m):
    errors.append(m)
allids = set(); alltexts = set()
for split, (n, start) in SPEC.items():
    path = os.path.join(HERE, split + '.jsonl')
    recs = []
    with open(path, encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            try:
                recs.append(json.loads(line))
            except Exception as e:
                err('%s:%d bad json %s' % (split, ln, e))
    if len(recs) != n:
        err('%s: %d records, expected %d' % (split, len(recs), n))
    labc = collections.Counter(); langc = collections.Counter(); nopii = 0
    for i, r in enumerate(recs):
        rid = r.get('id')
        if set(r) != {'id', 'lang', 'text', 'spans'}:
            err('%s: keys %s' % (rid, sorted(r)))
        if rid != 'p5-%04d' % (start + i):
            err('%s: id out of sequence (expected p5-%04d)' % (rid, start + i))
        if rid in allids:
            err('%s: duplicate id' % rid)
        allids.add(rid)
        if r['lang'] not in LANGS:
            err('%s: lang %r' % (rid, r['lang']))
        langc[r['lang']] += 1
        t = r['text']
        if not isinstance(t, str) or not t.strip():
            err('%s: empty text' % rid)
        if t in alltexts:
            err('%s: duplicate text' % rid)
        alltexts.add(t)
        prev = 0
        if not r['spans']:
            nopii += 1
        for s in r['spans']:
            if set(s) != {'start', 'end', 'type'}:
                err('%s: span keys %s' % (rid, sorted(s)))
                continue
            a, b, ty = s['start'], s['end'], s['type']
            if ty not in LABELS:
                err('%s: label %s' % (rid, ty))
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(t)):
                err('%s: bad offsets %r' % (rid, s)); continue
            if a < prev:
                err('%s: spans unsorted/overlapping at %d' % (rid, a))
            prev = b
            v = t[a:b]
            if v != v.strip():
                err('%s: whitespace at span edge %r' % (rid, v))
            labc[ty] += 1
    print('== %s: %d records, %d without PII (%.1f%%), %d spans' % (split, len(recs), nopii, 100.0 * nopii / max(1, len(recs)), sum(labc.values())))
    print('   langs: ' + ', '.join('%s=%d' % kv for kv in sorted(langc.items(), key=lambda x: -x[1])))
    for k in sorted(LABELS):
        print('   %-15s %5d' % (k, labc[k]))
        if labc[k] == 0:
            err('%s: label %s never used' % (split, k))
if errors:
    print('\n%d ERRORS' % len(errors))
    for e in errors[:50]:
        print('  ' + e)
    sys.exit(1)
print('\nOK')
