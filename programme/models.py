"""The Begleitprogramm: events for Macher:innen, Pat:innen and the public, and who comes.

``EventIndexPage`` lists upcoming and past events; ``EventPage`` is one event with its
registration form. ``Registration`` holds personal data: it is never a page, and only the
back office (Matching-Team) sees it in the admin (backoffice/viewsets.py).

An event and its translations are one event: registrations always point at the page in the
default language (``EventPage.canonical``), so capacity and waiting list are shared by all
languages.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from core.locales import default_locale, locale_by_id
from core.models import BasePage, SiteSettings
from programme.panels import RegistrationCountsPanel

# How many past events the programme page shows (newest first).
PAST_EVENTS_SHOWN = 12


class EventKind(models.TextChoices):
    KICK_OFF = "kickoff", _("Kick-off")
    WORKSHOP = "workshop", _("Workshop")
    NETWORKING = "networking", _("Vernetzungstreffen")
    CLOSING = "closing", _("Abschlussveranstaltung")


class Audience(models.TextChoices):
    MACHERINNEN = "macherinnen", _("Macher:innen")
    PATINNEN = "patinnen", _("Pat:innen")
    PROGRAMME = "programme", _("Macher:innen und Pat:innen")
    PUBLIC = "public", _("Offen für alle")


class EventIndexPage(BasePage):
    """The programme page ("Begleitprogramm"): upcoming events first, then past ones."""

    intro = RichTextField(_("Einleitung"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programme.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Übersicht Begleitprogramm")
        verbose_name_plural = _("Übersichten Begleitprogramm")

    def calendar_url(self):
        """The address of the calendar feed: the page's address with ``.ics``."""
        return self.url.rstrip("/") + ".ics"

    def events(self):
        """The live, public events of this programme page (one language tree)."""
        return EventPage.objects.live().public().child_of(self)

    def upcoming_events(self, now=None):
        """Events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return self.events().filter(end__gte=now).order_by("start", "pk")

    def past_events(self, now=None):
        """Events that are over, the latest first."""
        now = now or timezone.now()
        return self.events().filter(end__lt=now).order_by("-start", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming = list(self.upcoming_events())
        german = default_locale()
        if self.locale_id != german.pk:
            # The default-language pages of all events at once, not one query per event.
            ids = dict(
                EventPage.objects.filter(
                    locale_id=german.pk,
                    translation_key__in=[event.translation_key for event in upcoming],
                ).values_list("translation_key", "pk")
            )
            for event in upcoming:
                event._canonical_id = ids.get(event.translation_key, event.pk)
        # Places left are counted once for all upcoming events (one query).
        counts = registered_counts([event.canonical_id() for event in upcoming])
        for event in upcoming:
            event.places_left_now = event.places_left(counts.get(event.canonical_id(), 0))
        context["upcoming_events"] = upcoming
        context["calendar_url"] = self.calendar_url()
        context["past_events"] = list(self.past_events()[:PAST_EVENTS_SHOWN])
        return context


class EventPage(BasePage):
    """One event of the Begleitprogramm, with date, place, audience and registration."""

    kind = models.CharField(
        _("Art"), max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    start = models.DateTimeField(_("Beginn"), help_text=_("Datum und Uhrzeit (deutsche Zeit)."))
    end = models.DateTimeField(_("Ende"))
    location = models.CharField(
        _("Ort"),
        max_length=300,
        blank=True,
        help_text=_("Name und Anschrift, z. B. „Rathaus Eschwege, Obermarkt 22, 37269 Eschwege“."),
    )
    online_url = models.URLField(
        _("Link zur Online-Teilnahme"),
        blank=True,
        help_text=_(
            "Wird öffentlich angezeigt. Einen Link, den nur Angemeldete sehen sollen, "
            "schicken Sie bitte per E-Mail."
        ),
    )
    audience = models.CharField(
        _("Zielgruppe"), max_length=20, choices=Audience.choices, default=Audience.PROGRAMME
    )
    teaser = models.TextField(
        _("Anreißer"),
        max_length=400,
        help_text=_("Zwei bis drei Sätze für Übersicht und Kalender."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("Text"), blank=True)
    capacity = models.PositiveIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen für unbegrenzt. Ist die Veranstaltung voll, kommen weitere Anmeldungen "
            "auf die Warteliste und rücken bei Abmeldungen automatisch nach."
        ),
    )
    registration_open = models.BooleanField(
        _("Anmeldung geöffnet"),
        default=True,
        help_text=_("Ohne Häkchen zeigt die Seite, dass keine Anmeldung (mehr) möglich ist."),
    )
    macherinnen_only = models.BooleanField(
        _("Nur für Macher:innen"),
        default=False,
        help_text=_(
            "Anmelden können sich dann nur Personen, deren Bewerbung im Programm angenommen "
            "wurde, mit der E-Mail-Adresse aus ihrer Bewerbung."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("online_url")], heading=_("Ort")),
        FieldPanel("teaser"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldPanel("capacity"),
                FieldPanel("macherinnen_only"),
                RegistrationCountsPanel(),
            ],
            heading=_("Anmeldung"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        TranslatableField("location"),
        SynchronizedField("online_url"),
        SynchronizedField("audience"),
        TranslatableField("teaser"),
        TranslatableField("body"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_open"),
        SynchronizedField("macherinnen_only"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("location"),
        APIField("online_url"),
        APIField("audience"),
        APIField("teaser"),
        APIField("body"),
        APIField("capacity"),
        APIField("registration_open"),
        APIField("macherinnen_only"),
    ]

    parent_page_types = ["programme.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Das Ende muss nach dem Beginn liegen.")
        if not self.location and not self.online_url:
            errors["location"] = _(
                "Bitte geben Sie einen Ort oder einen Link zur Online-Teilnahme an."
            )
        if errors:
            raise ValidationError(errors)

    def canonical_id(self):
        """The id of the page in the default language, which the registrations point at."""
        if not hasattr(self, "_canonical_id"):
            german = default_locale()
            if self.locale_id == german.pk:
                self._canonical_id = self.pk
            else:
                self._canonical_id = (
                    EventPage.objects.filter(
                        translation_key=self.translation_key, locale_id=german.pk
                    )
                    .values_list("pk", flat=True)
                    .first()
                ) or self.pk
        return self._canonical_id

    @property
    def is_online(self):
        return bool(self.online_url) and not self.location

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @property
    def is_past(self):
        return self.end < timezone.now()

    def places_left(self, taken=None):
        """Free places (None without a limit); ``taken`` saves the count if known."""
        if self.capacity is None:
            return None
        if taken is None:
            taken = registered_counts([self.canonical_id()]).get(self.canonical_id(), 0)
        return max(self.capacity - taken, 0)

    def accepts_registrations(self):
        """True while people can register (open, not yet begun)."""
        return self.registration_open and not self.has_started

    def calendar_url(self):
        """The address of this event's .ics file: the page's address with ``.ics``."""
        return self.url.rstrip("/") + ".ics"

    def get_structured_data(self, request=None):
        """schema.org Event for search engines (JSON-LD)."""
        online = {
            "@type": "VirtualLocation",
            "url": self.online_url,
        }
        place = {"@type": "Place", "name": self.location, "address": self.location}
        if self.location and self.online_url:
            attendance, location = "MixedEventAttendanceMode", [place, online]
        elif self.online_url:
            attendance, location = "OnlineEventAttendanceMode", online
        else:
            attendance, location = "OfflineEventAttendanceMode", place
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.teaser,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{attendance}",
            "location": location,
            "inLanguage": locale_by_id(self.locale_id).language_code,
            "url": self.full_url,
            "isAccessibleForFree": True,
        }
        if request is not None:
            organisation = SiteSettings.for_request(request).organisation_name
            data["organizer"] = {"@type": "Organization", "name": organisation}
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.get_structured_data(request)
        taken = registered_counts([self.canonical_id()]).get(self.canonical_id(), 0)
        context["places_taken"] = taken
        context["places_left"] = self.places_left(taken)
        return context

    def serve(self, request, *args, **kwargs):
        """The page; while registration is open, with the registration form."""
        # Imported here: the view module imports this one.
        from programme.views import serve_event

        return serve_event(request, self, *args, **kwargs)


def registered_counts(event_ids):
    """Confirmed registrations per event id (the default-language pages)."""
    rows = (
        Registration.objects.filter(event_id__in=event_ids, status=Registration.Status.REGISTERED)
        .values_list("event_id")
        .annotate(n=models.Count("pk"))
    )
    return dict(rows)


def new_cancel_token():
    """A secret for the registration's private cancellation link."""
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """One person's registration for one event: confirmed, waiting, or cancelled."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Angemeldet")
        WAITING = "waiting", _("Warteliste")
        CANCELLED = "cancelled", _("Abgemeldet")

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("Name"), max_length=160)
    email = models.EmailField(_("E-Mail"))
    organisation = models.CharField(_("Organisation oder Kommune"), max_length=200, blank=True)
    role = models.CharField(_("Rolle"), max_length=200, blank=True)
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.REGISTERED
    )
    position = models.PositiveIntegerField(
        _("Platz auf der Warteliste"),
        null=True,
        blank=True,
        help_text=_("Nur auf der Warteliste: die Reihenfolge des Nachrückens."),
    )
    cancel_token = models.CharField(
        max_length=64, unique=True, default=new_cancel_token, editable=False
    )
    consent = models.ForeignKey(
        "intake.ConsentRecord",
        verbose_name=_("Einwilligung"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(
        _("Sprache"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    created_at = models.DateTimeField(_("Angemeldet am"), default=timezone.now)
    moved_up_at = models.DateTimeField(_("Nachgerückt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("Abgemeldet am"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("Erinnert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["event", "status", "position", "created_at", "pk"]
        constraints = [
            # One address, one active registration per event (after cancelling, a new one).
            models.UniqueConstraint(
                Lower("email"),
                models.F("event"),
                condition=~Q(status="cancelled"),
                name="programme_registration_one_per_address",
            )
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    def waiting_place(self):
        """The place on the waiting list, counted from 1, or None if not waiting."""
        if self.status != self.Status.WAITING:
            return None
        ahead = Registration.objects.filter(
            event_id=self.event_id, status=self.Status.WAITING, position__lt=self.position
        ).count()
        return ahead + 1

    def build_outgoing_mail(self, mail):
        """The e-mail the outbox owes this registration (see intake/tasks.py)."""
        # Imported here: the mail module imports the page models.
        from programme.mails import registration_message

        return registration_message(self, mail)
