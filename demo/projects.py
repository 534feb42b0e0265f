"""The demo project pages: the three real projects behind the success stories and more than
30 generated deterministically from the themes and sentence pools in data/projects/."""

import datetime
import random

from core.dates import add_months
from projects.models import ProjectPage

from .base import Tally, german_slug, rich, upsert_page
from .content import field_values, load

SEED = 2021
# Entries of a real project's data table that are not field values shared by both languages.
PROJECT_KEYS = ("slug", "municipality", "topics", "profile", "starts_in_months", "de", "en")


def _real_projects(anchor):
    """The real projects of data/projects/real.toml, written by hand."""
    specs = []
    for key, data in load("projects/real").items():
        # TOML has no null: a real project without a deadline has none.
        shared = {"application_deadline": None}
        shared.update((name, value) for name, value in data.items() if name not in PROJECT_KEYS)
        if "starts_in_months" in data:
            shared["start_date"] = add_months(anchor, data["starts_in_months"])
        english = data.get("en")
        specs.append(
            {
                "key": key,
                "slug": data["slug"],
                "municipality": data["municipality"],
                "topics": data["topics"],
                "profile": data["profile"],
                "shared": shared,
                "de": field_values(ProjectPage, data["de"]),
                "en": field_values(ProjectPage, english) if english else None,
            }
        )
    return specs


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
    musts = [row for row in theme["profile"] if row["requirement"] == "must"]
    nices = [row for row in theme["profile"] if row["requirement"] == "nice"]
    rng.shuffle(nices)
    rows = musts + nices[: rng.randint(max(0, 3 - len(musts)), len(nices))]
    return [{**row, "level": min(3, max(1, row["level"] + rng.choice([-1, 0, 0, 1])))} for row
            in rows[:6]]  # fmt: skip


def _generated_project(entry, municipality, rng, anchor, used_titles, themes, sentences):
    theme_key = entry["theme"]
    theme = themes[theme_key]
    index = used_titles.setdefault(theme_key, 0)
    used_titles[theme_key] += 1
    title = theme["titles"][index % len(theme["titles"])]
    name, land, population = municipality.name, municipality.bundesland, municipality.population
    fmt = {
        "de": {"name": name, "land": municipality.get_bundesland_display(),
               "pop": f"{population:,}".replace(",", ".")},
        "en": {"name": name, "land": sentences["land_en"][land], "pop": f"{population:,}"},
    }  # fmt: skip

    rural = population < sentences["rural_population"]
    openers = sentences["openers"] + ([sentences["rural_opener"]] if rural else [])
    opener, closer = rng.choice(openers), rng.choice(sentences["closers"])
    challenges = rng.sample(theme["challenge"], k=rng.choice([1, 1, 2]))
    impact, impact_closer = rng.choice(theme["impact"]), rng.choice(sentences["impact_closers"])
    duration = rng.choice([6, 9, 12, 12, 12, 15, 18])
    start, deadline = _dates(entry["status"], duration, rng, anchor)
    remuneration = rng.choice(sentences["remuneration"])
    sponsor = rng.choice(theme["sponsors"])
    shared = {
        "status": entry["status"],
        "start_date": start,
        "duration_months": duration,
        "workload": rng.choices(["full_time", "part_time_30", "part_time_20"], [6, 3, 2])[0],
        # Drawn even when the entry sets it, so the other projects keep their values.
        "remote_share": entry.get("remote_share", rng.choice([0, 10, 20, 20, 30, 40, 50])),
        "application_deadline": deadline,
        "funder": rng.choice(sentences["funders"]) if rng.random() < 0.3 else "",
    }

    def texts(lang):
        challenge = " ".join(sentence[lang] for sentence in challenges)
        return {
            "title": title[lang],
            "listing_summary": theme["summary"][lang].format(**fmt[lang]),
            "challenge": rich(opener[lang].format(**fmt[lang]), challenge, closer[lang]),
            "intended_impact": rich(f"{impact[lang]} {impact_closer[lang]}"),
            "target_groups": theme["targets"][lang],
            "remuneration_note": remuneration[lang],
            "sponsor_role": sponsor[lang],
        }

    en = texts("en")
    en["slug"] = german_slug(f"{title['en']} {name}")
    return {
        "key": german_slug(f"{title['de']} {name}"),
        "slug": german_slug(f"{title['de']} {name}"),
        "municipality": name,
        "topics": theme["topics"],
        "profile": _profile(theme, rng),
        "shared": shared,
        "de": texts("de"),
        "en": en if entry["translate"] else None,
    }


def project_specs(municipalities, anchor):
    """Every demo project as plain data, the same on every run within a month."""
    rng = random.Random(SEED)
    themes, sentences = load("projects/themes"), load("projects/sentences")
    used_titles = {}
    specs = _real_projects(anchor)
    for entry in load("projects/generated")["projects"]:
        municipality = municipalities[entry["municipality"]]
        specs.append(
            _generated_project(entry, municipality, rng, anchor, used_titles, themes, sentences)
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
                "competency_id": taxonomies.competencies[row["competency"]].pk,
                "requirement": row["requirement"],
                "level": row["level"],
                "sort_order": position,
            }
            for position, row in enumerate(spec["profile"])
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
