"""Read the HTML of a response as a tree: find elements with simple CSS selectors, read text.

Tests check what a page says and how it is structured, not how a template happens to lay
out whitespace or order attributes. To compare a fragment of markup, use Django's
``assertInHTML`` (``pytest_django.asserts``), if need be on an element's ``html``; this
module finds the element to look at.

Selectors: ``tag``, ``*``, ``.class``, ``#id``, ``[attr]``, ``[attr=value]``,
``[attr^=value]``, ``[attr*=value]``, ``[attr~=value]``, combined into compounds
(``dl.facts``), with descendant (space) and child (``>``) combinators, and groups (``th, td``).
"""

import json
import re
from html import escape
from html.parser import HTMLParser

from django.utils.html import VOID_ELEMENTS

# Elements whose end tag may be left out, and the start tags that close them implicitly.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
}  # fmt: skip
_CLOSED_BY = {
    "p": _BLOCKS,
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "option": {"option", "optgroup"},
    "optgroup": {"optgroup"},
    "tr": {"tr"},
    "td": {"td", "th", "tr"},
    "th": {"td", "th", "tr"},
}
_RAW_TEXT = {"script", "style"}


class Element:
    """An element (or, with ``tag`` None, the document) with its attributes and children."""

    def __init__(self, tag, attrs=(), parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def __repr__(self):
        return f"<Element {self.tag} {self.attrs}>"

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def get(self, name, default=None):
        """The attribute's value; None for an attribute without value (``<input checked>``)."""
        return self.attrs.get(name, default)

    def has(self, name):
        return name in self.attrs

    def iter(self):
        """Every element below this one, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    @property
    def raw_text(self):
        """The text below this element exactly as written (entities decoded)."""
        return "".join(
            child if isinstance(child, str) else child.raw_text for child in self.children
        )

    @property
    def text(self):
        """The text below this element with runs of whitespace made one space, trimmed."""
        return " ".join(self.raw_text.split())

    @property
    def html(self):
        """This element serialised as HTML (for assertInHTML or a failure message)."""
        inner = "".join(
            child.html
            if isinstance(child, Element)
            else child
            if self.tag in _RAW_TEXT
            else escape(child, quote=False)
            for child in self.children
        )
        if self.tag is None:
            return inner
        attrs = "".join(
            f" {name}" if value is None else f' {name}="{escape(value)}"'
            for name, value in self.attrs.items()
        )
        if self.tag in VOID_ELEMENTS:
            return f"<{self.tag}{attrs}>"
        return f"<{self.tag}{attrs}>{inner}</{self.tag}>"

    def select(self, selector):
        """The elements below this one that match ``selector``, in document order."""
        groups = [_parse_selector(part) for part in selector.split(",")]
        return [
            element
            for element in self.iter()
            if any(_matches(element, steps, len(steps) - 1, self) for steps in groups)
        ]

    def select_one(self, selector):
        """The first element matching ``selector``; fails the test when there is none."""
        found = self.select(selector)
        assert found, f"no element matches {selector!r}"
        return found[0]

    def texts(self, selector):
        """The text of each element matching ``selector``, in document order."""
        return [element.text for element in self.select(selector)]

    def ancestor(self, tag):
        """The nearest enclosing element with ``tag``, or None."""
        parent = self.parent
        while parent is not None and parent.tag != tag:
            parent = parent.parent
        return parent


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element(None)
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        while self.open[-1].tag in _CLOSED_BY and tag in _CLOSED_BY[self.open[-1].tag]:
            self.open.pop()
        element = Element(tag, attrs, parent=self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        # A stray end tag closes nothing; a missing one is closed with its parent.
        if any(element.tag == tag for element in self.open[1:]):
            while self.open.pop().tag != tag:
                pass

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(source):
    """The document tree of a response, or of HTML given as str or bytes."""
    if hasattr(source, "content"):
        source = source.content.decode(getattr(source, "charset", None) or "utf-8")
    elif isinstance(source, bytes):
        source = source.decode()
    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    return builder.root


def card_titles(source):
    """The titles of a listing's cards (the card links' text, highlights removed), in order."""
    return parse(source).texts("a.card__link")


def description_list(element):
    """A ``<dl>`` as {term: description}, each as its text."""
    pairs, term = {}, None
    for child in element.iter():
        if child.tag == "dt":
            term = child.text
        elif child.tag == "dd" and term is not None:
            pairs[term] = child.text
    return pairs


def json_ld(source):
    """Every JSON-LD object of the page (``<script type="application/ld+json">``), parsed."""
    scripts = parse(source).select('script[type="application/ld+json"]')
    return [json.loads(script.raw_text) for script in scripts]


# Selectors

_TOKEN = re.compile(
    r"""
    \s*(?P<child>>)\s*
    | (?P<space>\s+)
    | (?P<tag>[a-zA-Z][\w-]*|\*)
    | \.(?P<cls>[\w-]+)
    | \#(?P<id>[\w-]+)
    | \[\s*(?P<attr>[\w:-]+)\s*
        (?:(?P<op>[\^*~]?=)\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\]\s]+))\s*)?\]
    """,
    re.VERBOSE,
)


class _Compound:
    def __init__(self):
        self.tag = None
        self.conditions = []  # (attribute, operator or None, value)
        self.combinator = None  # how it relates to the compound before it: " " or ">"


def _parse_selector(selector):
    steps, current, position = [], _Compound(), 0
    selector = selector.strip()
    if not selector:
        raise ValueError("empty selector")
    while position < len(selector):
        match = _TOKEN.match(selector, position)
        if not match:
            raise ValueError(f"cannot read selector {selector!r} at {position}")
        position = match.end()
        if match["child"] or match["space"]:
            steps.append(current)
            current = _Compound()
            current.combinator = ">" if match["child"] else " "
        elif match["tag"]:
            current.tag = None if match["tag"] == "*" else match["tag"].lower()
        elif match["cls"]:
            current.conditions.append(("class", "~=", match["cls"]))
        elif match["id"]:
            current.conditions.append(("id", "=", match["id"]))
        else:
            quoted = (match["dq"], match["sq"], match["bare"])
            value = next((v for v in quoted if v is not None), None)
            current.conditions.append((match["attr"].lower(), match["op"], value))
    steps.append(current)
    return steps


def _matches_compound(element, compound):
    if compound.tag and element.tag != compound.tag:
        return False
    for name, operator, expected in compound.conditions:
        if name not in element.attrs:
            return False
        actual = element.attrs[name] or ""
        if operator == "=" and actual != expected:
            return False
        if operator == "~=" and expected not in actual.split():
            return False
        if operator == "^=" and not actual.startswith(expected):
            return False
        if operator == "*=" and expected not in actual:
            return False
    return True


def _matches(element, steps, index, scope):
    """Does ``element`` match ``steps[: index + 1]``, with ancestors no higher than ``scope``?"""
    if not _matches_compound(element, steps[index]):
        return False
    if index == 0:
        return True
    if element is scope:
        return False
    parent = element.parent
    if steps[index].combinator == ">":
        return parent.tag is not None and _matches(parent, steps, index - 1, scope)
    while parent is not None and parent.tag is not None:
        if _matches(parent, steps, index - 1, scope):
            return True
        if parent is scope:
            return False
        parent = parent.parent
    return False
