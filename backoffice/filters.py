"""Filters of the back-office listings (Wagtail's filter sets on django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Locale

from backoffice.permissions import matching_team_users
from intake.models import (
    Application,
    Candidate,
    CompanyOffer,
    ContactRequest,
    Mobility,
    MunicipalityRequest,
    PipelineStatus,
    RequestStatus,
)
from programme.models import EventPage, Registration
from projects.models import ProjectPage
from taxonomy.models import Bundesland, Competency


def german_projects(request=None):
    return ProjectPage.objects.filter(locale=Locale.get_default()).order_by("title")


def german_competencies(request=None):
    return Competency.objects.canonical()


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=PipelineStatus.choices)
    project = django_filters.ModelChoiceFilter(label=_("Projekt"), queryset=german_projects)
    talent_pool = django_filters.BooleanFilter(
        label=_("Initiativbewerbung (ohne Projekt)"), field_name="project", lookup_expr="isnull"
    )
    assignee = django_filters.ModelChoiceFilter(
        label=_("Zuständig"), queryset=lambda request: matching_team_users()
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Eingegangen"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Application
        fields = ["status", "project", "talent_pool", "assignee", "created_at"]


class CandidateFilterSet(WagtailFilterSet):
    bundesland = django_filters.ChoiceFilter(label=_("Bundesland"), choices=Bundesland.choices)
    mobility = django_filters.ChoiceFilter(label=_("Mobilität"), choices=Mobility.choices)
    competency = django_filters.ModelMultipleChoiceFilter(
        label=_("Kompetenz"),
        field_name="competencies__competency",
        queryset=german_competencies,
        distinct=True,
    )
    available_from = django_filters.DateFromToRangeFilter(
        label=_("Verfügbar ab"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Candidate
        fields = ["bundesland", "mobility", "competency", "available_from"]


class MunicipalityRequestFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=RequestStatus.choices)
    bundesland = django_filters.ChoiceFilter(label=_("Bundesland"), choices=Bundesland.choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Eingegangen"), widget=DateRangePickerWidget
    )

    class Meta:
        model = MunicipalityRequest
        fields = ["status", "bundesland", "created_at"]


class CompanyOfferFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=RequestStatus.choices)
    competencies = django_filters.ModelMultipleChoiceFilter(
        label=_("Kompetenz"), queryset=german_competencies, distinct=True
    )

    class Meta:
        model = CompanyOffer
        fields = ["status", "competencies"]


class ContactRequestFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Art"), choices=ContactRequest.Kind.choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Eingegangen"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ContactRequest
        fields = ["kind", "created_at"]


def german_events(request=None):
    return EventPage.objects.filter(locale=Locale.get_default()).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Veranstaltung"), queryset=german_events)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Registration.Status.choices)

    class Meta:
        model = Registration
        fields = ["event", "status"]
