"""The faceted project search: one query builder for the listing, the API and both engines.

``ProjectSearch`` turns a search text and the cleaned data of ``ProjectFilterSet`` into a
search request built with whichever DSL ``search.dsl.get_dsl()`` returns (opensearch-py or
elasticsearch.dsl: the same code serves OpenSearch and Elasticsearch 8).

How the facets stay right when several values are selected: the active filters are applied
as ``post_filter`` (they narrow the hits, not the aggregations), and every facet's
aggregation is wrapped in a ``filter`` aggregation holding all the *other* active filters.
So with Hessen and Bayern selected, the Bundesland facet still counts the other states (as
they would be if added), while the topic facet counts only projects in Hessen or Bayern.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.locales import locale_by_id
from projects.search_document import index_alias
from projects.text_search import remote_share_weights
from search.analysis import content_words, language_for_locale
from search.dsl import get_client, get_dsl
from search.spelling import restore_case

PAGE_SIZE = 12
# Engines refuse from + size beyond 10,000 (index.max_result_window).
MAX_RESULT_WINDOW = 10_000
MAX_PAGE = MAX_RESULT_WINDOW // PAGE_SIZE
SIMILAR_COUNT = 3
AUTOCOMPLETE_COUNT = 8

# Query parameter -> indexed keyword field. The parameter names are ProjectFilterSet's.
FACET_FIELDS = {
    "bundesland": "bundesland",
    "topic": "topics",
    "competency": "competencies",
    "status": "status",
    "duration": "duration_bucket",
    "workload": "workload",
    "remote": "remote_bucket",
    "start": "start_period",
}
# Enough buckets for every value a facet can have (16 states, a few dozen topics).
FACET_SIZE = 200

# Searched fields with their weights: the title says most about a project.
TEXT_FIELDS = [
    "title^3",
    "summary",
    "challenge",
    "intended_impact",
    "target_groups",
    "body",
    "municipality",
    "topic_names",
    "competency_names",
    "region",
    "work_mode",
    "sponsor_role",
]
# Fields where the visitor's words in their order (a phrase) say most.
PHRASE_FIELDS = ["title^3", "summary", "topic_names^2", "competency_names^2", "challenge"]
# Most words of a query must match: all of one or two words, three of four, 75 % of more.
MINIMUM_WORDS = "2<75%"
# A query for remote work ranks projects by their share of it (text_search weights: 4 when
# mostly remote, like a title match on the database); this turns a weight into a score.
REMOTE_BOOST = 2
# When that finds nothing, the listing relaxes the query: any one of its content words.
ANY_WORD = "1"
# The suggester's field (the words as written, see search.analysis) and what it may change:
# up to two misspelt words, each from a word of at least three letters with its first letter.
SUGGEST_FIELD = "all_text.words"
SUGGEST_MAX_ERRORS = 2
# What "similar projects" compares.
SIMILARITY_FIELDS = ["title", "summary", "challenge", "intended_impact", "topic_names", "body"]

# Ordered sort clauses per sort name; the page id last keeps paging stable.
# Open projects first (the soonest deadline first), then the rest, the newest first: the
# same order as projects.filters.SORT_ORDERINGS["open"] on the database.
_OPEN_FIRST = {
    "_script": {
        "type": "number",
        "order": "asc",
        "script": {"source": "doc['status'].size() > 0 && doc['status'].value == 'open' ? 0 : 1"},
    }
}
_DEADLINE_IF_OPEN = {
    "_script": {
        "type": "number",
        "order": "asc",
        "script": {
            "source": (
                "doc['status'].size() > 0 && doc['status'].value == 'open' "
                "&& doc['application_deadline'].size() > 0 "
                "? doc['application_deadline'].value.toInstant().toEpochMilli() : Long.MAX_VALUE"
            )
        },
    }
}

SORTS = {
    "open": [
        _OPEN_FIRST,
        _DEADLINE_IF_OPEN,
        {"first_published_at": {"order": "desc", "missing": "_last"}},
        {"page_id": {"order": "desc"}},
    ],
    "relevance": [
        "_score",
        {"first_published_at": {"order": "desc", "missing": "_last"}},
        {"page_id": {"order": "desc"}},
    ],
    "newest": [
        {"first_published_at": {"order": "desc", "missing": "_last"}},
        {"page_id": {"order": "desc"}},
    ],
    "start": [{"start_date": {"order": "asc"}}, {"page_id": {"order": "asc"}}],
    "deadline": [
        {"application_deadline": {"order": "asc", "missing": "_last"}},
        {"start_date": {"order": "asc"}},
        {"page_id": {"order": "asc"}},
    ],
}

# Highlight markers that cannot occur in text a person typed (Unicode private use area):
# the fragments are escaped as a whole and only then are the markers turned into <mark>.
_PRE, _POST = "\ue000", "\ue001"
# Highlighting is the costliest part of the request (the engine re-analyses each hit's text),
# so only what the cards show: the title and a snippet of the challenge.
HIGHLIGHT_FIELDS = {
    "title": {"number_of_fragments": 0},
    "challenge": {"fragment_size": 160, "number_of_fragments": 2},
}
SOURCE_FIELDS = [
    "page_id",
    "title",
    "url",
    "municipality",
    "bundesland",
    "status",
    "start_date",
    "duration_months",
]


def safe_highlight(fragment):
    """An engine highlight fragment as safe HTML: everything escaped except our <mark> tags."""
    text = escape(fragment)
    return mark_safe(text.replace(_PRE, "<mark>").replace(_POST, "</mark>"))  # noqa: S308


def filters_from_cleaned_data(cleaned_data):
    """The active facet filters from ProjectFilterSet's cleaned data: ``{param: [str, ...]}``.

    Taxonomy filters hold model instances; the index stores their (German) pks as strings.
    """
    active = {}
    for param in FACET_FIELDS:
        values = cleaned_data.get(param) or []
        strings = sorted({str(getattr(value, "pk", value)) for value in values})
        if strings:
            active[param] = strings
    return active


@dataclass
class FacetOption:
    """One value of a facet: what it is called, how many projects have it, whether chosen."""

    value: str
    label: str
    count: int | None
    selected: bool


@dataclass
class ProjectHit:
    """One found project as the index stores it, with safe highlighted snippets."""

    id: int
    title: str
    url: str
    municipality: str
    bundesland: str
    status: str
    start_date: str | None
    duration_months: int | None
    title_highlight: str | None = None
    snippet: str | None = None


@dataclass
class ProjectSearchResult:
    """What one search answered: the hits of the requested page, the total and the counts."""

    total: int
    page: int
    page_size: int
    hits: list[ProjectHit]
    # {param: {value: count}} for every facet, counted under the other facets' filters.
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)


class ProjectSearch:
    """A faceted search over the projects of one language.

    ``filters`` maps facet parameters (see FACET_FIELDS) to lists of chosen values, as
    ``filters_from_cleaned_data`` makes them; ``sort`` is a key of SORTS (default: relevance
    with a text, open projects first without); ``page`` counts from 1. ``dsl`` is a
    ``get_dsl()`` namespace, by default the configured library's.
    """

    def __init__(
        self,
        *,
        lang="de",
        query="",
        filters=None,
        sort=None,
        page=1,
        page_size=PAGE_SIZE,
        dsl=None,
        any_words=False,
    ):
        self.lang = lang
        self.query = (query or "").strip()
        # Any one word instead of most words; the stopwords go, or "auf" would find everything.
        self.any_words = any_words
        if any_words:
            self.query = " ".join(content_words(self.query, lang)) or self.query
        self.filters = {k: list(v) for k, v in (filters or {}).items() if k in FACET_FIELDS and v}
        self.sort = sort if sort in SORTS else ("relevance" if self.query else "open")
        self.page = max(1, min(int(page), MAX_PAGE))
        self.page_size = page_size
        self.dsl = dsl or get_dsl()

    def _filter_clause(self, param):
        return self.dsl.Q("terms", **{FACET_FIELDS[param]: self.filters[param]})

    def _filters_except(self, excluded):
        return [self._filter_clause(p) for p in self.filters if p != excluded]

    def text_query(self):
        """The scoring part: the text matched across the weighted fields, or everything.

        Any of these clauses finds a project; their scores add up, so a project
        that matches more ways ranks higher:

        * ``cross_fields``: the words may be spread over the fields (topic "Personal", title
          "gewinnen"), and the minimum (MINIMUM_WORDS) counts words over all fields together,
          not per field as ``best_fields`` did, which missed such projects entirely;
        * the words as a phrase in the title, summary, topics or competencies: exact matches
          rank above projects that only contain the words somewhere;
        * the compound parts (``all_text.parts``): "Bus" finds "Rufbus", weighted lower since a
          part says less than the whole word; when relaxed, once more with the query's own
          compounds split ("Impfzentren" finds "Impf- und Testlogistik"), weighted lower still;
        * small typos (``fuzziness``, first letter fixed) over all the words as written,
          weighted lowest;
        * for a query about remote work, the projects' share of it (REMOTE_BOOST).
        """
        if not self.query:
            return self.dsl.Q("match_all")
        Q = self.dsl.Q
        lang = self.lang if self.lang in ("de", "en") else "de"
        minimum = ANY_WORD if self.any_words else MINIMUM_WORDS
        # Only when relaxed (the query found nothing): the query's own compounds split, so
        # "Impfzentren" finds "Impf- und Testlogistik". Always on, it would let every compound
        # find whatever shares a part with it, and hide a misspelt word's "Meinten Sie …?".
        split = (
            [
                Q(
                    "match",
                    **{
                        "all_text.parts": {
                            "query": self.query,
                            "analyzer": f"{lang}_parts_search",
                            "minimum_should_match": minimum,
                            "boost": 0.3,
                        }
                    },
                )
            ]
            if self.any_words
            else []
        )
        # "Homeoffice", "mobil arbeiten": the share of mobile work is a fact of the project,
        # not a word of its texts; mostly remote projects match and rank first.
        remote = [
            Q("range", remote_share={"gte": low, "lte": high, "boost": weight * REMOTE_BOOST})
            for (low, high), weight in remote_share_weights(self.query, lang)
        ]
        return Q(
            "bool",
            should=[
                *split,
                *remote,
                Q(
                    "multi_match",
                    query=self.query,
                    fields=TEXT_FIELDS,
                    type="cross_fields",
                    minimum_should_match=minimum,
                    tie_breaker=0.3,
                ),
                Q(
                    "multi_match",
                    query=self.query,
                    fields=PHRASE_FIELDS,
                    type="phrase",
                    slop=1,
                    boost=2,
                ),
                Q(
                    "match",
                    **{
                        "all_text.parts": {
                            "query": self.query,
                            "minimum_should_match": minimum,
                            "boost": 0.5,
                        }
                    },
                ),
                Q(
                    "match",
                    **{
                        # The words as written, not their stems: one letter away from a stem
                        # is often another word ("Lehrer" -> "lehr" -> "leer"). Without
                        # synonyms: a fuzzy synonym expansion finds too much. One typo from
                        # five letters on, two from eight.
                        "all_text.words": {
                            "query": self.query,
                            "fuzziness": "AUTO:5,8",
                            "prefix_length": 1,
                            "minimum_should_match": minimum,
                            "boost": 0.2,
                        }
                    },
                ),
            ],
            minimum_should_match=1,
        )

    def build(self, index=None):
        """The search request (a DSL ``Search``) for the requested page, facets and highlights."""
        dsl = self.dsl
        search = dsl.Search(index=index or index_alias(self.lang)).query(self.text_query())
        if self.filters:
            search = search.post_filter(
                "bool", filter=[self._filter_clause(p) for p in self.filters]
            )
        for param, field_name in FACET_FIELDS.items():
            others = self._filters_except(param)
            scope = dsl.Q("bool", filter=others) if others else dsl.Q("match_all")
            search.aggs.bucket(param, "filter", filter=scope).bucket(
                "values", "terms", field=field_name, size=FACET_SIZE
            )
        if self.query:
            search = search.highlight_options(pre_tags=[_PRE], post_tags=[_POST])
            for name, options in HIGHLIGHT_FIELDS.items():
                search = search.highlight(name, **options)
        start = (self.page - 1) * self.page_size
        search = search.sort(*SORTS[self.sort]).source(SOURCE_FIELDS)
        return search.extra(from_=start, size=self.page_size, track_total_hits=True)

    def suggestion(self, client=None):
        """A corrected query for a misspelt one ("Fachkräfe" -> "Fachkräfte"), or None.

        The engine's phrase suggester proposes words of the indexed texts for words it does not
        know; ``collate`` keeps only a correction that finds projects itself, so the link
        "Meinten Sie …?" never leads to an empty page. Filters are not considered.
        """
        if not self.query:
            return None
        phrase = {
            "field": SUGGEST_FIELD,
            "size": 1,
            "gram_size": 1,
            "max_errors": SUGGEST_MAX_ERRORS,
            "direct_generator": [
                {"field": SUGGEST_FIELD, "min_word_length": 3, "prefix_length": 1}
            ],
            "collate": {
                "query": {
                    "source": {
                        "match": {
                            ALL_TEXT_FIELD: {
                                "query": "{{suggestion}}",
                                "minimum_should_match": MINIMUM_WORDS,
                            }
                        }
                    }
                },
                "prune": False,
            },
        }
        search = (
            self.dsl.Search(index=index_alias(self.lang))
            .suggest("did_you_mean", self.query, phrase=phrase)
            .extra(size=0)
        )
        response = search.using(client or get_client()).execute().to_dict()
        for entry in response.get("suggest", {}).get("did_you_mean", []):
            for option in entry.get("options", []):
                return restore_case(self.query, option["text"])
        return None

    def execute(self, client=None):
        """Run the search against the engine; raises the DSL's engine errors on failure."""
        search = self.build().using(client or get_client())
        response = search.execute().to_dict()  # each to_dict() copies the whole answer
        return ProjectSearchResult(
            total=_total(response),
            page=self.page,
            page_size=self.page_size,
            hits=[_hit(raw) for raw in response["hits"]["hits"]],
            facet_counts=_facet_counts(response.get("aggregations", {})),
        )


