"""Admin menus and views of the Matching-Team's back office."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import register_admin_url_finder
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from backoffice.success_stories import can_create_story, existing_story
from backoffice.views import (
    applications,
    candidates,
    matching,
    municipality_requests,
    placements,
    success_stories,
)
from intake.models import (
    Application,
    Candidate,
    CompanyOffer,
    ContactRequest,
    MunicipalityRequest,
)
from programme.models import Registration
from projects.models import ProjectPage, ProjectStatus

from .dashboard import NewRecordsPanel
from .permissions import MatchingTeamPermissionPolicy, is_matching_team

# The back office's policies must be registered before any viewset asks for one.
register_permission_policy(Application, MatchingTeamPermissionPolicy(Application, ["view"]))
register_permission_policy(Candidate, MatchingTeamPermissionPolicy(Candidate, ["view"]))
for _model in (MunicipalityRequest, CompanyOffer):
    register_permission_policy(
        _model, MatchingTeamPermissionPolicy(_model, ["view", "change", "delete"])
    )
register_permission_policy(
    ContactRequest, MatchingTeamPermissionPolicy(ContactRequest, ["view", "delete"])
)
# Registrations change only through the public form and the cancellation link (the waiting
# list moves up there); the team reads and exports them.
register_permission_policy(Registration, MatchingTeamPermissionPolicy(Registration, ["view"]))

from .viewsets import BackOfficeViewSetGroup, inspect_url_finder, pipeline_counts  # noqa: E402

# The viewsets register these too, but only once the admin's URLs are loaded; a mail worker
# that asks Wagtail's AdminURLFinder for a record's link must find them without that.
for _viewset in BackOfficeViewSetGroup.items:
    register_admin_url_finder(_viewset.model, inspect_url_finder(f"{_viewset.name}:inspect"))


@hooks.register("register_admin_viewset")
def register_backoffice_viewsets():
    """The Matching-Team's menu with applications, talent pool, requests, offers, contacts."""
    return BackOfficeViewSetGroup()


@hooks.register("register_admin_urls")
def register_backoffice_urls():
    """Back-office views outside the generic listings; each checks the Matching-Team."""
    return [
        path(
            "matching/projekte/",
            matching.ProjectMatchingIndexView.as_view(),
            name="backoffice_matching_projects",
        ),
        path(
            "matching/projekte/<int:project_pk>/",
            matching.ProjectRankingView.as_view(),
            name="backoffice_project_ranking",
        ),
        path(
            "matching/projekte/<int:project_pk>/entscheidungslink/",
            placements.SendDecisionLinkView.as_view(),
            name="backoffice_send_decision_link",
        ),
        path(
            "matching/entscheidungslinks/<int:pk>/zurueckziehen/",
            placements.RevokeDecisionLinkView.as_view(),
            name="backoffice_revoke_decision_link",
        ),
        path(
            "matching/bewerbungen/<int:pk>/projektstart/",
            placements.PlacementView.as_view(),
            name="backoffice_placement",
        ),
        path(
            "matching/bewerbungen/sammelaenderung/",
            applications.BulkStatusView.as_view(),
            name="backoffice_bulk_status",
        ),
        path(
            "matching/bewerbungen/<int:pk>/status/",
            applications.TransitionView.as_view(),
            name="backoffice_transition",
        ),
        path(
            "matching/bewerbungen/<int:pk>/notiz/",
            applications.AddNoteView.as_view(),
            name="backoffice_add_note",
        ),
        path(
            "matching/bewerbungen/<int:pk>/zustimmung-kommune/",
            applications.MunicipalityConsentView.as_view(),
            name="backoffice_municipality_consent",
        ),
        path(
            "matching/bewerbungen/<int:pk>/zustaendig/",
            applications.AssignView.as_view(),
            name="backoffice_assign",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/lebenslauf/",
            candidates.CVDownloadView.as_view(),
            name="backoffice_cv_download",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/projekte/",
            matching.CandidateProjectsView.as_view(),
            name="backoffice_candidate_projects",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/export/",
            candidates.CandidateExportView.as_view(),
            name="backoffice_candidate_export",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/loeschen/",
            candidates.CandidateDeleteView.as_view(),
            name="backoffice_candidate_delete",
        ),
        path(
            "projekte/<int:project_pk>/erfolgsgeschichte/",
            success_stories.CreateSuccessStoryView.as_view(),
            name="backoffice_create_success_story",
        ),
        path(
            "matching/anfragen-kommunen/<int:pk>/projekt-anlegen/",
            municipality_requests.CreateProjectFromRequestView.as_view(),
            name="backoffice_request_to_project",
        ),
    ]


class PipelinePanel(Component):
    """Dashboard panel: how many applications are in each pipeline status."""

    name = "backoffice_pipeline"
    order = 90
    template_name = "backoffice/admin/pipeline_panel.html"

    def get_context_data(self, parent_context):
        index_url = reverse("backoffice_applications:index")
        return {
            "rows": [
                (label, count, f"{index_url}?status={status}")
                for status, label, count in pipeline_counts()
            ],
            "index_url": index_url,
        }


@hooks.register("construct_homepage_panels")
def add_backoffice_panels(request, panels):
    """Only the Matching-Team sees new records and pipeline counts (personal data)."""
    if is_matching_team(request.user):
        panels.append(NewRecordsPanel())
        panels.append(PipelinePanel())


@hooks.register("register_page_header_buttons")
def project_ranking_button(page, user, view_name, next_url=None):
    """On a project page in the admin: a link to its ranked talent pool, for the team only."""
    if page.specific_class is ProjectPage and is_matching_team(user):
        yield Button(
            _("Matching: passende Kandidat:innen"),
            url=reverse("backoffice_project_ranking", args=[page.pk]),
            icon_name="crosshairs",
            priority=45,
        )


@hooks.register("register_page_header_buttons")
def success_story_button(page, user, view_name, next_url=None):
    """On a finished project: "Erfolgsgeschichte anlegen", or the way to the existing story.

    The existing story (draft or live) is shown to everyone who may edit it, so nobody writes
    a second one; creating is offered to editors who may add stories.
    """
    if page.specific_class is not ProjectPage:
        return
    story = existing_story(page)
    if story is not None:
        if story.permissions_for_user(user).can_edit():
            label = (
                _("Erfolgsgeschichte bearbeiten")
                if story.live
                else _("Erfolgsgeschichte bearbeiten (Entwurf)")
            )
            yield Button(
                label,
                url=reverse("wagtailadmin_pages:edit", args=[story.pk]),
                icon_name="doc-full",
                priority=40,
            )
        return
    if page.specific_deferred.status != ProjectStatus.COMPLETED:
        return
    if can_create_story(page, user):
        url = reverse("backoffice_create_success_story", args=[page.pk])
        yield Button(
            _("Erfolgsgeschichte anlegen"),
            url=url,
            icon_name="doc-full",
            # Posts directly (Wagtail's action controller adds the CSRF token); without
            # JavaScript the link opens the confirmation page.
            attrs={
                "data-controller": "w-action",
                "data-action": "w-action#post",
                "data-w-action-url-value": url,
            },
            priority=40,
        )
