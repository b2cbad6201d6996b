"""Shared fixtures: a real SQLite store on tmp_path, a fixed 'today', headless Qt."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (window geometry) must never touch the real user's configuration.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="boutique-test-config-")

import pytest  # noqa: E402

from boutique.models import close_database, open_database  # noqa: E402

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture(scope="session")
def _template_store(tmp_path_factory):
    """One migrated empty store per session, copied per test: fast and isolated."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path)
    close_database()
    return path


def _forget_agendas() -> None:
    """What the process keeps of its agendas and cards is the store's of one test only."""
    from boutique.services.agenda import forget_cards, forget_kept

    forget_kept()
    forget_cards()


@pytest.fixture
def db(tmp_path, _template_store):
    path = tmp_path / "store.sqlite3"
    shutil.copy(_template_store, path)
    _forget_agendas()
    database = open_database(path)
    yield database
    close_database()
    _forget_agendas()


@pytest.fixture
def db_path(db, tmp_path):
    return tmp_path / "store.sqlite3"


@pytest.fixture
def make_client(db):
    from boutique.services.clients.book import save_client

    def make(**values):
        values.setdefault("first_name", "Ana")
        values.setdefault("last_name", "Alvarez")
        return save_client(values)

    return make


@pytest.fixture
def make_purchase(db):
    from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase

    def make(client_id, when, description="Diamond stud earrings", price_cents=250000, **extra):
        data = PurchaseData(purchase_date=when,
                            items=[ItemData(description=description, price_cents=price_cents)],
                            **extra)
        return record_purchase(client_id, data)

    return make
