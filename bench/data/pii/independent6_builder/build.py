#!/usr/bin/env python3
"""Build pii6 dev/test sets. Standard library only, deterministic (seed 6001 dev, 6002 test).
Sections: value generators, hand-written message shapes (T), engine.
Token syntax in shapes: {LABEL gen [arg]} labelled value, {- gen [arg]} unlabelled value, {@ macro [arg]} multi-span address."""
import json, random, re, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))

# ======================= value generators =======================
import string

NAMES = {
 'gb': (["Oliver","Amelia","Harry","Jessica","Graham","Chloe","Rhys","Megan","Alfie","Poppy","Nigel","Bethan","Callum","Imogen","Trevor"],
        ["Thompson","Hughes","Pritchard","Smith-Jones","McAllister","Wainwright","Evans","Clarke","Ashworth","Fairbairn","Whitlock","Bellamy"]),
 'ie': (["Siobhán","Niamh","Ciarán","Aoife","Seán","Pádraig","Róisín","Eoin","Orla","Darragh"],
        ["O'Connor","Ní Bhriain","Murphy","Mac Giolla","Ó Súilleabháin","Byrne","Fitzgerald","Kavanagh","O'Neill"]),
 'us': (["Tyler","Brianna","Marcus","Kayla","DeShawn","Jennifer","Cody","Madison","Hector","Latoya","Dwayne","Ashley"],
        ["Johnson","Rodriguez","Washington","Miller","Kowalczyk","Nguyen","Hernandez","Baker","Sullivan","Jefferson"]),
 'ca': (["Mathieu","Chantal","Gabrielle","Étienne","Kyle","Brooke","Jean-François","Marie-Ève"],
        ["Tremblay","Gagnon","Bouchard","MacDonald","Côté","Lévesque","Campbell","Roy"]),
 'au': (["Lachlan","Matilda","Bronwyn","Hamish","Kirra","Jarrah","Tahnee","Brodie"],
        ["Nguyen","Kelly","Mitchell","Papadopoulos","Walsh","Tran","O'Brien","Harrington"]),
 'de': (["Jürgen","Anneliese","Lukas","Björn","Franziska","Maximilian","Ute","Dieter","Sören","Käthe","Jörg","Lea"],
        ["Müller","Schäfer","von Bülow","Weißenberg","Özdemir","Hoffmann","Krüger","zu Salm","Baumgärtner","Schröder"]),
 'fr': (["Hélène","François","Zoé","Aurélien","Océane","Thibault","Mathilde","Loïc","Émilie","Benoît"],
        ["Lefèvre","de la Fontaine","Dubois","Girard","Moreau","Boucher","Lemaître","d'Arcy","Mercier","Faure"]),
 'es': (["José Luis","María Jesús","Íñigo","Lucía","Álvaro","Begoña","Nuria","Sebastián","Pilar","Joaquín"],
        ["García López","Fernández Ruiz","de la Cruz","Muñoz","Peña Ibáñez","Sánchez","Etxeberria","Zubiría"]),
 'it': (["Giuseppe","Chiara","Niccolò","Francesca","Gianluca","Ilaria","Lorenzo","Beatrice","Raffaele","Giulia"],
        ["Rossi","De Luca","Esposito","D'Angelo","Lo Bianco","Ferrari","Colombo","Di Stefano","Bianchi"]),
 'nl': (["Daan","Sanne","Joris","Femke","Sjoerd","Anouk","Bram","Marloes","Thijs","Ineke"],
        ["van der Berg","de Vries","Jansen","van Dijk","Bakker","de Jong","van 't Hof","Visser","ter Horst"]),
 'be': (["Wout","Lotte","Arnaud","Elke","Jef","Amélie"],["Peeters","Janssens","Maes","Claes","Vandenbroucke","Dewulf"]),
 'pt': (["João","Inês","Gonçalo","Margarida","Tiago","Beatriz","Rui","Conceição"],
        ["da Silva","Gonçalves","Pereira","dos Santos","Magalhães","Araújo","Conceição","Fonseca"]),
 'pl': (["Łukasz","Małgorzata","Paweł","Agnieszka","Wojciech","Zofia","Grzegorz","Katarzyna","Michał","Joanna"],
        ["Kowalski","Wiśniewska","Wójcik","Grzybowski","Nowak","Zieliński","Szczepańska","Dąbrowski"]),
 'se': (["Åsa","Björn","Linnéa","Göran","Elin","Mattias","Ingrid","Oskar"],
        ["Lindqvist","Åkesson","Bergström","Nyström","Sjöberg","Holm","Öberg","Andersson"]),
 'no': (["Ørjan","Solveig","Håkon","Ingrid","Sindre","Kari","Eirik","Marit"],
        ["Hansen","Bjørnstad","Haugen","Ødegård","Nilsen","Solberg","Aasen","Johansen"]),
 'dk': (["Søren","Mette","Rasmus","Signe","Jesper","Birgitte","Mads","Freja"],
        ["Jørgensen","Nielsen","Kjær","Frederiksen","Sørensen","Møller","Poulsen","Østergaard"]),
 'fi': (["Jukka","Päivi","Eetu","Aino","Teemu","Sanna","Matti","Hanna-Leena"],
        ["Virtanen","Mäkinen","Järvinen","Heikkilä","Koskinen","Lähteenmäki","Nieminen","Hämäläinen"]),
 'ee': (["Mart","Kadri","Tõnu","Liis","Priit","Ülle","Rasmus","Kärt"],
        ["Tamm","Saar","Kask","Mägi","Õunapuu","Sepp","Kõiv","Rebane"]),
 'in': (["Priya","Arjun","Ananya","Venkatesh","Sneha","Rohit","Lakshmi","Harpreet"],
        ["Sharma","Iyer","Venkataraman","Patel","Chatterjee","Reddy","Singh","Nair"]),
 'cn': (["Wei","Xiaoling","Jun","Mei","Hao","Yuting"],["Zhang","Li","Wang","Chen","Liu","Huang"]),
 'jp': (["Haruto","Yui","Kenji","Aiko","Takeshi","Sakura"],["Tanaka","Watanabe","Yamamoto","Suzuki","Kobayashi"]),
 'kr': (["Ji-woo","Min-jun","Seo-yeon","Hyun-woo"],["Kim","Park","Lee","Choi","Jung"]),
 'vn': (["Thảo","Minh","Ngọc","Tuấn"],["Nguyễn","Trần","Phạm","Lê"]),
 'ar': (["Youssef","Fatima","Omar","Layla","Karim","Amira"],["Al-Hassan","El Amrani","Haddad","Bin Saleh","Mansour","Abdullah"]),
 'ng': (["Chiamaka","Oluwaseun","Emeka","Ngozi","Tunde","Adaeze"],["Okafor","Adeyemi","Eze","Balogun","Nwosu","Okonkwo"]),
 'tr': (["Ayşe","Mehmet","Elif","Çağrı","Gökhan"],["Yılmaz","Öztürk","Şahin","Çelik","Aydın"]),
 'gr': (["Eleni","Dimitrios","Konstantinos","Sofia"],["Papadopoulou","Georgiou","Nikolaidis","Karagiannis"]),
}
MIX = list(NAMES)

def D(rng, pat):
    """# -> digit, A -> upper letter, a -> lower letter, X -> upper alnum"""
    out = []
    for ch in pat:
        if ch == '#': out.append(rng.choice(string.digits))
        elif ch == '%': out.append(rng.choice('23456789'))
        elif ch == 'A': out.append(rng.choice(string.ascii_uppercase))
        elif ch == 'a': out.append(rng.choice(string.ascii_lowercase))
        elif ch == 'X': out.append(rng.choice(string.ascii_uppercase + string.digits))
        else: out.append(ch)
    return ''.join(out)

def ascii_fold(s):
    tbl = {'ä':'ae','ö':'oe','ü':'ue','ß':'ss','å':'a','ø':'o','æ':'ae','ł':'l','ñ':'n','õ':'o','ç':'c','ş':'s','ı':'i','ğ':'g'}
    import unicodedata
    s = ''.join(tbl.get(c, c) for c in s.lower())
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if c.isascii() and (c.isalnum() or c in '.-_ '))

# ---------------- addresses ----------------
STREETS = {
 'gb': (["Victoria Road","Mill Lane","Church Street","Elm Grove","Station Approach","Kingsway","Marlborough Crescent","Bridge Street"],
        ["London","Manchester","Leeds","Bristol","Cardiff","Glasgow","Norwich","Sheffield","York"]),
 'ie': (["Main Street","Grafton Street","Dublin Road","Church View","Oliver Plunkett Street","The Crescent"],
        ["Dublin 8","Cork","Galway","Limerick","Kilkenny","Dún Laoghaire"]),
 'us': (["Maple Ave","Oak Street","Elm Dr","Sunset Blvd","Lincoln Way","W 42nd St","Peachtree Rd NE"],
        [("Springfield","IL"),("Austin","TX"),("Portland","OR"),("Columbus","OH"),("Atlanta","GA"),("Brooklyn","NY"),("Tucson","AZ")]),
 'ca': (["Rue Saint-Denis","Yonge Street","Granville St","Main Street","Boulevard René-Lévesque"],
        [("Montréal","QC"),("Toronto","ON"),("Vancouver","BC"),("Halifax","NS"),("Calgary","AB")]),
 'au': (["Smith Street","George St","Beach Road","Brunswick St","Bourke Street"],
        [("Fitzroy","VIC"),("Surry Hills","NSW"),("Fremantle","WA"),("Brisbane","QLD"),("Glenelg","SA")]),
 'de': (["Hauptstraße","Lindenallee","Schillerstr.","Am Markt","Goethestraße","Kastanienweg"],
        ["Berlin","München","Köln","Hamburg","Leipzig","Freiburg im Breisgau","Düsseldorf"]),
 'fr': (["rue de la Paix","avenue Jean Jaurès","boulevard Voltaire","rue des Lilas","place du Marché","chemin des Vignes"],
        ["Paris","Lyon","Marseille","Toulouse","Nantes","Lille","Aix-en-Provence"]),
 'es': (["Calle Mayor","Avenida de la Constitución","Calle de Alcalá","Paseo de Gracia","Calle Larios"],
        ["Madrid","Barcelona","Sevilla","Valencia","Bilbao","Málaga"]),
 'it': (["Via Roma","Corso Vittorio Emanuele II","Via Garibaldi","Piazza del Popolo","Viale Monza"],
        [("Roma","RM"),("Milano","MI"),("Napoli","NA"),("Torino","TO"),("Bologna","BO")]),
 'nl': (["Keizersgracht","Dorpsstraat","Kerkstraat","Oudegracht","Laan van Meerdervoort"],
        ["Amsterdam","Utrecht","Den Haag","Rotterdam","Groningen","Zwolle"]),
 'be': (["Rue Neuve","Meir","Kerkstraat","Chaussée de Wavre","Veldstraat"],
        ["Bruxelles","Antwerpen","Gent","Liège","Leuven"]),
 'pt': (["Rua Augusta","Avenida da Liberdade","Rua de Santa Catarina","Travessa do Carmo"],
        ["Lisboa","Porto","Coimbra","Braga","Faro"]),
 'pl': (["ul. Marszałkowska","ul. Długa","al. Jerozolimskie","ul. Piotrkowska","ul. Świętokrzyska"],
        ["Warszawa","Kraków","Łódź","Gdańsk","Wrocław","Poznań"]),
 'se': (["Drottninggatan","Storgatan","Kungsgatan","Vasagatan","Södra vägen"],
        ["Stockholm","Göteborg","Malmö","Uppsala","Umeå"]),
 'no': (["Karl Johans gate","Storgata","Kirkeveien","Bygdøy allé","Strandgaten"],
        ["Oslo","Bergen","Trondheim","Tromsø","Stavanger"]),
 'dk': (["Nørrebrogade","Vesterbrogade","Strøget","Østergade","Jernbanegade"],
        ["København N","Aarhus C","Odense","Aalborg","Frederiksberg"]),
 'fi': (["Mannerheimintie","Hämeenkatu","Aleksanterinkatu","Puistokatu","Kauppakatu"],
        ["Helsinki","Tampere","Turku","Oulu","Jyväskylä"]),
 'ee': (["Narva mnt","Pärnu mnt","Tartu mnt","Rüütli tn","Kalda tee"],
        ["Tallinn","Tartu","Pärnu","Narva","Viljandi"]),
}
COUNTRY_NAME = {'gb':'United Kingdom','ie':'Ireland','us':'USA','ca':'Canada','au':'Australia','de':'Germany','fr':'France',
 'es':'Spain','it':'Italy','nl':'Netherlands','be':'Belgium','pt':'Portugal','pl':'Poland','se':'Sweden','no':'Norway',
 'dk':'Denmark','fi':'Finland','ee':'Estonia'}
