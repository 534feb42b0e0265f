"""At least 30 project pages, generated deterministically from ``project_themes`` and
``projects_data``, plus the three real projects behind the success stories."""

import datetime
import random

from projects.models import ProjectPage

from .base import Tally, add_months, german_slug, rich, upsert_page
from .project_themes import THEMES
from .projects_data import (
    CLOSERS,
    FUNDERS,
    GENERATED_PROJECTS,
    IMPACT_CLOSERS,
    OPENERS,
    REMUNERATION,
    RURAL_OPENER,
    RURAL_POPULATION,
)

SEED = 2021
LAND_EN = {
    "BW": "Baden-Württemberg", "BY": "Bavaria", "BE": "Berlin", "BB": "Brandenburg",
    "HB": "Bremen", "HH": "Hamburg", "HE": "Hesse", "MV": "Mecklenburg-Western Pomerania",
    "NI": "Lower Saxony", "NW": "North Rhine-Westphalia", "RP": "Rhineland-Palatinate",
    "SL": "Saarland", "SN": "Saxony", "ST": "Saxony-Anhalt", "SH": "Schleswig-Holstein",
    "TH": "Thuringia",
}  # fmt: skip


def _special_projects(anchor):
    """The real projects from the success stories, written by hand."""
    return [
        {
            "key": "eschwege",
            "slug": "papierlos-aber-richtig-eschwege",
            "municipality": "Eschwege",
            "topics": ["digitale-verwaltung", "fachkraeftegewinnung"],
            "profile": [
                ("E-Akte und Dokumentenmanagement", "must", 3),
                ("Prozessautomatisierung", "must", 3),
                ("Softwareentwicklung", "must", 2),
                ("Change Management", "nice", 2),
            ],
            "shared": {
                "status": "completed",
                "start_date": datetime.date(2021, 10, 1),
                "duration_months": 7,
                "workload": "full_time",
                "remote_share": 20,
                "application_deadline": None,
                "funder": "",
            },
            "de": {
                "title": "Papierlos – aber richtig!",
                "listing_summary": "Pilotprojekt: Einführung der elektronischen Akte in der "
                "Steuerabteilung der Kreisstadt Eschwege.",
                "challenge": rich(
                    "Die Kreisstadt Eschwege mit rund 20.000 Einwohner:innen wollte die "
                    "elektronische Akte einführen, beginnend in der Steuerabteilung. Den "
                    "Anstoß gab der Bürgermeister mit der Frage, wie die Stadt die richtigen "
                    "Fachkräfte für ihre Rathäuser gewinnt.",
                    "Die Abläufe der Abteilung beruhten auf Papierakten. Für die Umstellung "
                    "fehlten im Haus Zeit und Erfahrung mit Prozessautomatisierung.",
                ),
                "intended_impact": rich(
                    "Vorgänge der Steuerabteilung werden digital bearbeitet und sind jederzeit "
                    "auffindbar. Die Erfahrungen aus dem Pilot dienen als Vorlage für weitere "
                    "Bereiche der Verwaltung."
                ),
                "target_groups": "Beschäftigte der Steuerabteilung, Bürger:innen und "
                "Unternehmen mit steuerlichen Anliegen",
                "remuneration_note": "Vergütung angelehnt an TVöD E 13",
                "sponsor_role": "Leitung der Steuerabteilung",
            },
            "en": {
                "title": "Paperless – but done right!",
                "slug": "paperless-but-done-right-eschwege",
                "listing_summary": "Pilot project: introducing electronic files in the tax "
                "department of the district town of Eschwege.",
                "challenge": rich(
                    "Eschwege, a district town of about 20,000 inhabitants, wanted to "
                    "introduce electronic files, starting with its tax department. The mayor "
                    "prompted it by asking how the town could win the right skilled staff for "
                    "its town halls.",
                    "The department worked with paper files. The administration lacked the "
                    "time and the experience in process automation for the switch.",
                ),
                "intended_impact": rich(
                    "Tax cases are processed digitally and can be found at any time. The "
                    "pilot's experience serves as a template for other departments."
                ),
                "target_groups": "Tax department staff, citizens and businesses with tax matters",
                "remuneration_note": "Pay oriented on TVöD E 13",
                "sponsor_role": "Head of the tax department",
            },
        },
        {
            "key": "kalletal",
            "slug": "kompass-kalletal",
            "municipality": "Kalletal",
            "topics": ["integration", "digitale-verwaltung"],
            "profile": [
                ("UX/UI-Design", "must", 3),
                ("Design Thinking", "must", 2),
                ("Integration und Migration", "nice", 2),
                ("Softwareentwicklung", "nice", 2),
            ],
            "shared": {
                "status": "completed",
                "start_date": datetime.date(2023, 10, 1),
                "duration_months": 6,
                "workload": "full_time",
                "remote_share": 30,
                "application_deadline": None,
                "funder": "Robert Bosch Stiftung",
            },
            "de": {
                "title": "Kompass Kalletal",
                "listing_summary": "Eine Erweiterung der Gemeinde-App, die Zugewanderten und "
                "Geflüchteten den Weg zu Behörden und Vereinen zeigt.",
                "challenge": rich(
                    "Kalletal ist eine Gemeinde mit rund 13.000 Einwohner:innen im Kreis "
                    "Lippe. Zugewanderte und Geflüchtete finden sich in den Zuständigkeiten "
                    "von Gemeinde, Kreis und Vereinen oft nur schwer zurecht.",
                    "Die Gemeinde hat bereits eine eigene App. Sie sollte um ein Werkzeug "
                    "erweitert werden, das informiert und den Zugang zu Behörden und Vereinen "
                    "erleichtert.",
                ),
                "intended_impact": rich(
                    "Neu Zugezogene finden die wichtigsten Informationen und Ansprechpersonen "
                    "verständlich aufbereitet in der Gemeinde-App. Behörden und Vereine "
                    "erreichen sie leichter."
                ),
                "target_groups": "Zugewanderte und Geflüchtete, Behörden, Vereine und "
                "Ehrenamtliche",
                "remuneration_note": "Vergütung angelehnt an TVöD E 12/E 13",
                "sponsor_role": "",
            },
            "en": {
                "title": "Kompass Kalletal",
                "slug": "kompass-kalletal",
                "listing_summary": "An extension of the municipal app that shows migrants and "
                "refugees the way to authorities and associations.",
                "challenge": rich(
                    "Kalletal is a municipality of about 13,000 inhabitants in the district "
                    "of Lippe. Migrants and refugees often struggle to find their way through "
                    "the responsibilities of municipality, district and associations.",
                    "The municipality already has its own app. It was to gain a tool that "
                    "informs newcomers and eases their access to authorities and "
                    "associations.",
                ),
                "intended_impact": rich(
                    "Newcomers find the key information and contacts clearly presented in "
                    "the municipal app, and authorities and associations reach them more "
                    "easily."
                ),
                "target_groups": "Migrants and refugees, authorities, associations and volunteers",
                "remuneration_note": "Pay oriented on TVöD E 12/E 13",
                "sponsor_role": "",
            },
        },
        {
            "key": "burgenlandkreis",
            "slug": "netzwerk-integration-burgenlandkreis",
            "municipality": "Burgenlandkreis",
            "topics": ["integration"],
            "profile": [
                ("Integration und Migration", "must", 2),
                ("Netzwerkarbeit", "must", 2),
                ("Projektmanagement", "nice", 2),
            ],
            "shared": {
                "status": "in_preparation",
                "start_date": add_months(anchor, 6),
                "duration_months": 12,
                "workload": "full_time",
                "remote_share": 20,
                "application_deadline": None,
                "funder": "",
            },
            "de": {
                "title": "Netzwerk Integration",
                "listing_summary": "In Vorbereitung: ein Lokalprojekt zur Integration im "
                "Burgenlandkreis.",
                "challenge": rich(
                    "Der Burgenlandkreis bereitet ein Lokalprojekt zum Thema Integration vor, "
                    "Arbeitstitel „Netzwerk Integration“.",
                    "Die Projektskizze entsteht derzeit. Einzelheiten veröffentlichen wir, "
                    "sobald sie feststehen.",
                ),
                "intended_impact": rich(
                    "Die angestrebte Wirkung wird in der Projektskizze beschrieben."
                ),
                "target_groups": "Wird in der Projektskizze festgelegt",
                "remuneration_note": "Vergütung angelehnt an TVöD E 12/E 13",
                "sponsor_role": "",
            },
            "en": {
                "title": "Integration network",
                "slug": "integration-network-burgenlandkreis",
                "listing_summary": "In preparation: a Lokalprojekt on integration in the "
                "Burgenlandkreis district.",
                "challenge": rich(
                    "The Burgenlandkreis district is preparing a Lokalprojekt on integration, "
                    "working title “Netzwerk Integration”.",
                    "The project sketch is being written. We will publish details once they "
                    "are settled.",
                ),
                "intended_impact": rich(
                    "The intended impact will be described in the project sketch."
                ),
                "target_groups": "To be defined in the project sketch",
                "remuneration_note": "Pay oriented on TVöD E 12/E 13",
                "sponsor_role": "",
            },
        },
    ]


