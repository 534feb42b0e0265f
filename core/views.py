"""Site-wide views: robots.txt and the error pages."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.public_url import absolute_url


@require_GET
def robots_txt(request):
    """Allow crawling of the public site, keep crawlers out of the admin, API and filtered lists."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /*?*",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to; the icon is an SVG."""
    return redirect(static("favicon.svg"), permanent=True)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors here: the error may come from them.
    return HttpResponse(loader.get_template("500.html").render(), status=500)
