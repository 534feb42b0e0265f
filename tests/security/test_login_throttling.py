"""Five failed logins lock an account for 15 minutes (django-axes): admin and site login."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "richtig-und-lang-2026"


@pytest.fixture
def throttled(settings):
    """Turn django-axes on (the suite runs without it) and give an editor account."""
    settings.AXES_ENABLED = True
    return get_user_model().objects.create_user(
        "redaktion", "redaktion@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def _fail(client, url, times, username="redaktion"):
    """Post a wrong password ``times`` times; the fifth failure answers 429 (locked)."""
    for attempt in range(1, times + 1):
        response = client.post(url, {"username": username, "password": "falsch"})
        assert response.status_code == (429 if attempt >= 5 else 200)


def test_the_admin_login_locks_after_five_failures(client, throttled):
    _fail(client, "/admin/login/", 4)
    fifth = client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    assert fifth.status_code == 429
    # Locked: even the right password is refused now.
    locked = client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert locked.status_code == 429
    assert not client.get("/admin/").wsgi_request.user.is_authenticated


def test_four_failures_still_let_the_right_password_in(client, throttled):
    _fail(client, "/admin/login/", 4)
    response = client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_lock_ends_after_fifteen_minutes(client, throttled, settings):
    from datetime import timedelta

    from django.utils import timezone

    _fail(client, "/admin/login/", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 302


def test_the_site_login_is_throttled_too(client, throttled):
    _fail(client, "/de/anmelden/", 5)
    locked = client.post("/de/anmelden/", {"username": "redaktion", "password": PASSWORD})
    assert locked.status_code == 429


def test_one_locked_account_does_not_lock_another(client, throttled):
    get_user_model().objects.create_user("kollegin", "k@example.org", PASSWORD, is_staff=True)
    _fail(client, "/admin/login/", 5)
    response = client.post("/admin/login/", {"username": "kollegin", "password": PASSWORD})
    assert response.status_code == 302


def test_behind_a_proxy_the_lockout_counts_per_visitor_not_per_proxy(client, throttled, settings):
    """One proxy in front: an attacker's failures lock out the attacker, not the editor."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        client.post(
            "/admin/login/",
            {"username": "redaktion", "password": "falsch"},
            HTTP_X_FORWARDED_FOR="203.0.113.66",
            **proxy,
        )
    attacker = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.66",
        **proxy,
    )
    assert attacker.status_code == 429
    editor = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
        **proxy,
    )
    assert editor.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
