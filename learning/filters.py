"""Filters of the learning library and the expert pool (django-filter)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from learning.choices import ExpertAvailability, ResourceFormat, ResourceLevel
from taxonomy.filters import (
    LocalizedModelMultipleChoiceFilter,
    canonical_competencies,
    topic_filter,
)


class LearningResourceFilterSet(django_filters.FilterSet):
    """Narrow the library by format, level and Themenfeld."""

    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=ResourceFormat.choices, empty_label=_("Alle Formate")
    )
    level = django_filters.ChoiceFilter(
        label=_("Niveau"), choices=ResourceLevel.choices, empty_label=_("Alle Niveaus")
    )
    topic = topic_filter()


class ExpertFilterSet(django_filters.FilterSet):
    """Narrow the expert pool by field of expertise, availability and language."""

    expertise = LocalizedModelMultipleChoiceFilter(
        label=_("Fachgebiet"),
        queryset=canonical_competencies,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = django_filters.ChoiceFilter(
        label=_("Verfügbarkeit"),
        choices=ExpertAvailability.choices,
        empty_label=_("Alle"),
    )
    language = django_filters.CharFilter(
        field_name="languages", lookup_expr="icontains", label=_("Sprache")
    )
