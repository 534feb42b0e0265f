"""The production settings, loaded as a deployment would: in a subprocess with its environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "production-test-" + "x" * 50,
    "ALLOWED_HOSTS": "lokalprojekte.example",
    "DATABASE_URL": "postgres://lokalprojekte@127.0.0.1:5432/lokalprojekte",
}


def manage(*args, **extra_env):
    """Run manage.py with the production settings; SITE_BASE_URL and REDIS_URL only if given."""
    env = {
        key: value for key, value in os.environ.items() if key not in {"SITE_BASE_URL", "REDIS_URL"}
    }
    env.update(PRODUCTION_ENV, **extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(**extra_env):
    code = (
        "from django.conf import settings; import json; print(json.dumps({"
        "'site': settings.SITE_BASE_URL, 'admin': settings.WAGTAILADMIN_BASE_URL,"
        " 'api': settings.WAGTAILAPI_BASE_URL, 'db': settings.DATABASES['default']}))"
    )
    result = manage("shell", "-c", code, **extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_fails_without_a_public_base_url():
    result = manage("check", "--deploy")
    assert result.returncode != 0
    assert "lokalprojekte.E001" in result.stderr
    assert "SITE_BASE_URL is not set" in result.stderr


@pytest.mark.parametrize(
    "value", ["http://127.0.0.1:8000", "http://localhost", "lokalprojekte.example"]
)
def test_check_deploy_fails_with_a_local_or_relative_base_url(value):
    result = manage("check", "--deploy", SITE_BASE_URL=value)
    assert result.returncode != 0
    assert "lokalprojekte.E001" in result.stderr


def test_check_deploy_accepts_the_public_base_url():
    result = manage("check", "--deploy", SITE_BASE_URL="https://lokalprojekte.example")
    assert "lokalprojekte.E001" not in result.stdout + result.stderr


def test_check_deploy_refuses_a_cache_of_its_own_per_worker():
    # Without REDIS_URL every gunicorn worker would count form posts and used tokens alone.
    result = manage("check", "--deploy", SITE_BASE_URL="https://lokalprojekte.example")
    assert result.returncode != 0
    assert "lokalprojekte.E002" in result.stderr
    assert "REDIS_URL" in result.stderr


def test_check_deploy_accepts_the_shared_redis_cache():
    result = manage(
        "check",
        "--deploy",
        SITE_BASE_URL="https://lokalprojekte.example",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert "lokalprojekte.E002" not in result.stdout + result.stderr
    cache = json.loads(
        manage(
            "shell",
            "-c",
            "from django.conf import settings; import json;"
            " print(json.dumps(settings.CACHES['default']))",
            SITE_BASE_URL="https://lokalprojekte.example",
            REDIS_URL="redis://127.0.0.1:6379/0",
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/0"


def test_admin_and_api_base_urls_follow_the_public_base_url():
    values = production_settings(SITE_BASE_URL="https://lokalprojekte.example/")
    assert values["site"] == values["admin"] == values["api"] == "https://lokalprojekte.example"


def test_kept_database_connections_are_health_checked():
    # A kept connection the database has dropped (restart) is replaced before the request
    # uses it, instead of failing the request with a 500.
    database = production_settings(SITE_BASE_URL="https://lokalprojekte.example")["db"]
    assert database["CONN_MAX_AGE"] > 0
    assert database["CONN_HEALTH_CHECKS"] is True
