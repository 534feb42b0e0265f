"""Every response carries the security headers; the CSP is strict except inside the admin."""

import pytest

from tests.markup import parse

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = ["/de/", "/de/projekte/", "/en/projects/", "/de/suche/?q=Kommune", "/de/anmelden/"]


def _directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_send_a_strict_csp_and_the_usual_headers(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = _directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_contain_no_inline_script_the_csp_would_block(client, demo_site):
    """Only external scripts and JSON-LD data blocks (never executed, so CSP allows them)."""
    page = parse(client.get("/de/projekte/e-akte-im-buergerbuero-einfuehren-witzenhausen/"))
    assert page.select('script[type="application/ld+json"]')
    for script in page.select("script"):
        assert script.get("type") == "application/ld+json" or script.get("src"), script.html
    assert not page.select("[style]"), [element.html for element in page.select("[style]")]


def test_the_admin_alone_may_use_inline_styles_and_scripts(admin_client, demo_site):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    csp = _directives(response)
    assert "'unsafe-inline'" in csp["style-src"]
    assert "'unsafe-inline'" in csp["script-src"]
    public = _directives(admin_client.get("/de/"))
    assert "'unsafe-inline'" not in public["style-src"]
    assert "'unsafe-inline'" not in public["script-src"]
