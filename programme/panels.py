"""The registration counts shown on an event in the page editor."""

from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel


class RegistrationCountsPanel(Panel):
    """How many are registered, waiting and cancelled; names only in the back office.

    Counts are no personal data, so every editor sees them; the link to the list of names
    is for whoever may open it (the back office answers 403 to everyone else).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "programme/admin/registration_counts.html"

        def get_context_data(self, parent_context=None):
            # Imported here: the page model imports this panel.
            from programme.models import Registration

            context = super().get_context_data(parent_context)
            event = self.instance
            counts = {}
            list_url = None
            if event.pk:
                counts = dict(
                    Registration.objects.filter(event_id=event.canonical_id())
                    .values_list("status")
                    .annotate(n=Count("pk"))
                )
                try:
                    list_url = reverse("backoffice_registrations:index")
                    list_url += f"?event={event.canonical_id()}"
                except NoReverseMatch:
                    list_url = None
            context.update(
                {
                    "registered": counts.get("registered", 0),
                    "waiting": counts.get("waiting", 0),
                    "cancelled": counts.get("cancelled", 0),
                    "capacity": event.capacity,
                    "list_url": list_url,
                    "heading_text": _("Anmeldungen"),
                }
            )
            return context
