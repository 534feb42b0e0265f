"""Competencies and topics (Themenfelder), German first with their English names."""

from taxonomy.models import Competency, CompetencyCategory, Topic

from .base import Tally, upsert_snippet, upsert_snippet_translation

C = CompetencyCategory

# (German name, category, German description, English name, English description)
# fmt: off
COMPETENCIES = [
    ("Prozessautomatisierung", C.DIGITAL,
     "Abläufe analysieren und wiederkehrende Arbeitsschritte digital automatisieren.",
     "Process automation",
     "Analysing workflows and automating recurring steps digitally."),
    ("Softwareentwicklung", C.DIGITAL,
     "Anwendungen planen, programmieren, testen und betreiben.",
     "Software development", "Planning, building, testing and running applications."),
    ("UX/UI-Design", C.DIGITAL,
     "Digitale Angebote so gestalten, dass Menschen sie verstehen und gern nutzen.",
     "UX/UI design", "Designing digital services that people understand and like to use."),
    ("E-Akte und Dokumentenmanagement", C.DIGITAL,
     "Elektronische Akten einführen, Ablagestrukturen und Aufbewahrung regeln.",
     "Electronic files and document management",
     "Introducing electronic files, filing structures and retention rules."),
    ("Datenanalyse", C.DIGITAL,
     "Daten erheben, auswerten und verständlich aufbereiten.",
     "Data analysis", "Collecting, analysing and presenting data clearly."),
    ("IT-Sicherheit", C.DIGITAL,
     "Systeme und Daten schützen, Risiken einschätzen, Notfälle vorbereiten.",
     "IT security", "Protecting systems and data, assessing risks, preparing for incidents."),
    ("Projektmanagement", C.METHODS,
     "Ziele, Zeitplan, Ressourcen und Risiken eines Vorhabens im Blick behalten.",
     "Project management", "Keeping goals, schedule, resources and risks of a project in view."),
    ("Agiles Arbeiten", C.METHODS,
     "In kurzen Zyklen planen, Ergebnisse zeigen und aus Rückmeldungen lernen.",
     "Agile working", "Planning in short cycles, showing results and learning from feedback."),
    ("Design Thinking", C.METHODS,
     "Probleme aus Sicht der Nutzer:innen verstehen und Lösungen früh erproben.",
     "Design thinking", "Understanding problems from the users' view and testing ideas early."),
    ("Moderation und Workshopgestaltung", C.METHODS,
     "Gruppen durch Gespräche und Workshops zu Ergebnissen führen.",
     "Facilitation and workshop design", "Guiding groups through meetings to results."),
    ("Bürgerbeteiligung", C.COMMUNICATION,
     "Bürger:innen informieren, einbeziehen und ihre Hinweise auswerten.",
     "Citizen participation", "Informing and involving citizens and evaluating their input."),
    ("Öffentlichkeitsarbeit", C.COMMUNICATION,
     "Vorhaben verständlich erklären, in Presse, Web und sozialen Medien.",
     "Public relations", "Explaining projects clearly in the press, online and on social media."),
    ("Netzwerkarbeit", C.COMMUNICATION,
     "Vereine, Unternehmen und Behörden zusammenbringen und Kooperationen pflegen.",
     "Networking", "Bringing associations, businesses and authorities together."),
    ("Integration und Migration", C.SOCIAL,
     "Zugewanderte und Geflüchtete beim Ankommen unterstützen, Angebote vernetzen.",
     "Integration and migration", "Helping migrants and refugees settle in; linking services."),
    ("Ehrenamtskoordination", C.SOCIAL,
     "Freiwillige gewinnen, einsetzen und wertschätzend begleiten.",
     "Volunteer coordination", "Recruiting, deploying and supporting volunteers."),
    ("Soziale Arbeit und Quartiersentwicklung", C.SOCIAL,
     "Nachbarschaften stärken und soziale Angebote vor Ort entwickeln.",
     "Social work and neighbourhood development",
     "Strengthening neighbourhoods and developing local social services."),
    ("Fördermittelmanagement", C.ECONOMY,
     "Förderprogramme finden, Anträge schreiben, Mittel abrechnen.",
     "Funding management", "Finding funding programmes, writing applications, reporting."),
    ("Wirtschaftsförderung und Standortmarketing", C.ECONOMY,
     "Unternehmen halten und gewinnen, den Standort sichtbar machen.",
     "Economic development and place marketing",
     "Keeping and attracting businesses and making the location visible."),
    ("Haushalts- und Finanzplanung", C.ECONOMY,
     "Kosten kalkulieren und Vorhaben im kommunalen Haushalt verankern.",
     "Budgeting and financial planning",
     "Costing projects and anchoring them in the municipal budget."),
    ("Klimaschutzmanagement", C.ENVIRONMENT,
     "Klimaschutzkonzepte erstellen, Maßnahmen planen und deren Wirkung messen.",
     "Climate action management",
     "Drafting climate action plans, planning measures and measuring their effect."),
    ("Mobilitätsplanung", C.ENVIRONMENT,
     "Verkehrsangebote, Rad- und Fußwege sowie On-Demand-Verkehre planen.",
     "Mobility planning", "Planning transport services, cycling and walking, on-demand transit."),
    ("Energiemanagement", C.ENVIRONMENT,
     "Energieverbräuche kommunaler Gebäude erfassen und senken.",
     "Energy management", "Monitoring and reducing the energy use of municipal buildings."),
    ("Change Management", C.ORGANISATION,
     "Veränderungen in Organisationen planen, erklären und begleiten.",
     "Change management", "Planning, explaining and supporting change in organisations."),
    ("Personalgewinnung", C.ORGANISATION,
     "Stellen attraktiv ausschreiben, Bewerbende ansprechen, Auswahl gestalten.",
     "Recruiting", "Writing attractive job ads, reaching candidates, designing selection."),
    ("Logistik und Krisenorganisation", C.ORGANISATION,
     "Abläufe unter Zeitdruck organisieren, Material und Personal steuern.",
     "Logistics and crisis organisation",
     "Organising processes under time pressure and steering material and staff."),
]

