"""Matching: the ranked talent pool per project and the projects that suit a candidate."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from backoffice import matching, privacy
from backoffice.views.base import BackOfficeTemplateView, backoffice_url
from backoffice.views.candidates import pipeline_talent_pool
from backoffice.views.placements import decision_panel_context
from intake.models import (
    Candidate,
)
from projects.models import ProjectPage

RANKING_PAGE_SIZE = 50


def _ranking_rows(scored, labels, project, today):
    """Rows for one page of a ranking, with the full reasons for each shown candidate."""
    return [
        {
            "candidate_id": candidate.pk,
            "label": labels[candidate.pk],
            "result": matching.score(candidate, project, today),
            "url": reverse("backoffice_candidates:inspect", args=[candidate.pk]),
        }
        for candidate, _value in scored
    ]


class ProjectRankingView(BackOfficeTemplateView):
    """A project's applications and the whole talent pool ranked by score, best first."""

    template_name = "backoffice/admin/project_ranking.html"
    page_title = gettext_lazy("Matching")

    def get_page_subtitle(self):
        return self.project.title

    def get(self, request, project_pk):
        self.project = get_object_or_404(
            ProjectPage.objects.select_related("municipality"), pk=project_pk
        )
        return super().get(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        project_data = matching.load_project(self.project)
        candidates = matching.load_candidates(pipeline_talent_pool(today))
        ranked = matching.rank(candidates, project_data, today)
        paginator = Paginator(ranked, RANKING_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        # Names (or pseudonyms) only for the candidates on this page.
        shown = privacy.candidates_with_revealed(
            Candidate.objects.filter(pk__in=[cand.pk for cand, _value in page.object_list])
        ).only("pk", "first_name", "last_name", "anonymised_at")
        labels = {cand.pk: privacy.candidate_label(cand, cand.identity_revealed) for cand in shown}
        applications = privacy.with_revealed(
            self.project.applications.select_related("candidate", "assignee")
        )
        context.update(
            {
                "project": self.project,
                "project_data": project_data,
                "applications": [
                    (
                        app,
                        privacy.candidate_label(app.candidate, app.identity_revealed),
                        reverse("backoffice_applications:inspect", args=[app.pk]),
                    )
                    for app in applications
                ],
                "ranking": _ranking_rows(page.object_list, labels, project_data, today),
                "page_obj": page,
                "pool_size": len(ranked),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.project.pk]),
                **decision_panel_context(self.project),
            }
        )
        return context


class ProjectMatchingIndexView(BackOfficeTemplateView):
    """The open projects, each with a link to its ranking."""

    template_name = "backoffice/admin/matching_index.html"
    page_title = gettext_lazy("Matching nach Projekt")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = (
            ProjectPage.objects.filter(locale=Locale.get_default())
            .select_related("municipality")
            .annotate(application_count=Count("applications"))
            .order_by("-live", "start_date", "title")
        )
        return context


class CandidateProjectsView(BackOfficeTemplateView):
    """The open projects ranked for one candidate."""

    template_name = "backoffice/admin/candidate_projects.html"
    page_title = gettext_lazy("Passende Projekte")

    def get(self, request, pk):
        self.candidate = get_object_or_404(
            privacy.candidates_with_revealed(Candidate.objects.all()), pk=pk
        )
        return super().get(request)

    def get_page_subtitle(self):
        return privacy.candidate_label(self.candidate, self.candidate.identity_revealed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate = matching.load_candidates(Candidate.objects.filter(pk=self.candidate.pk))[0]
        ranked = matching.rank_projects(
            candidate, matching.load_open_projects(), timezone.localdate()
        )
        context.update(
            {
                "candidate_label": self.get_page_subtitle(),
                "candidate_url": reverse("backoffice_candidates:inspect", args=[candidate.pk]),
                "suggestions": [
                    {
                        "project": project,
                        "result": result,
                        "ranking_url": backoffice_url("project_ranking", project.pk),
                    }
                    for project, result in ranked
                ],
            }
        )
        return context


# Private files and personal data
