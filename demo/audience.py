"""The audience pages (Kommunen, Macher:innen, Unternehmen, Förderer) and "Über uns".

Each spec's ``de``/``en`` functions receive the dict of section pages so call-to-action
buttons and cards can link to them.
"""

from .about import about_de, about_en
from .base import bullets
from .blocks import cards, cta, faq, figures, quote, text
from .supporters import foerderer_de, foerderer_en, unternehmen_de, unternehmen_en


def _kommunen_de(p):
    return {
        "title": "Für Kommunen",
        "show_in_menus": True,
        "intro": "Sie haben eine konkrete Herausforderung, aber weder Zeit noch das passende "
        "Know-how im Haus? Eine Macher:in arbeitet sechs bis 18 Monate bei Ihnen vor Ort "
        "genau daran.",
        "listing_summary": "Befristete, gut qualifizierte Unterstützung für ein konkretes "
        "Vorhaben Ihrer Verwaltung.",
        "body": [
            text(
                "## Was Sie von einem Lokalprojekt haben",
                bullets(
                    "Kurzfristige, flexible und qualifizierte Unterstützung für einen "
                    "festen Zeitraum",
                    "Wissen, das nach Projektende in Ihrer Verwaltung bleibt",
                    "Erfahrung mit Projektarbeit, agilen Methoden und New Work im eigenen Haus",
                    "Ein leichterer Quereinstieg: Passt es, bleibt die Macher:in als "
                    "Mitarbeiter:in",
                ),
            ),
            figures(
                "Auf einen Blick",
                [
                    ("6–18", "Monate Projektdauer vor Ort"),
                    ("4–5", "Monate von der Vereinbarung bis zum Start"),
                    ("1", "Pat:in aus Ihrer Verwaltung begleitet das Projekt"),
                ],
            ),
            text(
                "## So läuft die Zusammenarbeit",
                bullets(
                    "Im persönlichen Gespräch prüfen wir, ob Ihr Anliegen als Projekt lösbar ist.",
                    "Gemeinsam halten wir die Eckpunkte in einer Projektskizze fest – mit "
                    "Blick auf die Wirkung für Ihre Zielgruppen.",
                    "Aus der Skizze entsteht das Kompetenzprofil der gesuchten Macher:in.",
                    "Wir suchen per Direktansprache, digitalem Recruiting und in unserer "
                    "Talentdatenbank.",
                    "Sie entscheiden, mit wem Sie arbeiten, und benennen die Pat:in.",
                    ordered=True,
                ),
            ),
            faq(
                "Häufige Fragen von Kommunen",
                [
                    (
                        "Was kostet ein Lokalprojekt?",
                        [
                            "Die Kosten hängen von Dauer und Umfang ab. Sprechen Sie uns an, "
                            "wir erstellen Ihnen ein Angebot."
                        ],
                    ),
                    (
                        "Welche Aufgaben eignen sich?",
                        [
                            "Besonders gut passen fachübergreifende Vorhaben, Themen mit "
                            "umkämpftem Fachkräftemarkt und kurzfristige Herausforderungen, "
                            "etwa in der Krisenlogistik."
                        ],
                    ),
                    (
                        "Was macht die Pat:in?",
                        [
                            "Die Pat:in kennt Ihre Verwaltung, öffnet Türen und ist erste "
                            "Ansprechperson. Wir bereiten sie im Begleitprogramm auf die Rolle "
                            "vor."
                        ],
                    ),
                ],
            ),
            quote(
                "Wir brauchen Menschen, die anpacken – und die den Mut haben, eingespielte "
                "Abläufe freundlich zu hinterfragen.",
                role="Fachbereichsleitung in einer Kreisverwaltung (Beispiel)",
            ),
            cta(
                "Haben Sie eine Herausforderung für uns?",
                "Erzählen Sie uns davon. Im ersten Gespräch klären wir, ob ein Lokalprojekt passt.",
                p["about"],
                "Kontakt aufnehmen",
            ),
        ],
    }


