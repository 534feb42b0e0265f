"""The private search log: daily counts of the searches, purged after 90 days, and the
editors' reports "Suchanfragen ohne Treffer" and "Häufige Suchanfragen"."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from search.models import SearchQueryDay
from tests import factories
from tests.markup import card_titles, parse
from tests.search.helpers import result_titles, standard_page

pytestmark = pytest.mark.django_db

ZERO_REPORT = "/admin/berichte/suchanfragen-ohne-treffer/"
FREQUENT_REPORT = "/admin/berichte/haeufige-suchanfragen/"


def logged():
    """The log as ``{(locale, scope, query): (searches, zero_results)}`` for today."""
    return {
        (row.locale, row.scope, row.query): (row.searches, row.zero_results)
        for row in SearchQueryDay.objects.filter(date=timezone.localdate())
    }


def day(days_ago, query, searches, zero_results=0, locale="de", scope="projects"):
    """A logged day ``days_ago`` days before today."""
    return SearchQueryDay.objects.create(
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        locale=locale,
        scope=scope,
        query=query,
        searches=searches,
        zero_results=zero_results,
    )


def test_listing_searches_are_counted_per_normalised_query(client, site_tree, settings):
    settings.PROJECT_SEARCH_URL = None  # the database listing
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Digitale Akte", municipality__bundesland="BY"
    )
    factories.ProjectPageFactory(parent=site_tree.projects, title="Radwege")

    client.get("/de/projekte/", {"q": "Akte"})
    client.get("/de/projekte/", {"q": "  AKTE  ", "bundesland": "HE"})
    client.get("/de/projekte/", {"q": "Akte", "page": "2"})  # the same search, paged on
    client.get("/de/projekte/", {"q": "Seilbahn"})
    client.get("/de/projekte/", {"bundesland": "HE"})  # no text: not a search

    assert logged() == {
        ("de", "projects", "akte"): (2, 1),  # the second one found nothing in Hessen
        ("de", "projects", "seilbahn"): (1, 1),
    }


def test_engine_listing_and_site_search_are_logged_in_their_language(
    client, site_tree, locales, project_index
):
    project = factories.ProjectPageFactory(parent=site_tree.projects, title="Digitale Akte")
    project_index.add(project)
    standard_page(site_tree.home, "Über das Programm")

    found = client.get("/de/projekte/", {"q": "Akte"})
    client.get("/de/projekte/", {"q": "Seilbahn"})
    site = client.get("/de/suche/", {"q": "Programm"})
    client.get("/en/search/", {"q": "cable car"})

    assert card_titles(found) == ["Digitale Akte"]
    assert result_titles(site) == ["Über das Programm"]
    assert logged() == {
        ("de", "projects", "akte"): (1, 0),
        ("de", "projects", "seilbahn"): (1, 1),
        ("de", "site", "programm"): (1, 0),
        ("en", "site", "cable car"): (1, 1),
    }


def test_the_log_keeps_no_personal_data(client, site_tree):
    user = factories.UserFactory()
    client.force_login(user)

    client.get("/de/suche/", {"q": "Akte"}, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Test/1.0")

    row = SearchQueryDay.objects.get()
    stored = {field.name: getattr(row, field.name) for field in SearchQueryDay._meta.fields}
    assert set(stored) == {"id", "date", "locale", "scope", "query", "searches", "zero_results"}
    values = " ".join(str(value) for value in stored.values())
    assert "203.0.113.7" not in values
    assert user.username not in values
    assert client.session.session_key not in values
    assert stored["date"] == timezone.localdate()  # a day, no time of day


def test_a_broken_log_does_not_break_the_search(client, site_tree, settings):
    """Without the log's table (rolled back after the test) the pages still answer."""
    settings.PROJECT_SEARCH_URL = None
    factories.ProjectPageFactory(parent=site_tree.projects, title="Digitale Akte")
    standard_page(site_tree.home, "Akte digital")
    with connection.schema_editor() as editor:
        editor.delete_model(SearchQueryDay)

    listing = client.get("/de/projekte/", {"q": "Akte"})
    site = client.get("/de/suche/", {"q": "Akte"})

    assert listing.status_code == 200
    assert card_titles(listing) == ["Digitale Akte"]
    assert site.status_code == 200
    assert "Akte digital" in result_titles(site)


def test_purge_deletes_days_older_than_90_days(db):
    day(0, "akte", 1)
    day(90, "akte", 3)
    day(91, "akte", 5)
    day(400, "seilbahn", 1, 1)
    out = io.StringIO()

    call_command("purge_search_log", stdout=out)

    kept = sorted((timezone.localdate() - row.date).days for row in SearchQueryDay.objects.all())
    assert kept == [0, 90]
    assert "2 Tageszählung(en)" in out.getvalue()


@pytest.fixture
def editor(client, db):
    """A member of Wagtail's "Editors" group, signed in."""
    client.force_login(factories.UserFactory(groups=["Editors"]))
    return client


def report_rows(response):
    """The report's table as lists of cell texts."""
    return [
        [" ".join(cell.text.split()) for cell in row.select("td")]
        for row in parse(response).select("table.listing tbody tr")
    ]


def test_editors_see_the_zero_result_queries_of_30_days_most_frequent_first(editor):
    day(1, "seilbahn", 4, 4)
    day(2, "seilbahn", 3, 3)
    day(3, "rufbus", 9, 2)
    day(1, "akte", 20, 0)  # always found something: not in this report
    day(1, "cable car", 1, 1, locale="en", scope="site")
    day(45, "gondel", 50, 50)  # before the last 30 days

    dashboard = editor.get("/admin/")
    response = editor.get(ZERO_REPORT)

    assert ZERO_REPORT in dashboard.content.decode()  # in the reports menu
    assert response.status_code == 200
    assert report_rows(response) == [
        ["seilbahn", "Deutsch", "Projektsuche", "7", "7"],
        ["rufbus", "Deutsch", "Projektsuche", "2", "9"],
        ["cable car", "Englisch", "Seitensuche", "1", "1"],
    ]
    ninety = editor.get(ZERO_REPORT, {"period": "90"})
    assert report_rows(ninety)[0] == ["gondel", "Deutsch", "Projektsuche", "50", "50"]


def test_frequent_queries_report_and_its_csv_download(editor):
    day(1, "akte", 20, 0)
    day(2, "=HYPERLINK(1)", 2, 2)
    day(1, "rufbus", 9, 2)

    response = editor.get(FREQUENT_REPORT)
    csv = editor.get(FREQUENT_REPORT, {"export": "csv"})

    assert [row[0] for row in report_rows(response)] == ["akte", "rufbus", "=HYPERLINK(1)"]
    assert csv.status_code == 200
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    lines = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()
    assert lines == [
        "Suchanfrage,Sprache,Suche,Suchen ohne Treffer,Suchen insgesamt",
        "akte,Deutsch,Projektsuche,0,20",
        "rufbus,Deutsch,Projektsuche,2,9",
        "'=HYPERLINK(1),Deutsch,Projektsuche,2,2",
    ]


def test_reports_are_not_for_anonymous_visitors_or_other_admin_users(client, db):
    day(1, "seilbahn", 4, 4)

    anonymous = client.get(ZERO_REPORT)
    client.force_login(factories.UserFactory(groups=["Matching-Team"]))
    team = client.get(FREQUENT_REPORT)
    team_dashboard = client.get("/admin/").content.decode()

    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
    assert team.status_code in (302, 403)
    assert "seilbahn" not in team.content.decode()
    assert ZERO_REPORT not in team_dashboard
