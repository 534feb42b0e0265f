"""The data files under ``demo/data/`` and how their entries become field values."""

import tomllib
from decimal import Decimal
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def load(name):
    """The parsed file ``demo/data/<name>.toml``. Decimals (coordinates) are read exactly."""
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file, parse_float=Decimal)