def _kommunen_en(p):
    return {
        "title": "For municipalities",
        "slug": "for-municipalities",
        "intro": "You face a concrete challenge but lack the time or the right expertise "
        "in-house? A maker works on exactly that, on site with you, for six to 18 months.",
        "listing_summary": "Qualified support for a fixed period, focused on one project of "
        "your administration.",
        "body": [
            text(
                "## What a Lokalprojekt gives you",
                bullets(
                    "Short-term, flexible and qualified support for a fixed period",
                    "Know-how that stays in your administration after the project",
                    "Hands-on experience with project work, agile methods and New Work",
                    "An easier way in for lateral entrants: if it fits, the maker stays on",
                ),
            ),
            figures(
                "At a glance",
                [
                    ("6–18", "months on site"),
                    ("4–5", "months from agreement to start"),
                    ("1", "sponsor (Pat:in) from your administration"),
                ],
            ),
            text(
                "## How we work together",
                bullets(
                    "In a personal conversation we check whether your issue can be solved "
                    "as a project.",
                    "Together we write a project sketch focused on the impact for your "
                    "target groups.",
                    "The sketch yields the competence profile of the maker we look for.",
                    "We recruit through direct approach, digital channels and our talent database.",
                    "You decide whom to work with and name the sponsor.",
                    ordered=True,
                ),
            ),
            faq(
                "Questions from municipalities",
                [
                    (
                        "What does a Lokalprojekt cost?",
                        [
                            "It depends on duration and scope. Get in touch and we will send "
                            "you an offer."
                        ],
                    ),
                    (
                        "Which tasks fit?",
                        [
                            "Cross-departmental projects, fields with a tight labour market "
                            "and urgent challenges such as crisis logistics fit particularly "
                            "well."
                        ],
                    ),
                    (
                        "What does the sponsor do?",
                        [
                            "The sponsor knows your administration, opens doors and is the "
                            "maker's first contact. Our programme prepares them for the role."
                        ],
                    ),
                ],
            ),
            quote(
                "We need people who get things done – and who dare to question established "
                "routines in a friendly way.",
                role="Head of department in a district administration (example)",
            ),
            cta(
                "Do you have a challenge for us?",
                "Tell us about it. In a first conversation we find out whether a Lokalprojekt "
                "fits.",
                p["about"],
                "Get in touch",
            ),
        ],
    }


def _macherinnen_de(p):
    return {
        "title": "Für Macher:innen",
        "show_in_menus": True,
        "intro": "Sie wollen etwas bewegen, wo es direkt ankommt? Bringen Sie Ihre Erfahrung "
        "für sechs bis 18 Monate in eine Kommune – bezahlt und mit einem Programm, das Sie "
        "begleitet.",
        "listing_summary": "Ein Projekt mit Sinn vor Ort, Vergütung angelehnt an den TVöD und "
        "ein Begleitprogramm.",
        "body": [
            text(
                "## Warum mitmachen?",
                bullets(
                    "Sie arbeiten an einer Aufgabe, deren Wirkung Sie vor Ort sehen.",
                    "Sie lernen, wie Politik und Verwaltung von innen funktionieren.",
                    "Ein Lokalprojekt passt zum Berufswechsel, als Brücke zwischen zwei "
                    "Stationen, nach der Elternzeit oder am Ende der Berufslaufbahn.",
                    "Wenn es passt, bleiben Sie danach als Mitarbeiter:in in der Verwaltung.",
                ),
                "Wir wählen nach Kompetenzen aus. Vielfalt und Erfahrung zählen, nicht "
                "Abschlüsse und Zertifikate.",
            ),
            figures(
                "Was Sie erwartet",
                [
                    ("6–18", "Monate vor Ort in einer Kommune"),
                    ("TVöD", "orientierte Vergütung"),
                    ("1", "Pat:in als feste Ansprechperson"),
                ],
            ),
            cards(
                "Ihr nächster Schritt",
                [
                    (
                        "Offene Projekte",
                        "Finden Sie ein Projekt, das zu Ihnen passt.",
                        p["projects"],
                    ),
                    (
                        "Lernbibliothek",
                        "Artikel, Videos und Arbeitsblätter für Ihren Einsatz.",
                        p["learning"],
                    ),
                    (
                        "Erfolgsgeschichten",
                        "Lesen Sie, was andere Macher:innen erreicht haben.",
                        p["stories"],
                    ),
                ],
            ),
            faq(
                "Häufige Fragen von Macher:innen",
                [
                    (
                        "Brauche ich Verwaltungserfahrung?",
                        [
                            "Nein. Die Kommune holt sich gerade Ihren Blick von außen. Was Sie "
                            "über Verwaltung wissen müssen, lernen Sie im Begleitprogramm."
                        ],
                    ),
                    (
                        "Wie werde ich bezahlt?",
                        [
                            "Die Vergütung orientiert sich am Tarifvertrag für den öffentlichen "
                            "Dienst (TVöD). Die genaue Eingruppierung steht in jeder "
                            "Ausschreibung."
                        ],
                    ),
                    (
                        "Muss ich umziehen?",
                        [
                            "Die Arbeit findet überwiegend vor Ort statt; viele Projekte "
                            "erlauben einen Anteil mobiles Arbeiten. Der Anteil steht in der "
                            "Ausschreibung."
                        ],
                    ),
                    (
                        "Was umfasst das Begleitprogramm?",
                        [
                            "Onboarding, Auftakt- und Abschlussveranstaltung, Coaching, das "
                            "Pat:innenprogramm, Workshops, Vernetzung, Lerninhalte auf Abruf "
                            "und der Zugang zum Expert:innenpool."
                        ],
                    ),
                ],
            ),
            cta(
                "Bereit für Ihr Lokalprojekt?",
                "Stöbern Sie in den ausgeschriebenen Projekten und bewerben Sie sich direkt.",
                p["projects"],
                "Projekte ansehen",
            ),
        ],
    }


