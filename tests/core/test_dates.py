"""Month arithmetic: the talent pool period and the matching's availability window use it."""

import datetime

import pytest

from core.dates import add_months


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 15), 1, datetime.date(2026, 2, 15)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 12, 10), 1, datetime.date(2027, 1, 10)),
        (datetime.date(2026, 3, 31), -1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 5, 20), 12, datetime.date(2027, 5, 20)),
        (datetime.date(2026, 5, 20), -17, datetime.date(2024, 12, 20)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_day_of_the_month(day, months, expected):
    assert add_months(day, months) == expected
