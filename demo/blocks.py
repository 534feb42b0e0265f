"""Short constructors for body blocks, so the content modules read like content.

Each returns a ``(block_type, value)`` tuple for a ``BodyStreamBlock`` StreamField.
"""

from .base import rich


def link(page=None, url="", label=""):
    """A LinkBlock value: an internal page or an external address."""
    return {"label": label, "page": page, "url": url}


def text(*paragraphs):
    """A rich text block; see ``base.rich`` for the paragraph shorthand."""
    return ("rich_text", rich(*paragraphs))


def figures(title, items):
    """Key figures from ``(value, label)`` pairs."""
    return (
        "key_figures",
        {"title": title, "figures": [{"value": v, "label": label} for v, label in items]},
    )


def faq(title, items):
    """An accordion from ``(question, answer paragraphs)`` pairs."""
    return (
        "faq",
        {
            "title": title,
            "items": [
                {"question": question, "answer": rich(*answer)} for question, answer in items
            ],
        },
    )


def cta(title, body, page, label):
    """A call to action with one button linking to ``page``."""
    return ("call_to_action", {"title": title, "text": body, "link": link(page, label=label)})


def cards(title, items):
    """Cards from ``(title, text, page)`` triples; every card links to its page."""
    return (
        "cards",
        {
            "title": title,
            "cards": [
                {"title": card_title, "text": body, "image": None, "link": link(page)}
                for card_title, body, page in items
            ],
        },
    )


def quote(body, author="", role=""):
    """A quote block. Attribute to roles or to the organisation, never to invented persons."""
    return ("quote", {"quote": body, "author": author, "role": role})
