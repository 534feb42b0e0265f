"""Copy KERN UX (installed by `npm ci`) into the static files: its stylesheet and the two
Fira Sans weights the site uses, cut down to Latin (German, English and the names of European
places and people). Called by `make run`, `make test` and scripts/browser-deps.sh; the output in
site/static/kern/ is build output (gitignored), served by WhiteNoise like our own CSS.

Why subset: each full Fira Sans weight is about 130 KB; the budget for CSS plus fonts on a
project page is 150 KB compressed. The Latin subset of a weight is about a fifth of that.
"""

import logging
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERN = ROOT / "node_modules" / "@kern-ux" / "native" / "dist"
TARGET = ROOT / "site" / "static" / "kern"

# KERN's type scale uses 400 (body, labels) and 600 (headings, strong labels); 500 falls back
# to 400 and bold (700) to 600 by the browser's font matching, so two files are enough.
WEIGHTS = {400: "FiraSans-Regular.woff2", 600: "FiraSans-SemiBold.woff2"}
# Basic Latin, Latin-1, Latin Extended-A and the general punctuation (dashes, „quotes“, …),
# the euro sign, arrows and the minus sign.
# Local faces that stand in for Fira Sans while it loads, each with its average advance width
# per em over SAMPLE_TEXT (measured once with fontTools: Liberation Sans, metric-compatible with
# Arial and Helvetica, 0.4725; DejaVu Sans, common on Linux, 0.5357). Fira Sans' own width is
# measured from the font at build time; the ratio scales the stand-in to take the same room.
FALLBACKS = {
    "Fira Sans Fallback": (("Arial", "ArialMT", "Helvetica", "Liberation Sans"), 0.4725),
    "Fira Sans Fallback DejaVu": (("DejaVu Sans",), 0.5357),
}
SAMPLE_TEXT = (
    "Die Macher:innen arbeiten sechs bis achtzehn Monate in der Verwaltung einer Kommune und "
    "loesen gemeinsam mit einer Patin eine konkrete Aufgabe"
)
UNICODE_RANGE = (
    "U+0000-017F, U+0192, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, "
    "U+2190-2193, U+2212, U+FEFF, U+FFFD"
)


def _codepoints(ranges: str) -> list[int]:
    points = []
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.extend(range(int(first, 16), int(last or first, 16) + 1))
    return points


def _fresh(target: Path, *sources: Path) -> bool:
    return target.exists() and all(target.stat().st_mtime >= s.stat().st_mtime for s in sources)


def _fallback_faces(source: Path) -> list[str]:
    """Local faces scaled to Fira Sans' width and line metrics (as next/font and fontaine do).

    While Fira Sans loads (font-display: swap), text is set in one of these; lines then break at
    nearly the same places, so the swap does not move the page (Lighthouse's layout shift)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(source))
    units = font["head"].unitsPerEm
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    width = sum(metrics[cmap[ord(c)]][0] for c in SAMPLE_TEXT) / len(SAMPLE_TEXT) / units
    hhea = font["hhea"]
    faces = []
    for family, (locals_, local_width) in FALLBACKS.items():
        scale = width / local_width
        sources = ", ".join(f'local("{name}")' for name in locals_)
        faces.append(
            "@font-face {\n"
            f'    font-family: "{family}";\n'
            f"    src: {sources};\n"
            f"    size-adjust: {scale * 100:.2f}%;\n"
            f"    ascent-override: {hhea.ascent / units / scale * 100:.2f}%;\n"
            f"    descent-override: {-hhea.descent / units / scale * 100:.2f}%;\n"
            f"    line-gap-override: {hhea.lineGap / units / scale * 100:.2f}%;\n"
            "}\n"
        )
    return faces


def main() -> int:
    """Build site/static/kern/ from node_modules; a no-op when it is already up to date."""
    if not (KERN / "kern.min.css").exists():
        print(
            "build_assets: node_modules/@kern-ux/native is missing: run `npm ci`", file=sys.stderr
        )
        return 1
    from fontTools import subset  # imported here: only this build step needs fontTools

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # notes about the OS/2 table version

    TARGET.mkdir(parents=True, exist_ok=True)
    script = Path(__file__)
    css = TARGET / "kern.min.css"
    if not _fresh(css, KERN / "kern.min.css", script):
        shutil.copyfile(KERN / "kern.min.css", css)
    faces = []
    for weight, name in WEIGHTS.items():
        source = KERN / "fonts" / "fira-sans" / name
        font = TARGET / name
        if not _fresh(font, source, script):
            options = subset.Options()
            options.flavor = "woff2"
            options.layout_features = [
                "kern",
                "liga",
                "calt",
                "locl",
                "mark",
                "mkmk",
                "tnum",
                "lnum",
            ]
            options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright and licence notices
            subsetter = subset.Subsetter(options)
            loaded = subset.load_font(str(source), options)
            subsetter.populate(unicodes=_codepoints(UNICODE_RANGE))
            subsetter.subset(loaded)
            subset.save_font(loaded, str(font), options)
        faces.append(
            "@font-face {\n"
            '    font-family: "Fira Sans";\n'
            f'    src: url("{name}") format("woff2");\n'
            f"    font-weight: {weight};\n"
            "    font-style: normal;\n"
            "    font-display: swap;\n"
            f"    unicode-range: {UNICODE_RANGE};\n"
            "}\n"
        )
    faces.extend(_fallback_faces(KERN / "fonts" / "fira-sans" / WEIGHTS[400]))
    header = "/* Fira Sans (SIL OFL 1.1), Latin subset made by scripts/build_assets.py. */\n"
    (TARGET / "fira-sans.css").write_text(header + "\n".join(faces))
    shutil.copyfile(KERN.parent / "LICENSE.md", TARGET / "LICENSE.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
