"""The project search document: index names, analysis, mappings and page -> document.

One index per language behind an alias (``{SEARCH_INDEX_PREFIX}_projects_{lang}``); the
concrete indices are ``{alias}_{timestamp}`` so that ``search_rebuild`` can build a new one and
swap the alias without downtime. German pages go to the German index and are analysed with
German stemming and umlaut folding, English translations go to the English index.
"""

import datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone

SYNONYMS_DIR = Path(__file__).resolve().parent / "synonyms"
LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
DEFAULT_INDEX_PREFIX = "lokalprojekte"

# The same buckets as projects/filters.py DURATION_BUCKETS (imported lazily there would pull
# django-filter into every indexing run; tests keep the two in step).
DURATION_BUCKETS = {"6-9": (6, 9), "10-12": (10, 12), "13-18": (13, 18)}


def index_prefix():
    """SEARCH_INDEX_PREFIX without trailing underscores (tests use one per run)."""
    prefix = getattr(settings, "SEARCH_INDEX_PREFIX", DEFAULT_INDEX_PREFIX) or ""
    return prefix.strip().rstrip("_") or DEFAULT_INDEX_PREFIX


def index_alias(lang):
    """The alias through which the ``lang`` project index is read and written."""
    if lang not in LANGUAGES:
        raise ValueError(f"No project index for language {lang!r}")
    return f"{index_prefix()}_projects_{lang}"


def new_index_name(lang, now=None):
    """A fresh concrete index name for ``lang``: ``{alias}_{UTC timestamp with microseconds}``."""
    now = now or timezone.now()
    return f"{index_alias(lang)}_{now.astimezone(datetime.UTC):%Y%m%d%H%M%S%f}"


def language_for_locale(language_code):
    """The index language for a Wagtail locale's language code ("en-gb" -> "en").

    Languages without an index of their own are analysed as German, the site's default.
    """
    lang = (language_code or DEFAULT_LANGUAGE).split("-")[0].lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@cache
def load_synonyms(lang):
    """The synonym rules for ``lang`` from search/synonyms/<lang>.txt (Solr format).

    Blank lines and ``#`` comments are dropped; the rules are sent inline with the index
    settings, so the engine's nodes need no file of their own.
    """
    lines = (SYNONYMS_DIR / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _analysis(lang):
    synonyms = {"type": "synonym_graph", "synonyms": list(load_synonyms(lang)), "lenient": True}
    if lang == "de":
        # german_normalization folds ä/ö/ü/ß and also ae/oe/ue, so "Muenchen" meets "München";
        # the light stemmer keeps "digitale" and "digital" together without conflating much.
        folding = ["german_normalization", "asciifolding"]
        stemming = ["light_german_stemmer"]
        filters = {"light_german_stemmer": {"type": "stemmer", "language": "light_german"}}
    else:
        folding = ["asciifolding"]
        stemming = ["english_possessive_stemmer", "english_stemmer"]
        filters = {
            "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
            # "english" is the Porter stemmer: municipalities -> municip <- municipality.
            "english_stemmer": {"type": "stemmer", "language": "english"},
        }
    filters[f"{lang}_synonyms"] = synonyms
    filters["autocomplete_edge_ngram"] = {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}
    text_chain = ["lowercase", f"{lang}_synonyms", *folding, *stemming]
    return {
        "filter": filters,
        "analyzer": {
            # Query time: with synonyms. synonym_graph belongs at query time only; at index time
            # a multi-word synonym would be flattened into wrong positions.
            f"{lang}_text": {"type": "custom", "tokenizer": "standard", "filter": text_chain},
            # Index time: the same chain without synonyms.
            f"{lang}_index": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", *folding, *stemming],
            },
            "autocomplete": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", *folding, "autocomplete_edge_ngram"],
            },
            "autocomplete_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", *folding],
            },
        },
    }


def _text(lang, **extra):
    return {"type": "text", "analyzer": f"{lang}_index", "search_analyzer": f"{lang}_text", **extra}


