#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""pii7 builder: customer-support messages with PII spans. Standard library only, seeded, deterministic."""
import string, unicodedata

# ---------------- names: culture -> (female firsts, male firsts, surnames) ----------------
CULTURES = {
 'english': (['Emily','Charlotte','Hannah','Sophie','Lucy'], ['Oliver','James','Thomas','Harry','George'], ['Smith','Whitfield','Harrington','Cole','Ashworth','Pennington']),
 'irish': (['Siobhán','Aoife','Niamh','Róisín','Saoirse'], ['Ciarán','Pádraig','Seán','Eoin','Cathal'], ["O'Sullivan","Mac Giolla Phádraig","Ní Bhriain","Ó Súilleabháin",'Fitzgerald',"McCarthy"]),
 'scottish': (['Isla','Morag','Eilidh','Kirsty'], ['Hamish','Callum','Fraser','Angus'], ['MacLeod','Robertson','McAllister','Drummond','Sinclair']),
 'american': (['Madison','Ashley','Brittany','Kayla'], ['Tyler','Brandon','Cody','Dwayne'], ['Johnson','Miller','Washington','Rodriguez-Hale','Kowalczyk','Baker']),
 'german': (['Anneliese','Jördis','Käthe','Friederike','Svenja'], ['Jürgen','Björn','Matthias','Uwe','Maximilian'], ['Müller','von der Heide','Schäfer','Groß','Weiß-Oberländer','Köhler']),
 'french': (['Hélène','Amélie','Océane','Françoise','Maëlle'], ['Jérôme','François','Benoît','Loïc','Thibault'], ['Lefèvre','de La Fontaine','Dubois','Moreau-Giraud','Lemaître']),
 'spanish': (['María José','Nuria','Begoña','Lucía','Ainhoa'], ['José Luis','Iñaki','Álvaro','Jesús','Rubén'], ['García López','Fernández de Córdoba','Muñoz','Ibáñez Ruiz','Sánchez']),
 'italian': (['Giulia','Chiara','Francesca','Maria Grazia'], ['Giuseppe','Niccolò','Lorenzo','Gianluca'], ['Rossi','Esposito','De Luca','Dell\'Acqua','Lo Bianco']),
 'dutch': (['Femke','Anouk','Marieke','Sanne'], ['Joost','Pieter','Sjoerd','Bram'], ['van der Berg','de Vries','Jansen','van \'t Hek','Bakker']),
 'portuguese': (['Inês','Conceição','Joana','Leonor'], ['João','Gonçalo','Tiago','Rui'], ['Gonçalves','Magalhães','da Silva Pereira','Araújo','Conceição']),
 'brazilian': (['Thaís','Luana','Gabriela'], ['Thiago','Caio','Wellington'], ['dos Santos','Oliveira','Nascimento','Carvalho']),
 'polish': (['Małgorzata','Agnieszka','Zofia','Katarzyna'], ['Krzysztof','Wojciech','Łukasz','Grzegorz'], ['Wiśniewski','Szczepańska','Kowalski','Wójcik','Brzęczyszczykiewicz']),
 'swedish': (['Åsa','Linnéa','Ingrid','Märta'], ['Björn','Östen','Pär','Nils'], ['Lindqvist','Åkesson','Sjöberg','Ek']),
 'norwegian': (['Solveig','Ingeborg','Sigrid','Kari'], ['Øystein','Håkon','Ørjan','Sindre'], ['Bjørnstad','Haugen','Ødegård','Løvås']),
 'danish': (['Mette','Birgitte','Signe'], ['Søren','Jens','Mikkel'], ['Jørgensen','Nørgaard','Kjærsgaard','Østergaard']),
 'finnish': (['Päivi','Aino','Tuulikki','Satu'], ['Jukka','Väinö','Mikko','Teemu'], ['Mäkelä','Virtanen','Järvinen','Hämäläinen']),
 'estonian': (['Kadri','Tiiu','Maarja','Liis'], ['Jüri','Tõnu','Märt','Priit'], ['Tamm','Saar','Kõiv','Mägi','Pärn']),
 'turkish': (['Ayşe','Gülşen','Elif','Şebnem'], ['Mehmet','Çağlar','Oğuz','Emre'], ['Yılmaz','Öztürk','Çelik','Şahin']),
 'arabic': (['Fatima','Layla','Noor','Yasmin'], ['Mohammed','Omar','Khalid','Youssef'], ['Al-Rashid','El Amrani','bin Saleh','Haddad','Abu-Saleh']),
 'indian': (['Priya','Ananya','Lakshmi','Deepika'], ['Rahul','Venkatesh','Arjun','Sandeep'], ['Sharma','Venkataraman','Patel','Iyer','Chatterjee']),
 'chinese': (['Xiaoling','Mei','Yan','Jing'], ['Wei','Jian','Zhihao','Hao'], ['Wang','Zhang','Liu','Chen','Ouyang']),
 'japanese': (['Yuki','Haruka','Aiko','Sakura'], ['Hiroshi','Takumi','Kenji','Daisuke'], ['Tanaka','Watanabe','Suzuki','Yamamoto']),
 'korean': (['Ji-woo','Seo-yeon','Min-ji'], ['Min-jun','Joon-ho','Seung-woo'], ['Kim','Park','Choi','Jeong']),
 'vietnamese': (['Thảo','Lan','Ngọc Anh'], ['Minh','Tuấn','Quang'], ['Nguyễn','Trần','Phạm','Lê']),
 'nigerian': (['Chiamaka','Ngozi','Adaeze','Folake'], ['Chinedu','Oluwaseun','Emeka','Babatunde'], ['Okonkwo','Adeyemi','Nwachukwu','Oyelaran']),
 'ghanaian': (['Akosua','Ama','Efua'], ['Kwame','Kofi','Yaw'], ['Mensah','Asante','Owusu','Boateng']),
 'russian': (['Svetlana','Ekaterina','Olga'], ['Dmitri','Aleksandr','Sergei'], ['Ivanova','Kuznetsov','Smirnova','Volkov']),
 'ukrainian': (['Oksana','Olena','Iryna'], ['Taras','Bohdan','Mykola'], ['Shevchenko','Kovalenko','Bondarenko']),
 'greek': (['Eleni','Katerina','Dimitra'], ['Giorgos','Konstantinos','Nikos'], ['Papadopoulos','Georgiou','Karamanlis']),
 'hungarian': (['Zsófia','Ildikó','Erzsébet'], ['Gábor','Zoltán','László'], ['Nagy','Kovács','Szőke','Horváth']),
 'czech': (['Jana','Lenka','Kateřina'], ['Jiří','Tomáš','Ondřej'], ['Dvořák','Novotná','Procházka','Černý']),
 'filipino': (['Maricel','Jocelyn','Rowena'], ['Jericho','Rodel','Jun'], ['dela Cruz','Santos','Bautista','Macapagal']),
 'iranian': (['Shirin','Parisa','Maryam'], ['Reza','Dariush','Farhad'], ['Hosseini','Tehrani','Mohammadi']),
 'welsh': (['Siân','Angharad','Ffion'], ['Rhodri','Dafydd','Gareth'], ['ap Rhys','Llewellyn','Pryce','Jones']),
}
LANG_CULTURE = {'de':'german','fr':'french','es':'spanish','it':'italian','nl':'dutch','pt':'portuguese','pl':'polish',
                'sv':'swedish','da':'danish','no':'norwegian','fi':'finnish','et':'estonian'}
EN_COUNTRIES = ['UK','IE','US','CA','AU']
LANG_COUNTRY = {'de':['DE'],'fr':['FR','BE'],'es':['ES'],'it':['IT'],'nl':['NL','BE'],'pt':['PT'],'pl':['PL'],
                'sv':['SE'],'da':['DK'],'no':['NO'],'fi':['FI'],'et':['EE']}
ALL_COUNTRIES = ['UK','IE','US','CA','AU','DE','FR','ES','IT','NL','BE','PT','PL','SE','NO','DK','FI','EE']

def fold(s):
    s = s.replace('ø','o').replace('Ø','O').replace('ß','ss').replace('ł','l').replace('Ł','L').replace('æ','ae')
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if c.isascii() and (c.isalnum() or c in '-.'))

def make_person(r, lang, gender=None):
    if lang in LANG_CULTURE and r.random() < 0.6:
        cul = LANG_CULTURE[lang]
    else:
        cul = r.choice(sorted(CULTURES))
    fem, male, lasts = CULTURES[cul]
    g = r.choice('fm')
    if gender:
        g = gender
    first = r.choice(fem if g == 'f' else male)
    last = r.choice(lasts)
    if cul == 'russian' and g == 'f' and not last.endswith('a'):
        last = last + 'a'
    mid = ''
    if r.random() < 0.12:
        mid = r.choice(string.ascii_uppercase) + '.'
    return {'first': first, 'last': last, 'g': g, 'mid': mid, 'cul': cul}

def person_full(p, r):
    if p['cul'] in ('chinese', 'hungarian', 'korean') and r.random() < 0.4:
        return p['last'] + ' ' + p['first']
    if p['mid']:
        return p['first'] + ' ' + p['mid'] + ' ' + p['last']
    return p['first'] + ' ' + p['last']

def title(p, lang):
    t = {'en': ('Ms', 'Mr'), 'de': ('Frau', 'Herr'), 'fr': ('Mme', 'M.'), 'es': ('Sra.', 'Sr.'), 'it': ('Sig.ra', 'Sig.'),
         'nl': ('mevrouw', 'meneer'), 'pt': ('Sra.', 'Sr.'), 'pl': ('Pani', 'Pan')}.get(lang, ('Ms', 'Mr'))
    return t[0] if p['g'] == 'f' else t[1]

# ---------------- e-mail / web ----------------
MAILDOM = ['gmail.com','outlook.com','yahoo.co.uk','hotmail.fr','web.de','gmx.de','libero.it','orange.fr','telia.se',
           'online.no','wp.pl','sapo.pt','icloud.com','proton.me','eircom.net','bigpond.com','kpnmail.nl','suomi24.fi','mail.ee']
def email_for(p, r):
    f, l = fold(p['first']).lower().replace(' ', ''), fold(p['last']).lower().replace(' ', '').replace("'", '')
    f = f.replace("'", '')
    pat = r.randrange(6)
    loc = [f + '.' + l, f[0] + l, f + '_' + l + str(r.randrange(10, 99)), l + '.' + f, f + str(r.randrange(1970, 2005)), f + '-' + l][pat]
    loc = loc.strip('.-_') or 'user'
    return loc + '@' + r.choice(MAILDOM)

