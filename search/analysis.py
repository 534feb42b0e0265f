"""Index naming and text analysis shared by every index the site keeps in the engine.

One index per language behind an alias (``{SEARCH_INDEX_PREFIX}_{name}_{lang}``); the concrete
indices are ``{alias}_{timestamp}`` so that ``search_rebuild`` can build a new one and swap the
alias without downtime. German text is analysed with German stemming and umlaut folding,
English with the Porter stemmer; both with the synonym lists in search/synonyms/.
"""

import datetime
import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

SYNONYMS_DIR = Path(__file__).resolve().parent / "synonyms"
LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"


def index_prefix():
    """SEARCH_INDEX_PREFIX without trailing underscores (tests use one per run)."""
    prefix = (settings.SEARCH_INDEX_PREFIX or "").strip().rstrip("_")
    if not prefix:
        raise ImproperlyConfigured("SEARCH_INDEX_PREFIX must not be empty.")
    return prefix


def index_alias(name, lang):
    """The alias through which the ``lang`` index of the documents ``name`` is used."""
    if lang not in LANGUAGES:
        raise ValueError(f"No {name} index for language {lang!r}")
    return f"{index_prefix()}_{name}_{lang}"


def new_index_name(name, lang, now=None):
    """A fresh concrete index name: ``{alias}_{UTC timestamp with microseconds}``."""
    now = now or timezone.now()
    return f"{index_alias(name, lang)}_{now.astimezone(datetime.UTC):%Y%m%d%H%M%S%f}"


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


@cache
def load_compound_parts(lang):
    """The word parts ``lang``'s compounds are split into (search/synonyms/compounds_<lang>.txt).

    Empty for a language without such a list (English compounds are mostly written apart).
    """
    path = SYNONYMS_DIR / f"compounds_{lang}.txt"
    if not path.exists():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# A gender suffix after a word: ":innen", "*in", "_innen", "/r" (see analysis()), for the
# engine (Java's regular expressions) and for the database search (Python's).
GENDER_SUFFIX_JAVA = r"(?<=\p{L})[:*_/](?:innen|in|r)(?!\p{L})"
GENDER_SUFFIX = re.compile(r"(?<=[^\W\d_])[:*_/](?:innen|in|r)(?![^\W\d_])")

# Transliterations a visitor types for umlauts and ß (Muenchen, Weissenfels).
_TRANSLITERATIONS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("ss", "ß"))


def umlaut_spelling(word):
    """``word`` lower-cased with ae/oe/ue/ss written as ä/ö/ü/ß ("Buerger" -> "bürger")."""
    folded = word.lower()
    for plain, umlaut in _TRANSLITERATIONS:
        folded = folded.replace(plain, umlaut)
    return folded


def compound_parts(word, lang):
    """The known parts (load_compound_parts) inside ``word``: "Impfzentren" -> impf, zentren.

    A query for a compound that finds nothing is tried again with its parts.
    """
    word = umlaut_spelling(word) if lang == "de" else word.lower()
    return [part for part in load_compound_parts(lang) if part in word and part != word]


def analysis(lang):
    """The analysis settings (filters and analyzers) of a ``lang`` index."""
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
    # Decompounding from a word list kept in the repository: hyphenation_decompounder would need
    # an XML hyphenation grammar the engine does not ship. Each part found inside a longer word
    # is emitted next to the whole word (Rufbus -> rufbus, bus), so "Bus" finds "Rufbus". It runs
    # before the umlaut folding so that the list can be written as German is written.
    filters[f"{lang}_decompounder"] = {
        "type": "dictionary_decompounder",
        "word_list": list(load_compound_parts(lang)) or ["-"],
        "min_word_size": 6,
        "min_subword_size": 3,
        "only_longest_match": False,
    }
    filters["autocomplete_edge_ngram"] = {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}
    # Synonyms last: the engine reads each rule through the filters before it, so a rule
    # written once ("fachkräfte") also fires for the other forms of its words ("Fachkraft",
    # "Fachkraeften"), as the texts are matched.
    text_chain = ["lowercase", *folding, *stemming, f"{lang}_synonyms"]
    char_filter = ["gender_forms"]
    analyzers = {
        # Query time: with synonyms. synonym_graph belongs at query time only; at index time
        # a multi-word synonym would be flattened into wrong positions.
        f"{lang}_text": {"type": "custom", "tokenizer": "standard", "filter": text_chain},
        # Index time: the same chain without synonyms.
        f"{lang}_index": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", *folding, *stemming],
        },
        # Index time for the sub-word fields (``*.parts``): the whole words and their parts.
        # Searched with f"{lang}_text", so a query word meets a part, never the reverse.
        f"{lang}_parts": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", f"{lang}_decompounder", *folding, *stemming],
        },
        # Query time for a second look at the sub-word fields: the query's compounds split
        # as well, so "Impfzentren" meets "Impf- und Testlogistik" (weighted low: a part
        # says less than the whole word).
        f"{lang}_parts_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", f"{lang}_decompounder", *folding, *stemming],
        },
        # The words as written, only lower-cased: what "Meinten Sie …?" may suggest (a
        # stemmed or folded term would read wrong: "burgerbeteilig").
        f"{lang}_words": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase"],
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
    }
    for analyzer in analyzers.values():
        analyzer["char_filter"] = char_filter
    return {
        "char_filter": {
            # Gender-inclusive forms are one token to the tokenizer (a colon inside a word
            # joins it): "Senior:innen" would only ever meet itself. Their base word is what
            # any other form of the word shares: Senior:innen, Senior*innen -> Senior;
            # Pat:in -> Pat; Beauftragte:r -> Beauftragte.
            "gender_forms": {
                "type": "pattern_replace",
                "pattern": GENDER_SUFFIX_JAVA,
                "replacement": "",
            }
        },
        "filter": filters,
        "analyzer": analyzers,
    }


@cache
def load_stopwords(lang):
    """Words that carry no meaning of their own in a query (search/synonyms/stopwords_<lang>.txt).

    Only used where a query is relaxed to any of its words ("Mobilität auf dem Land" must not
    find everything with "auf" or "dem"); the analysers keep them, so phrases match exactly.
    """
    path = SYNONYMS_DIR / f"stopwords_{lang}.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        word.lower() for line in lines if not line.startswith("#") for word in line.split()
    )


def content_words(text, lang):
    """The words of ``text`` that are not stopwords of ``lang``, in their order."""
    stopwords = load_stopwords(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return [word for word in (text or "").split() if word.lower().strip(".,;:!?") not in stopwords]


def text_field(lang, **extra):
    """A text field mapping analysed in ``lang`` (synonyms at query time only)."""
    return {"type": "text", "analyzer": f"{lang}_index", "search_analyzer": f"{lang}_text", **extra}


def index_body(lang, mappings):
    """The body for creating a ``lang`` index: settings with analysis, and ``mappings``.

    One shard: the whole programme has thousands of projects, not millions, and a single shard
    keeps scoring exact. Replicas from SEARCH_INDEX_REPLICAS: none on the single-node
    development/CI engine, one or more on a cluster.
    """
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": getattr(settings, "SEARCH_INDEX_REPLICAS", 0),
            "analysis": analysis(lang),
        },
        "mappings": mappings,
    }