COUNTRY_LOCAL = {'de':'Deutschland','fr':'France','es':'España','it':'Italia','nl':'Nederland','be':'België','pt':'Portugal',
 'pl':'Polska','se':'Sverige','no':'Norge','dk':'Danmark','fi':'Suomi','ee':'Eesti'}

def postcode(rng, cc):
    if cc == 'gb': return rng.choice([D(rng,'A# #AA'),D(rng,'AA## #AA'),D(rng,'AA#A #AA'), D(rng,'A## #AA')]).replace('Q','S')
    if cc == 'ie': return D(rng, rng.choice(['A## XXXX','D## XXXX','T## XXXX']))
    if cc == 'us': return D(rng, rng.choice(['#####','#####','#####-####']))
    if cc == 'ca': return D(rng,'A#A #A#')
    if cc == 'au': return D(rng,'####')
    if cc in ('de','fr','es','it','fi','ee'): return D(rng,'#####')
    if cc == 'nl': return D(rng,'#### AA')
    if cc in ('be','no','dk'): return D(rng,'####')
    if cc == 'pt': return D(rng,'####-###')
    if cc == 'pl': return D(rng,'##-###')
    if cc == 'se': return D(rng,'### ##')
    raise KeyError(cc)

def street(rng, cc):
    s = rng.choice(STREETS[cc][0]); n = rng.randint(1, 240)
    if cc == 'gb': return rng.choice([f"{n} {s}", f"Flat {rng.randint(1,12)}, {n} {s}", f"{n}{rng.choice('ab')} {s}", f"Rose Cottage, {s}"])
    if cc == 'ie': return rng.choice([f"{n} {s}", f"Apt {rng.randint(1,40)}, {s}", f"The Old Rectory, {s}"])
    if cc in ('us',): return rng.choice([f"{n*10+rng.randint(0,9)} {s}", f"{n*10} {s} Apt {rng.randint(1,20)}{rng.choice('ABC')}", f"{n} {s}, Unit {rng.randint(100,999)}"])
    if cc == 'ca': return rng.choice([f"{n*10} {s}", f"{rng.randint(100,2000)}-{n} {s}"])
    if cc == 'au': return rng.choice([f"{n} {s}", f"Unit {rng.randint(1,30)}, {n} {s}", f"{rng.randint(1,30)}/{n} {s}"])
    if cc == 'de': return rng.choice([f"{s} {n}", f"{s} {n}a", f"{s} {n}, 3. OG"])
    if cc == 'fr': return rng.choice([f"{n} {s}", f"{n} bis {s}", f"{n}, {s}, Bât. B"])
    if cc == 'es': return rng.choice([f"{s} {n}, {rng.randint(1,8)}º {rng.choice('ABCD')}", f"{s}, {n}", f"{s} {n}, bajo"])
    if cc == 'it': return rng.choice([f"{s} {n}", f"{s}, {n}/B", f"{s} {n}, int. {rng.randint(1,20)}"])
    if cc == 'nl': return rng.choice([f"{s} {n}", f"{s} {n}-{rng.randint(1,3)}", f"{s} {n}{rng.choice(['A','bis','-hs'])}"])
    if cc == 'be': return rng.choice([f"{s} {n}", f"{s} {n} bte {rng.randint(1,9)}", f"{s} {n}/{rng.randint(1,9)}"])
    if cc == 'pt': return rng.choice([f"{s}, {n}, {rng.randint(1,6)}.º Esq.", f"{s} {n}", f"{s}, n.º {n}, R/C Dto."])
    if cc == 'pl': return rng.choice([f"{s} {n}/{rng.randint(1,80)}", f"{s} {n} m. {rng.randint(1,40)}", f"{s} {n}"])
    if cc == 'se': return rng.choice([f"{s} {n}", f"{s} {n} lgh {rng.randint(1001,1402)}", f"{s} {n}B"])
    if cc == 'no': return rng.choice([f"{s} {n}", f"{s} {n} B", f"{s} {n}, H0{rng.randint(101,504)}"])
    if cc == 'dk': return rng.choice([f"{s} {n}, {rng.randint(1,5)}. {rng.choice(['tv','th','mf'])}", f"{s} {n}", f"{s} {n}, st."])
    if cc == 'fi': return rng.choice([f"{s} {n} {rng.choice('ABC')} {rng.randint(1,40)}", f"{s} {n}", f"{s} {n} as. {rng.randint(1,30)}"])
    if cc == 'ee': return rng.choice([f"{s} {n}-{rng.randint(1,60)}", f"{s} {n}", f"{s} {n} korter {rng.randint(1,40)}"])

def city(rng, cc):
    c = rng.choice(STREETS[cc][1])
    return c

def address_parts(rng, cc, oneline=False, country=False, local_country=False):
    """returns list of (text,label) segments in local format"""
    st = street(rng, cc); c = city(rng, cc); pc = postcode(rng, cc)
    sep = ', ' if oneline else '\n'
    A, P = 'ADDRESS', 'POSTCODE'
    if cc in ('us','ca','au','it'):
        cn, reg = c
        if cc == 'it': segs = [(st,A),(sep,None),(pc,P),(' ',None),(cn,A),(' ',None),(reg,A)]
        elif cc == 'au': segs = [(st,A),(sep,None),(cn,A),(' ',None),(reg,A),(' ',None),(pc,P)]
        else: segs = [(st,A),(sep,None),(cn,A),(', ',None),(reg,A),(' ',None),(pc,P)]
    elif cc == 'gb':
        segs = [(st,A),(sep,None),(c,A),(sep if not oneline else ' ',None),(pc,P)]
    elif cc == 'ie':
        segs = [(st,A),(sep,None),(c,A)]
        if c in ('Cork','Galway','Limerick','Kilkenny') and rng.random() < 0.6: segs += [(sep,None),('Co. ' + c,A)]
        segs += [(sep if not oneline else ', ',None),(pc,P)]
    else:
        segs = [(st,A),(sep,None),(pc,P),(' ',None),(c,A)]
        if cc == 'se' or cc == 'fi' and rng.random()<0.3: pass
    if country:
        name = COUNTRY_LOCAL.get(cc, COUNTRY_NAME[cc]) if local_country else COUNTRY_NAME[cc]
        segs += [(sep,None),(name if rng.random()<0.8 else name.upper(),A)]
    return segs

# ---------------- phones ----------------
PHONES = {
 'gb': ['07### ######','+44 7### ######','020 #### ####','+44 (0)20 #### ####','0161 ### ####','07#########'],
 'ie': ['08# ### ####','+353 8# ### ####','+353 1 ### ####','(01) ### ####'],
 'us': ['(%##) %##-####','%##-%##-####','+1 %## %## ####','%##.%##.####','1-800-%##-####'],
 'ca': ['(%##) %##-####','+1 %##-%##-####','%##-%##-####'],
 'au': ['04## ### ###','(02) #### ####','+61 4## ### ###','+61 3 #### ####'],
 'de': ['0151 ########','+49 30 ########','030/#######','+49 (0)89 ### ###-##','0171-#######'],
 'fr': ['06 ## ## ## ##','+33 6 ## ## ## ##','01.##.##.##.##','+33 (0)1 ## ## ## ##','07########'],
 'es': ['6## ### ###','+34 9## ### ###','+34 6## ## ## ##'],
 'it': ['3## ### ####','+39 06 #### ####','+39 3## #######','02 ########'],
 'nl': ['06-########','+31 20 ### ####','+31 6 ## ## ## ##','010 ### ## ##'],
 'be': ['04## ## ## ##','+32 2 ### ## ##','+32 4## ## ## ##'],
 'pt': ['9## ### ###','+351 21 ### ####','+351 9## ### ###'],
 'pl': ['5## ### ###','+48 22 ### ## ##','+48 6## ### ###','(22) ### ## ##'],
 'se': ['07#-### ## ##','+46 8 ### ### ##','08-### ## ##','+46 7# ### ## ##'],
 'no': ['4## ## ###','+47 22 ## ## ##','9## ## ###','+47 9## ## ###'],
 'dk': ['## ## ## ##','+45 33 ## ## ##','+45 ########'],
 'fi': ['04# ### ####','+358 9 #### ###','+358 4# ### ####','050-### ####'],
 'ee': ['5### ####','+372 6## ####','+372 5### ####'],
}
def phone(rng, cc, ext=None):
    p = D(rng, rng.choice(PHONES[cc]))
    if ext is None: ext = rng.random() < 0.15
    if ext:
        e = str(rng.randint(10, 9999))
        p += rng.choice([f" ext. {e}", f" x{e}", f" ext {e}", f"-{e[:2]}" if cc in ('de',) else f" (ext. {e})"])
    return p

