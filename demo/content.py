"""The data files under ``demo/data/`` and how their entries become field values."""

import tomllib
from decimal import Decimal
from pathlib import Path

from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from .base import rich
from .blocks import stream

DATA_DIR = Path(__file__).resolve().parent / "data"


def load(name):
    """The parsed file ``demo/data/<name>.toml``. Decimals (coordinates) are read exactly."""
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file, parse_float=Decimal)


def field_values(model, data, pages=None, images=None):
    """The field values of ``model`` given in a data table.

    Rich text fields come as lists of paragraphs, StreamFields as lists of block tables,
    links to pages and images as keys of ``pages`` and ``images``; other values are used as
    they are (TOML has strings, numbers, booleans and dates).
    """
    pages, images = pages or {}, images or {}
    values = {}
    for name, value in data.items():
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            value = stream(value, pages)
        elif isinstance(field, RichTextField):
            if isinstance(value, str):
                raise TypeError(f"{model.__name__}.{name}: rich text is a list of paragraphs")
            value = rich(*value)
        elif field.is_relation and issubclass(field.related_model, Page):
            value = pages[value]
        elif field.is_relation and issubclass(field.related_model, AbstractImage):
            value = images[value]
        values[name] = value
    return values
