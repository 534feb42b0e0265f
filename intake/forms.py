"""The public forms: applications (to a project or the talent pool), municipality requests,
company offers and funders' contact requests.

Every form validates on the server, labels every field, groups fields in fieldsets (see
``fieldsets``) and carries the spam defence of projects/spam.py.
"""

import datetime
import unicodedata

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import PublicFormRenderer
from intake.models import Candidate, CompanyOffer, ContactRequest, FormKind, MunicipalityRequest
from intake.spam import HONEYPOT_FIELD, SpamProtectionMixin
from intake.uploads import (
    PendingUploadError,
    park_upload,
    pending_upload_from_reference,
    random_file_name,
    validate_cv,
)
from taxonomy.localization import localize_many
from taxonomy.models import Competency, CompetencyCategory, CompetencyLevel

# How many (competency, level) rows the application form offers; no JavaScript adds more.
COMPETENCY_ROWS = 6
APPLICATION_FORM_KIND = "application"
EXPERT_FORM_KIND = "expert"
FEEDBACK_FORM_KIND = "feedback"

EMAIL_ERRORS = {
    "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
    "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
}
PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ()/\-]{5,40}$",
    _("Bitte geben Sie eine Telefonnummer aus Ziffern an, z. B. 0561 123456."),
)
POSTCODE_VALIDATOR = RegexValidator(
    r"^[0-9]{5}$", _("Bitte geben Sie eine fünfstellige Postleitzahl an.")
)
# Interpolated lazily: the choices are built at import, the language is chosen per request.
_months_label = lazy(lambda months: gettext("%(months)s Monate") % {"months": months}, str)
DURATION_CHOICES = [("", _("Bitte wählen"))] + [
    (str(months), _months_label(months)) for months in range(6, 19)
]
LEVEL_CHOICES = [("", _("Niveau wählen")), *CompetencyLevel.choices]
# Control characters (CR, LF, tab, ...) and the Unicode line and paragraph separators.
LINE_BREAKING_CATEGORIES = {"Cc", "Zl", "Zp"}


def validate_single_line(value):
    """Reject line breaks and other control characters in a one-line field.

    Names and organisations go into the team's notification mail (and its subject); a line
    break there would let a sender add lines that look like ours.
    """
    if isinstance(value, str) and any(
        unicodedata.category(char) in LINE_BREAKING_CATEGORIES for char in value
    ):
        raise forms.ValidationError(
            _(
                "Bitte schreiben Sie diese Angabe in eine Zeile, ohne Zeilenumbrüche, "
                "Tabulatoren oder andere Steuerzeichen."
            ),
            code="control_characters",
        )


PENDING_UPLOAD_ERRORS = {
    "invalid": _(
        "Die angehängte Datei konnte nicht zugeordnet werden. Bitte wählen Sie Ihren "
        "Lebenslauf noch einmal aus."
    ),
    "expired": _(
        "Die angehängte Datei haben wir nur einen Tag lang aufbewahrt. Bitte wählen Sie Ihren "
        "Lebenslauf noch einmal aus."
    ),
}


def competency_choices():
    """German competency instances as choices, labelled in the active language and grouped
    by category. Values are the German pks, the ones pages and candidates refer to."""
    competencies = list(Competency.objects.canonical())
    localized = localize_many(competencies)
    groups = []
    for category, category_label in CompetencyCategory.choices:
        options = sorted(
            (str(c.pk), localized[c].name) for c in competencies if c.category == category
        )
        if options:
            groups.append((category_label, options))
    return groups


def required_consent_field(label):
    """The privacy consent checkbox; the template links the privacy page next to it."""
    return forms.BooleanField(
        label=label,
        error_messages={
            "required": _(
                "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu. Ohne Ihre Zustimmung "
                "können wir Ihre Angaben nicht bearbeiten."
            )
        },
    )


