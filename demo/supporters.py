"""Audience pages for companies and funders (see ``audience`` for the conventions)."""

from .base import bullets
from .blocks import cta, faq, figures, quote, text


def unternehmen_de(p):
    """Field values of the German page; ``p`` maps keys to section pages."""
    return {
        "title": "Für Unternehmen",
        "intro": "Ihre Mitarbeiter:innen bringen Wissen mit, das Kommunen dringend brauchen. "
        "Mit einem Lokalprojekt setzen Sie es dort ein, wo es Wirkung entfaltet.",
        "listing_summary": "Gesellschaftliche Verantwortung übernehmen und Mitarbeitende "
        "sinnvoll einsetzen und weiterentwickeln.",
        "body": [
            text(
                "## Ihre Möglichkeiten",
                bullets(
                    "Lokale Projekte als Teil Ihrer gesellschaftlichen Verantwortung (CSR) "
                    "oder im Rahmen von Corporate Volunteering unterstützen",
                    "Mitarbeitende sinnvoll einsetzen, etwa wenn die Auftragslage eine "
                    "Pause erlaubt",
                    "Fachkräfte weiterbilden: Wer in einer Verwaltung Veränderungen "
                    "anstößt, kommt mit neuen Fähigkeiten zurück",
                ),
            ),
            faq(
                "Häufige Fragen von Unternehmen",
                [
                    (
                        "Bleiben unsere Mitarbeitenden bei uns angestellt?",
                        [
                            "Das klären wir im Einzelfall mit Ihnen und der Kommune, zum "
                            "Beispiel als Freistellung oder Abordnung."
                        ],
                    ),
                    (
                        "Können wir Projekte finanziell unterstützen?",
                        ["Ja. Sprechen Sie uns an, wir stellen Ihnen passende Vorhaben vor."],
                    ),
                ],
            ),
            cta(
                "Sprechen wir darüber",
                "Wir zeigen Ihnen, wie ein Einsatz Ihrer Mitarbeitenden aussehen kann.",
                p["about"],
                "Kontakt aufnehmen",
            ),
        ],
    }


def unternehmen_en(p):
    """Field values of the English page; ``p`` maps keys to section pages."""
    return {
        "title": "For companies",
        "slug": "for-companies",
        "intro": "Your staff have knowledge that municipalities urgently need. A Lokalprojekt "
        "puts it to work where it has an effect.",
        "listing_summary": "Take on social responsibility and deploy and develop your staff "
        "meaningfully.",
        "body": [
            text(
                "## What you can do",
                bullets(
                    "Support local projects as part of your corporate social responsibility "
                    "or corporate volunteering",
                    "Deploy staff meaningfully, for instance when orders are short",
                    "Develop your people: whoever drives change in an administration comes "
                    "back with new skills",
                ),
            ),
            faq(
                "Questions from companies",
                [
                    (
                        "Do our employees stay employed with us?",
                        [
                            "We settle this case by case with you and the municipality, for "
                            "example as a secondment."
                        ],
                    ),
                    (
                        "Can we fund projects?",
                        ["Yes. Get in touch and we will present suitable projects."],
                    ),
                ],
            ),
            cta(
                "Let's talk",
                "We show you what an assignment of your staff could look like.",
                p["about"],
                "Get in touch",
            ),
        ],
    }


def foerderer_de(p):
    """Field values of the German page; ``p`` maps keys to section pages."""
    return {
        "title": "Für Förderer",
        "intro": "Stiftungen, Förderinstitutionen und Unterstützer:innen ermöglichen "
        "Lokalprojekte dort, wo das Geld knapp ist und der Bedarf groß.",
        "listing_summary": "Projekte fördern, das Team unterstützen und Teil einer Gemeinschaft "
        "innovativer Kommunen werden.",
        "body": [
            text(
                "## Wie Sie unterstützen können",
                bullets(
                    "Einzelne Projekte in Kommunen finanzieren",
                    "Das Team von Lokalprojekte und das Begleitprogramm fördern",
                    "Teil einer Gemeinschaft aus Macher:innen und innovativen Kommunen werden",
                ),
                "Das Projekt „Kompass Kalletal“ etwa wurde von der Robert Bosch Stiftung "
                "gefördert.",
            ),
            figures(
                "Wirkung, die bleibt",
                [
                    ("10–15", "Kommunen in der Pilotphase"),
                    ("6", "Monate Begleitung im Pilot ab Herbst 2021"),
                ],
            ),
            quote(
                "Jede Förderung eines Lokalprojekts ist eine Investition in eine Verwaltung, "
                "die auch nach dem Projekt anders arbeitet.",
                author="Lokalprojekte gGmbH",
            ),
            cta(
                "Gemeinsam mehr bewegen",
                "Lesen Sie, was in geförderten Projekten entstanden ist.",
                p["stories"],
                "Zu den Erfolgsgeschichten",
            ),
        ],
    }


def foerderer_en(p):
    """Field values of the English page; ``p`` maps keys to section pages."""
    return {
        "title": "For funders",
        "slug": "for-funders",
        "intro": "Foundations, funding bodies and supporters make Lokalprojekte possible where "
        "money is short and the need is great.",
        "listing_summary": "Fund projects, support the team and join a community of "
        "innovative municipalities.",
        "body": [
            text(
                "## How you can help",
                bullets(
                    "Fund individual projects in municipalities",
                    "Support the Lokalprojekte team and the accompanying programme",
                    "Join a community of makers and innovative municipalities",
                ),
                "The project “Kompass Kalletal”, for instance, was funded by the Robert "
                "Bosch Stiftung.",
            ),
            figures(
                "Impact that lasts",
                [
                    ("10–15", "municipalities in the pilot phase"),
                    ("6", "months of support in the pilot from autumn 2021"),
                ],
            ),
            quote(
                "Funding a Lokalprojekt is an investment in an administration that keeps "
                "working differently after the project.",
                author="Lokalprojekte gGmbH",
            ),
            cta(
                "Achieve more together",
                "Read what funded projects have achieved.",
                p["stories"],
                "Read the success stories",
            ),
        ],
    }
