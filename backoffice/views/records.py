"""The generic views of the back office's records: listing, full view, status form.

A record (request, offer, contact request) opens from its listing on its full view: every
field the person submitted, readable (see backoffice/display.py), with the actions as
visible buttons in the header instead of Wagtail's "…" menu. The edit view only changes the
status and returns to the full view.
"""

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.widgets import HeaderButton

from backoffice import display
from backoffice.exports import SafeCSVExportMixin, record_export_row
from backoffice.permissions import MatchingTeamOnlyMixin


def created_at_column(label=None):
    """The "received" column in Berlin time, in the same format as the full view."""
    return Column(
        "created_at",
        label=label or gettext_lazy("Eingegangen am"),
        accessor=lambda record: display.berlin_datetime(record.created_at),
        sort_key="created_at",
    )


class RecordIndexView(MatchingTeamOnlyMixin, SafeCSVExportMixin, IndexView):
    """A listing whose rows open the full view; no "…" menu per row."""

    def get_edit_url(self, instance):
        # Wagtail links a row's title to the edit view when the user may change it; the
        # team should land on the full view, where the status form is too.
        return None

    def get_list_buttons(self, instance):
        return []

    def to_row_dict(self, item):
        return record_export_row(item, self.list_export)


class BackOfficeInspectMixin:
    """Header and breadcrumbs that name the record: "Anfrage einer Kommune › Kalletal"."""

    def get_page_title(self):
        return capfirst(self.model._meta.verbose_name)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(self.model._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    @cached_property
    def header_more_buttons(self):
        # Every action is a visible button (see header_buttons); nothing hides behind "…".
        return []


class StatusForm(forms.Form):
    """The status select shown on a record's full view; it posts to the edit view."""

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"] = forms.ChoiceField(label=_("Status"), choices=choices)


class RecordInspectView(BackOfficeInspectMixin, MatchingTeamOnlyMixin, InspectView):
    """Every submitted field in plain language, the status form and the record's actions."""

    template_name = "backoffice/admin/record_inspect.html"

    def get_field_label(self, field_name, field):
        if field_name == "consent":
            return _("Einwilligung")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value_func = getattr(self, f"get_{field_name}_display_value", None)
        if callable(value_func):
            return value_func()
        if field_name == "consent":
            return display.record_consent(self.object)
        if field is None:
            value = getattr(self.object, field_name)
            return display.EMPTY if value in (None, "") else value
        return display.field_value(self.object, field)

    def get_fields(self):
        # The status has its own form at the top of the page.
        return [name for name in super().get_fields() if name != "status"]

    def get_header_buttons(self):
        buttons = [*super().get_header_buttons(), *self.get_action_buttons()]
        email = getattr(self.object, "email", "")
        if email:
            buttons.append(
                HeaderButton(
                    _("E-Mail schreiben"),
                    url=f"mailto:{email}",
                    icon_name="mail",
                    classname="button-secondary",
                    priority=50,
                )
            )
        if delete_url := self.get_delete_url():
            buttons.append(
                HeaderButton(
                    _("Löschen"),
                    url=delete_url,
                    icon_name="bin",
                    classname="button-secondary",
                    priority=90,
                )
            )
        return sorted(buttons)

    def get_action_buttons(self):
        """The record's own actions (e.g. creating a project); subclasses add theirs."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status_field = self.object._meta.get_field("status") if self.has_status else None
        if status_field is not None:
            context["status_label"] = self.object.get_status_display()
            edit_url = self.get_edit_url()
            if edit_url:
                context["status_url"] = edit_url
                context["status_form"] = StatusForm(
                    initial={"status": self.object.status}, choices=status_field.choices
                )
        return context

    @cached_property
    def has_status(self):
        return any(field.name == "status" for field in self.model._meta.concrete_fields)


class RecordEditView(MatchingTeamOnlyMixin, EditView):
    """Changes a record's status; back to the full view afterwards."""

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get_success_message(self):
        return _("Status geändert: %(status)s") % {"status": self.object.get_status_display()}

    def get_success_buttons(self):
        # The message appears on the full view; a button back to the edit form adds nothing.
        return []
