"""The news section: listing, item pages, feeds, structured data and validation."""

import datetime
import functools
import time
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from intake.forms import FEEDBACK_FORM_KIND
from intake.models import ContactRequest
from intake.spam import issue_started_token
from tests import factories
from tests.markup import json_ld, parse

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(site_tree):
    return factories.NewsIndexPageFactory(parent=site_tree.home, publish=True)


@pytest.fixture
def item(news_index):
    return functools.partial(factories.NewsPageFactory, parent=news_index, publish=True)


@pytest.fixture
def impulspapier():
    document = get_document_model()(title="Impulspapier Kommune 360°")
    document.file.save("impulspapier.pdf", ContentFile(factories.MINIMAL_PDF), save=False)
    document.save()
    return document


def test_listing_shows_newest_first_with_kind_and_date(client, item):
    item(title="Vom Hackathon zum Programm", date=datetime.date(2021, 3, 26))
    item(title="Die Pilotphase startet", date=datetime.date(2021, 10, 1))
    draft = item(title="Noch ein Entwurf")
    draft.unpublish()

    page = parse(client.get("/de/aktuelles/").content)

    titles = page.texts(".card h3")
    assert titles == ["Die Pilotphase startet", "Vom Hackathon zum Programm"]
    first = page.select_one(".card")
    assert "Meldung" in first.text
    assert first.select_one("time").get("datetime") == "2021-10-01"
    assert "1. Oktober 2021" in first.text
    assert "2 Beiträge" in page.text


def test_listing_filters_by_kind(client, item, impulspapier):
    item(title="Die Pilotphase startet")
    item(title="Presse: Eine Macherin im Rathaus", category="press", source_name="Anzeiger")
    item(title="Impulspapier", category="publication", document=impulspapier)

    page = parse(client.get("/de/aktuelles/?category=publication").content)

    assert page.texts(".card h3") == ["Impulspapier"]
    assert "1 Beitrag" in page.text


def test_press_item_names_and_links_its_source(client, item):
    press = item(
        title="Presse: Eine Macherin im Rathaus",
        category="press",
        source_name="Beispiel-Anzeiger",
        source_url="https://zeitung.example/artikel",
    )

    page = parse(client.get(press.url).content)

    source = page.select_one(".source")
    assert "Quelle: Beispiel-Anzeiger" in source.text
    assert source.select_one("a").get("href") == "https://zeitung.example/artikel"
    data = json_ld(client.get(press.url).content)[0]
    assert data["@type"] == "NewsArticle"
    assert data["sourceOrganization"]["name"] == "Beispiel-Anzeiger"
    assert data["isBasedOn"] == "https://zeitung.example/artikel"


