"""Fifteen learning resources of the accompanying programme; five are also in English."""

from learning.models import LearningResourcePage

from .base import Tally, bullets, upsert_page
from .blocks import faq, text

VIDEO_HOST = "https://video.example.org/lokalprojekte/"  # placeholder host (RFC 2606)


def _resource(slug, title, fmt, level, minutes, topics, summary, body, *, only=False,
              video=False, en=None):  # fmt: skip
    return {
        "slug": slug,
        "topics": topics,
        "shared": {
            "format": fmt,
            "level": level,
            "duration_minutes": minutes,
            "macherinnen_only": only,
            "video_url": VIDEO_HOST + slug if video else "",
        },
        "de": {"title": title, "listing_summary": summary, "body": body},
        "en": en,
    }


RESOURCES = [
    _resource(
        "change-management-einstieg",
        "Change Management in der Verwaltung: ein Einstieg",
        "article",
        "intro",
        15,
        ["digitale-verwaltung"],
        "Warum Veränderungen in Behörden anders laufen und wie Sie sie gut begleiten.",
        [
            text(
                "Veränderungen in einer Verwaltung scheitern selten an der Technik, sondern an "
                "fehlender Klarheit: Warum ändern wir etwas, was bedeutet das für mich, und wer "
                "entscheidet?",
                "## Drei Grundsätze",
                bullets(
                    "Den Anlass erklären, bevor über Lösungen gesprochen wird",
                    "Beschäftigte früh beteiligen und ihre Erfahrung ernst nehmen",
                    "Kleine, sichtbare Erfolge feiern",
                ),
                "Als Macher:in sind Sie Gast im System. Ihre Pat:in hilft Ihnen, informelle "
                "Regeln und Entscheidungswege zu verstehen.",
            )
        ],
        en={
            "title": "Change management in public administration: an introduction",
            "slug": "change-management-introduction",
            "listing_summary": "Why change works differently in public authorities and how to "
            "support it well.",
            "body": [
                text(
                    "Change in an administration rarely fails because of technology but because "
                    "of unclear answers: why are we changing, what does it mean for me, and who "
                    "decides?",
                    "## Three principles",
                    bullets(
                        "Explain the reason before discussing solutions",
                        "Involve staff early and take their experience seriously",
                        "Celebrate small, visible successes",
                    ),
                    "As a maker you are a guest in the system. Your sponsor (Pat:in) helps you "
                    "understand informal rules and decision paths.",
                )
            ],
        },
    ),
    _resource(
        "widerstaende-verstehen",
        "Veränderung begleiten: Widerstände verstehen",
        "video",
        "advanced",
        25,
        ["digitale-verwaltung"],
        "Ein Vortrag aus dem Begleitprogramm über Einwände, Ängste und gute Gegenfragen.",
        [
            text(
                "Widerstand ist eine Information: Er zeigt, wo ein Vorhaben noch nicht "
                "verstanden oder noch nicht gut genug ist. Im Video lernen Sie typische Muster "
                "kennen und üben, mit Fragen statt Argumenten zu reagieren.",
            )
        ],
        only=True,
        video=True,
    ),
    _resource(
        "agile-methoden-im-amt",
        "Agile Methoden im Amt: Scrum, Kanban und was davon passt",
        "article",
        "intro",
        20,
        ["digitale-verwaltung"],
        "Welche agilen Methoden sich in Behörden bewährt haben und wo ihre Grenzen liegen.",
        [
            text(
                "Agil zu arbeiten heißt nicht, auf Regeln zu verzichten. Es heißt, in kurzen "
                "Abständen Ergebnisse zu zeigen und daraus zu lernen.",
                "## Scrum",
                "Scrum eignet sich für Vorhaben, bei denen ein festes Team an einem Produkt "
                "arbeitet, etwa einem Onlinedienst.",
                "## Kanban",
                "Kanban passt überall dort, wo laufende Aufgaben sichtbar und planbar werden "
                "sollen, zum Beispiel im Bürgerbüro.",
                "## Grenzen",
                "Haushaltsrecht, Vergabe und Beteiligungsrechte des Personalrats gelten auch für "
                "agile Teams. Planen Sie sie von Anfang an mit ein.",
            )
        ],
        en={
            "title": "Agile methods in public offices: Scrum, Kanban and what fits",
            "slug": "agile-methods-in-public-offices",
            "listing_summary": "Which agile methods work in public authorities and where their "
            "limits are.",
            "body": [
                text(
                    "Working in an agile way does not mean dropping rules. It means showing "
                    "results at short intervals and learning from them.",
                    "## Scrum",
                    "Scrum suits projects where a fixed team builds one product, such as an "
                    "online service.",
                    "## Kanban",
                    "Kanban fits wherever ongoing work needs to become visible and plannable, for "
                    "example in a citizens' office.",
                    "## Limits",
                    "Budget law, procurement and the staff council's rights apply to agile teams "
                    "too. Plan for them from the start.",
                )
            ],
        },
    ),
    _resource(
        "kanban-board-einrichten",
        "Arbeitsblatt: ein Kanban-Board für das Team",
        "worksheet",
        "intro",
        30,
        ["digitale-verwaltung"],
        "Schritt für Schritt zum ersten Kanban-Board – analog an der Wand oder digital.",
        [
            text(
                "## So gehen Sie vor",
                bullets(
                    "Sammeln Sie alle laufenden Aufgaben des Teams auf Karten.",
                    "Legen Sie Spalten fest, etwa „Offen“, „In Arbeit“, „Warten auf“, „Erledigt“.",
                    "Begrenzen Sie die Zahl der Karten in „In Arbeit“.",
                    "Treffen Sie sich täglich zehn Minuten am Board.",
                    ordered=True,
                ),
            )
        ],
    ),
    _resource(
        "design-thinking-mit-buergerinnen",
        "Kursmodul: Design Thinking mit Bürger:innen",
        "course_module",
        "advanced",
        90,
        ["buergerbeteiligung", "digitale-verwaltung"],
        "Wie Sie Bürger:innen in die Entwicklung von Verwaltungsleistungen einbeziehen.",
        [
            text(
                "In diesem Modul durchlaufen Sie die Phasen des Design Thinking an einem Beispiel "
                "aus der Verwaltung: verstehen, beobachten, Sichtweise definieren, Ideen finden, "
                "Prototypen bauen und testen.",
                "Sie planen ein eigenes Interview mit Nutzer:innen und bauen einen "
                "Papierprototyp für einen Antrag.",
            )
        ],
        only=True,
    ),
    _resource(
        "new-work-oeffentlicher-dienst",
        "New Work im öffentlichen Dienst",
        "article",
        "intro",
        12,
        ["fachkraeftegewinnung"],
        "Was New Work in einer Behörde bedeuten kann – jenseits von Sitzsäcken.",
        [
            text(
                "New Work meint Arbeit, die Sinn stiftet, Eigenverantwortung zulässt und "
                "flexibel organisiert ist. Für Verwaltungen ist das auch eine Frage der "
                "Fachkräftegewinnung.",
                "Mobiles Arbeiten, Projektteams über Amtsgrenzen hinweg und Führung auf "
                "Augenhöhe sind Bausteine, die Sie als Macher:in vorleben können.",
            )
        ],
        en={
            "title": "New Work in the public sector",
            "slug": "new-work-in-the-public-sector",
            "listing_summary": "What New Work can mean in a public authority – beyond bean bags.",
            "body": [
                text(
                    "New Work means work that is meaningful, allows responsibility and is "
                    "organised flexibly. For administrations it is also a question of attracting "
                    "staff.",
                    "Remote work, project teams across departments and leadership on equal "
                    "footing are building blocks that you as a maker can model.",
                )
            ],
        },
    ),
    _resource(
        "verwaltungsrecht-kompakt",
        "Kursmodul: Verwaltungsrecht kompakt – Verwaltungsakt, Anhörung, Widerspruch",
        "course_module",
        "intro",
        60,
        ["digitale-verwaltung"],
        "Die Grundbegriffe des Verwaltungsrechts für alle, die neu in einer Behörde sind.",
        [
            text(
                "Verwaltung handelt nach Recht und Gesetz. Dieses Modul erklärt die Begriffe, "
                "die Ihnen im Projektalltag begegnen.",
                bullets(
                    "Was ein Verwaltungsakt ist und wann er wirksam wird",
                    "Warum Betroffene vorher angehört werden",
                    "Wie Widerspruch und Klage funktionieren",
                    "Was Zuständigkeit bedeutet und warum sie so wichtig ist",
                ),
            ),
            faq(
                "Fragen zum Modul",
                [
                    (
                        "Brauche ich Vorkenntnisse?",
                        ["Nein, das Modul richtet sich an Einsteiger:innen."],
                    ),
                ],
            ),
        ],
    ),
    _resource(
        "haushaltsrecht-fuer-projekte",
        "Kursmodul: Haushaltsrecht für Projektmacher:innen",
        "course_module",
        "advanced",
        60,
        ["wirtschaftsfoerderung"],
        "Wie Geld in der Kommune geplant, bewilligt und ausgegeben wird.",
        [
            text(
                "Ohne Haushaltsmittel kein Projekt. Sie lernen den Weg vom Haushaltsplan über "
                "Mittelbewirtschaftung bis zur Vergabe kennen und erfahren, wie Fördermittel und "
                "Eigenanteile zusammenspielen.",
            )
        ],
        only=True,
    ),
    _resource(
        "buergerbeteiligung-planen",
        "Bürgerbeteiligung planen: Stufen und Formate",
        "article",
        "advanced",
        18,
        ["buergerbeteiligung"],
        "Von der Information bis zur Mitentscheidung: welche Beteiligung wofür passt.",
        [
            text(
                "Beteiligung hat Stufen: informieren, konsultieren, mitgestalten, mitentscheiden. "
                "Entscheiden Sie vorab, welche Stufe ehrlich möglich ist, und sagen Sie das "
                "offen.",
                "## Formate",
                bullets(
                    "Online-Umfrage und Kartenbeteiligung",
                    "Bürgerwerkstatt und Planungsspaziergang",
                    "Zufällig ausgeloste Bürger:innenräte",
                ),
            )
        ],
        en={
            "title": "Planning citizen participation: levels and formats",
            "slug": "planning-citizen-participation",
            "listing_summary": "From information to co-decision: which participation fits "
            "which purpose.",
            "body": [
                text(
                    "Participation has levels: inform, consult, co-design, co-decide. Decide in "
                    "advance which level is honestly possible and say so openly.",
                    "## Formats",
                    bullets(
                        "Online survey and map-based participation",
                        "Citizens' workshop and planning walk",
                        "Citizens' assemblies chosen by lot",
                    ),
                )
            ],
        },
    ),
    _resource(
        "beteiligungsformate-vergleich",
        "Arbeitsblatt: Beteiligungsformate im Vergleich",
        "worksheet",
        "advanced",
        45,
        ["buergerbeteiligung"],
        "Eine Vorlage, um Aufwand, Reichweite und Wirkung von Formaten abzuwägen.",
        [
            text(
                "Bewerten Sie jedes Format nach Aufwand, erreichten Zielgruppen, Zeitbedarf und "
                "Verbindlichkeit der Ergebnisse. Besprechen Sie die Tabelle anschließend mit "
                "Ihrer Pat:in.",
            )
        ],
    ),
    _resource(
        "zusammenarbeit-mit-der-patin",
        "Zusammenarbeit mit der Pat:in: die ersten 100 Tage",
        "worksheet",
        "intro",
        30,
        ["digitale-verwaltung"],
        "Fragen und Vereinbarungen für einen guten Start mit Ihrer Pat:in.",
        [
            text(
                "Die Pat:in ist Ihre wichtigste Verbündete in der Verwaltung. Klären Sie früh, "
                "wie Sie zusammenarbeiten.",
                bullets(
                    "Wie oft und in welcher Form treffen wir uns?",
                    "Wer muss von meinem Projekt wissen, wer muss zustimmen?",
                    "Welche Themen sind heikel?",
                    "Woran erkennen wir nach 100 Tagen, dass wir auf gutem Weg sind?",
                ),
            )
        ],
        only=True,
    ),
    _resource(
        "wirkungsorientiert-planen",
        "Wirkungsorientiert planen: von der Projektskizze zum Wirkungsmodell",
        "article",
        "advanced",
        20,
        ["digitale-verwaltung", "buergerbeteiligung"],
        "Wie Sie Ziele so formulieren, dass sich Wirkung für Zielgruppen zeigen lässt.",
        [
            text(
                "Jedes Lokalprojekt beginnt mit einer Projektskizze, die auf die Wirkung für "
                "Zielgruppen ausgerichtet ist. Ein Wirkungsmodell ordnet Aktivitäten, Ergebnisse "
                "und Wirkungen und macht sichtbar, was Sie messen können.",
            )
        ],
        only=True,
    ),
    _resource(
        "foerderprogramme-finden",
        "Förderprogramme finden und beantragen",
        "video",
        "intro",
        20,
        ["wirtschaftsfoerderung"],
        "Ein kurzes Video über Förderdatenbanken, Fristen und gute Anträge.",
        [
            text(
                "Im Video erfahren Sie, wie Sie passende Förderprogramme finden, worauf "
                "Fördergeber achten und wie Sie einen Antrag realistisch planen.",
            )
        ],
        video=True,
    ),
    _resource(
        "stakeholder-landkarte",
        "Arbeitsblatt: Stakeholder-Landkarte der Kommune",
        "worksheet",
        "intro",
        40,
        ["buergerbeteiligung"],
        "Wer hat Einfluss, wer ist betroffen? Eine Vorlage zum Ausfüllen.",
        [
            text(
                "Tragen Sie alle Personen und Gruppen ein, die Ihr Projekt berührt: Verwaltung, "
                "Politik, Vereine, Unternehmen, Bürger:innen. Ordnen Sie sie nach Einfluss und "
                "Betroffenheit und überlegen Sie, wen Sie wann einbinden.",
            )
        ],
    ),
    _resource(
        "weiterfuehrende-links-agile-verwaltung",
        "Weiterführende Links: agile Verwaltung",
        "further_reading",
        "intro",
        10,
        ["digitale-verwaltung"],
        "Initiativen und Netzwerke, die Verwaltung neu denken.",
        [
            text(
                "Sie möchten tiefer einsteigen? Diese Initiativen beschäftigen sich mit agiler "
                "und innovativer Verwaltung. Sie finden sie über eine Suche nach ihrem Namen.",
                bullets(
                    "<strong>Creative Bureaucracy Festival</strong> – ein Festival für Menschen, "
                    "die in und mit Verwaltungen Neues wagen",
                    "<strong>Verwaltungsrebellen</strong> – ein Blog über Veränderung in der "
                    "Verwaltung",
                    "<strong>Forum Agile Verwaltung e.V.</strong> – ein Verein, der agile "
                    "Methoden in der öffentlichen Verwaltung verbreitet",
                    "<strong>Kommune 360°</strong> – eine Initiative für zukunftsfähige Kommunen",
                ),
            )
        ],
        en={
            "title": "Further reading: agile administration",
            "slug": "further-reading-agile-administration",
            "listing_summary": "Initiatives and networks that rethink public administration.",
            "body": [
                text(
                    "Want to go deeper? These initiatives work on agile and innovative "
                    "administration. Search for them by name.",
                    bullets(
                        "<strong>Creative Bureaucracy Festival</strong> – a festival for people "
                        "who try new things in and with administrations",
                        "<strong>Verwaltungsrebellen</strong> – a blog about change in "
                        "administration",
                        "<strong>Forum Agile Verwaltung e.V.</strong> – an association promoting "
                        "agile methods in public administration",
                        "<strong>Kommune 360°</strong> – an initiative for future-proof "
                        "municipalities",
                    ),
                )
            ],
        },
    ),
]


def build_resources(index_page, topics):
    """Create or update the learning resources. Returns (tally, [(spec, page)])."""
    tally, result = Tally(), []
    for spec in RESOURCES:
        values = {
            **spec["shared"],
            "topics": [topics[slug] for slug in spec["topics"]],
            **spec["de"],
        }
        page, outcome = upsert_page(index_page, LearningResourcePage, spec["slug"], values)
        tally.add(outcome)
        result.append((spec, page))
    return tally, result