def index_mappings(lang):
    """The field mappings of the ``lang`` project index (see the search contract)."""
    keyword = {"type": "keyword"}
    return {
        "dynamic": "strict",
        "properties": {
            "page_id": {"type": "integer"},
            "translation_key": keyword,
            "locale": keyword,
            "url": {"type": "keyword", "index": False},
            "title": _text(
                lang,
                fields={
                    "suggest": {
                        "type": "text",
                        "analyzer": "autocomplete",
                        "search_analyzer": "autocomplete_search",
                    },
                    "raw": {"type": "keyword"},
                },
            ),
            "summary": _text(lang),
            "challenge": _text(lang),
            "intended_impact": _text(lang),
            "target_groups": _text(lang),
            "body": _text(lang),
            "municipality": _text(lang, fields={"raw": {"type": "keyword"}}),
            "bundesland": keyword,
            "topics": keyword,
            "topic_names": _text(lang),
            "competencies": keyword,
            "competencies_must": keyword,
            "competency_names": _text(lang),
            "status": keyword,
            "duration_months": {"type": "integer"},
            "duration_bucket": keyword,
            "workload": keyword,
            "remote_share": {"type": "integer"},
            "start_date": {"type": "date"},
            "start_period": keyword,
            "application_deadline": {"type": "date"},
            "first_published_at": {"type": "date"},
            "last_published_at": {"type": "date"},
        },
    }


def index_settings(lang):
    """The body for creating a ``lang`` project index: settings with analysis, and mappings.

    One shard: the whole programme has thousands of projects, not millions, and a single shard
    keeps scoring exact. No replicas on the single-node development/CI engine.
    """
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": _analysis(lang),
        },
        "mappings": index_mappings(lang),
    }


def duration_bucket(months):
    """The listing's duration bucket ("6-9", "10-12", "13-18") for ``months``, or None."""
    if months is None:
        return None
    for bucket, (low, high) in DURATION_BUCKETS.items():
        if low <= months <= high:
            return bucket
    return None


def start_period(date):
    """The quarter a project starts in, as "YYYY-Qn" (the start period facet), or None."""
    if date is None:
        return None
    return f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def _iso(value):
    return value.isoformat() if value is not None else None


def _plain(html):
    from wagtail.rich_text import get_text_for_indexing

    return get_text_for_indexing(html or "")


def _stream_text(stream_value):
    """The plain text of a StreamField value, as Wagtail's own indexing extracts it."""
    if not stream_value:
        return ""
    parts = stream_value.stream_block.get_searchable_content(stream_value)
    return " ".join(_plain(str(part)) for part in parts if part)