def test_publication_offers_its_document_for_download(client, item, impulspapier):
    paper = item(title="Kommune 360°", category="publication", document=impulspapier)

    page = parse(client.get(paper.url).content)

    link = page.select_one(".document-link a")
    assert link.text == "Impulspapier Kommune 360° herunterladen"
    assert "PDF" in page.select_one(".document-link").text
    download = client.get(link.get("href"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    data = json_ld(client.get(paper.url).content)[0]
    assert data["@type"] == "Report"
    assert data["encoding"]["contentUrl"].endswith(link.get("href"))


def test_news_article_structured_data(client, item):
    news = item(title="Die Pilotphase startet", date=datetime.date(2021, 10, 1))

    data = json_ld(client.get(news.url).content)[0]

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Die Pilotphase startet"
    assert data["datePublished"].startswith("2021-10-01T12:00")
    assert data["inLanguage"] == "de"
    assert data["url"] == news.full_url


def test_news_structured_data_names_the_image_and_survives_a_lost_file(client, item):
    image = factories.ImageFactory(title="Auftakt")
    news = item(title="Die Pilotphase startet", image=image)
    assert json_ld(client.get(news.url).content)[0]["image"].startswith("http://testserver/")

    image.renditions.all().delete()
    image.file.storage.delete(image.file.name)
    response = client.get(news.url)

    assert response.status_code == 200
    assert "image" not in json_ld(response.content)[0]


def test_press_needs_a_source_and_publication_a_document(news_index):
    press = factories.NewsPageFactory.build(category="press", source_name="")
    with pytest.raises(ValidationError) as error:
        press.full_clean()
    assert "source_name" in error.value.message_dict

    paper = factories.NewsPageFactory.build(category="publication")
    with pytest.raises(ValidationError) as error:
        paper.full_clean()
    assert "document" in error.value.message_dict


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_list_the_newest_items_with_their_own_dates(client, item, kind):
    item(title="Vom Hackathon zum Programm", date=datetime.date(2021, 3, 26))
    item(title="Die Pilotphase startet", date=datetime.date(2021, 10, 1))

    response = client.get(f"/de/aktuelles/feed/{kind}/")

    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    if kind == "rss":
        titles = [title.text for title in feed.iter("title")][1:]
        dates = [date.text for date in feed.iter("pubDate")]
        assert dates[0].startswith("Fri, 01 Oct 2021")
    else:
        titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Die Pilotphase startet", "Vom Hackathon zum Programm"]


def test_english_listing_shows_translated_items(client, site_tree, locales, news_index, item):
    pilot = item(title="Die Pilotphase startet")
    item(title="Nur auf Deutsch")
    factories.publish_translation(news_index, locales.en, title="News", slug="news")
    factories.publish_translation(pilot, locales.en, title="The pilot phase begins")

    page = parse(client.get("/en/news/").content)

    assert page.texts(".card h3") == ["The pilot phase begins"]
    assert "1 more item is only available in German." in page.text


@pytest.fixture
def paper(item, impulspapier):
    return item(
        title="Kommune 360°",
        category="publication",
        document=impulspapier,
        feedback_enabled=True,
    )


def feedback(**changes):
    """Valid input for the comment form, sent a minute after the form was opened."""
    data = {
        "form_started": issue_started_token(FEEDBACK_FORM_KIND, issued_at=time.time() - 60),
        "name": "Ada Muster",
        "email": "ada@kommune.example",
        "role": "Sachgebietsleitung Personal",
        "organisation": "Stadt Musterhausen",
        "message": "Es fehlt ein Blick auf die kleinen Gemeinden.",
        "privacy_consent": "on",
    }
    return {**data, **changes}


def test_comment_on_a_paper_reaches_the_team(
    client, paper, mailoutbox, django_capture_on_commit_callbacks
):
    page = parse(client.get(paper.url).content)
    assert page.select_one("#feedback-heading").text == "Mitdenker:innen gesucht"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(paper.url, feedback(), follow=True)

    assert "Vielen Dank für Ihren Kommentar!" in response.content.decode()
    comment = ContactRequest.objects.get()
    assert comment.kind == ContactRequest.Kind.FEEDBACK
    assert comment.page_id == paper.pk
    assert comment.role == "Sachgebietsleitung Personal"
    assert comment.consent_given_at is not None
    # The writer's confirmation and the team's notification, which names the paper.
    assert len(mailoutbox) == 2
    notification = next(mail for mail in mailoutbox if "ada@kommune.example" not in mail.to)
    assert "Kommune 360°" in notification.body


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "Bitte schreiben Sie Ihren Kommentar."), ("en", "Please write your comment.")],
)
def test_comment_without_text_keeps_what_was_typed(client, paper, locales, language, expected):
    url = paper.url
    if language == "en":
        news_en = factories.publish_translation(
            paper.get_parent().specific, locales.en, title="News", slug="news"
        )
        assert news_en.live
        url = factories.publish_translation(paper, locales.en, title="Kommune 360° paper").url

    response = client.post(url, feedback(message=""))

    html = response.content.decode()
    assert expected in html
    assert "Sachgebietsleitung Personal" in html
    assert not ContactRequest.objects.exists()


def test_pages_without_comments_asked_for_show_no_form(client, item):
    news = item(title="Die Pilotphase startet")

    assert not parse(client.get(news.url).content).select("#feedback-heading")
