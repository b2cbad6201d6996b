"""The demo book the agenda's kept and prepared lists are checked on."""

from __future__ import annotations

import pytest

from boutique.services.agenda.kept import forget_kept
from boutique.services.agenda.kept_cards import forget_cards
from boutique.services.demo.build import build_demo
from tests.services.agenda.book_edits import BUILT


@pytest.fixture
def book(db):
    build_demo(250, seed=11, today=BUILT, years=3.0)
    forget_kept()
    forget_cards()
    yield
    forget_kept()
    forget_cards()