def _macherinnen_en(p):
    return {
        "title": "For makers",
        "slug": "for-makers",
        "intro": "Want to make a difference where it shows? Bring your experience to a "
        "municipality for six to 18 months – paid, and with a programme that supports you.",
        "listing_summary": "A meaningful project on site, pay oriented on the public-sector "
        "scale (TVöD) and an accompanying programme.",
        "body": [
            text(
                "## Why join?",
                bullets(
                    "You work on a task whose effect you see locally.",
                    "You learn how politics and public administration work from the inside.",
                    "A Lokalprojekt suits a career change, a bridge between two jobs, the "
                    "return from parental leave or the last years of a career.",
                    "If it fits, you stay on as an employee of the administration.",
                ),
                "We select by competence. Diversity and experience count, not degrees and "
                "certificates.",
            ),
            figures(
                "What to expect",
                [
                    ("6–18", "months on site in a municipality"),
                    ("TVöD", "oriented pay"),
                    ("1", "sponsor (Pat:in) as your contact"),
                ],
            ),
            cards(
                "Your next step",
                [
                    ("Open projects", "Find a project that fits you.", p["projects"]),
                    (
                        "Learning library",
                        "Articles, videos and worksheets for your project.",
                        p["learning"],
                    ),
                    ("Success stories", "Read what other makers have achieved.", p["stories"]),
                ],
            ),
            faq(
                "Questions from makers",
                [
                    (
                        "Do I need experience in public administration?",
                        [
                            "No. The municipality wants your outside view. What you need to "
                            "know about administration you learn in our programme."
                        ],
                    ),
                    (
                        "How am I paid?",
                        [
                            "Pay is oriented on the collective agreement for the public sector "
                            "(TVöD). Each listing states the pay grade."
                        ],
                    ),
                    (
                        "Do I have to move?",
                        [
                            "Most of the work happens on site; many projects allow some remote "
                            "work. Each listing states the share."
                        ],
                    ),
                ],
            ),
            cta(
                "Ready for your Lokalprojekt?",
                "Browse the open projects and apply directly.",
                p["projects"],
                "See projects",
            ),
        ],
    }


# key -> (German slug, German values, English values)
AUDIENCE_PAGES = {
    "kommunen": ("fuer-kommunen", _kommunen_de, _kommunen_en),
    "macherinnen": ("fuer-macherinnen", _macherinnen_de, _macherinnen_en),
    "unternehmen": ("fuer-unternehmen", unternehmen_de, unternehmen_en),
    "foerderer": ("fuer-foerderer", foerderer_de, foerderer_en),
    "about": ("ueber-uns", about_de, about_en),
}
