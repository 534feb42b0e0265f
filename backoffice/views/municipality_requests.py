"""Municipality requests: the full view and turning a request into a draft project page."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html, linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Locale

from backoffice import display
from backoffice.views.base import BackOfficeTemplateView, backoffice_url
from backoffice.views.records import RecordInspectView
from intake.models import (
    MunicipalityRequest,
    RequestStatus,
)
from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.models import Municipality

# Typical lead time from agreement to project start (CONTENT.md): about four to five months.
DEFAULT_LEAD_TIME_DAYS = 135


DEFAULT_DURATION_MONTHS = 12


def _rich_text(text):
    """Plain text from a form as simple rich text paragraphs."""
    return linebreaks(escape(text or ""))


def find_or_create_municipality(name, bundesland):
    """The German Municipality snippet with this name and Bundesland, created if missing."""
    locale = Locale.get_default()
    municipality = Municipality.objects.filter(
        locale=locale, name__iexact=name.strip(), bundesland=bundesland
    ).first()
    if municipality is None:
        municipality = Municipality.objects.create(
            locale=locale, name=name.strip(), bundesland=bundesland
        )
    return municipality


def create_project_from_request(municipality_request, user):
    """Create an unpublished ProjectPage from a municipality request and link the two."""
    index = ProjectIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise ValidationError(_("Es gibt keine deutsche Projektübersicht."))
    today = timezone.localdate()
    title = _("Projektskizze: %(name)s") % {"name": municipality_request.municipality_name}
    with transaction.atomic():
        page = ProjectPage(
            title=title,
            slug=slugify(f"{municipality_request.municipality_name}-{municipality_request.pk}")
            or f"projektskizze-{municipality_request.pk}",
            live=False,
            municipality=find_or_create_municipality(
                municipality_request.municipality_name, municipality_request.bundesland
            ),
            status="in_preparation",
            challenge=_rich_text(municipality_request.challenge),
            intended_impact=_rich_text(municipality_request.intended_impact),
            target_groups=municipality_request.target_groups,
            start_date=municipality_request.desired_start
            or today + datetime.timedelta(days=DEFAULT_LEAD_TIME_DAYS),
            duration_months=municipality_request.duration_months or DEFAULT_DURATION_MONTHS,
            owner=user,
        )
        index.add_child(instance=page)
        # A sketch may lack texts the editor fills in later; only publishing validates fully.
        page.save_revision(user=user, log_action=True, clean=False)
        municipality_request.project = page
        municipality_request.status = RequestStatus.PROJECT_CREATED
        municipality_request.save(update_fields=["project", "status"])
    return page


class CreateProjectFromRequestView(BackOfficeTemplateView):
    """Turn a municipality request into a draft project and open it in the page editor.

    The full view's header button posts here directly; without JavaScript the link opens
    this view's confirmation page, whose button posts.
    """

    template_name = "backoffice/admin/request_to_project.html"
    page_title = gettext_lazy("Projektentwurf anlegen")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.municipality_request = get_object_or_404(MunicipalityRequest, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.municipality_request)

    def get_parent_breadcrumbs(self):
        return [
            {
                "url": reverse("backoffice_requests:index"),
                "label": MunicipalityRequest._meta.verbose_name_plural,
            },
            {
                "url": reverse("backoffice_requests:inspect", args=[self.municipality_request.pk]),
                "label": str(self.municipality_request),
            },
        ]

    def get(self, request, pk):
        if self.municipality_request.project_id:
            return redirect("backoffice_requests:inspect", pk)
        return super().get(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.municipality_request
        context["cancel_url"] = reverse("backoffice_requests:inspect", args=[self.kwargs["pk"]])
        return context

    def post(self, request, pk):
        municipality_request = self.municipality_request
        if municipality_request.project_id:
            messages.info(request, _("Zu dieser Anfrage gibt es schon ein Projekt."))
            return redirect("wagtailadmin_pages:edit", municipality_request.project_id)
        try:
            page = create_project_from_request(municipality_request, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("backoffice_requests:inspect", pk)
        messages.success(request, _("Der Projektentwurf wurde angelegt."))
        if not page.permissions_for_user(request.user).can_edit():
            # Team members who are not editors cannot open the page editor.
            return redirect("backoffice_requests:inspect", pk)
        return redirect("wagtailadmin_pages:edit", page.pk)


class MunicipalityRequestInspectView(RecordInspectView):
    """A municipality request, with the button that creates the draft project."""

    template_name = "backoffice/admin/request_inspect.html"

    def project_edit_url(self):
        project = self.object.project
        if project is not None and project.permissions_for_user(self.request.user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[project.pk])
        return ""

    def get_project_display_value(self):
        project = self.object.project
        if project is None:
            return display.EMPTY
        if url := self.project_edit_url():
            return format_html('<a href="{}">{}</a>', url, project.title)
        return project.title

    def get_action_buttons(self):
        if self.object.project_id:
            url = self.project_edit_url()
            if not url:
                return []
            return [HeaderButton(_("Projektentwurf bearbeiten"), url=url, icon_name="edit")]
        url = backoffice_url("request_to_project", self.object.pk)
        return [
            HeaderButton(
                _("Projektentwurf anlegen"),
                url=url,
                icon_name="doc-full",
                classname="button-primary",
                # Posts directly (Wagtail's action controller adds the CSRF token); without
                # JavaScript the link opens the confirmation page.
                attrs={
                    "data-controller": "w-action",
                    "data-action": "w-action#post",
                    "data-w-action-url-value": url,
                },
                priority=10,
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["project_edit_url"] = self.project_edit_url()
        return context