# ---------------- email / user / url ----------------
DOMAINS = ['gmail.com','outlook.com','yahoo.co.uk','hotmail.com','icloud.com','proton.me','web.de','gmx.de','orange.fr',
 'libero.it','telefonica.net','ziggo.nl','sapo.pt','wp.pl','telia.com','online.no','mail.dk','elisanet.fi','hot.ee','btinternet.com','eircom.net','bigpond.com','yahoo.com']
def email(rng, first, last):
    f = ascii_fold(first).replace(' ','').replace("'",''); l = ascii_fold(last).replace(' ','').replace("'",'')
    local = rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{rng.randint(1,99)}", f"{l}.{f[0]}", f"{f}_{l}{rng.randint(70,99)}", f"{f}-{l}"])
    return f"{local}@{rng.choice(DOMAINS)}"
def email_obf(rng, first, last):
    e = email(rng, first, last)
    loc, dom = e.split('@')
    style = rng.randint(0,2)
    if style == 0: return loc.replace('.', ' dot ') + ' at ' + dom.replace('.', ' dot ')
    if style == 1: return f"{loc} [at] {dom.replace('.', ' [dot] ')}"
    return f"{loc}(at){dom}"
def username(rng, first, last):
    f = ascii_fold(first).replace(' ','').replace("'",''); l = ascii_fold(last).replace(' ','').replace("'",'')
    return rng.choice([f"{f}_{l[:1]}{rng.randint(1,99)}", f"{f[0]}{l}{rng.randint(1,9)}", f"{l}{f[:2]}", f"{f}.{l}", f"xX{f}Xx", f"{f}{l}{rng.randint(1980,2005)}", f"{l[:4]}{rng.randint(100,999)}", f"the_real_{f}"])
def url(rng, first, last):
    f = ascii_fold(first).replace(' ',''); l = ascii_fold(last).replace(' ','').replace("'",'')
    return rng.choice([f"https://www.facebook.com/{f}.{l}.{rng.randint(1,99)}", f"https://www.linkedin.com/in/{f}-{l}-{D(rng,'a#a#a#')}",
        f"https://drive.google.com/file/d/{D(rng,'1XaXaX#aXaXaXa#XaXa')}/view?usp=sharing", f"http://{f}{l}.blog/contact",
        f"https://imgur.com/a/{D(rng,'XaXaXa#')}", f"https://www.instagram.com/{f}_{l}/", f"www.{l}-{f}.net",
        f"https://docs.google.com/document/d/{D(rng,'1aXaX#XaXaXa#aX')}/edit", f"https://dropbox.com/s/{D(rng,'aXa#aXa#a')}/receipt.pdf?dl=0"])
def shop_url(rng):
    return rng.choice([f"https://www.example-shop.co.uk/orders/{D(rng,'#######')}", f"https://track.parcelfast.com/?id={D(rng,'AA#########AA')}",
        f"https://help.telconet.ie/account/billing", f"https://my.northwater.co.uk/login", f"www.skyhop-air.com/manage-booking",
        f"https://portal.greenfield-school.org/parents", f"https://booking.citymedclinic.de/termin?ref={D(rng,'XXXXXX')}", f"http://bit.ly/{D(rng,'XaXa#a')}"])
def ip(rng):
    if rng.random() < 0.75:
        return rng.choice([f"{rng.choice([81,86,92,109,151,188,213,78,5,46])}.{rng.randint(0,255)}.{rng.randint(0,255)}.{rng.randint(1,254)}",
                           f"192.168.{rng.randint(0,5)}.{rng.randint(2,254)}", f"10.{rng.randint(0,255)}.{rng.randint(0,255)}.{rng.randint(1,254)}"])
    h = lambda: format(rng.randint(0, 0xffff), 'x')
    return rng.choice([f"2a02:{h()}:{h()}:{h()}::{h()}", f"2001:db8:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}", f"fe80::{h()}:{h()}:{h()}:{h()}"])

# ---------------- dates ----------------
MONTHS = {
 'en':["January","February","March","April","May","June","July","August","September","October","November","December"],
 'de':["Januar","Februar","März","April","Mai","Juni","Juli","August","September","Oktober","November","Dezember"],
 'fr':["janvier","février","mars","avril","mai","juin","juillet","août","septembre","octobre","novembre","décembre"],
 'es':["enero","febrero","marzo","abril","mayo","junio","julio","agosto","septiembre","octubre","noviembre","diciembre"],
 'it':["gennaio","febbraio","marzo","aprile","maggio","giugno","luglio","agosto","settembre","ottobre","novembre","dicembre"],
 'nl':["januari","februari","maart","april","mei","juni","juli","augustus","september","oktober","november","december"],
 'pt':["janeiro","fevereiro","março","abril","maio","junho","julho","agosto","setembro","outubro","novembro","dezembro"],
 'pl':["stycznia","lutego","marca","kwietnia","maja","czerwca","lipca","sierpnia","września","października","listopada","grudnia"],
 'sv':["januari","februari","mars","april","maj","juni","juli","augusti","september","oktober","november","december"],
 'da':["januar","februar","marts","april","maj","juni","juli","august","september","oktober","november","december"],
 'no':["januar","februar","mars","april","mai","juni","juli","august","september","oktober","november","desember"],
 'fi':["tammikuuta","helmikuuta","maaliskuuta","huhtikuuta","toukokuuta","kesäkuuta","heinäkuuta","elokuuta","syyskuuta","lokakuuta","marraskuuta","joulukuuta"],
 'et':["jaanuar","veebruar","märts","aprill","mai","juuni","juuli","august","september","oktoober","november","detsember"],
}
def date(rng, lang, y0, y1, us=False):
    y = rng.randint(y0, y1); m = rng.randint(1, 12); d = rng.randint(1, 28)
    mn = MONTHS.get(lang, MONTHS['en'])[m-1]
    if lang == 'en':
        if us: return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{mn} {d}, {y}", f"{m}/{d}/{str(y)[2:]}"])
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {mn} {y}", f"{y}-{m:02d}-{d:02d}", f"{d} {mn[:3]} {y}", f"{d}th of {mn} {y}" if d in (4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,24,25,26,27,28) else f"{d:02d}.{m:02d}.{y}"])
    if lang in ('de','fi','et','no','da','pl'): return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}. {mn} {y}" if lang in ('de','no','da','fi','et') else f"{d} {mn} {y}", f"{d}.{m}.{y}"])
    if lang in ('sv',): return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{d} {mn} {y}"])
    if lang == 'nl': return rng.choice([f"{d:02d}-{m:02d}-{y}", f"{d} {mn} {y}"])
    if lang in ('es','pt'): return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} de {mn} de {y}"])
    return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {mn} {y}"])

