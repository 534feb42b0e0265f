"""The result pages' navigation stays short however many pages there are."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.markup import parse


def render_pagination(pages, current, query=""):
    paginator = Paginator(range(pages * 12), 12)
    request = RequestFactory().get(f"/projekte/?{query}page={current}")
    html = render_to_string(
        "includes/pagination.html", {"page_obj": paginator.page(current)}, request=request
    )
    return parse(html)


def page_links(nav):
    return [a.text.split()[-1] for a in nav.select("a") if not a.get("rel")]


def test_many_pages_link_first_last_and_neighbours_only():
    nav = render_pagination(pages=836, current=400)
    assert page_links(nav) == ["1", "398", "399", "401", "402", "836"]
    assert nav.select_one("[aria-current=page]").text.endswith("400")
    # The gaps are shown but not read out.
    assert [li.text for li in nav.select("li[aria-hidden=true]")] == ["…", "…"]
    assert nav.select_one("a[rel=prev]").get("href") == "?page=399"
    assert nav.select_one("a[rel=next]").get("href") == "?page=401"


def test_few_pages_are_all_linked_and_filters_are_kept():
    nav = render_pagination(pages=5, current=1, query="status=open&")
    assert page_links(nav) == ["2", "3", "4", "5"]
    assert not nav.select("li[aria-hidden=true]")
    assert nav.select_one("a[rel=next]").get("href") == "?status=open&page=2"


def test_single_page_has_no_navigation():
    assert not render_pagination(pages=1, current=1).select("nav")