ALL_TEXT_FIELD = "all_text"


def _total(response):
    total = response["hits"]["total"]
    return total["value"] if isinstance(total, dict) else int(total)


def _hit(raw):
    source = raw.get("_source", {})
    highlight = raw.get("highlight", {})
    title = highlight.get("title")
    snippet = highlight.get("challenge")
    return ProjectHit(
        id=int(source.get("page_id") or raw["_id"]),
        title=source.get("title", ""),
        url=source.get("url", ""),
        municipality=source.get("municipality") or "",
        bundesland=source.get("bundesland") or "",
        status=source.get("status") or "",
        start_date=source.get("start_date"),
        duration_months=source.get("duration_months"),
        title_highlight=safe_highlight(title[0]) if title else None,
        snippet=safe_highlight(" … ".join(snippet)) if snippet else None,
    )


def _facet_counts(aggregations):
    counts = {}
    for param in FACET_FIELDS:
        buckets = aggregations.get(param, {}).get("values", {}).get("buckets", [])
        counts[param] = {str(b["key"]): b["doc_count"] for b in buckets}
    return counts


def facet_options(choices, counts, selected):
    """The options of one facet for display: every choice with its count, chosen ones marked.

    ``choices`` are ``(value, label)`` pairs in display order; values that only the engine
    knows (counted but not among the choices) are appended with the value as label.
    ``counts`` may be None (no engine): then every count is None.
    """
    selected = {str(value) for value in selected}
    options = []
    seen = set()
    for value, label in choices:
        value = str(value)
        seen.add(value)
        count = None if counts is None else counts.get(value, 0)
        options.append(FacetOption(value, str(label), count, value in selected))
    for value, count in (counts or {}).items():
        if value not in seen:
            options.append(FacetOption(value, value, count, value in selected))
    return options


