"""Spam defence without outside services: honeypot, minimum fill time, per-IP rate limit."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from core.visitor import visitor_address

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
_SALT = "intake.spam.form-started"
# A form left open longer than this gets a fresh token instead of being accepted.
_MAX_TOKEN_AGE = 60 * 60 * 24


def issue_started_token(form_kind, issued_at=None):
    """A signed note of when the form was handed out, for the hidden field."""
    issued_at = time.time() if issued_at is None else issued_at
    return signing.dumps({"k": form_kind, "t": int(issued_at)}, salt=_SALT)


def seconds_since_started(token, form_kind):
    """Seconds since the token was issued for this form, or None if it is not a valid token."""
    try:
        data = signing.loads(str(token), salt=_SALT, max_age=_MAX_TOKEN_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("k") != form_kind:
        return None
    issued_at = data.get("t")
    if not isinstance(issued_at, int):
        return None
    return time.time() - issued_at


class SpamProtectionMixin(forms.Form):
    """Adds the honeypot and the signed start time to a form and checks the start time.

    ``form_kind`` names the form in the token, so a token of one form is no good for another.
    """

    form_kind = ""

    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every rendering hands out a fresh token, also after a failed attempt.
        self.fields[STARTED_FIELD].initial = issue_started_token(self.form_kind)

    def is_spam(self):
        """True if the honeypot was filled in: only bots see and fill that field."""
        return bool(str(self.data.get(self.add_prefix(HONEYPOT_FIELD), "")).strip())

    def clean(self):
        """Refuse forms sent back faster than a person can fill them in, or without a token."""
        cleaned = super().clean()
        elapsed = seconds_since_started(
            self.data.get(self.add_prefix(STARTED_FIELD)), self.form_kind
        )
        if elapsed is None:
            raise forms.ValidationError(
                _(
                    "Das Formular war zu lange geöffnet oder ist unvollständig angekommen. "
                    "Bitte prüfen Sie Ihre Angaben und senden Sie es noch einmal ab."
                ),
                code="stale",
            )
        if elapsed < settings.FORM_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das "
                    "Formular noch einmal ab."
                ),
                code="too_fast",
            )
        return cleaned

    def fill_started_field(self):
        """Replace the posted token by a fresh one before the form is shown again."""
        if self.is_bound:
            data = self.data.copy()
            data[self.add_prefix(STARTED_FIELD)] = issue_started_token(self.form_kind)
            self.data = data


def _rate_key(request, form_kind):
    return f"form-rate:{form_kind}:{visitor_address(request)}"


def over_rate_limit(request, form_kind):
    """True if this address has sent this form as often as allowed in the current window."""
    count = cache.get(_rate_key(request, form_kind)) or 0
    return count >= settings.FORM_RATE_LIMIT["submissions"]


def count_submission(request, form_kind):
    """Count an accepted submission of this form from this address.

    Only accepted submissions count: a person who corrects mistakes several times, or a town
    hall whose staff share one address, is not locked out by failed attempts.
    """
    limit = settings.FORM_RATE_LIMIT
    key = _rate_key(request, form_kind)
    # A fixed window: the counter starts with the first submission and expires with it.
    cache.add(key, 0, timeout=limit["seconds"])
    try:
        cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is the first submission again.
        cache.set(key, 1, timeout=limit["seconds"])
