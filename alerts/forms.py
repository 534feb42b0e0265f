"""The public forms of the search alerts: save an alert, ask for the link to manage them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alerts.models import Frequency
from intake.forms import FieldsetFormMixin, required_consent_field
from intake.spam import SpamProtectionMixin

ALERT_FORM_KIND = "search_alert"
MANAGE_FORM_KIND = "search_alert_manage"


class AlertForm(FieldsetFormMixin, SpamProtectionMixin, forms.Form):
    """An address and how often it wants mail; the search itself is in the page's address."""

    form_kind = ALERT_FORM_KIND

    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        help_text=_(
            "Wir schicken Ihnen zuerst einen Link, mit dem Sie die Benachrichtigung bestätigen."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=_("Wie oft möchten Sie Post bekommen?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        help_text=_("Eine Mail kommt nur, wenn es neue passende Projekte gibt."),
    )
    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte meine E-Mail-Adresse und diese Suche "
            "speichert, um mir neue passende Projekte zu schicken. Abbestellen kann ich "
            "jederzeit mit einem Klick."
        )
    )

    fieldsets = [
        (_("Ihre Benachrichtigung"), ["email", "frequency"]),
        (_("Einwilligung"), ["privacy_consent"]),
    ]


class ManageRequestForm(FieldsetFormMixin, SpamProtectionMixin, forms.Form):
    """The address whose alerts someone wants to see; the link goes to that address only."""

    form_kind = MANAGE_FORM_KIND

    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    fieldsets = [(_("Ihre Benachrichtigungen"), ["email"])]


class FrequencyForm(forms.Form):
    """A new frequency for one alert on the manage page."""

    frequency = forms.ChoiceField(label=_("Häufigkeit"), choices=Frequency.choices)
