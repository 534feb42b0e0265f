"""django-filter pieces for the taxonomies, shared by every listing.

Choices are the German instances (the ones pages refer to; their pks are the parameter
values), labelled in the visitor's language with one query for all labels.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import Competency, Topic


def translated_names(model):
    """``{translation_key: name}`` for every instance of ``model`` in the active language."""
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return {}
    return dict(
        model.objects.filter(locale=locale).order_by().values_list("translation_key", "name")
    )


class LocalizedModelMultipleChoiceField(django_filters.fields.ModelMultipleChoiceField):
    """A multiple choice over German taxonomy rows with labels in the active language."""

    def label_from_instance(self, obj):
        if not hasattr(self, "_labels"):
            self._labels = translated_names(self.queryset.model)
        return self._labels.get(obj.translation_key, obj.name)


class LocalizedModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LocalizedModelMultipleChoiceField


def canonical_topics(request):
    """The German topics (evaluated per request, not at import)."""
    return Topic.objects.canonical().order_by("name")


def canonical_competencies(request):
    """The German competencies, the ones competence profiles refer to."""
    return Competency.objects.canonical().order_by("category", "name")


def topic_filter(field_name="topics"):
    """A checkbox filter over the Themenfelder."""
    return LocalizedModelMultipleChoiceFilter(
        field_name=field_name,
        label=_("Themenfeld"),
        queryset=canonical_topics,
        widget=forms.CheckboxSelectMultiple,
    )
