"""The WSGI application with /media/ served beside it, for benchmarks only.

In production nginx serves MEDIA_ROOT (docs/operations.md); Django does not with DEBUG off.
The Lighthouse benchmark runs gunicorn alone, so WhiteNoise stands in for nginx here: it
looks files up on each request (renditions appear while pages render) and sends them with
the 30-day cache lifetime docs/operations.md asks of nginx for /media/images/.
"""

from django.conf import settings
from whitenoise import WhiteNoise

from config.wsgi import application as django_application

application = WhiteNoise(django_application, autorefresh=True, max_age=60 * 60 * 24 * 30)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
