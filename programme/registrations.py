"""Registering, cancelling, moving up from the waiting list, and the reminders.

Every change that counts places locks the event's row first (``select_for_update``), so two
people taking the last place at the same moment cannot both get it, one address cannot be
registered twice, and a freed place goes to exactly one person on the waiting list. Each
change queues its mail in the same transaction (the outbox, intake/models/outbox.py).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core import page_cache
from intake.models import Application, OutgoingMail, PipelineStatus
from intake.submissions import record_consent
from programme.models import EventPage, Registration

CONSENT_PURPOSE = "event_registration"
# The mails a registration can get (OutgoingMail.status of kind EVENT_REGISTRATION).
REGISTERED, WAITING, MOVED_UP, CANCELLED, REMINDER = (
    "registered",
    "waiting",
    "moved_up",
    "cancelled",
    "reminder",
)


class RegistrationRefused(Exception):
    """A registration or cancellation that cannot be made; the message says why (translated)."""


def is_macherin(email):
    """True if ``email`` belongs to a Macher:in: someone whose application was accepted.

    This is how "only for Macher:innen" is decided: the address must be the one the person
    applied with, and the municipality must have chosen them (status "accepted"). Withdrawn
    or anonymised applications do not count.
    """
    return Application.objects.filter(
        candidate__email__iexact=email.strip(),
        candidate__anonymised_at__isnull=True,
        status=PipelineStatus.ACCEPTED,
    ).exists()


def refusal_reason(event, email):
    """Why ``email`` cannot register for ``event`` right now, or None (a check without lock).

    The same checks run again under the lock in ``register``; this one lets the form say
    what is wrong before anything is stored.
    """
    if not event.accepts_registrations():
        return _("Für diese Veranstaltung ist keine Anmeldung mehr möglich.")
    if event.macherinnen_only and not is_macherin(email):
        return _(
            "Diese Veranstaltung ist nur für Macher:innen des Programms. Bitte melden Sie sich "
            "mit der E-Mail-Adresse an, mit der Sie sich beworben haben. Sind Sie Pat:in oder "
            "haben Sie Fragen, schreiben Sie uns gern."
        )
    if Registration.objects.filter(
        event_id=event.canonical_id(),
        email__iexact=email.strip(),
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
    ).exists():
        return _(
            "Mit dieser E-Mail-Adresse ist bereits jemand für diese Veranstaltung angemeldet "
            "oder steht auf der Warteliste. Den Link zum Abmelden finden Sie in der "
            "Bestätigung, die wir an diese Adresse geschickt haben."
        )
    return None


def _lock_event(event):
    """Lock the event's row (the default-language page) and return it."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.canonical_id())


def register(event, *, name, email, organisation="", role="", language="de"):
    """Register a person for ``event``: a place if one is free, else the waiting list.

    Raises RegistrationRefused if the event does not take registrations, the address is
    not a Macher:in's where that is required, or the address is already registered.
    Returns the registration.
    """
    email = email.strip()
    try:
        with transaction.atomic():
            locked = _lock_event(event)
            reason = refusal_reason(locked, email)
            if reason:
                raise RegistrationRefused(reason)
            taken = Registration.objects.filter(
                event=locked, status=Registration.Status.REGISTERED
            ).count()
            full = locked.capacity is not None and taken >= locked.capacity
            registration = Registration(
                event=locked,
                name=name,
                email=email,
                organisation=organisation,
                role=role,
                language=language,
                consent=record_consent(CONSENT_PURPOSE),
            )
            if full:
                last = Registration.objects.filter(event=locked).aggregate(n=Max("position"))
                registration.status = Registration.Status.WAITING
                registration.position = (last["n"] or 0) + 1
            registration.save()
            OutgoingMail.queue(
                OutgoingMail.Kind.EVENT_REGISTRATION,
                registration,
                status=WAITING if full else REGISTERED,
            )
            page_cache.invalidate()
    except IntegrityError as error:
        # The unique constraint is the last guard; the lock should have caught it.
        raise RegistrationRefused(
            _("Mit dieser E-Mail-Adresse ist bereits jemand für diese Veranstaltung angemeldet.")
        ) from error
    return registration


def cancel(registration):
    """Cancel ``registration``; a place it frees goes to the first person waiting.

    Raises RegistrationRefused if the event has begun. Returns the people who moved up.
    Cancelling twice changes nothing (and sends nothing) the second time.
    """
    with transaction.atomic():
        locked = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return []
        if locked.has_started:
            raise RegistrationRefused(
                _("Die Veranstaltung hat schon begonnen; eine Abmeldung ist nicht mehr möglich.")
            )
        was_registered = current.status == Registration.Status.REGISTERED
        current.status = Registration.Status.CANCELLED
        current.position = None
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "position", "cancelled_at"])
        OutgoingMail.queue(OutgoingMail.Kind.EVENT_REGISTRATION, current, status=CANCELLED)
        moved = fill_free_places(locked) if was_registered else []
        page_cache.invalidate()
    registration.refresh_from_db()
    return moved


def fill_free_places(locked_event):
    """Move people up from the waiting list while places are free (the event row is locked).

    Also used when the team raises the number of places. Returns who moved up.
    """
    if locked_event.has_started:
        return []
    taken = Registration.objects.filter(
        event=locked_event, status=Registration.Status.REGISTERED
    ).count()
    free = None if locked_event.capacity is None else locked_event.capacity - taken
    waiting = Registration.objects.filter(
        event=locked_event, status=Registration.Status.WAITING
    ).order_by("position", "pk")
    if free is not None:
        waiting = waiting[: max(free, 0)]
    moved = []
    now = timezone.now()
    for registration in waiting:
        registration.status = Registration.Status.REGISTERED
        registration.position = None
        registration.moved_up_at = now
        registration.save(update_fields=["status", "position", "moved_up_at"])
        OutgoingMail.queue(OutgoingMail.Kind.EVENT_REGISTRATION, registration, status=MOVED_UP)
        moved.append(registration)
    return moved


def refill(event):
    """Give free places to the waiting list after the team changed the event (e.g. capacity)."""
    with transaction.atomic():
        moved = fill_free_places(_lock_event(event))
        if moved:
            page_cache.invalidate()
    return moved


def due_reminders(today=None):
    """Confirmed registrations for events that start tomorrow and have had no reminder yet."""
    today = today or timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    timezone_ = timezone.get_current_timezone()
    day_start = datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=timezone_)
    day_end = day_start + datetime.timedelta(days=1)
    return Registration.objects.filter(
        status=Registration.Status.REGISTERED,
        reminded_at__isnull=True,
        event__live=True,
        event__start__gte=day_start,
        event__start__lt=day_end,
    )


def send_reminders(today=None):
    """Queue the reminder for every due registration, once each. Returns how many."""
    count = 0
    for pk in due_reminders(today).values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and checked again: two runs at once (cron overlap) remind nobody twice.
            registration = (
                Registration.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, reminded_at__isnull=True, status=Registration.Status.REGISTERED)
                .first()
            )
            if registration is None:
                continue
            registration.reminded_at = timezone.now()
            registration.save(update_fields=["reminded_at"])
            OutgoingMail.queue(OutgoingMail.Kind.EVENT_REGISTRATION, registration, status=REMINDER)
            count += 1
    return count
