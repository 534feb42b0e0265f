"""The contact form of the expert pool."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intake.models import ContactRequest

# The version of the privacy notice a visitor agrees to; stored with every request so the
# team can tell which text applied. Change it whenever the Datenschutzerklärung changes.

# Humans never see this field; bots that fill every input give themselves away.
HONEYPOT_FIELD = "website"


class ExpertContactForm(forms.ModelForm):
    """A visitor's message to one expert; the address of the expert stays hidden."""

    privacy_consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass Lokalprojekte meine Angaben speichert und an die "
            "Expert:in weitergibt, um meine Anfrage zu beantworten."
        ),
        error_messages={
            "required": _(
                "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, damit wir Ihre "
                "Nachricht weiterleiten können."
            )
        },
    )
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ContactRequest
        fields = ["name", "email", "organisation", "message"]
        labels = {
            "name": _("Ihr Name"),
            "email": _("Ihre E-Mail-Adresse"),
            "organisation": _("Organisation oder Kommune (freiwillig)"),
            "message": _("Ihre Nachricht"),
        }
        help_texts = {
            "email": _("Die Expert:in antwortet Ihnen an diese Adresse."),
            "message": _("Höchstens 5.000 Zeichen."),
        }
        error_messages = {
            "name": {"required": _("Bitte geben Sie Ihren Namen an.")},
            "email": {
                "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
                "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an."),
            },
            "message": {"required": _("Bitte schreiben Sie eine Nachricht.")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
        }

    def is_spam(self):
        """True if the hidden honeypot field was filled in (only bots do that)."""
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())
