"""Body blocks from the block tables of the data files (see ``data/README.md``).

A table's ``type`` is the block's name in ``BodyStreamBlock``; pages are linked by key.
"""

from .base import rich


def _link(page, label=""):
    """A LinkBlock value pointing at an internal page."""
    return {"label": label, "page": page, "url": ""}


def _rich_text(block, pages):
    return rich(*block["paragraphs"])


def _key_figures(block, pages):
    figures = [{"value": row["value"], "label": row["label"]} for row in block["figures"]]
    return {"title": block["title"], "figures": figures}


def _figure(block, pages):
    """One key figure of the home page's own key figures field."""
    return {"value": block["value"], "label": block["label"]}


def _faq(block, pages):
    items = [
        {"question": row["question"], "answer": rich(*row["answer"])} for row in block["items"]
    ]
    return {"title": block["title"], "items": items}


def _call_to_action(block, pages):
    """One button linking to a page."""
    link = _link(pages[block["page"]], label=block["label"])
    return {"title": block["title"], "text": block["text"], "link": link}


def _cards(block, pages):
    """Cards without images; every card links to its page."""
    cards = [
        {
            "title": card["title"],
            "text": card["text"],
            "image": None,
            "link": _link(pages[card["page"]]),
        }
        for card in block["cards"]
    ]
    return {"title": block["title"], "cards": cards}


def _quote(block, pages):
    """Quotes are attributed to roles or to the organisation, never to invented persons."""
    return {
        "quote": block["quote"],
        "author": block.get("author", ""),
        "role": block.get("role", ""),
    }


BUILDERS = {
    "rich_text": _rich_text,
    "key_figures": _key_figures,
    "figure": _figure,
    "faq": _faq,
    "call_to_action": _call_to_action,
    "cards": _cards,
    "quote": _quote,
}


def stream(blocks, pages):
    """A StreamField value: ``(block_type, value)`` tuples, pages resolved from ``pages``."""
    return [(block["type"], BUILDERS[block["type"]](block, pages)) for block in blocks]
