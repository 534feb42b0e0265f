"""Every third-party package our code imports is declared in pyproject.toml and pinned in
requirements.lock, not only present because another package happens to pull it in."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "alerts", "backoffice", "config", "core", "demo", "home", "intake", "learning", "news",
    "programme",
    "projects", "search", "stories", "taxonomy", "users",
]  # fmt: skip
OWN = {*APPS, "tests", "manage"}


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(folders):
    found = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in OWN}


def distributions(modules):
    by_module = packages_distributions()
    return {normalise(by_module[name][0]) for name in modules}


def declared(requirements):
    return {normalise(re.split(r"[<>=!~\[ ;]", item, maxsplit=1)[0]) for item in requirements}


def test_every_imported_package_is_declared_and_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = declared(project["dependencies"])
    dev = declared(project["optional-dependencies"]["dev"])
    pinned = {
        normalise(line.split("==")[0])
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if "==" in line
    }

    app_packages = distributions(imported_modules(APPS))
    assert "django-ninja" in app_packages
    assert app_packages - runtime == set()
    script_packages = distributions(imported_modules(["scripts"]))
    assert script_packages - runtime - dev == set()
    assert (app_packages | script_packages) - pinned == set()
