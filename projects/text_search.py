"""The search text on the database (no engine): which projects match, and how well.

The engine analyses text (stems, synonyms, compound parts, umlaut spellings, weighted
fields); the database only has substring matching. This module brings the database path close
to the engine's with the same word lists (search/synonyms/):

* a query is split into *units*: a multi-word synonym ("open data", "menschen mit
  fluchterfahrung") stays one unit, a hyphenated word becomes its parts ("Online-Antrag");
* each unit has *alternatives*: the unit, its umlaut spelling ("Buergerbeteiligung"), its
  synonyms, and a light stem of each ("ländlicher" -> "ländlich", so "ländlichen" matches);
* a project matches a unit when any alternative occurs in its title, texts, municipality,
  topics, competencies, Bundesland or mode of work ("remote" finds the projects with a large
  share of mobile work, as the engine's ``work_mode`` field does);
* the score weights where it matched (title above summary and taxonomy above the long texts),
  so that the listing's "relevance" order ranks like the engine instead of by date.

Compound parts serve only the relaxed (any-word) try: "Impfzentren" then also finds "Impf-
und Testlogistik".
"""

import functools
import operator
import re

from django.db.models import Case, IntegerField, Q, Value, When

from search.analysis import GENDER_SUFFIX, load_synonyms, umlaut_spelling
from taxonomy.models import BUNDESLAND_ALIASES, Bundesland

# Endings cut off for matching (longest first), like the engine's light stemmers; only from
# words that keep at least MIN_STEM letters, so short words stay exact.
_ENDINGS = {"de": ("ern", "en", "er", "es", "em", "e", "n", "s"), "en": ("es", "s")}
MIN_STEM = 5
MAX_UNITS = 10
# Longest multi-word synonym looked for in a query.
_MAX_PHRASE_WORDS = 4
# Where a match counts how much: the title most, then summary and taxonomy, then the rest.
_TEXT_WEIGHTS = (
    (("title",), 4),
    (("listing_summary",), 2),
    (("challenge", "intended_impact", "target_groups"), 1),
    (("municipality__name", "municipality__district", "sponsor_role"), 1),
)
_RELATED_WEIGHTS = ((("topics__name",), 2), (("competence_profile__competency__name",), 2))
# Share of mobile work (per cent) that the words of the engine's work_mode field stand for:
# a structured fact, so it counts like a title match when the work is mostly mobile.
_REMOTE_WEIGHTS = (((50, 100), 4), ((21, 49), 2))
_SPLIT = re.compile(r"[-/]")


_WITHOUT_UMLAUTS = str.maketrans("äöü", "aou")


def _spellings(term, lang):
    """``term`` as written, in its umlaut spelling and stemmed, and that stem without umlauts
    (as the engine's German stemmer has it: "Fachkräfte", "Fachkraft" -> "fachkraft"): the
    keys a word is found by."""
    spelled = umlaut_spelling(term) if lang == "de" else term
    stemmed = stem(spelled, lang)
    return dict.fromkeys(
        (term, spelled, stem(term, lang), stemmed, stemmed.translate(_WITHOUT_UMLAUTS))
    )


@functools.cache
def synonym_groups(lang):
    """``{term: (term, synonym, ...)}`` from search/synonyms/<lang>.txt, lower-cased.

    Each term is also found by its umlaut spelling and its stem, as the engine reads its rules
    through its stemmer: a rule written for "fachkräfte" also serves "Fachkraft".
    """
    groups = {}
    for line in load_synonyms(lang):
        terms = tuple(term.strip().lower() for term in line.split(",") if term.strip())
        for term in terms:
            for key in _spellings(term, lang):
                groups[key] = tuple(dict.fromkeys(groups.get(key, ()) + terms))
    return groups


def stem(word, lang):
    """``word`` without a common inflection ending, if enough of it is left."""
    for ending in _ENDINGS.get(lang, ()):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def query_units(text, lang):
    """The units of ``text`` (see the module docstring), at most MAX_UNITS."""
    groups = synonym_groups(lang)
    words = GENDER_SUFFIX.sub("", text).lower().split()
    units, index = [], 0
    while index < len(words):
        for size in range(min(_MAX_PHRASE_WORDS, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size])
            if size == 1 or phrase in groups:
                break
        if size > 1 or phrase in groups or umlaut_spelling(phrase) in _state_terms():
            units.append(phrase)
        else:
            parts = [part for part in _SPLIT.split(phrase) if len(part) >= 2]
            units.extend(parts or [phrase])
        index += size
    return units[:MAX_UNITS]


