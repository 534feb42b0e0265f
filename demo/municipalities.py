"""Real municipalities that host the demo projects (rounded population figures).

Municipality names are synchronised across languages, so pages point at the German
rows and no English rows are needed.
"""

from decimal import Decimal

from taxonomy.models import Bundesland, Municipality

from .base import Tally, upsert_snippet

B = Bundesland

# fmt: off
# (name, Bundesland, district, population, latitude, longitude, German description)
MUNICIPALITIES = [
    ("Eschwege", B.HESSEN, "Werra-Meißner-Kreis", 20000, "51.18800", "10.05300",
     "Kreisstadt an der Werra im Nordosten Hessens."),
    ("Witzenhausen", B.HESSEN, "Werra-Meißner-Kreis", 15000, "51.34200", "9.85800",
     "Universitätsstadt im Kirschenland an der Werra."),
    ("Alsfeld", B.HESSEN, "Vogelsbergkreis", 16000, "50.75100", "9.27100",
     "Fachwerkstadt am Rand des Vogelsbergs."),
    ("Kalletal", B.NORDRHEIN_WESTFALEN, "Kreis Lippe", 13000, "52.12800", "8.99700",
     "Flächengemeinde mit 16 Ortsteilen im Norden des Kreises Lippe."),
    ("Detmold", B.NORDRHEIN_WESTFALEN, "Kreis Lippe", 74000, "51.93800", "8.87900",
     "Kreisstadt und Sitz der Bezirksregierung in Ostwestfalen-Lippe."),
    ("Olpe", B.NORDRHEIN_WESTFALEN, "Kreis Olpe", 24000, "51.02900", "7.85100",
     "Kreisstadt im Sauerland am Biggesee."),
    ("Meschede", B.NORDRHEIN_WESTFALEN, "Hochsauerlandkreis", 29000, "51.35000", "8.28300",
     "Kreisstadt des Hochsauerlandkreises an der Ruhr."),
    ("Burgenlandkreis", B.SACHSEN_ANHALT, "", 176000, "51.15400", "11.80900",
     "Landkreis im Süden Sachsen-Anhalts mit Kreissitz in Naumburg (Saale)."),
    ("Weißenfels", B.SACHSEN_ANHALT, "Burgenlandkreis", 40000, "51.20000", "11.96700",
     "Größte Stadt des Burgenlandkreises an der Saale."),
    ("Stendal", B.SACHSEN_ANHALT, "Landkreis Stendal", 39000, "52.60600", "11.85900",
     "Hansestadt und Zentrum der Altmark."),
    ("Wunsiedel", B.BAYERN, "Landkreis Wunsiedel im Fichtelgebirge", 9000, "50.04000",
     "12.00300", "Kreisstadt im Fichtelgebirge."),
    ("Freyung", B.BAYERN, "Landkreis Freyung-Grafenau", 7000, "48.80700", "13.54700",
     "Kreisstadt im Bayerischen Wald."),
    ("Haßfurt", B.BAYERN, "Landkreis Haßberge", 14000, "50.03500", "10.51200",
     "Kreisstadt am Main in Unterfranken."),
    ("Schwäbisch Hall", B.BADEN_WUERTTEMBERG, "Landkreis Schwäbisch Hall", 41000, "49.11200",
     "9.73700", "Große Kreisstadt am Kocher in Hohenlohe."),
    ("Tuttlingen", B.BADEN_WUERTTEMBERG, "Landkreis Tuttlingen", 36000, "47.98500", "8.81800",
     "Große Kreisstadt an der oberen Donau."),
    ("Calw", B.BADEN_WUERTTEMBERG, "Landkreis Calw", 24000, "48.71400", "8.74000",
     "Kreisstadt im Nordschwarzwald an der Nagold."),
    ("Prenzlau", B.BRANDENBURG, "Landkreis Uckermark", 19000, "53.31600", "13.86300",
     "Kreisstadt der Uckermark am Unteruckersee."),
    ("Eberswalde", B.BRANDENBURG, "Landkreis Barnim", 42000, "52.83300", "13.82000",
     "Kreisstadt des Barnim nordöstlich von Berlin."),
    ("Luckenwalde", B.BRANDENBURG, "Landkreis Teltow-Fläming", 20000, "52.09000", "13.17000",
     "Kreisstadt im Fläming südlich von Berlin."),
    ("Neustrelitz", B.MECKLENBURG_VORPOMMERN, "Landkreis Mecklenburgische Seenplatte", 20000,
     "53.36400", "13.06300", "Residenzstadt in der Mecklenburgischen Seenplatte."),
    ("Güstrow", B.MECKLENBURG_VORPOMMERN, "Landkreis Rostock", 29000, "53.79500", "12.17500",
     "Barlachstadt und Kreisstadt des Landkreises Rostock."),
    ("Uelzen", B.NIEDERSACHSEN, "Landkreis Uelzen", 34000, "52.96500", "10.56000",
     "Hansestadt in der Lüneburger Heide."),
    ("Northeim", B.NIEDERSACHSEN, "Landkreis Northeim", 29000, "51.70600", "9.99900",
     "Kreisstadt zwischen Harz und Solling."),
    ("Leer (Ostfriesland)", B.NIEDERSACHSEN, "Landkreis Leer", 35000, "53.23100", "7.46100",
     "Kreisstadt und Tor zu Ostfriesland."),
    ("Döbeln", B.SACHSEN, "Landkreis Mittelsachsen", 24000, "51.12200", "13.12000",
     "Große Kreisstadt an der Freiberger Mulde."),
    ("Görlitz", B.SACHSEN, "Landkreis Görlitz", 56000, "51.15300", "14.98700",
     "Östlichste Stadt Deutschlands an der Neiße."),
    ("Annaberg-Buchholz", B.SACHSEN, "Erzgebirgskreis", 20000, "50.58000", "13.00200",
     "Große Kreisstadt im Erzgebirge."),
    ("Mühlhausen/Thüringen", B.THUERINGEN, "Unstrut-Hainich-Kreis", 36000, "51.20800",
     "10.45400", "Kreisstadt mit mittelalterlicher Altstadt im Norden Thüringens."),
    ("Sonneberg", B.THUERINGEN, "Landkreis Sonneberg", 23000, "50.35900", "11.17000",
     "Kreisstadt im Süden Thüringens, bekannt für ihre Spielzeugtradition."),
    ("Husum", B.SCHLESWIG_HOLSTEIN, "Kreis Nordfriesland", 23000, "54.47700", "9.05100",
     "Kreisstadt an der Nordseeküste."),
    ("Eckernförde", B.SCHLESWIG_HOLSTEIN, "Kreis Rendsburg-Eckernförde", 22000, "54.46900",
     "9.83800", "Stadt an der Ostsee zwischen Kiel und Schleswig."),
    ("Pirmasens", B.RHEINLAND_PFALZ, "kreisfreie Stadt", 40000, "49.20100", "7.60500",
     "Kreisfreie Stadt im Pfälzerwald."),
    ("Daun", B.RHEINLAND_PFALZ, "Landkreis Vulkaneifel", 8000, "50.19800", "6.83100",
     "Kreisstadt in der Vulkaneifel."),
    ("St. Wendel", B.SAARLAND, "Landkreis St. Wendel", 26000, "49.46700", "7.16800",
     "Kreisstadt im Nordosten des Saarlands."),
]
# fmt: on


def build_municipalities(locales):
    """Create or update the German municipality rows. Returns (tally, {name: obj})."""
    tally, by_name = Tally(), {}
    for name, land, district, population, lat, lon, description in MUNICIPALITIES:
        obj, outcome = upsert_snippet(
            Municipality,
            locales.de,
            {"name": name},
            {
                "bundesland": land,
                "district": district,
                "population": population,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "description": description,
            },
        )
        tally.add(outcome)
        by_name[name] = obj
    return tally, by_name
