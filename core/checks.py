"""System checks for a production deployment (run by ``manage.py check --deploy``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104


@register(Tags.security, deploy=True)
def check_site_base_url(app_configs, **kwargs):
    """Refuse a missing, relative or local SITE_BASE_URL: status links in applicants' mails,
    the API, sitemap and feeds would point nowhere."""
    value = getattr(settings, "SITE_BASE_URL", "")
    parts = urlsplit(value)
    if not value:
        problem = "SITE_BASE_URL is not set."
    elif parts.scheme not in {"http", "https"} or not parts.hostname:
        problem = f"SITE_BASE_URL {value!r} is not an absolute http(s) URL."
    elif parts.hostname in LOCAL_HOSTS:
        problem = f"SITE_BASE_URL {value!r} points to this machine, not to the public site."
    elif parts.path.strip("/") or parts.query or parts.fragment:
        problem = f"SITE_BASE_URL {value!r} must be scheme and host only, without a path."
    else:
        return []
    return [
        Error(
            problem,
            hint=(
                "Set the environment variable SITE_BASE_URL to the public address of the "
                "site, e.g. https://lokalprojekte.example; then run `manage.py sync_site_url`."
            ),
            id="lokalprojekte.E001",
        )
    ]
