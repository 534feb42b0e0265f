"""The learning library: listing, filters, resource pages and Macher:innen-only privacy."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests import factories
from tests.markup import description_list, parse

pytestmark = pytest.mark.django_db


def test_library_lists_resources_with_a_badge_for_restricted_ones(
    client, site_tree, resource_factory
):
    resource_factory(title="Agile Verwaltung kompakt")
    resource_factory(title="Coaching für Pat:innen", macherinnen_only=True)

    response = client.get("/de/lernen/")

    assert response.status_code == 200
    page = parse(response)
    cards = {card.select_one(".card__link").text: card for card in page.select(".card")}
    assert set(cards) == {"Agile Verwaltung kompakt", "Coaching für Pat:innen"}
    assert page.texts(".badge.badge--restricted") == ["Nur für Macher:innen"]
    assert cards["Coaching für Pat:innen"].select(".badge.badge--restricted")
    assert page.select_one("p.result-count").text == "2 Lernangebote"


def test_library_filters_by_format_level_and_topic(client, site_tree, resource_factory):
    change = factories.TopicFactory(name="Change-Management")
    resource_factory(title="Video Kanban", format="video", level="intro")
    resource_factory(title="Arbeitsblatt Retro", format="worksheet", level="advanced")
    resource_factory(title="Artikel Wandel", format="article", level="advanced", topics=[change])

    by_format = client.get("/de/lernen/", {"format": "video"}).content.decode()
    assert "Video Kanban" in by_format
    assert "Arbeitsblatt Retro" not in by_format and "Artikel Wandel" not in by_format

    by_level = client.get("/de/lernen/", {"level": "advanced"}).content.decode()
    assert "Video Kanban" not in by_level
    assert "Arbeitsblatt Retro" in by_level and "Artikel Wandel" in by_level

    by_topic = client.get("/de/lernen/", {"topic": change.pk}).content.decode()
    assert "Artikel Wandel" in by_topic
    assert "Arbeitsblatt Retro" not in by_topic


def test_library_paginates(client, site_tree, resource_factory):
    for number in range(14):
        resource_factory(title=f"Lernangebot Nr. {number}")

    first = parse(client.get("/de/lernen/"))
    second = parse(client.get("/de/lernen/", {"page": 2}))

    assert len(first.select(".card")) == 12
    assert len(second.select(".card")) == 2
    assert second.select_one("nav.pagination [aria-current=page]").text == "Seite 2"


def test_library_links_the_expert_pool_if_there_is_one(client, site_tree):
    assert "Expert:innenpool" not in client.get("/de/lernen/").content.decode()

    pool = factories.ExpertIndexPageFactory(parent=site_tree.learning, publish=True)

    assert parse(client.get("/de/lernen/")).select(f'a[href="{pool.url}"]')


def test_resource_page_shows_facts_and_a_video_link_without_embedding(
    client, site_tree, resource_factory
):
    topic = factories.TopicFactory(name="Neue Arbeitskultur")
    page = resource_factory(
        title="Design Thinking in 20 Minuten",
        format="video",
        level="intro",
        duration_minutes=20,
        topics=[topic],
        video_url="https://video.example.org/design-thinking",
    )

    response = client.get(page.url)

    assert response.status_code == 200
    document = parse(response)
    facts = description_list(document.select_one("dl.facts"))
    assert facts["Format"] == "Video"
    assert facts["Niveau"] == "Einstieg"
    assert "20 Minuten" in facts["Dauer"]
    assert "Neue Arbeitskultur" in facts["Themen"]
    assert document.select('a[href="https://video.example.org/design-thinking"]')
    assert not document.select("iframe")


def test_library_and_resource_render_in_english(client, site_tree, locales, resource_factory):
    page = resource_factory(title="Kanban für Kommunen", duration_minutes=1)
    factories.publish_translation(site_tree.learning, locales.en, title="Learning library")
    page_en = factories.publish_translation(page, locales.en, title="Kanban for municipalities")

    listing = client.get("/en/lernen/")
    assert listing.status_code == 200
    assert "Kanban for municipalities" in listing.content.decode()
    assert "Kanban für Kommunen" not in listing.content.decode()

    detail = client.get(page_en.url)
    assert detail.status_code == 200
    assert parse(detail).select_one("html").get("lang") == "en"
    assert "1 minute" in detail.content.decode()


class TestMacherinnenOnly:
    """Page privacy by group: anonymous visitors and other users must sign in as Macher:in."""

    @pytest.fixture
    def restricted(self, resource_factory):
        return resource_factory(
            title="Handbuch für Macher:innen",
            macherinnen_only=True,
            listing_summary="Interne Arbeitshilfe zum Projektstart.",
        )

    def test_anonymous_visitor_is_sent_to_the_login_page(self, client, restricted):
        response = client.get(restricted.url)

        assert response.status_code == 302
        assert response["Location"] == f"/de/anmelden/?next={restricted.url}"
        login = client.get(response["Location"])
        assert login.status_code == 200
        assert "Interne Arbeitshilfe" not in login.content.decode()
        assert parse(login).select(f'input[name=next][value="{restricted.url}"]')

    def test_english_visitor_is_sent_to_the_english_login_page(
        self, client, site_tree, locales, restricted
    ):
        factories.publish_translation(site_tree.learning, locales.en, title="Learning library")
        restricted_en = factories.publish_translation(restricted, locales.en)

        response = client.get(restricted_en.url)

        assert response.status_code == 302
        assert response["Location"].startswith("/en/anmelden/?next=/en/")
        assert client.get(response["Location"]).status_code == 200

    def test_macherin_sees_the_resource_after_signing_in(
        self, client, restricted, macherinnen_group, django_user_model
    ):
        user = django_user_model.objects.create_user("macherin", password="geheim-genug-123")
        user.groups.add(macherinnen_group)

        response = client.post(
            "/de/anmelden/",
            {"username": "macherin", "password": "geheim-genug-123", "next": restricted.url},
        )
        assert response.status_code == 302
        assert response["Location"] == restricted.url

        page = client.get(restricted.url)
        assert page.status_code == 200
        assert "Interne Arbeitshilfe zum Projektstart." in page.content.decode()

    def test_signed_in_user_outside_the_group_does_not_see_it(
        self, client, restricted, django_user_model
    ):
        user = django_user_model.objects.create_user("besucherin", password="geheim-genug-123")
        client.force_login(user)

        response = client.get(restricted.url)

        # Sending a signed-in user back to the login form would be a loop; they get a reason.
        assert response.status_code == 403
        html = response.content.decode()
        assert "steht nur Macher:innen offen" in html
        assert "Interne Arbeitshilfe" not in html

    def test_switching_the_resource_to_public_lifts_the_restriction(self, client, restricted):
        restricted.macherinnen_only = False
        restricted.save_revision().publish()

        assert client.get(restricted.url).status_code == 200


class TestSwitchKeepsEditorsRestrictions:
    """The Macher:innen-only switch adds and removes its own group restriction, nothing else."""

    @staticmethod
    def restrictions(page):
        return sorted(
            (r.restriction_type, r.password, sorted(g.name for g in r.groups.all()))
            for r in PageViewRestriction.objects.filter(page=page)
        )

    def test_publishing_with_the_switch_off_keeps_a_password(self, client, resource_factory):
        page = resource_factory(title="Entwurf der Förderrichtlinie")
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )

        page.save_revision().publish()

        assert self.restrictions(page) == [("password", "geheim", [])]
        # Visitors are asked for the password instead of seeing the page.
        assert parse(client.get(page.url)).select("input[name=password]")

    def test_publishing_keeps_logins_and_other_groups(self, resource_factory):
        page = resource_factory(title="Nur intern")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        others = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        others.groups.add(Group.objects.create(name="Redaktion"))

        page.save_revision().publish()

        assert self.restrictions(page) == [("groups", "", ["Redaktion"]), ("login", "", [])]

    def test_switching_on_adds_and_off_removes_only_the_group(self, resource_factory):
        page = resource_factory(title="Arbeitshilfe")
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )

        page.macherinnen_only = True
        page.save_revision().publish()
        assert self.restrictions(page) == [
            ("groups", "", [settings.MACHERINNEN_GROUP_NAME]),
            ("password", "geheim", []),
        ]

        page.macherinnen_only = False
        page.save_revision().publish()
        assert self.restrictions(page) == [("password", "geheim", [])]