def similar_project_ids(page, client=None, dsl=None, size=SIMILAR_COUNT):
    """Ids of the projects most like ``page`` in its own language (never the page itself)."""
    dsl = dsl or get_dsl()
    language_code = locale_by_id(page.locale_id).language_code
    lang = language_for_locale(language_code)
    alias = index_alias(lang)
    search = (
        dsl.Search(index=alias)
        .query(
            "bool",
            must=[
                dsl.Q(
                    "more_like_this",
                    fields=SIMILARITY_FIELDS,
                    like=[{"_index": alias, "_id": str(page.pk)}],
                    min_term_freq=1,
                    min_doc_freq=1,
                    max_query_terms=25,
                    minimum_should_match="10%",
                )
            ],
            filter=[dsl.Q("term", locale=language_code)],
            must_not=[dsl.Q("ids", values=[str(page.pk)])],
        )
        .source(["page_id"])
        .extra(size=size)
    )
    response = search.using(client or get_client()).execute()
    return [int(hit["_id"]) for hit in response.to_dict()["hits"]["hits"]]


_WORDLESS = re.compile(r"^\W*$")


def autocomplete_titles(prefix, lang="de", client=None, dsl=None, size=AUTOCOMPLETE_COUNT):
    """Up to ``size`` projects whose title words start with the typed words.

    Returns ``[{"id", "title", "url"}]`` from the index of ``lang``.
    """
    prefix = (prefix or "").strip()
    if _WORDLESS.match(prefix):
        return []
    dsl = dsl or get_dsl()
    search = (
        dsl.Search(index=index_alias(lang))
        .query("match", **{"title.suggest": {"query": prefix, "operator": "and"}})
        .source(["page_id", "title", "url"])
        .extra(size=size)
    )
    response = search.using(client or get_client()).execute()
    return [
        {
            "id": int(hit["_source"].get("page_id") or hit["_id"]),
            "title": hit["_source"].get("title", ""),
            "url": hit["_source"].get("url", ""),
        }
        for hit in response.to_dict()["hits"]["hits"]
    ]
