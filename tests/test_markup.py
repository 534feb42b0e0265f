"""The HTML helper of the tests reads markup the way a browser would, not the way it is typed."""

import pytest
from pytest_django.asserts import assertInHTML

from tests.markup import card_titles, description_list, parse

PAGE = """<!doctype html>
<html lang="de">
<head><title>Seite</title>
<script type="application/ld+json">{"name":  "A  &amp; B"}</script></head>
<body>
  <main id="inhalt">
    <h1 class="title  big">Digitale <mark>Akte</mark>
       Kassel</h1>
    <ul class="list"><li>eins<li>zwei</li><li data-x="3">drei</ul>
    <dl class="facts"><dt>Start<dd>Oktober 2031<dt>Dauer</dt><dd><b>6</b> Monate</dd></dl>
    <p>Ein Absatz<div class="after">danach</div>
    <input type="checkbox" name="s" value="HE" checked><br/>
    <span>Ende</span></span></p>
  </main>
  <article class="card"><h3><a class="card__link" href="/a/">E-<mark>Akte</mark></a></h3></article>
  <article class="card card--wide"><a class="card__link" href="/b/">Zweite</a></article>
</body>
</html>"""


@pytest.fixture
def doc():
    return parse(PAGE)


def test_text_is_read_with_whitespace_collapsed_and_inline_markup_joined(doc):
    assert doc.select_one("h1").text == "Digitale Akte Kassel"
    assert card_titles(PAGE) == ["E-Akte", "Zweite"]


def test_selectors_by_tag_class_id_attribute_and_combinators(doc):
    assert [e.tag for e in doc.select("#inhalt > h1.big")] == ["h1"]
    assert doc.select("body > h1") == []
    assert doc.texts("ul.list li") == ["eins", "zwei", "drei"]
    assert doc.texts("li[data-x=3]") == ["drei"]
    assert doc.texts('a[href^="/a"]') == ["E-Akte"]
    assert len(doc.select("article.card")) == 2
    assert len(doc.select("article[class=card]")) == 1
    assert doc.texts("dt, dd") == ["Start", "Oktober 2031", "Dauer", "6 Monate"]


def test_elements_without_end_tag_are_closed_as_a_browser_closes_them(doc):
    assert doc.select_one("div.after").parent.tag == "main"
    assert doc.select_one("input").has("checked")
    assert doc.select_one("input").get("value") == "HE"
    assert doc.select_one("span").text == "Ende"
    assert description_list(doc.select_one("dl.facts")) == {
        "Start": "Oktober 2031",
        "Dauer": "6 Monate",
    }


def test_script_content_stays_as_written(doc):
    assert doc.select_one("script").raw_text == '{"name":  "A  &amp; B"}'


def test_serialised_element_compares_with_assert_in_html(doc):
    assertInHTML('<li data-x="3">drei</li>', doc.select_one("ul").html)
    # The tree is well formed even where the page is not: Django's parser reads it.
    assertInHTML('<h1 class="big title">Digitale <mark>Akte</mark> Kassel</h1>', doc.html)


def test_a_missing_element_fails_with_the_selector_named(doc):
    with pytest.raises(AssertionError, match="nav.breadcrumbs"):
        doc.select_one("nav.breadcrumbs")
