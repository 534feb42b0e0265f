"""A mail backend that behaves like an SMTP server that is down."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    """Refuses every message, as a real backend does when the server cannot be reached."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("Connection refused (test stand-in for a broken server)")
