"""Writes the 2023 replay fixtures of La Guinguette mobile (deterministic; run once, output committed).

Published facts (Tests/Fixtures/shared-data/README.md): 24 evenings in 4 tours, May to September 2023, 15 host
communes of the Grand Saint-Dizier, Der et Vallées agglomeration, 5 000 people, 60 animations,
12 local associations, 15 local producers. Dates, times, per-evening split, names and money are
invented to be plausible; only the totals are the published ones.
"""
import csv, json, math, random, sys

rng = random.Random(2023)
communes = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
communes = sorted(communes, key=lambda c: (int(c["population"]), c["insee"]))[5:20]
assert len(communes) == 15
base = (48.6383, 4.9497)  # Saint-Dizier

def km(c):
    lat, lon = float(c["lat"]), float(c["lon"])
    dx = (lon - base[1]) * math.cos(math.radians(48.6)) * 111.195
    dy = (lat - base[0]) * 111.195
    return round(2 * 1.3 * math.hypot(dx, dy), 1)

tours = [("Printemps", ["2023-05-12", "2023-05-13", "2023-05-19", "2023-05-20", "2023-05-26", "2023-05-27"]),
         ("Début d'été", ["2023-06-16", "2023-06-17", "2023-06-23", "2023-06-24", "2023-07-07", "2023-07-08"]),
         ("Cœur d'été", ["2023-07-21", "2023-07-22", "2023-08-04", "2023-08-05", "2023-08-18", "2023-08-19"]),
         ("Rentrée", ["2023-09-01", "2023-09-02", "2023-09-08", "2023-09-09", "2023-09-15", "2023-09-16"])]
hosts = communes + communes[:9]          # 9 communes twice, 6 once: 24 evenings
rng.shuffle(hosts)
events = []
i = 0
for tour, dates in tours:
    for date in dates:
        c = hosts[i]; i += 1
        events.append({
            "commune": {"hasCafe": False, "insee": c["insee"], "lat": float(c["lat"]), "lon": float(c["lon"]),
                        "mairie": {"email": "mairie@%s.example.org" % c["insee"], "name": "Secrétariat de mairie"},
                        "name": c["name"], "place": None, "population": int(c["population"])},
            "date": date, "start": date + "T18:30:00+02:00", "end": date + "T23:30:00+02:00",
            "from": "Saint-Dizier", "id": "guinguette-2023-%s-%d" % (c["insee"], i),
            "km": km(c), "minutes": 30, "status": "proposed", "tour": tour,
            "vehicle": "camion", "vehicleName": "le camion de la Guinguette"})
plan = {"events": events, "explanations": [],
        "season": {"name": "La Guinguette mobile 2023", "period": {"from": "2023-05-01", "to": "2023-09-30"},
                   "seed": 2023, "slug": "guinguette-2023", "timeZone": "Europe/Paris"},
        "summary": {"evenings": 24, "communesServed": 15, "km": round(sum(e["km"] for e in events), 1)},
        "warnings": []}
# The plan sits where `tournee plan` writes it, in its season folder (guinguette-2023/, written by
# hand for these dates: Friday and Saturday evenings, four tours, at least 7 days between visits).
json.dump(plan, open("guinguette-2023/plan/plan.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)

associations = ["Les Amis du Der", "Comité des fêtes d'Eclaron", "Foyer rural de Louvemont", "Club des aînés",
                "Association Familles rurales", "Les Pêcheurs du lac", "Harmonie de Wassy", "Théâtre des Vallées",
                "Jeunes de la Blaise", "Sentiers du Der", "Gym volontaire", "Les Jardins partagés"]
producers = ["Ferme du Bocage", "Brasserie du Der", "Miellerie des Côtes", "Fromagerie de la Marne", "Vergers de Perthes",
             "Boulangerie du village", "Escargots de Champagne", "Cidrerie des Vallées", "Volailles du Der",
             "Maraîcher des Trois Fontaines", "Champagne Vigneron", "Confitures de Mamie", "Glaces de la ferme",
             "Chèvrerie du Perthois", "Huilerie de Blaise"]
artists = ["Duo Guinguette", "Fanfare P'tit Bal", "Conteuse Marie-Jo", "DJ Ruralité", "Cie Les Baladins", "Orgue de Barbarie"]
animation_pool = ["Bal guinguette", "Concert", "Quiz musical", "Jeux en bois", "Cinéma plein air", "Contes", "Pétanque",
                  "Atelier cuisine", "Karaoké", "Blind test"]
attendance = [rng.randint(150, 260) for _ in range(24)]
for n in range(5000 - sum(attendance)):  # spread the difference so that the total is exactly 5 000
    attendance[n % 24] += 1
animations_count = [3] * 12 + [2] * 12
rng.shuffle(animations_count)
rows = []
for n, e in enumerate(events):
    assoc = [associations[n % 12]] + ([associations[(n + 5) % 12]] if n % 3 == 0 else [])
    prods = [producers[n % 15], producers[(n + 7) % 15]]
    arts = [artists[n % 6]]
    partners = [a + ":association" for a in assoc] + [p + ":producteur" for p in prods] + [a + ":artiste" for a in arts]
    if n == 4:  # the same association typed differently: de-duplicated, still 12
        partners[0] = "les amis du DER:association" if assoc[0] == "Les Amis du Der" else partners[0].lower()
    if n == 10:
        partners.append("Pizza Mobile:food-truck")
    sales = rng.randint(60000, 120000)
    spend = rng.randint(12000, 30000)
    rows.append({"event": e["id"], "attendance": attendance[n],
                 "animations": " | ".join(rng.sample(animation_pool, animations_count[n])),
                 "partners": " | ".join(partners),
                 "local_spend_eur": "%d,%02d" % divmod(spend, 100), "sales_eur": "%d,%02d" % divmod(sales, 100),
                 "volunteers": rng.randint(3, 9), "weather": rng.choice(["beau", "nuageux", "orageux", "chaud"]),
                 "notes": "Belle soirée, merci \"la mairie\"" if n == 3 else ""})
with open("records-guinguette-2023.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
    w.writeheader(); w.writerows(rows)
