"""Success stories from the programme's real projects (facts from CONTENT.md, own wording)."""

import datetime

from stories.models import StoryPage

from .base import Tally, bullets, upsert_page
from .blocks import cta, figures, text


def story_specs(projects, images, pages):
    """The stories as plain data: key -> (slug, shared values, German values, English values)."""
    eschwege, kalletal, netzwerk = (
        projects["eschwege"], projects["kalletal"], projects["burgenlandkreis"]
    )  # fmt: skip
    return {
        "eschwege": (
            "eschwege-papierlos-aber-richtig",
            {
                "municipality": eschwege.municipality,
                "project": eschwege,
                "topics": list(eschwege.topics.all()),
                "period_start": datetime.date(2021, 10, 1),
                "period_end": datetime.date(2022, 4, 30),
                "funder": "",
                "quote_author": "Bürgermeister der Stadt Eschwege",
                "lead_image": images["eschwege"],
                "listing_image": images["eschwege"],
            },
            {
                "title": "Eschwege: Papierlos – aber richtig!",
                "subject": "Papierlos – aber richtig!",
                "listing_summary": "Wie eine Informatikerin in Eschwege die E-Akte in die "
                "Steuerabteilung brachte – und blieb.",
                "maker_role": "Informatikerin mit 25 Jahren Erfahrung in Prozessautomatisierung "
                "und Softwareentwicklung; heute Digitalisierungsbeauftragte der Stadt",
                "outcome": "Die Steuerabteilung arbeitet mit der elektronischen Akte. Die "
                "Macherin ist geblieben: Sie ist heute Digitalisierungsbeauftragte der Stadt "
                "Eschwege.",
                "quote": "Wie gewinnen wir die richtigen Fachkräfte für unsere Rathäuser?",
                "body": [
                    text(
                        "## Die Ausgangslage",
                        "Eschwege ist Kreisstadt des Werra-Meißner-Kreises und hat rund 20.000 "
                        "Einwohner:innen. Die Frage, mit der alles begann, kam vom "
                        "Bürgermeister: Wie gewinnt eine Kleinstadt die Fachkräfte, die sie "
                        "für eine moderne Verwaltung braucht? Die Antwort im Pilotjahr 2021 war "
                        "ein Lokalprojekt.",
                        "## Das Projekt",
                        "Von Oktober 2021 bis April 2022 führte eine Macherin die "
                        "elektronische Akte in der Steuerabteilung ein. Der Projekttitel war "
                        "Programm: Es ging nicht darum, Papier einzuscannen, sondern Abläufe "
                        "so zu gestalten, dass sie digital wirklich einfacher werden.",
                        "Die Macherin brachte 25 Jahre Erfahrung in Prozessautomatisierung und "
                        "Softwareentwicklung mit. Begleitet wurde sie vom Begleitprogramm von "
                        "Lokalprojekte und einer Pat:in aus der Verwaltung.",
                        "## Was bleibt",
                        bullets(
                            "Die Steuerabteilung arbeitet mit der E-Akte.",
                            "Die Macherin ist als Digitalisierungsbeauftragte in der Stadt "
                            "geblieben.",
                            "Aus einer Frage zur Fachkräftegewinnung wurde eine dauerhafte Stelle.",
                        ),
                    ),
                    figures(
                        "Das Projekt in Zahlen",
                        [
                            ("7", "Monate Projektlaufzeit im Pilot"),
                            ("25", "Jahre Berufserfahrung der Macherin"),
                            ("1", "neue Stelle: Digitalisierungsbeauftragte"),
                        ],
                    ),
                    cta(
                        "Ein Projekt wie dieses?",
                        "Sehen Sie, welche Kommunen gerade Macher:innen suchen.",
                        pages["projects"],
                        "Offene Projekte",
                    ),
                ],
            },
            {
                "title": "Eschwege: Paperless – but done right!",
                "slug": "eschwege-paperless-but-done-right",
                "subject": "Paperless – but done right!",
                "listing_summary": "How a computer scientist brought electronic files to "
                "Eschwege's tax department – and stayed.",
                "maker_role": "Computer scientist with 25 years of experience in process "
                "automation and software development; now the town's digitalisation officer",
                "outcome": "The tax department works with electronic files. The maker stayed on "
                "and is now Eschwege's digitalisation officer.",
                "quote": "How do we win the right skilled staff for our town halls?",
                "body": [
                    text(
                        "## The starting point",
                        "Eschwege is the district town of Werra-Meißner-Kreis with about "
                        "20,000 inhabitants. It all began with the mayor's question: how does "
                        "a small town win the skilled staff a modern administration needs? "
                        "In the 2021 pilot, the answer was a Lokalprojekt.",
                        "## The project",
                        "From October 2021 to April 2022 a maker introduced electronic files in "
                        "the tax department. The title said it all: the point was not to scan "
                        "paper but to design processes that really become simpler digitally.",
                        "## What remains",
                        bullets(
                            "The tax department works with electronic files.",
                            "The maker stayed on as the town's digitalisation officer.",
                        ),
                    ),
                    figures(
                        "The project in figures",
                        [
                            ("7", "months in the pilot"),
                            ("25", "years of the maker's professional experience"),
                        ],
                    ),
                    cta(
                        "A project like this?",
                        "See which municipalities are looking for makers right now.",
                        pages["projects"],
                        "Open projects",
                    ),
                ],
            },
        ),
        "kalletal": (
            "kompass-kalletal",
            {
                "municipality": kalletal.municipality,
                "project": kalletal,
                "topics": list(kalletal.topics.all()),
                "period_start": datetime.date(2023, 10, 1),
                "period_end": datetime.date(2024, 3, 31),
                "funder": "Robert Bosch Stiftung",
                "quote_author": "",
                "lead_image": images["kalletal"],
                "listing_image": images["kalletal"],
            },
            {
                "title": "Kompass Kalletal: Ankommen leicht gemacht",
                "subject": "Kompass Kalletal",
                "listing_summary": "Eine UX/UI-Designerin erweitert die Gemeinde-App um einen "
                "Wegweiser für Zugewanderte und Geflüchtete.",
                "maker_role": "UX/UI-Designerin",
                "outcome": "Die Gemeinde-App hat ein Werkzeug erhalten, das Zugewanderte und "
                "Geflüchtete informiert und ihnen den Weg zu Behörden und Vereinen "
                "erleichtert.",
                "quote": "",
                "body": [
                    text(
                        "## Die Ausgangslage",
                        "Kalletal im Kreis Lippe ist eine Flächengemeinde mit rund 13.000 "
                        "Einwohner:innen. Wer neu ankommt, muss sich zwischen Gemeinde, Kreis, "
                        "Beratungsstellen und Vereinen orientieren – oft ohne die Sprache "
                        "sicher zu beherrschen.",
                        "## Das Projekt",
                        "Die Gemeinde hatte bereits eine eigene App. Von Oktober 2023 bis März "
                        "2024 erweiterte eine UX/UI-Designerin sie um den „Kompass Kalletal“: "
                        "ein Werkzeug, das informiert und den Zugang zu Behörden und Vereinen "
                        "erleichtert. Gefördert wurde das Projekt von der Robert Bosch "
                        "Stiftung.",
                        "## Warum Design hier zählt",
                        "Ein Angebot für Menschen, die neu im Land sind, muss ohne "
                        "Behördendeutsch auskommen. Gestaltung aus Sicht der Nutzer:innen war "
                        "deshalb der Kern des Projekts.",
                    ),
                    figures(
                        "Das Projekt in Zahlen",
                        [("6", "Monate Projektlaufzeit"), ("1", "bestehende App erweitert")],
                    ),
                    cta(
                        "Integration ist Ihr Thema?",
                        "Entdecken Sie weitere Projekte im Themenfeld Integration.",
                        pages["projects"],
                        "Projekte ansehen",
                    ),
                ],
            },
            {
                "title": "Kompass Kalletal: settling in made easy",
                "slug": "kompass-kalletal",
                "subject": "Kompass Kalletal",
                "listing_summary": "A UX/UI designer adds a guide for migrants and refugees to "
                "the municipal app.",
                "maker_role": "UX/UI designer",
                "outcome": "The municipal app gained a tool that informs migrants and refugees "
                "and eases their way to authorities and associations.",
                "quote": "",
                "body": [
                    text(
                        "## The starting point",
                        "Kalletal in the district of Lippe is a rural municipality of about "
                        "13,000 inhabitants. Newcomers have to find their way between "
                        "municipality, district, counselling services and associations.",
                        "## The project",
                        "From October 2023 to March 2024 a UX/UI designer extended the existing "
                        "municipal app with “Kompass Kalletal”, a tool that informs newcomers "
                        "and eases their access to authorities and associations. The Robert "
                        "Bosch Stiftung funded the project.",
                    ),
                    cta(
                        "Is integration your field?",
                        "Discover more projects on integration.",
                        pages["projects"],
                        "See projects",
                    ),
                ],
            },
        ),
        "netzwerk": (
            "netzwerk-integration",
            {
                "municipality": netzwerk.municipality,
                "project": netzwerk,
                "topics": list(netzwerk.topics.all()),
                "period_start": netzwerk.start_date,
                "period_end": None,
                "funder": "",
                "quote_author": "",
                "lead_image": images["netzwerk"],
                "listing_image": images["netzwerk"],
            },
            {
                "title": "Netzwerk Integration im Burgenlandkreis (in Vorbereitung)",
                "subject": "Netzwerk Integration",
                "listing_summary": "In Vorbereitung: Über dieses Projekt berichten wir, sobald "
                "es begonnen hat.",
                "maker_role": "Wird gesucht, sobald die Projektskizze steht",
                "outcome": "Dieses Projekt ist in Vorbereitung. Sobald es läuft, erzählen wir "
                "hier seine Geschichte.",
                "quote": "",
                "body": [
                    text(
                        "Im Burgenlandkreis in Sachsen-Anhalt entsteht ein Lokalprojekt mit dem "
                        "Arbeitstitel „Netzwerk Integration“. Weitere Einzelheiten "
                        "veröffentlichen wir, sobald die Projektskizze abgestimmt ist."
                    )
                ],
            },
            None,
        ),
    }


def build_stories(index_page, projects, images, pages):
    """Create or update the stories. Returns (tally, {key: page}, specs)."""
    tally, result = Tally(), {}
    specs = story_specs(projects, images, pages)
    for key, (slug, shared, de, _en) in specs.items():
        page, outcome = upsert_page(index_page, StoryPage, slug, {**shared, **de})
        tally.add(outcome)
        result[key] = page
    return tally, result, specs
