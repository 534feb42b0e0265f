"""What the cards of the learning library and the expert pool show, read in few queries."""

from taxonomy.localization import localize_many


def localize_cards(page_obj, relation):
    """Give each item on ``page_obj`` a ``display_<relation>`` list in the active language.

    ``relation`` names a prefetched many-to-many of taxonomy rows (topics, expertise). The
    ``|localized`` filter would read the locale and the translation once per row.
    """
    items = list(page_obj.object_list)
    page_obj.object_list = items
    rows = [row for item in items for row in getattr(item, relation).all()]
    localized = localize_many(rows)
    for item in items:
        setattr(
            item, f"display_{relation}", [localized[row] for row in getattr(item, relation).all()]
        )
