"""Admin menus: the taxonomies editors maintain, and the Matching-Team's back office."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import (
    Application,
    Candidate,
    CompanyOffer,
    Competency,
    ContactRequest,
    Municipality,
    MunicipalityRequest,
    Topic,
)
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

from .viewsets import BackOfficeViewSetGroup, pipeline_counts  # noqa: E402


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
            admin_views.ProjectMatchingIndexView.as_view(),
            name="backoffice_matching_projects",
        ),
        path(
            "matching/projekte/<int:project_pk>/",
            admin_views.ProjectRankingView.as_view(),
            name="backoffice_project_ranking",
        ),
        path(
            "matching/bewerbungen/sammelaenderung/",
            admin_views.BulkStatusView.as_view(),
            name="backoffice_bulk_status",
        ),
        path(
            "matching/bewerbungen/<int:pk>/status/",
            admin_views.TransitionView.as_view(),
            name="backoffice_transition",
        ),
        path(
            "matching/bewerbungen/<int:pk>/notiz/",
            admin_views.AddNoteView.as_view(),
            name="backoffice_add_note",
        ),
        path(
            "matching/bewerbungen/<int:pk>/zustaendig/",
            admin_views.AssignView.as_view(),
            name="backoffice_assign",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/lebenslauf/",
            admin_views.CVDownloadView.as_view(),
            name="backoffice_cv_download",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/projekte/",
            admin_views.CandidateProjectsView.as_view(),
            name="backoffice_candidate_projects",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/export/",
            admin_views.CandidateExportView.as_view(),
            name="backoffice_candidate_export",
        ),
        path(
            "matching/kandidatinnen/<int:pk>/loeschen/",
            admin_views.CandidateDeleteView.as_view(),
            name="backoffice_candidate_delete",
        ),
        path(
            "matching/anfragen-kommunen/<int:pk>/projekt-anlegen/",
            admin_views.CreateProjectFromRequestView.as_view(),
            name="backoffice_request_to_project",
        ),
    ]


class PipelinePanel(Component):
    """Dashboard panel: how many applications are in each pipeline status."""

    name = "backoffice_pipeline"
    order = 90
    template_name = "projects/admin/pipeline_panel.html"

    def get_context_data(self, parent_context):
        from django.urls import reverse

        index_url = reverse("backoffice_applications:index")
        return {
            "rows": [
                (label, count, f"{index_url}?status={status}")
                for status, label, count in pipeline_counts()
            ],
            "index_url": index_url,
        }


@hooks.register("construct_homepage_panels")
def add_pipeline_panel(request, panels):
    """Only the Matching-Team sees the pipeline counts on the dashboard."""
    if is_matching_team(request.user):
        panels.append(PipelinePanel())


@hooks.register("register_page_header_buttons")
def project_ranking_button(page, user, view_name, next_url=None):
    """On a project page in the admin: a link to its ranked talent pool, for the team only."""
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .models import ProjectPage

    if page.specific_class is ProjectPage and is_matching_team(user):
        yield Button(
            _("Matching: passende Kandidat:innen"),
            url=reverse("backoffice_project_ranking", args=[page.pk]),
            icon_name="crosshairs",
            priority=45,
        )
