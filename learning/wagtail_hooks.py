"""Admin menu for the expert pool."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Expert


class ExpertViewSet(SnippetViewSet):
    model = Expert
    icon = "user"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "organisation", "availability", "locale"]
    list_filter = ["availability", "locale"]
    search_fields = ["name", "organisation"]


register_snippet(ExpertViewSet)
