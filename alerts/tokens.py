"""Signed tokens for the links in the alert mails: confirm, unsubscribe, manage.

Nothing secret is stored: the links carry the alert's id or the address, signed with the
site's key under a salt per purpose, so a link of one kind is no good for another.
"""

from django.core import signing

from alerts.models import UNCONFIRMED_DAYS

_CONFIRM = "alerts.confirm"
_UNSUBSCRIBE = "alerts.unsubscribe"
_MANAGE = "alerts.manage"
# The manage link in a mail is good for this long; a fresh one is in every digest.
MANAGE_DAYS = 30


def confirm_token(alert):
    return signing.dumps({"a": alert.pk, "e": alert.email.lower()}, salt=_CONFIRM)


def alert_from_confirm_token(token):
    """(alert id, address) of a valid confirmation token, or None."""
    try:
        data = signing.loads(token, salt=_CONFIRM, max_age=UNCONFIRMED_DAYS * 24 * 3600)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (data.get("a"), data.get("e")) if isinstance(data, dict) else None


def unsubscribe_token(alert):
    # No expiry: an old digest's unsubscribe link must still work.
    return signing.dumps({"a": alert.pk, "e": alert.email.lower()}, salt=_UNSUBSCRIBE)


def alert_from_unsubscribe_token(token):
    """(alert id, address) of a valid unsubscribe token, or None."""
    try:
        data = signing.loads(token, salt=_UNSUBSCRIBE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (data.get("a"), data.get("e")) if isinstance(data, dict) else None


def manage_token(email):
    return signing.dumps(email.lower(), salt=_MANAGE)


def email_from_manage_token(token):
    """The address of a valid manage token, or None."""
    try:
        email = signing.loads(token, salt=_MANAGE, max_age=MANAGE_DAYS * 24 * 3600)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return email if isinstance(email, str) else None
