"""Confirming alerts, finding what is new for them, and the digests the cron command sends."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from alerts.matching import matching_project_ids
from alerts.models import UNCONFIRMED_DAYS, AlertDigest, Frequency, SearchAlert, SeenProject
from intake.models import OutgoingMail

logger = logging.getLogger(__name__)

# A digest is due when the last one is this old. A little less than the period, so that a
# cron job that runs a few minutes earlier on some day does not skip a whole period.
DUE_AFTER = {
    Frequency.DAILY: timedelta(hours=20),
    Frequency.WEEKLY: timedelta(days=6, hours=20),
}


def confirm(alert):
    """Activate ``alert``: from now on only projects it does not find yet count as new.

    The projects it already finds are recorded as seen, so the first digest brings what was
    published (or opened) after the confirmation, not the whole listing. Confirming twice
    changes nothing. Returns True if the alert was activated now.
    """
    with transaction.atomic():
        alert = SearchAlert.objects.select_for_update().get(pk=alert.pk)
        if alert.is_confirmed:
            return False
        now = timezone.now()
        known = matching_project_ids(alert.listing, alert.query)
        SeenProject.objects.bulk_create(
            [SeenProject(alert=alert, project_id=pk) for pk in known], ignore_conflicts=True
        )
        alert.confirmed_at = now
        alert.last_sent_at = now
        alert.save(update_fields=["confirmed_at", "last_sent_at"])
        return True


def due_alerts(frequency=None, now=None):
    """The confirmed alerts whose next digest is due (of one ``frequency``, or all)."""
    now = now or timezone.now()
    alerts = SearchAlert.objects.filter(confirmed_at__isnull=False).select_related("listing")
    frequencies = [frequency] if frequency else list(DUE_AFTER)
    due = []
    for name in frequencies:
        due.extend(
            alerts.filter(frequency=name, last_sent_at__lte=now - DUE_AFTER[Frequency(name)])
        )
    return due


def send_digest(alert, now=None):
    """Queue the digest of the projects ``alert`` finds that it has never sent nor known.

    Returns the AlertDigest, or None if nothing is new. Each project is recorded as seen in
    the same transaction as the mail is queued, so two runs never send a project twice.
    """
    now = now or timezone.now()
    found = matching_project_ids(alert.listing, alert.query)
    with transaction.atomic():
        alert = SearchAlert.objects.select_for_update().filter(pk=alert.pk).first()
        if alert is None or not alert.is_confirmed:
            return None
        new = found - set(alert.seen.values_list("project_id", flat=True))
        digest = None
        if new:
            digest = AlertDigest.objects.create(alert=alert)
            SeenProject.objects.bulk_create(
                [SeenProject(alert=alert, project_id=pk, digest=digest) for pk in sorted(new)]
            )
            OutgoingMail.queue(OutgoingMail.Kind.ALERT_DIGEST, digest)
        alert.last_sent_at = now
        alert.save(update_fields=["last_sent_at"])
        return digest


def send_due_digests(frequency=None, now=None):
    """Send every due digest; returns (alerts checked, digests queued).

    One alert that fails (a broken saved query, a database error) is logged and skipped; the
    others still get their mail, and it is tried again on the next run.
    """
    checked = queued = 0
    for alert in due_alerts(frequency, now):
        checked += 1
        try:
            if send_digest(alert, now):
                queued += 1
        except Exception:
            logger.exception("Digest of alert %s failed", alert.pk)
    return checked, queued


def purge_unconfirmed(now=None):
    """Delete the alerts not confirmed within UNCONFIRMED_DAYS; returns how many."""
    now = now or timezone.now()
    old = SearchAlert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_DAYS)
    )
    count = old.count()
    old.delete()
    return count
