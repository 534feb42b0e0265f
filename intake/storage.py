"""Storage for uploads with personal data: outside MEDIA_ROOT, never served by URL."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateStorage(LazyObject):
    """Files under PRIVATE_MEDIA_ROOT; read at call time so tests can override the setting.

    Only the application's own user may read them: files 0600 in folders 0700, whatever the
    process umask (CVs are personal data; other local users must not read them).
    """

    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=settings.PRIVATE_MEDIA_ROOT,
            base_url=None,
            file_permissions_mode=0o600,
            directory_permissions_mode=0o700,
        )


private_storage = PrivateStorage()


def get_private_storage():
    """Callable for FileField(storage=...), so migrations do not freeze a path."""
    return private_storage
