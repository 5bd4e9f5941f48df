#!/usr/bin/env python3
"""Build pii5 dev/test sets: synthetic customer-support messages with PII spans.
Standard library only, seeded, deterministic.  Offsets are computed while rendering.
Template syntax: [[field|mod|mod]] generated value; [[LABEL=literal]] literal labelled text.
"""
import json, os, random, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(0)

def d(n):
    return ''.join(R.choice('0123456789') for _ in range(n))
def L(n, alpha='ABCDEFGHJKLMNPRSTUVWXYZ'):
    return ''.join(R.choice(alpha) for _ in range(n))
def ch(seq):
    return R.choice(seq)

# ---------------------------------------------------------------- names
NAMES = {
 'gb': (['Oliver','Amelia','Harry','Isla','George','Eleanor','Gareth','Bethan','Callum','Rhiannon','Tom','Sophie','Alfie','Poppy'],
        ["Smith","Davies","McAllister","Fitzgerald-Hughes","Thompson","Wright","ap Rhys","Ellis-Barker","Pryce","Holloway","MacLeod","Ashworth"]),
 'ie': (['Aoife','Niamh','Ciarán','Seán','Pádraig','Siobhán','Eoin','Gráinne','Darragh','Caoimhe'],
        ["O'Connor","Ó Súilleabháin","Mac Giolla Phádraig","Byrne","O'Sullivan","Ní Bhriain","Kavanagh","Doherty"]),
 'us': (['Tyler','Madison','DeShawn','Latoya','Brandon','Kayleigh','Marcus','Jasmine','Cody','Brianna','Jamal','Emily'],
        ['Johnson','Washington','Rodriguez','McKinney','Hernandez','Whitaker','Jefferson-Lee','Kowalski','DuBois','St. John']),
 'in': (['Priya','Aarav','Venkatesh','Lakshmi','Rohan','Ananya','Sanjay','Divya','Harpreet','Gurpreet'],
        ['Ramanathan','Patel','Chatterjee','Iyer','Sharma','Venkataraman','Singh','Reddy','Bhattacharya']),
 'ar': (['Ahmad','Fatima','Omar','Nur Aisyah','Yusuf','Layla','Khalid','Mariam','Hassan','Siti'],
        ['bin Ismail','Al-Sayed','El-Amin','binti Hassan','Haddad','Al Maktoum','bin Abdullah','Nasser','Abu-Bakr']),
 'cn': (['Wei','Li Na','Xiaoming','Jia Hui','Hao','Mei-Ling','Zhiwei','Yan'],
        ['Zhang','Chen','Wang','Liu','Huang','Zhou','Lam','Ng']),
 'vn': (['Thị Mai','Văn Hùng','Minh Anh','Quang','Thu Trang','Đức'],
        ['Nguyễn','Trần','Lê','Phạm','Hoàng','Đặng']),
 'jp': (['Yuki','Haruto','Sakura','Ren','Aoi','Kenji','Yui'],
        ['Tanaka','Sato','Watanabe','Yamamoto','Kobayashi','Nakamura']),
 'kr': (['Ji-woo','Min-jun','Seo-yeon','Hyun-woo','Ha-eun'], ['Park','Kim','Lee','Choi','Jung']),
 'af': (['Chiamaka','Kwame','Oluwaseun','Thandiwe','Abebe','Amara','Kofi','Ngozi','Tendai'],
        ['Okonkwo','Mensah','Adeyemi','Nkosi','Bekele','Osei','Mwangi','Eze','Achebe']),
 'de': (['Jürgen','Anneliese','Lukas','Sören','Maximilian','Hannah','Björn','Käthe','Friederike','Jonas','Uwe','Lea'],
        ['Müller','Groß','Schmidt-Weber','von Bülow','Schäfer','Weiß','Hoffmann','Köhler','zu Löwenstein','Brückner']),
 'nl': (['Sanne','Joost','Femke','Bram','Anouk','Thijs','Maartje','Sjoerd','Ilse','Wouter'],
        ['van der Berg','de Vries',"van 't Hof",'Jansen','van Dijk','Bakker','de Jong','van den Broek','Visser','ter Horst']),
 'fr': (['François','Éloïse','Jean-Luc','Hélène','Mathéo','Chloé','Benoît','Maëlle','Aurélien','Inès'],
        ['Lefèvre','Dubois','Le Goff','de la Fontaine','Moreau','Gauthier','Girard-Lemaire',"d'Aubigny",'Rousseau']),
 'es': (['José María','Lucía','Íñigo','Carmen','Alejandro','Ainhoa','Javier','Begoña','Nuria','Raúl'],
        ['García López','Fernández','Etxeberria','Martínez de la Rosa','Sánchez','Muñoz','Iglesias Pardo','Ruiz']),
 'it': (['Giulia','Niccolò','Lorenzo','Chiara','Matteo','Francesca','Gianluca','Beatrice','Salvatore'],
        ['Esposito',"D'Angelo",'Di Stefano','Russo','Ferrari','Lo Iacono','De Luca','Bianchi','Colombo']),
 'pt': (['João','Maria da Conceição','Inês','Tiago','Gonçalo','Beatriz','Rui','Leonor'],
        ['Gonçalves','Sousa','Pereira da Silva','Magalhães','Rodrigues','Carvalho','dos Santos']),
 'pl': (['Małgorzata','Łukasz','Grzegorz','Agnieszka','Paweł','Zofia','Michał','Katarzyna','Wojciech'],
        ['Wiśniewska','Wójcik','Brzęczyszczykiewicz','Nowak','Kowalczyk','Zieliński','Lewandowska','Dąbrowski']),
 'sv': (['Åsa','Björn','Linnéa','Oskar','Märta','Gustav','Ebba','Nils'],
        ['Lindqvist','Öberg','Johansson','Ekström','Nordin','Sjöberg','Bergqvist']),
 'da': (['Søren','Mette','Rasmus','Freja','Mads','Ida','Jørgen'],
        ['Kjærgaard','Frederiksen-Holm','Nielsen','Østergaard','Mølgaard','Jensen']),
 'no': (['Øystein','Ingrid','Håkon','Solveig','Eirik','Tuva','Kjetil'],
        ['Hæreid','Bjørnstad','Løvås','Haugen','Sæther','Nygård']),
 'fi': (['Jukka','Päivi','Mikko','Aino','Tuomas','Sanna','Heikki'],
        ['Mäkinen','Häkkinen','Virtanen','Korhonen','Ylönen','Lähteenmäki']),
 'et': (['Tõnu','Mari-Liis','Jüri','Kadri','Märt','Triin','Rasmus'],
        ['Tamm','Kask','Sepp','Mägi','Rebane','Õunapuu','Pärn']),
 'xx': (['Dimitrios','Ayşe','Zoë','Mehmet','Anastasia','Nikolaos','Olena','Dragan','Bogdan'],
        ['Papadopoulos','Yılmaz','Kowalczyk-Brown','Öztürk','Ivanova','Georgiou','Shevchenko','Petrović']),
}
EN_CULTS = ['gb','gb','ie','us','us','in','ar','cn','vn','jp','kr','af','de','nl','fr','es','it','pt','pl','sv','xx','xx']

def strip_acc(s):
    s = s.replace('ø','o').replace('Ø','O').replace('æ','ae').replace('ł','l').replace('Ł','L').replace('ß','ss').replace('đ','d').replace('Đ','D')
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))

