"""A project's application form (routes ``bewerben/`` and ``bewerben/danke/``)."""

from django.http import Http404

from intake.forms import ApplicationForm
from intake.submissions import save_application
from intake.views import handle_form
from projects.models import Requirement
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
        # Only a new form is pre-filled; a posted one keeps what was sent.
        form_kwargs={"suggested_competencies": suggested_competencies(project)}
        if request.method == "GET"
        else {},
        save=lambda form: save_application(form, project=project),
        thanks_url=thanks_url,
        render=render,
    )


def suggested_competencies(project):
    """(competency id, level) of the project's profile, must-haves first, for the form."""
    rows = sorted(
        project.competence_profile.all(),
        key=lambda row: (row.requirement != Requirement.MUST, row.sort_order or 0),
    )
    return [(row.competency_id, row.level) for row in rows]


def project_apply_thanks(request, project):
    """Confirmation after applying to a project."""
    return project.render(
        request,
        template="intake/forms/thanks.html",
        context_overrides={"is_application": True, "project": project},
    )