class FieldsetFormMixin:
    """A public form: groups declared as ``fieldsets = [(legend, [field names])]``, rendered
    by the one renderer of the public forms.

    The view sets ``privacy_page`` (linked next to the consent checkbox) and ``nested`` (the
    form sits in a section, so its group headings are one level lower).
    """

    fieldsets = []
    default_renderer = PublicFormRenderer
    privacy_page = None
    nested = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every visible one-line text field (names, organisation, city, ...) is one line.
        # (Not the honeypot: whatever a bot puts there is handled as spam, silently.)
        for name, field in self.fields.items():
            widget = field.widget
            if (
                isinstance(field, forms.CharField)
                and isinstance(widget, forms.widgets.Input)
                and not widget.is_hidden
                and name != HONEYPOT_FIELD
            ):
                field.validators.append(validate_single_line)

    def grouped_fields(self):
        """The fieldsets with their bound fields, as the template renders them."""
        groups = []
        for legend, names in self.fieldsets:
            groups.append(
                {"legend": legend, "fields": [self[n] for n in names if n in self.fields]}
            )
        return groups

    def error_summary(self):
        """The field errors in the order of the form, each with the id of its field.

        The messages name what is wrong on their own; only fields that exist several times
        (the competency rows) get their label in front, so it is clear which one is meant.
        """
        items = []
        for field in self:
            if field.is_hidden or not field.errors:
                continue
            prefixed = field.name.startswith(("competency_", "level_"))
            for error in field.errors:
                text = f"{field.label}: {error}" if prefixed else error
                items.append({"anchor": field.auto_id, "text": text})
        return items


