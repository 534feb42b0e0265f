"""The real municipalities that host the demo projects.

Municipality names are synchronised across languages, so pages point at the German
rows and no English rows are needed.
"""

from taxonomy.models import Bundesland, Municipality

from .base import Tally, upsert_snippet
from .content import load


def build_municipalities(locales):
    """Create or update the rows of data/municipalities.toml. Returns (tally, {name: obj})."""
    tally, by_name = Tally(), {}
    for row in load("municipalities")["municipalities"]:
        values = {key: value for key, value in row.items() if key != "name"}
        values["bundesland"] = Bundesland(row["bundesland"])
        obj, outcome = upsert_snippet(Municipality, locales.de, {"name": row["name"]}, values)
        tally.add(outcome)
        by_name[row["name"]] = obj
    return tally, by_name
