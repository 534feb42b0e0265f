"""The base of the back office's own views: Matching-Team only, admin layout."""

from pathlib import PurePosixPath

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from backoffice import privacy
from backoffice.permissions import MatchingTeamOnlyMixin


def backoffice_url(name, *args):
    """Reverse one of the back office's admin URLs."""
    return reverse(f"backoffice_{name}", args=args)


class BackOfficeMixin(MatchingTeamOnlyMixin):
    """Only the Matching-Team passes; everyone else gets HTTP 403."""


class BackOfficeTemplateView(BackOfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """A back-office page in the admin's furniture."""

    header_icon = "group"

    def get_parent_breadcrumbs(self):
        """Breadcrumbs between the dashboard and this page, e.g. the listing it belongs to."""
        return []

    def get_breadcrumbs_items(self):
        # Without an item of its own, Wagtail's slim header would name the page "Home".
        return [
            *self.breadcrumbs_items,
            *self.get_parent_breadcrumbs(),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


# Listings


def candidate_context(candidate, revealed):
    """What the templates show about a candidate, with identifying fields only if revealed."""
    competencies = candidate.competencies.select_related("competency").order_by("competency__name")
    return {
        "candidate": candidate,
        "revealed": revealed,
        "candidate_label": privacy.candidate_label(candidate, revealed),
        "candidate_competencies": competencies,
        "cv_download_url": (backoffice_url("cv_download", candidate.pk) if candidate.cv else ""),
        "cv_file_name": PurePosixPath(candidate.cv.name).name if candidate.cv else "",
    }