def slug(s):
    return re.sub(r'[^a-z0-9]+', '', strip_acc(s).lower())

# ---------------------------------------------------------------- countries
LANG_COUNTRIES = {'en': ['UK','UK','UK','US','US','IE','CA','AU'], 'de': ['DE'], 'fr': ['FR','FR','BE'], 'es': ['ES'], 'it': ['IT'],
                  'nl': ['NL','NL','BE'], 'pt': ['PT'], 'pl': ['PL'], 'sv': ['SE'], 'da': ['DK'], 'no': ['NO'], 'fi': ['FI'], 'et': ['EE']}
LANG_CULT = {'de':'de','fr':'fr','es':'es','it':'it','nl':'nl','pt':'pt','pl':'pl','sv':'sv','da':'da','no':'no','fi':'fi','et':'et'}
COUNTRY_CULT = {'UK':'gb','IE':'ie','US':'us','CA':'us','AU':'gb','DE':'de','FR':'fr','ES':'es','IT':'it','NL':'nl','BE':'nl','PT':'pt',
                'PL':'pl','SE':'sv','NO':'no','DK':'da','FI':'fi','EE':'et'}

ADDR = {
 'UK': (['Kingsley Road','Baker Street','Church Lane','Victoria Terrace','Mill Hill Close','Station Road','Albert Gardens','Queen\'s Drive','Bryn Awel'],
        ['London','Leeds','Manchester','Edinburgh','Cardiff','Bristol','Belfast','Glasgow','Norwich','York']),
 'IE': (['Seaview Terrace','Main Street','Ballyhooly Road','Sráid an Mhuilinn','Griffith Avenue','Clontarf Road'],
        [('Dún Laoghaire','Co. Dublin'),('Cork','Co. Cork'),('Galway','Co. Galway'),('Ennis','Co. Clare'),('Dublin 9',''),('Letterkenny','Co. Donegal')]),
 'US': (['Maple Ave','W 34th St','Elm Street','Sunset Blvd','Peachtree Rd NE','Lakeshore Dr','Route 9W','Old Mill Rd'],
        [('Springfield','IL','62704'),('Austin','TX','78701'),('Brooklyn','NY','11215'),('Portland','OR','97205'),('Atlanta','GA','30309'),('Boise','ID','83702'),('Cambridge','MA','02139')]),
 'CA': (['Rue Sainte-Catherine O','Queen St W','Jasper Ave','Robson St','Main Street','Boul. René-Lévesque'],
        [('Montréal','QC','H3B'),('Toronto','ON','M5V'),('Edmonton','AB','T5J'),('Vancouver','BC','V6E'),('Halifax','NS','B3H')]),
 'AU': (['Beach Rd','George St','Collins Street','Brunswick St','Hay St','Smith Street'],
        [('Bondi','NSW','2026'),('Melbourne','VIC','3000'),('Fitzroy','VIC','3065'),('Perth','WA','6000'),('Darwin','NT','0800'),('Newtown','NSW','2042')]),
 'DE': (['Hauptstraße','Kastanienallee','Bahnhofstr.','Am Mühlenbach','Königsallee','Schönhauser Allee','Lindenweg'],
        ['Berlin','München','Köln','Hamburg','Leipzig','Düsseldorf','Freiburg im Breisgau','Lüneburg']),
 'FR': (['rue de la Paix','avenue Jean Jaurès','boulevard Saint-Michel','rue des Écoles','allée des Tilleuls','place du Marché'],
        ['Paris','Lyon','Marseille','Toulouse','Nantes','Saint-Étienne','Aix-en-Provence']),
 'ES': (['C/ Mayor','Calle de Alcalá','Avda. Diagonal','Plaza de España','Carrer de Sants','Calle Real'],
        ['Madrid','Barcelona','Sevilla','Valencia','Bilbao','A Coruña','Málaga']),
 'IT': (['Via Roma','Corso Vittorio Emanuele II','Via dei Mille','Piazza Garibaldi','Viale Monza','Via San Gregorio'],
        [('Milano','MI'),('Roma','RM'),('Napoli','NA'),('Torino','TO'),('Bologna','BO'),('Palermo','PA')]),
 'NL': (['Keizersgracht','Dorpsstraat','Oudegracht','Laan van Meerdervoort','Kerkweg','Molenstraat'],
        ['Amsterdam','Utrecht','Den Haag','Rotterdam','Groningen','\'s-Hertogenbosch','Zwolle']),
 'BE': (['Rue Neuve','Meir','Chaussée de Louvain','Veldstraat','Avenue Louise','Grote Markt'],
        ['Bruxelles','Antwerpen','Gent','Liège','Leuven','Namur']),
 'PT': (['Rua Augusta','Avenida da Liberdade','Rua de Santa Catarina','Travessa do Carmo','Rua do Almada'],
        ['Lisboa','Porto','Coimbra','Braga','Faro']),
 'PL': (['ul. Marszałkowska','ul. Długa','al. Jerozolimskie','ul. Świętokrzyska','os. Piastów','ul. Grunwaldzka'],
        ['Warszawa','Kraków','Gdańsk','Wrocław','Łódź','Poznań']),
 'SE': (['Storgatan','Drottninggatan','Kungsgatan','Vasagatan','Sveavägen','Östra Hamngatan'],
        ['Stockholm','Göteborg','Malmö','Uppsala','Umeå','Västerås']),
 'NO': (['Karl Johans gate','Storgata','Bygdøy allé','Kongens gate','Thorvald Meyers gate'],
        ['Oslo','Bergen','Trondheim','Tromsø','Stavanger']),
 'DK': (['Nørrebrogade','Vesterbrogade','Strøget','Søndergade','Åboulevarden'],
        ['København N','Aarhus C','Odense C','Aalborg','Frederiksberg C']),
 'FI': (['Mannerheimintie','Hämeenkatu','Aleksanterinkatu','Kauppakatu','Itäinen Rantakatu'],
        ['Helsinki','Tampere','Turku','Oulu','Jyväskylä']),
 'EE': (['Narva mnt','Pärnu mnt','Tartu mnt','Vabaduse pst','Rüütli'],
        ['Tallinn','Tartu','Pärnu','Narva','Viljandi']),
}
CNAME = {'UK': ['United Kingdom','UK','England','Scotland'], 'IE': ['Ireland','Éire'], 'US': ['USA','United States'], 'CA': ['Canada'],
         'AU': ['Australia'], 'DE': ['Deutschland','Germany'], 'FR': ['France'], 'ES': ['España','Spain'], 'IT': ['Italia','Italy'],
         'NL': ['Nederland','Netherlands'], 'BE': ['Belgique','België','Belgium'], 'PT': ['Portugal'], 'PL': ['Polska','Poland'],
         'SE': ['Sverige','Sweden'], 'NO': ['Norge','Norway'], 'DK': ['Danmark','Denmark'], 'FI': ['Suomi','Finland'], 'EE': ['Eesti','Estonia']}

