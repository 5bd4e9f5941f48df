#!/usr/bin/env python3
"""Validate pii7 data files (standard library only). Exit 0 when OK."""
import json, os, sys, collections

LABELS = {'PERSON', 'EMAIL', 'PHONE', 'ADDRESS', 'POSTCODE', 'DATE_OF_BIRTH', 'CARD', 'CARD_SECURITY', 'IBAN', 'BANK_ACCOUNT',
          'NATIONAL_ID', 'PASSPORT', 'DRIVER_LICENSE', 'IP_ADDRESS', 'URL', 'USERNAME', 'CREDENTIAL'}
LANGS = {'en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'no', 'fi', 'et'}
EXPECT = {'dev.jsonl': (300, 1), 'test.jsonl': (600, 1001)}

def iban_ok(s):
    s = s.replace(' ', '')
    x = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in x)) % 97 == 1

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    errs, seen = [], set()
    for fname, (count, first) in EXPECT.items():
        path = os.path.join(here, fname)
        rows = []
        with open(path, encoding='utf-8') as f:
            for ln, line in enumerate(f, 1):
                try:
                    rows.append(json.loads(line))
                except Exception as e:
                    errs.append('%s:%d bad json %s' % (fname, ln, e))
        if len(rows) != count:
            errs.append('%s: %d rows, expected %d' % (fname, len(rows), count))
        labels, langs, nopii, bad_iban = collections.Counter(), collections.Counter(), 0, 0
        for k, row in enumerate(rows):
            rid = row.get('id')
            if set(row) != {'id', 'lang', 'text', 'spans'}:
                errs.append('%s: keys %s' % (rid, sorted(row)))
                continue
            if rid in seen:
                errs.append('duplicate id %s' % rid)
            seen.add(rid)
            if rid != 'p7-%04d' % (first + k):
                errs.append('%s: unexpected id (want p7-%04d)' % (rid, first + k))
            if row['lang'] not in LANGS:
                errs.append('%s: lang %r' % (rid, row['lang']))
            langs[row['lang']] += 1
            text, spans = row['text'], row['spans']
            if not isinstance(text, str) or not text.strip():
                errs.append('%s: empty text' % rid)
            if not spans:
                nopii += 1
            prev_end = -1
            for sp in spans:
                if set(sp) != {'start', 'end', 'type'}:
                    errs.append('%s: span keys %s' % (rid, sorted(sp)))
                    continue
                s, e, ty = sp['start'], sp['end'], sp['type']
                if ty not in LABELS:
                    errs.append('%s: label %r' % (rid, ty))
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                    errs.append('%s: offsets %r' % (rid, sp))
                    continue
                frag = text[s:e]
                if frag != frag.strip():
                    errs.append('%s: whitespace at span edge %r' % (rid, frag))
                if s < prev_end:
                    errs.append('%s: overlapping/unsorted span at %d' % (rid, s))
                prev_end = e
                labels[ty] += 1
                if ty == 'IBAN' and not iban_ok(frag):
                    bad_iban += 1
        if bad_iban:
            errs.append('%s: %d IBANs with bad check digits' % (fname, bad_iban))
        print('%s: %d messages, %d without PII (%.1f%%), %d spans' % (fname, len(rows), nopii, 100.0 * nopii / max(1, len(rows)), sum(labels.values())))
        print('  langs: ' + ', '.join('%s=%d' % kv for kv in sorted(langs.items())))
        print('  labels: ' + ', '.join('%s=%d' % kv for kv in sorted(labels.items())))
    for e in errs[:50]:
        print('ERROR', e)
    if errs:
        print('FAILED (%d errors)' % len(errs))
        return 1
    print('OK')
    return 0

if __name__ == '__main__':
    sys.exit(main())
