"""A publication's page with its comment form ("Mitdenker:innen gesucht")."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect

from intake.forms import PublicationFeedbackForm
from intake.submissions import save_request
from intake.views import handle_form


@csrf_protect
def serve_with_feedback(request, page):
    """The page with the comment form; a sent comment goes to the back office."""

    def render(form):
        context = page.get_context(request) | {"form": form}
        return TemplateResponse(request, page.get_template(request), context)

    return handle_form(
        request,
        form_class=PublicationFeedbackForm,
        form_kwargs={},
        save=lambda form: save_request(form, page=page),
        thanks_url=page.get_url(request),
        render=render,
        success_message=_(
            "Vielen Dank für Ihren Kommentar! Unser Team liest jede Rückmeldung; eine "
            "Bestätigung ist unterwegs an Ihre E-Mail-Adresse."
        ),
    )
