"""The news section: index page, items and the Impulspapier as a generated PDF (data/news.toml)."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from news.models import NewsIndexPage, NewsPage

from .base import CREATED, UNCHANGED, Tally, upsert_page, upsert_page_translation
from .content import field_values, load

ITEM_KEYS = ("slug", "de", "en", "document")


def simple_pdf(lines):
    """A one-page A4 PDF showing ``lines`` in Helvetica (WinAnsi, so umlauts work)."""

    def text(line):
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return escaped.replace("–", "-").replace("„", '"').replace("“", '"')

    rows = [
        f"BT /F1 {18 if number == 0 else 12} Tf 56 {780 - 28 * number} Td ({text(line)}) Tj ET"
        for number, line in enumerate(lines)
    ]
    stream = "\n".join(rows).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def build_documents(specs):
    """Create the generated documents once (found by title). Returns (tally, {key: document})."""
    tally, documents = Tally(), {}
    Document = get_document_model()
    for key, spec in specs.items():
        document = Document.objects.filter(title=spec["title"]).first()
        if document is None:
            document = Document(title=spec["title"])
            document.file.save(spec["filename"], ContentFile(simple_pdf(spec["lines"])), save=False)
            document.save()
            tally.add(CREATED)
        else:
            tally.add(UNCHANGED)
        documents[key] = document
    return tally, documents


def build_news(home, en, images):
    """The news index with its items, German and English. Returns (tally, index page)."""
    data = load("news")
    tally, documents = build_documents(data["documents"])
    index_spec = data["index"]
    index, outcome = upsert_page(
        home, NewsIndexPage, index_spec["slug"], field_values(NewsIndexPage, index_spec["de"])
    )
    tally.add(outcome)
    tally.add(upsert_page_translation(index, en, field_values(NewsIndexPage, index_spec["en"]))[1])
    for item in data["items"].values():
        shared = {name: value for name, value in item.items() if name not in ITEM_KEYS}
        shared = field_values(NewsPage, shared, images=images)
        if "document" in item:
            shared["document"] = documents[item["document"]]
        german = {**shared, **field_values(NewsPage, item["de"])}
        page, outcome = upsert_page(index, NewsPage, item["slug"], german)
        tally.add(outcome)
        tally.add(upsert_page_translation(page, en, field_values(NewsPage, item["en"]))[1])
    return tally, index
