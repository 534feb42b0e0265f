"""Background work of the expert pool: forwarding contact requests by e-mail."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from intake.models import ContactRequest


@task()
def send_expert_contact_request(contact_request_id: int) -> None:
    """Mail a stored request to the matching team and, if known, to the expert.

    Replies go straight to the visitor (Reply-To); the expert's address is only ever
    used here, never shown on the site.
    """
    contact = ContactRequest.objects.select_related("expert").get(pk=contact_request_id)
    recipients = [settings.MATCHING_TEAM_EMAIL]
    if contact.expert and contact.expert.contact_email:
        recipients.append(contact.expert.contact_email)
    # The team works in German; the visitor's own words go out unchanged.
    with translation.override(settings.LANGUAGE_CODE):
        context = {"contact": contact, "expert": contact.expert}
        subject = render_to_string("learning/emails/expert_contact_subject.txt", context)
        body = render_to_string("learning/emails/expert_contact_body.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[contact.email],
    ).send()
