"""Spelling help shared by the project search and the site search: "Meinten Sie …?".

``corrected`` replaces each word it does not know by the closest known one (difflib), with the
first letter taken as typed, like the engine's suggester; ``restore_case`` writes a suggestion
the way the visitor wrote their words.
"""

import difflib
import re

# How similar a known word must be to count as the meant one (difflib ratio): "Klimaschtz"
# and "klimaschutz" are 0.95 apart, "Rathaus" and "Radhaus" 0.86.
SIMILARITY_CUTOFF = 0.8
# Words shorter than this are not corrected (abbreviations like "KI", "OZG").
MIN_CORRECTED_LENGTH = 4
_WORD = re.compile(r"\w+")


def words_by_letter(texts):
    """The words of ``texts``, lower-cased, grouped by first letter: ``{letter: [word, ...]}``."""
    found = {word.lower() for text in texts for word in _WORD.findall(text or "")}
    words = {}
    for word in sorted(found):
        if len(word) >= 3 and not word.isdigit():
            words.setdefault(word[0], []).append(word)
    return words


def restore_case(original, suggestion):
    """``suggestion`` (lower-cased) written like the visitor's words: a word that started with
    a capital starts with one again ("Fachkräfe" -> "Fachkräfte").

    Returns None when the suggestion is the query itself.
    """
    typed, suggested = original.split(), suggestion.split()
    if [word.lower() for word in typed] == suggested:
        return None
    if len(typed) == len(suggested):
        suggested = [
            word[:1].upper() + word[1:] if old[:1].isupper() else word
            for old, word in zip(typed, suggested, strict=True)
        ]
    return " ".join(suggested)


def corrected(query, words):
    """``query`` with each unknown word replaced by the closest of ``words``, or None.

    ``words`` is grouped by first letter (``words_by_letter``); the first letter is taken as
    typed.
    """
    changed = False
    result = []
    for word in query.split():
        lowered = word.lower()
        known = words.get(lowered[:1], [])
        if len(lowered) < MIN_CORRECTED_LENGTH or not lowered.isalpha() or lowered in known:
            result.append(lowered)
            continue
        close = difflib.get_close_matches(lowered, known, n=1, cutoff=SIMILARITY_CUTOFF)
        result.append(close[0] if close else lowered)
        changed = changed or bool(close)
    return restore_case(query, " ".join(result)) if changed else None