def postcode(c):
    if c == 'UK':
        return ch(['SW','LS','M','EH','B','CF','BT','G','NW','E','N','OX','CB','BS','YO','NR']) + str(R.randint(1, 19)) + ch(['', '', 'A']) * 0 + ' ' + d(1) + L(2, 'ABDEFGHJLNPQRSTUWXYZ')
    if c == 'IE':
        return ch(['D02','D04','D6W','A96','T12','H91','V94','F92','D09']) + ' ' + L(1, 'ACDEFHKNPRTVWXY') + d(1) + L(1, 'ACDEFHKNPRTVWXY') + d(1)
    if c == 'US':
        return None
    if c == 'NL':
        return str(R.randint(1000, 9999)) + ch([' ', ' ', '']) + L(2, 'ABCDEHJKLMNPRSTVWXZ')
    if c == 'PT':
        return str(R.randint(1000, 4999)) + '-' + d(3)
    if c == 'PL':
        return d(2) + '-' + d(3)
    if c == 'SE':
        return str(R.randint(100, 984)) + ' ' + d(2)
    if c in ('NO', 'DK', 'BE'):
        return str(R.randint(1000, 9990))
    if c == 'DE':
        return '%05d' % R.randint(1067, 99998)
    if c == 'FR':
        return '%05d' % R.randint(1000, 95999)
    if c == 'ES':
        return '%05d' % R.randint(1001, 52080)
    if c == 'IT':
        return '%05d' % R.randint(10, 98168)
    if c == 'FI':
        return '%05d' % R.randint(100, 99999)
    if c == 'EE':
        return str(R.randint(10000, 99999))
    return d(5)

def house():
    return str(R.randint(1, 240)) + ch(['', '', '', '', 'a', 'B'])

def address(c, mods):
    """return list of (text, label) segments"""
    ml = 'ml' in mods or ('1l' not in mods and R.random() < 0.35)
    sep = '\n' if ml else ch([', ', ', ', ' ', ','])
    add_country = 'cc' in mods or ('nocc' not in mods and R.random() < 0.25)
    streets, cities = ADDR[c]
    st = ch(streets)
    segs = []
    if c in ('UK', 'IE'):
        lines = []
        if R.random() < 0.35:
            lines.append(ch(['Flat ', 'Apt ', 'Apartment ', 'Flat ']) + str(R.randint(1, 40)) + ch(['', 'B']))
        lines.append(house() + ' ' + st)
        if c == 'UK':
            if R.random() < 0.2:
                lines.append(ch(['Headingley', 'Roath', 'Clifton', 'Moseley', 'Leith']))
            lines.append(ch(cities))
        else:
            town, co = ch(cities)
            lines.append(town)
            if co:
                lines.append(co)
        if not ml and R.random() < 0.4 and len(lines) > 1 and lines[0].startswith(('Flat', 'Apt')):
            lines = [lines[0] + ', ' + lines[1]] + lines[2:]
        segs = [(sep.join(lines), 'ADDRESS'), (sep if ml else ch([' ', ', ']), None), (postcode(c), 'POSTCODE')]
    elif c in ('US', 'CA', 'AU'):
        city, region, pc = ch(cities)
        if c == 'US':
            pc = pc[:3] + d(2) + ch(['', '', '-' + d(4)])
            line1 = str(R.randint(10, 9999)) + ' ' + st + ch(['', '', ' Apt ' + str(R.randint(1, 30)) + ch(['', 'B']), ', Suite ' + d(3), ' #' + d(2)])
        elif c == 'CA':
            pc = pc + ' ' + d(1) + L(1, 'ABCEGHJKLMNPRSTVXY') + d(1)
            line1 = ch(['', '', str(R.randint(1, 2000)) + '-']) + str(R.randint(10, 999)) + ' ' + st
        else:
            pc = pc[:2] + d(2) if pc[0] != '0' else pc
            line1 = ch(['', '', 'Unit ' + str(R.randint(1, 30)) + '/', str(R.randint(1, 9)) + '/']) + str(R.randint(1, 300)) + ' ' + st
        region_part = city + ch([', ', ' ']) + region
        segs = [(line1 + sep + region_part, 'ADDRESS'), (ch([' ', '  ']), None), (pc, 'POSTCODE')]
    else:
        city = ch(cities)
        if c == 'IT':
            city, prov = city
            city = city + ch([' ' + prov, ' (' + prov + ')', ''])
        if c in ('FR',):
            line = house().replace('a', ' bis') + ' ' + st
        elif c == 'ES':
            line = st + ' ' + str(R.randint(1, 120)) + ch(['', ', 3º 2ª', ', 1º izq.', ' bajo'])
        elif c == 'PL':
            line = st + ' ' + str(R.randint(1, 120)) + ch(['', '/' + str(R.randint(1, 80)), ' m. ' + str(R.randint(1, 40))])
        elif c == 'SE':
            line = st + ' ' + str(R.randint(1, 90)) + ch(['', ' lgh 1' + d(3), ' 2 tr'])
        elif c == 'DK':
            line = st + ' ' + str(R.randint(1, 150)) + ch(['', ', 2. tv', ', st. th', ', 4. mf'])
        elif c == 'FI':
            line = st + ' ' + str(R.randint(1, 60)) + ch(['', ' B 22', ' A 3', ' as. 14'])
        elif c == 'EE':
            line = st + ' ' + str(R.randint(1, 90)) + ch(['', '-' + str(R.randint(1, 60))])
        elif c == 'NL':
            line = st + ' ' + str(R.randint(1, 400)) + ch(['', '-II', ' hs', 'A', ' bis'])
        elif c == 'BE':
            line = st + ' ' + str(R.randint(1, 200)) + ch(['', ' bte 3', ' bus 12', '/2'])
        elif c == 'PT':
            line = st + ' ' + str(R.randint(1, 300)) + ch(['', ', 2º Esq', ', 5º Dto', ' R/C'])
        elif c == 'DE':
            line = st + ' ' + str(R.randint(1, 180)) + ch(['', 'a', ' b', ''])
            if R.random() < 0.2:
                line = ch(['Hinterhaus', '3. OG links', 'App. 12']) + sep + line
        else:
            line = st + ' ' + str(R.randint(1, 150))
        segs = [(line, 'ADDRESS'), (sep, None), (postcode(c), 'POSTCODE'), (' ', None), (city, 'ADDRESS')]
    if add_country:
        segs += [(sep if ml else ch([', ', ' ']), None), (ch(CNAME[c]).upper() if R.random() < 0.2 else ch(CNAME[c]), 'ADDRESS')]
    return segs

