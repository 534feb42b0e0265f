"""The registration form of an event page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intake.forms import EMAIL_ERRORS, FieldsetFormMixin, required_consent_field
from intake.spam import SpamProtectionMixin
from programme.models import Registration
from programme.registrations import refusal_reason

FORM_KIND = "event_registration"


class RegistrationForm(FieldsetFormMixin, SpamProtectionMixin, forms.ModelForm):
    """Name, address, optionally organisation and role, and consent.

    ``event`` is the page the form is on; the form refuses what the event would refuse
    (closed, Macher:innen only, address already registered) before anything is stored.
    """

    form_kind = FORM_KIND

    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte meine Angaben speichert, um meine "
            "Anmeldung zu verwalten und mir E-Mails zu dieser Veranstaltung zu schicken."
        )
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "role"]
        labels = {
            "name": _("Ihr Name"),
            "email": _("E-Mail-Adresse"),
            "organisation": _("Organisation oder Kommune (freiwillig)"),
            "role": _("Ihre Rolle (freiwillig)"),
        }
        help_texts = {
            "email": _("Hierhin schicken wir die Bestätigung und den Link zum Abmelden."),
            "role": _("z. B. Macher:in, Pat:in, Bürgermeister:in"),
        }
        error_messages = {
            "name": {"required": _("Bitte geben Sie Ihren Namen an.")},
            "email": EMAIL_ERRORS,
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    fieldsets = [
        (_("Über Sie"), ["name", "email", "organisation", "role"]),
        (_("Einwilligung"), ["privacy_consent"]),
    ]

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        # The group headings sit below the page's "Anmeldung" heading.
        self.nested = True

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and self.event is not None:
            reason = refusal_reason(self.event, email)
            if reason:
                self.add_error("email", reason)
        return cleaned
