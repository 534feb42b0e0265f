"""Template filters for the back office: the same formats as the lists and full views."""

from django import template

from backoffice import display

register = template.Library()


@register.filter
def berlin(value):
    """A date and time in Berlin time, e.g. ``01.12.2026, 14:03``."""
    return display.berlin_datetime(value)


@register.filter
def human_date(value):
    """A date as ``01.12.2026``."""
    return display.human_date(value)
