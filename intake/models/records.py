"""Records of what people submit. They hold personal data and are never pages.

The public forms of this app write them; only the group "Matching-Team" sees them,
in the back office (see backoffice/permissions.py).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.models.outbox import OutgoingMail
from intake.storage import get_private_storage
from taxonomy.models import Bundesland


def new_access_token():
    """A secret for the applicant's private status link."""
    return secrets.token_urlsafe(32)


class ConsentRecord(models.Model):
    """Proof of consent: which privacy text (version), for what, and when."""

    purpose = models.CharField(_("Zweck"), max_length=40)
    privacy_version = models.CharField(_("Version der Datenschutzhinweise"), max_length=40)
    given_at = models.DateTimeField(_("Erteilt am"), default=timezone.now)
    language = models.CharField(_("Sprache"), max_length=5, default="de")

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")

    def __str__(self):
        return f"{self.purpose} ({self.privacy_version}, {self.given_at:%Y-%m-%d})"


class Mobility(models.TextChoices):
    LOCAL = "local", _("Nur in meiner Region")
    STATE = "state", _("In meinem Bundesland")
    NATIONWIDE = "nationwide", _("Bundesweit")


class Candidate(models.Model):
    """A person in the talent pool (Talentdatenbank)."""

    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    city = models.CharField(_("Wohnort"), max_length=100, blank=True)
    bundesland = models.CharField(
        _("Bundesland"), max_length=2, choices=Bundesland.choices, blank=True
    )
    mobility = models.CharField(
        _("Mobilität"), max_length=12, choices=Mobility.choices, default=Mobility.STATE
    )
    available_from = models.DateField(_("Verfügbar ab"))
    preferred_duration_months = models.PositiveSmallIntegerField(
        _("Gewünschte Dauer in Monaten"),
        validators=[MinValueValidator(6), MaxValueValidator(18)],
        default=12,
    )
    languages = models.CharField(_("Sprachen"), max_length=200, blank=True)
    year_of_birth = models.PositiveSmallIntegerField(_("Geburtsjahr"), null=True, blank=True)
    gender = models.CharField(_("Geschlecht"), max_length=40, blank=True)
    cv = models.FileField(
        _("Lebenslauf"), storage=get_private_storage, upload_to="cv/%Y/%m/", blank=True
    )
    consent = models.ForeignKey(
        ConsentRecord, verbose_name=_("Einwilligung"), on_delete=models.PROTECT, related_name="+"
    )
    talent_pool_until = models.DateField(
        _("Im Talentpool bis"),
        null=True,
        blank=True,
        help_text=_("Danach werden die Daten automatisch gelöscht."),
    )
    anonymised_at = models.DateTimeField(
        _("Anonymisiert am"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Kandidat:in")
        verbose_name_plural = _("Kandidat:innen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


class CandidateCompetency(models.Model):
    """A competency a candidate brings, with the self-assessed level (1-3)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(
        "taxonomy.Competency",
        verbose_name=_("Kompetenz"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(
        _("Niveau (Selbsteinschätzung)"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )

    class Meta:
        verbose_name = _("Kompetenz der Kandidat:in")
        verbose_name_plural = _("Kompetenzen der Kandidat:in")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "competency"], name="unique_candidate_competency"
            )
        ]

    def __str__(self):
        return f"{self.competency} ({self.level})"


class PipelineStatus(models.TextChoices):
    RECEIVED = "received", _("Eingegangen")
    SCREENING = "screening", _("In Sichtung")
    SHORTLISTED = "shortlisted", _("Engere Wahl")
    INTERVIEW = "interview", _("Zum Gespräch eingeladen")
    PROPOSED = "proposed", _("Der Kommune vorgeschlagen")
    ACCEPTED = "accepted", _("Angenommen")
    DECLINED = "declined", _("Abgesagt")
    WITHDRAWN = "withdrawn", _("Zurückgezogen")


# Which status may follow which; the last three end the pipeline (an accepted person may
# still withdraw). The conversation is optional: a shortlisted person may be proposed at once.
ALLOWED_TRANSITIONS = {
    PipelineStatus.RECEIVED: {
        PipelineStatus.SCREENING,
        PipelineStatus.DECLINED,
        PipelineStatus.WITHDRAWN,
    },
    PipelineStatus.SCREENING: {
        PipelineStatus.SHORTLISTED,
        PipelineStatus.DECLINED,
        PipelineStatus.WITHDRAWN,
    },
    PipelineStatus.SHORTLISTED: {
        PipelineStatus.INTERVIEW,
        PipelineStatus.PROPOSED,
        PipelineStatus.SCREENING,
        PipelineStatus.DECLINED,
        PipelineStatus.WITHDRAWN,
    },
    PipelineStatus.INTERVIEW: {
        PipelineStatus.PROPOSED,
        PipelineStatus.ACCEPTED,
        PipelineStatus.SHORTLISTED,
        PipelineStatus.DECLINED,
        PipelineStatus.WITHDRAWN,
    },
    PipelineStatus.PROPOSED: {
        PipelineStatus.ACCEPTED,
        PipelineStatus.INTERVIEW,
        PipelineStatus.SHORTLISTED,
        PipelineStatus.DECLINED,
        PipelineStatus.WITHDRAWN,
    },
    PipelineStatus.ACCEPTED: {PipelineStatus.WITHDRAWN},
    PipelineStatus.DECLINED: set(),
    PipelineStatus.WITHDRAWN: set(),
}
CLOSED_STATUSES = {PipelineStatus.ACCEPTED, PipelineStatus.DECLINED, PipelineStatus.WITHDRAWN}
# The steps the applicant is told about by e-mail; the others (received, screening, proposed)
# are the team's internal work and send nothing.
APPLICANT_NOTIFIED_STATUSES = {
    PipelineStatus.SHORTLISTED,
    PipelineStatus.INTERVIEW,
    PipelineStatus.ACCEPTED,
    PipelineStatus.DECLINED,
    PipelineStatus.WITHDRAWN,
}


class Application(models.Model):
    """A candidate's application to a project, or to the talent pool when project is empty."""

    candidate = models.ForeignKey(
        Candidate,
        verbose_name=_("Kandidat:in"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("Projekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text=_("Leer: Initiativbewerbung für den Talentpool"),
    )
    motivation = models.TextField(_("Motivation"), max_length=5000)
    status = models.CharField(
        _("Status"), max_length=12, choices=PipelineStatus.choices, default=PipelineStatus.RECEIVED
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Zuständig"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_applications",
    )
    access_token = models.CharField(
        max_length=64, unique=True, default=new_access_token, editable=False
    )
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    municipality_consent_at = models.DateTimeField(
        _("Einverständnis zur Weitergabe an die Kommune"),
        null=True,
        blank=True,
        help_text=_(
            "Wann die Bewerber:in zugestimmt hat, dass die Kommune des Projekts ihre Bewerbung "
            "sehen darf. Leer: keine Zustimmung, die Kommune sieht sie nicht."
        ),
    )
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)
    closed_at = models.DateTimeField(_("Abgeschlossen am"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("Anonymisiert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Bewerbung")
        verbose_name_plural = _("Bewerbungen")
        ordering = ["-created_at"]

    def __str__(self):
        target = self.project.title if self.project_id else _("Talentpool")
        return f"{self.candidate} → {target}"

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    @property
    def may_be_shown_to_municipality(self):
        """True if the applicant agreed that the project's municipality may see it."""
        return self.municipality_consent_at is not None

    def allowed_transitions(self):
        """The statuses this application may move to next."""
        return ALLOWED_TRANSITIONS[PipelineStatus(self.status)]

    def transition_to(self, new_status, user=None, comment="", decision_link=None):
        """Move to new_status if the pipeline allows it, recording who did it and when.

        ``decision_link`` names the municipality's private link when its decision-maker made
        the step (then ``user`` is None). A step the applicant is told about
        (APPLICANT_NOTIFIED_STATUSES) queues an e-mail in the same transaction, at most once
        per status and application. Returns True if such a mail was queued.
        """
        new_status = PipelineStatus(new_status)
        with transaction.atomic():
            # The row lock makes two clicks at once one step (and one mail), not two.
            self.status = (
                Application.objects.select_for_update()
                .values_list("status", flat=True)
                .get(pk=self.pk)
            )
            if new_status not in self.allowed_transitions():
                raise ValidationError(
                    _("Von „%(old)s“ nach „%(new)s“ ist kein erlaubter Schritt.")
                    % {"old": self.get_status_display(), "new": new_status.label}
                )
            old_status = self.status
            self.status = new_status
            if new_status in CLOSED_STATUSES:
                self.closed_at = timezone.now()
            self.save(update_fields=["status", "closed_at", "updated_at"])
            ApplicationStatusChange.objects.create(
                application=self,
                from_status=old_status,
                to_status=new_status,
                changed_by=user,
                decision_link=decision_link,
                comment=comment,
            )
            if new_status in APPLICANT_NOTIFIED_STATUSES:
                return OutgoingMail.queue_status_update(self, new_status)
        return False


class ApplicationStatusChange(models.Model):
    """One step in an application's history: who changed the status, from what to what, when."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("Von"), max_length=12, choices=PipelineStatus.choices)
    to_status = models.CharField(_("Nach"), max_length=12, choices=PipelineStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Geändert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("Geändert am"), default=timezone.now)
    decision_link = models.ForeignKey(
        "intake.MunicipalityDecisionLink",
        verbose_name=_("Entscheidungslink der Kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="status_changes",
        help_text=_("Gesetzt, wenn die Kommune den Schritt über ihren privaten Link gemacht hat."),
    )
    comment = models.TextField(_("Kommentar"), blank=True)

    class Meta:
        verbose_name = _("Statusänderung")
        verbose_name_plural = _("Statusänderungen")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class ApplicationNote(models.Model):
    """An internal note of the Matching-Team on an application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_link = models.ForeignKey(
        "intake.MunicipalityDecisionLink",
        verbose_name=_("Entscheidungslink der Kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notes",
        help_text=_("Gesetzt bei Einträgen, die der private Link der Kommune auslöst."),
    )
    text = models.TextField(_("Notiz"), max_length=5000)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Notiz")
        verbose_name_plural = _("Notizen")
        ordering = ["created_at"]

    def __str__(self):
        return self.text[:60]


class RequestStatus(models.TextChoices):
    NEW = "new", _("Neu")
    IN_REVIEW = "in_review", _("In Prüfung")
    SKETCH = "sketch", _("Projektskizze")
    PROJECT_CREATED = "project_created", _("Projekt angelegt")
    DECLINED = "declined", _("Abgelehnt")


class MunicipalityRequest(models.Model):
    """A Kommune's challenge; it becomes a project sketch and then a ProjectPage."""

    municipality_name = models.CharField(_("Kommune oder Behörde"), max_length=200)
    bundesland = models.CharField(_("Bundesland"), max_length=2, choices=Bundesland.choices)
    contact_name = models.CharField(_("Ansprechperson"), max_length=160)
    contact_role = models.CharField(_("Funktion"), max_length=160, blank=True)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    challenge = models.TextField(_("Herausforderung"), max_length=5000)
    intended_impact = models.TextField(_("Angestrebte Wirkung"), max_length=5000, blank=True)
    target_groups = models.TextField(_("Zielgruppen"), max_length=2000, blank=True)
    desired_start = models.DateField(_("Gewünschter Start"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("Dauer in Monaten"),
        null=True,
        blank=True,
        validators=[MinValueValidator(6), MaxValueValidator(18)],
    )
    status = models.CharField(
        _("Status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("Daraus entstandenes Projekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent = models.ForeignKey(ConsentRecord, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Anfrage einer Kommune")
        verbose_name_plural = _("Anfragen von Kommunen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.municipality_name


class CompanyOffer(models.Model):
    """A company's offer to lend staff to a project (corporate volunteering)."""

    company_name = models.CharField(_("Unternehmen"), max_length=200)
    contact_name = models.CharField(_("Ansprechperson"), max_length=160)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    staff_count = models.PositiveSmallIntegerField(
        _("Anzahl Mitarbeitende"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    competencies = models.ManyToManyField(
        "taxonomy.Competency", verbose_name=_("Kompetenzen"), blank=True, related_name="+"
    )
    available_from = models.DateField(_("Verfügbar ab"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("Dauer in Monaten"),
        null=True,
        blank=True,
        validators=[MinValueValidator(6), MaxValueValidator(18)],
    )
    message = models.TextField(_("Nachricht"), max_length=5000, blank=True)
    status = models.CharField(
        _("Status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    consent = models.ForeignKey(ConsentRecord, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Angebot eines Unternehmens")
        verbose_name_plural = _("Angebote von Unternehmen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.company_name


class ContactRequest(models.Model):
    """A message to an expert of the pool or from a funder, stored for the team."""

    class Kind(models.TextChoices):
        EXPERT = "expert", _("Anfrage an Expert:in")
        FUNDER = "funder", _("Anfrage von Förderer")
        GENERAL = "general", _("Allgemeine Anfrage")
        FEEDBACK = "feedback", _("Kommentar zu einer Veröffentlichung")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    expert = models.ForeignKey(
        "learning.Expert",
        verbose_name=_("Expert:in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_requests",
    )
    # For a comment on a publication: the page commented on and the writer's role.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Kommentierte Seite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("Name"), max_length=160)
    email = models.EmailField(_("E-Mail"))
    role = models.CharField(_("Rolle"), max_length=160, blank=True)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    message = models.TextField(_("Nachricht"), max_length=5000)
    privacy_version = models.CharField(_("Version der Datenschutzhinweise"), max_length=40)
    consent_given_at = models.DateTimeField(_("Einwilligung erteilt am"))
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}"
