"""From the shortlist to a running project.

1. The Matching-Team sends the municipality's decision-maker a private, expiring link
   (``send_decision_link``). Behind it are the project's applications that were proposed to
   the municipality and whose applicants agreed to be shown to it (``decision_candidates``).
2. Per candidate the decision-maker asks for a conversation, declines with a reason, or
   chooses (``decide``). Each step goes through ``Application.transition_to`` (row lock, one
   status mail to the applicant), is written to the history with the link, and the team
   gets a mail. Views and CV downloads are written to the application's notes.
3. Once someone is chosen, the team records the Pat:in and the agreed period
   (``start_project``): the project page switches to "running" with its start date, in every
   language, and the other applicants get a kind decline.

A project's applications may point at the German page or at one of its translations (people
apply in their language), so everything here looks at the project's translation group.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from intake.models import (
    CLOSED_STATUSES,
    Application,
    ApplicationNote,
    ApplicationStatusChange,
    MunicipalityDecisionLink,
    OutgoingMail,
    PipelineStatus,
    Placement,
)
from projects.models import ProjectPage, ProjectStatus

# What the decision-maker can do, and the status each leads to.
INTERVIEW, DECLINE, CHOOSE = "interview", "decline", "choose"
ACTIONS = {
    INTERVIEW: PipelineStatus.INTERVIEW,
    DECLINE: PipelineStatus.DECLINED,
    CHOOSE: PipelineStatus.ACCEPTED,
}
# From which statuses the decision-maker may still act on a candidate.
OPEN_FOR_DECISION = {PipelineStatus.PROPOSED, PipelineStatus.INTERVIEW}
# Which applications the team may propose when it sends the link.
PROPOSABLE = {PipelineStatus.SHORTLISTED, PipelineStatus.INTERVIEW}
REASON_MAX_LENGTH = 2000


class DecisionRefused(Exception):
    """A decision that cannot be made (already decided, someone else chosen); the message
    says why, in the decision-maker's language."""


def project_group_ids(project):
    """The ids of the project page and its translations."""
    return list(
        ProjectPage.objects.filter(translation_key=project.translation_key).values_list(
            "pk", flat=True
        )
    )


def project_applications(project):
    """All applications to the project, whichever language they were sent in."""
    return Application.objects.filter(project_id__in=project_group_ids(project))


def decision_candidates(project):
    """The applications the municipality sees behind its link, oldest first.

    Only applications proposed to the municipality (now, or before it decided on them) whose
    applicants agreed to be shown to it; never withdrawn or anonymised ones.
    """
    was_proposed = Exists(
        ApplicationStatusChange.objects.filter(
            application=OuterRef("pk"), to_status=PipelineStatus.PROPOSED
        )
    )
    return (
        project_applications(project)
        .filter(
            municipality_consent_at__isnull=False,
            anonymised_at__isnull=True,
            candidate__anonymised_at__isnull=True,
        )
        .filter(Q(status=PipelineStatus.PROPOSED) | Q(was_proposed))
        .exclude(status=PipelineStatus.WITHDRAWN)
        .select_related("candidate")
        .order_by("created_at", "pk")
    )


def proposable_applications(project):
    """Shortlisted (or interviewed) applications with consent that the team may propose."""
    return (
        project_applications(project)
        .filter(status__in=PROPOSABLE, municipality_consent_at__isnull=False)
        .select_related("candidate")
        .order_by("created_at", "pk")
    )


def without_consent_count(project):
    """How many shortlisted, interviewed or proposed applications the municipality may not see."""
    return (
        project_applications(project)
        .filter(status__in=PROPOSABLE | {PipelineStatus.PROPOSED})
        .filter(municipality_consent_at__isnull=True)
        .count()
    )


def chosen_application(project):
    """The application the municipality chose for the project, if any."""
    return (
        project_applications(project)
        .filter(status=PipelineStatus.ACCEPTED)
        .select_related("candidate")
        .first()
    )


# The link


def send_decision_link(
    project, *, recipient_name, recipient_email, language, valid_days, propose=(), user=None
):
    """Propose ``propose`` to the municipality, create the link and queue its mail.

    One transaction: if a proposal is refused (someone moved the application meanwhile),
    nothing is sent. Returns the link.
    """
    with transaction.atomic():
        link = MunicipalityDecisionLink.objects.create(
            project=project,
            recipient_name=recipient_name,
            recipient_email=recipient_email,
            language=language,
            created_by=user,
            expires_at=timezone.now() + datetime.timedelta(days=valid_days),
        )
        for application in propose:
            application.transition_to(
                PipelineStatus.PROPOSED,
                user=user,
                comment=f"Mit dem Entscheidungslink an {recipient_name} vorgeschlagen.",
            )
        OutgoingMail.queue(OutgoingMail.Kind.DECISION_LINK, link)
    return link


