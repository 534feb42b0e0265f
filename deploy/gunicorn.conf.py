"""gunicorn settings for production behind nginx (deploy/nginx/lokalprojekte.conf).

    DJANGO_SETTINGS_MODULE=config.settings.production \
        gunicorn -c deploy/gunicorn.conf.py config.wsgi:application

Threads rather than more processes: a request mostly waits for PostgreSQL or OpenSearch, and
threads share one copy of the application in memory. nginx buffers slow clients and uploads,
so a thread is busy only while the application works.
"""

import os

# Only nginx talks to gunicorn; never bind it to a public address.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# A request still running after this long is stuck; the worker is replaced.
timeout = 30
graceful_timeout = 20
# Longer than nginx keeps an idle upstream connection (60 s), so gunicorn never closes one
# that nginx is about to reuse.
keepalive = 75
# nginx's access log records every request; gunicorn logs errors only.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
