"""Filters of the success-story listing (django-filter, works without JavaScript)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from taxonomy.filters import topic_filter
from taxonomy.models import Bundesland


class StoryFilterSet(django_filters.FilterSet):
    """Narrow the stories by Bundesland and Themenfeld."""

    bundesland = django_filters.ChoiceFilter(
        field_name="municipality__bundesland",
        label=_("Bundesland"),
        choices=Bundesland.choices,
        empty_label=_("Alle Bundesländer"),
    )
    topic = topic_filter()
