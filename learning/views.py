"""Views of the expert pool (served through ExpertIndexPage's routes)."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect

from intake.models import ContactRequest

from .forms import ExpertContactForm
from .models import Expert
from .tasks import send_expert_contact_request


@csrf_protect
def expert_detail(request, page, slug):
    """One expert with the contact form (POST, then redirect back here with a message)."""
    expert = (
        Expert.objects.filter(locale_id=page.locale_id, slug=slug)
        .select_related("photo")
        .prefetch_related("expertise")
        .first()
    )
    if expert is None:
        raise Http404
    detail_url = page.get_url(request) + page.reverse_subpage("expert_route", kwargs={"slug": slug})

    if request.method == "POST":
        form = ExpertContactForm(request.POST)
        if form.is_spam():
            # Look like a success so bots learn nothing; store and send nothing.
            messages.success(request, _success_message(expert))
            return HttpResponseRedirect(detail_url)
        if form.is_valid():
            _store_and_forward(form, expert)
            messages.success(request, _success_message(expert))
            return HttpResponseRedirect(detail_url)
    else:
        form = ExpertContactForm()

    context = page.get_context(request) | {"expert": expert, "form": form}
    return TemplateResponse(request, "learning/expert_detail.html", context)


def _store_and_forward(form, expert):
    """Save the request and queue its e-mail once the row is committed."""
    with transaction.atomic():
        contact = form.save(commit=False)
        contact.kind = ContactRequest.Kind.EXPERT
        contact.expert = expert
        contact.privacy_version = settings.PRIVACY_VERSION
        contact.consent_given_at = timezone.now()
        contact.language = translation.get_language() or "de"
        contact.save()
        # A worker must never pick up the task before the row it reads exists.
        transaction.on_commit(partial(send_expert_contact_request.enqueue, contact.pk))
    return contact


def _success_message(expert):
    return _(
        "Vielen Dank! Wir haben Ihre Nachricht an %(name)s weitergeleitet. "
        "Sie erhalten die Antwort per E-Mail."
    ) % {"name": expert.name}
