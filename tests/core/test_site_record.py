"""SITE_BASE_URL on a factory-built site: the Wagtail Site record (`manage.py sync_site_url`)
and the status link in an applicant's mail."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page, Site

from tests.forms.conftest import (  # noqa: F401  (fixtures of the form tests)
    _fresh_rate_limit_and_private_media,
    application_data,
    competencies,
    open_project,
    submit,
)

BASE = "https://lokalprojekte.example"

pytestmark = pytest.mark.django_db


def test_sync_site_url_gives_the_site_record_the_public_host(site_tree, settings):
    settings.SITE_BASE_URL = BASE
    assert site_tree.home_en.full_url == "http://testserver/en/"
    call_command("sync_site_url", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == BASE
    # A fresh instance: a page keeps the site root paths it looked up once.
    assert Page.objects.get(pk=site_tree.home_en.pk).full_url == f"{BASE}/en/"


def test_a_port_other_than_the_default_is_kept(site_tree, settings):
    settings.SITE_BASE_URL = "http://lokalprojekte.example:8080"
    call_command("sync_site_url", stdout=StringIO())
    assert site_tree.home.full_url == "http://lokalprojekte.example:8080/de/"


def test_the_status_link_in_the_applicant_mail_uses_the_public_host(
    submit,  # noqa: F811
    open_project,  # noqa: F811
    competencies,  # noqa: F811
    settings,
):
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    response = submit(f"{open_project.url}bewerben/", application_data(competencies))
    assert response.status_code == 302
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    links = re.findall(r"https?://\S+/bewerbung/\S+/", confirmation.body)
    assert links
    assert all(link.startswith(f"{BASE}/de/bewerbung/") for link in links), links