def revoke(link, user=None):
    """Make the link unusable from now on (a mail not yet sent is dropped as well)."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = user
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def record_view(link, applications, now=None):
    """Note the view of the link on each open application it shows.

    Every view updates ``last_viewed_at``; a note is written only if the last view is longer
    ago than DECISION_LINK_VIEW_NOTE_MINUTES, so reloads do not flood the history.
    """
    now = now or timezone.now()
    interval = datetime.timedelta(minutes=settings.DECISION_LINK_VIEW_NOTE_MINUTES)
    with transaction.atomic():
        last = (
            MunicipalityDecisionLink.objects.select_for_update()
            .values_list("last_viewed_at", flat=True)
            .get(pk=link.pk)
        )
        link.last_viewed_at = now
        link.save(update_fields=["last_viewed_at"])
        if last is not None and now - last < interval:
            return False
        text = (
            f"{link.recipient_name} (Kommune) hat die Vorschläge über den Entscheidungslink "
            "angesehen."
        )
        ApplicationNote.objects.bulk_create(
            ApplicationNote(application=application, decision_link=link, text=text)
            for application in applications
            if not application.is_closed
        )
    return True


def record_cv_download(link, application):
    """Note that the decision-maker downloaded the applicant's CV."""
    ApplicationNote.objects.create(
        application=application,
        decision_link=link,
        text=(
            f"{link.recipient_name} (Kommune) hat den Lebenslauf über den Entscheidungslink "
            "heruntergeladen."
        ),
    )


def decide(link, application, action, message=""):
    """Make the decision-maker's decision ``action`` on ``application``.

    The applications of the project are locked for the moment of the decision, so two clicks
    at once cannot choose two people or decide one person twice. Raises DecisionRefused with
    the reason if the decision cannot be made. Returns the history entry.
    """
    target = ACTIONS[action]
    message = message.strip()[:REASON_MAX_LENGTH]
    if action == DECLINE and not message:
        raise DecisionRefused(_("Bitte nennen Sie kurz den Grund für die Absage."))
    with transaction.atomic():
        statuses = dict(
            Application.objects.select_for_update()
            .filter(project_id__in=project_group_ids(link.project))
            .values_list("pk", "status")
        )
        current = statuses.get(application.pk)
        if current not in OPEN_FOR_DECISION:
            raise DecisionRefused(_("Über diese Bewerbung ist bereits entschieden."))
        if action == INTERVIEW and current == PipelineStatus.INTERVIEW:
            raise DecisionRefused(_("Um ein Gespräch mit dieser Person haben Sie bereits gebeten."))
        if action == CHOOSE and PipelineStatus.ACCEPTED in statuses.values():
            raise DecisionRefused(
                _("Für dieses Projekt ist bereits eine Person ausgewählt. Es bleibt dabei.")
            )
        try:
            application.transition_to(target, comment=message, decision_link=link)
        except ValidationError as error:
            raise DecisionRefused(_("Über diese Bewerbung ist bereits entschieden.")) from error
        change = application.history.filter(decision_link=link).order_by("-pk").first()
        OutgoingMail.queue(OutgoingMail.Kind.DECISION_NOTICE, change)
    return change


# The start of the project


def months_between(start, end):
    """Whole calendar months from start to end, rounded to the nearest month."""
    return round((end - start).days / (365.25 / 12))


def start_project(application, *, values, decline_others=True, user=None):
    """Record the placement of the chosen ``application`` and start its project.

    ``values`` holds the Placement fields (Pat:in, start and end). The project page and its
    translations switch to "running" with the agreed start (and duration), published at once;
    with ``decline_others`` every other open application of the project is declined (each
    applicant gets the kind status mail). Returns (placement, number declined).
    """
    project = application.project.specific
    declined = 0
    with transaction.atomic():
        placement, _created = Placement.objects.update_or_create(
            application=application, defaults={**values, "created_by": user}
        )
        publish_project_status(
            project,
            {
                "status": ProjectStatus.RUNNING,
                "start_date": placement.start_date,
                "duration_months": months_between(placement.start_date, placement.end_date),
            },
            user=user,
        )
        if decline_others:
            others = (
                project_applications(project)
                .exclude(pk=application.pk)
                .exclude(status__in=CLOSED_STATUSES)
                .order_by("pk")
            )
            for other in others:
                other.transition_to(
                    PipelineStatus.DECLINED,
                    user=user,
                    comment="Projekt an eine andere Person vergeben.",
                )
                declined += 1
    return placement, declined


def publish_project_status(project, values, user=None):
    """Set ``values`` on the project page and its translations and publish them at once.

    No editor has to touch the page: a new revision is saved from the live content and
    published. An editor's unpublished draft is kept, with the same values set in it.
    """
    for page in ProjectPage.objects.filter(translation_key=project.translation_key):
        draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
        for name, value in values.items():
            setattr(page, name, value)
        if page.live:
            revision = page.save_revision(user=user, clean=False, log_action=True)
            # The team may start a project without page permissions of its own.
            revision.publish(user=user, skip_permission_checks=True)
        else:
            page.save(update_fields=list(values), clean=False)
        if draft is not None:
            for name, value in values.items():
                setattr(draft, name, value)
            draft.save_revision(user=user, clean=False)