def email_obf(p, r):
    e = email_for(p, r)
    loc, dom = e.split('@')
    if r.random() < 0.5:
        return loc.replace('.', ' dot ') + ' at ' + dom.replace('.', ' dot ')
    return loc + ' [at] ' + dom.replace('.', ' [dot] ')

COMPANIES = ['Northwind Home', 'BrightSpark Energy', 'Celtic Telecom', 'Aurora Airways', 'Lindqvist Bank', 'Harbour Lettings',
             'St Brigid Dental Clinic', 'Maple Grove School', 'Fjordline Insurance', 'Kestrel Mobile', 'Zefiro Assicurazioni',
             'Banco Horizonte', 'Stadtwerke Nordhafen', 'Vesi & Valo Oy', 'Tallinna Kodu', 'Oakridge Furniture']
def company_domain(c):
    return fold(c.replace('&', 'and').replace(' ', '')).lower().replace('.', '') + '.' + 'com'

def url_personal(p, r):
    f, l = fold(p['first']).lower().replace(' ', '').replace("'", ''), fold(p['last']).lower().replace(' ', '').replace("'", '')
    return r.choice(['https://www.{f}{l}.com', 'http://{f}-{l}.net/portfolio', 'https://{l}photography.co.uk',
                     'www.{f}{l}.design', 'https://github.com/{f}{l}', 'https://linkedin.com/in/{f}-{l}-{n}',
                     'https://{f}.blog/about', 'instagram.com/{f}.{l}']).format(f=f, l=l, n=r.randrange(100, 999))

def url_company(r, company=None):
    c = company or r.choice(COMPANIES)
    d = company_domain(c)
    return r.choice(['https://www.' + d, 'https://' + d + '/account/login', 'www.' + d + '/help',
                     'https://portal.' + d + '/reset?token=' + ''.join(r.choice('abcdef0123456789') for _ in range(12)),
                     'http://' + d + '/returns', 'https://my.' + d])

def username(p, r):
    f, l = fold(p['first']).lower().replace(' ', '').replace("'", ''), fold(p['last']).lower().replace(' ', '').replace("'", '')
    return r.choice([f + '_' + l[:3] + str(r.randrange(10, 999)), f[0] + l + str(r.randrange(1, 99)), 'xX' + f.capitalize() + 'Xx',
                     l.upper() + '.' + f[0].upper(), f + '.' + l, 'the_real_' + f, f + l[:1] + '1987', 'kitty' + str(r.randrange(1000, 9999))])

def handle(p, r):
    return '@' + username(p, r).replace('.', '_')

# ---------------- credentials ----------------
WORDS = ['Sunflower', 'harbour', 'Tractor', 'marmalade', 'Kilimanjaro', 'bluebell', 'Pancake', 'rhubarb', 'Zeppelin', 'otter']
def password(r):
    k = r.randrange(5)
    if k == 0:
        return r.choice(WORDS) + str(r.randrange(10, 2025)) + r.choice('!?#$*')
    if k == 1:
        return ''.join(r.choice(string.ascii_letters + string.digits + '!@#%&') for _ in range(r.randrange(9, 15)))
    if k == 2:
        return r.choice(WORDS).lower() + r.choice(['_', '.', '-']) + r.choice(WORDS).lower() + str(r.randrange(1, 99))
    if k == 3:
        return 'P@ssw0rd' + str(r.randrange(1, 100))
    return r.choice(WORDS)[:4].upper() + r.choice(WORDS).lower() + str(r.randrange(100, 999))
def pin(r, n=None):
    return ''.join(r.choice(string.digits) for _ in range(n or r.choice([4, 4, 4, 6])))
def otp(r):
    k = r.randrange(3)
    if k == 0:
        return pin(r, 6)
    if k == 1:
        return pin(r, 3) + ' ' + pin(r, 3)
    return 'G-' + pin(r, 6)
def doorcode(r):
    return r.choice([pin(r, 4), pin(r, 4) + '#', '*' + pin(r, 5), 'C' + pin(r, 3) + 'X'])
SECANS = ['Buttons', 'Whiskers', 'Kowalczyk', 'Ballymena', 'Mr Tibbles', 'blue', 'Greenfield Primary', 'Rex', 'Oulu',
          'Fiat Panda', 'St. Anne\'s', 'Biscuit', 'Lollipop', 'Tarragona', 'Hedgehog']
def secans(r):
    return r.choice(SECANS)

# ---------------- dates ----------------
MONTHS_EN = ['January','February','March','April','May','June','July','August','September','October','November','December']
def dob(r, lang):
    y, m, d = r.randrange(1938, 2008), r.randrange(1, 13), r.randrange(1, 29)
    if lang == 'en':
        k = r.randrange(6)
        return ['%02d/%02d/%d' % (d, m, y), '%d-%02d-%02d' % (y, m, d), '%s %d, %d' % (MONTHS_EN[m-1], d, y),
                '%d %s %d' % (d, MONTHS_EN[m-1], y), '%d/%d/%d' % (m, d, y), '%d %s %d' % (d, MONTHS_EN[m-1][:3], y)][k]
    if lang in ('de', 'fi', 'et', 'no', 'da', 'pl'):
        return '%02d.%02d.%d' % (d, m, y)
    if lang in ('sv',):
        return '%d-%02d-%02d' % (y, m, d)
    return '%02d/%02d/%d' % (d, m, y) if r.random() < 0.7 else '%02d-%02d-%d' % (d, m, y)

def plain_date(r, lang):
    d, m = r.randrange(1, 29), r.randrange(1, 13)
    if lang == 'en':
        return r.choice(['%d %s' % (d, MONTHS_EN[m-1]), '%02d/%02d/2026' % (d, m), '%s %d' % (MONTHS_EN[m-1][:3], d), 'the %dth' % r.randrange(4, 20)])
    return '%02d.%02d.2026' % (d, m) if lang in ('de', 'fi', 'et', 'no', 'da', 'pl') else '%02d/%02d/2026' % (d, m)

# ---------------- cards / banking ----------------
def luhn_digit(s):
    tot = 0
    for i, c in enumerate(reversed(s)):
        n = int(c)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return str((10 - tot % 10) % 10)

def card(r, valid=True):
    kind = r.choice(['visa', 'visa', 'mc', 'mc', 'amex', 'disc'])
    pre, ln = {'visa': ('4', 16), 'mc': (r.choice(['51', '53', '55', '2221']), 16), 'amex': (r.choice(['34', '37']), 15),
               'disc': ('6011', 16)}[kind]
    body = pre + ''.join(r.choice(string.digits) for _ in range(ln - 1 - len(pre)))
    chk = luhn_digit(body)
    if not valid:
        chk = str((int(chk) + r.randrange(1, 10)) % 10)
    num = body + chk
    sep = r.choice([' ', ' ', '-', '', '.', '  '])
    if ln == 15:
        return sep.join([num[:4], num[4:10], num[10:]]) if sep else num
    return sep.join(num[i:i+4] for i in range(0, 16, 4))

def cvv(r):
    return pin(r, r.choice([3, 3, 3, 4]))
def expiry(r):
    m, y = r.randrange(1, 13), r.randrange(26, 33)
    return r.choice(['%02d/%02d' % (m, y), '%02d/20%02d' % (m, y), '%02d-%02d' % (m, y), '%02d%02d' % (m, y)])

