"""E-mails of the public forms and of the pipeline, sent in the background and retried until
they are out.

Every mail is an OutgoingMail row written with the submission or the status change.
``send_outgoing_mail`` tries it once; ``manage.py send_pending_mail`` (run it every few
minutes) retries what failed.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.context import make_context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder

from intake.models import Application, ContactRequest, OutgoingMail

logger = logging.getLogger(__name__)


class MailRecordGone(Exception):
    """The record a mail was about has been deleted (e.g. on request); drop the mail."""


@task()
def send_outgoing_mail(mail_id: int) -> bool:
    """Try to send one pending mail; True if it went out.

    If it failed and the queue can run tasks later (the database backend can), the task
    schedules itself again, waiting longer after each attempt (2, 4, 8 ... minutes, at most
    a day). ``send_pending_mail`` remains the safety net, e.g. for the immediate backend.
    """
    sent = deliver(mail_id)
    if not sent and send_outgoing_mail.get_backend().supports_defer:
        mail = OutgoingMail.objects.filter(pk=mail_id, sent_at__isnull=True).first()
        if mail and 0 < mail.attempts < settings.OUTGOING_MAIL_MAX_ATTEMPTS:
            delay = timedelta(minutes=min(2**mail.attempts, 24 * 60))
            send_outgoing_mail.using(run_after=timezone.now() + delay).enqueue(mail_id)
    return sent


def deliver(mail_id):
    """Send the pending mail ``mail_id`` once and record the attempt.

    Returns True if it was sent now, False if it failed, was already sent or is being sent
    by another worker. Errors of the mail server are recorded, not raised.
    """
    with transaction.atomic():
        # The row lock keeps the task and the retry command from sending the same mail twice.
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, sent_at__isnull=True)
            .select_related("content_type")
            .first()
        )
        if mail is None:
            return False
        mail.attempts += 1
        try:
            build_message(mail).send()
        except MailRecordGone:
            mail.last_error = "record deleted; mail dropped"
            mail.attempts = settings.OUTGOING_MAIL_MAX_ATTEMPTS
            mail.save(update_fields=["attempts", "last_error"])
            return False
        except Exception as error:  # noqa: BLE001 - any failure of the mail server counts
            mail.last_error = f"{type(error).__name__}: {error}"[:500]
            mail.save(update_fields=["attempts", "last_error"])
            logger.warning("Mail %s failed (attempt %s): %s", mail.pk, mail.attempts, error)
            return False
        mail.sent_at = timezone.now()
        mail.last_error = ""
        mail.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def pending_mail_ids():
    """Ids of mails still to be sent that have attempts left, oldest first."""
    return list(
        OutgoingMail.objects.filter(
            sent_at__isnull=True, attempts__lt=settings.OUTGOING_MAIL_MAX_ATTEMPTS
        ).values_list("pk", flat=True)
    )


def status_url(application):
    """The absolute private status link of an application, in its language."""
    with translation.override(application.language or settings.LANGUAGE_CODE):
        path = reverse("intake:application_status", kwargs={"token": application.access_token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _recipient_and_context(record):
    """Address of the person who sent ``record``, their name, and what the mail shows."""
    if isinstance(record, Application):
        candidate = record.candidate
        return candidate.email, {
            "name": candidate.full_name,
            "application": record,
            "project_title": record.project.title if record.project_id else "",
            "status_url": status_url(record),
        }
    if isinstance(record, ContactRequest):
        return record.email, {"name": record.name}
    return record.email, {"name": record.contact_name}


def _summary(record):
    """(label, value) pairs of the record for the team's notification (German labels)."""
    if isinstance(record, Application):
        candidate = record.candidate
        project = record.project.title if record.project_id else "Talentpool"
        rows = [
            ("Projekt", project),
            ("Name", candidate.full_name),
            ("E-Mail", candidate.email),
            ("Bundesland", candidate.get_bundesland_display()),
            ("Verfügbar ab", candidate.available_from.strftime("%d.%m.%Y")),
            ("Lebenslauf", "ja" if candidate.cv else "nein"),
        ]
        return rows
    skip = {"id", "consent", "status", "project", "language", "created_at", "expert"}
    rows = []
    for field in record._meta.concrete_fields:
        if field.name in skip or field.name.endswith("_at") or field.name == "privacy_version":
            continue
        value = getattr(record, field.name)
        if hasattr(record, f"get_{field.name}_display"):
            value = getattr(record, f"get_{field.name}_display")()
        if value not in (None, ""):
            rows.append((str(field.verbose_name), value))
    return rows


