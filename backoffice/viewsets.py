"""The back office's admin menus: listings with filters, search, ordering and export.

Everything is grouped under one menu ("Matching") that only the Matching-Team sees; the
permission policy registered in wagtail_hooks.py answers 403 to everyone else.
"""

from django.db.models import Count
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from backoffice import exports
from backoffice.filters import (
    ApplicationFilterSet,
    CandidateFilterSet,
    CompanyOfferFilterSet,
    ContactRequestFilterSet,
    MunicipalityRequestFilterSet,
    RegistrationFilterSet,
)
from backoffice.permissions import MatchingTeamOnlyMixin, is_matching_team
from backoffice.views import applications, candidates, municipality_requests, records
from backoffice.views.records import created_at_column
from intake.models import (
    Application,
    Candidate,
    CompanyOffer,
    ContactRequest,
    MunicipalityRequest,
    PipelineStatus,
)
from programme.models import Registration


class BackOfficeViewSet(ModelViewSet):
    """Common settings: no copy view, German file names for the exports."""

    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_admin_menu = False
    list_per_page = 50
    # Records come in through the public forms; the team only edits a request's status.
    form_fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every generic view answers 403 outside the team (see MatchingTeamOnlyMixin).
        for attribute in (
            "index_view_class",
            "add_view_class",
            "edit_view_class",
            "delete_view_class",
            "history_view_class",
            "usage_view_class",
            "inspect_view_class",
        ):
            view_class = getattr(self, attribute)
            if not issubclass(view_class, MatchingTeamOnlyMixin):
                guarded = type(view_class.__name__, (MatchingTeamOnlyMixin, view_class), {})
                setattr(self, attribute, guarded)

    @property
    def url_finder_class(self):
        # Wagtail's "admin page of this object" (used for the notification mails' links and
        # the admin's own links) is the full view, not the status form.
        return inspect_url_finder(self.get_url_name("inspect"))

    def get_permissions_to_register(self):
        # Access is decided by group membership in code (projects/permissions.py); offering
        # model permissions in the group editor would suggest otherwise.
        return []


def inspect_url_finder(inspect_url_name):
    """An AdminURLFinder class pointing to a record's full view, for the team only."""

    class InspectURLFinder(ModelAdminURLFinder):
        edit_url_name = inspect_url_name

        def get_edit_url(self, instance):
            if self.user is not None and not is_matching_team(self.user):
                return None
            return self.construct_edit_url(instance)

    return InspectURLFinder


class RecordViewSet(BackOfficeViewSet):
    """Requests, offers and contact requests: listing -> full view with visible actions."""

    index_view_class = records.RecordIndexView
    inspect_view_class = records.RecordInspectView
    edit_view_class = records.RecordEditView
    export_headings = {"pk": _("Nr.")}


class ApplicationViewSet(BackOfficeViewSet):
    model = Application
    name = "backoffice_applications"
    url_prefix = "matching/bewerbungen"
    icon = "form"
    menu_label = _("Bewerbungen")
    index_view_class = applications.ApplicationIndexView
    inspect_view_class = applications.ApplicationInspectView
    list_display = ["candidate", "project", "status", "assignee", created_at_column()]
    filterset_class = ApplicationFilterSet
    search_fields = [
        "motivation",
        "candidate__first_name",
        "candidate__last_name",
        "candidate__email",
        "project__title",
    ]
    ordering = ["-created_at"]
    list_export = exports.APPLICATION_EXPORT
    export_headings = exports.APPLICATION_EXPORT_HEADINGS
    export_filename = "bewerbungen"


class CandidateViewSet(BackOfficeViewSet):
    model = Candidate
    name = "backoffice_candidates"
    url_prefix = "matching/kandidatinnen"
    icon = "user"
    menu_label = _("Talentpool")
    index_view_class = candidates.CandidateIndexView
    inspect_view_class = candidates.CandidateInspectView
    list_display = [
        "last_name",
        "bundesland",
        "mobility",
        "available_from",
        created_at_column(_("Angelegt am")),
    ]
    filterset_class = CandidateFilterSet
    search_fields = ["first_name", "last_name", "email", "city", "languages"]
    ordering = ["-created_at"]
    list_export = exports.CANDIDATE_EXPORT
    export_headings = exports.CANDIDATE_EXPORT_HEADINGS
    export_filename = "talentpool"