# ---------------------------------------------------------------- phones
def phone(c):
    if c == 'UK':
        return ch(['07' + d(3) + ' ' + d(6), '+44 7' + d(3) + ' ' + d(6), '020 7' + d(3) + ' ' + d(4), '+44 (0)161 ' + d(3) + ' ' + d(4), '0113 ' + d(3) + ' ' + d(4), '07' + d(9)])
    if c == 'IE':
        return ch(['08' + ch('35679') + ' ' + d(3) + ' ' + d(4), '+353 1 ' + d(3) + ' ' + d(4), '+353 8' + ch('5678') + ' ' + d(7), '(021) ' + d(3) + ' ' + d(4)])
    if c in ('US', 'CA'):
        a = str(R.randint(201, 989)); b = str(R.randint(200, 999)); e = d(4)
        return ch(['(%s) %s-%s' % (a, b, e), '%s-%s-%s' % (a, b, e), '+1 %s %s %s' % (a, b, e), '%s.%s.%s' % (a, b, e), '1-%s-%s-%s' % (a, b, e)])
    if c == 'AU':
        return ch(['04' + d(2) + ' ' + d(3) + ' ' + d(3), '+61 4' + d(2) + ' ' + d(3) + ' ' + d(3), '(02) ' + d(4) + ' ' + d(4), '+61 3 ' + d(4) + ' ' + d(4)])
    if c == 'DE':
        return ch(['015' + ch('1279') + ' ' + d(8), '+49 30 ' + d(8), '030/' + d(7), '+49 (0)171 ' + d(7), '0221 ' + d(3) + ' ' + d(2) + ' ' + d(2), '0049 89 ' + d(7)])
    if c == 'FR':
        x = ' '.join(d(2) for _ in range(4))
        return ch(['06 ' + x, '+33 6 ' + x, '07.' + x.replace(' ', '.'), '01 ' + x, '+33 (0)1 ' + x])
    if c == 'ES':
        return ch(['6' + d(2) + ' ' + d(2) + ' ' + d(2) + ' ' + d(2), '+34 6' + d(2) + ' ' + d(3) + ' ' + d(3), '91 ' + d(3) + ' ' + d(2) + ' ' + d(2)])
    if c == 'IT':
        return ch(['3' + d(2) + ' ' + d(3) + ' ' + d(4), '+39 3' + d(2) + ' ' + d(7), '02 ' + d(4) + ' ' + d(4), '+39 06 ' + d(8)])
    if c == 'NL':
        return ch(['06-' + d(8), '+31 6 ' + d(8), '020 ' + d(3) + ' ' + d(4), '+31 (0)30 ' + d(3) + ' ' + d(4), '06 ' + d(2) + ' ' + d(2) + ' ' + d(2) + ' ' + d(2)])
    if c == 'BE':
        return ch(['04' + d(2) + ' ' + d(2) + ' ' + d(2) + ' ' + d(2), '+32 2 ' + d(3) + ' ' + d(2) + ' ' + d(2), '+32 47' + d(1) + ' ' + d(2) + ' ' + d(2) + ' ' + d(2)])
    if c == 'PT':
        return ch(['9' + ch('1236') + d(1) + ' ' + d(3) + ' ' + d(3), '+351 21 ' + d(3) + ' ' + d(4), '+351 9' + ch('1236') + d(7)])
    if c == 'PL':
        return ch([ch('5678') + d(2) + ' ' + d(3) + ' ' + d(3), '+48 ' + ch('5678') + d(2) + '-' + d(3) + '-' + d(3), '+48 22 ' + d(3) + ' ' + d(2) + ' ' + d(2)])
    if c == 'SE':
        return ch(['07' + ch('0236') + '-' + d(3) + ' ' + d(2) + ' ' + d(2), '+46 7' + ch('0236') + ' ' + d(3) + ' ' + d(2) + ' ' + d(2), '08-' + d(3) + ' ' + d(3) + ' ' + d(2)])
    if c == 'NO':
        return ch([ch('49') + d(2) + ' ' + d(2) + ' ' + d(3), '+47 ' + ch('49') + d(7), '+47 22 ' + d(2) + ' ' + d(2) + ' ' + d(2)])
    if c == 'DK':
        return ch([' '.join(d(2) for _ in range(4)), '+45 ' + ' '.join(d(2) for _ in range(4)), '+45' + d(8)])
    if c == 'FI':
        return ch(['04' + ch('0145') + ' ' + d(3) + ' ' + d(4), '+358 4' + ch('0145') + ' ' + d(7), '+358 9 ' + d(4) + ' ' + d(4)])
    if c == 'EE':
        return ch(['5' + d(3) + ' ' + d(4), '+372 5' + d(3) + ' ' + d(4), '+372 6' + d(2) + ' ' + d(4)])
    return d(10)

def ext():
    return ch([' ext. ' + d(3), ' ext ' + d(2), ' x' + d(4), ' extension ' + d(2), ' (ext. ' + d(3) + ')'])

# ---------------------------------------------------------------- numbers with checksums
def luhn_complete(prefix, length):
    num = prefix + d(length - len(prefix) - 1)
    digits = [int(x) for x in num]
    s = 0
    for i, v in enumerate(reversed(digits)):
        if i % 2 == 0:
            v *= 2
            if v > 9: v -= 9
        s += v
    return num + str((10 - s % 10) % 10)

def card(mods=()):
    kind = ch(['visa', 'visa', 'mc', 'mc', 'amex', 'maestro'])
    if kind == 'amex':
        n = luhn_complete(ch(['34', '37']), 15)
        return ch([n[:4] + ' ' + n[4:10] + ' ' + n[10:], n, n[:4] + '-' + n[4:10] + '-' + n[10:]])
    n = luhn_complete(ch(['4']) if kind == 'visa' else ch(['51', '53', '55', '2221', '6759']), 16)
    g = [n[i:i + 4] for i in range(0, 16, 4)]
    return ch([' '.join(g), '-'.join(g), n, '.'.join(g), '  '.join(g), ' '.join(g[:2]) + '-' + ' '.join(g[2:]), g[0] + ' ' + ''.join(g[1:]), '/'.join(g), ' - '.join(g)])

def cvv():
    return d(3) if R.random() < 0.9 else d(4)

def expiry():
    m = R.randint(1, 12); y = R.randint(26, 31)
    return ch(['%02d/%02d' % (m, y), '%02d/20%02d' % (m, y), '%d/%02d' % (m, y), '%02d-%02d' % (m, y), '%02d%02d' % (m, y),
               ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1] + ' 20%02d' % y, '%02d / %02d' % (m, y)])

