"""A project's application form (routes ``bewerben/`` and ``bewerben/danke/``)."""

from django.http import Http404

from intake.forms import ApplicationForm
from intake.submissions import save_application
from intake.views import handle_form
from projects.views import project_detail_context


def project_apply_view(request, project):
    """The application form of an open project (ProjectPage route ``bewerben/``)."""
    if not project.is_open_for_applications:
        raise Http404

    def render(form):
        form.nested = True
        context = project_detail_context(project, request) | {"form": form}
        return project.render(
            request, template="projects/project_apply_page.html", context_overrides=context
        )

    thanks_url = project.get_url(request) + project.reverse_subpage("apply_thanks")
    return handle_form(
        request,
        form_class=ApplicationForm,
        form_kwargs={},
        save=lambda form: save_application(form, project=project),
        thanks_url=thanks_url,
        render=render,
    )


def project_apply_thanks(request, project):
    """Confirmation after applying to a project."""
    return project.render(
        request,
        template="intake/forms/thanks.html",
        context_overrides={"is_application": True, "project": project},
    )
