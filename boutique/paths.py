"""Where the store lives: the platform's user data folder, unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Boutique"
DB_ENV = "BOUTIQUE_DB"
DEFAULT_DB_NAME = "boutique.sqlite3"
DEMO_DB_NAME = "boutique-demo.sqlite3"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    override = os.environ.get(DB_ENV)
    return Path(override) if override else data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    """The demo store is its own file, so demo data never mixes with the real book."""
    return data_dir() / DEMO_DB_NAME


def resolve_db_path(db: str | None, demo: bool = False) -> Path:
    if db:
        return Path(db).expanduser()
    return demo_db_path() if demo else default_db_path()


RESOURCES = Path(__file__).resolve().parent.parent / "resources"