IBAN_SPEC = {'GB': lambda: ch(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL', 'MONZ']) + d(14), 'IE': lambda: ch(['AIBK', 'BOFI', 'IPBS']) + d(14),
             'DE': lambda: d(18), 'FR': lambda: d(23), 'ES': lambda: d(20), 'IT': lambda: L(1) + d(22), 'NL': lambda: ch(['ABNA', 'INGB', 'RABO', 'TRIO', 'SNSB']) + d(10),
             'BE': lambda: d(12), 'PT': lambda: d(21), 'PL': lambda: d(24), 'SE': lambda: d(20), 'NO': lambda: d(11), 'DK': lambda: d(14),
             'FI': lambda: d(14), 'EE': lambda: d(16)}
C2I = {'UK': 'GB', 'US': 'GB', 'CA': 'GB', 'AU': 'GB'}

def iban(c):
    cc = C2I.get(c, c)
    bban = IBAN_SPEC[cc]()
    num = ''.join(str(int(x, 36)) for x in bban + cc + '00')
    chk = 98 - int(num) % 97
    s = cc + '%02d' % chk + bban
    f = R.random()
    if f < 0.55:
        return ' '.join(s[i:i + 4] for i in range(0, len(s), 4))
    if f < 0.9:
        return s
    return ' '.join(s[i:i + 4] for i in range(0, len(s), 4)).lower() if R.random() < 0.5 else '-'.join(s[i:i + 4] for i in range(0, len(s), 4))

def routing():
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    while True:
        x = ch(['0', '1', '2', '3']) + d(7)
        s = sum(int(a) * b for a, b in zip(x, w))
        return x + str((10 - s % 10) % 10)

def sortcode():
    return ch(['-', '-', ' ', '']).join(d(2) for _ in range(3))

def acct(c):
    if c in ('UK', 'IE'):
        return d(8)
    if c in ('US', 'CA'):
        return d(R.randint(9, 12))
    if c == 'AU':
        return d(3) + '-' + d(3) + ' ' + d(8)
    return d(10)

# ---------------------------------------------------------------- dates
MONTHS = {'en': ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
          'de': ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
          'fr': ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
          'es': ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
          'it': ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
          'nl': ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
          'pt': ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
          'pl': ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
          'sv': ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
          'da': ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
          'no': ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
          'fi': ['tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta', 'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta'],
          'et': ['jaanuar', 'veebruar', 'märts', 'aprill', 'mai', 'juuni', 'juuli', 'august', 'september', 'oktoober', 'november', 'detsember']}

def fmt_date(y, m, dd, lang, country):
    mn = MONTHS.get(lang, MONTHS['en'])[m - 1]
    if lang == 'en':
        if country == 'US':
            return ch(['%02d/%02d/%d' % (m, dd, y), '%d/%d/%d' % (m, dd, y), '%s %d, %d' % (mn, dd, y), '%s %d %d' % (mn[:3], dd, y), '%d-%02d-%02d' % (y, m, dd)])
        suf = 'th' if 11 <= dd <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(dd % 10, 'th')
        return ch(['%02d/%02d/%d' % (dd, m, y), '%d/%d/%02d' % (dd, m, y % 100), '%d%s %s %d' % (dd, suf, mn, y), '%d %s %d' % (dd, mn[:3], y), '%d-%02d-%02d' % (y, m, dd), '%02d.%02d.%d' % (dd, m, y)])
    if lang in ('de', 'pl', 'fi', 'et', 'no', 'da'):
        return ch(['%02d.%02d.%d' % (dd, m, y), '%d.%d.%d' % (dd, m, y), '%d. %s %d' % (dd, mn, y) if lang in ('de', 'da', 'no', 'fi') else '%d %s %d' % (dd, mn, y)])
    if lang == 'sv':
        return ch(['%d-%02d-%02d' % (y, m, dd), '%d %s %d' % (dd, mn, y)])
    if lang == 'nl':
        return ch(['%02d-%02d-%d' % (dd, m, y), '%d %s %d' % (dd, mn, y)])
    if lang in ('es', 'pt'):
        return ch(['%02d/%02d/%d' % (dd, m, y), '%d de %s de %d' % (dd, mn, y)])
    return ch(['%02d/%02d/%d' % (dd, m, y), '%d %s %d' % (dd, mn, y)])

# ---------------------------------------------------------------- IDs
def nid(c, p):
    y, m, dd = p['dob']
    yy = '%02d' % (y % 100)
    if c == 'UK':
        s = ch(['AB', 'JG', 'NP', 'TW', 'KL', 'PE', 'SH', 'WM']) + d(6) + ch('ABCD')
        return ch([s, s[:2] + ' ' + s[2:4] + ' ' + s[4:6] + ' ' + s[6:8] + ' ' + s[8], s.lower()])
    if c == 'US':
        a = '%03d' % R.randint(1, 665); g = '%02d' % R.randint(1, 99); s = '%04d' % R.randint(1, 9999)
        return ch([a + '-' + g + '-' + s, a + ' ' + g + ' ' + s, a + g + s])
    if c == 'CA':
        n = luhn_complete(ch('1245679'), 9)
        return ch([n[:3] + ' ' + n[3:6] + ' ' + n[6:], n[:3] + '-' + n[3:6] + '-' + n[6:]])
    if c == 'AU':
        return d(3) + ' ' + d(3) + ' ' + d(3)
    if c == 'IE':
        return d(7) + L(1, 'ABCDEFGHJKLMNPQRSTVW') + ch(['', 'A', 'W'])
    if c == 'DE':
        n = str(R.randint(1, 9)) + d(10)
        return ch([n, n[:2] + ' ' + n[2:5] + ' ' + n[5:8] + ' ' + n[8:]])
    if c == 'FR':
        return '%s %s %02d %s %s %s' % (ch('12'), yy, m, d(2), d(3), d(3)) + ' ' + d(2)
    if c == 'ES':
        if R.random() < 0.25:
            n = R.randint(0, 9999999); pre = ch('XYZ')
            return pre + '%07d' % n + 'TRWAGMYFPDXBNJZSQVHLCKE'[int(str('XYZ'.index(pre)) + '%07d' % n) % 23]
        n = R.randint(10000000, 99999999)
        return str(n) + ch(['', '-', ' ']) + 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]
    if c == 'IT':
        return L(6, 'BCDFGLMNPRSTVZ') + yy + 'ABCDEHLMPRST'[m - 1] + '%02d' % (dd + ch([0, 40])) + L(1, 'ABCDEFGHLMZ') + d(3) + L(1)
    if c == 'NL':
        while True:
            x = d(8)
            s = sum(int(a) * w for a, w in zip(x, range(9, 1, -1)))
            r = s % 11
            if r < 10:
                return x + str(r) if R.random() < 0.7 else x[:4] + '.' + x[4:6] + '.' + x[6:] + str(r)
    if c == 'BE':
        return '%s.%02d.%02d-%s.%s' % (yy, m, dd, d(3), d(2))
    if c == 'PT':
        x = ch('123') + d(8)
        return x[:8] + ' ' + x[8] + ' ' + L(2) + d(1) if R.random() < 0.4 else ch('12') + d(8)
    if c == 'PL':
        mm = m + (20 if y >= 2000 else 0)
        x = yy + '%02d%02d' % (mm, dd) + d(4)
        w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        return x + str((10 - sum(int(a) * b for a, b in zip(x, w)) % 10) % 10)
    if c == 'SE':
        x = yy + '%02d%02d' % (m, dd) + d(3)
        s = 0
        for i, v in enumerate(x):
            v = int(v) * (2 if i % 2 == 0 else 1)
            s += v - 9 if v > 9 else v
        return ch(['', '19' if y < 2000 else '20']) + x[:6] + ch(['-', '-', '']) + x[6:] + str((10 - s % 10) % 10)
    if c == 'NO':
        return '%02d%02d%s' % (dd, m, yy) + ch(['', ' ']) + d(5)
    if c == 'DK':
        return '%02d%02d%s' % (dd, m, yy) + ch(['-', '-', '']) + d(4)
    if c == 'FI':
        x = '%02d%02d%s' % (dd, m, yy); n = d(3)
        return x + ('-' if y < 2000 else 'A') + n + '0123456789ABCDEFHJKLMNPRSTUVWXY'[int(x + n) % 31]
    if c == 'EE':
        g = ('3' if y < 2000 else '5') if R.random() < 0.5 else ('4' if y < 2000 else '6')
        x = g + yy + '%02d%02d' % (m, dd) + d(3)
        w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]; w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]
        r = sum(int(a) * b for a, b in zip(x, w1)) % 11
        if r == 10:
            r = sum(int(a) * b for a, b in zip(x, w2)) % 11
            r = 0 if r == 10 else r
        return x + str(r)
    return d(9)

def passport(c):
    if c in ('UK', 'US', 'AU', 'IE', 'CA'):
        return ch([d(9), d(9), L(1) + d(8), L(2) + d(7)])
    if c == 'DE':
        return ch('CFGHJK') + ''.join(R.choice('CFGHJKLMNPRTVWXYZ0123456789') for _ in range(8))
    if c == 'FR':
        return d(2) + L(2) + d(5)
    if c == 'ES':
        return L(3) + d(6)
    if c == 'IT':
        return L(2) + d(7)
    if c == 'NL':
        return L(2) + ''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ0123456789') for _ in range(6)) + d(1)
    if c == 'PL':
        return L(2) + d(7)
    return ch([d(8), L(1) + d(7), L(2) + d(7)])

