"""The dashboard panel "Neu eingegangen": what still waits for the team, with links."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from backoffice import display, privacy
from intake.models import (
    Application,
    CompanyOffer,
    ContactRequest,
    MunicipalityRequest,
    PipelineStatus,
    RequestStatus,
)

# Contact requests have no status; the panel shows those of the last two weeks.
CONTACT_DAYS = 14
ITEMS_PER_KIND = 5


def _section(title, viewset_name, queryset, filter_query, label, empty_text):
    index_url = reverse(f"{viewset_name}:index")
    items = [
        {
            "label": label(record),
            "url": reverse(f"{viewset_name}:inspect", args=[record.pk]),
            "received": display.berlin_datetime(record.created_at),
        }
        for record in queryset.order_by("-created_at")[:ITEMS_PER_KIND]
    ]
    return {
        "title": title,
        "count": queryset.count(),
        "items": items,
        "list_url": f"{index_url}?{filter_query}",
        "empty_text": empty_text,
        "id": viewset_name,
    }


def new_records(now=None):
    """The sections of the panel: new requests, offers, contact requests and applications."""
    now = now or timezone.now()
    contacts_since = timezone.localdate(now) - datetime.timedelta(days=CONTACT_DAYS)
    applications = privacy.with_revealed(
        Application.objects.filter(status=PipelineStatus.RECEIVED).select_related(
            "candidate", "project"
        )
    )
    return [
        _section(
            _("Anfragen von Kommunen"),
            "backoffice_requests",
            MunicipalityRequest.objects.filter(status=RequestStatus.NEW),
            "status=new",
            lambda record: f"{record.municipality_name} ({record.get_bundesland_display()})",
            _("Keine neuen Anfragen."),
        ),
        _section(
            _("Angebote von Unternehmen"),
            "backoffice_offers",
            CompanyOffer.objects.filter(status=RequestStatus.NEW),
            "status=new",
            str,
            _("Keine neuen Angebote."),
        ),
        _section(
            _("Kontaktanfragen der letzten 14 Tage"),
            "backoffice_contacts",
            ContactRequest.objects.filter(created_at__date__gte=contacts_since),
            f"created_at_after={contacts_since.isoformat()}",
            str,
            _("Keine Kontaktanfragen in den letzten 14 Tagen."),
        ),
        _section(
            _("Neue Bewerbungen"),
            "backoffice_applications",
            applications,
            f"status={PipelineStatus.RECEIVED}",
            lambda app: "{} → {}".format(
                privacy.candidate_label(app.candidate, app.identity_revealed),
                app.project.title if app.project_id else _("Talentpool"),
            ),
            _("Keine neuen Bewerbungen."),
        ),
    ]


class NewRecordsPanel(Component):
    """Dashboard panel for the Matching-Team: new, unhandled records with links to each."""

    name = "backoffice_new_records"
    order = 80
    template_name = "backoffice/admin/new_records_panel.html"

    def get_context_data(self, parent_context):
        return {"sections": new_records()}
