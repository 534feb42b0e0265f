"""Personal data in the back office: blind screening, and the DSGVO duties.

* Blind screening: while an application is received or in screening, reviewers see
  "Kandidat:in #123" instead of name, contact data, year of birth, gender and the CV's file
  name. Identity is revealed once the application has been shortlisted (it stays revealed if
  the application later moves on, back, or ends).
* Export of one person's data as JSON, and deletion on request (CV file included).
* Anonymisation of applications closed longer than ANONYMISE_AFTER_DAYS, and the purge of
  talent-pool entries whose agreed period has passed.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from intake.models import (
    CLOSED_STATUSES,
    Application,
    ApplicationNote,
    ApplicationStatusChange,
    Candidate,
    ConsentRecord,
    PipelineStatus,
    Placement,
)

# Statuses in which reviewers see who the person is.
REVEALED_STATUSES = {
    PipelineStatus.SHORTLISTED,
    PipelineStatus.INTERVIEW,
    PipelineStatus.PROPOSED,
    PipelineStatus.ACCEPTED,
}

# The e-mail field is required, so an anonymised candidate gets an address in the reserved
# .invalid top-level domain, which no mail ever reaches; anonymised_at records the fact.
ANONYMISED_EMAIL_DOMAIN = "anonymisiert.invalid"
ANONYMISED_NAME = "Anonymisiert"


# Blind screening


def revealed_q(prefix=""):
    """Q for applications whose identity is revealed (shortlisted now or at some point)."""
    was_shortlisted = Exists(
        ApplicationStatusChange.objects.filter(
            application=OuterRef(f"{prefix}pk"), to_status=PipelineStatus.SHORTLISTED
        )
    )
    return Q(**{f"{prefix}status__in": REVEALED_STATUSES}) | Q(was_shortlisted)


def with_revealed(applications):
    """Annotate an Application queryset with ``identity_revealed``."""
    return applications.annotate(
        identity_revealed=Exists(Application.objects.filter(pk=OuterRef("pk")).filter(revealed_q()))
    )


def candidates_with_revealed(candidates):
    """Annotate a Candidate queryset with ``identity_revealed`` (any application revealed)."""
    return candidates.annotate(
        identity_revealed=Exists(
            Application.objects.filter(candidate=OuterRef("pk")).filter(revealed_q())
        )
    )


# Candidate fields that blind screening hides; lists search them only where they are shown.
PERSONAL_SEARCH_FIELDS = {"first_name", "last_name", "email", "phone", "city", "postcode"}


def blind_search(queryset, query, search_fields, user):
    """``queryset`` (annotated with ``identity_revealed``) filtered by ``query`` as an admin list.

    Personal fields (name, e-mail, place) only match rows whose identity is revealed, so a
    search cannot tell who is behind a pseudonym. Administrators (superusers) answer
    deletion and access requests: they search every row by every field and then act on the
    person's page (export, deletion).
    """
    shown, personal = [], []
    for field in search_fields:
        condition = Q(**{f"{field}__icontains": query})
        is_personal = field.rsplit("__", 1)[-1] in PERSONAL_SEARCH_FIELDS
        (personal if is_personal else shown).append(condition)
    matches = Q(pk__in=[])
    for condition in shown:
        matches |= condition
    for condition in personal:
        matches |= condition if user.is_superuser else condition & Q(identity_revealed=True)
    return queryset.filter(matches)


def pseudonym(candidate_pk):
    """The label shown instead of the name during blind screening."""
    return _("Kandidat:in #%(number)s") % {"number": candidate_pk}


def candidate_label(candidate, revealed):
    """The candidate's name if revealed, else the pseudonym."""
    if revealed and not is_anonymised(candidate):
        return candidate.full_name
    return pseudonym(candidate.pk)


# Export and deletion on request


def is_anonymised(candidate):
    """True if the candidate's personal data has already been anonymised."""
    return candidate.anonymised_at is not None


def not_anonymised(candidates):
    """Filter a Candidate queryset to those whose data has not been anonymised."""
    return candidates.filter(anonymised_at__isnull=True)


def _iso(value):
    return value.isoformat() if value else None


def _placement(application):
    placement = Placement.objects.filter(application=application).first()
    if placement is None:
        return None
    return {"start_date": _iso(placement.start_date), "end_date": _iso(placement.end_date)}