def _dates(status, duration, rng, anchor):
    """Start and deadline relative to the current month; open deadlines lie in the future."""
    if status == "open":
        deadline = add_months(anchor, rng.randint(1, 4)) + datetime.timedelta(
            days=rng.choice([0, 14])
        )
        return add_months(deadline.replace(day=1), rng.randint(3, 5)), deadline
    if status == "matching":
        return add_months(anchor, rng.randint(2, 4)), add_months(anchor, -1)
    if status == "in_preparation":
        return add_months(anchor, rng.randint(5, 8)), None
    if status == "running":
        start = add_months(anchor, -rng.randint(1, duration - 1))
    else:
        start = add_months(anchor, -(duration + rng.randint(2, 14)))
    return start, add_months(start, -4)


def _profile(theme, rng):
    """3 to 6 profile rows: the theme's must-haves plus a random share of its nice-to-haves."""
    musts = [row for row in theme["profile"] if row[1] == "must"]
    nices = [row for row in theme["profile"] if row[1] == "nice"]
    rng.shuffle(nices)
    rows = musts + nices[: rng.randint(max(0, 3 - len(musts)), len(nices))]
    return [(name, req, min(3, max(1, level + rng.choice([-1, 0, 0, 1])))) for name, req, level
            in rows[:6]]  # fmt: skip


