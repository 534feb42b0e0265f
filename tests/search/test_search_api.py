"""The project search API: JSON results and facets, 400 for bad parameters, database fallback."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories
from tests.factories import publish_translation, translate_snippet

pytestmark = pytest.mark.django_db

URL = "/api/v2/projects/search/"


@pytest.fixture
def topic(db):
    return factories.TopicFactory(name="Verwaltung")


@pytest.fixture
def indexed(site_tree, topic, project_index):
    parent = site_tree.projects
    projects = [
        factories.ProjectPageFactory(
            parent=parent,
            title="Digitale Akte Kassel",
            municipality__name="Kassel",
            municipality__bundesland="HE",
            topics=[topic],
        ),
        factories.ProjectPageFactory(
            parent=parent, title="Bürgerservice Fulda", municipality__bundesland="HE"
        ),
        factories.ProjectPageFactory(
            parent=parent,
            title="Online-Antrag Erding",
            municipality__bundesland="BY",
            topics=[topic],
        ),
    ]
    project_index.add(*projects)
    return projects


def facet(body, name, value):
    return next(option for option in body["facets"][name] if option["value"] == str(value))


def test_results_total_and_facets(client, indexed, topic):
    response = client.get(URL, {"q": "Akte", "bundesland": ["HE", "BY"], "topic": topic.pk})
    body = response.json()

    assert response.status_code == 200
    assert body["engine"] == "opensearch"
    assert body["total"] == 1
    assert body["page"] == 1
    assert body["page_size"] == 12
    [result] = body["results"]
    assert result["title"] == "Digitale Akte Kassel"
    assert result["id"] == indexed[0].pk
    assert result["municipality"] == "Kassel"
    assert result["bundesland"] == "HE"
    assert result["status"] == "open"
    assert result["duration_months"] == 12
    assert result["url"] == f"http://testserver{indexed[0].url}"
    assert "<mark>Akte</mark>" in result["highlight"]["title"]
    # The selected states are marked; counts are taken under the other facets' filters.
    assert facet(body, "bundesland", "HE") == {
        "value": "HE",
        "label": "Hessen",
        "count": 1,
        "selected": True,
    }
    assert facet(body, "topic", topic.pk)["count"] == 1
    assert set(body["facets"]) == {
        "bundesland",
        "topic",
        "competency",
        "status",
        "duration",
        "workload",
        "remote",
        "start",
    }


def test_facet_labels_follow_the_locale(client, site_tree, locales, topic, project_index):
    translate_snippet(topic, locales.en, name="Administration")
    german = factories.ProjectPageFactory(
        parent=site_tree.projects, title="Digitale Akte", topics=[topic]
    )
    publish_translation(site_tree.projects, locales.en)
    english = publish_translation(german, locales.en, title="Digital records")
    project_index.add(german, english)

    body = client.get(URL, {"locale": "en", "q": "records"}).json()

    assert [r["title"] for r in body["results"]] == ["Digital records"]
    assert facet(body, "topic", topic.pk)["label"] == "Administration"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"bundesland": "XX"}, "bundesland"),
        ({"topic": "abc"}, "topic"),
        ({"page": "0"}, "page"),
        ({"page": "zwei"}, "page"),
        ({"q": "x" * 201}, "q"),
        ({"sort": "popular"}, "sort"),
        ({"locale": "fr"}, "locale"),
    ],
)
def test_invalid_parameters_answer_400_with_a_message(client, site_tree, params, field):
    response = client.get(URL, params)
    body = response.json()

    assert response.status_code == 400
    assert body["error"].startswith("Ungültige Suchparameter")
    assert list(body["details"]) == [field]
    assert body["details"][field][0]


def test_unknown_state_message_names_the_value(client, site_tree):
    body = client.get(URL, {"bundesland": "XX"}).json()

    assert "XX" in body["details"]["bundesland"][0]


def test_database_answers_when_the_engine_is_down(client, site_tree, settings, closed_port_url):
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Digitale Akte", municipality__bundesland="HE"
    )
    factories.ProjectPageFactory(
        parent=site_tree.projects, title="Schul-WLAN", municipality__bundesland="BY"
    )
    settings.PROJECT_SEARCH_URL = closed_port_url

    response = client.get(URL, {"bundesland": "HE"})
    body = response.json()

    assert response.status_code == 200
    assert body["engine"] == "database"
    assert [r["title"] for r in body["results"]] == ["Digitale Akte"]
    assert body["results"][0]["url"].startswith("http://testserver/de/projekte/")
    assert body["results"][0]["highlight"] is None
    assert facet(body, "bundesland", "HE") == {
        "value": "HE",
        "label": "Hessen",
        "count": 1,
        "selected": True,
    }
    # The database counts too: each facet under the other filters, as the engine does.
    assert facet(body, "bundesland", "BY")["count"] == 1


@pytest.mark.parametrize("engine", ["not configured", "down"])
def test_database_answer_leaves_out_projects_behind_a_login(
    client, site_tree, settings, closed_port_url, engine
):
    factories.ProjectPageFactory(parent=site_tree.projects, title="Digitale Akte")
    private = factories.ProjectPageFactory(parent=site_tree.projects, title="Interne Akte")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    settings.PROJECT_SEARCH_URL = None if engine == "not configured" else closed_port_url

    body = client.get(URL, {"q": "Akte"}).json()

    assert body["engine"] == "database"
    assert [r["title"] for r in body["results"]] == ["Digitale Akte"]
    assert body["total"] == 1


def test_a_misspelt_query_gets_a_suggestion(client, indexed):
    body = client.get(URL, {"q": "Bürgerservise"}).json()

    assert body["engine"] == "opensearch"
    assert body["suggestion"] == "Bürgerservice"
    assert body["relaxed"] is False
    assert client.get(URL, {"q": "Akte"}).json()["suggestion"] is None


def test_the_database_answers_a_typo_with_the_corrected_projects(client, site_tree, settings):
    settings.PROJECT_SEARCH_URL = None
    factories.ProjectPageFactory(parent=site_tree.projects, title="Bürgerservice Fulda")
    factories.ProjectPageFactory(parent=site_tree.projects, title="Schul-WLAN")

    typo = client.get(URL, {"q": "Bürgerservise"}).json()
    relaxed = client.get(URL, {"q": "Bürgerservice Seilbahn"}).json()

    assert typo["engine"] == "database"
    assert typo["corrected"] == "Bürgerservice"
    assert [r["title"] for r in typo["results"]] == ["Bürgerservice Fulda"]
    assert relaxed["relaxed"] is True
    assert [r["title"] for r in relaxed["results"]] == ["Bürgerservice Fulda"]


def test_second_page(client, site_tree, project_index):
    projects = [
        factories.ProjectPageFactory(parent=site_tree.projects, title=f"Projekt {n:02d}")
        for n in range(14)
    ]
    project_index.add(*projects)

    body = client.get(URL, {"page": 2, "sort": "start"}).json()

    assert body["total"] == 14
    assert body["page"] == 2
    assert len(body["results"]) == 2


def test_autocomplete(client, indexed):
    response = client.get(URL + "autocomplete/", {"q": "Bürg"})

    assert response.status_code == 200
    assert [r["title"] for r in response.json()["results"]] == ["Bürgerservice Fulda"]


def test_autocomplete_without_text_is_400(client, site_tree):
    response = client.get(URL + "autocomplete/", {"q": " "})

    assert response.status_code == 400
    assert response.json()["details"]["q"]


def test_interactive_documentation_loads_everything_from_this_site(client, db):
    response = client.get("/api/v2/projects/docs")
    html = response.content.decode()

    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/api/v2/projects/openapi.json" in html
    # The CSP allows scripts and styles from this site only.
    assert "cdn." not in html and "<script>" not in html


def test_openapi_schema_describes_the_search(client, db):
    response = client.get("/api/v2/projects/openapi.json")
    schema = response.json()

    assert response.status_code == 200
    operation = schema["paths"]["/api/v2/projects/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "bundesland", "topic", "page", "locale", "sort", "start"} <= names
    assert set(operation["responses"]) == {"200", "400"}
