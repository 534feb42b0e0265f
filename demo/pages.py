"""The site, its German home page and the page tree's fixed pages (sections, audiences, legal)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from core.models import SiteSettings
from home.models import HomePage, StandardPage
from learning.models import ExpertIndexPage, LearningIndexPage
from projects.models import ProjectIndexPage
from stories.models import StoryIndexPage

from .audience import AUDIENCE_PAGES
from .base import CREATED, Tally, assign, rich, upsert_page
from .blocks import cards, cta, figures, quote, text
from .form_pages import FORM_PAGES
from .legal import LEGAL_PAGES

HOME_SLUG = "start"
SITE_NAME = "Lokalprojekte"


def _home_de(images):
    return {
        "title": "Lokalprojekte",
        "hero_title": "Macher:innen für Kommunen",
        "hero_text": "Fachleute aus Wirtschaft und Gesellschaft arbeiten sechs bis 18 Monate "
        "vor Ort in einer Kommune an einer konkreten Herausforderung – gemeinsam mit einer "
        "Pat:in aus der Verwaltung.",
        "hero_image": images["home"],
        "seo_title": "Lokalprojekte – Macher:innen für Kommunen",
        "search_description": "Lokalprojekte vermittelt Macher:innen für befristete Projekte "
        "in Kommunen und Behörden.",
    }


def _home_en(images):
    return {
        "title": "Lokalprojekte",
        "slug": "start-en",
        "hero_title": "Makers for municipalities",
        "hero_text": "Professionals from business and society spend six to 18 months on site "
        "in a municipality, working on one concrete challenge together with a sponsor "
        "(Pat:in) from the administration.",
        "hero_image": images["home"],
        "seo_title": "Lokalprojekte – makers for municipalities",
        "search_description": "Lokalprojekte places makers in fixed-term projects in "
        "municipalities and public authorities.",
    }


def _home_body_de(p):
    return [
        figures(
            "Lokalprojekte in Zahlen",
            [
                ("6–18", "Monate arbeitet eine Macher:in vor Ort"),
                ("10–15", "Kommunen in der Pilotphase ab Herbst 2021"),
                ("TVöD", "orientierte Vergütung"),
                ("1", "Pat:in aus der Verwaltung pro Projekt"),
            ],
        ),
        text(
            "## So funktioniert ein Lokalprojekt",
            "Eine Kommune beschreibt eine Herausforderung, für die im Alltag Zeit oder "
            "Fachwissen fehlt. Daraus entsteht ein Kompetenzprofil, und wir suchen die "
            "passende Macher:in. Sie arbeitet befristet im Rathaus oder in der "
            "Kreisverwaltung, begleitet von einer Pat:in und unserem Begleitprogramm.",
        ),
        cards(
            "Für wen ist Lokalprojekte?",
            [
                (
                    "Für Kommunen",
                    "Befristete Unterstützung für ein konkretes Vorhaben.",
                    p["kommunen"],
                ),
                (
                    "Für Macher:innen",
                    "Ein Projekt mit Sinn, nah an den Menschen.",
                    p["macherinnen"],
                ),
                (
                    "Für Unternehmen",
                    "Mitarbeitende sinnvoll einsetzen und weiterentwickeln.",
                    p["unternehmen"],
                ),
                ("Für Förderer", "Projekte ermöglichen, die vor Ort wirken.", p["foerderer"]),
            ],
        ),
        quote(
            "Wir bringen Menschen, die anpacken wollen, dorthin, wo sie gebraucht werden: in "
            "die Rathäuser und Kreisverwaltungen.",
            author="Gründungsteam von Lokalprojekte",
        ),
        cta(
            "Offene Projekte entdecken",
            "Kommunen in ganz Deutschland suchen Macher:innen. Vielleicht ist Ihr Projekt dabei.",
            p["projects"],
            "Zu den Projekten",
        ),
    ]


def _home_body_en(p):
    return [
        figures(
            "Lokalprojekte in figures",
            [
                ("6–18", "months a maker works on site"),
                ("10–15", "municipalities in the pilot phase from autumn 2021"),
                ("TVöD", "oriented pay"),
                ("1", "sponsor (Pat:in) from the administration per project"),
            ],
        ),
        text(
            "## How a Lokalprojekt works",
            "A municipality describes a challenge it lacks the time or expertise for. This "
            "becomes a competence profile, and we look for the right maker, who then works "
            "in the town hall or district office for a fixed period, supported by a sponsor "
            "and our accompanying programme.",
        ),
        cards(
            "Who is Lokalprojekte for?",
            [
                ("For municipalities", "Fixed-term support for a concrete project.", p["kommunen"]),
                ("For makers", "A meaningful project, close to people.", p["macherinnen"]),
                ("For companies", "Deploy and develop your staff meaningfully.", p["unternehmen"]),
                ("For funders", "Make projects possible that work locally.", p["foerderer"]),
            ],
        ),
        quote(
            "We bring people who want to get things done to where they are needed: town halls "
            "and district offices.",
            author="Founding team of Lokalprojekte",
        ),
        cta(
            "Discover open projects",
            "Municipalities all over Germany are looking for makers. Yours might be among them.",
            p["projects"],
            "See projects",
        ),
    ]


# key -> (model, parent key, German slug, German values, English values)
SECTIONS = {
    "projects": (
        ProjectIndexPage,
        "home",
        "projekte",
        {
            "title": "Projekte",
            "show_in_menus": True,
            "intro": rich(
                "Hier finden Sie die Projekte, für die Kommunen Macher:innen suchen, und "
                "solche, die schon laufen. Filtern Sie nach Bundesland, Themenfeld und "
                "Kompetenzen.",
                "<p><em>Hinweis: Außer den Projekten aus unseren Erfolgsgeschichten sind die "
                "hier gezeigten Projekte Beispiele zur Vorführung der Website.</em></p>",
            ),
            "listing_summary": "Ausgeschriebene und laufende Lokalprojekte in ganz Deutschland.",
        },
        {
            "title": "Projects",
            "slug": "projects",
            "intro": rich(
                "Projects for which municipalities are looking for makers, and projects "
                "already under way. Filter by state, topic and competency.",
                "<p><em>Note: apart from the projects behind our success stories, the projects "
                "shown are examples to demonstrate the website.</em></p>",
            ),
            "listing_summary": "Open and running Lokalprojekte all over Germany.",
        },
    ),
    "stories": (
        StoryIndexPage,
        "home",
        "erfolgsgeschichten",
        {
            "title": "Erfolgsgeschichten",
            "show_in_menus": True,
            "intro": rich(
                "Was Macher:innen gemeinsam mit Kommunen erreicht haben – von der E-Akte "
                "bis zur Integrations-App."
            ),
            "listing_summary": "Was Macher:innen gemeinsam mit Kommunen erreicht haben.",
        },
        {
            "title": "Success stories",
            "slug": "success-stories",
            "intro": rich(
                "What makers have achieved together with municipalities – from electronic "
                "files to an integration app."
            ),
            "listing_summary": "What makers have achieved together with municipalities.",
        },
    ),
    "learning": (
        LearningIndexPage,
        "home",
        "lernen",
        {
            "title": "Lernen",
            "show_in_menus": True,
            "intro": rich(
                "Artikel, Videos, Arbeitsblätter und Kursmodule aus unserem Begleitprogramm: "
                "Change Management, agile Methoden, Design Thinking, Verwaltungswissen. "
                "Einige Inhalte sind angemeldeten Macher:innen vorbehalten."
            ),
            "listing_summary": "Lerninhalte auf Abruf aus dem Begleitprogramm.",
        },
        {
            "title": "Learning",
            "slug": "learning",
            "intro": rich(
                "Articles, videos, worksheets and course modules from our accompanying "
                "programme: change management, agile methods, design thinking and how "
                "administration works. Some content is reserved for signed-in makers."
            ),
            "listing_summary": "On-demand learning content from the accompanying programme.",
        },
    ),
    "experts": (
        ExpertIndexPage,
        "learning",
        "expertinnen",
        {
            "title": "Expert:innenpool",
            "intro": rich(
                "Fachleute, die Macher:innen und Kommunen mit Rat zur Seite stehen. Ihre "
                "Anfrage leiten wir über ein Formular weiter."
            ),
            "listing_summary": "Fachleute, die Macher:innen und Kommunen beraten.",
        },
        {
            "title": "Expert pool",
            "slug": "experts",
            "intro": rich(
                "Specialists who advise makers and municipalities. We forward your request "
                "through a form."
            ),
            "listing_summary": "Specialists who advise makers and municipalities.",
        },
    ),
    # "Mitmachen" and the form pages under it.
    **FORM_PAGES,
}


def content_specs():
    """Every fixed content page: key -> (model, parent key, slug, German fn, English fn)."""
    specs = {}
    for key, (slug, de, en) in AUDIENCE_PAGES.items():
        specs[key] = (StandardPage, "home", slug, de, en)
    for key, (slug, de, en) in LEGAL_PAGES.items():
        specs[key] = (StandardPage, "home", slug, de, en)
    return specs


def _delete_welcome_pages():
    """Remove Wagtail's "Welcome to your new Wagtail site!" page (a plain Page at depth 2)."""
    page_type = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=page_type):
        page.delete()