def alternatives(unit, lang):
    """What may stand in a project for ``unit``: spellings, synonyms and their stems."""
    groups = synonym_groups(lang)
    spelled = umlaut_spelling(unit) if lang == "de" else unit
    terms = [unit, spelled]
    for key in _spellings(unit, lang):
        terms.extend(groups.get(key, ()))
    stems = [stem(term, lang) for term in terms if " " not in term]
    return list(dict.fromkeys(terms + stems))


@functools.cache
def _state_terms():
    """``{term: codes}``: the Bundesländer's names, English names and abbreviations
    (taxonomy.models.BUNDESLAND_ALIASES), and the parts of the two-part names that are no
    state of their own ("Mecklenburg", "Westfalen"; not "Sachsen")."""
    terms = {}
    for code, label in Bundesland.choices:
        for name in (str(label), *BUNDESLAND_ALIASES.get(code, ())):
            terms.setdefault(umlaut_spelling(name), set()).add(code)
    for code, label in Bundesland.choices:
        for part in _SPLIT.split(str(label)):
            if len(part) >= 5 and umlaut_spelling(part) not in terms:
                terms[umlaut_spelling(part)] = {code}
    # Parts shared by two states ("Sachsen" in Sachsen-Anhalt is a state of its own) stay
    # with the state; the English "Saxony" is in the aliases.
    return terms


def _bundeslaender(terms):
    codes = set()
    for term in terms:
        codes |= _state_terms().get(umlaut_spelling(term), set())
    return sorted(codes)


def _remote_terms(lang):
    from projects.search_document import WORK_MODE_WORDS

    return {word for words in WORK_MODE_WORDS.get(lang, {}).values() for word in words.split()}


def _any(fields, terms):
    return functools.reduce(
        operator.or_, (Q(**{f"{field}__icontains": term}) for field in fields for term in terms)
    )


def _remote_condition(terms, lang, low=21, high=100):
    remote_words = _remote_terms(lang) - {"überwiegend", "teilweise", "mostly", "partly"}
    if remote_words & set(terms):
        return Q(remote_share__range=(low, high))
    return None


def remote_share_weights(text, lang):
    """``((low, high), weight)`` pairs for the shares of mobile work when ``text`` asks for
    it ("Homeoffice", "mobil arbeiten", "remote"), else none: the engine ranks by them too."""
    for unit in query_units(text, lang):
        if _remote_condition(alternatives(unit, lang), lang) is not None:
            return _REMOTE_WEIGHTS
    return ()


def unit_condition(terms, lang):
    """Projects with any of ``terms`` in a text, taxonomy name, Bundesland or mode of work."""
    fields = [field for fields, _weight in _TEXT_WEIGHTS + _RELATED_WEIGHTS for field in fields]
    condition = _any(fields, terms)
    states = _bundeslaender(set(terms))
    if states:
        condition |= Q(municipality__bundesland__in=states)
    remote = _remote_condition(terms, lang)
    if remote is not None:
        condition |= remote
    return condition


def unit_score(terms, lang, projects):
    """A score expression: how well a project matches one unit (0 when it does not).

    Related names (topics, competencies) are tested in a subquery of ``projects`` so that a
    project with two matching topics counts once.
    """
    whens = [When(_any(fields, terms), then=Value(weight)) for fields, weight in _TEXT_WEIGHTS]
    score = [Case(when, default=Value(0), output_field=IntegerField()) for when in whens]
    for fields, weight in _RELATED_WEIGHTS:
        matching = projects.filter(_any(fields, terms)).values("pk")
        score.append(
            Case(When(pk__in=matching, then=Value(weight)), default=0, output_field=IntegerField())
        )
    states = _bundeslaender(set(terms))
    if states:
        score.append(
            Case(
                When(municipality__bundesland__in=states, then=Value(2)),
                default=0,
                output_field=IntegerField(),
            )
        )
    for (low, high), weight in _REMOTE_WEIGHTS:
        remote = _remote_condition(terms, lang, low, high)
        if remote is not None:
            score.append(
                Case(When(remote, then=Value(weight)), default=0, output_field=IntegerField())
            )
    return functools.reduce(operator.add, score)
