"""django-filter pieces for the taxonomies, shared by every listing.

Choices are the German instances (the ones pages refer to; their pks are the parameter
values), labelled in the visitor's language with one query for all labels.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.locales import active_locale
from core.lookup_cache import remember_shared

from .models import Competency, Topic


def translated_names(model, locale):
    """``{translation_key: name}`` for every instance of ``model`` in ``locale``."""
    return dict(
        model.objects.filter(locale=locale).order_by().values_list("translation_key", "name")
    )


class _RowsChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """Iterates the rows the field has already read instead of querying again."""

    def __iter__(self):
        for obj in self.field.rows():
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.rows())


class LocalizedModelMultipleChoiceField(django_filters.fields.ModelMultipleChoiceField):
    """A multiple choice over German taxonomy rows with labels in the active language.

    Taxonomies are short lists, so the rows are read once (per process while they are
    unchanged, core.lookup_cache) and serve validation, the checkboxes and the facet labels
    alike. In German the rows are their own labels;
    other languages read all names in one query.
    """

    iterator = _RowsChoiceIterator

    def rows(self):
        """The choosable instances, read on first use and kept while they are unchanged (the
        listing validates its filters and lists the facets with forms of its own)."""
        if getattr(self, "_rows", None) is None:
            queryset = self.queryset
            query = queryset.query
            key = ("taxonomy-rows", queryset.model._meta.label, str(query.where), *query.order_by)
            self._rows = remember_shared(key, lambda: list(queryset))
        return self._rows

    def clean(self, value):
        # Nothing chosen: an empty list rather than Django's queryset.none(), whose every truth
        # test compiles a query only to find it empty.
        if not value and not self.required:
            return []
        return super().clean(value)

    def _check_values(self, value):
        # Django's checks and error codes, against the rows already read.
        try:
            value = sorted(frozenset(value), key=str)
        except TypeError:
            raise ValidationError(
                self.error_messages["invalid_list"], code="invalid_list"
            ) from None
        by_pk = {str(obj.pk): obj for obj in self.rows()}
        for pk in value:
            self.validate_no_null_characters(pk)
            if str(pk) not in by_pk:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return [by_pk[str(pk)] for pk in value]

    def label_from_instance(self, obj):
        locale = active_locale()
        if obj.locale_id == locale.pk:
            return obj.name
        labels = getattr(self, "_labels", None)
        if labels is None or labels[0] != locale.pk:
            model = self.queryset.model
            names = remember_shared(
                ("taxonomy-labels", model._meta.label, locale.pk),
                lambda: translated_names(model, locale),
            )
            labels = self._labels = (locale.pk, names)
        return labels[1].get(obj.translation_key, obj.name)


class LocalizedModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LocalizedModelMultipleChoiceField

    def filter(self, qs, value):
        """django-filter's choice, but across a to-many relation (``distinct``, the default)
        as a subquery: no duplicate rows, so no DISTINCT over the listing's wide rows, and a
        listing can read one page and its total in one scan (projects.paging)."""
        if not self.distinct:
            return super().filter(qs, value)
        everything = qs.model._default_manager.all()
        matching = super().filter(everything, value)
        if matching is everything:  # nothing chosen (or every choice): no filter
            return qs
        return qs.filter(pk__in=matching.order_by().values("pk"))


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