# ---------------- financial ----------------
def luhn_complete(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9: n -= 9
        s += n
    return digits + str((10 - s % 10) % 10)
def card(rng):
    kind = rng.choice(['visa','visa','mc','mc','amex','disc'])
    if kind == 'amex': body = rng.choice(['34','37']) + D(rng, '#'*12); L = 15
    elif kind == 'visa': body = '4' + D(rng, '#'*14); L = 16
    elif kind == 'mc': body = '5' + str(rng.randint(1,5)) + D(rng, '#'*13); L = 16
    else: body = '6011' + D(rng, '#'*11); L = 16
    num = luhn_complete(body) if rng.random() < 0.8 else body + str(rng.randint(0,9))
    sep = rng.choice([' ', ' ', '-', '', '.', '  '])
    if L == 15: groups = [num[:4], num[4:10], num[10:]]
    else: groups = [num[i:i+4] for i in range(0, 16, 4)]
    return sep.join(groups)
def card_last4(rng): return D(rng, '####')
def cvv(rng): return D(rng, rng.choice(['###','###','####']))
def expiry(rng):
    m = rng.randint(1,12); y = rng.randint(25, 31)
    return rng.choice([f"{m:02d}/{y}", f"{m:02d}/20{y}", f"{m:02d}-{y}", f"{m}/{y}", f"{m:02d}{y}"])
IBAN_BBAN = {'GB':'AAAA##############','IE':'AAAA##############','DE':'##################','FR':'#######################',
 'ES':'####################','IT':'A######################','NL':'AAAA##########','BE':'############','PT':'#####################',
 'PL':'########################','SE':'####################','NO':'###########','DK':'##############','FI':'##############','EE':'################'}
def iban(rng, cc=None, spaced=None):
    cc = (cc or rng.choice(list(IBAN_BBAN))).upper()
    if cc not in IBAN_BBAN: cc = 'DE'
    bban = D(rng, IBAN_BBAN[cc])
    if cc in ('GB','IE'): bban = rng.choice(['NWBK','BARC','AIBK','BOFI','MIDL','LOYD']) + bban[4:]
    if cc == 'NL': bban = rng.choice(['ABNA','INGB','RABO','TRIO']) + bban[4:]
    rearr = bban + cc + '00'
    num = ''.join(str(int(c, 36)) for c in rearr)
    chk = 98 - int(num) % 97
    ib = f"{cc}{chk:02d}{bban}"
    if spaced is None: spaced = rng.random() < 0.7
    return ' '.join(ib[i:i+4] for i in range(0, len(ib), 4)) if spaced else ib
def sortcode(rng): return D(rng, rng.choice(['##-##-##','## ## ##','######']))
def acct(rng, cc='gb'):
    pat = {'gb':'########','us':rng.choice(['##########','#########','############']),'ca':'#######','au':'### ###','ie':'########',
           'no':'####.##.#####','dk':'#### ##########','se':'####-## ### ##','pl':'## #### ####','fi':'######-####'}.get(cc, '##########')
    return D(rng, pat)
def routing(rng): return D(rng, '#########')
def bsb(rng): return D(rng, '###-###')
def transit(rng): return D(rng, '#####-###')

# ---------------- ids ----------------
def natid(rng, cc):
    y = rng.randint(40, 99); m = rng.randint(1,12); d = rng.randint(1,28)
    f = {
     'gb': lambda: rng.choice(['JG','NP','SR','WK','AE','TN','PZ']) + D(rng, rng.choice([' ## ## ## ','######'])) + rng.choice('ABCD'),
     'ie': lambda: D(rng, '#######') + rng.choice('ABCDEFGHKTW') + rng.choice(['', 'A', 'W']),
     'us': lambda: D(rng, rng.choice(['###-##-####','### ## ####','#########'])),
     'ca': lambda: D(rng, rng.choice(['### ### ###','###-###-###'])),
     'au': lambda: D(rng, '### ### ###'),
     'de': lambda: D(rng, rng.choice(['## ### ### ###','###########'])),
     'fr': lambda: f"{rng.choice('12')} {y:02d} {m:02d} {D(rng,'## ### ### ##')}",
     'es': lambda: D(rng, '########') + rng.choice('TRWAGMYFPDXBNJZSQVHLCKE'),
     'it': lambda: D(rng, 'AAAAAA##A##A###A'),
     'nl': lambda: D(rng, rng.choice(['#########','####.##.###'])),
     'be': lambda: f"{y:02d}.{m:02d}.{d:02d}-{D(rng,'###.##')}",
     'pt': lambda: D(rng, rng.choice(['### ### ###','#########'])),
     'pl': lambda: f"{y:02d}{m:02d}{d:02d}{D(rng,'#####')}",
     'se': lambda: f"{rng.choice(['19',''])}{y:02d}{m:02d}{d:02d}-{D(rng,'####')}",
     'no': lambda: f"{d:02d}{m:02d}{y:02d}{rng.choice([' ',''])}{D(rng,'#####')}",
     'dk': lambda: f"{d:02d}{m:02d}{y:02d}-{D(rng,'####')}",
     'fi': lambda: f"{d:02d}{m:02d}{y:02d}-{D(rng,'###')}{rng.choice('0123456789ABCDEFHJKLMNPRSTUVWXY')}",
     'ee': lambda: f"{rng.choice('3456')}{y:02d}{m:02d}{d:02d}{D(rng,'####')}",
    }[cc]
    return f()
def passport(rng, cc):
    pat = {'gb':'#########','ie':'AA#######','us':rng.choice(['#########','A########']),'ca':'AA######','au':'A#######',
           'de':'CXXXXXXXX','fr':'##AA#####','es':'AAA######','it':'AA#######','nl':'AAXXXXXX#','be':'AA######',
           'pt':'A######','pl':'AA#######','se':'########','no':'########','dk':'#########','fi':'AA#######','ee':'K#######'}[cc]
    return D(rng, pat)
def dl(rng, cc, first='JOHN', last='SMITH'):
    if cc == 'gb':
        l = (ascii_fold(last).replace(' ','').replace("'",'').upper() + '99999')[:5]
        return l + D(rng, '######') + (ascii_fold(first)[:1].upper() or 'X') + D(rng, 'A#AA')
    pat = {'ie':'### ### ###','us':rng.choice(['A###-####-####','A#######','########','A### ### ### ###']),'ca':'A####-#####-#####',
           'au':rng.choice(['#########','########']),'de':'A###XXX#A##','fr':'## AA #####','es':'########A','it':'AA#######A',
           'nl':'##########','be':'##########','pt':'AA-######','pl':'#####/##/####','se':'######-####','no':'### ### ### #',
           'dk':'########','fi':'######-###A','ee':'AA######'}[cc]
    return D(rng, pat)

# ---------------- credentials ----------------
WORDS = ['tulip','Marmalade','snowdrop','Biscuit','kangaroo','Lighthouse','pumpkin','Zeppelin','hedgehog','Saffron','rhubarb','Oktober',
 'Gänseblümchen','mariposa','girasole','fjellet','kukka','päikseline','Cheddar','Bluebell']
PETS = ['Whiskers','Rex','Biscuit','Mr Fluffy','Bella','Pippin','Nala','Rocky','Mimi','Fido','Luna','Kasper']
def password(rng):
    w = rng.choice(WORDS)
    return rng.choice([f"{w}{rng.randint(1,99)}!", f"{w.capitalize()}_{rng.randint(1970,2024)}", D(rng,'aXaX#a#Xa!'), f"{w}{w[:2].upper()}#{rng.randint(10,99)}",
                       f"P@ss{rng.randint(100,9999)}", f"{w.lower()}123", f"I<3{w}"])
def pin(rng): return D(rng, rng.choice(['####','####','######']))
def otp(rng): return D(rng, rng.choice(['######','### ###','####']))
def answer(rng): return rng.choice(PETS + ['Ferguson','Springfield Primary','Bournemouth','Toyota Corolla','blue','Kowalczyk','St. Mary\'s'])
def memword(rng): return rng.choice(WORDS)

# ---------------- non-PII ----------------
def order(rng): return D(rng, rng.choice(['#######','A-######','ORD-#####-AA','##-####-###','W#########']))
def ticket(rng): return D(rng, rng.choice(['INC#######','CS-#####','#######','TKT-####-###','REQ######']))
def invoice(rng): return D(rng, rng.choice(['INV-####-#####','####/##/###','F######']))
def tracking(rng): return D(rng, rng.choice(['1Z###AA########','JJD00############','AA#########GB','##############']))
def booking(rng): return D(rng, 'XXXXXX').replace('0','Q')
def sku(rng): return D(rng, rng.choice(['SKU-####-AA','AA-####','###-####-A','MODEL AA###X']))
def flight(rng): return D(rng, rng.choice(['BA ####','FR ####','EI ###','LH ###','SK ####','KL ####','AY ###','DY ####']))
def price(rng, cur='£'):
    a = rng.randint(3, 900) + rng.choice([0, 0.99, 0.5, 0.49, 0.95])
    if cur in ('£','$','A$','C$'): return f"{cur}{a:.2f}"
    if cur == '€': return rng.choice([f"€{a:.2f}", f"{a:.2f} €".replace('.', ','), f"EUR {a:.2f}"])
    return f"{a:.2f} {cur}".replace('.', ',')
def meter(rng): return D(rng, rng.choice(['0#####','#####','## ###']))
def sometime(rng): return f"{rng.randint(7,20)}:{rng.choice(['00','15','30','45'])}"

G = sys.modules[__name__]

# ======================= hand-written message shapes =======================
T = []
def t(text, cc=None, nopii=False): T.append(('en', text, cc, nopii))
# Hand-written English message shapes (part 1). Token syntax: {LABEL gen [arg]}, {- gen [arg]} = unlabelled value, {@ macro [arg]} = multi-span macro.
def t(text, cc=None, nopii=False): T.append(('en', text, cc, nopii))

t("""Hi there,

I ordered a pair of trail runners (order {- order}) on {- date} and they still haven't arrived. Tracking says "label created" for a week now.
Could you check? Delivery address is:

{@ addr}

Thanks,
{PERSON name}""")

t("""hey my card got charged twice for the same thing?? {- price} x2 on my statement. card is {CARD card} exp {CARD_SECURITY exp}. pls refund one of them asap""")

t("""Dear Sir/Madam,

I am writing to request a copy of my tenancy agreement for {ADDRESS street}, {ADDRESS city}. My name is {PERSON name} and I moved in on {- date}.
You can reach me on {PHONE phone} during office hours.

Yours faithfully,
{PERSON name}""")

t("""Name: {PERSON name}
Email: {EMAIL email}
Phone: {PHONE phone}
Subject: Cannot log in
Message: I reset my password twice and the link keeps expiring. My username is {USERNAME user}.""")

t("""Hello, I need to update my date of birth on file, it was entered wrong. Correct DOB is {DATE_OF_BIRTH dob}. Account holder {PERSON lf}.""")

t("""[10:42] Customer: hi, is anyone there
[10:42] Agent Priya: Hello! How can I help today?
[10:43] Customer: my broadband has been dropping every evening since {- date}
[10:43] Agent Priya: Sorry to hear that. Can I take the account holder's name and postcode?
[10:44] Customer: {PERSON name}, {POSTCODE pc}
[10:45] Agent Priya: Thanks. I can see a fault on the line, I'll book an engineer.""", cc='gb')

t("""Hi, I'm trying to set up a direct debit for my water bill. Sort code {BANK_ACCOUNT sort} account number {BANK_ACCOUNT acct gb}. Account name {PERSON init}. Customer ref {- order}.""", cc='gb')

t("""To whom it may concern,

Please find below my details for the refund of booking {- book} (flight {- flight}, cancelled):

IBAN: {IBAN iban}
Account holder: {PERSON name}
Address: {@ addr1}

Kind regards""")

t("""Good morning,

My son {PERSON first2} {PERSON last} (Year 8) will be absent from {- date} for a hospital appointment. If you need to reach me, my mobile is {PHONE phone}.

Many thanks,
{PERSON name}""")

t("""i think someone hacked my account, they changed the email to {EMAIL email2} which is NOT me. my login is {USERNAME user}. i saw a login from {IP_ADDRESS ip} that wasnt me either""")

t("""Hello,
The parcel was delivered to the wrong house. It was left at number 14 but I live at {ADDRESS street}. Tracking {- track}.
{PERSON first}""")

t("""Ticket #{- ticket}
Priority: High
Requester: {PERSON name} <{EMAIL email}>
Description: Customer called in, verified with DOB {DATE_OF_BIRTH dob} and postcode {POSTCODE pc}. Wants to close account and transfer balance.""")

t("""Dear Practice Manager,

I would like to book a follow-up appointment for my mother, Mrs {PERSON name2}, born {DATE_OF_BIRTH dob}. Her NHS number is on the referral letter. Please call me back at {PHONE phone}.

Best,
{PERSON name}""", cc='gb')

t("""Hi — quick one. Your app is asking me for a one-time code but the SMS says {CREDENTIAL otp}, and when I type it in it says invalid. Phone number on the account is {PHONE phone}.""")

t("""Hello

I need to change the name on my airline ticket, booking ref {- book}. The passenger is {PERSON name}, passport number {PASSPORT pass}, the surname was spelled wrong on the booking.

Thank you""")

t("""Re: Your recent claim

> Please confirm your bank details so we can process the payment.

Routing number {BANK_ACCOUNT routing}, account {BANK_ACCOUNT acct us}. Name on account {PERSON name}.

-- 
{PERSON name}
{PHONE phone}""", cc='us')

t("""Hi, I'm renting a car from you next week and the form asks for my licence. It's {DRIVER_LICENSE dl}, issued in {ADDRESS country}. Is that enough or do I need an international permit?
{PERSON first}""")

t("""Order {- order} — wrong size sent (got M instead of L). Product code {- sku}. I'd like an exchange rather than refund please. Price was {- price}.""", nopii=True)

t("""Hello,

Your website keeps timing out on the checkout page when I pay. I tried 3 times on {- date} around {- time}. Am I being charged each time? Order reference is {- order}.

Regards""", nopii=True)

t("""Dear team, my SSN was entered incorrectly on my tax form. It should read {NATIONAL_ID nid us}. Please correct it before {- date}. {PERSON name}, {ADDRESS city}, {ADDRESS region}""", cc='us')

t("""From: {PERSON name} <{EMAIL email}>
Sent: {- date}
To: Customer Services
Subject: Complaint re. bill {- inv}

I have been billed {- price} for a month when I was on holiday and the property was empty. Please review.

{PERSON name}
{@ addr}
Tel: {PHONE phone}""")

t("""hiya, forgot my memorable word lol. i think its {CREDENTIAL mem} or something like that?? account name {PERSON name_lc}""")

t("""Hi,

Could you please remove my old address from my profile? I've moved from {ADDRESS street} to {@ addr1}. New mobile: {PHONE phone}.

Thanks so much,
{PERSON first}""")

t("""Support chat transcript
-----------------------
Visitor (IP {IP_ADDRESS ip}): hello i need help with an invoice
Bot: Sure! Please give me your account email.
Visitor: {EMAIL email}
Bot: Thanks {PERSON first}, connecting you to an agent...""")

t("""Hi team,

The security question on my account is "name of your first pet" and the answer is {CREDENTIAL ans} but it's not accepting it. Could you reset it? Card ending {- last4}.

Cheers,
{PERSON name}""")

t("""I'd like to dispute a transaction of {- price} on {- date}. My card number is {CARD card}, security code {CARD_SECURITY cvv}. I never made this purchase. Merchant was "QuickGadgetz".""")

t("""Dear Admissions,

Please find attached the application form for {PERSON name2}, date of birth {DATE_OF_BIRTH dob}. Our home address is {@ addr1}.

Parent/guardian: {PERSON name}
Contact: {PHONE phone} / {EMAIL email}""")

t("""Hello, my electricity meter reading for {- date} is {- meter}. Account number {- order}. Thanks.""", nopii=True)

t("""hi, can you resend the confirmation for order {- order}? i never got the email. it was 2 x {- sku} at {- price} each""", nopii=True)

t("""Good afternoon,

I'm writing on behalf of my elderly father {PERSON name2}. He received a letter asking for his National Insurance number: {NATIONAL_ID nid gb}. Is this letter genuine? He lives at {@ addr}.

Regards,
{PERSON name}
{PHONE phone}""", cc='gb')

t("""Subject: PPS number for payroll
Hi HR,
My PPS number is {NATIONAL_ID nid ie}. Start date is {- date}. My bank IBAN is {IBAN iban ie}.
Thanks, {PERSON first}""", cc='ie')

t("""Customer: {PERSON lf}
DOB: {DATE_OF_BIRTH dob}
Passport: {PASSPORT pass}
Nationality: {ADDRESS country}
Reason for contact: upgrade to premium economy on {- flight}""")

t("""Hello, I rent the flat at {ADDRESS street} and the boiler broke down on {- date}. No hot water for 3 days now. Please send someone. I'm home after 5pm, number is {PHONE phone}.

{PERSON name}
Flat tenant""")

t("""Hi! I'm locked out of the portal. Username {USERNAME user}, and I tried {CREDENTIAL pw} which I'm sure is right. Can you unlock please?""")

t("""Dear Sir or Madam,

I am contacting you regarding my insurance claim {- ticket}. The incident happened on {- date} on the M6. The other driver's details: {PERSON name2}, licence {DRIVER_LICENSE dl}, mobile {PHONE phone}.

My details are on file.
{PERSON name}""", cc='gb')

t("""sent from my iphone

> On {- date}, Support wrote:
> Could you share the URL of the listing?

its this one {URL url}. the seller {USERNAME user2} never sent the item""")

t("""Hello,

I changed banks. New details:
Account name: {PERSON name}
BSB: {BANK_ACCOUNT bsb}
Account no: {BANK_ACCOUNT acct au}

Please update before the next billing date ({- date}).""", cc='au')

t("""Hi. The tax file number on my super account is wrong. It should be {NATIONAL_ID nid au}. Member {PERSON name}, {@ addr1}.""", cc='au')

t("""Hey guys, your delivery driver left my package in the rain 😡 {ADDRESS street}, {ADDRESS city}. Order {- order}. Photo here: {URL url}""")

t("""Hi,

Just confirming our appointment on {- date} at {- time} for the annual service of the boiler. Job ref {- ticket}. Let me know if the time changes.

Thanks""", nopii=True)

t("""Hello, I want to cancel my gym membership. Membership no. {- order}. My name's {PERSON name} and my email is {EMAIL email_obf}.""")

t("""To: Accounts team
Hi, I've paid the deposit to the account you gave me:
{IBAN iban}
Reference: {- inv}
Could you confirm receipt? {PERSON name}, {PHONE phone}""")

t("""Dear Clinic,

Re: patient {PERSON name}, DOB {DATE_OF_BIRTH dob}

Please could you forward the blood test results from {- date} to my new GP. My address has changed to:
{@ addrc}

Many thanks""")

t("""ok so i'm trying to pay and it says card declined. card {CARD card} exp {CARD_SECURITY exp} cvc {CARD_SECURITY cvv}. billing postcode {POSTCODE pc}. what's wrong??""")

t("""Good evening,

Our router keeps rebooting. Public IP is {IP_ADDRESS ip}, the router admin page shows "WAN down". Account holder {PERSON name}, contact {PHONE phone}.""")

t("""FAO Billing dept

Account: {- order}
Contact: {PERSON init}
Invoice {- inv} for {- price} appears to be a duplicate of {- inv}. Please credit.""")

t("""Hi,
Can you please send the invoice to my work address instead:
{PERSON name}
c/o Brightwater Logistics Ltd
{@ addr}
Thank you""")

t("""hey its {PERSON first_lc} again. the code u sent was {CREDENTIAL otp} but it expired b4 i could use it. can u send another to {PHONE phone}""")

t("""Hello,

I have been a customer since 2011 and I'm very disappointed. My card {CARD card} was blocked while abroad even though I notified you. I had to borrow money. I want an explanation.

{PERSON name}
{ADDRESS city}, {ADDRESS country}""")

t("""Issue: Unable to add passport details to booking {- book}
Passenger 1: {PERSON name}, passport {PASSPORT pass}, expires {- date}
Passenger 2: {PERSON name2}, passport {PASSPORT pass}
Error: "Document number invalid" """)

t("""Hi, what time does your store on the high street close on Sundays? And do you still stock {- sku}? Thanks""", nopii=True)

t("""Dear Customer Service,

I received a text from {PHONE phone} claiming to be from your bank, asking for my PIN. I did NOT give it. Just reporting it. My account is in the name of {PERSON name}.""")

t("""Please update my contact details:
Old phone: {PHONE phone}
New phone: {PHONE phone}
Email: {EMAIL email}
Thanks - {PERSON init}""")

t("""Hi there, I'm a new starter and HR asked for my SIN for payroll: {NATIONAL_ID nid ca}. Also my direct deposit: transit/institution {BANK_ACCOUNT transit}, account {BANK_ACCOUNT acct ca}. {PERSON name}""", cc='ca')

t("""My driving licence number is {DRIVER_LICENSE dl} and it's showing as invalid on your booking page. DOB {DATE_OF_BIRTH dob}. Please fix it, I pick up the car on {- date}.""")

t("""Hello

My daughter {PERSON first2} has a nut allergy, please make sure the school canteen is aware. Her class is 4B. Emergency contact: {PERSON name}, {PHONE phone}.

Thank you""")

t("""URGENT: I think I gave my password ({CREDENTIAL pw}) to a phishing site that looked like yours: {URL url}. Please lock my account. Username {USERNAME user}.""")

t("""Hi, refund for return {- order} hasn't come through. It's been 14 days. Amount {- price}. Please advise.""", nopii=True)

t("""Good morning,

I would like to register my new address for the electoral roll / council tax:

{PERSON name}
{@ addr}

Moving date {- date}. Previous address {ADDRESS street}, {ADDRESS city}.""", cc='gb')

t("""Dear Bank,

Please set up a standing order of {- price} monthly to:
Name: {PERSON name2}
IBAN: {IBAN iban}
Starting {- date}.

From my account ending {- last4}.
{PERSON name}""")

# Hand-written English message shapes (part 2).
t("""Case notes (pasted from CRM)
- caller: {PERSON lf}
- verified: yes (DOB {DATE_OF_BIRTH dob}, last 4 of card {- last4})
- callback no.: {PHONE phone_x}
- issue: roaming charges {- price} on {- date}
- action: goodwill credit applied""")

t("""Hello, could I get a quote to move my phone + broadband to {@ addr1}? Current account {- order}. Cheers {PERSON first}""")

t("""Hi,
Your engineer {PERSON name2} was really helpful today, please pass on my thanks. Ticket {- ticket}.
{PERSON name}""")

t("""Dear Sirs,

We are the new tenants at {ADDRESS street}. The previous tenant ({PERSON name2}) still receives post here. Could you update your records? We moved in {- date}.

{PERSON name} & {PERSON first2}""")

t("""hi i need to change my pin, the old one {CREDENTIAL pin} doesnt feel safe anymore since my wallet got stolen. also my licence {DRIVER_LICENSE dl} was in it""")

t("""Subject: Password reset not working
Body:
I requested a reset for {EMAIL email} at {- time}. No email arrived (checked spam). Browser Chrome, IP {IP_ADDRESS ip}.
Sent from Outlook for Android""")

t("""Hello, this is {PERSON name} from {ADDRESS city}. My mobile {PHONE phone} has had no signal since the storm on {- date}. Other people on my street have the same problem.""")

t("""Reply-To: {EMAIL email}

Thanks for getting back to me. As requested, my customer number is {- order} and the address on the account is {@ addr1}.

Best wishes
{PERSON name}""")

t("""Hi there

My husband and I have a joint account. Please add him as an authorised user:
Full name: {PERSON name2}
Date of birth: {DATE_OF_BIRTH dob}
Social Security Number: {NATIONAL_ID nid us}
Address: same as mine

Thanks,
{PERSON name}""", cc='us')

t("""Dear Support,

I cannot log in with my username {USERNAME user}. I get "too many attempts". My last successful login was from {IP_ADDRESS ip} on {- date}.""")

t("""Hello! Could you tell me if the {- sku} will be back in stock before Christmas? Also do you deliver to the Channel Islands? Thanks!""", nopii=True)

t("""Delivery instructions: please leave with neighbour at {ADDRESS street} if no one home. Call {PHONE phone} on arrival. Gate code {CREDENTIAL pin}.""")

t("""The Manager
{- date}

Dear Manager,

I, {PERSON name}, holder of passport no. {PASSPORT pass}, wish to formally complain about the treatment I received at your check-in desk. I was travelling on {- flight} with my two children.

Yours sincerely,
{PERSON name}""")

t("""Hi so my kid {PERSON first2_lc} signed up for a game account using my card {CARD card} without asking 🙃 can u cancel the subscription, its {- price}/month""")

t("""Name on card: {PERSON name_uc}
Card number: {CARD card}
Expiry: {CARD_SECURITY exp}
CVV: {CARD_SECURITY cvv}
Amount: {- price}
Please process the deposit for booking {- book}.""")

t("""Hello,

Just a heads-up, the link in your newsletter ({URL surl}) is broken. Thought you'd want to know.

Cheers""")

t("""Dear Landlord,

As discussed on the phone, the rent for {- date} will be paid late. I have transferred {- price} from my account (sort code {BANK_ACCOUNT sort}, account {BANK_ACCOUNT acct gb}) and the rest will follow on Friday.

Sorry for the trouble,
{PERSON name}
{ADDRESS street}""", cc='gb')

t("""yo, what's the wifi password at your cafe by the station? the one on the board doesn't work. also do u do oat milk flat whites, last time it was {- price}""", nopii=True)

t("""Hi, please find my details for the school trip consent form:
Student: {PERSON lf2}
DOB: {DATE_OF_BIRTH dob}
Parent: {PERSON name}
Phone: {PHONE phone}
Email: {EMAIL email}
Medical: asthma (inhaler)""")

t("""To the support team,

I have been trying to pay my invoice {- inv} online at {URL surl} but the page rejects my card ({CARD card}). Could I pay by bank transfer instead? If so, please send me your IBAN.

Thanks,
{PERSON name}""")

t("""Hi, I believe I was overcharged. My plan is {- price}/month but the last bill was {- price}. Account {- order}. No need to call, email is fine.""", nopii=True)

t("""Hello,

The credit check failed because my address history is wrong. Between 2019 and 2022 I lived at:
{@ addrc}
and since then at:
{@ addr}

{PERSON name}
Born {DATE_OF_BIRTH dob}""")

t("""Chat log
{PERSON first}: hi my order hasn't arrived
Agent: Hi {PERSON first}, could you confirm your email?
{PERSON first}: {EMAIL email}
Agent: Thanks. I see order {- order} is delayed at the depot.
{PERSON first}: ugh ok""")

t("""hello, my account got locked. i entered the pin {CREDENTIAL pin} 3 times. can u unlock it. my phone number {PHONE phone} thx""")

t("""Dear Airline,

My suitcase was lost on flight {- flight} on {- date}. File reference {- ticket}. Please deliver it to my hotel:
Hotel Miramar, {@ addr1}
Contact: {PERSON name}, {PHONE phone}""")

t("""Greetings,

I am interested in the 2-bed flat listed at {URL surl}. I'm a nurse at the local hospital and can provide references. Best number to reach me is {PHONE phone}.

{PERSON name}""")

t("""Hello,
The driver license scan you requested: {DRIVER_LICENSE dl}, issued {- date}, expires {- date}. Name {PERSON name}, address on licence {@ addr1}.""")

t("""My national insurance number is {NATIONAL_ID nid gb} — I'm not sure why your form says it's invalid, I've copied it from my payslip. {PERSON init}""", cc='gb')

t("""Hi team! Loving the new app. One bug though: when I tap "profile" it shows someone else's name ({PERSON name2}) and their email {EMAIL email2}. That seems bad? My account is {USERNAME user}.""")

t("""Subject: Re: Re: Refund
> > We are unable to process refunds to closed cards.
> Then please send it to my new card.
New card {CARD card}, exp {CARD_SECURITY exp}. Surely that's not hard.
- {PERSON first}""")

t("""Good afternoon,

Our office fax number has changed to {PHONE phone}. Please update for all invoices to {PERSON name}, Accounts Payable.

Regards""")

t("""Dear Customer Services, I am disabled and need a ground floor seat on {- flight}. Passenger {PERSON name}, passport {PASSPORT pass}, date of birth {DATE_OF_BIRTH dob}. Thank you for your help.""")

t("""Hi, quick question: what's the difference between your Basic and Plus plans? Basic is {- price} and Plus {- price}, is it just the data? Thanks""", nopii=True)

t("""To: support
I'm the admin for our small business account. Please add a new user:
Name: {PERSON name2}
Login: {USERNAME user2}
Temp password: {CREDENTIAL pw}
Thanks, {PERSON name}""")

t("""hi im moving out on {- date}. new address will be {ADDRESS street} {ADDRESS city} {POSTCODE pc}. pls send final bill there""")

t("""Dear Sir,
I refer to your letter of {- date} about arrears on {ADDRESS street}. I have set up a payment plan by phone with {PERSON name2} and paid {- price} today. Reference {- inv}.
{PERSON name}""")

t("""ticket {- ticket} | status: open | assignee: L2
cust says vpn drops; logs show client {IP_ADDRESS ip} -> gw {IP_ADDRESS ip}. user {USERNAME user}. pls check mtu""")

t("""Hi, I ordered a gift for my mum to be delivered to her house:
{PERSON name2}
{@ addr}
but the website changed it to my address. Order {- order}. Can you fix it before dispatch?""")

t("""My security answer is {CREDENTIAL ans} (mother's maiden name). Please stop asking me for it every time I call, it's on file!! {PERSON name}""")

t("""Hello,

My tax ID / SSN on the 1099 is wrong. Correct: {NATIONAL_ID nid us}. Mailing address: {@ addr}.

Thank you,
{PERSON name}
{PHONE phone_x}""", cc='us')

t("""Hi, can I change the delivery slot for order {- order} from {- date} to the following Monday, same time ({- time})? Thanks a lot.""", nopii=True)

t("""Good day,

Kindly find my banking information for the salary payment:
Beneficiary: {PERSON name}
IBAN: {IBAN iban}
Bank: Sparkasse
Address: {@ addr1}

Best regards""")

t("""i signed up with {EMAIL email_obf} but i think i typo'd it, can u change it to {EMAIL email}? thx {PERSON first_lc}""")

t("""Dear School Office,

{PERSON name2} will be collected today by her grandmother, {PERSON name3}, instead of me. Her phone is {PHONE phone} if needed.

Regards,
{PERSON name}""")

t("""Hi. Got a text saying "your parcel is held, pay {- price} at {URL url}". Is this from you? My number is {PHONE phone}.""")

t("""Customer reported fraudulent withdrawals. Card {CARD card}. Last genuine transaction {- date}. Customer DOB {DATE_OF_BIRTH dob}, postcode {POSTCODE pc}. Card blocked, replacement ordered to address on file.""")

t("""Hello,

I'm a student at your university and my login {USERNAME user} doesn't work on the library portal. Student number is {- order}. I've tried resetting the password to {CREDENTIAL pw} and it says "password does not meet requirements".

{PERSON name}""")

t("""Please do not contact me on {PHONE phone} anymore, I have asked three times. Use {EMAIL email} only. {PERSON name}""")

t("""Hello, my electricity supplier switch failed. MPAN on the bill, address {@ addr1}. Account holder {PERSON lf}. Can you tell me why?""")

t("""Dear Hotel,

We're arriving late (around 23:00) on {- date}. Booking {- book}, guests {PERSON name} and {PERSON name2}. Card on file ending {- last4}. Please hold the room.

Thanks!""")

t("""hi, the app says "verify identity" and wants my passport. number is {PASSPORT pass}. do i also need to upload a photo? this is for {USERNAME user}""")

t("""Sender: {PERSON name}
Recipient: {PERSON name2}
Recipient address: {@ addrc}
Recipient phone: {PHONE phone}
Contents: books, value {- price}
Tracking {- track}""")

t("""Hi there,

Can you please confirm the opening hours for your clinic over the bank holiday weekend? We've got an appointment booked for {- date}. Ref {- book}.

Thanks""", nopii=True)

t("""Good morning,

I'm writing to appeal a parking fine (PCN {- ticket}) issued on {- date}. I have a valid permit for {ADDRESS street}. Vehicle registered to {PERSON name}, driving licence {DRIVER_LICENSE dl}.

Regards""", cc='gb')

t("""Hello - I'm locked out. My IP {IP_ADDRESS ip} seems to be blocked by your firewall after I mistyped my password. Account email {EMAIL email}. Please whitelist.""")

t("""Dear Sir/Madam, please cancel my direct debit. Account holder: {PERSON name}. Bank account no. {BANK_ACCOUNT acct}. Reason: moved abroad to {ADDRESS country}.""")

t("""Hey, I pre-ordered the {- sku} on launch day and was told it'd ship by {- date}. Order {- order}. Any update? Not happy.""", nopii=True)

t("""Hi, I'm {PERSON name}, one of the parents in 3C. My profile pic on the school app links to {URL url} — could you remove it, it was uploaded by mistake. Thanks.""")

t("""Reminder from customer: "please call back {PERSON first} on {PHONE phone_x} between 2 and 4, re: kitchen leak at {ADDRESS street}". Logged by reception {- date}.""")

t("""Hello,

Here are the details for the card I want to add to my wallet:
{CARD card}
{CARD_SECURITY exp}
{CARD_SECURITY cvv}
{PERSON name_uc}

It keeps failing verification. Thanks.""")

t("""Dear support,
My user ID is {USERNAME user} and memorable word is {CREDENTIAL mem}. I only need characters 2, 5 and 7 but the site asks me for the whole word. Is this a phishing page? The URL was {URL url}.""")

t("""FWD: complaint

---------- Forwarded message ---------
From: {PERSON name2} <{EMAIL email2}>
Date: {- date}

The contractor left rubbish outside {ADDRESS street}, {ADDRESS city}. Please arrange collection.
----------
Can someone from facilities deal with this? - {PERSON first}""")

t("""hi! my new mobile number is {PHONE phone}, old one was {PHONE phone}. also my postcode changed to {POSTCODE pc}. ta""")

t("""Hello,
The name on my account is misspelled. It is "{PERSON name}" not "{PERSON typo}". Please correct it — my bank is refusing the payment because of the mismatch. IBAN {IBAN iban}.""")

t("""Patient registration form
Surname: {PERSON last}
Forename(s): {PERSON first}
Date of birth: {DATE_OF_BIRTH dob}
Address: {@ addr1}
Tel (home): {PHONE phone}
Tel (mobile): {PHONE phone}
Previous GP: Dr {PERSON name2}""")

t("""Greetings from {ADDRESS city}! I was charged in USD instead of GBP for order {- order}. My card is {CARD card}. Please refund the conversion fee of {- price}.""")

t("""Hi,

I'd like to request all personal data you hold on me under GDPR (subject access request).
Name: {PERSON name}
Email(s) used: {EMAIL email}, {EMAIL email2}
Customer number: {- order}
Previous addresses: {ADDRESS street}, {ADDRESS city}

Thanks""")

t("""Can you help — I can't remember which email I used. It's either {EMAIL email} or {EMAIL email_obf}. My name is {PERSON name} and DOB is {DATE_OF_BIRTH dob}.""")

t("""Hey, new tenant here at {@ addr1}. The landlord said the internet was already set up but the router login (admin / {CREDENTIAL pw}) doesn't work. Account might still be under {PERSON name2}.""")

t("""Hello, your courier asked me for an ID number when delivering. I gave my passport number {PASSPORT pass} but now I'm worried. Is that normal? Order {- order}.""")

t("""Hello,

Just to let you know that the invoice you sent (No. {- inv}, {- price}) has been paid today by bank transfer. Please mark it as settled.

Best regards""", nopii=True)

t("""Dear Madam, Sir,

Regarding claim {- ticket}: the vehicle was driven by my son, {PERSON name2}, licence number {DRIVER_LICENSE dl}, DOB {DATE_OF_BIRTH dob}. He has been added as a named driver since {- date}.

{PERSON name}""")

t("""pls cancel my account asap. {EMAIL email}. user {USERNAME user}. dont want the emails anymore""")

t("""Hello, the IP address assigned to my static line changed from {IP_ADDRESS ip} to {IP_ADDRESS ip} without notice and broke my mail server. Contract {- order}. Contact {PERSON name}, {PHONE phone}.""")

# Hand-written non-English message shapes.
def x(lang, text, nopii=False): T.append((lang, text, None, nopii))

# German
x('de', """Sehr geehrte Damen und Herren,

meine Bestellung {- order} ist leider nicht angekommen. Lieferadresse:
{PERSON name}
{@ addr}

Telefonisch bin ich unter {PHONE phone} erreichbar.

Mit freundlichen Grüßen
{PERSON name}""")
x('de', """Hallo, ich möchte meine Bankverbindung ändern. Neue IBAN: {IBAN iban de}, Kontoinhaber {PERSON lf}. Geburtsdatum {DATE_OF_BIRTH dob}. Danke!""")
x('de', """hi, mein passwort {CREDENTIAL pw} geht nicht mehr und der SMS-code {CREDENTIAL otp} kommt zu spät an. benutzername {USERNAME user}""")
x('de', """Guten Tag, wann wird die Rechnung {- inv} über {- price €} fällig? Ich habe sie am {- date} erhalten. Vielen Dank.""", nopii=True)
x('de', """Betreff: Steuer-ID für Lohnabrechnung
Hallo Frau {PERSON last2}, meine Steuer-ID lautet {NATIONAL_ID nid de}, Führerscheinnummer {DRIVER_LICENSE dl de}. Gruß, {PERSON first}""")
# French
x('fr', """Bonjour,

Je n'ai toujours pas reçu mon colis (commande {- order}). Mon adresse :
{@ addr}
Vous pouvez me joindre au {PHONE phone}.

Cordialement,
{PERSON name}""")
x('fr', """Madame, Monsieur, suite à une fraude, je vous demande de bloquer ma carte {CARD card} (expiration {CARD_SECURITY exp}). Mon numéro de sécurité sociale : {NATIONAL_ID nid fr}. {PERSON lf}""")
x('fr', """slt, j'ai oublié mon mot de passe, l'identifiant c'est {USERNAME user} et mon mail {EMAIL email_obf}. merci""")
x('fr', """Bonjour, pourriez-vous me confirmer le prix de l'article {- sku} ({- price €}) et le délai de livraison ? Merci d'avance.""", nopii=True)
# Spanish
x('es', """Hola, buenos días:

Quiero cambiar la dirección de envío del pedido {- order} a {@ addr1}. Mi teléfono es {PHONE phone}.

Un saludo,
{PERSON name}""")
x('es', """Estimados señores, adjunto mis datos para la devolución: titular {PERSON name}, DNI {NATIONAL_ID nid es}, IBAN {IBAN iban es}. Fecha de nacimiento: {DATE_OF_BIRTH dob}.""")
x('es', """hola!! me han cobrado dos veces {- price €} por el pedido {- order}, me lo podeis revisar? gracias""", nopii=True)
x('es', """Buenas, no puedo entrar en la web. Usuario: {USERNAME user}. Me conecto desde {IP_ADDRESS ip}. Pasaporte para verificar: {PASSPORT pass es}. {PERSON first}""")
# Italian
x('it', """Gentile servizio clienti,

vi scrivo per segnalare un addebito non autorizzato sulla carta {CARD card}. Il mio codice fiscale è {NATIONAL_ID nid it}. Abito in {@ addr1}.

Cordiali saluti,
{PERSON name}""")
x('it', """Buongiorno, sono {PERSON name}, data di nascita {DATE_OF_BIRTH dob}. Vorrei prenotare una visita, il mio cellulare è {PHONE phone}. Grazie""")
x('it', """Salve, l'ordine {- order} risulta consegnato il {- date} ma non l'ho ricevuto. Codice tracking {- track}.""", nopii=True)
x('it', """ciao, la patente che ho inserito ({DRIVER_LICENSE dl it}) risulta non valida, e anche l'email {EMAIL email}. come faccio? {PERSON first_lc}""")
# Dutch
x('nl', """Beste klantenservice,

Mijn internet valt steeds uit. Adres: {@ addr1}. Klantnummer {- order}. Bel me gerust op {PHONE phone}.

Met vriendelijke groet,
{PERSON name}""")
x('nl', """Hoi, kunnen jullie de huur voortaan afschrijven van {IBAN iban nl}? Ten name van {PERSON init}. BSN heb ik al doorgegeven: {NATIONAL_ID nid nl}.""")
x('nl', """Hallo, wanneer wordt mijn bestelling {- order} geleverd? Ik heb {- price €} betaald op {- date}.""", nopii=True)
x('nl', """Geachte heer/mevrouw, mijn paspoortnummer is {PASSPORT pass nl} en mijn geboortedatum {DATE_OF_BIRTH dob}. Graag wijzigen in de boeking {- book}. {PERSON name}""")
# Portuguese
x('pt', """Boa tarde,

A minha encomenda {- order} ainda não chegou. Morada: {@ addr}. Telemóvel: {PHONE phone}.

Obrigada,
{PERSON name}""")
x('pt', """Olá, o meu NIF é {NATIONAL_ID nid pt} e o IBAN para reembolso é {IBAN iban pt}. Nome: {PERSON name}. Data de nascimento {DATE_OF_BIRTH dob}.""")
x('pt', """Bom dia, gostaria de saber se o produto {- sku} ainda está disponível por {- price €}. Obrigado.""", nopii=True)
x('pt', """oi, esqueci a senha. meu usuario é {USERNAME user} e o codigo que recebi foi {CREDENTIAL otp}. email {EMAIL email}""")
# Polish
x('pl', """Dzień dobry,

proszę o zmianę adresu dostawy dla zamówienia {- order} na:
{@ addr}
Tel. {PHONE phone}

Pozdrawiam,
{PERSON name}""")
x('pl', """Witam, mój PESEL to {NATIONAL_ID nid pl}, numer dowodu/paszportu {PASSPORT pass pl}. Proszę o aktualizację danych. {PERSON lf}""")
x('pl', """Dzień dobry, kiedy zostanie zwrócona kwota {- price zł} za zwrot {- order}? Dziękuję.""", nopii=True)
x('pl', """hej, karta {CARD card} nie przechodzi, cvv {CARD_SECURITY cvv}, ważna do {CARD_SECURITY exp}. co jest nie tak? {PERSON first_lc}""")
# Swedish
x('sv', """Hej!

Jag har flyttat till {@ addr1}. Kan ni uppdatera min adress? Personnummer {NATIONAL_ID nid se}.

Mvh
{PERSON name}
{PHONE phone}""")
x('sv', """Hej, mitt lösenord {CREDENTIAL pw} fungerar inte längre. Användarnamn {USERNAME user}, e-post {EMAIL email}.""")
x('sv', """Hej, när kommer min beställning {- order}? Betalade {- price kr} den {- date}.""", nopii=True)
x('sv', """Hej, jag heter {PERSON name} och är född {DATE_OF_BIRTH dob}. Mitt körkortsnummer är {DRIVER_LICENSE dl se}, behöver ni något mer för hyrbilen?""")
# Danish
x('da', """Hej,

Min pakke (ordre {- order}) er ikke kommet frem. Adresse: {@ addr1}. Ring på {PHONE phone}.

Venlig hilsen
{PERSON name}""")
x('da', """Hej, mit CPR-nummer er {NATIONAL_ID nid dk} og kontonummer {BANK_ACCOUNT acct dk}. Navn {PERSON name}. Tak!""")
x('da', """Hej, hvornår åbner jeres butik på lørdag? Og har I stadig varen {- sku} til {- price kr}?""", nopii=True)
x('da', """hej, jeg kan ikke logge ind, min kode {CREDENTIAL pin} virker ikke. brugernavn {USERNAME user}. ip {IP_ADDRESS ip}""")
# Norwegian
x('no', """Hei,

Jeg har fått feil faktura. Navn: {PERSON name}, adresse {@ addr1}, fødselsnummer {NATIONAL_ID nid no}.

Mvh
{PERSON first}""")
x('no', """Hei, kan dere endre kontonummeret mitt til {BANK_ACCOUNT acct no}? Telefon {PHONE phone}. {PERSON name}""")
x('no', """Hei, bestillingen {- order} kom i dag, men varen {- sku} mangler. Kan dere sende den?""", nopii=True)
x('no', """hei, passet mitt {PASSPORT pass no} er utløpt, kan jeg fortsatt fly {- flight} den {- date}? {PERSON first_lc}, født {DATE_OF_BIRTH dob}""")
# Finnish
x('fi', """Hei,

tilaukseni {- order} ei ole vielä saapunut. Osoite: {@ addr}. Puhelin {PHONE phone}.

Ystävällisin terveisin
{PERSON name}""")
x('fi', """Moi, henkilötunnukseni on {NATIONAL_ID nid fi} ja tilinumero {IBAN iban fi}. Nimi {PERSON lf}.""")
x('fi', """Hei, milloin lasku {- inv} ({- price €}) erääntyy? Kiitos.""", nopii=True)
x('fi', """hei, en pääse kirjautumaan. käyttäjätunnus {USERNAME user}, salasana {CREDENTIAL pw}. sähköposti {EMAIL email}""")
# Estonian
x('et', """Tere,

minu tellimus {- order} ei ole kohale jõudnud. Aadress: {@ addr1}. Telefon {PHONE phone}.

Lugupidamisega
{PERSON name}""")
x('et', """Tere, minu isikukood on {NATIONAL_ID nid ee} ja IBAN {IBAN iban ee}. Palun kandke tagasimakse sinna. {PERSON name}""")
x('et', """Tere, kas toode {- sku} on veel laos? Hind oli {- price €}.""", nopii=True)
x('et', """tere, kaart {CARD card} on blokeeritud. sünniaeg {DATE_OF_BIRTH dob}, pass {PASSPORT pass ee}. {PERSON first}""")

# ======================= engine =======================
TOKEN = re.compile(r"\{([A-Z_]+|-|@) ([a-z0-9_]+)(?: ([^}\s]+))?\}")
LANG_CC = {'de': ['de'], 'fr': ['fr', 'fr', 'fr', 'be'], 'es': ['es'], 'it': ['it'], 'nl': ['nl', 'nl', 'nl', 'be'], 'pt': ['pt'],
           'pl': ['pl'], 'sv': ['se'], 'da': ['dk'], 'no': ['no'], 'fi': ['fi'], 'et': ['ee']}
EN_CC = ['gb'] * 22 + ['us'] * 18 + ['ie'] * 10 + ['ca'] * 8 + ['au'] * 8 + \
        ['de', 'fr', 'es', 'it', 'nl', 'be', 'pt', 'pl', 'se', 'no', 'dk', 'fi', 'ee'] * 3
CUR = {'gb': '£', 'us': '$', 'ca': 'C$', 'au': 'A$', 'se': 'kr', 'no': 'kr', 'dk': 'kr', 'pl': 'zł'}
REGION = {'gb': ['Greater Manchester', 'West Yorkshire', 'Kent', 'Scotland'], 'ie': ['Co. Cork', 'Co. Mayo'],
          'de': ['Bayern', 'NRW'], 'fr': ['Île-de-France', 'Bretagne'], 'es': ['Andalucía', 'Cataluña'],
          'nl': ['Noord-Holland', 'Utrecht'], 'be': ['Vlaams-Brabant', 'Hainaut'], 'pt': ['Algarve'], 'pl': ['Mazowieckie'],
          'se': ['Skåne'], 'no': ['Vestland'], 'dk': ['Midtjylland'], 'fi': ['Uusimaa'], 'ee': ['Harjumaa']}
DATE_LANG = {'sv': 'sv', 'da': 'da', 'no': 'no', 'et': 'et'}

def person(rng, culture):
    fn, ln = G.NAMES[culture]
    return rng.choice(fn), rng.choice(ln)

def make_ctx(rng, lang, cc_forced):
    cc = cc_forced or (rng.choice(EN_CC) if lang == 'en' else rng.choice(LANG_CC[lang]))
    def cult():
        if lang != 'en':
            return cc if rng.random() < 0.85 else rng.choice(G.MIX)
        return cc if rng.random() < 0.45 else rng.choice(G.MIX)
    return {'lang': lang, 'cc': cc, 'p': [person(rng, cult()) for _ in range(3)]}

def typo(rng, s):
    i = rng.randrange(1, len(s) - 2) if len(s) > 4 else 1
    if s[i].isalpha() and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + s[i] + s[i:]

def value(rng, ctx, g, arg):
    """returns string, or list of (text,label) segments for macros"""
    case = None
    for suf in ('_lc', '_uc'):
        if g.endswith(suf):
            case, g = suf, g[:-3]
    idx = 0
    m = re.match(r"^([a-z_]+?)([23])$", g)
    if m and m.group(1) in ('name', 'first', 'last', 'lf', 'email', 'user'):
        g, idx = m.group(1), int(m.group(2)) - 1
    cc = arg if arg and arg in G.STREETS else ctx['cc']
    lang = ctx['lang']
    f, l = ctx['p'][idx]
    if g == 'name': v = f"{f} {l}"
    elif g == 'first': v = f
    elif g == 'last': v = l
    elif g == 'lf': v = f"{l}, {f}"
    elif g == 'init': v = rng.choice([f"{f[0]}. {l}", f"{f[0]}.{rng.choice('ABCDEJMR')}. {l}", f"{f} {l[0]}.", f"{f[0]} {l}"])
    elif g == 'typo': v = typo(rng, f"{f} {l}")
    elif g == 'email': v = G.email(rng, f, l)
    elif g == 'email_obf': v = G.email_obf(rng, f, l)
    elif g == 'user': v = G.username(rng, f, l)
    elif g == 'url': v = G.url(rng, f, l)
    elif g == 'surl': v = G.shop_url(rng)
    elif g == 'phone': v = G.phone(rng, cc)
    elif g == 'phone_x': v = G.phone(rng, cc, ext=True)
    elif g == 'addr': return G.address_parts(rng, cc)
    elif g == 'addr1': return G.address_parts(rng, cc, oneline=True, country=rng.random() < 0.2, local_country=lang != 'en')
    elif g == 'addrc': return G.address_parts(rng, cc, country=True, local_country=lang != 'en')
    elif g == 'street': v = G.street(rng, cc)
    elif g == 'city':
        c = G.city(rng, cc); v = c[0] if isinstance(c, tuple) else c
    elif g == 'region':
        c = G.city(rng, cc); v = c[1] if isinstance(c, tuple) else rng.choice(REGION[cc])
    elif g == 'pc': v = G.postcode(rng, cc)
    elif g == 'country': v = G.COUNTRY_LOCAL.get(cc, G.COUNTRY_NAME[cc]) if lang != 'en' else G.COUNTRY_NAME[cc]
    elif g == 'dob': v = G.date(rng, DATE_LANG.get(lang, lang), 1938, 2009, us=(cc == 'us' and lang == 'en'))
    elif g == 'date': v = G.date(rng, DATE_LANG.get(lang, lang), 2025, 2026, us=(cc == 'us' and lang == 'en'))
    elif g == 'card': v = G.card(rng)
    elif g == 'cvv': v = G.cvv(rng)
    elif g == 'exp': v = G.expiry(rng)
    elif g == 'last4': v = G.card_last4(rng)
    elif g == 'iban': v = G.iban(rng, arg or (cc if cc.upper() in G.IBAN_BBAN else None))
    elif g == 'sort': v = G.sortcode(rng)
    elif g == 'acct': v = G.acct(rng, cc)
    elif g == 'routing': v = G.routing(rng)
    elif g == 'bsb': v = G.bsb(rng)
    elif g == 'transit': v = G.transit(rng)
    elif g == 'nid': v = G.natid(rng, cc)
    elif g == 'pass': v = G.passport(rng, cc)
    elif g == 'dl': v = G.dl(rng, cc, f, l)
    elif g == 'ip': v = G.ip(rng)
    elif g == 'pw': v = G.password(rng)
    elif g == 'pin': v = G.pin(rng)
    elif g == 'otp': v = G.otp(rng)
    elif g == 'ans': v = G.answer(rng)
    elif g == 'mem': v = G.memword(rng)
    elif g == 'order': v = G.order(rng)
    elif g == 'ticket': v = G.ticket(rng)
    elif g == 'inv': v = G.invoice(rng)
    elif g == 'track': v = G.tracking(rng)
    elif g == 'book': v = G.booking(rng)
    elif g == 'sku': v = G.sku(rng)
    elif g == 'flight': v = G.flight(rng)
    elif g == 'price': v = G.price(rng, arg or CUR.get(cc, '€'))
    elif g == 'time': v = G.sometime(rng)
    elif g == 'meter': v = G.meter(rng)
    else: raise KeyError(g)
    if case == '_lc': v = v.lower()
    if case == '_uc': v = v.upper()
    return v

def render(rng, tpl, ctx):
    text, spans, pos = [], [], 0
    body = tpl.strip('\n')
    def add(s, label):
        nonlocal pos
        if label:
            assert s == s.strip() and s, (s, label)
            spans.append({'start': pos, 'end': pos + len(s), 'type': label})
        text.append(s); pos += len(s)
    last = 0
    for m in TOKEN.finditer(body):
        add(body[last:m.start()], None)
        kind, g, arg = m.groups()
        v = value(rng, ctx, g, arg)
        if kind == '@':
            for s, lab in v: add(s, lab)
        else:
            add(v, None if kind == '-' else kind)
        last = m.end()
    add(body[last:], None)
    out = ''.join(text)
    assert '{' not in out or '}' not in out, out
    return out.rstrip(), spans

def build(seed, n, id0):
    rng = random.Random(seed)
    langs = ['de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'no', 'fi', 'et']
    per = n * 20 // 100 // len(langs)
    plan = {l: per for l in langs}
    plan['en'] = n - per * len(langs)
    items = []
    for lang in ['en'] + langs:
        k = plan[lang]
        pii = [x for x in T if x[0] == lang and not x[3]]
        nop = [x for x in T if x[0] == lang and x[3]]
        n_nop = max(1, round(k * 0.15))
        def cycle(pool, m):
            out = []
            while len(out) < m:
                p = pool[:]; rng.shuffle(p); out += p
            return out[:m]
        chosen = cycle(nop, n_nop) + cycle(pii, k - n_nop)
        for (_, tpl, cc, _) in chosen:
            ctx = make_ctx(rng, lang, cc)
            txt, spans = render(rng, tpl, ctx)
            items.append({'lang': lang, 'text': txt, 'spans': spans})
    rng.shuffle(items)
    return [{'id': f"p6-{id0 + i:04d}", **it} for i, it in enumerate(items)]

def main():
    for name, seed, n, id0 in (('dev', 6001, 300, 1), ('test', 6002, 600, 1001)):
        rows = build(seed, n, id0)
        with open(os.path.join(HERE, f'{name}.jsonl'), 'w', encoding='utf-8') as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + '\n')
        print(name, len(rows))
    print('shapes', len(T), 'en', sum(1 for x in T if x[0] == 'en'), 'no-PII shapes', sum(1 for x in T if x[3]))

if __name__ == '__main__':
    main()
