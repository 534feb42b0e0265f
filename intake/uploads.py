"""Checks for uploaded CVs: only PDF, DOCX or ODT, recognised by their content.

The file name and the content type the browser sends are chosen by the sender and prove
nothing; what counts is what the bytes are. Stored files get a random name.
"""

import secrets
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_REQUIRED_ENTRIES = {"[Content_Types].xml", "word/document.xml"}


def detect_document_type(uploaded):
    """Return "pdf", "docx" or "odt" for what the file really is, or None.

    Reads the start of the file and, for zip containers, only the list of entries and the
    few bytes of the ODT ``mimetype`` entry, so a zip bomb is never unpacked.
    """
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if names >= DOCX_REQUIRED_ENTRIES:
                return "docx"
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    if entry.read(len(ODT_MIMETYPE) + 2).strip() == ODT_MIMETYPE:
                        return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, RuntimeError):
        # Damaged, encrypted or otherwise unreadable archives are not documents we accept.
        return None
    finally:
        uploaded.seek(0)
    return None


def validate_cv(uploaded):
    """Raise ValidationError unless ``uploaded`` is a PDF, DOCX or ODT within the size limit.

    Returns the detected type ("pdf", "docx" or "odt").
    """
    max_bytes = settings.APPLICATION_CV_MAX_BYTES
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(max)s."),
            code="file_too_large",
            params={"size": filesizeformat(uploaded.size), "max": filesizeformat(max_bytes)},
        )
    if uploaded.size == 0:
        raise ValidationError(_("Die Datei ist leer."), code="file_empty")
    kind = detect_document_type(uploaded)
    if kind is None:
        raise ValidationError(
            _(
                "Diese Datei können wir nicht annehmen. Bitte laden Sie Ihren Lebenslauf als "
                "PDF, Word-Dokument (DOCX) oder OpenDocument-Text (ODT) hoch."
            ),
            code="file_type",
        )
    return kind


def random_file_name(kind):
    """A random name with the extension of the detected type; the sender's name is dropped."""
    return f"{secrets.token_hex(16)}.{kind}"