def build_site(locales, images):
    """German home page as the default site's root; the welcome page goes. Returns (tally, home)."""
    tally = Tally()
    root = Page.get_first_root_node()
    # An existing German home page is reused whatever its slug: there is only one per language.
    existing = HomePage.objects.filter(depth=2, locale=locales.de).first()
    slug = existing.slug if existing else HOME_SLUG
    home, outcome = upsert_page(root, HomePage, slug, _home_de(images))
    tally.add(outcome)

    site = Site.objects.filter(is_default_site=True).first() or Site()
    site_values = {
        "hostname": "localhost",
        "port": 80,
        "site_name": SITE_NAME,
        "root_page": home,
        "is_default_site": True,
    }
    if site.pk is None or assign(site, site_values):
        assign(site, site_values)
        site.save()
    _delete_welcome_pages()
    return tally, home


def _ensure(parent, model, slug, title):
    """Find or create a page without publishing it, so later pages can link to it.

    Returns ``(page, created)``; the caller publishes the full content afterwards.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    page = model(slug=slug, title=title, live=False)
    parent.add_child(instance=page)
    return page, True


def build_structure(home, images):
    """Section, audience and legal pages, the home page body and the site settings.

    Returns ``(tally, pages)`` where ``pages`` maps keys such as "projects" to pages.
    """
    tally = Tally()
    pages = {"home": home}
    created = set()
    specs = {key: (model, parent, slug, values) for key, (model, parent, slug, values, _en)
             in SECTIONS.items()}  # fmt: skip
    # Placeholders first: audience pages and "Über uns" link to each other.
    for key, (model, parent_key, slug, values) in specs.items():
        pages[key], is_new = _ensure(pages[parent_key], model, slug, values["title"])
        if is_new:
            created.add(key)
    for key, (model, parent_key, slug, de, _en) in content_specs().items():
        pages[key], is_new = _ensure(
            pages[parent_key], model, slug, de(defaultdict(type(None)))["title"]
        )
        if is_new:
            created.add(key)

    for key, (model, parent_key, slug, values) in specs.items():
        pages[key], outcome = upsert_page(pages[parent_key], model, slug, values)
        tally.add(CREATED if key in created else outcome)
    for key, (model, parent_key, slug, de, _en) in content_specs().items():
        pages[key], outcome = upsert_page(pages[parent_key], model, slug, de(pages))
        tally.add(CREATED if key in created else outcome)

    home, outcome = upsert_page(
        home.get_parent(), HomePage, home.slug, {"body": _home_body_de(pages)}
    )
    pages["home"] = home
    tally.add(outcome)
    tally.add(_build_settings(pages))
    return tally, pages


def _build_settings(pages):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    changed = assign(
        settings,
        {
            "organisation_name": "Lokalprojekte gGmbH",
            "contact_email": "hallo@lokalprojekte.example",
            "postal_address": "Musterstraße 1 (Beispieladresse)\n12345 Musterstadt",
            "imprint_page": pages["imprint"],
            "privacy_page": pages["privacy"],
            "accessibility_page": pages["accessibility"],
            "linkedin_url": "https://www.linkedin.com/company/lokalprojekte",
        },
    )
    if changed:
        settings.save()
        return "updated"
    return "unchanged"


def english_specs():
    """Pages of this module to translate: key -> English values function of (pages, images)."""
    specs = {"home": lambda p, images: {**_home_en(images), "body": _home_body_en(p)}}
    for key, (*_rest, en) in SECTIONS.items():
        specs[key] = lambda p, images, en=en: en
    for key, (*_rest, en) in content_specs().items():
        specs[key] = lambda p, images, en=en: en(p)
    return specs
