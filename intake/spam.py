"""Spam defence without outside services: honeypot, minimum fill time, one-use start token,
per-IP rate limit."""

import secrets
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


STALE_MESSAGE = _(
    "Das Formular war zu lange geöffnet oder ist unvollständig angekommen. "
    "Bitte prüfen Sie Ihre Angaben und senden Sie es noch einmal ab."
)
USED_MESSAGE = _(
    "Dieses Formular haben Sie bereits abgeschickt; die Angaben sind bei uns angekommen. "
    "Falls Sie es wirklich noch einmal senden möchten, prüfen Sie Ihre Angaben und senden "
    "Sie es erneut ab."
)


def issue_started_token(form_kind, issued_at=None, nonce=None):
    """A signed note of when the form was handed out, for the hidden field.

    The random ``nonce`` makes the token good for one accepted submission (see
    ``claim_started_token``); a form shown again after a mistake keeps it.
    """
    issued_at = time.time() if issued_at is None else issued_at
    nonce = nonce or secrets.token_urlsafe(16)
    return signing.dumps({"k": form_kind, "t": int(issued_at), "n": nonce}, salt=_SALT)


def _token_data(token, form_kind):
    """The start time and nonce of a valid token for this form, or None."""
    try:
        data = signing.loads(str(token), salt=_SALT, max_age=_MAX_TOKEN_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("k") != form_kind:
        return None
    issued_at, nonce = data.get("t"), data.get("n")
    # A form shown again is signed anew with its first start time: the age counts from that.
    if not isinstance(issued_at, int) or time.time() - issued_at > _MAX_TOKEN_AGE:
        return None
    if not isinstance(nonce, str) or not nonce:
        return None
    return issued_at, nonce


def _used_key(nonce):
    return f"form-token-used:{nonce}"


def started_at(token, form_kind):
    """When the token was issued for this form (a Unix time), or None if it is not valid."""
    data = _token_data(token, form_kind)
    return None if data is None else data[0]


def seconds_since_started(token, form_kind):
    """Seconds since the token was issued for this form, or None if it is not a valid token."""
    issued_at = started_at(token, form_kind)
    return None if issued_at is None else time.time() - issued_at


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
        # A new form starts the clock; a form shown again keeps it (fill_started_field).
        self.fields[STARTED_FIELD].initial = issue_started_token(self.form_kind)

    def is_spam(self):
        """True for what only bots do: fill in the honeypot, or post faster than anyone reads.

        Too fast is treated like the honeypot, silently (the view pretends success and keeps
        nothing), instead of showing a message: a message only teaches a bot the threshold,
        and a person must never see it. The threshold (FORM_MIN_FILL_SECONDS, 2 s) is far
        below what a person needs: every form asks for a choice or a text of one's own and a
        consent tick, which autofill does not do; the clock starts when the server hands out
        the form, before the page has even arrived. A form shown again after a mistake keeps
        its first start time (``fill_started_field``), so fixing one field quickly is fine.
        Only a complete form can be too fast: someone who presses the button at once, before
        filling anything in, sees the normal field errors and loses nothing.
        """
        if str(self.data.get(self.add_prefix(HONEYPOT_FIELD), "")).strip():
            return True
        elapsed = seconds_since_started(
            self.data.get(self.add_prefix(STARTED_FIELD)), self.form_kind
        )
        too_fast = elapsed is not None and elapsed < settings.FORM_MIN_FILL_SECONDS
        return too_fast and self.is_valid()

    def clean(self):
        """Refuse forms without a valid start token (a bot that never opened the form, or a
        form left open for more than a day)."""
        cleaned = super().clean()
        data = _token_data(self.data.get(self.add_prefix(STARTED_FIELD)), self.form_kind)
        if data is None:
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        if cache.get(_used_key(data[1])):
            raise forms.ValidationError(USED_MESSAGE, code="used")
        return cleaned

    def claim_started_token(self):
        """Use up the start token of a valid form before it is saved; False if already used.

        One token, one accepted submission: a replayed post (a bot reusing one token, or the
        same form sent twice) is refused like a stale form and shown again with its input.
        ``cache.add`` is atomic, so two posts racing with one token cannot both get through.
        """
        data = _token_data(self.data.get(self.add_prefix(STARTED_FIELD)), self.form_kind)
        if data is not None and cache.add(_used_key(data[1]), 1, timeout=_MAX_TOKEN_AGE):
            return True
        self.add_error(None, forms.ValidationError(USED_MESSAGE, code="used"))
        return False

    def fill_started_field(self):
        """Sign the start time again before the form is shown again.

        A valid posted token keeps its first start time, so the time a person spent before
        the mistake still counts, and its nonce (nothing was accepted with it); a missing or
        expired one starts the clock anew. A used one keeps the time but gets a new nonce,
        so the form can be sent again on purpose.
        """
        if self.is_bound:
            data = self.data.copy()
            key = self.add_prefix(STARTED_FIELD)
            issued_at = nonce = None
            posted = _token_data(data.get(key), self.form_kind)
            if posted is not None:
                issued_at, nonce = posted
                if cache.get(_used_key(nonce)):
                    nonce = None
            data[key] = issue_started_token(self.form_kind, issued_at, nonce)
            self.data = data

    def prepare_redisplay(self):
        """Make a bound form ready to be shown again, after mistakes or a refusal."""
        self.fill_started_field()


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