class MunicipalityRequestViewSet(RecordViewSet):
    model = MunicipalityRequest
    name = "backoffice_requests"
    url_prefix = "matching/anfragen-kommunen"
    icon = "clipboard-list"
    menu_label = _("Anfragen von Kommunen")
    inspect_view_class = municipality_requests.MunicipalityRequestInspectView
    list_display = [
        "municipality_name",
        "bundesland",
        "contact_name",
        "status",
        created_at_column(),
    ]
    inspect_view_fields = [
        "municipality_name",
        "bundesland",
        "contact_name",
        "contact_role",
        "email",
        "phone",
        "challenge",
        "intended_impact",
        "target_groups",
        "desired_start",
        "duration_months",
        "project",
        "consent",
        "language",
        "created_at",
    ]
    filterset_class = MunicipalityRequestFilterSet
    search_fields = ["municipality_name", "contact_name", "email", "challenge"]
    ordering = ["-created_at"]
    form_fields = ["status"]
    list_export = exports.REQUEST_EXPORT
    export_filename = "anfragen-kommunen"


class CompanyOfferViewSet(RecordViewSet):
    model = CompanyOffer
    name = "backoffice_offers"
    url_prefix = "matching/angebote-unternehmen"
    icon = "site"
    menu_label = _("Angebote von Unternehmen")
    list_display = [
        "company_name",
        "contact_name",
        "staff_count",
        "status",
        created_at_column(),
    ]
    inspect_view_fields = [
        "company_name",
        "contact_name",
        "email",
        "phone",
        "staff_count",
        "competencies",
        "available_from",
        "duration_months",
        "message",
        "consent",
        "language",
        "created_at",
    ]
    filterset_class = CompanyOfferFilterSet
    search_fields = ["company_name", "contact_name", "email", "message"]
    ordering = ["-created_at"]
    form_fields = ["status"]
    list_export = exports.OFFER_EXPORT
    export_filename = "angebote-unternehmen"


class ContactRequestViewSet(RecordViewSet):
    model = ContactRequest
    name = "backoffice_contacts"
    url_prefix = "matching/kontaktanfragen"
    icon = "mail"
    menu_label = _("Kontaktanfragen")
    list_display = ["name", "kind", "organisation", "expert", created_at_column()]
    inspect_view_fields = [
        "kind",
        "expert",
        "page",
        "name",
        "email",
        "role",
        "organisation",
        "message",
        "consent",
        "language",
        "created_at",
    ]
    filterset_class = ContactRequestFilterSet
    search_fields = ["name", "email", "organisation", "message"]
    ordering = ["-created_at"]
    list_export = exports.CONTACT_EXPORT
    export_filename = "kontaktanfragen"


class RegistrationViewSet(RecordViewSet):
    """Who registered for the events of the Begleitprogramm (personal data: team only)."""

    model = Registration
    name = "backoffice_registrations"
    url_prefix = "matching/anmeldungen"
    icon = "date"
    menu_label = _("Anmeldungen Begleitprogramm")
    list_display = ["name", "event", "status", "position", created_at_column(_("Angemeldet am"))]
    inspect_view_fields = [
        "event",
        "status",
        "position",
        "name",
        "email",
        "organisation",
        "role",
        "consent",
        "language",
        "created_at",
        "moved_up_at",
        "cancelled_at",
        "reminded_at",
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation", "role"]
    ordering = ["-created_at"]
    list_export = exports.REGISTRATION_EXPORT
    export_filename = "anmeldungen-begleitprogramm"


class MatchingTeamMenuItem(MenuItem):
    """A menu item only the Matching-Team sees."""

    def is_shown(self, request):
        return is_matching_team(request.user)


class BackOfficeViewSetGroup(ModelViewSetGroup):
    menu_label = _("Matching")
    menu_icon = "group"
    menu_order = 250
    items = (
        ApplicationViewSet,
        CandidateViewSet,
        MunicipalityRequestViewSet,
        CompanyOfferViewSet,
        ContactRequestViewSet,
        RegistrationViewSet,
    )

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            MatchingTeamMenuItem(
                _("Matching nach Projekt"),
                url=reverse_lazy("backoffice_matching_projects"),
                name="backoffice-matching-projects",
                icon_name="crosshairs",
                order=len(self.registerables) + 1,
            ),
        ]


def pipeline_counts():
    """Number of applications per pipeline status, in pipeline order (zeros included)."""
    counts = dict(Application.objects.values_list("status").annotate(n=Count("pk")))
    return [(status, label, counts.get(status, 0)) for status, label in PipelineStatus.choices]
