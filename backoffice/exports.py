"""CSV/XLSX export of the back-office listings (through Wagtail's spreadsheet export).

The export follows the filtered listing. Identifying columns are blinded exactly as in the
listing: a spreadsheet must not undo blind screening.
"""

import datetime
from collections import OrderedDict

from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import multigetattr

from backoffice import display, privacy

# Spreadsheet programs read a cell starting with one of these as a formula (or, for tab and
# carriage return, shift the cell), also in their full-width forms: "=HYPERLINK(...)" typed
# into a public form must arrive as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Excel guesses the encoding of a CSV file without it and shows "MÃ¼nchen".
UTF8_BOM = "\ufeff"


def neutralise_formula(value):
    """A text cell a spreadsheet program shows as typed: a leading apostrophe before a
    formula start. Other values (numbers, dates, empty) are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCSVExportMixin:
    """Wagtail's CSV export with formula starts neutralised and a UTF-8 BOM.

    The XLSX export needs neither: Wagtail already stores formula-like values as text there.
    """

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise_formula(
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                )
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


APPLICATION_EXPORT = [
    "pk",
    "candidate_name",
    "candidate_email",
    "project",
    "status",
    "assignee",
    "created_at",
    "closed_at",
]
APPLICATION_EXPORT_HEADINGS = {
    "pk": _("Nr."),
    "candidate_name": _("Kandidat:in"),
    "candidate_email": _("E-Mail"),
    "project": _("Projekt"),
    "status": _("Status"),
    "assignee": _("Zuständig"),
    "created_at": _("Eingegangen am"),
    "closed_at": _("Abgeschlossen am"),
}

CANDIDATE_EXPORT = [
    "pk",
    "candidate_name",
    "candidate_email",
    "bundesland",
    "mobility",
    "available_from",
    "preferred_duration_months",
    "talent_pool_until",
    "created_at",
]
CANDIDATE_EXPORT_HEADINGS = {
    "pk": _("Nr."),
    "candidate_name": _("Kandidat:in"),
    "candidate_email": _("E-Mail"),
    "bundesland": _("Bundesland"),
    "mobility": _("Mobilität"),
    "available_from": _("Verfügbar ab"),
    "preferred_duration_months": _("Gewünschte Dauer in Monaten"),
    "talent_pool_until": _("Im Talentpool bis"),
    "created_at": _("Angelegt am"),
}

REQUEST_EXPORT = [
    "pk",
    "municipality_name",
    "bundesland",
    "contact_name",
    "email",
    "status",
    "desired_start",
    "duration_months",
    "created_at",
]
OFFER_EXPORT = [
    "pk",
    "company_name",
    "contact_name",
    "email",
    "staff_count",
    "available_from",
    "duration_months",
    "status",
    "created_at",
]
REGISTRATION_EXPORT = [
    "pk",
    "event",
    "status",
    "position",
    "name",
    "email",
    "organisation",
    "role",
    "language",
    "created_at",
    "moved_up_at",
    "cancelled_at",
]

CONTACT_EXPORT = [
    "pk",
    "kind",
    "name",
    "email",
    "role",
    "organisation",
    "expert",
    "page",
    "created_at",
]


def _display(instance, field):
    get_display = getattr(instance, f"get_{field}_display", None)
    if get_display is not None:
        return str(get_display())
    value = multigetattr(instance, field)
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        # Berlin time, as in the listing (a spreadsheet must not show UTC).
        return display.human_date(value)
    return value


def record_export_row(record, fields):
    """One exported row of a request, offer or contact listing: labels, not codes."""
    return OrderedDict((field, _display(record, field)) for field in fields)


def _candidate_columns(candidate, revealed):
    shown = revealed and not privacy.is_anonymised(candidate)
    return {
        "candidate_name": privacy.candidate_label(candidate, revealed),
        "candidate_email": candidate.email if shown else "",
    }


def application_export_row(application, fields):
    """One exported row of the applications listing (blinded while in screening)."""
    extra = _candidate_columns(application.candidate, application.identity_revealed)
    extra["project"] = application.project.title if application.project_id else _("Talentpool")
    extra["assignee"] = (
        application.assignee.get_full_name() or application.assignee.get_username()
        if application.assignee_id
        else ""
    )
    return OrderedDict(
        (field, str(extra[field]) if field in extra else _display(application, field))
        for field in fields
    )


def candidate_export_row(candidate, fields):
    """One exported row of the candidates listing (blinded until shortlisted)."""
    extra = _candidate_columns(candidate, candidate.identity_revealed)
    return OrderedDict(
        (field, str(extra[field]) if field in extra else _display(candidate, field))
        for field in fields
    )