IBAN_SPEC = {  # country: list of (kind, count) kinds: n digits, a upper letters, c alnum
 'UK': ('GB', [('a', 4), ('n', 14)]), 'IE': ('IE', [('a', 4), ('n', 14)]), 'DE': ('DE', [('n', 18)]),
 'FR': ('FR', [('n', 10), ('c', 11), ('n', 2)]), 'ES': ('ES', [('n', 20)]), 'IT': ('IT', [('a', 1), ('n', 10), ('c', 12)]),
 'NL': ('NL', [('a', 4), ('n', 10)]), 'BE': ('BE', [('n', 12)]), 'PT': ('PT', [('n', 21)]), 'PL': ('PL', [('n', 24)]),
 'SE': ('SE', [('n', 20)]), 'NO': ('NO', [('n', 11)]), 'DK': ('DK', [('n', 14)]), 'FI': ('FI', [('n', 14)]),
 'EE': ('EE', [('n', 16)]),
}
def iban(r, country, compact=None):
    if country not in IBAN_SPEC:
        country = r.choice(sorted(IBAN_SPEC))
    cc, parts = IBAN_SPEC[country]
    bban = ''
    for kind, n in parts:
        pool = {'n': string.digits, 'a': string.ascii_uppercase, 'c': string.ascii_uppercase + string.digits}[kind]
        if kind == 'c':
            pool = string.digits * 3 + string.ascii_uppercase
        bban += ''.join(r.choice(pool) for _ in range(n))
    if cc == 'GB':
        bban = r.choice(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL']) + bban[4:]
    if cc == 'NL':
        bban = r.choice(['ABNA', 'INGB', 'RABO', 'SNSB']) + bban[4:]
    rearr = bban + cc + '00'
    num = int(''.join(str(int(c, 36)) for c in rearr))
    chk = '%02d' % (98 - num % 97)
    ib = cc + chk + bban
    if compact is None:
        compact = r.random() < 0.35
    if compact:
        return ib
    return ' '.join(ib[i:i+4] for i in range(0, len(ib), 4))

def sortcode(r):
    a = [pin(r, 2) for _ in range(3)]
    return r.choice(['-', '-', ' ', '']).join(a)
def acct(r, n=8):
    return pin(r, n)
def routing(r):
    d = [r.randrange(10) for _ in range(8)]
    d[0] = r.choice([0, 1, 2, 3])
    s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
    d.append((10 - s % 10) % 10)
    return ''.join(map(str, d))

# ---------------- national ids / passports / licences ----------------
def _digits(r, n):
    return ''.join(r.choice(string.digits) for _ in range(n))

def natid(r, country):
    c = country
    if c == 'US':
        a = r.randrange(100, 899)
        if a == 666:
            a = 667
        s = '%03d-%02d-%04d' % (a, r.randrange(1, 99), r.randrange(1, 9999))
        return s if r.random() < 0.8 else s.replace('-', ' ')
    if c == 'UK':
        L = 'ABCEGHJKLMNPRSTWXYZ'
        n = r.choice(L) + r.choice(L) + _digits(r, 6) + r.choice('ABCD')
        return n if r.random() < 0.5 else ' '.join([n[:2], n[2:4], n[4:6], n[6:8], n[8]])
    if c == 'IE':
        return _digits(r, 7) + r.choice('ABCDEFGHW') + r.choice(['', 'A', 'W'])
    if c == 'CA':
        return '%s %s %s' % (_digits(r, 3), _digits(r, 3), _digits(r, 3))
    if c == 'AU':
        return '%s %s %s' % (_digits(r, 3), _digits(r, 3), _digits(r, 3))
    if c == 'DE':
        return r.choice('123456789') + _digits(r, 10)
    if c == 'FR':
        s = r.choice('12') + _digits(r, 12)
        k = 97 - int(s) % 97
        return '%s %s %s %s %s %s %02d' % (s[0], s[1:3], s[3:5], s[5:7], s[7:10], s[10:13], k)
    if c == 'ES':
        n = r.randrange(10000000, 99999999)
        return '%d%s' % (n, 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23])
    if c == 'IT':
        L = string.ascii_uppercase
        return ''.join(r.choice(L) for _ in range(6)) + _digits(r, 2) + r.choice('ABCDEHLMPRST') + _digits(r, 2) + r.choice(L) + _digits(r, 3) + r.choice(L)
    if c == 'NL':
        while True:
            d = [r.randrange(10) for _ in range(8)]
            s = sum((9 - i) * d[i] for i in range(8)) % 11
            if s < 10:
                return ''.join(map(str, d)) + str(s)
    if c == 'BE':
        y, m, dd = r.randrange(40, 99), r.randrange(1, 13), r.randrange(1, 29)
        seq = r.randrange(1, 998)
        base = int('%02d%02d%02d%03d' % (y, m, dd, seq))
        return '%02d.%02d.%02d-%03d.%02d' % (y, m, dd, seq, 97 - base % 97)
    if c == 'PT':
        d = [r.choice([1, 2, 2, 3])] + [r.randrange(10) for _ in range(7)]
        s = sum((9 - i) * d[i] for i in range(8)) % 11
        return ''.join(map(str, d)) + str(0 if s < 2 else 11 - s)
    if c == 'PL':
        d = [r.randrange(10) for _ in range(10)]
        d[2] = r.choice([0, 1]); d[4] = r.choice([0, 1, 2])
        w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        return ''.join(map(str, d)) + str((10 - sum(a * b for a, b in zip(d, w)) % 10) % 10)
    if c == 'SE':
        b = '%02d%02d%02d' % (r.randrange(40, 99), r.randrange(1, 13), r.randrange(1, 29)) + _digits(r, 3)
        return b[:6] + '-' + b[6:] + luhn_digit(b)
    if c == 'NO':
        return '%02d%02d%02d%s' % (r.randrange(1, 29), r.randrange(1, 13), r.randrange(40, 99), _digits(r, 5))
    if c == 'DK':
        return '%02d%02d%02d-%s' % (r.randrange(1, 29), r.randrange(1, 13), r.randrange(40, 99), _digits(r, 4))
    if c == 'FI':
        dd, m, y, n = r.randrange(1, 29), r.randrange(1, 13), r.randrange(40, 99), r.randrange(2, 899)
        v = int('%02d%02d%02d%03d' % (dd, m, y, n))
        return '%02d%02d%02d-%03d%s' % (dd, m, y, n, '0123456789ABCDEFHJKLMNPRSTUVWXY'[v % 31])
    if c == 'EE':
        return r.choice('3456') + '%02d%02d%02d' % (r.randrange(40, 99), r.randrange(1, 13), r.randrange(1, 29)) + _digits(r, 4)
    return _digits(r, 9)

def passport(r, country):
    c = country
    L = string.ascii_uppercase
    if c in ('UK', 'US', 'AU', 'IE'):
        k = r.randrange(3)
        if c == 'IE':
            return r.choice(['P', 'L']) + r.choice(L) + _digits(r, 7)
        if c == 'AU':
            return r.choice('NPE') + r.choice(L) + _digits(r, 7)
        return _digits(r, 9) if k else r.choice(L) + _digits(r, 8)
    if c == 'CA':
        return r.choice(L) + r.choice(L) + _digits(r, 6)
    if c == 'DE':
        return r.choice('CFGHJK') + ''.join(r.choice('CFGHJKLMNPRTVWXYZ0123456789') for _ in range(8))
    if c == 'FR':
        return _digits(r, 2) + r.choice(L) + r.choice(L) + _digits(r, 5)
    if c in ('ES',):
        return r.choice(L) + r.choice(L) + r.choice(L) + _digits(r, 6)
    if c == 'IT':
        return r.choice(L) + r.choice(L) + _digits(r, 7)
    if c == 'NL':
        return ''.join(r.choice('ABCDEFGHJKLNPRSTUVWXYZ') for _ in range(2)) + ''.join(r.choice('ABCDEFGHJKLNPRSTUVWXYZ0123456789') for _ in range(6)) + r.choice(string.digits)
    if c == 'PL':
        return r.choice(L) + r.choice(L) + _digits(r, 7)
    if c in ('SE', 'NO', 'DK', 'FI'):
        return _digits(r, 8) if c != 'FI' else r.choice(['FP', 'FN']) + _digits(r, 7)
    if c == 'EE':
        return r.choice(['K', 'KE', 'AS']) + _digits(r, 7)
    return r.choice(L) + _digits(r, 7)

