"""Routes of the Begleitprogramm outside the page tree: cancellation link and .ics files.

Included inside i18n_patterns before Wagtail's pages (config/urls.py).
"""

from django.urls import path, re_path

from intake.urls import route_by_language
from programme import views

app_name = "programme"

urlpatterns = [
    path(
        route_by_language("anmeldung/<slug:token>/abmelden/", "registration/<slug:token>/cancel/"),
        views.cancel_registration,
        name="cancel",
    ),
    # A page's address without its final slash, plus ".ics" (Wagtail's own page addresses
    # never contain a dot, so this cannot hide a page).
    re_path(r"^(?P<path>(?:[\w\-]+/)*[\w\-]+)\.ics$", views.calendar_file, name="calendar"),
]
