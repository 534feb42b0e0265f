"""Fixtures of the project page and listing tests."""

import datetime

import pytest


@pytest.fixture
def today():
    return datetime.date.today()