def backoffice_url(record):
    """The absolute link to the record's full view in the back office, for the team's mail.

    Wagtail's AdminURLFinder answers from what the back office registered, so this app need
    not know the back office's URLs; without a registered view the admin's dashboard is used.
    """
    path = AdminURLFinder().get_edit_url(record) or reverse("wagtailadmin_home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render_subject(template_name, context):
    """A mail subject from its template, on one line and not HTML-escaped.

    A subject is plain text: autoescaping would turn "citizens' office" into
    "citizens&#x27; office". (The single-line form fields keep line breaks out.)
    """
    template = get_template(template_name).template
    subject = template.render(make_context(context, autoescape=False))
    return " ".join(subject.split())


def build_message(mail):
    """Render the mail for its record: the confirmation in the sender's language, the team's
    notification in German."""
    record = mail.record
    if record is None:
        raise MailRecordGone
    build = getattr(record, "build_outgoing_mail", None)
    if build is not None:
        # Apps above this one (search alerts, event registrations) render their own mails,
        # sent and retried through the same outbox; they raise MailRecordGone for a mail
        # that is no longer wanted.
        return build(mail)
    kind = record._meta.model_name
    if mail.kind == OutgoingMail.Kind.STATUS_UPDATE:
        return _status_update_message(mail, record)
    if mail.kind == OutgoingMail.Kind.DECISION_LINK:
        return _decision_link_message(record)
    if mail.kind == OutgoingMail.Kind.DECISION_NOTICE:
        return _decision_notice_message(record)
    if mail.kind == OutgoingMail.Kind.CONFIRMATION:
        recipient, context = _recipient_and_context(record)
        language = record.language or settings.LANGUAGE_CODE
        to, reply_to = [recipient], []
    else:
        _recipient, context = _recipient_and_context(record)
        context["rows"] = _summary(record)
        context["admin_url"] = backoffice_url(record)
        language = settings.LANGUAGE_CODE
        to, reply_to = [settings.MATCHING_TEAM_EMAIL], [_recipient]
    context.update({"kind": kind, "record": record})
    prefix = f"intake/emails/{mail.kind}"
    expert = getattr(record, "expert", None)
    if expert is not None and mail.kind == OutgoingMail.Kind.NOTIFICATION:
        # A message to an expert goes to the expert too; replies reach the visitor directly.
        # The expert's address is used only here, never shown on the site.
        prefix = "intake/emails/expert_contact"
        context.update({"contact": record, "expert": expert})
        if expert.contact_email:
            to = [*to, expert.contact_email]
    with translation.override(language):
        subject = render_subject(f"{prefix}_subject.txt", context)
        body = render_to_string(f"{prefix}_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )


def _status_update_message(mail, application):
    """The applicant's mail about a new step of their application, in their language.

    Replies go to the Matching-Team, who answers questions about the application.
    """
    if application.candidate.anonymised_at:
        raise MailRecordGone
    recipient, context = _recipient_and_context(application)
    context.update(
        {
            "status": mail.status,
            "talent_pool_months": settings.TALENT_POOL_MONTHS,
            "in_talent_pool": application.candidate.talent_pool_until is not None
            and application.candidate.talent_pool_until >= timezone.localdate(),
        }
    )
    with translation.override(application.language or settings.LANGUAGE_CODE):
        if application.project_id:
            # The project's title in the applicant's language, if it has been translated.
            context["project_title"] = application.project.localized.title
        subject = render_subject("intake/emails/status_update_subject.txt", context)
        body = render_to_string("intake/emails/status_update_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        reply_to=[settings.MATCHING_TEAM_EMAIL],
    )


def decision_url(link):
    """The absolute address of a municipality's private decision link, in its language.

    The route belongs to the back office (which shows the candidates); it is reversed by
    name, so this app need not import it.
    """
    with translation.override(link.language or settings.LANGUAGE_CODE):
        path = reverse("decision:page", kwargs={"token": link.token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _decision_link_message(link):
    """The decision-maker's mail with the private link, in the language the team chose.

    A link revoked before the mail went out is not sent any more. Replies go to the team.
    """
    if link.is_revoked:
        raise MailRecordGone
    language = link.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "name": link.recipient_name,
            "project_title": link.project.localized.title,
            "url": decision_url(link),
            "expires_at": link.expires_at,
            "team_email": settings.MATCHING_TEAM_EMAIL,
        }
        subject = render_subject("intake/emails/decision_link_subject.txt", context)
        body = render_to_string("intake/emails/decision_link_body.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[link.recipient_email],
        reply_to=[settings.MATCHING_TEAM_EMAIL],
    )


def _decision_notice_message(change):
    """The team's mail about a decision the municipality made through its link (German).

    Replies go to the decision-maker, so the team can answer the municipality directly.
    """
    link = change.decision_link
    application = change.application
    if link is None:
        raise MailRecordGone
    context = {
        "link": link,
        "change": change,
        "project_title": application.project.title if application.project_id else "",
        "candidate_name": application.candidate.full_name,
        "admin_url": backoffice_url(application),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_subject("intake/emails/decision_notice_subject.txt", context)
        body = render_to_string("intake/emails/decision_notice_body.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[settings.MATCHING_TEAM_EMAIL],
        reply_to=[link.recipient_email],
    )