def driver_license(r, country, p=None):
    c = country
    L = string.ascii_uppercase
    if c == 'UK':
        sur = (fold(p['last']).upper().replace(' ', '').replace("'", '').replace('-', '') if p else 'SMITH') + '99999'
        y, m, d = r.randrange(40, 99), r.randrange(1, 13), r.randrange(1, 29)
        if r.random() < 0.5:
            m += 50
        ini = (fold(p['first'])[:1].upper() if p else 'J') + '9'
        return sur[:5] + '%d%02d%02d%d' % (y // 10, m, d, y % 10) + ini + str(r.randrange(10)) + r.choice(L) + r.choice(L)
    if c == 'US':
        return r.choice([r.choice(L) + _digits(r, 7), _digits(r, 9), r.choice(L) + _digits(r, 3) + '-' + _digits(r, 3) + '-' + _digits(r, 2) + '-' + _digits(r, 3) + '-' + _digits(r, 1), r.choice(L) + _digits(r, 12)])
    if c == 'CA':
        return r.choice(L) + _digits(r, 4) + '-' + _digits(r, 5) + '-' + _digits(r, 5)
    if c == 'AU':
        return _digits(r, r.choice([8, 9, 10]))
    if c == 'IE':
        return _digits(r, 9)
    if c == 'DE':
        return r.choice('BFNK') + _digits(r, 3) + ''.join(r.choice(L + string.digits) for _ in range(6)) + _digits(r, 1)
    if c == 'FR':
        return _digits(r, 12)
    if c == 'ES':
        return natid(r, 'ES')
    if c == 'IT':
        return r.choice(['U1', 'MI', 'RM', 'TO']) + r.choice(L) + _digits(r, 6) + r.choice(L)
    if c == 'NL':
        return _digits(r, 10)
    if c == 'PL':
        return _digits(r, 5) + '/' + _digits(r, 2) + '/' + _digits(r, 4)
    return _digits(r, 8)

# ---------------- IP ----------------
def ip4(r):
    a = r.choice([r.randrange(1, 224), 192, 10, 172, 81, 213])
    return '%d.%d.%d.%d' % (a, r.randrange(256), r.randrange(256), r.randrange(1, 255))
def ip6(r):
    g = ['%x' % r.randrange(65536) for _ in range(8)]
    k = r.randrange(3)
    if k == 0:
        return ':'.join(g)
    if k == 1:
        return '2001:db8:' + g[2] + '::' + g[7]
    return 'fe80::' + ':'.join(g[4:])

# ---------------- phones ----------------
def phone(r, c, intl=None):
    D = lambda n: _digits(r, n)
    if intl is None:
        intl = r.random() < 0.4
    if c == 'UK':
        if r.random() < 0.6:
            n = '7' + D(3) + ' ' + D(6)
        else:
            n = '20 ' + D(4) + ' ' + D(4)
        return r.choice(['+44 ' + n, '+44 (0)' + n, '0044 ' + n]) if intl else '0' + n
    if c == 'IE':
        n = r.choice(['8' + r.choice('35679') + ' ' + D(3) + ' ' + D(4), '1 ' + D(3) + ' ' + D(4), '66 ' + D(3) + ' ' + D(4)])
        return '+353 ' + n if intl else '0' + n
    if c in ('US', 'CA'):
        a, b, d = r.randrange(201, 989), r.randrange(200, 999), D(4)
        f = r.randrange(4)
        n = ['(%d) %d-%s' % (a, b, d), '%d-%d-%s' % (a, b, d), '%d.%d.%s' % (a, b, d), '%d %d %s' % (a, b, d)][f]
        return '+1 ' + n if intl else n
    if c == 'AU':
        n = r.choice(['4' + D(2) + ' ' + D(3) + ' ' + D(3), r.choice('2378') + ' ' + D(4) + ' ' + D(4)])
        return '+61 ' + n if intl else '0' + n
    cc, fmt = {'DE': ('49', lambda: r.choice(['1' + r.choice('567') + D(1) + ' ' + D(7), '30 ' + D(8), '89 ' + D(3) + ' ' + D(4)])),
               'FR': ('33', lambda: r.choice('67') + ' ' + ' '.join(D(2) for _ in range(4))),
               'BE': ('32', lambda: '4' + D(2) + ' ' + D(2) + ' ' + D(2) + ' ' + D(2)),
               'ES': ('34', lambda: r.choice('67') + D(2) + ' ' + D(3) + ' ' + D(3)),
               'IT': ('39', lambda: '3' + D(2) + ' ' + D(3) + ' ' + D(4)),
               'NL': ('31', lambda: '6 ' + D(8)),
               'PT': ('351', lambda: '9' + D(2) + ' ' + D(3) + ' ' + D(3)),
               'PL': ('48', lambda: D(3) + ' ' + D(3) + ' ' + D(3)),
               'SE': ('46', lambda: '7' + D(1) + '-' + D(3) + ' ' + D(2) + ' ' + D(2)),
               'NO': ('47', lambda: D(3) + ' ' + D(2) + ' ' + D(3)),
               'DK': ('45', lambda: D(2) + ' ' + D(2) + ' ' + D(2) + ' ' + D(2)),
               'FI': ('358', lambda: '40 ' + D(3) + ' ' + D(4)),
               'EE': ('372', lambda: '5' + D(3) + ' ' + D(4))}[c]
    n = fmt()
    if c in ('NO', 'DK', 'EE', 'PL'):
        return '+' + cc + ' ' + n if intl else n
    if intl:
        return r.choice(['+', '00']) + cc + ' ' + n
    return '0' + n

def phone_ext(r, c):
    return phone(r, c) + r.choice([' ext. ', ' ext ', ' x', ' extension ', ' ext.']) + D3(r)
def D3(r):
    return _digits(r, r.choice([2, 3, 4]))

# ---------------- addresses ----------------
def _pc(r, c):
    D = lambda n: _digits(r, n)
    L = 'ABDEFGHJLNPQRSTUWXYZ'
    if c == 'UK':
        return r.choice(['SW1A', 'M14', 'EH3', 'B15', 'LS6', 'CF10', 'BT9', 'NE1', 'G12', 'OX2', 'BS8', 'TR18']) + ' ' + D(1) + r.choice(L) + r.choice(L)
    if c == 'IE':
        return r.choice(['D02', 'D6W', 'V93', 'T12', 'H91', 'A94', 'F92', 'X91']) + ' ' + ''.join(r.choice('ACDEFHKNPRTVWXY0123456789') for _ in range(4))
    if c == 'US':
        return D(5) if r.random() < 0.8 else D(5) + '-' + D(4)
    if c == 'CA':
        A = 'ABCEGHJKLMNPRSTVXY'
        return r.choice(A) + D(1) + r.choice(A) + ' ' + D(1) + r.choice(A) + D(1)
    if c == 'NL':
        return D(4) + ' ' + r.choice(L) + r.choice(L)
    if c == 'PT':
        return D(4) + '-' + D(3)
    if c == 'PL':
        return D(2) + '-' + D(3)
    if c == 'SE':
        return D(3) + ' ' + D(2)
    if c in ('AU', 'BE', 'NO', 'DK'):
        return r.choice('123456789') + D(3)
    return r.choice('123456789') + D(4)

ADDR = {
 'UK': (['{n} Acacia Avenue', 'Flat {n}, Jubilee Court', '{n} Mill Lane', '{n}a High Street', 'Rose Cottage, Church Road', '{n} Victoria Terrace', 'Apartment {n}, 3 Dock Street'],
        [('Manchester', 'Greater Manchester'), ('Truro', 'Cornwall'), ('Leeds', 'West Yorkshire'), ('Cardiff', ''), ('Edinburgh', ''), ('Belfast', 'County Antrim'), ('Bath', 'Somerset'), ('Penzance', 'Cornwall')], 'United Kingdom'),
 'IE': (['{n} Main Street', 'Apt {n}, The Maltings', 'Glenbeigh House', '{n} Strand Road', 'Knockbrack, Ballyferriter', '{n} O\'Connell Street Upper'],
        [('Killarney', 'Co. Kerry'), ('Dublin 2', ''), ('Galway', 'Co. Galway'), ('Cork', 'Co. Cork'), ('Letterkenny', 'Co. Donegal'), ('Dingle', 'Co. Kerry'), ('Ennis', 'Co. Clare')], 'Ireland'),
 'US': (['{n} Maple Street', '{n} W 34th St Apt 5B', '{n} Peachtree Rd NE', '{n} Old County Road', '{n} Elm Ave, Unit 12', 'RR 2 Box {n}'],
        [('Springfield', 'IL'), ('Austin', 'TX'), ('Portland', 'OR'), ('Atlanta', 'GA'), ('Burlington', 'VT'), ('Brooklyn', 'NY'), ('Madison', 'Wisconsin')], 'USA'),
 'CA': (['{n} Rue Saint-Denis', '{n} Queen St W, Suite 400', '{n}-{n} Maple Crescent', '{n} Portage Ave'],
        [('Montréal', 'QC'), ('Toronto', 'ON'), ('Winnipeg', 'MB'), ('Halifax', 'Nova Scotia'), ('Calgary', 'AB')], 'Canada'),
 'AU': (['{n}/{n} Smith Street', '{n} Wattle Grove', 'Unit {n}, 12 Beach Road', '{n} Bridge Rd'],
        [('Fitzroy', 'VIC'), ('Surry Hills', 'NSW'), ('Fremantle', 'WA'), ('Toowong', 'QLD'), ('Hobart', 'Tasmania')], 'Australia'),
 'DE': (['Hauptstraße {n}', 'Am Lindenhof {n}a', 'Friedrich-Ebert-Str. {n}', 'Kastanienallee {n}, Hinterhaus', 'Schloßweg {n}'],
        [('Berlin', ''), ('München', 'Bayern'), ('Köln', ''), ('Leipzig', 'Sachsen'), ('Hamburg', ''), ('Freiburg im Breisgau', 'Baden-Württemberg')], 'Deutschland'),
 'FR': (['{n} rue de la République', '{n} bis avenue Jean Jaurès', '{n} impasse des Lilas', 'Résidence Les Pins, bât. B, {n} chemin du Moulin', '{n} boulevard Haussmann'],
        [('Paris', ''), ('Lyon', ''), ('Marseille', ''), ('Nantes', ''), ('Toulouse', 'Occitanie'), ('Saint-Étienne', '')], 'France'),
 'ES': (['Calle Mayor {n}, 3º B', 'Avda. de la Constitución {n}', 'C/ Alcalá {n}, 2º izq.', 'Plaza del Pilar {n}', 'Carrer de Balmes {n}, 4t 1a'],
        [('Madrid', 'Madrid'), ('Sevilla', 'Andalucía'), ('Zaragoza', 'Aragón'), ('Barcelona', 'Cataluña'), ('Bilbao', 'Bizkaia')], 'España'),
 'IT': (['Via Roma {n}', 'Corso Vittorio Emanuele II {n}', 'Viale dei Mille {n}, int. 4', 'Piazza Garibaldi {n}', 'Via dell\'Oca {n}'],
        [('Roma', 'RM'), ('Milano', 'MI'), ('Napoli', 'NA'), ('Torino', 'TO'), ('Bologna', 'BO')], 'Italia'),
 'NL': (['Keizersgracht {n}', 'Dorpsstraat {n}-II', 'Oudegracht {n} bis', 'Van Goghlaan {n}'],
        [('Amsterdam', ''), ('Utrecht', ''), ('Groningen', ''), ('Eindhoven', 'Noord-Brabant')], 'Nederland'),
 'BE': (['Rue Neuve {n}', 'Meir {n} bus 3', 'Avenue Louise {n}', 'Veldstraat {n}'],
        [('Bruxelles', ''), ('Antwerpen', ''), ('Gent', 'Oost-Vlaanderen'), ('Liège', '')], 'Belgique'),
 'PT': (['Rua Augusta {n}, 2º Esq.', 'Avenida da Liberdade {n}', 'Travessa do Carmo {n}', 'Rua de Santa Catarina {n}, 1º Dto.'],
        [('Lisboa', ''), ('Porto', ''), ('Braga', ''), ('Faro', 'Algarve')], 'Portugal'),
 'PL': (['ul. Marszałkowska {n}/{n}', 'ul. Długa {n} m. {n}', 'al. Jerozolimskie {n}', 'os. Kościuszkowskie {n}/{n}'],
        [('Warszawa', 'mazowieckie'), ('Kraków', 'małopolskie'), ('Gdańsk', 'pomorskie'), ('Łódź', '')], 'Polska'),
 'SE': (['Storgatan {n}', 'Drottninggatan {n}, lgh 1102', 'Kungsvägen {n} B', 'Åsögatan {n}'],
        [('Stockholm', ''), ('Göteborg', ''), ('Malmö', 'Skåne'), ('Umeå', '')], 'Sverige'),
 'NO': (['Karl Johans gate {n}', 'Storgata {n} B', 'Øvre Slottsgate {n}', 'Fjellveien {n}'],
        [('Oslo', ''), ('Bergen', 'Vestland'), ('Tromsø', ''), ('Trondheim', '')], 'Norge'),
 'DK': (['Nørrebrogade {n}, 2. tv.', 'Vesterbrogade {n}, st. th.', 'Østergade {n}', 'Strandvejen {n}'],
        [('København N', ''), ('Aarhus C', ''), ('Odense', ''), ('Aalborg', '')], 'Danmark'),
 'FI': (['Mannerheimintie {n} A {n}', 'Hämeenkatu {n} B', 'Kauppakatu {n} as. {n}', 'Pohjoisesplanadi {n}'],
        [('Helsinki', ''), ('Tampere', 'Pirkanmaa'), ('Oulu', ''), ('Turku', '')], 'Suomi'),
 'EE': (['Narva mnt {n}-{n}', 'Pikk {n}', 'Tartu mnt {n}-{n}', 'Rüütli {n}'],
        [('Tallinn', 'Harju maakond'), ('Tartu', 'Tartu maakond'), ('Pärnu', 'Pärnu maakond'), ('Narva', '')], 'Eesti'),
}
PC_FIRST = {'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'PT', 'PL', 'SE', 'NO', 'DK', 'FI', 'EE'}
COUNTRY_EN = {'UK': 'United Kingdom', 'IE': 'Ireland', 'US': 'USA', 'CA': 'Canada', 'AU': 'Australia', 'DE': 'Germany',
              'FR': 'France', 'ES': 'Spain', 'IT': 'Italy', 'NL': 'Netherlands', 'BE': 'Belgium', 'PT': 'Portugal', 'PL': 'Poland',
              'SE': 'Sweden', 'NO': 'Norway', 'DK': 'Denmark', 'FI': 'Finland', 'EE': 'Estonia'}

def make_address(r, c, lang):
    streets, towns, cname = ADDR[c]
    st = r.choice(streets)
    while '{n}' in st:
        st = st.replace('{n}', str(r.randrange(1, 240)), 1)
    town, region = r.choice(towns)
    country = cname if lang != 'en' else COUNTRY_EN[c]
    if c in ('UK', 'US') and lang == 'en':
        country = r.choice(['United Kingdom', 'UK', 'England'] if c == 'UK' else ['USA', 'United States', 'US'])
        if c == 'UK' and town in ('Cardiff',):
            country = 'Wales'
        if c == 'UK' and town in ('Edinburgh',):
            country = 'Scotland'
        if c == 'UK' and town in ('Belfast',):
            country = r.choice(['Northern Ireland', 'UK'])
    return {'c': c, 'street': st, 'town': town, 'region': region, 'pc': _pc(r, c), 'country': country}

def addr_pieces(a, r, layout, with_country=None):
    """layout: 'ml' multi-line or '1l' one line. Returns list of (text, label)."""
    c = a['c']
    sep = '\n' if layout == 'ml' else ', '
    if with_country is None:
        with_country = r.random() < 0.35
    P = [(a['street'], 'ADDRESS'), (sep, None)]
    if c in PC_FIRST:
        P += [(a['pc'], 'POSTCODE'), (' ', None), (a['town'], 'ADDRESS')]
        if a['region'] and r.random() < 0.5:
            if c == 'IT':
                P += [(' (', None), (a['region'], 'ADDRESS'), (')', None)]
            else:
                P += [(sep, None), (a['region'], 'ADDRESS')]
    elif c in ('US', 'CA', 'AU'):
        P += [(a['town'], 'ADDRESS'), (', ' if c != 'AU' else ' ', None), (a['region'], 'ADDRESS'), (' ' if c != 'CA' else '  ', None), (a['pc'], 'POSTCODE')]
    else:  # UK, IE
        P += [(a['town'], 'ADDRESS')]
        if a['region'] and r.random() < 0.7:
            P += [(sep, None), (a['region'], 'ADDRESS')]
        P += [(sep, None), (a['pc'], 'POSTCODE')]
    if with_country:
        P += [(sep, None), (a['country'], 'ADDRESS')]
    return P

# ======================= rendering engine =======================
import json, os, re, random

PH = re.compile(r'\{([a-z0-9_]+)(?:@([a-z0-9]+))?(?:\|(lc|uc))?\}')
POBOX = {'UK': 'PO Box {n}', 'IE': 'PO Box {n}', 'US': 'P.O. Box {n}', 'CA': 'PO Box {n} Stn Main', 'AU': 'PO Box {n}',
         'DE': 'Postfach {n}', 'FR': 'BP {n}', 'ES': 'Apartado de Correos {n}', 'IT': 'Casella Postale {n}', 'NL': 'Postbus {n}',
         'BE': 'Boîte postale {n}', 'PT': 'Apartado {n}', 'PL': 'Skrytka pocztowa {n}', 'SE': 'Box {n}', 'NO': 'Postboks {n}',
         'DK': 'Postboks {n}', 'FI': 'PL {n}', 'EE': 'Postkast {n}'}
RURAL = {'UK': ['Rose Cottage', 'The Old Rectory', 'Hillside Farm', 'Ty Gwyn', 'Badger\'s End'],
         'IE': ['Knockanore House', 'The Bungalow, Ballyduff', 'Coolbawn', 'Rathmore Lodge']}
NONPII = {
 'order': lambda c: c.r.choice(['#', 'ORD-', '', 'NW']) + str(c.r.randrange(100000, 9999999)),
 'ticket': lambda c: c.r.choice(['TCK-', '#', 'CS', 'INC0']) + str(c.r.randrange(10000, 999999)),
 'invoice': lambda c: 'INV-' + str(c.r.randrange(2024, 2027)) + '-' + str(c.r.randrange(1000, 99999)),
 'tracking': lambda c: c.r.choice(['1Z', 'JD0', 'RR', 'TBA']) + ''.join(c.r.choice('0123456789ABCDEFX') for _ in range(12)),
 'booking': lambda c: ''.join(c.r.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6)),
 'amount': lambda c: c.r.choice(['£', '€', '$', '']) + '%d.%02d' % (c.r.randrange(3, 900), c.r.randrange(100)),
 'date': lambda c: plain_date(c.r, c.lang),
 'cust': lambda c: c.r.choice(['C', 'CU-', '', 'KD']) + str(c.r.randrange(100000, 9999999)),
 'member': lambda c: 'M' + str(c.r.randrange(1000000, 9999999)),
 'company': lambda c: c.company(),
 'product': lambda c: c.r.choice(['SKU-', 'ART ', 'P']) + str(c.r.randrange(1000, 99999)),
 'last4': lambda c: _digits(c.r, 4),
 'flight': lambda c: c.r.choice(['AU', 'EI', 'FR', 'BA', 'SK']) + str(c.r.randrange(100, 9999)),
 'time': lambda c: '%d:%02d' % (c.r.randrange(7, 20), c.r.choice([0, 15, 30, 45])),
 'num': lambda c: str(c.r.randrange(2, 14)),
 'acctref': lambda c: str(c.r.randrange(10000000, 99999999)) + '-' + str(c.r.randrange(10, 99)),
 'meter': lambda c: 'E' + str(c.r.randrange(10000000, 99999999)),
 'policy': lambda c: 'POL/' + str(c.r.randrange(100000, 999999)),
}
FORCE = {'ssn': 'US', 'routing': 'US', 'nino': 'UK', 'sortcode': 'UK', 'pps': 'IE', 'sin': 'CA', 'tfn': 'AU'}

class Ctx:
    def __init__(self, r, lang, cc):
        self.r, self.lang, self.cc, self.cache = r, lang, cc, {}
    def get(self, kind, inst, maker):
        k = (kind, inst)
        if k not in self.cache:
            self.cache[k] = maker()
        return self.cache[k]
    def person(self, inst):
        g = inst[-1] if (len(inst) > 1 and inst[0].isdigit() and inst[-1] in 'fm') else None
        return self.get('p', inst, lambda: make_person(self.r, self.lang, g))
    def pname(self, inst):
        return self.get('pn', inst, lambda: person_full(self.person(inst), self.r))
    def country(self, inst):
        if inst.startswith('f'):
            return self.get('cc', inst, lambda: self.r.choice(ALL_COUNTRIES))
        return self.cc
    def addr(self, inst):
        return self.get('a', inst, lambda: make_address(self.r, self.country(inst), self.lang))
    def company(self):
        return self.get('co', '1', lambda: self.r.choice(COMPANIES))

def render_key(c, base, inst):
    r = c.r
    one = lambda t, lab: [(t, lab)]
    if base in NONPII:
        return one(c.get('np_' + base, inst, lambda: NONPII[base](c)), None)
    p = lambda: c.person(inst)
    if base == 'name':
        return one(c.pname(inst), 'PERSON')
    if base == 'agent':
        return one(c.person('agent' + inst)['first'], 'PERSON')
    if base == 'first':
        return one(p()['first'], 'PERSON')
    if base == 'last':
        return one(p()['last'], 'PERSON')
    if base == 'name_rev':
        return one(p()['last'] + ', ' + p()['first'], 'PERSON')
    if base == 'initial':
        return one(p()['first'][0] + '. ' + p()['last'], 'PERSON')
    if base == 'initials':
        return one(p()['first'][0] + p()['last'][0], 'PERSON')
    if base == 'title':
        return one(title(p(), c.lang), None)
    if base == 'email':
        return one(c.get('em', inst, lambda: email_for(p(), r)), 'EMAIL')
    if base == 'email_obf':
        return one(c.get('emo', inst, lambda: email_obf(p(), r)), 'EMAIL')
    if base == 'email_co':
        return one(c.get('emc', inst, lambda: r.choice(['support', 'help', 'billing', 'care', 'noreply']) + '@' + company_domain(c.company())), 'EMAIL')
    if base in ('phone', 'phone_intl', 'phone_loc', 'phone_ext', 'phone_co'):
        cc = c.country(inst)
        f = {'phone': lambda: phone(r, cc), 'phone_intl': lambda: phone(r, cc, True), 'phone_loc': lambda: phone(r, cc, False),
             'phone_ext': lambda: phone_ext(r, cc), 'phone_co': lambda: phone(r, cc)}[base]
        return one(c.get(base, inst, f), 'PHONE')
    if base in ('addr_ml', 'addr_1l', 'addr_mlc', 'addr_1lc', 'addr_mln', 'addr_1ln'):
        lay = 'ml' if 'ml' in base else '1l'
        wc = {'c': True, 'n': False}.get(base[-1])
        return c.get(base, inst, lambda: addr_pieces(c.addr(inst), r, lay, wc))
    if base in ('street', 'town', 'region', 'postcode', 'country'):
        a = c.addr(inst)
        key = {'postcode': 'pc'}.get(base, base)
        v = (a[key] or a['country']) if base == 'region' else a[key]
        return one(v, 'POSTCODE' if base == 'postcode' else 'ADDRESS')
    if base in ('pobox_ml', 'pobox_1l'):
        cc = c.country(inst)
        a = c.addr(inst)
        box = POBOX[cc].replace('{n}', str(r.randrange(1, 9999)))
        b = dict(a, street=box, region=a['region'] if cc in ('US', 'CA', 'AU') else '')
        return c.get(base, inst, lambda: addr_pieces(b, r, 'ml' if 'ml' in base else '1l', None))
    if base == 'co_ml':
        p2 = c.pname('co' + inst)
        return [('c/o ', None), (p2, 'PERSON'), ('\n', None)] + render_key(c, 'addr_ml', inst)
    if base == 'rural_ml':
        cc = c.country(inst) if c.country(inst) in RURAL else 'IE'
        a = make_address(r, cc, c.lang)
        a['street'] = r.choice(RURAL[cc])
        return c.get(base, inst, lambda: addr_pieces(a, r, 'ml', None))
    if base == 'dob':
        return one(c.get('dob', inst, lambda: dob(r, c.lang)), 'DATE_OF_BIRTH')
    if base in ('card', 'card_bad'):
        return one(c.get(base, inst, lambda: card(r, base == 'card' and r.random() > 0.08)), 'CARD')
    if base == 'cvv':
        return one(c.get('cvv', inst, lambda: cvv(r)), 'CARD_SECURITY')
    if base == 'exp':
        return one(c.get('exp', inst, lambda: expiry(r)), 'CARD_SECURITY')
    if base in ('iban', 'iban_c'):
        return one(c.get(base, inst, lambda: iban(r, c.country(inst), True if base == 'iban_c' else None)), 'IBAN')
    if base == 'sortcode':
        return one(c.get(base, inst, lambda: sortcode(r)), 'BANK_ACCOUNT')
    if base == 'acct':
        return one(c.get(base, inst, lambda: acct(r, r.choice([8, 8, 10, 12]))), 'BANK_ACCOUNT')
    if base == 'routing':
        return one(c.get(base, inst, lambda: routing(r)), 'BANK_ACCOUNT')
    if base in ('natid', 'ssn', 'nino', 'pps', 'sin', 'tfn'):
        cc = FORCE.get(base, c.country(inst))
        return one(c.get(base, inst, lambda: natid(r, cc)), 'NATIONAL_ID')
    if base == 'passport':
        return one(c.get(base, inst, lambda: passport(r, c.country(inst))), 'PASSPORT')
    if base == 'dl':
        return one(c.get(base, inst, lambda: driver_license(r, c.country(inst), p())), 'DRIVER_LICENSE')
    if base == 'ip4':
        return one(c.get(base, inst, lambda: ip4(r)), 'IP_ADDRESS')
    if base == 'ip6':
        return one(c.get(base, inst, lambda: ip6(r)), 'IP_ADDRESS')
    if base == 'url_p':
        return one(c.get(base, inst, lambda: url_personal(p(), r)), 'URL')
    if base == 'url_co':
        return one(c.get(base, inst, lambda: url_company(r, c.company())), 'URL')
    if base == 'user':
        return one(c.get(base, inst, lambda: username(p(), r)), 'USERNAME')
    if base == 'handle':
        return one(c.get(base, inst, lambda: handle(p(), r)), 'USERNAME')
    cred = {'pw': lambda: password(r), 'pin': lambda: pin(r), 'pin4': lambda: pin(r, 4), 'door': lambda: doorcode(r),
            'otp': lambda: otp(r), 'secans': lambda: secans(r), 'memword': lambda: r.choice(WORDS).lower()}
    if base in cred:
        return one(c.get(base, inst, cred[base]), 'CREDENTIAL')
    raise KeyError(base)

def render(c, tmpl):
    text, spans = '', []
    pos = 0
    for m in PH.finditer(tmpl):
        text += tmpl[pos:m.start()]
        pos = m.end()
        base, inst, mod = m.group(1), m.group(2) or '1', m.group(3)
        for t, lab in render_key(c, base, inst):
            if mod == 'lc':
                t = t.lower()
            elif mod == 'uc':
                t = t.upper()
            start = len(text)
            text += t
            if lab and t:
                spans.append({'start': start, 'end': len(text), 'type': lab})
    text += tmpl[pos:]
    return text, spans

# ======================= English message shapes (hand-written) =======================
T = []
def t(lang, s):
    T.append((lang, s))

# --- e-mails with signatures ---
t('en', """Hi there,

I moved house last month and my bills are still going to the old place. New address is:

{addr_ml}

Could you update it please? Account ref {acctref}.

Thanks,
{name}
{phone}""")
t('en', """Hello {company} team,

My order {order} arrived damaged (the lamp base is cracked). I'd like a replacement rather than a refund.

Kind regards,
{title} {name}
{addr_1l}
Tel: {phone_intl}""")
t('en', """Dear Sir/Madam,

Please cancel the direct debit on my account. I have switched provider. For security, my date of birth is {dob} and the account was opened in my name ({name}).

Yours faithfully,
{name_rev}""")
t('en', """Hi {agent},

Thanks for calling back earlier. As discussed, here are the bank details for the refund:
IBAN: {iban}
Account holder: {name}

Cheers,
{first}

--
{name} | {email} | {phone}""")
t('en', """Good morning,

I can't log in to my account. My username is {user} and I've tried resetting twice from {url_co} but the link expires straight away. I'm on IP {ip4} if that helps your tech team.

{first}""")
t('en', """Hello,

I'd like to change the card on file. New card: {card}, expiry {exp}, security code {cvv}. Please remove the old one ending {last4}.

Many thanks
{name}""")
t('en', """Hi,

Just to let you know I've got my new password here. It's {pw} – can you check it's been applied on your side? The old one kept getting rejected.

Best,
{first}""")
t('en', """To whom it may concern,

I am writing on behalf of my mother, {name@2f}, who is in hospital. She asked me to sort out her phone contract. Her date of birth is {dob@2f} and the number on the account is {phone@2f}.
I can be reached on {phone} or at {email}.

Regards,
{name}""")
t('en', """Hey,

Booking {booking} – we need to add a passenger. Details below:
Full name: {name@2}
DOB: {dob@2}
Passport: {passport@2}

Thanks!
{first} {last}""")
t('en', """Dear {company},

Re: invoice {invoice}

I was charged twice for the same month. Please refund to the account I pay from: sort code {sortcode}, account number {acct}. Name on the account is {initial}.

{name}
{addr_mlc}""")
# --- quoted replies ---
t('en', """Thanks, that worked!

{first}

> On {date}, {agent} from {company} wrote:
> Hi {first}, could you confirm the postcode on the account?
>
>> {postcode}, and the phone is {phone}
>> {name}""")
t('en', """No, I still haven't received it. Tracking {tracking} just says "in transit".

On {date} {email_co} wrote:
> Dear {title} {last},
> Your parcel was dispatched to {addr_1l}.
> Kind regards, {agent}""")
t('en', """Please see below – this is what I sent last week and no one replied.

-------- Forwarded message --------
From: {name} <{email}>
Date: {date}
Subject: Refund

Hi, please refund {amount} to IBAN {iban}. Thanks, {first}""")
t('en', """> What is the security answer on the account?
{secans}

> And the last four digits of the card?
{last4}

That's everything I think. {first}""")
t('en', """Hi {agent},

Quick follow-up. The door code for the building changed, so the courier couldn't get in. It's now {door}. Flat is on the 3rd floor.

> Hi {first}, the driver reported no access at {street}.
> Regards, {agent}

{name}""")
# --- chat logs ---
t('en', """[{time}] Customer: hi is anyone there
[{time}] Agent {agent}: Hello! How can I help?
[{time}] Customer: i need to change my address
[{time}] Agent {agent}: Sure, what's the new one?
[{time}] Customer: {addr_1l}
[{time}] Agent {agent}: Thanks, updated.""")
t('en', """Visitor: hello
Bot: Hi! What's your name?
Visitor: {name}
Bot: Thanks {first}. What's the best number to reach you?
Visitor: {phone}
Bot: And your email?
Visitor: {email}""")
t('en', """chat transcript {ticket}
agent: can you read me the one-time code we just texted you?
customer: ok hang on
customer: {otp}
agent: perfect, you're verified""")
t('en', """Customer ({user}): my card got declined again
Agent: Sorry about that. Which card are you using?
Customer ({user}): the visa {card}
Agent: Please don't share the full number here. I'll send you a secure link instead.""")
t('en', """12:01 {first}: hi, my wifi router keeps dropping
12:02 Support: can you tell me your public IP?
12:03 {first}: it says {ip4}
12:03 {first}: and ipv6 {ip6}
12:05 Support: thanks, running a line test now""")
t('en', """Agent: For security, what was the name of your first pet?
Customer: {secans}
Agent: Thank you. And the PIN on the account?
Customer: {pin}
Agent: Great, you're through.""")
t('en', """Me: Is the landlord sorting the boiler?
{first@2}: he said tuesday
Me: ok. his number?
{first@2}: {phone@2}
Me: ta""")
# --- web forms ---
t('en', """Name: {name}
Email: {email}
Phone: {phone}
Address: {addr_1l}
Message: The heating engineer didn't turn up on {date}. Please rebook.""")
t('en', """--- Contact form submission ---
First name: {first}
Last name: {last}
Date of birth: {dob}
Policy number: {policy}
Preferred contact: {phone_intl}
Comments: I'd like to add my partner {name@2} to the policy.""")
t('en', """#UK#FORM: Account closure
Full Name: {name|uc}
Email Address: {email}
Sort Code: {sortcode}
Account No: {acct}
Reason: moving abroad""")
t('en', """New patient registration
Patient: {name_rev}
DOB: {dob}
Address:
{addr_ml}
Mobile: {phone}
NHS/ID: {natid}
Emergency contact: {name@2} ({phone@2})""")
t('en', """#US#Application form
Applicant name: {name}
SSN: {ssn}
Date of Birth: {dob}
Home address: {addr_1l}
Driver's License #: {dl}
Phone: {phone}""")
t('en', """Web enquiry
name = {name|lc}
email = {email}
website = {url_p}
message = Do you do trade discounts for interior designers?""")
t('en', """Return request
Order: {order}
Customer: {name}
Collect from: {addr_1l}
Contact: {phone}
Notes: please ring before coming, doorbell broken""")
t('en', """Callback request
Name: {title} {last}
Number: {phone_ext}
Best time: after {time}
Topic: mortgage renewal""")
# --- CRM notes ---
t('en', """CRM note ({agent}): Cust called re: late fee. Verified via DOB {dob} and postcode {postcode}. Waived fee as goodwill. Cust email updated to {email}.""")
t('en', """Note: spoke to {name} on {phone}. Customer disputes transaction of {amount} on card {card}. Raised chargeback, ref {ticket}.""")
t('en', """Internal: account {cust} flagged. Login from {ip4} (unusual location). Customer {first} {last} confirmed it wasn't them. Reset password, new temp password {pw} sent by SMS.""")
t('en', """CRM – {date} – {agent}
Caller: {name@2f}, says she is the wife of {name}. Not on the account so no details given. Asked {first} to call from {phone}.""")
t('en', """#IE#Agent notes: customer provided PPS {pps} and passport {passport} for KYC. Both look fine. Address on file: {addr_1l}.""")
t('en', """Escalation: Tenant {name} at {street}, {town} reports damp in bedroom. Wants landlord contact. Landlord: {name@2}, {phone@2}, {email@2}.""")
# --- SMS style, lower case, typos ---
t('en', """hi its {first|lc} again, pls call me on {phone} my internet is down since {date} thx""")
t('en', """hey can u send the parcel to my work instead. {addr_1l|lc}. ta""")
t('en', """forgot my pin lol. is it {pin}?? or was that my old one""")
t('en', """my email changed its now {email} not the old one""")
t('en', """helo i am {name|lc}, my cardd number is {card} why was it charged 2 times????""")
t('en', """im locked out. usrname {user} pw {pw}. plz fix""")
t('en', """ok the code u sent is {otp}""")
t('en', """wrong address on my account!! should be {street|lc} not the old one. postcode {postcode|lc}""")
t('en', """pls stop texting {phone} i dont have an account with u""")
t('en', """this is {first} from flat {num}, door code isnt working again. we were given {door} last week""")
# --- lists ---
t('en', """#UK#Hi, here are the details you asked for:
- Name: {name}
- DOB: {dob}
- National Insurance: {nino}
- Address: {addr_1l}
Thanks""")
t('en', """Attendees for the group booking {booking}:
1. {name}
2. {name@2}
3. {name@3}
4. {name@4}
Lead contact: {email}""")
t('en', """Things I need changed on my account:
* phone -> {phone}
* email -> {email}
* remove old card
* add my son {first@2m} as an authorised user""")
t('en', """Children in the class list who have an allergy note:
- {name@2} (nuts)
- {name@3} (dairy)
Parent contact for {first@2}: {name} {phone}""")
# --- letters ---
t('en', """{name}
{addr_ml}

{date}

Dear {company},

I am writing to formally complain about the repeated outages at my property. I have been a customer for nine years.

Yours sincerely,
{name}""")
t('en', """{addr_mlc}

To the Claims Department,

Policy {policy}. On {date} my car was damaged while parked. The other driver, {name@2m}, gave me his licence number {dl@2m} and phone {phone@2m}.

Sincerely,
{title} {name}""")
t('en', """{co_ml}

Dear Sir or Madam,
Please send all future correspondence for {name} to the address above while they are abroad.
Thank you.""")
t('en', """{pobox_ml}

Re: customer {cust}
Please note our new postal address above. Our office telephone remains {phone_co}.
{name}, Accounts""")
t('en', """{rural_ml}

Hello,
The engineer couldn't find us – we're the house with the green gate past the church. My mobile is {phone}.
{first}""")
# --- banks ---
t('en', """I need to send money to my sister abroad. Her IBAN is {iban@f2} and her name is {name@2f}. Is there a fee?""")
t('en', """#US#Hi, please set up direct deposit. Routing number {routing}, account {acct}. Thanks, {name}""")
t('en', """#UK#Could you confirm you received my payment? I paid from account {acct} sort code {sortcode}. Reference was my customer number {cust}.""")
t('en', """My debit card was stolen. Card number was {card}. Please block it immediately. I'm on {phone} – {name}""")
t('en', """Hi, I'm travelling abroad next week, please don't block my card. Name {name}, DOB {dob}.""")
t('en', """Security question answer is {secans} and my memorable word is {memword}. Please can you unlock online banking.""")
t('en', """Can you tell me why my card {card_bad} isn't accepted? It expires {exp} and the CVV is {cvv}.""")
t('en', """Dear bank, I set up a standing order to {name@2} but put the wrong account. Correct details: {sortcode@2} / {acct@2}. Original was {sortcode@3} / {acct@3}. Regards {name}""")
# --- telecom ---
t('en', """Please port my number {phone} to your network. My PAC code is {otp} and the account holder is {name}.""")
t('en', """Hi, the SIM for my daughter {first@2f} hasn't activated. Her number should be {phone@2f}. My account number is {cust}.""")
t('en', """Our broadband keeps dropping out. Router admin login is {user} / {pw}, in case your engineer needs it. Static IP {ip4}.""")
t('en', """Hello, someone ported out my number without permission! {phone}. I never asked for a PAC. Please call me at work on {phone_ext@2}.""")
# --- airlines ---
t('en', """Flight {flight} on {date}. I need to correct the passenger name – it was booked as {name@2} but my passport ({passport}) says {name}.""")
t('en', """Hi, my bag didn't arrive on {flight}. Please deliver it to my hotel: {addr_1l@f2}. Mobile {phone@f2}.""")
t('en', """Advance Passenger Information
Surname: {last|uc}
Given names: {first|uc}
Date of birth: {dob}
Passport no: {passport}
Passport expiry: {date}""")
# --- utilities ---
t('en', """Meter reading for {addr_1l}: 04512 (meter {meter}). Account in name of {name}.""")
t('en', """I'm moving out on {date}. Forwarding address: {addr_mlc}. Final bill to {email} please.""")
t('en', """Hi, the water supply has been off since this morning at {street}. We've a newborn at home. {first} {phone}""")
# --- landlords ---
t('en', """Dear {title} {last@2},

The tenant at {street}, {name}, has asked me to pass on that the key safe code is {door}. The plumber can let himself in.

Thanks,
{name@3}
Lettings Manager""")
t('en', """Rent this month will be paid from my new account. IBAN {iban_c}. Sorry for the delay – {first}""")
t('en', """Hello, I'm interested in the flat on {street@2}. I work as a nurse. My references: previous landlord {name@3m}, {phone@3}. You can reach me on {email}.""")
# --- clinics ---
t('en', """Hi, I need to move my appointment on {date}. Patient {name}, date of birth {dob}. Thanks""")
t('en', """Please send my prescription to the pharmacy. My details: {name_rev}, born {dob}, {addr_1l}.""")
t('en', """Hello, my son {name@2m} (DOB {dob@2m}) has a dental check-up booked. Can we change it? My number is {phone}.""")
# --- schools ---
t('en', """Dear {title@2} {last@2},

{first@3m} won't be in school tomorrow, he has a temperature. If you need me I'm on {phone}.

{name}""")
t('en', """Hi, I can't access the parent portal {url_co}. My login is {email} and the school gave me the code {otp}.""")
# --- insurers ---
t('en', """Claim for water damage. Policyholder: {name}. Driving licence {dl}. Contact {phone_intl}. Photos attached.""")
t('en', """I'd like a quote for contents insurance for {addr_1l}. I'm {first}, born {dob}. My email is {email_obf}.""")
t('en', """#US#Re: auto claim. Other party: {name@2}, license {dl@2}, insurer unknown. My SSN for your forms is {ssn}.""")
# --- obfuscated / odd forms ---
t('en', """You can email me at {email_obf} (spelled out because of spam filters).""")
t('en', """My phone is {phone} but text only please, I'm deaf. Or email {email}.""")
t('en', """Call me: {phone_intl} (mobile) or {phone_loc@2} (home, evenings).""")
t('en', """My new number: {phone}. Old one {phone@2} can be deleted.""")
# --- credentials with earlier cue ---
t('en', """I finally remembered the answer to my security question. It was {secans}. Can you let me in now?""")
t('en', """They gave me a one-time code over the phone. I wrote it down: {otp}. But the app says invalid.""")
t('en', """The PIN you sent in the letter doesn't work. I typed exactly what it said, which was {pin}.""")
t('en', """Changing the alarm code as the old cleaner still knows it. The new one, for your records: {door}.""")
t('en', """I set a new password yesterday. It's {pw}, and the system still shows my old username ({user}).""")
t('en', """Your agent asked for my memorable word on the phone. I'm not comfortable with that, but fine. It's {memword}.""")
# --- handles / social ---
t('en', """I messaged you on Twitter as {handle} but nobody replied. My order is {order}.""")
t('en', """Hi, it's {name} ({handle} on Instagram). Loved the collab! My portfolio: {url_p}""")
t('en', """Gamer tag is {user}, email on file {email}. Account got hacked from {ip6}.""")
# --- international ---
t('en', """Hi, I've moved abroad now. Please update my address to {addr_1l@f1} and phone to {phone_intl@f1}.""")
t('en', """Dear team, I am {name} and I now live abroad. My tax ID is {natid@f1}. Please issue the invoice in my name.""")
t('en', """Send the replacement to my parents' place please:
{addr_mlc@f1}
They'll be home all week. My mum is {name@2f}.""")
# --- multi-PII long mails ---
t('en', """Subject: Re: Re: Fraud on my account

Hi {agent},

As requested here is everything again:
Name: {name}
Address: {addr_1l}
DOB: {dob}
Card (the one that was used): {card}
Phone: {phone}

I really need this sorted.

{first}

> Hi {first},
> We need a few details to proceed.
> {agent}, Fraud Team""")
t('en', """Hello,

I am a freelancer and want to be paid by bank transfer. My details:
Account name: {name|uc}
IBAN: {iban}
Address: {addr_1lc}
Website: {url_p}

Best,
{first}""")
# --- mentions of staff / third parties ---
t('en', """Your engineer {name@2} was fantastic yesterday, please pass on my thanks. {first}""")
t('en', """I spoke to {first@2f} on the phone and she said I'd get a callback within 24 hours. That was on {date}.""")
t('en', """Complaint about driver: the parcel was left in the rain at {street}. Driver gave his name as {first@2m}.""")
# --- misc ---
t('en', """Please invoice my company instead: {company}, FAO {name}, {addr_1l}.""")
t('en', """Hello, I'm writing from my husband's email. I'm {name@2f} and my number is {phone@2f}.""")
t('en', """Hi, could you reissue the receipt to {email}? The first went to {email@2} which I no longer use.""")
t('en', """Delivery instructions: leave with neighbour at {street@2} ({name@2}) if I'm out. Ring {phone} first.""")
t('en', """The delivery guy asked for the PIN to release the parcel. I gave him {pin4}. Was that right?""")
t('en', """I'm the executor for the late {name@2m}. His account {cust}. My contact is {phone}, {email}.""")
t('en', """#UK#Hi, my NI number is {nino} and I need a P60 for last year. Thanks, {name}""")
t('en', """#CA#My SIN is {sin}. The tax form you sent has it wrong. {name}, {addr_1l}""")
t('en', """#AU#TFN for payroll: {tfn}. Name {name}. Bank BSB {sortcode} account {acct}.""")
t('en', """Payment by card over phone: card {card}, exp {exp}, cvc {cvv}, name on card {name|uc}, billing postcode {postcode}.""")
t('en', """Hi, I'm {name}, my passport number is {passport} and driver licence {dl}. Which do you need for ID?""")
t('en', """{name}
{email}
{phone}""")
t('en', """FROM: {email}
TO: {email_co}
SUBJ: cancel

cancel my subscription. {name}""")
t('en', """Hello! Quick one – please add {email@2f} as a secondary contact for {first@2f}, my daughter. Thanks, {first}""")
t('en', """Customer wrote in Welsh originally, translated: "Hello, my name is {name}, I live at {addr_1l}. Please call {phone}." """.rstrip())
t('en', """{initials} here – just confirming I got the keys from {first@2}. The lockbox code is {door} if anyone else needs them.""")
t('en', """Re: subject access request. I'd like all data you hold on me: {name}, {email}, previously at {addr_1l@2}.""")
t('en', """VIP customer {name} called from {phone_intl}, wants the concierge to ring back. Handle with care.""")
t('en', """please update my website link on the listing to {url_p}. the old {url_p@2} is dead""")
t('en', """I registered as {user} but want to change it to {user@2}. Possible?""")
t('en', """login attempts from {ip4} and {ip4@2} – neither was me!! {first}""")

# --- English messages without PII ---
t('en', """Hi, my order {order} hasn't arrived yet. It was due on {date}. Can you check?""")
t('en', """Do you deliver to the islands? Thanks.""")
t('en', """Hello, what are your opening hours over the holidays?""")
t('en', """Ticket {ticket}: the app crashes when I open the basket. Using the latest version.""")
t('en', """I was charged {amount} for invoice {invoice} but the quote said less. Please explain.""")
t('en', """Can I change booking {booking} to a later flight? Flight {flight}.""")
t('en', """hi does the {product} come in blue""")
t('en', """Thank you for your help yesterday, all sorted now!""")
t('en', """> Is there anything else we can help with?
No, that's everything, cheers.""")
t('en', """My card ending {last4} was declined at checkout, is your payment system down?""")
t('en', """Tracking {tracking} has been stuck for 5 days.""")
t('en', """Customer {cust} asked about loyalty points; explained the scheme. No action needed.""")
t('en', """Please can you send me the returns policy for items bought in the sale?""")
t('en', """Meter {meter} reading is 23451. Submitted on {date}.""")
t('en', """What's the excess on policy {policy}? Thinking of claiming for a broken window.""")

# ======================= other languages (hand-written) =======================
# German
t('de', """Sehr geehrte Damen und Herren,

bitte ändern Sie meine Anschrift:
{addr_ml}

Mit freundlichen Grüßen
{name}
Tel. {phone}""")
t('de', """Hallo, meine IBAN hat sich geändert. Neue IBAN: {iban}. Kontoinhaber: {name}. Danke!""")
t('de', """Name: {name_rev}
Geburtsdatum: {dob}
Steuer-ID: {natid}
E-Mail: {email}
Anliegen: Rückerstattung""")
t('de', """hab mein passwort vergessen. das neue das ich gesetzt hab lautet {pw}, geht aber nicht. benutzer {user}""")
t('de', """> Können Sie uns Ihre Telefonnummer nennen?
Ja: {phone_intl}. Am besten nachmittags.
{first}""")
t('de', """Meine Bestellung {order} ist noch nicht angekommen. Können Sie bitte nachsehen?""")
# French
t('fr', """Bonjour,

Je souhaite résilier mon abonnement. Voici mes coordonnées :
{name}
{addr_ml}
Tél : {phone}

Cordialement,
{first}""")
t('fr', """Bonjour, ma carte {card} a été débitée deux fois. Date d'expiration {exp}. Merci de me rembourser sur l'IBAN {iban}.""")
t('fr', """Nom : {last|uc}
Prénom : {first}
Date de naissance : {dob}
N° de sécurité sociale : {natid}
Courriel : {email}""")
t('fr', """J'ai bien reçu le code par SMS. Le voici : {otp}. Mais l'application refuse. {first}""")
t('fr', """Bonjour, ma commande {order} n'est toujours pas arrivée. Merci de vérifier.""")
# Spanish
t('es', """Hola, me llamo {name} y quiero cambiar mi dirección a {addr_1l}. Mi DNI es {natid}. Gracias.""")
t('es', """Estimados señores:

Les escribo para reclamar el cargo duplicado. Mi teléfono es {phone} y mi correo {email}.

Atentamente,
{title} {name}""")
t('es', """hola, se me olvidó el pin de la tarjeta. el que me mandasteis por carta era {pin}?? no funciona""")
t('es', """Datos del pasajero:
Nombre: {name}
Fecha de nacimiento: {dob}
Pasaporte: {passport}""")
t('es', """Buenas, ¿cuándo llega el pedido {order}? Gracias.""")
# Italian
t('it', """Buongiorno,
vorrei aggiornare i miei dati:
{name}
{addr_ml}
Codice fiscale: {natid}
Cordiali saluti""")
t('it', """Salve, ho cambiato numero. Il nuovo è {phone}, la mail resta {email}. Grazie, {first}""")
t('it', """Ho impostato una nuova password ieri. È {pw} ma il sito dice che è sbagliata. Utente: {user}""")
t('it', """Per il rimborso: IBAN {iban}, intestato a {name}.""")
t('it', """Buongiorno, la fattura {invoice} riporta un importo sbagliato.""")
# Dutch
t('nl', """Beste klantenservice,

Mijn nieuwe adres is {addr_1l}. Graag aanpassen.

Met vriendelijke groet,
{name}
{phone}""")
t('nl', """Naam: {name}
Geboortedatum: {dob}
BSN: {natid}
IBAN: {iban}""")
t('nl', """hoi, de deurcode van het gebouw is veranderd. het is nu {door}. groetjes {first|lc}""")
t('nl', """Ik ben ingelogd vanaf {ip4} maar zie een melding over een onbekend apparaat. Mijn gebruikersnaam is {user}.""")
t('nl', """Wanneer wordt bestelling {order} geleverd?""")
# Portuguese
t('pt', """Olá, o meu nome é {name} e o meu NIF é {natid}. Morada: {addr_1l}. Obrigado.""")
t('pt', """Bom dia,
Por favor enviem a fatura para {email}. O meu telemóvel é {phone}.
Cumprimentos,
{name}""")
t('pt', """O código que recebi foi {otp}. Não consigo entrar na conta.""")
t('pt', """Para o reembolso: IBAN {iban}, titular {name}.""")
t('pt', """Olá, a encomenda {order} ainda não chegou.""")
# Polish
t('pl', """Dzień dobry,
proszę o zmianę adresu na:
{addr_ml}
Pozdrawiam
{name}""")
t('pl', """Imię i nazwisko: {name}
PESEL: {natid}
Data urodzenia: {dob}
Telefon: {phone}""")
t('pl', """zapomniałem hasła. nowe które ustawiłem to {pw}. login {user}""")
t('pl', """Proszę o zwrot na konto {iban}. Dziękuję, {first}""")
t('pl', """Kiedy dotrze zamówienie {order}?""")
# Swedish
t('sv', """Hej,
jag har flyttat. Ny adress:
{addr_ml}
Mvh {name}
{phone}""")
t('sv', """Personnummer: {natid}
Namn: {name}
E-post: {email}""")
t('sv', """Koden jag fick via sms var {otp}, men den fungerar inte. /{first}""")
t('sv', """Hej, var är min beställning {order}?""")
# Danish
t('da', """Hej,
Jeg vil gerne opsige mit abonnement. Mit CPR-nummer er {natid} og min adresse er {addr_1l}.
Venlig hilsen
{name}""")
t('da', """Ring venligst til mig på {phone}. Min mail er {email}. /{first}""")
t('da', """Refusion til IBAN {iban}, kontohaver {name}.""")
t('da', """Hvornår kommer ordre {order}?""")
# Norwegian
t('no', """Hei,
jeg har ny adresse: {addr_1l}. Telefon {phone}.
Hilsen {name}""")
t('no', """Fødselsnummer: {natid}
Navn: {name}
Konto (IBAN): {iban}""")
t('no', """Jeg har fått ny PIN-kode i posten. Den er {pin}, men kortet blir avvist.""")
t('no', """Hei, når kommer pakken min? Ordre {order}.""")
# Finnish
t('fi', """Hei,
osoitteeni on muuttunut:
{addr_ml}
Terveisin
{name}
puh. {phone}""")
t('fi', """Henkilötunnus: {natid}
Nimi: {name_rev}
Sähköposti: {email}""")
t('fi', """Sain tekstiviestillä koodin. Se on {otp}. Kirjautuminen ei silti onnistu.""")
t('fi', """Milloin tilaus {order} toimitetaan?""")
# Estonian
t('et', """Tere,
minu uus aadress on {addr_1l}. Telefon {phone}.
Lugupidamisega
{name}""")
t('et', """Isikukood: {natid}
Nimi: {name}
E-post: {email}
IBAN: {iban}""")
t('et', """Unustasin parooli. Uus parool, mille panin, on {pw}. Kasutajanimi {user}.""")
t('et', """Tere, millal jõuab tellimus {order} kohale?""")

# ======================= assembly =======================
OTHER_LANGS = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'no', 'fi', 'et']

