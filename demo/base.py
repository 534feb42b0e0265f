"""Helpers every demo builder shares: tallies and update-or-create for pages and snippets."""

import datetime
from dataclasses import dataclass

from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"


@dataclass
class Tally:
    """How many objects a step created, updated or left alone."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome):
        """Count one outcome (CREATED, UPDATED or UNCHANGED)."""
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __str__(self):
        return f"{self.created} angelegt, {self.updated} aktualisiert, {self.unchanged} unverändert"


def german_slug(value):
    """A URL slug that spells umlauts out (ä -> ae) instead of dropping them."""
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        value = value.replace(umlaut, spelled).replace(umlaut.upper(), spelled.capitalize())
    return slugify(value)


def month_anchor(today=None):
    """The first day of the current month.

    Relative dates hang off this instead of today, so a second run in the same month
    finds nothing to change (and creates no new revisions).
    """
    today = today or datetime.date.today()
    return today.replace(day=1)


def _without_ids(data):
    """Stream data without block ids, which differ on every assignment."""
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(value) for value in data]
    return data


def _child_rows(manager, keys):
    return [{key: getattr(child, key) for key in keys} for child in manager.all()]


def assign(obj, values):
    """Set ``values`` on ``obj`` and tell whether anything actually changed.

    Understands plain and foreign-key fields, StreamFields (given as lists of
    ``(block_type, value)`` tuples), ParentalManyToManyFields (lists of instances) and
    modelcluster child relations (lists of dicts of the child's field values).
    """
    changed = False
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if isinstance(field, StreamField):
            before = _without_ids(getattr(obj, name).get_prep_value())
            setattr(obj, name, value)
            changed |= before != _without_ids(getattr(obj, name).get_prep_value())
        elif isinstance(field, ParentalManyToManyField):
            manager = getattr(obj, name)
            if sorted(item.pk for item in manager.all()) != sorted(item.pk for item in value):
                manager.set(value)
                changed = True
        elif field.one_to_many:
            keys = list(value[0]) if value else []
            if _child_rows(getattr(obj, name), keys) != value:
                setattr(obj, name, [field.related_model(**row) for row in value])
                changed = True
        elif field.is_relation:
            desired = value.pk if value is not None else None
            if getattr(obj, field.attname) != desired:
                setattr(obj, name, value)
                changed = True
        elif getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def upsert_page(parent, model, slug, values):
    """Create the page ``slug`` under ``parent`` or bring it up to date; publish when written.

    Pages go through Wagtail's tree API and a published revision, so the page has a
    history and ``page_published`` receivers (such as the view restriction) run.
    Returns ``(page, outcome)``.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug)
        assign(page, values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, CREATED
    if assign(page, values) or not page.live:
        page.save_revision().publish()
        return page, UPDATED
    return page, UNCHANGED


def upsert_page_translation(source, locale, values):
    """Create or update the translation of ``source`` in ``locale`` and publish it.

    New translations are made with ``copy_for_translation(copy_parents=True)``, as the
    editor's "Translate" action does, so they share the source's translation key.
    Returns ``(page, outcome)``.
    """
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale, copy_parents=True).specific
        assign(page, values)
        page.save_revision().publish()
        return page, CREATED
    page = page.specific
    if assign(page, values) or not page.live:
        page.save_revision().publish()
        return page, UPDATED
    return page, UNCHANGED


def upsert_snippet(model, locale, lookup, values):
    """Update-or-create a translatable snippet found by ``lookup`` in ``locale``."""
    obj = model.objects.filter(locale=locale, **lookup).first()
    if obj is None:
        obj = model(locale=locale, **lookup)
        assign(obj, values)
        obj.save()
        return obj, CREATED
    if assign(obj, values):
        obj.save()
        return obj, UPDATED
    return obj, UNCHANGED


def upsert_snippet_translation(source, locale, values):
    """Update-or-create the translation of a snippet (same translation key as ``source``)."""
    obj = source.get_translation_or_none(locale)
    outcome = UNCHANGED
    if obj is None:
        obj = source.copy_for_translation(locale)
        obj.save()
        outcome = CREATED
    if assign(obj, values):
        obj.save()
        outcome = outcome if outcome == CREATED else UPDATED
    return obj, outcome


def rich(*paragraphs):
    """Rich text from the paragraphs of a data file (see ``data/README.md``).

    A paragraph is a string: "## " starts an <h2>, "### " an <h3>, a string starting with "<"
    is HTML already, anything else becomes a <p>. A table ``{bullets = [...]}`` or
    ``{numbered = [...]}`` becomes a bulleted or numbered list.
    """
    parts = []
    for text in paragraphs:
        if isinstance(text, dict):
            ((kind, items),) = text.items()
            parts.append(bullets(*items, ordered={"bullets": False, "numbered": True}[kind]))
        elif text.startswith("### "):
            parts.append(f"<h3>{text[4:]}</h3>")
        elif text.startswith("## "):
            parts.append(f"<h2>{text[3:]}</h2>")
        elif text.startswith("<"):
            parts.append(text)
        else:
            parts.append(f"<p>{text}</p>")
    return "".join(parts)


def bullets(*items, ordered=False):
    """An HTML list for rich text."""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"
