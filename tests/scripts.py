"""Run the project's service scripts (scripts/*.sh) from tests, as `make` would."""

import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_script(name, env, timeout=600):
    """Run ``scripts/<name>.sh`` with ``env``; fail the test with its output if it fails.

    Returns its standard output (the scripts print their URL as the last line).
    """
    result = subprocess.run(  # noqa: S603
        ["bash", f"scripts/{name}.sh"],  # noqa: S607
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"scripts/{name}.sh failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return result.stdout


def free_ports(count, first=1025, last=65535):
    """``count`` TCP ports between ``first`` and ``last`` that nothing on 127.0.0.1 uses now."""
    found = []
    for port in range(first, last + 1):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                found.append(port)
        if len(found) == count:
            return found
    pytest.fail(f"Fewer than {count} free ports between {first} and {last}", pytrace=False)