class ApplicationForm(FieldsetFormMixin, SpamProtectionMixin, forms.ModelForm):
    """A Macher:in's application to a project or, without a project, to the talent pool.

    ``for_talent_pool`` drops the "keep me in the talent pool" checkbox: joining the pool
    is what that form is for, and its consent text says so.
    """

    form_kind = APPLICATION_FORM_KIND

    motivation = forms.CharField(
        label=_("Ihre Motivation"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
        help_text=_("Was reizt Sie an der Arbeit in einer Kommune? Höchstens 5.000 Zeichen."),
        error_messages={
            "required": _("Bitte schreiben Sie uns ein paar Sätze zu Ihrer Motivation."),
            "max_length": _("Bitte fassen Sie sich kürzer: höchstens 5.000 Zeichen."),
        },
    )
    preferred_duration_months = forms.TypedChoiceField(
        label=_("Gewünschte Projektdauer"),
        choices=DURATION_CHOICES,
        coerce=int,
        error_messages={
            "required": _("Bitte wählen Sie, wie lange Sie sich engagieren möchten."),
            "invalid_choice": _("Bitte wählen Sie eine Dauer zwischen 6 und 18 Monaten."),
        },
    )
    year_of_birth = forms.IntegerField(
        label=_("Geburtsjahr (freiwillig)"),
        required=False,
        min_value=1920,
        # Nobody younger than 14 applies for a project job.
        max_value=timezone.now().year - 14,
        error_messages={
            "invalid": _("Bitte geben Sie das Geburtsjahr als vierstellige Zahl an."),
            "min_value": _("Bitte prüfen Sie das Geburtsjahr."),
            "max_value": _("Bitte prüfen Sie das Geburtsjahr."),
        },
    )
    cv = forms.FileField(
        label=_("Lebenslauf (freiwillig)"),
        required=False,
        help_text=_("Als PDF, DOCX oder ODT, höchstens 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,.odt,application/pdf,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                "application/vnd.oasis.opendocument.text"
            }
        ),
        error_messages={
            "invalid": _(
                "Die Datei ist nicht richtig angekommen. Bitte laden Sie sie erneut hoch."
            ),
            "empty": _("Die Datei ist leer."),
        },
    )
    # A CV kept from an earlier attempt (intake/uploads.py): its signed reference, and the
    # choice to drop it. Rendered with the file input (intake/forms/cv_field.html).
    cv_pending = forms.CharField(required=False, widget=forms.HiddenInput)
    cv_remove = forms.BooleanField(label=_("Angehängte Datei entfernen"), required=False)
    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte meine Angaben und meinen Lebenslauf "
            "speichert und verarbeitet, um meine Bewerbung zu bearbeiten."
        )
    )
    municipality_consent = forms.BooleanField(
        label=_(
            "Lokalprojekte darf meine Bewerbung (Name, Wohnort, Kompetenzen, Motivation und "
            "Lebenslauf) der Kommune des Projekts zeigen, sobald ich in der engeren Wahl bin, "
            "damit sie über die Zusammenarbeit entscheiden kann."
        ),
        required=False,
        help_text=_(
            "Freiwillig. Ohne Ihre Zustimmung zeigen wir der Kommune nichts von Ihnen und "
            "fragen Sie vorher."
        ),
    )
    talent_pool = forms.BooleanField(
        label=_(
            "Falls es diesmal nicht passt: Bitte nehmen Sie mich für 12 Monate in den "
            "Talentpool auf und sprechen Sie mich auf passende Projekte an."
        ),
        required=False,
        help_text=_("Freiwillig. Danach löschen wir Ihre Daten automatisch."),
    )

    class Meta:
        model = Candidate
        fields = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "postcode",
            "city",
            "bundesland",
            "mobility",
            "available_from",
            "preferred_duration_months",
            "languages",
            "year_of_birth",
            "gender",
            "cv",
        ]
        labels = {
            "first_name": _("Vorname"),
            "last_name": _("Nachname"),
            "email": _("E-Mail-Adresse"),
            "phone": _("Telefon (freiwillig)"),
            "postcode": _("Postleitzahl (freiwillig)"),
            "city": _("Wohnort (freiwillig)"),
            "bundesland": _("Bundesland Ihres Wohnorts"),
            "mobility": _("Wo können Sie arbeiten?"),
            "available_from": _("Verfügbar ab"),
            "languages": _("Sprachen (freiwillig)"),
            "gender": _("Geschlecht (freiwillig)"),
        }
        help_texts = {
            "email": _("An diese Adresse schicken wir die Bestätigung und Ihren privaten Link."),
            "available_from": _("Als Datum, z. B. 01.03.2027."),
            "languages": _("z. B. Deutsch (Muttersprache), Englisch (fließend)"),
            "gender": _("Freiwillig; für die Auswahl spielt es keine Rolle."),
        }
        error_messages = {
            "first_name": {"required": _("Bitte geben Sie Ihren Vornamen an.")},
            "last_name": {"required": _("Bitte geben Sie Ihren Nachnamen an.")},
            "email": EMAIL_ERRORS,
            "bundesland": {
                "required": _("Bitte wählen Sie das Bundesland, in dem Sie wohnen."),
                "invalid_choice": _("Bitte wählen Sie ein Bundesland aus der Liste."),
            },
            "mobility": {
                "required": _("Bitte geben Sie an, wo Sie arbeiten können."),
                "invalid_choice": _("Bitte wählen Sie eine der Möglichkeiten."),
            },
            "available_from": {
                "required": _("Bitte geben Sie an, ab wann Sie verfügbar sind."),
                "invalid": _("Bitte geben Sie ein gültiges Datum an, z. B. 01.03.2027."),
            },
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "postcode": forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric"}
            ),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "mobility": forms.RadioSelect,
            "available_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, for_talent_pool=False, suggested_competencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.for_talent_pool = for_talent_pool
        # The parked CV shown next to the file input, and parked ones this post made obsolete.
        self.pending_upload = None
        self._obsolete_uploads = []
        self._cv_original_name = None
        self.competencies_suggested = False
        self.fields["cv"].template_name = "intake/forms/cv_field.html"
        self.fields["bundesland"].required = True
        self.fields["bundesland"].choices = [("", _("Bitte wählen"))] + list(
            self.fields["bundesland"].choices
        )[1:]
        self.fields["phone"].validators.append(PHONE_VALIDATOR)
        self.fields["postcode"].validators.append(POSTCODE_VALIDATOR)
        self.fields["available_from"].input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
        if for_talent_pool:
            # No project, so no municipality to be shown to (yet).
            del self.fields["talent_pool"]
            del self.fields["municipality_consent"]
            self.fields["privacy_consent"].label = _(
                "Ich bin einverstanden, dass Lokalprojekte meine Angaben und meinen Lebenslauf "
                "12 Monate im Talentpool speichert und mich auf passende Projekte anspricht. "
                "Danach werden meine Daten automatisch gelöscht."
            )
        self.competency_options = competency_choices()
        for row in range(1, COMPETENCY_ROWS + 1):
            self.fields[f"competency_{row}"] = forms.ChoiceField(
                label=_("Kompetenz %(number)s") % {"number": row},
                required=False,
                choices=[("", _("Kompetenz wählen")), *self.competency_options],
                error_messages={
                    "invalid_choice": _("Bitte wählen Sie eine Kompetenz aus der Liste.")
                },
            )
            self.fields[f"level_{row}"] = forms.TypedChoiceField(
                label=_("Ihr Niveau in Kompetenz %(number)s") % {"number": row},
                required=False,
                choices=LEVEL_CHOICES,
                coerce=int,
                empty_value=None,
                error_messages={"invalid_choice": _("Bitte wählen Sie ein Niveau aus der Liste.")},
            )
        if suggested_competencies and not self.is_bound:
            self._prefill_competencies(suggested_competencies)

    def _prefill_competencies(self, suggestions):
        """Fill the first rows with (competency id, level) pairs, e.g. a project's profile.

        A starting point the applicant adjusts: the level to their own, a competency they do
        not bring back to "Kompetenz wählen" (the level beside it is then ignored). Only for a
        new form, so posted input is never replaced.
        """
        offered = {value for _label, group in self.competency_options for value, _ in group}
        rows, seen = [], set()
        for competency_id, level in suggestions:
            if str(competency_id) in offered and competency_id not in seen:
                seen.add(competency_id)
                rows.append((str(competency_id), level))
        for number, (competency, level) in enumerate(rows[:COMPETENCY_ROWS], start=1):
            self.initial[f"competency_{number}"] = competency
            self.initial[f"level_{number}"] = level
        self.competencies_suggested = bool(rows)

    @property
    def fieldsets(self):
        """The groups of the form (a property: the labels follow the active language)."""
        return [
            (_("Über Sie"), ["first_name", "last_name", "email", "phone"]),
            (_("Wohnort und Mobilität"), ["postcode", "city", "bundesland", "mobility"]),
            (
                _("Verfügbarkeit"),
                ["available_from", "preferred_duration_months", "languages"],
            ),
            (_("Motivation und Lebenslauf"), ["motivation", "cv"]),
            (_("Freiwillige Angaben"), ["year_of_birth", "gender"]),
            (
                _("Einwilligung"),
                ["privacy_consent", "municipality_consent", "talent_pool"],
            ),
        ]

    def grouped_fields(self):
        """The fieldsets, with the competency rows as their own group after availability."""
        groups = super().grouped_fields()
        groups.insert(
            3,
            {
                "legend": _("Ihre Kompetenzen"),
                "help": _(
                    "Eingetragen sind die Kompetenzen, die das Projekt sucht, mit dem "
                    "gewünschten Niveau. Stellen Sie das Niveau auf Ihre eigene Einschätzung "
                    "ein; was Sie nicht mitbringen, setzen Sie auf „Kompetenz wählen“ zurück. "
                    "Bis zu sechs Kompetenzen, mindestens eine Angabe ist nötig."
                )
                if self.competencies_suggested
                else _(
                    "Wählen Sie bis zu sechs Kompetenzen und schätzen Sie selbst ein, wie gut "
                    "Sie darin sind. Mindestens eine Angabe ist nötig."
                ),
                "rows": self.competency_rows(),
            },
        )
        return groups

    def competency_rows(self):
        """(number, competency field, level field) for each row of the competencies group."""
        return [
            (row, self[f"competency_{row}"], self[f"level_{row}"])
            for row in range(1, COMPETENCY_ROWS + 1)
        ]

    def clean_cv(self):
        """Accept only real PDF, DOCX or ODT files up to the size limit.

        Without a new file, a CV kept from an earlier attempt is used, unless the visitor
        chose to remove it. A new file replaces the kept one.
        """
        cv = self.cleaned_data.get("cv")
        reference = str(self.data.get(self.add_prefix("cv_pending"), "")).strip()
        remove = self.fields["cv_remove"].clean(
            self.fields["cv_remove"].widget.value_from_datadict(
                self.data, self.files, self.add_prefix("cv_remove")
            )
        )
        pending = None
        if reference:
            try:
                pending = pending_upload_from_reference(reference)
            except PendingUploadError as error:
                if not cv and not remove:
                    raise forms.ValidationError(
                        PENDING_UPLOAD_ERRORS[error.code], code=f"pending_{error.code}"
                    ) from None
        if cv:
            self._cv_original_name = cv.name
            # Stored under a random name: the sender's file name may carry personal data.
            cv.name = random_file_name(validate_cv(cv))
            if pending:
                self._obsolete_uploads.append(pending)
            return cv
        if pending and remove:
            self._obsolete_uploads.append(pending)
            return None
        if pending:
            self.pending_upload = pending
            kept = pending.open()
            try:
                validate_cv(kept)
            except forms.ValidationError:
                kept.close()
                self.pending_upload = None
                raise
            return kept
        return cv

    def prepare_redisplay(self):
        """Before the form is shown again: park a valid new CV, so it need not be chosen again.

        The hidden field then carries the signed reference to it, and the form shows the
        file's name with the choice to replace or remove it.
        """
        super().prepare_redisplay()
        self._release_cv()
        cv = self.cleaned_data.get("cv") if "cv" not in self.errors else None
        data = self.data.copy()
        key = self.add_prefix("cv_pending")
        if isinstance(cv, UploadedFile):
            self.pending_upload = park_upload(cv, self._cv_original_name)
            data[key] = self.pending_upload.reference()
        elif not self.pending_upload:
            data[key] = ""
        # (A kept CV keeps its posted reference, and with it the time it was parked.)
        # The checkbox is a choice for this post only; it is not ticked again.
        data.pop(self.add_prefix("cv_remove"), None)
        self.data = data
        self._delete_obsolete_uploads()

    def pending_uploads_used(self):
        """After a successful save: the kept CV was copied to its place, drop parked files."""
        self._release_cv()
        if self.pending_upload:
            self._obsolete_uploads.append(self.pending_upload)
        self._delete_obsolete_uploads()

    def _release_cv(self):
        cv = getattr(self, "cleaned_data", {}).get("cv")
        if cv and not isinstance(cv, UploadedFile):
            cv.close()

    def _delete_obsolete_uploads(self):
        for pending in self._obsolete_uploads:
            pending.delete()
        self._obsolete_uploads = []

    def clean_available_from(self):
        """A start date in a plausible window: not years back, not more than 3 years ahead."""
        value = self.cleaned_data["available_from"]
        today = timezone.localdate()
        if value > today + datetime.timedelta(days=3 * 366):
            raise forms.ValidationError(
                _("Bitte wählen Sie ein Datum in den nächsten drei Jahren."), code="too_late"
            )
        # A past date means "available now".
        return max(value, today)

    def clean(self):
        """Pair up the competency rows; at least one, each with a level, none twice."""
        cleaned = super().clean()
        chosen = []
        seen = set()
        for row in range(1, COMPETENCY_ROWS + 1):
            comp_name, level_name = f"competency_{row}", f"level_{row}"
            competency = cleaned.get(comp_name)
            level = cleaned.get(level_name)
            if comp_name in self.errors or level_name in self.errors:
                continue
            if competency and not level:
                self.add_error(
                    level_name, _("Bitte schätzen Sie Ihr Niveau in dieser Kompetenz ein.")
                )
            elif level and not competency:
                # A row whose competency was set back to "Kompetenz wählen" is left out:
                # that is how a pre-filled row is removed.
                continue
            elif competency and competency in seen:
                self.add_error(comp_name, _("Diese Kompetenz haben Sie schon weiter oben gewählt."))
            elif competency:
                seen.add(competency)
                chosen.append((int(competency), level))
        if not chosen and not any(
            f"competency_{row}" in self.errors or f"level_{row}" in self.errors
            for row in range(1, COMPETENCY_ROWS + 1)
        ):
            self.add_error(
                "competency_1", _("Bitte nennen Sie mindestens eine Kompetenz, die Sie mitbringen.")
            )
        cleaned["competencies"] = chosen
        return cleaned


