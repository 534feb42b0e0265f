"""Check the gettext catalogues of the project.

    .venv/bin/python scripts/check_catalogues.py [--quiet] [ROOT]

Looks at every <dir>/locale/<lang>/LC_MESSAGES/django.po below ROOT (default: the checkout)
and fails (exit code 1) when

- a msgid of an English catalogue has no translation (empty or fuzzy msgstr, or an empty
  plural form): it would be shown in German on the English site;
- the German and the English catalogue of a directory do not hold the same msgids;
- a catalogue lies outside an app (a directory with apps.py) and outside site/;
- a catalogue holds strings of another directory (its #: references): each app owns the
  strings of its code and templates, site/locale (LOCALE_PATHS) those of site/ and config/;
- one msgid is translated differently in two English catalogues: Django merges all
  catalogues at runtime and only one of the translations would be used.

German is the source language: its catalogues keep msgstr empty.
Prints the number of msgids per catalogue (unless --quiet) and lists every problem.
"""

import argparse
import sys
from pathlib import Path

import polib

LANGUAGES = ("de", "en")
SKIP_DIRS = {".venv", ".cache", "node_modules", ".git"}
# Besides its own directory, the directories whose strings a catalogue may hold.
ALSO_OWNS = {"site": {"config"}}


def catalogues(root):
    for path in sorted(root.glob("*/locale/*/LC_MESSAGES/django.po")):
        if path.relative_to(root).parts[0] not in SKIP_DIRS:
            yield path


def key(entry):
    return (entry.msgctxt, entry.msgid)


def label(entry_key):
    context, msgid = entry_key
    return f"[{context}] {msgid!r}" if context else repr(msgid)


def translation(entry):
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return entry.msgstr


def is_translated(entry):
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def main(root, quiet=False):
    problems = []
    entries = {}  # (owner, language) -> {key: entry}
    for path in catalogues(root):
        owner = path.relative_to(root).parts[0]
        language = path.parent.parent.name
        if language not in LANGUAGES:
            problems.append(f"{path.relative_to(root)}: unexpected language {language}")
        if owner != "site" and not (root / owner / "apps.py").exists():
            problems.append(f"{path.relative_to(root)}: {owner}/ is not an app")
        po = polib.pofile(str(path))
        entries[owner, language] = {key(e): e for e in po if not e.obsolete}
        allowed = {owner} | ALSO_OWNS.get(owner, set())
        for entry in entries[owner, language].values():
            for source, _line in entry.occurrences:
                if Path(source).parts[0] not in allowed:
                    problems.append(
                        f"{path.relative_to(root)}: {label(key(entry))} comes from {source}"
                    )

    owners = sorted({owner for owner, _ in entries})
    rows = [f"{'catalogue':<12} {'msgids':>6} {'without en':>10}"]
    total = untranslated_total = 0
    for owner in owners:
        de = entries.get((owner, "de"), {})
        en = entries.get((owner, "en"), {})
        for missing, present, language in ((de, en, "de"), (en, de, "en")):
            for entry_key in sorted(present.keys() - missing.keys(), key=str):
                problems.append(
                    f"{owner}: {label(entry_key)} is missing in the {language} catalogue"
                )
        untranslated = [k for k, e in en.items() if not is_translated(e)]
        untranslated += list(de.keys() - en.keys())
        for entry_key in sorted(untranslated, key=str):
            problems.append(f"{owner}/locale/en: {label(entry_key)} has no English translation")
        rows.append(f"{owner:<12} {len(de.keys() | en.keys()):>6} {len(untranslated):>10}")
        total += len(de.keys() | en.keys())
        untranslated_total += len(untranslated)
    rows.append(f"{'total':<12} {total:>6} {untranslated_total:>10}")
    if not quiet:
        print("\n".join(rows))

    translations = {}  # key -> {translation: [owners]}
    for (owner, language), by_key in entries.items():
        if language != "en":
            continue
        for entry_key, entry in by_key.items():
            if is_translated(entry):
                translations.setdefault(entry_key, {}).setdefault(translation(entry), []).append(
                    owner
                )
    for entry_key, variants in sorted(translations.items(), key=lambda item: str(item[0])):
        if len(variants) > 1:
            spelled = "; ".join(f"{', '.join(o)}: {t!r}" for t, o in variants.items())
            problems.append(f"{label(entry_key)} is translated differently: {spelled}")

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path(__file__).parent.parent)
    parser.add_argument("--quiet", action="store_true", help="print only the problems")
    args = parser.parse_args()
    sys.exit(main(args.root.resolve(), quiet=args.quiet))
