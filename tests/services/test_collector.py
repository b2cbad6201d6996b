"""The cyclic collector is held back only for the batch, and comes back however it ends."""

from __future__ import annotations

import gc

import pytest

from boutique.services.collector import collector_paused
from boutique.services.interchange import ImportCancelled, apply_plan, build_plan

CUSTOMERS = "First Name,Last Name,Email,Total Spent,Accepts Email Marketing\n" + "".join(
    f"Ana{n},Lee,ana{n}@example.com,0,no\n" for n in range(600))


def test_paused_for_the_block_and_back_after_a_failure():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("stop")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_import_cancelled_midway_gives_the_collector_back(db, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_text(CUSTOMERS, encoding="utf-8")
    seen = []

    def progress(done, total):
        seen.append(gc.isenabled())
        return False

    with pytest.raises(ImportCancelled):
        apply_plan(build_plan(path), progress=progress)
    assert seen == [False] and gc.isenabled()
