"""The same search page on Wagtail's database backend (the default without an engine URL)."""

import pytest
from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.markup import parse
from tests.search.helpers import promoted_titles, result_titles, standard_page, translate

pytestmark = pytest.mark.django_db


def test_default_settings_use_the_database_backend():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == (
        "wagtail.search.backends.database"
    )


def test_search_page_finds_pages_in_the_current_language(client, site_tree, locales):
    page = standard_page(
        site_tree.home, "Bürgerservice digital", listing_summary="Formulare online ausfüllen."
    )
    translate(page, locales.en, "Digital citizen services")
    standard_page(site_tree.home, "Radwege planen")

    german = client.get("/de/suche/", {"q": "Bürgerservice"})
    english = client.get("/en/search/", {"q": "citizen"})

    assert german.status_code == 200
    assert result_titles(german) == ["Bürgerservice digital"]
    assert "Formulare online ausfüllen." in german.content.decode()
    assert result_titles(english) == ["Digital citizen services"]


def test_editors_pick_first_and_pagination(client, site_tree):
    for number in range(11):
        standard_page(site_tree.home, f"Ehrenamt stärken {number:02d}")
    picked = standard_page(site_tree.home, "Engagement-Portal")
    SearchPromotion.objects.create(query=Query.get("ehrenamt"), page=picked, sort_order=0)

    first = client.get("/de/suche/", {"q": "Ehrenamt"})
    second = client.get("/de/suche/", {"q": "Ehrenamt", "page": 2})

    assert promoted_titles(first) == ["Engagement-Portal"]
    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 1
    assert promoted_titles(second) == []


def test_autocomplete_on_the_database(client, site_tree):
    page = standard_page(site_tree.home, "Digitalisierung der Bauämter")

    response = client.get("/de/suche/autocomplete/", {"q": "Digi"})

    assert response.json() == {"results": [{"title": page.title, "url": page.url}]}


def test_a_typo_that_finds_nothing_shows_the_corrected_results(client, site_tree):
    standard_page(site_tree.home, "Klimaschutz im Quartier")
    standard_page(site_tree.home, "Radwege planen")

    typo = client.get("/de/suche/", {"q": "Klimaschtz"})

    assert result_titles(typo) == ["Klimaschutz im Quartier"]
    text = " ".join(parse(typo).select_one("main").text.split())
    assert "Zu „Klimaschtz“ haben wir nichts gefunden; gezeigt werden die Ergebnisse für" in text
    assert "1 Ergebnis für „Klimaschutz“" in text


def test_a_compound_that_finds_nothing_is_searched_by_its_parts(client, site_tree):
    standard_page(site_tree.home, "Impf- und Testlogistik für den Krisenfall")

    response = client.get("/de/suche/", {"q": "Impfzentren"})

    assert result_titles(response) == ["Impf- und Testlogistik für den Krisenfall"]


def test_the_header_search_is_a_combobox_only_with_its_script(client, site_tree):
    header = parse(client.get("/de/")).select_one(".site-header")
    field = header.select_one("input[name=q]")

    # The script makes it a combobox; the markup alone is a plain search field.
    assert field.get("role") is None
    assert field.get("data-suggest-url") == "/de/suche/autocomplete/"
    scripts = [s.get("src") for s in parse(client.get("/de/")).select("script[src]")]
    assert any(src.endswith("search/combobox.js") for src in scripts)


def test_empty_query_shows_only_the_form(client, site_tree):
    response = client.get("/de/suche/")

    html = response.content.decode()
    form = parse(html).select_one("form.search-form[role=search]")
    assert response.status_code == 200
    assert form.select("input[type=search]#search-query[name=q]")
    assert form.select("label[for=search-query]")
    assert "Ergebnisse" not in html


@pytest.mark.parametrize(
    "query",
    ['"', "(", 'Verwaltung AND "', "*", "NEAR(", "a:b", "-", "^", "\x00Rathaus", "🙂", "ä" * 200],
)
def test_odd_queries_never_fail_on_the_database(client, site_tree, query):
    standard_page(site_tree.home, "Rathaus")

    page = client.get("/de/suche/", {"q": query})
    suggestions = client.get("/de/suche/autocomplete/", {"q": query})

    assert page.status_code == 200
    assert "eingeschränkt" not in page.content.decode()  # no engine failure behind the scenes
    # 400 for queries that are empty once cleaned (a lone quote), else suggestions.
    assert suggestions.status_code in (200, 400)
    assert "results" in suggestions.json() or "error" in suggestions.json()


def test_header_offers_the_search_form_in_each_language(client, site_tree):
    german = parse(client.get("/de/suche/")).select_one("header form.site-search[role=search]")
    english = parse(client.get("/en/search/")).select_one("header form.site-search[role=search]")

    assert german.get("action") == "/de/suche/"
    assert english.get("action") == "/en/search/"
    assert german.select("label[for=site-search-query]")
    assert german.select("input#site-search-query[name=q]")


def test_query_is_shown_escaped(client, site_tree):
    response = client.get("/de/suche/", {"q": "<script>alert(1)</script>"})

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
