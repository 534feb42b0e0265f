"""Filters of the news listing (django-filter, works without JavaScript)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from news.categories import NewsCategory


class NewsFilterSet(django_filters.FilterSet):
    """Narrow the news to one kind: announcements, press coverage or publications."""

    category = django_filters.ChoiceFilter(
        label=_("Art"), choices=NewsCategory.choices, empty_label=_("Alle Beiträge")
    )