def dlic(c, p):
    y, m, dd = p['dob']
    if c == 'UK':
        sn = (slug(p['last']).upper() + '99999')[:5]
        s = sn + str(y % 100 // 10) + '%02d' % (m + ch([0, 50])) + '%02d' % dd + str(y % 10) + (slug(p['first'])[:1].upper() + ch('9ABJMR')) + '9' + L(2, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')
        return ch([s, s, s[:5] + ' ' + s[5:11] + ' ' + s[11:13] + ' ' + s[13:]])
    if c == 'US':
        return ch([L(1) + d(7), L(1) + d(3) + '-' + d(4) + '-' + d(4), d(9), L(1) + d(12)])
    if c == 'CA':
        return L(1) + d(4) + '-' + d(5) + '-' + d(5)
    if c == 'AU':
        return d(8) if R.random() < 0.6 else d(9)
    if c == 'IE':
        return d(3) + ch(['', '-']) + d(3) + ch(['', '-']) + d(3)
    if c == 'DE':
        return L(1) + d(3) + L(4) + d(1) + L(1) + d(2)
    if c == 'FR':
        return d(2) + L(2) + d(5) + d(3)
    if c == 'ES':
        return nid('ES', p)
    if c == 'IT':
        return L(1) + L(1) + d(7) + L(1)
    if c == 'PL':
        return d(5) + '/' + d(2) + '/' + d(4)
    return d(R.choice([8, 9, 10]))

# ---------------------------------------------------------------- misc generators
DOMAINS = {'UK': ['gmail.com', 'hotmail.co.uk', 'btinternet.com', 'yahoo.co.uk', 'outlook.com', 'icloud.com', 'sky.com'],
           'IE': ['gmail.com', 'eircom.net', 'outlook.ie', 'hotmail.com'], 'US': ['gmail.com', 'yahoo.com', 'aol.com', 'comcast.net', 'icloud.com', 'protonmail.com'],
           'CA': ['gmail.com', 'rogers.com', 'shaw.ca', 'videotron.ca'], 'AU': ['bigpond.com', 'gmail.com', 'optusnet.com.au', 'outlook.com.au'],
           'DE': ['web.de', 'gmx.de', 't-online.de', 'posteo.de', 'gmail.com'], 'FR': ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com', 'sfr.fr'],
           'ES': ['yahoo.es', 'gmail.com', 'hotmail.es', 'telefonica.net'], 'IT': ['libero.it', 'virgilio.it', 'gmail.com', 'tiscali.it'],
           'NL': ['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.nl', 'xs4all.nl'], 'BE': ['skynet.be', 'telenet.be', 'gmail.com'],
           'PT': ['sapo.pt', 'gmail.com', 'hotmail.com'], 'PL': ['wp.pl', 'onet.pl', 'o2.pl', 'gmail.com', 'interia.pl'],
           'SE': ['telia.com', 'gmail.com', 'bredband.net'], 'NO': ['online.no', 'gmail.com', 'hotmail.no'], 'DK': ['mail.dk', 'gmail.com', 'jubii.dk'],
           'FI': ['luukku.com', 'gmail.com', 'kolumbus.fi'], 'EE': ['mail.ee', 'gmail.com', 'hot.ee']}

def email_local(p):
    f = slug(p['first'].split()[0]); l = slug(p['last'])
    return ch([f + '.' + l, f + l, f[0] + l, f + '_' + l + d(2), l + '.' + f, f + '.' + l[0], f + str(p['dob'][0] % 100), f[0] + '.' + l + d(1), l + f[:3]])

def email(p, c):
    return email_local(p) + '@' + ch(DOMAINS[c] + ['proton.me', 'outlook.com'])

def email_ob(p, c):
    loc = email_local(p); dom = ch(DOMAINS[c])
    dparts = dom.split('.')
    f = R.randint(0, 5)
    if f == 0:
        return loc.replace('.', ' dot ').replace('_', ' underscore ') + ' at ' + ' dot '.join(dparts)
    if f == 1:
        return loc + ' [at] ' + ' [dot] '.join(dparts)
    if f == 2:
        return loc + '(at)' + dom
    if f == 3:
        return loc + ' AT ' + ' DOT '.join(dparts)
    if f == 4:
        return loc + ' @ ' + dom
    return loc + '{at}' + dom.replace('.', '{dot}')

def username(p):
    f = slug(p['first'].split()[0]); l = slug(p['last'])
    return ch([f + l[:1] + d(2), f + '_' + l, l + f[0], f[:3] + l[:3] + d(3), ch(['darkstar', 'moonpie', 'kitesurfer', 'gr8gatsby', 'nightowl', 'pixel']) + '_' + d(2),
               f + '.' + l, f.capitalize() + l.capitalize() + d(4), f + '-' + d(4), 'the_real_' + f])

def password():
    w = ch(['Summer', 'sunshine', 'Dragon', 'Liverpool', 'monkey', 'Bella', 'Kasia', 'Hamster', 'qwerty', 'Porto', 'Maple', 'blue'])
    return ch([w + d(4) + '!', w.lower() + '_' + d(2), 'P@ss' + d(4), w[0].upper() + w[1:] + ch('#$%&') + d(3), L(3, 'abcdefghkmnpqrstuvwxyz') + d(2) + L(3) + ch('!?*'),
               w + ch(['123', '2024', '2025', '!!']), ''.join(R.choice('abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(R.randint(10, 14))),
               'correct-horse-' + w.lower(), w.lower() + '4' + ch(['ever', 'life'])])

def secans():
    return ch(['Fluffy', 'Buttons', 'Mr Whiskers', 'Rex', 'Kowalski', 'Hendricks', 'blue Ford Fiesta', 'St Mary\'s', 'Oakwood Primary', 'Barcelona', 'Leeds', 'smith', 'Paddington'])

def ip4():
    return '%d.%d.%d.%d' % (ch([81, 86, 92, 109, 176, 185, 212, 37, 78, 83, 94, 151, 203, 24, 66, 73]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))

def ip6():
    g = ['%x' % R.randint(0, 65535) for _ in range(8)]
    pre = ch(['2a02', '2001', '2a01', '2600', '2a00'])
    return ch([pre + ':' + ':'.join(g[1:]), pre + ':' + g[1] + ':' + g[2] + '::' + g[6] + ':' + g[7], pre + ':' + g[1] + '::' + g[7]])

def purl(p, c):
    s = slug(p['first'].split()[0]) + '-' + slug(p['last'])
    return ch(['https://www.linkedin.com/in/' + s + '-' + d(3), 'instagram.com/' + username(p), 'https://' + s.replace('-', '') + '.com', 'https://github.com/' + username(p),
               'www.facebook.com/' + s.replace('-', '.'), 'https://twitter.com/' + username(p), 'http://' + s + '.blogspot.com', 'https://' + slug(p['last']) + ch(['.de', '.fr', '.nl', '.co.uk', '.dev'])])

def surl():
    return ch(['https://www.shopnest.com/account/orders/' + d(7), 'https://help.northwind-telecom.com/case/' + d(6), 'https://bit.ly/3' + L(5, 'abcdefghkmnpqrstuvwxyz0123456789'),
               'http://track.parcelfast.eu/?id=' + L(2) + d(9), 'https://www.brightpower.co.uk/my-account/meter', 'www.skyway-air.com/manage-booking', 'https://imgur.com/a/' + L(7, 'abcdefghkmnpqrstuvwxyzABCDEFGH0123456789'),
               'https://drive.google.com/file/d/1' + L(20, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMN0123456789_-') + '/view', 'https://bank-secure-login.com.verify-now.ru/auth'])

def order():
    return ch(['#' + d(6), 'ORD-' + d(7), d(3) + '-' + d(7) + '-' + d(7), 'SN' + d(8), 'W' + d(9), '#' + d(4) + '-' + L(2), 'A' + d(5) + L(1)])
def price():
    return ch(['£' + str(R.randint(3, 900)) + '.' + d(2), '$' + str(R.randint(3, 900)) + '.99', str(R.randint(3, 900)) + ',' + d(2) + ' €', '€' + str(R.randint(3, 900)),
               str(R.randint(3, 900)) + ' EUR', 'AUD ' + str(R.randint(10, 500)), str(R.randint(50, 5000)) + ' kr', str(R.randint(20, 900)) + ',99 zł'])
def sku():
    return ch(['SKU ' + L(3) + '-' + d(4), 'model ' + L(2) + d(4) + L(1), 'art. ' + d(6), 'part no. ' + d(3) + '-' + d(3) + L(1), L(2) + '-' + d(3) + '/' + L(1), 'EAN ' + d(13)])
def track():
    return ch(['1Z' + L(3, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789') + d(13), 'JD' + d(16), L(2) + d(9) + 'GB', d(12), 'DHL ' + d(10), '00' + d(18)])
def flight():
    return ch(['BA', 'FR', 'LH', 'KL', 'AF', 'SK', 'AY', 'IB', 'TP', 'U2', 'EI', 'LO']) + str(R.randint(10, 9999))
def pnr():
    return L(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')
def ticket():
    return ch(['#', 'CS-', 'INC', 'case ', 'ref. ']) + d(R.randint(5, 8))
def rdate(lang, country):
    return fmt_date(ch([2025, 2026, 2026]), R.randint(1, 12), R.randint(1, 28), lang, country)
def amount():
    return ch(['£', '$', '€', '']) + str(R.randint(5, 3000)) + ch(['.00', '.50', '', '.13'])
def rtime():
    return ch(['%d:%02d' % (R.randint(7, 20), ch([0, 15, 30, 45])), '%d%s' % (R.randint(1, 11), ch(['am', 'pm', ' pm'])), '%02dh%02d' % (R.randint(8, 19), ch([0, 30]))])

# ---------------------------------------------------------------- context and fields
class Ctx:
    def __init__(self, lang, country):
        self.lang = lang; self.c = country; self.people = {}; self.cache = {}; self.pcs = {}
    def person(self, k):
        if k not in self.people:
            if k == 'a':   # agent
                cult = LANG_CULT.get(self.lang) or ch(['gb', 'us', 'gb', 'in', 'ie', 'af'])
            elif self.lang != 'en':
                cult = LANG_CULT[self.lang] if R.random() < 0.8 else ch(EN_CULTS)
            else:
                cult = ch(EN_CULTS) if R.random() < 0.55 else COUNTRY_CULT[self.c]
            fs, ls = NAMES[cult]
            while True:
                p = {'first': ch(fs), 'last': ch(ls), 'cult': cult,
                     'dob': (R.randint(1941, 2006), R.randint(1, 12), R.randint(1, 28))}
                if all(p['first'] != q['first'] for q in self.people.values()):
                    break
            self.people[k] = p
        return self.people[k]

FIELD_RE = re.compile(r'\[\[(.+?)\]\]')

def field(ctx, spec):
    parts = spec.split('|')
    key, mods = parts[0], parts[1:]
    if '=' in key and key.split('=')[0].isupper():
        lab, lit = key.split('=', 1)
        return [(lit, lab)]
    m = re.match(r'^([a-z_]+?)(\d?)(?:_([A-Z]{2}))?$', key)
    base, suf, cty = m.group(1), m.group(2) or '1', m.group(3)
    c = cty or ctx.c
    ck = (base, suf, c, tuple(mods))
    if ck in ctx.cache and base not in ('date', 'price', 'order', 'sku', 'time', 'amount', 'otp', 'pin'):
        return ctx.cache[ck]
    p = ctx.person(suf)
    pa = ctx.person('a') if base.startswith('agent') else None
    if base == 'first':      segs = [(p['first'], 'PERSON')]
    elif base == 'last':     segs = [(p['last'], 'PERSON')]
    elif base == 'full':     segs = [(p['first'] + ' ' + p['last'], 'PERSON')]
    elif base == 'fullr':    segs = [(p['last'] + ', ' + p['first'], 'PERSON')]
    elif base == 'init':     segs = [(p['first'][0] + ch(['. ', '.', ' ']) + p['last'], 'PERSON')]
    elif base == 'inits':    segs = [(''.join(w[0] for w in (p['first'] + ' ' + p['last']).split() if w[0].isalpha()).upper(), 'PERSON')]
    elif base == 'mr':       segs = [(ch(['Mr ', 'Mrs ', 'Ms ', 'Dr ', 'Mx ', 'Mr. ', 'Miss ']), None), (p['last'], 'PERSON')]
    elif base == 'agent':    segs = [(pa['first'], 'PERSON')]
    elif base == 'agentfull': segs = [(pa['first'] + ' ' + pa['last'], 'PERSON')]
    elif base == 'email':    segs = [(email(p, c), 'EMAIL')]
    elif base == 'emailob':  segs = [(email_ob(p, c), 'EMAIL')]
    elif base == 'user':     segs = [(username(p), 'USERNAME')]
    elif base == 'handle':   segs = [('@' + username(p), 'USERNAME')]
    elif base == 'phone':    segs = [(phone(c), 'PHONE')]
    elif base == 'phonex':   segs = [(phone(c) + ext(), 'PHONE')]
    elif base in ('addr', 'pc'):
        segs = address(c, mods)
        pk = (suf, c)
        if pk in ctx.pcs:   # keep one postcode per person/address across fields
            segs = [(ctx.pcs[pk], l) if l == 'POSTCODE' else (t, l) for t, l in segs]
        else:
            ctx.pcs[pk] = [t for t, l in segs if l == 'POSTCODE'][0]
        if base == 'pc':
            segs = [(ctx.pcs[pk], 'POSTCODE')]
    elif base == 'dob':      segs = [(fmt_date(*p['dob'], ctx.lang, c), 'DATE_OF_BIRTH')]
    elif base == 'card':     segs = [(card(), 'CARD')]
    elif base == 'cvv':      segs = [(cvv(), 'CARD_SECURITY')]
    elif base == 'exp':      segs = [(expiry(), 'CARD_SECURITY')]
    elif base == 'iban':     segs = [(iban(c), 'IBAN')]
    elif base == 'acct':     segs = [(acct(c), 'BANK_ACCOUNT')]
    elif base == 'sort':     segs = [(sortcode(), 'BANK_ACCOUNT')]
    elif base == 'routing':  segs = [(routing(), 'BANK_ACCOUNT')]
    elif base == 'nid':      segs = [(nid(c, p), 'NATIONAL_ID')]
    elif base == 'passport': segs = [(passport(c), 'PASSPORT')]
    elif base == 'dl':       segs = [(dlic(c, p), 'DRIVER_LICENSE')]
    elif base == 'ip':       segs = [(ip4(), 'IP_ADDRESS')]
    elif base == 'ipsix':    segs = [(ip6(), 'IP_ADDRESS')]
    elif base == 'purl':     segs = [(purl(p, c), 'URL')]
    elif base == 'url':      segs = [(surl(), 'URL')]
    elif base == 'pw':       segs = [(password(), 'CREDENTIAL')]
    elif base == 'pin':      segs = [(d(ch([4, 4, 4, 6])), 'CREDENTIAL')]
    elif base == 'otp':      segs = [(d(6) if R.random() < 0.8 else d(3) + ' ' + d(3), 'CREDENTIAL')]
    elif base == 'secans':   segs = [(secans(), 'CREDENTIAL')]
    elif base == 'order':    segs = [(order(), None)]
    elif base == 'price':    segs = [(price(), None)]
    elif base == 'amount':   segs = [(amount(), None)]
    elif base == 'sku':      segs = [(sku(), None)]
    elif base == 'track':    segs = [(track(), None)]
    elif base == 'flight':   segs = [(flight(), None)]
    elif base == 'pnr':      segs = [(pnr(), None)]
    elif base == 'ticket':   segs = [(ticket(), None)]
    elif base == 'date':     segs = [(rdate(ctx.lang, c), None)]
    elif base == 'time':     segs = [(rtime(), None)]
    elif base == 'hi':
        if R.random() < 0.3:
            segs = [(ch(['Hi ', 'Hello ', 'Dear ', 'hey ']), None), (pa['first'] if pa else ctx.person('a')['first'], 'PERSON'), (ch([',', '', ' -']), None)]
        else:
            segs = [(ch(['Hi,', 'Hello,', 'Hi there,', 'Dear Sir/Madam,', 'Hey', 'Good morning,', 'To whom it may concern,', 'hello', 'Hiya,', 'Dear Customer Service,']), None)]
    elif base == 'bye':
        segs = [(ch(['Thanks,', 'Cheers', 'Kind regards,', 'Best,', 'thx', 'Many thanks,', 'Regards', 'Thank you', 'Best wishes,', 'ta']), None)]
    else:
        raise KeyError(spec)
    if 'lower' in mods:
        segs = [(t.lower(), l) for t, l in segs]
    if 'upper' in mods:
        segs = [(t.upper(), l) for t, l in segs]
    if 'nosp' in mods:
        segs = [(t.replace(' ', ''), l) for t, l in segs]
    ctx.cache[ck] = segs
    return segs

def typo(s):
    words = list(re.finditer(r'[A-Za-z]{6,}', s))
    if not words:
        return s
    w = ch(words)
    t = w.group(0); i = R.randint(1, len(t) - 3)
    k = R.random()
    if k < 0.5:
        t2 = t[:i] + t[i + 1] + t[i] + t[i + 2:]
    elif k < 0.8:
        t2 = t[:i] + t[i + 1:]
    else:
        t2 = t[:i] + t[i] + t[i:]
    return s[:w.start()] + t2 + s[w.end():]

def render(tpl, lang, country):
    ctx = Ctx(lang, country)
    pieces = FIELD_RE.split(tpl)
    text = ''; spans = []
    for i, pc in enumerate(pieces):
        if i % 2 == 0:
            if R.random() < 0.08:
                pc = typo(pc)
            text += pc
        else:
            for t, lab in field(ctx, pc):
                if lab:
                    assert t == t.strip() and t, (pc, t)
                    spans.append({'start': len(text), 'end': len(text) + len(t), 'type': lab})
                text += t
    # merge adjacent same-label spans that touch
    out = []
    for s in spans:
        gap = text[out[-1]['end']:s['start']] if out else None
        if out and out[-1]['type'] == s['type'] and (gap == '' or (gap == ' ' and s['type'] == 'PERSON')):
            out[-1]['end'] = s['end']
        else:
            out.append(s)
    return text, out

from templates import TEMPLATES  # noqa: E402  (hand-written shapes)

SEEN = set()
N_HI = {'en': ['Hi,', 'Hello', 'Hi there', 'Good afternoon,', 'hey,', 'Dear Sir/Madam,', 'Morning -', 'To whom it may concern,'],
        'de': ['Hallo,', 'Guten Tag,', 'Sehr geehrte Damen und Herren,'], 'fr': ['Bonjour,', 'Madame, Monsieur,'], 'es': ['Hola,', 'Buenos días,'],
        'it': ['Salve,', 'Gentile assistenza,'], 'nl': ['Hoi,', 'Beste klantenservice,'], 'pl': ['Witam,', 'Dzień dobry,'], 'sv': ['Hej,', 'Hejsan!'], 'pt': ['Bom dia,', 'Olá,']}
N_BYE = {'en': ['Thanks', 'thanks in advance', 'Cheers', 'Kind regards', 'Regards', 'thx!!', 'Many thanks.', 'Sent from my Galaxy'],
         'de': ['Danke!', 'Viele Grüße', 'MfG'], 'fr': ['Merci', 'Cordialement'], 'es': ['Gracias', 'Saludos'], 'it': ['Grazie', 'Cordiali saluti'],
         'nl': ['Groetjes', 'Alvast bedankt'], 'pl': ['Pozdrawiam', 'Dziękuję'], 'sv': ['Tack!', 'Mvh'], 'pt': ['Obrigado', 'Cumprimentos']}

def build():
    groups = {}
    for lang, kind, tpl in TEMPLATES:
        g = ('en' if lang == 'en' else 'xx') + kind
        groups.setdefault(g, []).append((lang, kind, tpl))
    plan = {'dev': (300, 1, 5001), 'test': (600, 1001, 5002)}
    share = {'enp': 0.68, 'enn': 0.12, 'xxp': 0.17, 'xxn': 0.03}
    for split, (n, start, seed) in plan.items():
        R.seed(seed)
        counts = {g: int(round(n * share[g])) for g in share}
        counts['enp'] += n - sum(counts.values())
        items = []
        for g, k in counts.items():
            pool = groups[g][:]
            R.shuffle(pool)
            for j in range(k):
                items.append(pool[j % len(pool)])
        R.shuffle(items)
        recs = []
        for j, (lang, kind, tpl) in enumerate(items):
            country = ch(LANG_COUNTRIES[lang])
            if '[[sort' in tpl:
                country = 'UK'
            if '[[routing' in tpl:
                country = 'US'
            m = re.match(r'^@([A-Z]{2})\n', tpl)
            if m:
                country = m.group(1); tpl = tpl[m.end():]
            for attempt in range(40):
                t2 = tpl
                if kind == 'n' and R.random() < 0.5:
                    t2 = ch(N_HI.get(lang, ['Hi,'])) + ch(['\n', ' ', '\n\n']) + t2
                if kind == 'n' and R.random() < 0.4:
                    t2 = t2 + ch(['\n', ' ', '\n\n']) + ch(N_BYE.get(lang, ['Thanks']))
                text, spans = render(t2, lang, country)
                if text not in SEEN:
                    break
            SEEN.add(text)
            if kind == 'n':
                assert not spans, tpl
            recs.append({'id': 'p5-%04d' % (start + j), 'lang': lang, 'text': text, 'spans': spans})
        with open(os.path.join(HERE, split + '.jsonl'), 'w', encoding='utf-8') as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
        print(split, len(recs))

if __name__ == '__main__':
    import sys
    sys.path.insert(0, HERE)
    build()
