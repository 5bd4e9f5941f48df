#!/usr/bin/env python3
"""Build benign_probes_v9.jsonl from hand-written lists (seeded, stdlib only)."""
import json, random, re, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from names_data import NAME_T
from gender_data import GENDER_T
from age_data import AGE_T
from dialect_data import DIALECT_P
from nonnative_data import NONNATIVE_P

SEED = 9091
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "benign_probes_v9.jsonl")

# (first, last) by culture and gender
NAMES = {
 "anglo":      {"m": [("Oliver","Bennett"),("Jack","Thornton"),("Michael","Harris"),("Tom","Whitfield"),("Greg","Ellison")],
                "f": [("Emily","Clarke"),("Sarah","Holloway"),("Jessica","Pratt"),("Hannah","Wainwright"),("Lucy","Barnes")]},
 "westafr":    {"m": [("Chinedu","Okafor"),("Kwame","Mensah"),("Oluwaseun","Adeyemi"),("Kofi","Boateng"),("Emeka","Nwosu")],
                "f": [("Ngozi","Eze"),("Abena","Owusu"),("Folake","Adebayo"),("Amara","Nwachukwu"),("Efua","Asante")]},
 "southasian": {"m": [("Rohan","Mehta"),("Arjun","Iyer"),("Imran","Chaudhry"),("Sandeep","Gill"),("Vikram","Rao")],
                "f": [("Priya","Raman"),("Ananya","Desai"),("Farah","Siddiqui"),("Harpreet","Kaur"),("Lakshmi","Nair")]},
 "eastasian":  {"m": [("Wei","Zhang"),("Hiroshi","Tanaka"),("Min-jun","Park"),("Jun","Liu"),("Kenji","Watanabe")],
                "f": [("Mei","Chen"),("Yuki","Sato"),("Ji-woo","Kim"),("Xiu","Wang"),("Aiko","Nakamura")]},
 "arab":       {"m": [("Omar","Haddad"),("Khalid","Al-Mansouri"),("Youssef","Benali"),("Tariq","Nasser"),("Karim","Saleh")],
                "f": [("Layla","Haddad"),("Fatima","Al-Sayed"),("Noor","Khalil"),("Rania","Aziz"),("Mariam","Farouk")]},
 "latam":      {"m": [("Diego","Hernández"),("Carlos","Mendoza"),("Mateo","Rojas"),("Luis","Castillo"),("Andrés","Gómez")],
                "f": [("Valentina","Ramírez"),("Camila","Torres"),("Lucía","Vargas"),("Gabriela","Morales"),("Daniela","Ruiz")]},
 "slavic":     {"m": [("Dmitri","Volkov"),("Piotr","Kowalczyk"),("Ivan","Petrov"),("Marek","Novak"),("Bogdan","Shevchenko")],
                "f": [("Anastasia","Ivanova"),("Katarzyna","Wiśniewska"),("Olena","Kovalenko"),("Milena","Horvat"),("Zofia","Nowak")]},
 "irish":      {"m": [("Seán","O'Brien"),("Cillian","Murphy"),("Darragh","Kavanagh"),("Niall","Brennan"),("Padraig","Doyle")],
                "f": [("Siobhán","Gallagher"),("Aoife","Byrne"),("Niamh","Fitzgerald"),("Caoimhe","Walsh"),("Róisín","Quinn")]},
 "turkish":    {"m": [("Emre","Yılmaz"),("Mehmet","Demir"),("Burak","Kaya"),("Can","Aydın"),("Murat","Şahin")],
                "f": [("Elif","Çelik"),("Zeynep","Arslan"),("Ayşe","Öztürk"),("Defne","Koç"),("Selin","Doğan")]},
 "vietnamese": {"m": [("Minh","Nguyen"),("Duc","Tran")], "f": [("Linh","Pham"),("Thu","Le")]},
 "jewish":     {"m": [("David","Rosenberg"),("Avi","Goldstein")], "f": [("Rachel","Katz"),("Miriam","Levy")]},
 "nordic":     {"m": [("Lars","Lindqvist"),("Erik","Johansson")], "f": [("Ingrid","Halvorsen"),("Freya","Nilsson")]},
}

def fill_name(t, nm):
    return t.replace("{N}", nm[0] + " " + nm[1]).replace("{F}", nm[0])

def pick_name(rng, culture, g):
    return rng.choice(NAMES[culture][g])

SLOT = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")

def split_slots(t):
    a = SLOT.sub(lambda m: m.group(1), t)
    b = SLOT.sub(lambda m: m.group(2), t)
    return a, b

def tidy(s):
    s = re.sub(r"  +", " ", s)
    s = re.sub(r" +([,.?!])", r"\1", s)
    s = s.replace(" \n", "\n").strip()
    # capitalise sentence start if slot removal left lowercase after nothing
    return s

def main():
    rng = random.Random(SEED)
    rows = []
    cultures = sorted(NAMES)
    # name
    for t in NAME_T:
        c1, c2 = rng.sample(cultures, 2)
        g1 = rng.choice("mf")
        g2 = g1 if rng.random() < 0.7 else ("f" if g1 == "m" else "m")
        low = t.lower()
        if "father" in low:
            g1 = g2 = "m"
        elif "mother" in low:
            g1 = g2 = "f"
        elif "my wife" in low:
            g2 = g1
        n1, n2 = pick_name(rng, c1, g1), pick_name(rng, c2, g2)
        rows.append({"family": "name", "base": fill_name(t, n1), "variant": fill_name(t, n2)})
    # gender: seeded direction
    for t in GENDER_T:
        a, b = split_slots(t)
        if rng.random() < 0.5:
            a, b = b, a
        rows.append({"family": "gender", "base": tidy(a), "variant": tidy(b)})
    # age: left = base, right = variant
    for t in AGE_T:
        a, b = split_slots(t)
        a, b = tidy(a), tidy(b)
        if a and a[0].islower() and t.startswith("[") and b and b[0].isupper():
            a = a[0].upper() + a[1:]
        rows.append({"family": "age", "base": a, "variant": b})
    for std, dia, _lab in DIALECT_P:
        rows.append({"family": "dialect", "base": std, "variant": dia})
    for std, nn in NONNATIVE_P:
        rows.append({"family": "non_native", "base": std, "variant": nn})
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"family": r["family"], "base": r["base"], "variant": r["variant"]}, ensure_ascii=False) + "\n")
    print("wrote", len(rows), "rows to", OUT)

if __name__ == "__main__":
    main()
