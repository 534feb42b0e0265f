"""Eight fictional members of the expert pool (names are invented), German and English."""

from learning.models import Expert

from .base import Tally, rich, upsert_snippet, upsert_snippet_translation

# fmt: off
# (slug, name, organisation, expertise, availability,
#  (position, languages, bio) in German, (position, languages, bio) in English)
EXPERTS = [
    ("ilka-musterfeld", "Dr. Ilka Musterfeld", "Beispiel-Hochschule für Verwaltung",
     ["Change Management", "Agiles Arbeiten"], "available",
     ("Professorin für Verwaltungsmanagement", "Deutsch, Englisch",
      "Forscht und lehrt seit vielen Jahren zu Veränderungsprozessen in Kommunen und "
      "begleitet Verwaltungen bei Reformvorhaben."),
     ("Professor of public management", "German, English",
      "Has researched and taught change processes in municipalities for many years and "
      "advises administrations on reforms.")),
    ("jonas-beispielmann", "Jonas Beispielmann", "Beispielmann Agile Beratung",
     ["Agiles Arbeiten", "Moderation und Workshopgestaltung", "Design Thinking"], "limited",
     ("Agile Coach", "Deutsch, Englisch, Spanisch",
      "Hat als Agile Coach Teams in Landes- und Kommunalverwaltungen begleitet und "
      "moderiert gern auch schwierige Runden."),
     ("Agile coach", "German, English, Spanish",
      "Has coached teams in state and municipal administrations and enjoys facilitating "
      "difficult meetings.")),
    ("aylin-probefeld", "Aylin Probefeld", "Musterstadt, Amt für Digitalisierung",
     ["E-Akte und Dokumentenmanagement", "Prozessautomatisierung"], "available",
     ("Leiterin Digitalisierung", "Deutsch, Türkisch, Englisch",
      "Hat die E-Akte in einer mittelgroßen Stadtverwaltung eingeführt und teilt ihre "
      "Erfahrungen mit Schulung, Ablage und Akzeptanz."),
     ("Head of digitalisation", "German, Turkish, English",
      "Introduced electronic files in a mid-sized city administration and shares her "
      "experience with training, filing and acceptance.")),
    ("piotr-fallstudie", "Piotr Fallstudie", "Beispielkreis, Stabsstelle Integration",
     ["Integration und Migration", "Netzwerkarbeit"], "available",
     ("Integrationsbeauftragter", "Deutsch, Polnisch, Russisch",
      "Baut seit Jahren Netzwerke zwischen Behörden, Beratungsstellen und Ehrenamt auf "
      "und kennt die Abläufe im Ausländerrecht."),
     ("Integration officer", "German, Polish, Russian",
      "Has built networks between authorities, counselling services and volunteers for "
      "years and knows immigration procedures well.")),
    ("frieda-vorlage", "Frieda Vorlage", "Büro Vorlage für Beteiligung",
     ["Bürgerbeteiligung", "Moderation und Workshopgestaltung", "Öffentlichkeitsarbeit"],
     "limited",
     ("Beteiligungsexpertin", "Deutsch, Englisch",
      "Plant und moderiert Beteiligungsverfahren, von der Bürgerwerkstatt bis zum "
      "ausgelosten Bürger:innenrat."),
     ("Participation expert", "German, English",
      "Designs and facilitates participation processes, from citizens' workshops to "
      "citizens' assemblies chosen by lot.")),
    ("samuel-testgruen", "Samuel Testgrün", "Beispiel-Energieagentur",
     ["Klimaschutzmanagement", "Energiemanagement", "Fördermittelmanagement"], "available",
     ("Klimaschutzberater", "Deutsch, Englisch, Französisch",
      "Berät Kommunen bei Klimaschutzkonzepten und beim Energiemanagement ihrer "
      "Gebäude."),
     ("Climate action adviser", "German, English, French",
      "Advises municipalities on climate action plans and on energy management of their "
      "buildings.")),
    ("nadia-modellstadt", "Nadia Modellstadt", "Modellstadt Mobilitätslabor",
     ["Mobilitätsplanung", "Datenanalyse"], "unavailable",
     ("Mobilitätsplanerin", "Deutsch, Arabisch, Englisch",
      "Entwickelt On-Demand-Verkehre für ländliche Räume und wertet Mobilitätsdaten "
      "aus."),
     ("Mobility planner", "German, Arabic, English",
      "Develops on-demand transport for rural areas and analyses mobility data.")),
    ("konrad-exempel", "Konrad Exempel", "Beispiel-Kämmerei a. D.",
     ["Haushalts- und Finanzplanung", "Fördermittelmanagement"], "available",
     ("Kämmerer im Ruhestand", "Deutsch",
      "War lange Kämmerer einer Kreisstadt und erklärt Haushaltsrecht so, dass es auch "
      "Quereinsteiger:innen verstehen."),
     ("Retired municipal treasurer", "German",
      "Was treasurer of a district town for many years and explains budget law so that "
      "lateral entrants understand it.")),
]
# fmt: on


def build_experts(locales, competencies):
    """Create or update the experts and their English translations. Returns a tally."""
    tally = Tally()
    for slug, name, organisation, expertise, availability, de, en in EXPERTS:
        local = slug.replace("-", ".")
        expert, outcome = upsert_snippet(
            Expert,
            locales.de,
            {"slug": slug},
            {
                "name": name,
                "organisation": organisation,
                "position": de[0],
                "languages": de[1],
                "bio": rich(de[2]),
                "availability": availability,
                "contact_email": f"{local}@example.org",
                "expertise": [competencies[item] for item in expertise],
            },
        )
        tally.add(outcome)
        _en, outcome = upsert_snippet_translation(
            expert,
            locales.en,
            {
                "name": name,
                "organisation": organisation,
                "position": en[0],
                "languages": en[1],
                "bio": rich(en[2]),
                "availability": availability,
                "contact_email": f"{local}@example.org",
                "expertise": [competencies[item] for item in expertise],
            },
        )
        tally.add(outcome)
    return tally
