"""Saving a form submission: the record, its consent and the mails it owes, all or nothing."""

from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation

from core.dates import add_months
from intake.models import (
    Application,
    CandidateCompetency,
    ConsentRecord,
    ContactRequest,
    OutgoingMail,
)
from intake.tasks import send_outgoing_mail


class ConsentPurpose:
    APPLICATION = "application"
    APPLICATION_TALENT_POOL = "application+talent_pool"
    TALENT_POOL = "talent_pool"
    MUNICIPALITY_REQUEST = "municipality_request"
    COMPANY_OFFER = "company_offer"
    FUNDER_CONTACT = "funder_contact"
    EXPERT_CONTACT = "expert_contact"
    PUBLICATION_FEEDBACK = "publication_feedback"


def _language():
    return (translation.get_language() or settings.LANGUAGE_CODE)[:5]


def record_consent(purpose):
    """Store which privacy text version the person agreed to, for what, when, in which language."""
    return ConsentRecord.objects.create(
        purpose=purpose,
        privacy_version=settings.PRIVACY_VERSION,
        given_at=timezone.now(),
        language=_language(),
    )


def queue_mails(record):
    """Record the confirmation and the team notification, and send them once committed.

    Must run inside the submission's transaction: the rows commit with the submission or
    not at all, and the tasks only start after the commit, when the record exists.
    """
    content_type = ContentType.objects.get_for_model(record)
    for kind in (OutgoingMail.Kind.CONFIRMATION, OutgoingMail.Kind.NOTIFICATION):
        mail = OutgoingMail.objects.create(
            kind=kind, content_type=content_type, object_id=record.pk
        )
        # robust: a queue that is down must not turn a saved submission into an error page;
        # the mail stays pending and send_pending_mail retries it.
        transaction.on_commit(partial(send_outgoing_mail.enqueue, mail.pk), robust=True)


def talent_pool_until(today=None):
    """The day a talent pool entry made today runs out."""
    return add_months(today or timezone.localdate(), settings.TALENT_POOL_MONTHS)


def save_application(form, project=None):
    """Save a valid ApplicationForm as Candidate, competencies, Application and consent.

    Without ``project`` it is an Initiativbewerbung for the talent pool. One transaction:
    if anything fails, nothing is kept, not even the uploaded CV.
    """
    data = form.cleaned_data
    in_pool = form.for_talent_pool or data.get("talent_pool", False)
    if form.for_talent_pool:
        purpose = ConsentPurpose.TALENT_POOL
    elif in_pool:
        purpose = ConsentPurpose.APPLICATION_TALENT_POOL
    else:
        purpose = ConsentPurpose.APPLICATION
    candidate = form.instance
    try:
        with transaction.atomic():
            candidate.consent = record_consent(purpose)
            candidate.talent_pool_until = talent_pool_until() if in_pool else None
            candidate.save()
            for competency_id, level in data["competencies"]:
                CandidateCompetency.objects.create(
                    candidate=candidate, competency_id=competency_id, level=level
                )
            application = Application.objects.create(
                candidate=candidate,
                project=project,
                motivation=data["motivation"],
                language=_language(),
                municipality_consent_at=(
                    timezone.now() if data.get("municipality_consent") else None
                ),
            )
            queue_mails(application)
    except BaseException:
        # The database forgets everything; the file on disk has to be removed by hand.
        # A CV kept from an earlier attempt stays parked, so the next try still has it.
        if candidate.cv and candidate.cv.name:
            candidate.cv.storage.delete(candidate.cv.name)
        raise
    # The kept CV now lies in its place; the parked copy is no longer needed.
    form.pending_uploads_used()
    return application


def _contact_kind(expert, page):
    """The kind of a contact request and the purpose of its consent."""
    if expert is not None:
        return ContactRequest.Kind.EXPERT, ConsentPurpose.EXPERT_CONTACT
    if page is not None:
        return ContactRequest.Kind.FEEDBACK, ConsentPurpose.PUBLICATION_FEEDBACK
    return ContactRequest.Kind.FUNDER, ConsentPurpose.FUNDER_CONTACT


def save_request(form, expert=None, page=None):
    """Save a valid municipality request, company offer or contact request with its consent.

    A contact request with ``expert`` is a message to that expert of the pool, one with
    ``page`` a comment on that publication, otherwise it comes from a funder.
    """
    contact_kind, contact_purpose = _contact_kind(expert, page)
    purposes = {
        "municipalityrequest": ConsentPurpose.MUNICIPALITY_REQUEST,
        "companyoffer": ConsentPurpose.COMPANY_OFFER,
        "contactrequest": contact_purpose,
    }
    record = form.instance
    with transaction.atomic():
        consent = record_consent(purposes[record._meta.model_name])
        record.language = _language()
        if isinstance(record, ContactRequest):
            # Contact requests keep the consent facts in their own fields as well.
            record.kind = contact_kind
            record.expert = expert
            record.page = page
            record.privacy_version = consent.privacy_version
            record.consent_given_at = consent.given_at
        else:
            record.consent = consent
        record.save()
        if "competencies" in form.cleaned_data:
            record.competencies.set([int(pk) for pk in form.cleaned_data["competencies"]])
        queue_mails(record)
    return record


def join_talent_pool(candidate):
    """Keep a candidate in the talent pool for the stated period, with a new consent record."""
    with transaction.atomic():
        candidate.consent = record_consent(ConsentPurpose.TALENT_POOL)
        candidate.talent_pool_until = talent_pool_until()
        candidate.save(update_fields=["consent", "talent_pool_until", "updated_at"])
    return candidate