def export_person(candidate):
    """Everything stored about one person, as a JSON-serialisable dict (Art. 15/20 DSGVO)."""
    consent_ids = {candidate.consent_id}
    applications = []
    for application in candidate.applications.select_related("project", "assignee").order_by(
        "created_at", "pk"
    ):
        applications.append(
            {
                "id": application.pk,
                "project": application.project.title if application.project_id else None,
                "motivation": application.motivation,
                "status": application.status,
                "language": application.language,
                "created_at": _iso(application.created_at),
                "closed_at": _iso(application.closed_at),
                "anonymised_at": _iso(application.anonymised_at),
                "history": [
                    {
                        "from_status": change.from_status,
                        "to_status": change.to_status,
                        "changed_at": _iso(change.changed_at),
                        "comment": change.comment,
                    }
                    for change in application.history.all()
                ],
                "notes": [
                    {"text": note.text, "created_at": _iso(note.created_at)}
                    for note in application.notes.all()
                ],
                # The agreed period of the person's project; the Pat:in is someone else.
                "placement": _placement(application),
            }
        )
    return {
        "exported_at": _iso(timezone.now()),
        "candidate": {
            "id": candidate.pk,
            "first_name": candidate.first_name,
            "last_name": candidate.last_name,
            "email": candidate.email,
            "phone": candidate.phone,
            "postcode": candidate.postcode,
            "city": candidate.city,
            "bundesland": candidate.bundesland,
            "mobility": candidate.mobility,
            "available_from": _iso(candidate.available_from),
            "preferred_duration_months": candidate.preferred_duration_months,
            "languages": candidate.languages,
            "year_of_birth": candidate.year_of_birth,
            "gender": candidate.gender,
            "cv_file": candidate.cv.name.rsplit("/", 1)[-1] if candidate.cv else None,
            "talent_pool_until": _iso(candidate.talent_pool_until),
            "created_at": _iso(candidate.created_at),
        },
        "competencies": [
            {"competency": row.competency.name, "level": row.level}
            for row in candidate.competencies.select_related("competency").order_by("pk")
        ],
        "applications": applications,
        "consent_records": [
            {
                "purpose": consent.purpose,
                "privacy_version": consent.privacy_version,
                "given_at": _iso(consent.given_at),
                "language": consent.language,
            }
            for consent in ConsentRecord.objects.filter(pk__in=consent_ids).order_by("pk")
        ],
    }


def _delete_cv(candidate):
    """Delete the CV file from the private storage (after the transaction commits)."""
    if candidate.cv:
        storage, name = candidate.cv.storage, candidate.cv.name
        transaction.on_commit(lambda: storage.delete(name))


def delete_person(candidate):
    """Delete a candidate with applications, history, notes, consent record and CV file."""
    with transaction.atomic():
        _delete_cv(candidate)
        consent_id = candidate.consent_id
        candidate.delete()  # cascades to competencies, applications, history and notes
        # The consent record is only kept while the data it covers exists.
        ConsentRecord.objects.filter(pk=consent_id).delete()


# Anonymisation and purge


def anonymise_candidate(candidate, now=None):
    """Blank the candidate's personal fields and delete the CV; keeps region and competencies."""
    _delete_cv(candidate)
    candidate.first_name = ANONYMISED_NAME
    candidate.last_name = ""
    candidate.email = f"kandidatin-{candidate.pk}@{ANONYMISED_EMAIL_DOMAIN}"
    candidate.phone = ""
    candidate.postcode = ""
    candidate.city = ""
    candidate.languages = ""
    candidate.year_of_birth = None
    candidate.gender = ""
    candidate.cv = ""
    candidate.talent_pool_until = None
    candidate.anonymised_at = now or timezone.now()
    candidate.save()


def anonymise_application(application, now):
    """Blank the free texts of one application; keeps status, project and dates."""
    application.motivation = ""
    application.anonymised_at = now
    application.save(update_fields=["motivation", "anonymised_at", "updated_at"])
    ApplicationNote.objects.filter(application=application).update(text="")
    application.history.exclude(comment="").update(comment="")


def anonymise_closed_applications(days=None, now=None):
    """Anonymise applications closed more than ``days`` days ago; returns how many.

    The candidate's personal data goes too, unless the person still has an open application,
    or a later application not yet due, or agreed to stay in the talent pool beyond today.
    """
    days = settings.ANONYMISE_AFTER_DAYS if days is None else days
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    due = Application.objects.filter(
        status__in=CLOSED_STATUSES, closed_at__lt=cutoff, anonymised_at__isnull=True
    ).select_related("candidate")
    count = 0
    for application in due:
        with transaction.atomic():
            anonymise_application(application, now)
            candidate = application.candidate
            keeps_data = (
                candidate.applications.exclude(pk=application.pk)
                .filter(Q(~Q(status__in=CLOSED_STATUSES)) | Q(closed_at__gte=cutoff))
                .exists()
            ) or (candidate.talent_pool_until and candidate.talent_pool_until >= now.date())
            if not keeps_data and not is_anonymised(candidate):
                anonymise_candidate(candidate, now)
        count += 1
    return count


def purge_talent_pool(today=None):
    """Delete candidates whose talent-pool period has passed and who have no open application.

    Returns the number of people deleted (with their CV files).
    """
    today = today or timezone.localdate()
    open_application = Application.objects.filter(candidate=OuterRef("pk")).exclude(
        status__in=CLOSED_STATUSES
    )
    due = Candidate.objects.filter(talent_pool_until__lt=today).exclude(Exists(open_application))
    count = 0
    for candidate in due:
        delete_person(candidate)
        count += 1
    return count