class DocumentCache:
    """What building many documents shares: taxonomy names and pks, page URLs of parents.

    Pages refer to the German taxonomy instances; the document stores those pks (so filters use
    the same values in every language) and the names in the page's language. Each taxonomy table
    is read once per instance of this class, so a bulk run with one instance costs a few queries.
    """

    def __init__(self):
        self._names = {}
        self._canonical = {}
        self._default_locale_id = None
        self._parent_urls = {}
        self.related = {}

    def prefetch(self, pages):
        """Load the topics and competence profiles of ``pages`` in two queries.

        Django's prefetch_related builds a queryset per page to hold the rows, which costs more
        than everything else in a bulk run; plain dictionaries do the same job.
        """
        from projects.models import ProjectCompetency, ProjectPage

        ids = [page.pk for page in pages]
        for pk in ids:
            self.related[pk, "topics"] = []
            self.related[pk, "competence_profile"] = []
        through = ProjectPage.topics.through
        for row in through.objects.filter(projectpage_id__in=ids).select_related("topic"):
            self.related[row.projectpage_id, "topics"].append(row.topic)
        rows = ProjectCompetency.objects.filter(project_id__in=ids).select_related("competency")
        for row in rows:
            self.related[row.project_id, "competence_profile"].append(row)

    def forget(self, pages):
        """Drop what ``prefetch`` loaded for ``pages`` (keeps memory flat in long runs)."""
        for page in pages:
            self.related.pop((page.pk, "topics"), None)
            self.related.pop((page.pk, "competence_profile"), None)

    @property
    def default_locale_id(self):
        """The pk of the default (German) locale, looked up once."""
        if self._default_locale_id is None:
            from wagtail.models import Locale

            self._default_locale_id = Locale.get_default().pk
        return self._default_locale_id

    def _load(self, model, locale_id):
        key = (model._meta.label, locale_id)
        if key not in self._names:
            rows = model.objects.filter(locale_id=locale_id).order_by()
            self._names[key] = dict(rows.values_list("translation_key", "name"))
        return self._names[key]

    def canonical_pk(self, obj):
        """The pk of the default-locale instance that ``obj`` translates (usually ``obj.pk``)."""
        default_id = self.default_locale_id
        if obj.locale_id == default_id:
            return obj.pk
        label = obj._meta.label
        if label not in self._canonical:
            rows = type(obj).objects.filter(locale_id=default_id).order_by()
            self._canonical[label] = dict(rows.values_list("translation_key", "pk"))
        return self._canonical[label].get(obj.translation_key, obj.pk)

    def name(self, obj, locale_id):
        """``obj``'s name in the locale ``locale_id``, or its own name if not translated."""
        return self._load(type(obj), locale_id).get(obj.translation_key, obj.name)

    def page_url(self, page):
        """``page.get_url()``, resolved once per parent: siblings share the URL up to the slug.

        Reversing a page URL (with the locale's prefix) costs more than building the rest of a
        document; in a rebuild thousands of projects sit below the same listing.
        """
        parent_path, _, _ = page.url_path.rstrip("/").rpartition("/")
        if parent_path not in self._parent_urls:
            url = page.get_url()
            if url is None or not url.endswith(f"/{page.slug}/"):
                return url  # not routable, or a URL scheme that is not parent + slug
            self._parent_urls[parent_path] = url[: -len(page.slug) - 1]
        return f"{self._parent_urls[parent_path]}{page.slug}/"


def _related(page, name, names):
    if (page.pk, name) in names.related:
        return names.related[page.pk, name]
    prefetched = getattr(page, "_prefetched_objects_cache", {})
    if name in prefetched:
        return list(prefetched[name])
    return list(getattr(page, name).all())


def project_document_dict(page, names=None):
    """The search document (``_source``) for a ProjectPage. Pure apart from reading the page.

    ``names`` (a DocumentCache) can be shared between calls to save queries in bulk runs; for
    few queries per page, fetch pages with ``select_related("municipality", "locale")`` and
    ``prefetch_related("topics", "competence_profile__competency")``.
    """
    names = names or DocumentCache()
    locale_id = page.locale_id
    municipality = page.municipality
    topics = _related(page, "topics", names)
    profile = sorted(
        _related(page, "competence_profile", names), key=lambda r: (r.sort_order or 0, r.pk)
    )
    competencies = [row.competency for row in profile]
    return {
        "page_id": page.pk,
        "translation_key": str(page.translation_key),
        "locale": page.locale.language_code,
        "url": names.page_url(page),
        "title": page.title,
        "summary": page.listing_summary or "",
        "challenge": _plain(page.challenge),
        "intended_impact": _plain(page.intended_impact),
        "target_groups": page.target_groups or "",
        "body": _stream_text(page.body),
        "municipality": municipality.name if municipality else None,
        "bundesland": municipality.bundesland if municipality else None,
        "topics": [str(names.canonical_pk(topic)) for topic in topics],
        "topic_names": [names.name(topic, locale_id) for topic in topics],
        "competencies": [str(names.canonical_pk(c)) for c in competencies],
        "competencies_must": [
            str(names.canonical_pk(row.competency)) for row in profile if row.requirement == "must"
        ],
        "competency_names": [names.name(c, locale_id) for c in competencies],
        "status": page.status,
        "duration_months": page.duration_months,
        "duration_bucket": duration_bucket(page.duration_months),
        "workload": page.workload,
        "remote_share": page.remote_share,
        "start_date": _iso(page.start_date),
        "start_period": start_period(page.start_date),
        "application_deadline": _iso(page.application_deadline),
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
    }


def document_language(page):
    """The language index a ProjectPage belongs in ("de" or "en")."""
    return language_for_locale(page.locale.language_code)