def parse(tmpl):
    if tmpl.startswith('#') and tmpl[3] == '#':
        return tmpl[1:3], tmpl[4:]
    return None, tmpl

def classify():
    pools = {}
    for lang, raw in T:
        force, body = parse(raw)
        probe = Ctx(random.Random(0), lang, force or (EN_COUNTRIES[0] if lang == 'en' else LANG_COUNTRY[lang][0]))
        _, spans = render(probe, body)
        pools.setdefault((lang, not spans), []).append((force, body))
    return pools

def build(seed, n, first_id, path):
    r = random.Random(seed)
    pools = classify()
    rows = []
    other = []  # non-English languages are dealt from shuffled decks so every language appears
    for i in range(n):
        lang = 'en'
        if r.random() >= 0.8:
            if not other:
                other = OTHER_LANGS[:]
                r.shuffle(other)
            lang = other.pop()
        nopii = r.random() < 0.15
        force, body = r.choice(pools[(lang, nopii)])
        if force:
            cc = force
        elif lang == 'en':
            cc = r.choice(EN_COUNTRIES) if r.random() < 0.8 else r.choice(ALL_COUNTRIES)
        else:
            cc = r.choice(LANG_COUNTRY[lang])
        text, spans = render(Ctx(r, lang, cc), body)
        rows.append({'id': 'p7-%04d' % (first_id + i), 'lang': lang, 'text': text, 'spans': spans})
    with open(path, 'w', encoding='utf-8') as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + '\n')
    return rows

if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    d = build(7001, 300, 1, os.path.join(here, 'dev.jsonl'))
    te = build(7002, 600, 1001, os.path.join(here, 'test.jsonl'))
    print('shapes:', len(T), 'dev:', len(d), 'test:', len(te))
