"""The taxonomies editors maintain, grouped in one admin menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Competency, Municipality, Topic


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "pick"
    list_display = ["name", "category", "locale"]
    list_filter = ["category", "locale"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "bundesland", "district", "population"]
    list_filter = ["bundesland", "locale"]
    search_fields = ["name", "district"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Einordnung")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (MunicipalityViewSet, TopicViewSet, CompetencyViewSet)


register_snippet(TaxonomyViewSetGroup)