class MunicipalityRequestForm(FieldsetFormMixin, SpamProtectionMixin, forms.ModelForm):
    """A Kommune describes its challenge; the team turns it into a project sketch."""

    form_kind = FormKind.MUNICIPALITY

    duration_months = forms.TypedChoiceField(
        label=_("Gewünschte Projektdauer (freiwillig)"),
        choices=DURATION_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Bitte wählen Sie eine Dauer zwischen 6 und 18 Monaten.")
        },
    )
    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte diese Angaben speichert, um die Anfrage "
            "zu bearbeiten und mit mir Kontakt aufzunehmen."
        )
    )

    class Meta:
        model = MunicipalityRequest
        fields = [
            "municipality_name",
            "bundesland",
            "contact_name",
            "contact_role",
            "email",
            "phone",
            "challenge",
            "intended_impact",
            "target_groups",
            "desired_start",
            "duration_months",
        ]
        labels = {
            "municipality_name": _("Kommune oder Behörde"),
            "contact_name": _("Ihr Name"),
            "contact_role": _("Ihre Funktion (freiwillig)"),
            "email": _("E-Mail-Adresse"),
            "phone": _("Telefon (freiwillig)"),
            "challenge": _("Vor welcher Herausforderung stehen Sie?"),
            "intended_impact": _("Was soll sich danach verändert haben? (freiwillig)"),
            "target_groups": _("Für wen soll sich etwas verändern? (freiwillig)"),
            "desired_start": _("Gewünschter Start (freiwillig)"),
        }
        help_texts = {
            "challenge": _(
                "Beschreiben Sie das konkrete Problem, für das Ihnen Zeit oder Fachwissen "
                "fehlt. Höchstens 5.000 Zeichen."
            ),
            "target_groups": _("z. B. Bürger:innen, Vereine, die Verwaltung selbst"),
            "desired_start": _("Als Datum, z. B. 01.03.2027."),
        }
        error_messages = {
            "municipality_name": {"required": _("Bitte nennen Sie Ihre Kommune oder Behörde.")},
            "bundesland": {
                "required": _("Bitte wählen Sie das Bundesland."),
                "invalid_choice": _("Bitte wählen Sie ein Bundesland aus der Liste."),
            },
            "contact_name": {"required": _("Bitte geben Sie Ihren Namen an.")},
            "email": EMAIL_ERRORS,
            "challenge": {
                "required": _("Bitte beschreiben Sie die Herausforderung."),
                "max_length": _("Bitte fassen Sie sich kürzer: höchstens 5.000 Zeichen."),
            },
            "desired_start": {
                "invalid": _("Bitte geben Sie ein gültiges Datum an, z. B. 01.03.2027.")
            },
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "challenge": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
            "intended_impact": forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
            "target_groups": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
            "desired_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    fieldsets = [
        (_("Ihre Kommune"), ["municipality_name", "bundesland"]),
        (_("Ansprechperson"), ["contact_name", "contact_role", "email", "phone"]),
        (
            _("Ihr Vorhaben"),
            ["challenge", "intended_impact", "target_groups", "desired_start", "duration_months"],
        ),
        (_("Einwilligung"), ["privacy_consent"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bundesland"].choices = [("", _("Bitte wählen"))] + list(
            self.fields["bundesland"].choices
        )[1:]
        self.fields["phone"].validators.append(PHONE_VALIDATOR)
        self.fields["desired_start"].input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class CompanyOfferForm(FieldsetFormMixin, SpamProtectionMixin, forms.ModelForm):
    """A company offers staff for Lokalprojekte (corporate volunteering)."""

    form_kind = FormKind.COMPANY

    staff_count = forms.IntegerField(
        label=_("Wie viele Mitarbeitende könnten Sie freistellen?"),
        min_value=1,
        max_value=100,
        error_messages={
            "required": _("Bitte geben Sie eine Anzahl an."),
            "invalid": _("Bitte geben Sie die Anzahl als Zahl an."),
            "min_value": _("Bitte geben Sie eine Anzahl zwischen 1 und 100 an."),
            "max_value": _("Bitte geben Sie eine Anzahl zwischen 1 und 100 an."),
        },
    )
    competencies = forms.MultipleChoiceField(
        label=_("Welche Kompetenzen bringen Ihre Mitarbeitenden mit? (freiwillig)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Bitte wählen Sie Kompetenzen aus der Liste.")},
    )
    duration_months = forms.TypedChoiceField(
        label=_("Mögliche Dauer der Freistellung (freiwillig)"),
        choices=DURATION_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Bitte wählen Sie eine Dauer zwischen 6 und 18 Monaten.")
        },
    )
    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte diese Angaben speichert, um das Angebot "
            "zu bearbeiten und mit mir Kontakt aufzunehmen."
        )
    )

    class Meta:
        model = CompanyOffer
        fields = [
            "company_name",
            "contact_name",
            "email",
            "phone",
            "staff_count",
            "available_from",
            "duration_months",
            "message",
        ]
        labels = {
            "company_name": _("Unternehmen"),
            "contact_name": _("Ihr Name"),
            "email": _("E-Mail-Adresse"),
            "phone": _("Telefon (freiwillig)"),
            "available_from": _("Ab wann? (freiwillig)"),
            "message": _("Was möchten Sie uns noch sagen? (freiwillig)"),
        }
        help_texts = {
            "available_from": _("Als Datum, z. B. 01.03.2027."),
            "message": _("Höchstens 5.000 Zeichen."),
        }
        error_messages = {
            "company_name": {"required": _("Bitte nennen Sie Ihr Unternehmen.")},
            "contact_name": {"required": _("Bitte geben Sie Ihren Namen an.")},
            "email": EMAIL_ERRORS,
            "available_from": {
                "invalid": _("Bitte geben Sie ein gültiges Datum an, z. B. 01.03.2027.")
            },
            "message": {"max_length": _("Bitte fassen Sie sich kürzer: höchstens 5.000 Zeichen.")},
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "company_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "available_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        }

    fieldsets = [
        (_("Ihr Unternehmen"), ["company_name", "contact_name", "email", "phone"]),
        (
            _("Ihr Angebot"),
            ["staff_count", "competencies", "available_from", "duration_months", "message"],
        ),
        (_("Einwilligung"), ["privacy_consent"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Checkboxes cannot be grouped in a select, so the options are one flat list.
        options = competency_choices()
        self.fields["competencies"].choices = [
            choice for _label, group in options for choice in group
        ]
        self.fields["phone"].validators.append(PHONE_VALIDATOR)
        self.fields["available_from"].input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class ContactRequestForm(FieldsetFormMixin, SpamProtectionMixin, forms.ModelForm):
    """What the funder and the expert contact forms share: a name, an address, a message."""

    class Meta:
        model = ContactRequest
        fields = ["name", "email", "organisation", "message"]
        labels = {
            "name": _("Ihr Name"),
            "email": _("E-Mail-Adresse"),
            "message": _("Ihre Nachricht"),
        }
        help_texts = {"message": _("Höchstens 5.000 Zeichen.")}
        error_messages = {
            "name": {"required": _("Bitte geben Sie Ihren Namen an.")},
            "organisation": {"required": _("Bitte nennen Sie Ihre Organisation.")},
            "email": EMAIL_ERRORS,
            "message": {
                "required": _("Bitte schreiben Sie eine Nachricht."),
                "max_length": _("Bitte fassen Sie sich kürzer: höchstens 5.000 Zeichen."),
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
        }


class FunderContactForm(ContactRequestForm):
    """A funder (foundation, ministry, company) who would like to talk to the team."""

    form_kind = FormKind.FUNDER

    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte meine Angaben speichert, um meine "
            "Anfrage zu beantworten."
        )
    )

    class Meta(ContactRequestForm.Meta):
        fields = ["name", "organisation", "email", "message"]
        labels = {
            **ContactRequestForm.Meta.labels,
            "organisation": pgettext_lazy("funder form", "Stiftung, Unternehmen oder Institution"),
        }

    fieldsets = [
        (_("Über Sie"), ["name", "organisation", "email"]),
        (_("Ihr Anliegen"), ["message"]),
        (_("Einwilligung"), ["privacy_consent"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].required = True


class ExpertContactForm(ContactRequestForm):
    """A visitor's message to one expert of the pool; the expert's address stays hidden."""

    form_kind = EXPERT_FORM_KIND

    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte meine Angaben speichert und an die "
            "Expert:in weitergibt, um meine Anfrage zu beantworten."
        )
    )

    class Meta(ContactRequestForm.Meta):
        labels = {
            **ContactRequestForm.Meta.labels,
            "email": _("Ihre E-Mail-Adresse"),
            "organisation": _("Organisation oder Kommune (freiwillig)"),
        }
        help_texts = {
            **ContactRequestForm.Meta.help_texts,
            "email": _("Die Expert:in antwortet Ihnen an diese Adresse."),
        }

    fieldsets = [
        (_("Über Sie"), ["name", "email", "organisation"]),
        (_("Ihr Anliegen"), ["message"]),
        (_("Einwilligung"), ["privacy_consent"]),
    ]


FORMS_BY_KIND = {
    FormKind.MUNICIPALITY: MunicipalityRequestForm,
    FormKind.COMPANY: CompanyOfferForm,
    FormKind.FUNDER: FunderContactForm,
}


class PublicationFeedbackForm(ContactRequestForm):
    """A comment on a publication ("Mitdenker:innen gesucht"): who writes, from where, what."""

    form_kind = FEEDBACK_FORM_KIND

    privacy_consent = required_consent_field(
        _(
            "Ich bin einverstanden, dass Lokalprojekte meine Angaben speichert, um meinen "
            "Kommentar auszuwerten und mir gegebenenfalls zu antworten."
        )
    )

    class Meta(ContactRequestForm.Meta):
        fields = ["name", "email", "role", "organisation", "message"]
        labels = {
            **ContactRequestForm.Meta.labels,
            "role": _("Ihre Rolle"),
            "organisation": _("Organisation, Kommune oder Behörde (freiwillig)"),
            "message": _("Ihr Kommentar"),
        }
        help_texts = {
            **ContactRequestForm.Meta.help_texts,
            "role": _("z. B. Sachgebietsleitung, Personalrat, Anbieter von Fortbildungen"),
        }
        error_messages = {
            **ContactRequestForm.Meta.error_messages,
            "role": {"required": _("Bitte nennen Sie Ihre Rolle.")},
            "message": {
                "required": _("Bitte schreiben Sie Ihren Kommentar."),
                "max_length": _("Bitte fassen Sie sich kürzer: höchstens 5.000 Zeichen."),
            },
        }
        widgets = {
            **ContactRequestForm.Meta.widgets,
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    fieldsets = [
        (_("Über Sie"), ["name", "email", "role", "organisation"]),
        (_("Ihr Kommentar"), ["message"]),
        (_("Einwilligung"), ["privacy_consent"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].required = True
