"""Filters of the success-story listing (django-filter, works without JavaScript)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import Bundesland, Topic


class LocalizedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """German taxonomy instances (the ones pages refer to), labelled in the visitor's language."""

    def label_from_instance(self, obj):
        return obj.localized.name


class LocalizedModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LocalizedModelMultipleChoiceField


def topic_filter(field_name="topics"):
    """A checkbox filter over the Themenfelder (German pks, localized labels)."""
    return LocalizedModelMultipleChoiceFilter(
        field_name=field_name,
        label=_("Themenfeld"),
        queryset=Topic.objects.canonical().order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )


class StoryFilterSet(django_filters.FilterSet):
    """Narrow the stories by Bundesland and Themenfeld."""

    bundesland = django_filters.ChoiceFilter(
        field_name="municipality__bundesland",
        label=_("Bundesland"),
        choices=Bundesland.choices,
        empty_label=_("Alle Bundesländer"),
    )
    topic = topic_filter()
