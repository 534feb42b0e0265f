"""Calendar arithmetic shared by the apps."""

import calendar


def add_months(day, months):
    """The same day ``months`` calendar months later (or earlier with a negative number).

    A day that does not exist in the target month becomes that month's last day
    (31 January + 1 month = 28 or 29 February).
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