def _generated_project(theme_key, municipality, status, translate, rng, anchor, used_titles):
    theme = THEMES[theme_key]
    index = used_titles.setdefault(theme_key, 0)
    used_titles[theme_key] += 1
    title_de, title_en = theme["titles"][index % len(theme["titles"])]
    name, land, population = municipality.name, municipality.bundesland, municipality.population
    fmt_de = {"name": name, "land": municipality.get_bundesland_display(),
              "pop": f"{population:,}".replace(",", ".")}  # fmt: skip
    fmt_en = {"name": name, "land": LAND_EN[land], "pop": f"{population:,}"}

    openers = OPENERS + ([RURAL_OPENER] if population < RURAL_POPULATION else [])
    opener, closer = rng.choice(openers), rng.choice(CLOSERS)
    challenges = rng.sample(theme["challenge"], k=rng.choice([1, 1, 2]))
    impact, impact_closer = rng.choice(theme["impact"]), rng.choice(IMPACT_CLOSERS)
    duration = rng.choice([6, 9, 12, 12, 12, 15, 18])
    start, deadline = _dates(status, duration, rng, anchor)
    remuneration = rng.choice(REMUNERATION)
    sponsor = rng.choice(theme["sponsors"])
    shared = {
        "status": status,
        "start_date": start,
        "duration_months": duration,
        "workload": rng.choices(["full_time", "part_time_30", "part_time_20"], [6, 3, 2])[0],
        "remote_share": rng.choice([0, 10, 20, 20, 30, 40, 50]),
        "application_deadline": deadline,
        "funder": rng.choice(FUNDERS) if rng.random() < 0.3 else "",
    }

    def texts(lang, fmt):
        i = 0 if lang == "de" else 1
        return {
            "title": (title_de, title_en)[i],
            "listing_summary": theme["summary"][i].format(**fmt),
            "challenge": rich(
                opener[i].format(**fmt), " ".join(c[i] for c in challenges), closer[i]
            ),
            "intended_impact": rich(f"{impact[i]} {impact_closer[i]}"),
            "target_groups": theme["targets"][i],
            "remuneration_note": remuneration[i],
            "sponsor_role": sponsor[i],
        }

    en = texts("en", fmt_en)
    en["slug"] = german_slug(f"{title_en} {name}")
    return {
        "key": german_slug(f"{title_de} {name}"),
        "slug": german_slug(f"{title_de} {name}"),
        "municipality": name,
        "topics": theme["topics"],
        "profile": _profile(theme, rng),
        "shared": shared,
        "de": texts("de", fmt_de),
        "en": en if translate else None,
    }


def project_specs(municipalities, anchor):
    """Every demo project as plain data, the same on every run within a month."""
    rng = random.Random(SEED)
    used_titles = {}
    specs = _special_projects(anchor)
    for theme_key, name, status, translate in GENERATED_PROJECTS:
        specs.append(
            _generated_project(
                theme_key, municipalities[name], status, translate, rng, anchor, used_titles
            )
        )
    return specs


def shared_values(spec, taxonomies):
    """The language-independent field values of a project spec, resolved to objects."""
    return {
        **spec["shared"],
        "municipality": taxonomies.municipalities[spec["municipality"]],
        "topics": [taxonomies.topics[slug] for slug in spec["topics"]],
        # An explicit sort_order keeps the rows' order stable on every database.
        "competence_profile": [
            {
                "competency_id": taxonomies.competencies[name].pk,
                "requirement": req,
                "level": level,
                "sort_order": position,
            }
            for position, (name, req, level) in enumerate(spec["profile"])
        ],
    }


def build_projects(index_page, taxonomies, anchor):
    """Create or update all project pages. Returns (tally, {key: page}, specs)."""
    tally, pages = Tally(), {}
    specs = project_specs(taxonomies.municipalities, anchor)
    for spec in specs:
        values = {**shared_values(spec, taxonomies), **spec["de"]}
        page, outcome = upsert_page(index_page, ProjectPage, spec["slug"], values)
        tally.add(outcome)
        pages[spec["key"]] = page
    return tally, pages, specs
