"""Storage for uploads with personal data: outside MEDIA_ROOT, never served by URL."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateStorage(LazyObject):
    """Files under PRIVATE_MEDIA_ROOT; read at call time so tests can override the setting."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def get_private_storage():
    """Callable for FileField(storage=...), so migrations do not freeze a path."""
    return private_storage
