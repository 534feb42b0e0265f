"""The admin action "Erfolgsgeschichte anlegen" on a finished project (for editors)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from backoffice.success_stories import can_create_story, create_success_story, existing_story
from projects.models import ProjectPage, ProjectStatus


class CreateSuccessStoryView(WagtailAdminTemplateMixin, TemplateView):
    """Create the draft success story of a finished project and open it in the page editor.

    The project's header button posts here directly; without JavaScript the link opens this
    view's confirmation page, whose button posts. If the story exists already, both lead to
    it instead of creating a second one.
    """

    template_name = "backoffice/admin/success_story_create.html"
    page_title = gettext_lazy("Erfolgsgeschichte anlegen")
    header_icon = "doc-full"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.project = get_object_or_404(ProjectPage, pk=kwargs["project_pk"])

    def dispatch(self, request, *args, **kwargs):
        story = existing_story(self.project)
        if story is not None and story.permissions_for_user(request.user).can_edit():
            return redirect("wagtailadmin_pages:edit", story.pk)
        if self.project.status != ProjectStatus.COMPLETED:
            messages.error(
                request,
                _(
                    "Eine Erfolgsgeschichte lässt sich erst anlegen, wenn das Projekt "
                    "abgeschlossen ist."
                ),
            )
            return redirect("wagtailadmin_pages:edit", self.project.pk)
        if not can_create_story(self.project, request.user):
            # A plain 403 rather than Wagtail's redirect: the action is not for this account.
            return HttpResponseForbidden(
                _(
                    "Erfolgsgeschichten legen nur Redakteur:innen an, die Seiten in den "
                    "Erfolgsgeschichten anlegen dürfen."
                )
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.project.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.project.pk]),
                "label": self.project.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["project"] = self.project
        context["cancel_url"] = reverse("wagtailadmin_pages:edit", args=[self.project.pk])
        return context

    def post(self, request, project_pk):
        try:
            story, created = create_success_story(self.project, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("wagtailadmin_pages:edit", self.project.pk)
        if created:
            messages.success(
                request,
                _(
                    "Der Entwurf der Erfolgsgeschichte ist angelegt, mit den Eckdaten des "
                    "Projekts. Ergänzen Sie Text, Bild und Zitat, bevor Sie ihn veröffentlichen."
                ),
            )
        else:
            messages.info(request, _("Zu diesem Projekt gibt es schon eine Erfolgsgeschichte."))
        return redirect("wagtailadmin_pages:edit", story.pk)
