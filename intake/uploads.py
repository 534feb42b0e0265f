"""Checks for uploaded CVs: only PDF, DOCX or ODT, recognised by their content.

The file name and the content type the browser sends are chosen by the sender and prove
nothing; what counts is what the bytes are. Stored files get a random name.
"""

import os
import re
import secrets
import time
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from intake.storage import private_storage

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


# Pending uploads: a valid CV sent with a form that had other mistakes is parked in private
# storage, so the visitor does not have to pick it again. The form carries only a signed,
# expiring reference to it; the purge_pending_uploads command deletes what nobody came back for.
PENDING_DIR = "pending"
_PENDING_SALT = "intake.uploads.pending-cv"
# Only our own random names: a reference can never name a path outside PENDING_DIR.
_PENDING_NAME = re.compile(r"^[0-9a-f]{32}\.(pdf|docx|odt)$")
# Long enough to show the name, short enough for the hidden field.
_ORIGINAL_NAME_MAX = 120


class PendingUploadError(Exception):
    """A reference to a pending upload that is forged, expired or whose file is gone."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PendingUpload:
    """A parked CV: its random name in PENDING_DIR and the name it had on the sender's disk."""

    stored_name: str
    original_name: str

    @property
    def path(self):
        return f"{PENDING_DIR}/{self.stored_name}"

    @property
    def kind(self):
        return self.stored_name.rsplit(".", 1)[1]

    def reference(self):
        """The signed, timestamped reference for the form's hidden field."""
        signer = signing.TimestampSigner(salt=_PENDING_SALT)
        return signer.sign_object({"n": self.stored_name, "o": self.original_name})

    def open(self):
        """The parked file, opened for reading, named like a fresh upload would be."""
        file = private_storage.open(self.path, "rb")
        file.name = random_file_name(self.kind)
        return file

    def delete(self):
        private_storage.delete(self.path)


def park_upload(uploaded, original_name):
    """Keep a validated upload as pending; returns the PendingUpload."""
    uploaded.seek(0)
    stored_name = random_file_name(detect_document_type(uploaded))
    private_storage.save(f"{PENDING_DIR}/{stored_name}", uploaded)
    name = os.path.basename(str(original_name or "")).strip() or stored_name
    return PendingUpload(stored_name, name[:_ORIGINAL_NAME_MAX])


def pending_upload_from_reference(reference):
    """The PendingUpload a reference from the form points at.

    Raises PendingUploadError with code "invalid" (forged or damaged) or "expired" (older
    than PENDING_UPLOAD_MAX_AGE, or the file was already deleted).
    """
    signer = signing.TimestampSigner(salt=_PENDING_SALT)
    try:
        value = signer.unsign_object(str(reference), max_age=settings.PENDING_UPLOAD_MAX_AGE)
    except signing.SignatureExpired:
        raise PendingUploadError("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise PendingUploadError("invalid") from None
    if not isinstance(value, dict):
        raise PendingUploadError("invalid")
    stored_name, original_name = value.get("n"), value.get("o")
    if not isinstance(stored_name, str) or not _PENDING_NAME.match(stored_name):
        raise PendingUploadError("invalid")
    if not isinstance(original_name, str):
        raise PendingUploadError("invalid")
    pending = PendingUpload(stored_name, original_name[:_ORIGINAL_NAME_MAX])
    if not private_storage.exists(pending.path):
        raise PendingUploadError("expired")
    return pending


def purge_pending_uploads(max_age=None, now=None):
    """Delete pending uploads older than ``max_age`` seconds; returns how many were deleted."""
    max_age = settings.PENDING_UPLOAD_MAX_AGE if max_age is None else max_age
    now = time.time() if now is None else now
    try:
        _dirs, files = private_storage.listdir(PENDING_DIR)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in files:
        path = f"{PENDING_DIR}/{name}"
        if now - private_storage.get_modified_time(path).timestamp() > max_age:
            private_storage.delete(path)
            deleted += 1
    return deleted
