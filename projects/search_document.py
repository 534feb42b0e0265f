"""The project search document: mappings, page -> document, and its registration.

German pages go to the German index, English translations to the English index (naming and
analysis in search/analysis.py). ``ProjectIndex`` tells the generic indexing code in
search/indexing.py which pages to index and how.
"""

from django.utils import translation
from wagtail.models import Locale
from wagtail.rich_text import get_text_for_indexing

from projects.filters import duration_bucket, remote_bucket, start_period_of
from projects.models import ProjectCompetency, ProjectPage
from search import analysis
from search.analysis import language_for_locale, text_field
from taxonomy.models import BUNDESLAND_ALIASES, Bundesland

INDEX_NAME = "projects"


def index_alias(lang):
    """The alias through which the ``lang`` project index is read and written."""
    return analysis.index_alias(INDEX_NAME, lang)


def new_index_name(lang, now=None):
    """A fresh concrete name for a ``lang`` project index."""
    return analysis.new_index_name(INDEX_NAME, lang, now)


def index_settings(lang):
    """The body for creating a ``lang`` project index (analysis and mappings)."""
    return analysis.index_body(lang, index_mappings(lang))


ALL_TEXT = "all_text"
# How much of the work can be done remotely, as a visitor would search for it (remote_bucket).
WORK_MODE_WORDS = {
    "de": {"mostly": "überwiegend mobil remote", "partly": "teilweise mobil remote"},
    "en": {"mostly": "mostly remote", "partly": "partly remote"},
}


def _searched(lang):
    return text_field(lang, copy_to=ALL_TEXT)


def region_name(code, lang):
    """The name of the Bundesland ``code`` in ``lang`` ("NW" -> "Nordrhein-Westfalen")."""
    if code not in Bundesland.values:
        return ""
    with translation.override(lang):
        return str(Bundesland(code).label)


def region_text(municipality, lang):
    """Where a municipality lies, in the words people search with: the Bundesland's name,
    its English name and abbreviations ("RLP"), and the district ("Landkreis Uckermark")."""
    code = municipality.bundesland
    words = [region_name(code, lang), *BUNDESLAND_ALIASES.get(code, ()), municipality.district]
    return " ".join(word for word in words if word)


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
            "title": text_field(
                lang,
                copy_to=ALL_TEXT,
                fields={
                    "suggest": {
                        "type": "text",
                        "analyzer": "autocomplete",
                        "search_analyzer": "autocomplete_search",
                    },
                    "raw": {"type": "keyword"},
                },
            ),
            "summary": _searched(lang),
            "challenge": _searched(lang),
            "intended_impact": _searched(lang),
            "target_groups": _searched(lang),
            "body": _searched(lang),
            "municipality": text_field(lang, copy_to=ALL_TEXT, fields={"raw": {"type": "keyword"}}),
            # Where the project is (region_text) and the share of mobile work in words: both
            # are only keywords otherwise.
            "region": _searched(lang),
            # Who sponsors it in the administration ("Leitung Brand- und Katastrophenschutz").
            "sponsor_role": _searched(lang),
            "work_mode": _searched(lang),
            # Everything searched, once more: for typo-tolerant matching and, in ``parts``,
            # with compounds split into their parts (see search.analysis).
            "all_text": text_field(
                lang,
                fields={
                    "parts": {
                        "type": "text",
                        "analyzer": f"{lang}_parts",
                        "search_analyzer": f"{lang}_text",
                    },
                    # The words as written, for the suggester ("Meinten Sie …?").
                    "words": {"type": "text", "analyzer": f"{lang}_words"},
                },
            ),
            "bundesland": keyword,
            "topics": keyword,
            "topic_names": _searched(lang),
            "competencies": keyword,
            "competencies_must": keyword,
            "competency_names": _searched(lang),
            "status": keyword,
            "duration_months": {"type": "integer"},
            "duration_bucket": keyword,
            "workload": keyword,
            "remote_share": {"type": "integer"},
            "remote_bucket": keyword,
            "start_date": {"type": "date"},
            "start_period": keyword,
            "application_deadline": {"type": "date"},
            "first_published_at": {"type": "date"},
            "last_published_at": {"type": "date"},
        },
    }


def start_period(date):
    """The quarter a project starts in, as "YYYY-Qn" (the start period facet), or None."""
    return start_period_of(date) if date is not None else None


def _iso(value):
    return value.isoformat() if value is not None else None


def _plain(html):
    return get_text_for_indexing(html or "")


def _streamtext_field(stream_value):
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

    def document(self, page):
        """The search document of ``page``, using what this cache has loaded."""
        return project_document_dict(page, self)

    def forget(self, pages):
        """Drop what ``prefetch`` loaded for ``pages`` (keeps memory flat in long runs)."""
        for page in pages:
            self.related.pop((page.pk, "topics"), None)
            self.related.pop((page.pk, "competence_profile"), None)

    @property
    def default_locale_id(self):
        """The pk of the default (German) locale, looked up once."""
        if self._default_locale_id is None:
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
    lang = language_for_locale(page.locale.language_code)
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
        "body": _streamtext_field(page.body),
        "municipality": municipality.name if municipality else None,
        "bundesland": municipality.bundesland if municipality else None,
        "region": region_text(municipality, lang) if municipality else "",
        "sponsor_role": page.sponsor_role or "",
        "work_mode": WORK_MODE_WORDS[lang].get(remote_bucket(page.remote_share), ""),
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
        "remote_bucket": remote_bucket(page.remote_share),
        "start_date": _iso(page.start_date),
        "start_period": start_period(page.start_date),
        "application_deadline": _iso(page.application_deadline),
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
    }


def document_language(page):
    """The language index a ProjectPage belongs in ("de" or "en")."""
    return language_for_locale(page.locale.language_code)


class ProjectIndex:
    """What search/indexing.py needs to know about the project documents."""

    name = INDEX_NAME
    model = ProjectPage

    def indexable(self):
        """Live, public ProjectPages with what their documents need fetched in a few queries."""
        return (
            ProjectPage.objects.live()
            .public()
            .select_related("municipality", "locale")
            .prefetch_related("topics", "competence_profile__competency")
        )

    def index_settings(self, lang):
        """The body that creates a ``lang`` index."""
        return index_settings(lang)

    def language_of(self, page):
        """The language index ``page`` belongs in."""
        return document_language(page)

    def document_builder(self):
        """A DocumentCache: ``prefetch(pages)``, ``document(page)``, ``forget(pages)``."""
        return DocumentCache()