# (slug, German name, German description, English name, English description)
TOPICS = [
    ("digitale-verwaltung", "Digitale Verwaltung",
     "Verwaltungsleistungen digital, einfach und medienbruchfrei anbieten.",
     "Digital administration", "Offering public services digitally, simply and end to end."),
    ("integration", "Integration",
     "Zugewanderten das Ankommen und die Teilhabe erleichtern.",
     "Integration", "Making it easier for newcomers to settle in and take part."),
    ("fachkraeftegewinnung", "Fachkräftegewinnung",
     "Die Verwaltung als Arbeitgeberin sichtbar machen und Stellen besetzen.",
     "Attracting skilled staff", "Making the administration visible as an employer."),
    ("klimaschutz", "Klimaschutz",
     "Emissionen senken und die Kommune an den Klimawandel anpassen.",
     "Climate action", "Cutting emissions and adapting the municipality to climate change."),
    ("mobilitaet", "Mobilität",
     "Unterwegs sein ohne eigenes Auto, gerade im ländlichen Raum.",
     "Mobility", "Getting around without a car of one's own, especially in rural areas."),
    ("buergerbeteiligung", "Bürgerbeteiligung",
     "Bürger:innen an Entscheidungen und Vorhaben beteiligen.",
     "Citizen participation", "Involving citizens in decisions and projects."),
    ("bildung", "Bildung",
     "Schulen, Kitas und lebenslanges Lernen in der Kommune stärken.",
     "Education", "Strengthening schools, day care and lifelong learning."),
    ("gesundheit-und-pflege", "Gesundheit und Pflege",
     "Versorgung sichern und Pflegende entlasten.",
     "Health and care", "Securing healthcare and relieving carers."),
    ("wirtschaftsfoerderung", "Wirtschaftsförderung",
     "Betriebe, Gründungen und lebendige Ortskerne fördern.",
     "Economic development", "Supporting businesses, start-ups and lively town centres."),
    ("krisenmanagement", "Krisenmanagement",
     "Auf Krisen vorbereitet sein und schnell handeln können.",
     "Crisis management", "Being prepared for crises and able to act quickly."),
]
# fmt: on


def build_competencies(locales):
    """German competencies and their English translations. Returns (tally, {name: obj})."""
    tally, by_name = Tally(), {}
    for name, category, description, name_en, description_en in COMPETENCIES:
        obj, outcome = upsert_snippet(
            Competency,
            locales.de,
            {"name": name},
            {"category": category, "description": description},
        )
        tally.add(outcome)
        by_name[name] = obj
        _en, outcome = upsert_snippet_translation(
            obj,
            locales.en,
            {"name": name_en, "category": category, "description": description_en},
        )
        tally.add(outcome)
    return tally, by_name


def build_topics(locales):
    """German topics and their English translations. Returns (tally, {slug: obj})."""
    tally, by_slug = Tally(), {}
    for slug, name, description, name_en, description_en in TOPICS:
        obj, outcome = upsert_snippet(
            Topic, locales.de, {"slug": slug}, {"name": name, "description": description}
        )
        tally.add(outcome)
        by_slug[slug] = obj
        _en, outcome = upsert_snippet_translation(
            obj, locales.en, {"name": name_en, "slug": slug, "description": description_en}
        )
        tally.add(outcome)
    return tally, by_slug
