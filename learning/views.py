"""The expert detail page with its contact form (served through ExpertIndexPage's route)."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from wagtail.models import Page

from intake.forms import ExpertContactForm
from intake.submissions import save_request
from intake.views import handle_form

from .models import Expert


@csrf_protect
def expert_detail(request, page, slug):
    """One expert with the contact form; after sending, the same page with a message."""
    expert = (
        Expert.objects.filter(locale_id=page.locale_id, slug=slug)
        .select_related("photo")
        .prefetch_related("expertise")
        .first()
    )
    if expert is None:
        raise Http404
    detail_url = page.get_url(request) + page.reverse_subpage("expert_route", kwargs={"slug": slug})

    def render(form):
        # The page's own context without the listing of all experts, which is not shown here.
        context = Page.get_context(page, request) | {"expert": expert, "form": form}
        return TemplateResponse(request, "learning/expert_detail.html", context)

    return handle_form(
        request,
        form_class=ExpertContactForm,
        form_kwargs={},
        save=lambda form: save_request(form, expert=expert),
        thanks_url=detail_url,
        render=render,
        success_message=_(
            "Vielen Dank! Wir haben Ihre Nachricht an %(name)s weitergeleitet. "
            "Sie erhalten die Antwort per E-Mail."
        )
        % {"name": expert.name},
    )
